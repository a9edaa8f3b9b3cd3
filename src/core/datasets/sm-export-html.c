/* sm-export-html.c: a page to look at annotations rather than read JSON.
 *
 * Each document is an article with its spans highlighted in their label
 * colours (overlapping spans as stacked bands), a legend with per-label
 * counts, who said each claim, the other relations and the notes. A
 * corpus page adds a summary table, which CSS shows first although it is
 * written last, so a corpus of any size is written in one pass.
 *
 * The page is self-contained (no script, no fetched resource) and every
 * character that comes from a document is escaped, so an article cannot
 * inject markup. The article's text is the exact text content of its
 * element, CR included (as "&#13;", which HTML parsers keep).
 *
 * A discontinuous span is marked on each of its fragments, with the same
 * id in their titles and its label where each fragment starts; the text
 * between them (the attribution inside a quotation) is not marked.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-export-private.h"

/* Highlights are the label colour at this opacity, so text stays readable */
#define HIGHLIGHT_ALPHA "55"

typedef struct
{
  char  *id;
  char  *name;
  char  *color;
  guint  count;
} TotalLabel;

typedef struct
{
  guint  index;
  char  *name;
  guint *counts;     /* per label of the totals, as many as when it was added */
  guint  n_counts;
} TotalDocument;

struct _SmHtmlTotals
{
  GPtrArray  *labels;      /* TotalLabel */
  GPtrArray  *documents;   /* TotalDocument */
};

static const char style[] =
  ":root { color-scheme: light dark; --fg: #1e1e1e; --bg: #fafafa; --muted: #616161; --line: #d0d0d0; }\n"
  "@media (prefers-color-scheme: dark) { :root { --fg: #f0f0f0; --bg: #242424; --muted: #b0b0b0; --line: #505050; } }\n"
  "body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, sans-serif; }\n"
  "main { display: flex; flex-direction: column; gap: 3rem; max-width: 52rem; margin: 0 auto; padding: 2rem 1rem; }\n"
  "nav.summary { order: -1; }\n"
  "h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }\n"
  ".meta, .none { color: var(--muted); }\n"
  "ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }\n"
  ".swatch { display: inline-block; width: .9em; height: .9em; border-radius: .2em; vertical-align: -.1em; margin-right: .35em; }\n"
  ".count { font-variant-numeric: tabular-nums; color: var(--muted); margin-left: .35em; }\n"
  ".text { white-space: pre-wrap; overflow-wrap: break-word; font-size: 1.05rem; line-height: 1.8; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 1rem 0; }\n"
  "mark { color: inherit; border-radius: .15em; padding: .1em 0; }\n"
  "mark[data-start]::before { content: attr(data-start); font-size: .6em; font-weight: 600; vertical-align: .6em; margin-right: .15em; opacity: .75; }\n"
  "table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }\n"
  "td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "a { color: inherit; } code { font-size: .85em; }\n";

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length,
                gboolean    attribute)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  const char *run = text;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;
      const char *entity = NULL;
      char buffer[8];

      switch (c)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = attribute ? "&quot;" : NULL; break;
        case '\'': entity = attribute ? "&#39;" : NULL; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default:
          if (c < 0x20 || c == 0x7F)
            {
              g_snprintf (buffer, sizeof buffer, "&#%u;", c);
              entity = buffer;
            }
          break;
        }

      if (entity != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, entity);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, end - run);
}

static void
append_text (GString    *out,
             const char *text)
{
  append_escaped (out, text, -1, FALSE);
}

static void
append_attribute (GString    *out,
                  const char *text)
{
  append_escaped (out, text, -1, TRUE);
}

void
_sm_export_html_begin (GString    *out,
                       const char *title)
{
  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Spanmark " PACKAGE_VERSION "\">\n<title>");
  append_text (out, title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n");
}

static SmLabel *
find_label (SmDocument *document,
            const char *id)
{
  return sm_document_find_label (document, id);
}

static void
append_span_link (GString    *out,
                  GHashTable *span_numbers,
                  guint       index,
                  SmSpan     *span)
{
  g_autofree char *text = NULL;

  g_string_append_printf (out, "<a href=\"#d%u-s%u\">", index,
                          GPOINTER_TO_UINT (g_hash_table_lookup (span_numbers, span)));
  append_text (out, sm_span_get_id (span));
  g_string_append (out, "</a> ");
  append_text (out, "“");
  append_text (out, sm_span_get_text (span));
  append_text (out, "”");
}

