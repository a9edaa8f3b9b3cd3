/* sm-import-brat.c: brat standoff (.txt and .ann pairs) as Spanmark documents.
 *
 * Text-bound annotations (T) become spans with their brat ids, relations
 * (R) relations, and AnnotatorNotes (#) on spans their notes. Every other
 * line (events, attributes, normalizations, equivalences, notes on other
 * things) is reported, once per kind and file, with where the first one
 * is: Spanmark keeps none of them, and the user must know. A span in
 * several fragments becomes one span per fragment, with a warning, unless
 * only line breaks separate its fragments: that is how brat, and Spanmark's
 * own export, write a span over a line break.
 *
 * Every span's offsets and text are checked against the .txt before
 * anything is made of the file, and the first disagreement refuses it:
 * "x.ann:12:9: span T7: ...".
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-import-brat"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-corpus-private.h"
#include "sm-document-private.h"
#include "sm-import-private.h"
#include "sm-span-private.h"

typedef enum
{
  SKIPPED_EVENT,
  SKIPPED_ATTRIBUTE,
  SKIPPED_NORMALIZATION,
  SKIPPED_EQUIVALENCE,
  SKIPPED_RELATION,        /* a relation with an argument that is not a span */
  SKIPPED_NOTE_TYPE,       /* a note other than AnnotatorNotes */
  SKIPPED_NOTE_TARGET,     /* AnnotatorNotes on something other than a span */
  SKIPPED_UNKNOWN,
  N_SKIPPED
} Skipped;

typedef struct
{
  guint  count;
  guint  first_line;
  char  *first_detail;
} Tally;

typedef struct
{
  guint start;
  guint end;
} Fragment;

typedef struct
{
  char   *id;
  char   *type;
  GArray *fragments;    /* Fragment */
  char   *text;
  guint   line;
  guint   type_column;
  guint   offsets_column;
  guint   text_column;
} TextBound;

typedef struct
{
  char  *id;
  char  *type;
  char  *from;
  char  *to;
  guint  line;
  guint  type_column;
  guint  from_column;
  guint  to_column;
} Relation;

typedef struct
{
  char  *target;
  char  *text;
  guint  line;
} Note;

typedef struct
{
  const char    *ann_name;
  const char    *txt_name;
  GPtrArray     *warnings;

  GPtrArray     *text_bounds;   /* TextBound */
  GPtrArray     *relations;     /* Relation */
  GPtrArray     *notes;         /* Note */
  GHashTable    *ids;           /* id -> GUINT_TO_POINTER (line) */
  Tally          skipped[N_SKIPPED];
  guint          next_number;   /* for the extra fragments of spans */
  GHashTable    *type_names;    /* brat type -> Spanmark name, or NULL */
} Parser;

/* The Spanmark name a brat type stands for */
static const char *
name_of_type (Parser     *parser,
              const char *type)
{
  const char *name = parser->type_names ? g_hash_table_lookup (parser->type_names, type) : NULL;

  return name ? name : type;
}

static void
text_bound_free (TextBound *t)
{
  g_free (t->id);
  g_free (t->type);
  g_array_unref (t->fragments);
  g_free (t->text);
  g_free (t);
}

static void
relation_free (Relation *r)
{
  g_free (r->id);
  g_free (r->type);
  g_free (r->from);
  g_free (r->to);
  g_free (r);
}

static void
note_free (Note *n)
{
  g_free (n->target);
  g_free (n->text);
  g_free (n);
}

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->text_bounds, g_ptr_array_unref);
  g_clear_pointer (&parser->relations, g_ptr_array_unref);
  g_clear_pointer (&parser->notes, g_ptr_array_unref);
  g_clear_pointer (&parser->ids, g_hash_table_unref);
  for (guint i = 0; i < N_SKIPPED; i++)
    g_clear_pointer (&parser->skipped[i].first_detail, g_free);
}

static guint
column_of (const char *line,
           const char *p)
{
  return (guint) g_utf8_strlen (line, p - line) + 1;
}

static gboolean fail (GError     **error,
                      gint         code,
                      const char  *file_name,
                      guint        line,
                      guint        column,
                      const char  *format,
                      ...) G_GNUC_PRINTF (6, 7);

static gboolean
fail (GError     **error,
      gint         code,
      const char  *file_name,
      guint        line,
      guint        column,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SM_IMPORT_ERROR, code, "%s:%u:%u: %s", file_name, line, column, message);

  return FALSE;
}

