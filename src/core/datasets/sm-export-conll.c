/* sm-export-conll.c: CoNLL with IOB2 tags, one tag column per label.
 *
 * One token per line ("token<TAB>B-SPEAKER<TAB>O<TAB>O"), a blank line
 * after each sentence, and "-DOCSTART-" before each document. Spans nest
 * and overlap in Spanmark but not within an IOB2 column, so each label
 * gets its own column; two spans of one label on the same tokens cannot
 * share it, and the later is left out with a warning. The output is
 * always valid IOB2: every I- follows a B- or I- of the same label in the
 * same sentence, because a sentence never ends inside a span.
 *
 * Tags cover whole tokens (sm-tokenizer.c, docs/conll.md). A span whose
 * edge falls inside a token is widened to the token, with a warning
 * naming it, never moved in silence.
 *
 * IOB2 has no discontinuous spans: each fragment of one is tagged as a
 * span of its own, B- at its first token, so that the tokens between
 * fragments (the attribution inside a quotation) stay "O" and the column
 * stays valid IOB2; a warning says so.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-conll"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-corpus-private.h"
#include "sm-export-private.h"
#include "sm-tokenizer.h"

enum {
  TAG_O,
  TAG_B,
  TAG_I,
};

struct _SmConllDocument
{
  SmText   *text;
  GArray   *tokens;       /* SmToken */
  char    **labels;       /* the labels tagged, in the document's order */
  guint8  **tags;         /* for each label, a tag for each token */
  guint8   *sentence_end; /* for each token, whether a sentence ends after it */
};

typedef struct
{
  SmSpan *span;
  guint   first;   /* first token */
  guint   last;    /* last token */
} Tagged;           /* a span, or one fragment of a discontinuous span */

void
_sm_conll_document_free (SmConllDocument *conll)
{
  for (guint i = 0; conll->labels != NULL && conll->labels[i] != NULL; i++)
    g_free (conll->tags[i]);
  g_free (conll->tags);
  g_strfreev (conll->labels);
  g_clear_pointer (&conll->tokens, g_array_unref);
  g_clear_pointer (&conll->text, sm_text_unref);
  g_free (conll->sentence_end);
  g_free (conll);
}