/* Spans covering one stretch of text, in order of their start */
static void
append_mark (GString    *out,
             SmDocument *document,
             GPtrArray  *active,
             GPtrArray  *starting)
{
  g_string_append (out, "<mark style=\"background:");

  if (active->len == 1)
    {
      SmLabel *label = find_label (document, sm_span_get_label (g_ptr_array_index (active, 0)));

      g_string_append_printf (out, " %s" HIGHLIGHT_ALPHA, sm_label_get_color (label));
    }
  else
    {
      /* Overlapping spans are bands stacked from the outermost down */
      g_string_append (out, " linear-gradient(");
      for (guint i = 0; i < active->len; i++)
        {
          SmLabel *label = find_label (document, sm_span_get_label (g_ptr_array_index (active, i)));

          g_string_append_printf (out, "%s%s" HIGHLIGHT_ALPHA " %u%% %u%%",
                                  i > 0 ? ", " : "", sm_label_get_color (label),
                                  i * 100 / active->len, (i + 1) * 100 / active->len);
        }
      g_string_append_c (out, ')');
    }

  g_string_append (out, "\" title=\"");
  for (guint i = 0; i < active->len; i++)
    {
      SmSpan *span = g_ptr_array_index (active, i);
      SmLabel *label = find_label (document, sm_span_get_label (span));

      if (i > 0)
        g_string_append (out, "; ");
      append_attribute (out, sm_span_get_id (span));
      g_string_append_c (out, ' ');
      append_attribute (out, sm_label_get_name (label));
    }
  g_string_append_c (out, '"');

  if (starting->len > 0)
    {
      g_string_append (out, " data-start=\"");
      for (guint i = 0; i < starting->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_attribute (out, sm_span_get_label (g_ptr_array_index (starting, i)));
        }
      g_string_append_c (out, '"');
    }

  g_string_append_c (out, '>');
}

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
append_article (GString    *out,
                SmDocument *document,
                GPtrArray  *spans,
                GHashTable *span_numbers,
                guint       index)
{
  SmText *text = sm_document_get_text (document);
  const char *utf8 = sm_text_get_utf8 (text);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) starting = g_ptr_array_new ();
  guint length = sm_text_get_length (text);
  guint next_span = 0;
  gsize byte = 0;

  g_array_append_val (bounds, length);
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          g_array_append_val (bounds, start);
          g_array_append_val (bounds, end);
        }
    }
  g_array_sort (bounds, compare_guint);

  g_string_append (out, "<div class=\"text\">");

  for (guint b = 0, from = 0; b < bounds->len; b++)
    {
      guint to = g_array_index (bounds, guint, b);
      gsize to_byte;

      if (to == from)
        continue;

      /* Spans that ended are gone; those starting here join */
      for (guint i = active->len; i > 0; i--)
        {
          if (sm_span_get_end (g_ptr_array_index (active, i - 1)) <= from)
            g_ptr_array_remove_index (active, i - 1);
        }

      while (next_span < spans->len && sm_span_get_start (g_ptr_array_index (spans, next_span)) == from)
        {
          SmSpan *span = g_ptr_array_index (spans, next_span++);

          g_ptr_array_add (active, span);
          g_string_append_printf (out, "<span id=\"d%u-s%u\"></span>", index,
                                  GPOINTER_TO_UINT (g_hash_table_lookup (span_numbers, span)));
        }

      /* Of those, the ones with a fragment here, and those it starts */
      g_ptr_array_set_size (shown, 0);
      g_ptr_array_set_size (starting, 0);
      for (guint i = 0; i < active->len; i++)
        {
          SmSpan *span = g_ptr_array_index (active, i);
          guint fragment, start, end;

          if (!sm_span_find_fragment (span, from, &fragment))
            continue;
          g_ptr_array_add (shown, span);
          sm_span_get_fragment (span, fragment, &start, &end);
          if (start == from)
            g_ptr_array_add (starting, span);
        }

      to_byte = sm_text_get_byte_offset (text, to);

      if (shown->len > 0)
        {
          append_mark (out, document, shown, starting);
          append_escaped (out, utf8 + byte, to_byte - byte, FALSE);
          g_string_append (out, "</mark>");
        }
      else
        append_escaped (out, utf8 + byte, to_byte - byte, FALSE);

      byte = to_byte;
      from = to;
    }

  g_string_append (out, "</div>\n");
}

static void
append_legend (GString               *out,
               SmDocument            *document,
               const SmExportOptions *options)
{
  GListModel *labels = sm_document_get_labels (document);
  guint n = g_list_model_get_n_items (labels);

  g_string_append (out, "<ul class=\"legend\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (!_sm_export_options_keeps_label (options, sm_label_get_id (label)))
        continue;

      g_string_append_printf (out, "<li><span class=\"swatch\" style=\"background: %s\"></span>",
                              sm_label_get_color (label));
      append_text (out, sm_label_get_name (label));
      g_string_append (out, " <code>");
      append_text (out, sm_label_get_id (label));
      g_string_append_printf (out, "</code><span class=\"count\">%u</span></li>\n",
                              sm_document_count_spans_with_label (document, sm_label_get_id (label)));
    }
  g_string_append (out, "</ul>\n");
}