static void
tally (Parser     *parser,
       Skipped     kind,
       guint       line,
       const char *detail)
{
  Tally *t = &parser->skipped[kind];

  if (t->count++ == 0)
    {
      t->first_line = line;
      t->first_detail = g_strdup (detail);
    }
}

/* Reads a whole number at *p, moving past it */
static gboolean
read_number (const char **p,
             guint       *value)
{
  guint64 number = 0;
  const char *q = *p;

  if (!g_ascii_isdigit (*q))
    return FALSE;

  while (g_ascii_isdigit (*q))
    {
      number = number * 10 + (guint64) (*q - '0');
      if (number >= G_MAXUINT)
        return FALSE;
      q++;
    }

  *value = (guint) number;
  *p = q;

  return TRUE;
}

static gboolean
claim_id (Parser      *parser,
          const char  *id,
          guint        line,
          GError     **error)
{
  gpointer first;

  if (id[0] == '\0')
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, line, 1,
                 _("the line starts with a tab: an annotation line starts with its id"));

  if ((first = g_hash_table_lookup (parser->ids, id)) != NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, line, 1,
                 _("the id %s is given twice (first on line %u)"), id, GPOINTER_TO_UINT (first));

  g_hash_table_insert (parser->ids, g_strdup (id), GUINT_TO_POINTER (line));

  /* Extra fragments of spans get numbers after every T<n> of the file */
  if (id[0] == 'T')
    {
      guint64 number = g_ascii_strtoull (id + 1, NULL, 10);

      if (number < G_MAXUINT / 2 && number >= parser->next_number)
        parser->next_number = (guint) number + 1;
    }

  return TRUE;
}

/* "T1<TAB>Person 0 5;7 9<TAB>Raul Sala" */
static gboolean
parse_text_bound (Parser      *parser,
                  const char  *line,
                  guint        number,
                  GError     **error)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const char *tab = strchr (line, '\t');
  const char *middle, *space, *p, *text_tab;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  TextBound *t;

  if (tab == NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, 1,
                 _("a span line is an id, a tab, the label and offsets, a tab and the text,"
                   " such as “T1<TAB>SPEAKER 0 5<TAB>Raisi”; this line has no tab"));

  id = g_strndup (line, tab - line);
  if (!claim_id (parser, id, number, error))
    return FALSE;

  middle = tab + 1;
  space = strchr (middle, ' ');
  text_tab = strchr (middle, '\t');

  if (space == NULL || (text_tab != NULL && space > text_tab) || space == middle)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, middle),
                 _("span %s: expected the label, a space and the offsets, such as “SPEAKER 0 5”"),
                 id);

  type = g_strndup (middle, space - middle);
  p = space;

  for (;;)
    {
      Fragment fragment;
      const char *at = p + 1;

      if (*p != ' ' && *p != ';')
        break;
      p++;

      if (!read_number (&p, &fragment.start) || *p != ' ' || (p++, !read_number (&p, &fragment.end)))
        return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, at),
                     _("span %s: expected a start and an end offset, whole numbers such as “0 5”"
                       " (fragments separated by “;”)"), id);

      if (fragment.start >= fragment.end)
        return fail (error, SM_IMPORT_ERROR_MISMATCH, parser->ann_name, number, column_of (line, at),
                     fragment.start == fragment.end
                       ? _("span %s: the span [%u, %u) is empty")
                       : _("span %s: the start %u is after the end %u"),
                     id, fragment.start, fragment.end);

      g_array_append_val (fragments, fragment);

      if (*p != ';')
        break;
    }

  if (*p != '\t')
    {
      if (*p == '\0')
        return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, p),
                     _("span %s: there is no tab and text after the offsets; without the text"
                       " the offsets cannot be checked"), id);

      return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, p),
                   _("span %s: unexpected “%c” after the offsets; expected a tab and the text"),
                   id, *p);
    }

  t = g_new0 (TextBound, 1);
  t->id = g_steal_pointer (&id);
  t->type = g_steal_pointer (&type);
  t->fragments = g_steal_pointer (&fragments);
  t->text = g_strdup (p + 1);
  t->line = number;
  t->type_column = column_of (line, middle);
  t->offsets_column = column_of (line, space + 1);
  t->text_column = column_of (line, p + 1);
  g_ptr_array_add (parser->text_bounds, t);

  return TRUE;
}