/* The first token that ends after @offset */
static guint
token_after (GArray *tokens,
             guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, SmToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first token that starts at or after @offset */
static guint
token_from (GArray *tokens,
            guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, SmToken, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static char *
quote_tokens (SmConllDocument *conll,
              guint            first,
              guint            last)
{
  g_autofree char *text = sm_text_dup_slice (conll->text,
                                             g_array_index (conll->tokens, SmToken, first).start,
                                             g_array_index (conll->tokens, SmToken, last).end);

  return _sm_corpus_quote (text);
}

static gint
compare_tagged (gconstpointer a,
                gconstpointer b)
{
  const Tagged *x = a;
  const Tagged *y = b;

  /* In order, and of two spans starting on one token the longer first */
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->last != y->last)
    return x->last > y->last ? -1 : 1;
  return 0;
}

/* Finds the tokens of @span's fragment @index, saying how they differ */
static void
tag_fragment (SmConllDocument *conll,
              SmSpan          *span,
              guint            index,
              GArray          *tagged,
              const char      *display_name,
              GPtrArray       *warnings)
{
  GArray *tokens = conll->tokens;
  guint start, end, after;
  Tagged t = { span, 0, 0 };
  gboolean start_inside, end_inside;
  g_autofree char *quoted_span = NULL;
  g_autofree char *quoted_tokens = NULL;

  sm_span_get_fragment (span, index, &start, &end);
  t.first = token_after (tokens, start);
  after = token_from (tokens, end);

  if (t.first >= tokens->len || after == 0 || after - 1 < t.first)
    {
      if (sm_span_get_n_fragments (span) == 1)
        _sm_export_warn (warnings, display_name,
                         _("span %s (%s) covers no token, only spaces or invisible characters,"
                           " so it is left out"),
                         sm_span_get_id (span), sm_span_get_label (span));
      else
        _sm_export_warn (warnings, display_name,
                         _("span %s (%s): its fragment %u covers no token, only spaces or"
                           " invisible characters, so it is left out"),
                         sm_span_get_id (span), sm_span_get_label (span), index + 1);
      return;
    }
  t.last = after - 1;

  start_inside = g_array_index (tokens, SmToken, t.first).start < start;
  end_inside = g_array_index (tokens, SmToken, t.last).end > end;

  if (start_inside || end_inside)
    {
      g_autofree char *fragment = sm_text_dup_slice (conll->text, start, end);

      quoted_span = _sm_corpus_quote (fragment);
      quoted_tokens = quote_tokens (conll, t.first, t.last);
    }

  if (start_inside && end_inside)
    _sm_export_warn (warnings, display_name,
                     _("span %s (%s %s) starts and ends inside tokens, and CoNLL tags whole"
                       " tokens: it is tagged as %s"),
                     sm_span_get_id (span), sm_span_get_label (span), quoted_span, quoted_tokens);
  else if (start_inside)
    _sm_export_warn (warnings, display_name,
                     _("span %s (%s %s) starts inside a token, and CoNLL tags whole tokens:"
                       " it is tagged as %s"),
                     sm_span_get_id (span), sm_span_get_label (span), quoted_span, quoted_tokens);
  else if (end_inside)
    _sm_export_warn (warnings, display_name,
                     _("span %s (%s %s) ends inside a token, and CoNLL tags whole tokens:"
                       " it is tagged as %s"),
                     sm_span_get_id (span), sm_span_get_label (span), quoted_span, quoted_tokens);

  g_array_append_val (tagged, t);
}

/* Places the spans of one label on the tokens; @covered marks the token
 * pairs a sentence must not separate */
static void
tag_label (SmConllDocument *conll,
           GPtrArray       *spans,
           guint8          *tags,
           guint8          *covered,
           const char      *display_name,
           GPtrArray       *warnings)
{
  g_autoptr(GArray) tagged = g_array_new (FALSE, FALSE, sizeof (Tagged));
  Tagged *kept = NULL;

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      guint n_fragments = sm_span_get_n_fragments (span);

      if (n_fragments > 1)
        {
          g_autofree char *quoted_span = _sm_corpus_quote (sm_span_get_text (span));

          _sm_export_warn (warnings, display_name,
                           _("span %s (%s %s) is in %u fragments, and CoNLL has no discontinuous"
                             " spans: each fragment is tagged as a span of its own"),
                           sm_span_get_id (span), sm_span_get_label (span), quoted_span, n_fragments);
        }

      for (guint f = 0; f < n_fragments; f++)
        tag_fragment (conll, span, f, tagged, display_name, warnings);
    }

  g_array_sort (tagged, compare_tagged);

  for (guint i = 0; i < tagged->len; i++)
    {
      Tagged *t = &g_array_index (tagged, Tagged, i);

      /* Two fragments of one span in one token (a gap inside a word) */
      if (kept != NULL && t->first <= kept->last && t->span == kept->span)
        {
          for (guint k = kept->last + 1; k <= t->last; k++)
            tags[k] = TAG_I;
          for (guint k = kept->last; k < t->last; k++)
            covered[k] = TRUE;
          kept->last = MAX (kept->last, t->last);
          continue;
        }

      if (kept != NULL && t->first <= kept->last)
        {
          _sm_export_warn (warnings, display_name,
                           _("span %s (%s) shares tokens with span %s, and a CoNLL column holds"
                             " one %s at a time, so %s is left out"),
                           sm_span_get_id (t->span), sm_span_get_label (t->span),
                           sm_span_get_id (kept->span), sm_span_get_label (t->span),
                           sm_span_get_id (t->span));
          continue;
        }

      tags[t->first] = TAG_B;
      for (guint k = t->first + 1; k <= t->last; k++)
        tags[k] = TAG_I;
      for (guint k = t->first; k < t->last; k++)
        covered[k] = TRUE;

      kept = t;
    }
}