static void
append_attributions (GString    *out,
                     SmDocument *document,
                     GPtrArray  *spans,
                     GPtrArray  *relations,
                     GHashTable *span_numbers,
                     guint       index)
{
  g_autoptr(GHashTable) speakers = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  gboolean any = FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);
      GPtrArray *list;

      if (g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) != 0)
        continue;

      if (!(list = g_hash_table_lookup (speakers, sm_relation_get_from (relation))))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (speakers, sm_relation_get_from (relation), list);
        }
      g_ptr_array_add (list, sm_relation_get_to (relation));
    }

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      GPtrArray *list = g_hash_table_lookup (speakers, span);

      if (list == NULL && g_strcmp0 (sm_span_get_label (span), SM_LABEL_CLAIM) != 0)
        continue;

      if (!any)
        {
          g_string_append_printf (out, "<h2>%s</h2>\n<table class=\"attributions\">\n"
                                       "<tr><th>%s</th><th>%s</th></tr>\n",
                                  _("Who said what"), _("Claim"), _("Speaker"));
          any = TRUE;
        }

      g_string_append (out, "<tr><td>");
      append_span_link (out, span_numbers, index, span);
      g_string_append (out, "</td><td>");
      if (list == NULL)
        g_string_append_printf (out, "<span class=\"none\">%s</span>", _("not attributed"));
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>");
          append_span_link (out, span_numbers, index, g_ptr_array_index (list, j));
        }
      g_string_append (out, "</td></tr>\n");
    }

  if (any)
    g_string_append (out, "</table>\n");
}

static void
append_other_relations (GString    *out,
                        GPtrArray  *relations,
                        GHashTable *span_numbers,
                        guint       index)
{
  gboolean any = FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0)
        continue;

      if (!any)
        {
          g_string_append_printf (out, "<h2>%s</h2>\n<table class=\"relations\">\n"
                                       "<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                                  _("Other relations"), _("From"), _("Relation"), _("To"));
          any = TRUE;
        }

      g_string_append (out, "<tr><td>");
      append_span_link (out, span_numbers, index, sm_relation_get_from (relation));
      g_string_append (out, "</td><td>");
      append_text (out, sm_relation_get_type_name (relation));
      g_string_append (out, "</td><td>");
      append_span_link (out, span_numbers, index, sm_relation_get_to (relation));
      g_string_append (out, "</td></tr>\n");
    }

  if (any)
    g_string_append (out, "</table>\n");
}

static void
append_notes (GString    *out,
              GPtrArray  *spans,
              GHashTable *span_numbers,
              guint       index)
{
  gboolean any = FALSE;

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (sm_span_get_note (span) == NULL)
        continue;

      if (!any)
        {
          g_string_append_printf (out, "<h2>%s</h2>\n<dl class=\"notes\">\n", _("Notes"));
          any = TRUE;
        }

      g_string_append (out, "<dt>");
      append_span_link (out, span_numbers, index, span);
      g_string_append (out, "</dt><dd>");
      append_text (out, sm_span_get_note (span));
      g_string_append (out, "</dd>\n");
    }

  if (any)
    g_string_append (out, "</dl>\n");
}

/**
 * _sm_export_html_append:
 * @index: the document's number in the page, which makes its anchors unique
 */
void
_sm_export_html_append (GString               *out,
                        SmDocument            *document,
                        const SmExportOptions *options,
                        guint                  index)
{
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GPtrArray) relations = _sm_export_get_relations (document, options);
  g_autoptr(GHashTable) span_numbers = g_hash_table_new (NULL, NULL);
  const char *annotator = sm_document_get_annotator (document);

  for (guint i = 0; i < spans->len; i++)
    g_hash_table_insert (span_numbers, g_ptr_array_index (spans, i), GUINT_TO_POINTER (i));

  g_string_append_printf (out, "<article class=\"document\" id=\"d%u\">\n<h1>", index);
  append_text (out, sm_document_get_name (document));
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  g_string_append_printf (out, _("Status: %s"),
                          sm_document_status_to_string (sm_document_get_status (document)));
  if (annotator != NULL && annotator[0] != '\0')
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("Annotator: %s"), "");
      append_text (out, annotator);
    }
  g_string_append (out, " · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", spans->len),
                          spans->len);
  g_string_append (out, " · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                            relations->len),
                          relations->len);
  g_string_append (out, "</p>\n");

  append_legend (out, document, options);
  append_article (out, document, spans, span_numbers, index);
  append_attributions (out, document, spans, relations, span_numbers, index);
  append_other_relations (out, relations, span_numbers, index);
  append_notes (out, spans, span_numbers, index);

  g_string_append (out, "</article>\n");
}