static gboolean
parse_argument (Parser      *parser,
                const char  *line,
                guint        number,
                const char  *id,
                const char **p,
                char       **target,
                guint       *column,
                GError     **error)
{
  const char *start = *p;
  const char *colon, *end;

  end = start + strcspn (start, " \t");
  colon = memchr (start, ':', end - start);

  if (colon == NULL || colon == start || colon + 1 == end)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, start),
                 _("relation %s: expected two arguments such as “Arg1:T4 Arg2:T1”"), id);

  *target = g_strndup (colon + 1, end - colon - 1);
  *column = column_of (line, colon + 1);
  *p = end;

  return TRUE;
}

/* "R1<TAB>said_by Arg1:T4 Arg2:T1" */
static gboolean
parse_relation (Parser      *parser,
                const char  *line,
                guint        number,
                GError     **error)
{
  const char *tab = strchr (line, '\t');
  const char *middle, *space, *p;
  g_autofree char *id = NULL;
  Relation *r;

  if (tab == NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, 1,
                 _("a relation line is an id, a tab, the type and two arguments, such as"
                   " “R1<TAB>said_by Arg1:T4 Arg2:T1”; this line has no tab"));

  id = g_strndup (line, tab - line);
  if (!claim_id (parser, id, number, error))
    return FALSE;

  middle = tab + 1;
  space = strchr (middle, ' ');
  if (space == NULL || space == middle)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, middle),
                 _("relation %s: expected the type and two arguments, such as"
                   " “said_by Arg1:T4 Arg2:T1”"), id);

  r = g_new0 (Relation, 1);
  r->id = g_steal_pointer (&id);
  r->type = g_strndup (middle, space - middle);
  r->line = number;
  r->type_column = column_of (line, middle);
  g_ptr_array_add (parser->relations, r);

  p = space + 1;
  if (!parse_argument (parser, line, number, r->id, &p, &r->from, &r->from_column, error))
    return FALSE;

  if (*p != ' ')
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, p),
                 _("relation %s: expected two arguments such as “Arg1:T4 Arg2:T1”"), r->id);
  p++;

  if (!parse_argument (parser, line, number, r->id, &p, &r->to, &r->to_column, error))
    return FALSE;

  /* brat ends relation lines with a tab; anything after it is ignored */
  if (*p != '\0' && *p != '\t')
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, p),
                 _("relation %s: a relation has two arguments; a third is not expected"), r->id);

  return TRUE;
}

/* "#1<TAB>AnnotatorNotes T1<TAB>the note" */
static gboolean
parse_note (Parser      *parser,
            const char  *line,
            guint        number,
            GError     **error)
{
  const char *tab = strchr (line, '\t');
  const char *middle, *space, *end;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  Note *n;

  if (tab == NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, 1,
                 _("a note line is an id, a tab, “AnnotatorNotes” and what it is about, a tab"
                   " and the note; this line has no tab"));

  id = g_strndup (line, tab - line);
  if (!claim_id (parser, id, number, error))
    return FALSE;

  middle = tab + 1;
  end = middle + strcspn (middle, "\t");
  space = memchr (middle, ' ', end - middle);
  if (space == NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, parser->ann_name, number, column_of (line, middle),
                 _("note %s: expected its type and what it is about, such as “AnnotatorNotes T1”"),
                 id);

  type = g_strndup (middle, space - middle);
  if (strcmp (type, "AnnotatorNotes") != 0)
    {
      tally (parser, SKIPPED_NOTE_TYPE, number, type);
      return TRUE;
    }

  n = g_new0 (Note, 1);
  n->target = g_strndup (space + 1, end - space - 1);
  n->text = g_strdup (*end == '\t' ? end + 1 : "");
  n->line = number;
  g_ptr_array_add (parser->notes, n);

  return TRUE;
}

/* Lines Spanmark does not import still claim their ids, so relations to
 * them are told apart from relations to nothing */
static gboolean
parse_other (Parser      *parser,
             const char  *line,
             guint        number,
             Skipped      kind,
             GError     **error)
{
  const char *tab = strchr (line, '\t');
  g_autofree char *id = g_strndup (line, tab ? (gsize) (tab - line) : strlen (line));

  if (kind != SKIPPED_EQUIVALENCE && kind != SKIPPED_UNKNOWN &&
      !claim_id (parser, id, number, error))
    return FALSE;

  tally (parser, kind, number, id);

  return TRUE;
}