/**
 * _sm_conll_document_new:
 *
 * Tokenizes @document and tags its spans, label by label. This is the
 * costly part of a CoNLL export, done in a worker thread.
 */
SmConllDocument *
_sm_conll_document_new (SmDocument            *document,
                        const SmExportOptions *options,
                        const char            *display_name,
                        GPtrArray             *warnings)
{
  SmConllDocument *conll = g_new0 (SmConllDocument, 1);
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree guint8 *covered = NULL;
  GListModel *labels = sm_document_get_labels (document);
  guint n_labels = g_list_model_get_n_items (labels);
  guint n_tokens;

  conll->text = sm_text_ref (sm_document_get_text (document));
  conll->tokens = sm_tokenize (conll->text);
  n_tokens = conll->tokens->len;

  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (_sm_export_options_keeps_label (options, sm_label_get_id (label)))
        g_strv_builder_add (builder, sm_label_get_id (label));
    }
  conll->labels = g_strv_builder_end (builder);
  n_labels = g_strv_length (conll->labels);

  conll->tags = g_new0 (guint8 *, n_labels);
  covered = g_new0 (guint8, n_tokens + 1);

  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(GPtrArray) label_spans = g_ptr_array_new ();

      for (guint j = 0; j < spans->len; j++)
        {
          SmSpan *span = g_ptr_array_index (spans, j);

          if (strcmp (sm_span_get_label (span), conll->labels[i]) == 0)
            g_ptr_array_add (label_spans, span);
        }

      conll->tags[i] = g_new0 (guint8, n_tokens + 1);
      tag_label (conll, label_spans, conll->tags[i], covered, display_name, warnings);
    }

  /* A sentence never ends inside a span, so no I- tag starts a sentence */
  conll->sentence_end = g_new0 (guint8, n_tokens + 1);
  for (guint k = 0; k < n_tokens; k++)
    conll->sentence_end[k] = g_array_index (conll->tokens, SmToken, k).sentence_end && !covered[k];

  return conll;
}

static void
append_tag (GString    *out,
            guint8      tag,
            const char *label)
{
  switch (tag)
    {
    case TAG_B:
      g_string_append (out, "\tB-");
      g_string_append (out, label);
      break;

    case TAG_I:
      g_string_append (out, "\tI-");
      g_string_append (out, label);
      break;

    default:
      g_string_append (out, "\tO");
      break;
    }
}

/**
 * _sm_conll_document_append:
 * @columns: the labels of the export's tag columns, in order
 *
 * Writes the document with a tag column for each of @columns, "O" all
 * along for a label the document does not have.
 */
void
_sm_conll_document_append (SmConllDocument    *conll,
                           GString            *out,
                           const char * const *columns)
{
  guint n_columns = g_strv_length ((char **) columns);
  g_autofree gint *column_labels = g_new (gint, n_columns + 1);
  const char *utf8 = sm_text_get_utf8 (conll->text);

  for (guint c = 0; c < n_columns; c++)
    {
      column_labels[c] = -1;
      for (guint i = 0; conll->labels[i] != NULL; i++)
        {
          if (strcmp (conll->labels[i], columns[c]) == 0)
            column_labels[c] = (gint) i;
        }
    }

  g_string_append (out, "-DOCSTART-");
  for (guint c = 0; c < n_columns; c++)
    g_string_append (out, "\tO");
  g_string_append (out, "\n\n");

  for (guint k = 0; k < conll->tokens->len; k++)
    {
      SmToken *token = &g_array_index (conll->tokens, SmToken, k);
      gsize start = sm_text_get_byte_offset (conll->text, token->start);
      gsize end = sm_text_get_byte_offset (conll->text, token->end);

      g_string_append_len (out, utf8 + start, end - start);
      for (guint c = 0; c < n_columns; c++)
        {
          if (column_labels[c] < 0)
            g_string_append (out, "\tO");
          else
            append_tag (out, conll->tags[column_labels[c]][k], columns[c]);
        }
      g_string_append_c (out, '\n');

      if (conll->sentence_end[k])
        g_string_append_c (out, '\n');
    }
}