static void
total_label_free (TotalLabel *label)
{
  g_free (label->id);
  g_free (label->name);
  g_free (label->color);
  g_free (label);
}

static void
total_document_free (TotalDocument *document)
{
  g_free (document->name);
  g_free (document->counts);
  g_free (document);
}

SmHtmlTotals *
_sm_html_totals_new (void)
{
  SmHtmlTotals *totals = g_new0 (SmHtmlTotals, 1);

  totals->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) total_label_free);
  totals->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) total_document_free);

  return totals;
}

void
_sm_html_totals_free (SmHtmlTotals *totals)
{
  g_clear_pointer (&totals->labels, g_ptr_array_unref);
  g_clear_pointer (&totals->documents, g_ptr_array_unref);
  g_free (totals);
}

void
_sm_html_totals_add_document (SmHtmlTotals          *totals,
                              SmDocument            *document,
                              const SmExportOptions *options,
                              guint                  index)
{
  GListModel *labels = sm_document_get_labels (document);
  guint n = g_list_model_get_n_items (labels);
  TotalDocument *total;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      gboolean known = FALSE;

      if (!_sm_export_options_keeps_label (options, sm_label_get_id (label)))
        continue;

      for (guint j = 0; j < totals->labels->len && !known; j++)
        known = strcmp (((TotalLabel *) g_ptr_array_index (totals->labels, j))->id,
                        sm_label_get_id (label)) == 0;

      if (!known)
        {
          TotalLabel *total_label = g_new0 (TotalLabel, 1);

          total_label->id = g_strdup (sm_label_get_id (label));
          total_label->name = g_strdup (sm_label_get_name (label));
          total_label->color = g_strdup (sm_label_get_color (label));
          g_ptr_array_add (totals->labels, total_label);
        }
    }

  total = g_new0 (TotalDocument, 1);
  total->index = index;
  total->name = g_strdup (sm_document_get_name (document));
  total->n_counts = totals->labels->len;
  total->counts = g_new0 (guint, total->n_counts);

  for (guint j = 0; j < totals->labels->len; j++)
    {
      TotalLabel *label = g_ptr_array_index (totals->labels, j);

      total->counts[j] = sm_document_count_spans_with_label (document, label->id);
      label->count += total->counts[j];
    }

  g_ptr_array_add (totals->documents, total);
}

/**
 * _sm_export_html_end:
 * @totals: (nullable): the corpus's totals, for a page of several documents
 */
void
_sm_export_html_end (GString      *out,
                     SmHtmlTotals *totals)
{
  if (totals != NULL && totals->documents->len > 1)
    {
      g_string_append_printf (out, "<nav class=\"summary\">\n<h1>%s</h1>\n<p class=\"meta\">",
                              _("Corpus"));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                totals->documents->len),
                              totals->documents->len);
      g_string_append_printf (out, "</p>\n<table>\n<tr><th>%s</th>", _("Document"));
      for (guint j = 0; j < totals->labels->len; j++)
        {
          TotalLabel *label = g_ptr_array_index (totals->labels, j);

          g_string_append_printf (out, "<th class=\"number\"><span class=\"swatch\" style=\"background: %s\"></span>",
                                  label->color);
          append_text (out, label->name);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr>\n");

      for (guint i = 0; i < totals->documents->len; i++)
        {
          TotalDocument *document = g_ptr_array_index (totals->documents, i);

          g_string_append_printf (out, "<tr><td><a href=\"#d%u\">", document->index);
          append_text (out, document->name);
          g_string_append (out, "</a></td>");
          for (guint j = 0; j < totals->labels->len; j++)
            g_string_append_printf (out, "<td class=\"number\">%u</td>",
                                    j < document->n_counts ? document->counts[j] : 0);
          g_string_append (out, "</tr>\n");
        }

      g_string_append_printf (out, "<tr><th>%s</th>", _("All documents"));
      for (guint j = 0; j < totals->labels->len; j++)
        g_string_append_printf (out, "<th class=\"number\">%u</th>",
                                ((TotalLabel *) g_ptr_array_index (totals->labels, j))->count);
      g_string_append (out, "</tr>\n</table>\n</nav>\n");
    }

  g_string_append (out, "</main>\n</body>\n</html>\n");
}