static gboolean
parse_lines (Parser      *parser,
             char        *data,
             GError     **error)
{
  char *line = data;
  guint number = 0;

  while (line != NULL && *line != '\0')
    {
      char *newline = strchr (line, '\n');
      char *next = NULL;
      gsize length;
      gboolean ok = TRUE;

      number++;
      if (newline != NULL)
        {
          *newline = '\0';
          next = newline + 1;
        }

      /* Files written on Windows end lines with CR LF */
      length = strlen (line);
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';

      switch (line[0])
        {
        case '\0':
          break;
        case 'T':
          ok = parse_text_bound (parser, line, number, error);
          break;
        case 'R':
          ok = parse_relation (parser, line, number, error);
          break;
        case '#':
          ok = parse_note (parser, line, number, error);
          break;
        case 'E':
          ok = parse_other (parser, line, number, SKIPPED_EVENT, error);
          break;
        case 'A':
        case 'M':
          ok = parse_other (parser, line, number, SKIPPED_ATTRIBUTE, error);
          break;
        case 'N':
          ok = parse_other (parser, line, number, SKIPPED_NORMALIZATION, error);
          break;
        case '*':
          ok = parse_other (parser, line, number, SKIPPED_EQUIVALENCE, error);
          break;
        default:
          ok = parse_other (parser, line, number, SKIPPED_UNKNOWN, error);
          break;
        }

      if (!ok)
        return FALSE;

      line = next;
    }

  return TRUE;
}

/* Whether [start, end) is nothing but line breaks as brat reads them
 * (sm_text_is_line_break()): fragments apart by those alone are how brat
 * and Spanmark's export write one span over them */
static gboolean
only_line_breaks (SmText *text,
                  guint   start,
                  guint   end)
{
  const char *utf8 = sm_text_get_utf8 (text);
  const char *p = utf8 + sm_text_get_byte_offset (text, start);
  const char *gap_end = utf8 + sm_text_get_byte_offset (text, end);

  if (start >= end)
    return FALSE;

  for (; p < gap_end; p = g_utf8_next_char (p))
    {
      if (!sm_text_is_line_break (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* The text brat shows for the fragments: their texts joined by spaces */
static char *
fragments_text (SmText *text,
                GArray *fragments)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *f = &g_array_index (fragments, Fragment, i);
      g_autofree char *slice = sm_text_dup_slice (text, f->start, f->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, slice);
    }

  return g_string_free (out, FALSE);
}

static gboolean
check_text_bound (Parser     *parser,
                  SmText     *text,
                  TextBound  *t,
                  GError    **error)
{
  guint length = sm_text_get_length (text);
  g_autofree char *actual = NULL;

  for (guint i = 0; i < t->fragments->len; i++)
    {
      Fragment *f = &g_array_index (t->fragments, Fragment, i);

      if (f->end > length)
        return fail (error, SM_IMPORT_ERROR_MISMATCH, parser->ann_name, t->line, t->offsets_column,
                     _("span %s: the end %u is past the end of the text (%u characters in %s)"),
                     t->id, f->end, length, parser->txt_name);
    }

  actual = fragments_text (text, t->fragments);
  if (strcmp (actual, t->text) != 0)
    {
      g_autofree char *quoted_expected = _sm_corpus_quote (t->text);
      g_autofree char *quoted_actual = _sm_corpus_quote (actual);
      Fragment *first = &g_array_index (t->fragments, Fragment, 0);
      Fragment *last = &g_array_index (t->fragments, Fragment, t->fragments->len - 1);
      const char *hint = "";

      /* Two common ways offsets go wrong, named when they explain it */
      if (g_str_has_prefix (sm_text_get_utf8 (text), "\xEF\xBB\xBF") && last->end < length &&
          t->fragments->len == 1 && sm_text_slice_equal (text, first->start + 1, last->end + 1, t->text))
        hint = _(" (the text starts with a byte order mark, U+FEFF, which these offsets seem not to count)");
      else if (strchr (sm_text_get_utf8 (text), '\r') != NULL)
        hint = _(" (the text has CR LF line ends: were the offsets counted with LF only?)");

      return fail (error, SM_IMPORT_ERROR_MISMATCH, parser->ann_name, t->line, t->text_column,
                   _("span %s: the .ann has %s but %s has %s at [%u, %u)%s"),
                   t->id, quoted_expected, parser->txt_name, quoted_actual,
                   first->start, last->end, hint);
    }

  return TRUE;
}

/* Adds a span, or finds the span with the same label and range already there */
static SmSpan *
add_span (Parser     *parser,
          SmDocument *document,
          TextBound  *t,
          const char *id,
          const char *label,
          guint       start,
          guint       end)
{
  g_autofree char *slice = sm_text_dup_slice (sm_document_get_text (document), start, end);
  g_autoptr(SmSpan) span = NULL;
  SmSpan *existing;

  if ((existing = sm_document_find_exact_span (document, start, end, label)) != NULL)
    {
      g_ptr_array_add (parser->warnings,
                       g_strdup_printf (_("%s:%u:1: span %s has the same label and range as"
                                          " span %s; Spanmark keeps one span of a label on a"
                                          " range, so it is imported as %s"),
                                        parser->ann_name, t->line, id,
                                        sm_span_get_id (existing), sm_span_get_id (existing)));
      return existing;
    }

  span = _sm_span_new (id, label, start, end, slice);
  if (!_sm_document_insert_span (document, span, NULL))
    g_return_val_if_reached (NULL);

  return span;
}

static void
add_text_bound (Parser        *parser,
                SmDocument    *document,
                SmImportNames *names,
                GHashTable    *spans,
                TextBound     *t)
{
  g_autofree char *where = g_strdup_printf ("%s:%u:%u", parser->ann_name, t->line,
                                            t->type_column);
  const char *label = _sm_import_ensure_label (names, document, name_of_type (parser, t->type),
                                               where, parser->warnings);
  SmText *text = sm_document_get_text (document);
  gboolean continuous = TRUE;
  Fragment *first = &g_array_index (t->fragments, Fragment, 0);
  Fragment *last = &g_array_index (t->fragments, Fragment, t->fragments->len - 1);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *list = NULL;

  for (guint i = 1; i < t->fragments->len && continuous; i++)
    continuous = only_line_breaks (text, g_array_index (t->fragments, Fragment, i - 1).end,
                                   g_array_index (t->fragments, Fragment, i).start);

  if (continuous)
    {
      g_hash_table_insert (spans, t->id,
                           add_span (parser, document, t, t->id, label, first->start, last->end));
      return;
    }

  /* Relations and notes stay with the first fragment */
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < t->fragments->len; i++)
    {
      Fragment *f = &g_array_index (t->fragments, Fragment, i);
      g_autofree char *id = i == 0 ? g_strdup (t->id) : g_strdup_printf ("T%u", parser->next_number++);
      SmSpan *span = add_span (parser, document, t, id, label, f->start, f->end);

      if (i == 0)
        g_hash_table_insert (spans, t->id, span);
      g_ptr_array_add (ids, g_strdup (sm_span_get_id (span)));
    }

  g_ptr_array_add (ids, NULL);
  list = g_strjoinv (", ", (char **) ids->pdata);
  g_ptr_array_add (parser->warnings,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s:%u:%u: span %s is in %u fragment, and a Spanmark"
                                                 " span is one stretch of text: it is imported as"
                                                 " the spans %s (its relations and notes go with %s)",
                                                 "%s:%u:%u: span %s is in %u fragments, and a Spanmark"
                                                 " span is one stretch of text: it is imported as"
                                                 " the spans %s (its relations and notes go with %s)",
                                                 t->fragments->len),
                                    parser->ann_name, t->line, t->offsets_column, t->id,
                                    t->fragments->len, list, t->id));
}

static gboolean
add_relation (Parser         *parser,
              SmDocument     *document,
              SmImportNames  *names,
              GHashTable     *spans,
              Relation       *r,
              GError        **error)
{
  g_autoptr(SmRelation) relation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  const char *args[2] = { r->from, r->to };
  guint columns[2] = { r->from_column, r->to_column };
  SmSpan *ends[2];
  const char *type;

  for (guint i = 0; i < 2; i++)
    {
      if (!g_hash_table_contains (parser->ids, args[i]))
        return fail (error, SM_IMPORT_ERROR_REFERENCE, parser->ann_name, r->line, columns[i],
                     _("relation %s: Arg%u refers to %s, which is not in %s"),
                     r->id, i + 1, args[i], parser->ann_name);

      if (!(ends[i] = g_hash_table_lookup (spans, args[i])))
        {
          tally (parser, SKIPPED_RELATION, r->line, r->id);
          return TRUE;
        }
    }

  where = g_strdup_printf ("%s:%u:%u", parser->ann_name, r->line, r->type_column);
  type = _sm_import_relation_type (names, name_of_type (parser, r->type), where, parser->warnings);
  relation = _sm_relation_new (r->id, type, ends[0], ends[1]);

  /* A relation whose ends its type does not allow (a said_by to a claim)
   * is not imported: the document keeps the rule every edit keeps */
  if (!sm_document_check_relation_ends (document, type, ends[0], ends[1], &local_error) ||
      !_sm_document_insert_relation (document, relation, &local_error))
    g_ptr_array_add (parser->warnings,
                     g_strdup_printf (_("%s:%u:1: relation %s is not imported: %s"),
                                      parser->ann_name, r->line, r->id, local_error->message));

  return TRUE;
}

static void
add_note (Parser     *parser,
          GHashTable *spans,
          Note       *n)
{
  SmSpan *span = g_hash_table_lookup (spans, n->target);
  g_autofree char *joined = NULL;
  const char *old;

  if (span == NULL)
    {
      tally (parser, SKIPPED_NOTE_TARGET, n->line, n->target);
      return;
    }

  if (n->text[0] == '\0')
    return;

  /* A span with two notes keeps both, one per line */
  old = sm_span_get_note (span);
  joined = old ? g_strconcat (old, "\n", n->text, NULL) : g_strdup (n->text);
  _sm_span_set_note (span, joined);
}

/* What a kind of line Spanmark does not import is, counted */
static char *
describe_skipped (Skipped     kind,
                  guint       count,
                  const char *first)
{
  switch (kind)
    {
    case SKIPPED_EVENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u event (E line) is not imported, %s on this line:"
                                           " Spanmark has spans and relations, not events (the"
                                           " spans of their triggers are imported)",
                                           "%u events (E lines) are not imported, the first %s"
                                           " on this line: Spanmark has spans and relations, not"
                                           " events (the spans of their triggers are imported)",
                                           count),
                              count, first);

    case SKIPPED_ATTRIBUTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u attribute (A line) is not imported, %s on this"
                                           " line: Spanmark spans have no attributes",
                                           "%u attributes (A lines) are not imported, the first"
                                           " %s on this line: Spanmark spans have no attributes",
                                           count),
                              count, first);

    case SKIPPED_NORMALIZATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u normalization (N line) is not imported, %s on"
                                           " this line: Spanmark spans have no references to"
                                           " databases",
                                           "%u normalizations (N lines) are not imported, the"
                                           " first %s on this line: Spanmark spans have no"
                                           " references to databases",
                                           count),
                              count, first);

    case SKIPPED_EQUIVALENCE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u equivalence (* line) is not imported, %s on this"
                                           " line: Spanmark has no equivalence sets",
                                           "%u equivalences (* lines) are not imported, the"
                                           " first %s on this line: Spanmark has no equivalence"
                                           " sets",
                                           count),
                              count, first);

    case SKIPPED_RELATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u relation is not imported, %s on this line: it"
                                           " links an event or another annotation that is not"
                                           " a span",
                                           "%u relations are not imported, the first %s on this"
                                           " line: they link events or other annotations that"
                                           " are not spans",
                                           count),
                              count, first);

    case SKIPPED_NOTE_TYPE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u note is not imported, of type %s on this line:"
                                           " Spanmark imports AnnotatorNotes only",
                                           "%u notes are not imported, the first of type %s on"
                                           " this line: Spanmark imports AnnotatorNotes only",
                                           count),
                              count, first);

    case SKIPPED_NOTE_TARGET:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u note is not imported, on %s on this line:"
                                           " Spanmark keeps notes on spans only",
                                           "%u notes are not imported, the first on %s on this"
                                           " line: Spanmark keeps notes on spans only",
                                           count),
                              count, first);

    case SKIPPED_UNKNOWN:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u line is not a brat annotation that Spanmark knows"
                                           " and is not imported: “%s” on this line",
                                           "%u lines are not brat annotations that Spanmark"
                                           " knows and are not imported, the first “%s” on this"
                                           " line",
                                           count),
                              count, first);
    }
}

static gint
compare_first_lines (gconstpointer a,
                     gconstpointer b)
{
  const Tally *x = *(const Tally **) a;
  const Tally *y = *(const Tally **) b;

  return x->first_line < y->first_line ? -1 : x->first_line > y->first_line;
}

/* One warning per kind of line not imported, in the order of the file */
static void
report_skipped (Parser *parser)
{
  g_autoptr(GPtrArray) tallies = g_ptr_array_new ();

  for (guint kind = 0; kind < N_SKIPPED; kind++)
    {
      if (parser->skipped[kind].count > 0)
        g_ptr_array_add (tallies, &parser->skipped[kind]);
    }

  g_ptr_array_sort (tallies, compare_first_lines);

  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *t = g_ptr_array_index (tallies, i);
      Skipped kind = (Skipped) (t - parser->skipped);
      g_autofree char *text = NULL;

      text = describe_skipped (kind, t->count, t->first_detail);
      g_ptr_array_add (parser->warnings,
                       g_strdup_printf ("%s:%u:1: %s", parser->ann_name, t->first_line, text));
    }
}

/**
 * _sm_import_brat:
 * @text: the .txt file's contents
 * @annotations: the .ann file's contents
 * @type_names: (nullable): brat type -> the Spanmark name it stands for,
 *   from annotation.conf (sm-brat-names.h)
 * @name: the document's name
 * @txt_display_name: how messages name the .txt file
 * @ann_display_name: how messages name the .ann file
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   saying what is wrong and where
 */
SmDocument *
_sm_import_brat (GBytes      *text,
                 GBytes      *annotations,
                 GHashTable  *type_names,
                 const char  *name,
                 const char  *txt_display_name,
                 const char  *ann_display_name,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmText) document_text = NULL;
  g_autoptr(SmImportNames) names = _sm_import_names_new ();
  g_autoptr(GHashTable) spans = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) document_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ann = NULL;
  Parser parser = { 0, };
  gsize text_length, ann_length;
  const char *text_data = g_bytes_get_data (text, &text_length);
  const char *ann_data = g_bytes_get_data (annotations, &ann_length);
  gboolean ok = FALSE;

  parser.ann_name = ann_display_name;
  parser.type_names = type_names;
  parser.txt_name = txt_display_name;
  /* A refused file gets its error only, not warnings about it too */
  parser.warnings = document_warnings;
  parser.text_bounds = g_ptr_array_new_with_free_func ((GDestroyNotify) text_bound_free);
  parser.relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  parser.notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  parser.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.next_number = 1;

  if (!(document_text = _sm_import_text_new (text_data, text_length, &local_error)))
    {
      g_set_error (error, SM_IMPORT_ERROR, SM_IMPORT_ERROR_SYNTAX, "%s:%s%s", txt_display_name,
                   g_ascii_isdigit (local_error->message[0]) ? "" : " ", local_error->message);
      goto out;
    }

  /* An empty .ann is a document nobody annotated yet */
  if (ann_length > 0 && !sm_text_check_utf8 (ann_data, ann_length, &local_error))
    {
      g_set_error (error, SM_IMPORT_ERROR, SM_IMPORT_ERROR_SYNTAX, "%s:%s%s", ann_display_name,
                   g_ascii_isdigit (local_error->message[0]) ? "" : " ", local_error->message);
      goto out;
    }

  ann = g_strndup (ann_data, ann_length);
  if (!parse_lines (&parser, ann, error))
    goto out;

  for (guint i = 0; i < parser.text_bounds->len; i++)
    {
      if (!check_text_bound (&parser, document_text, g_ptr_array_index (parser.text_bounds, i), error))
        goto out;
    }

  document = sm_document_new (document_text, name);

  for (guint i = 0; i < parser.text_bounds->len; i++)
    add_text_bound (&parser, document, names, spans, g_ptr_array_index (parser.text_bounds, i));

  for (guint i = 0; i < parser.relations->len; i++)
    {
      if (!add_relation (&parser, document, names, spans, g_ptr_array_index (parser.relations, i), error))
        goto out;
    }

  for (guint i = 0; i < parser.notes->len; i++)
    add_note (&parser, spans, g_ptr_array_index (parser.notes, i));

  report_skipped (&parser);
  _sm_import_set_status (document);
  for (guint i = 0; i < document_warnings->len; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (document_warnings, i)));
  ok = TRUE;

out:
  parser_clear (&parser);

  return ok ? g_steal_pointer (&document) : NULL;
}
