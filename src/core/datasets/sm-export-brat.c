/* sm-export-brat.c: brat standoff, a .txt and an .ann file per document.
 *
 * Spans are "T" lines, relations "R" lines (Arg1 is the claim, Arg2 the
 * speaker of a said_by), notes "#" AnnotatorNotes lines. The folder also
 * gets an annotation.conf and a visual.conf declaring every label and
 * relation type with its name and colour, so it opens in brat as it is.
 * A label or relation type brat cannot take as a type name ("Q.A") is
 * written as one no other name becomes ("Q__2E_A"), with a warning and a
 * line in annotation.conf that the import reads back (sm-brat-names.h).
 *
 * The .ann format is one annotation per line and has no escapes, and
 * brat reads it with Python's str.splitlines(), which ends a line at VT,
 * FF, U+2028 and others as well as at LF and CR (sm_text_is_line_break()).
 * So a span over a line break is written as brat writes one: a fragment
 * per line ("T1 CLAIM 10 40;41 60"); sm-import-brat.c joins such fragments
 * back. A note's line breaks become spaces, with a warning.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-brat"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sm-brat-names.h"
#include "sm-export-private.h"

typedef struct
{
  char *id;
  char *name;
  char *color;
} ConfigLabel;

typedef struct
{
  char       *type;
  GPtrArray  *from;   /* label ids, in order of first use */
  GPtrArray  *to;
} ConfigRelation;

struct _SmBratConfig
{
  GPtrArray  *labels;      /* ConfigLabel, in order of first appearance */
  GHashTable *label_ids;
  GPtrArray  *relations;   /* ConfigRelation */
};

static void
config_label_free (ConfigLabel *label)
{
  g_free (label->id);
  g_free (label->name);
  g_free (label->color);
  g_free (label);
}

static void
config_relation_free (ConfigRelation *relation)
{
  g_free (relation->type);
  g_ptr_array_unref (relation->from);
  g_ptr_array_unref (relation->to);
  g_free (relation);
}

static gboolean
is_brat_id (const char *id,
            char        prefix)
{
  if (id[0] != prefix || id[1] == '\0')
    return FALSE;

  for (const char *p = id + 1; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* brat ids are a letter and a number; other ids get the next free number */
static GHashTable *
make_ids (GPtrArray   *objects,
          const char *(*get_id) (gpointer),
          char         prefix,
          GPtrArray   *renamed)
{
  GHashTable *ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint64 next = 1;

  for (guint i = 0; i < objects->len; i++)
    {
      const char *id = get_id (g_ptr_array_index (objects, i));

      if (is_brat_id (id, prefix))
        next = MAX (next, g_ascii_strtoull (id + 1, NULL, 10) + 1);
    }

  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);
      const char *id = get_id (object);

      if (is_brat_id (id, prefix))
        g_hash_table_insert (ids, object, g_strdup (id));
      else
        {
          char *new_id = g_strdup_printf ("%c%" G_GUINT64_FORMAT, prefix, next++);

          g_ptr_array_add (renamed, g_strdup_printf ("%s → %s", id, new_id));
          g_hash_table_insert (ids, object, new_id);
        }
    }

  return ids;
}

/* A note is the rest of its line in brat: each line break in it
 * (sm_text_is_line_break()) becomes a space. Returns whether there were none. */
static gboolean
note_to_one_line (const char  *note,
                  char       **one_line)
{
  GString *out = g_string_sized_new (strlen (note));
  gboolean unchanged = TRUE;

  for (const char *p = note; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (sm_text_is_line_break (c))
        {
          g_string_append_c (out, ' ');
          unchanged = FALSE;
        }
      else
        g_string_append_unichar (out, c);
    }

  *one_line = g_string_free (out, FALSE);

  return unchanged;
}

/* Appends " start end" fragments for [start, end) split at line breaks,
 * and their texts joined by spaces to @text, as brat does */
static void
append_fragments (GString *out,
                  GString *text,
                  SmText  *document_text,
                  guint    start,
                  guint    end)
{
  const char *utf8 = sm_text_get_utf8 (document_text);
  const char *p = utf8 + sm_text_get_byte_offset (document_text, start);
  guint fragment_start = start;
  const char *fragment_p = p;
  gboolean first = TRUE;

  for (guint offset = start; offset <= end; offset++)
    {
      gboolean at_break = offset < end && sm_text_is_line_break (g_utf8_get_char (p));

      if (offset == end || at_break)
        {
          if (offset > fragment_start)
            {
              g_string_append_printf (out, first ? " %u %u" : ";%u %u", fragment_start, offset);
              if (!first)
                g_string_append_c (text, ' ');
              g_string_append_len (text, fragment_p, p - fragment_p);
              first = FALSE;
            }
          fragment_start = offset + 1;
          fragment_p = offset < end ? g_utf8_next_char (p) : p;
        }

      if (offset < end)
        p = g_utf8_next_char (p);
    }
}

/* A span's first and last characters must not be line breaks: brat
 * fragments cannot begin or end at one */
static gboolean
trim_span (SmText *text,
           guint  *start,
           guint  *end)
{
  const char *utf8 = sm_text_get_utf8 (text);

  while (*start < *end &&
         sm_text_is_line_break (g_utf8_get_char (utf8 + sm_text_get_byte_offset (text, *start))))
    (*start)++;

  while (*end > *start &&
         sm_text_is_line_break (g_utf8_get_char (utf8 + sm_text_get_byte_offset (text, *end - 1))))
    (*end)--;

  return *start < *end;
}

static const char *
get_span_id (gpointer span)
{
  return sm_span_get_id (span);
}

static const char *
get_relation_id (gpointer relation)
{
  return sm_relation_get_id (relation);
}

GBytes *
_sm_export_brat_render_ann (SmDocument            *document,
                            const SmExportOptions *options,
                            const char            *display_name,
                            GPtrArray             *warnings)
{
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GPtrArray) relations = _sm_export_get_relations (document, options);
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) span_ids = NULL;
  g_autoptr(GHashTable) relation_ids = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  SmText *text = sm_document_get_text (document);
  GString *out = g_string_new (NULL);
  guint n_notes = 0;

  span_ids = make_ids (spans, get_span_id, 'T', renamed);
  relation_ids = make_ids (relations, get_relation_id, 'R', renamed);

  if (renamed->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (renamed, NULL);
      list = g_strjoinv (", ", (char **) renamed->pdata);
      _sm_export_warn (warnings, display_name,
                       _("brat ids are T or R and a number; these were renamed: %s"), list);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      const char *id = g_hash_table_lookup (span_ids, span);
      g_autofree char *type = _sm_brat_names_encode (sm_span_get_label (span));
      g_autoptr(GString) span_text = g_string_new (NULL);
      const char *note = sm_span_get_note (span);
      guint start = sm_span_get_start (span);
      guint end = sm_span_get_end (span);

      if (!trim_span (text, &start, &end))
        {
          _sm_export_warn (warnings, display_name,
                           _("span %s covers only line breaks, which brat cannot mark;"
                             " it was left out"), sm_span_get_id (span));
          continue;
        }

      if (start != sm_span_get_start (span) || end != sm_span_get_end (span))
        _sm_export_warn (warnings, display_name,
                         _("span %s starts or ends with a line break, which brat cannot mark;"
                           " it is written as [%u, %u)"), sm_span_get_id (span), start, end);

      g_string_append_printf (out, "%s\t%s", id, type);
      append_fragments (out, span_text, text, start, end);
      g_string_append_c (out, '\t');
      g_string_append_len (out, span_text->str, span_text->len);
      g_string_append_c (out, '\n');
      g_hash_table_add (written, span);

      if (note != NULL)
        {
          g_autofree char *one_line = NULL;

          if (!note_to_one_line (note, &one_line))
            _sm_export_warn (warnings, display_name,
                             _("span %s: its note has line breaks, and a brat note is one line:"
                               " they were written as spaces"), sm_span_get_id (span));
          g_string_append_printf (notes, "#%u\tAnnotatorNotes %s\t%s\n", ++n_notes, id, one_line);
        }
    }

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);
      SmSpan *from = sm_relation_get_from (relation);
      SmSpan *to = sm_relation_get_to (relation);
      g_autofree char *type = _sm_brat_names_encode (sm_relation_get_type_name (relation));

      if (!g_hash_table_contains (written, from) || !g_hash_table_contains (written, to))
        continue;

      g_string_append_printf (out, "%s\t%s Arg1:%s Arg2:%s\t\n",
                              (const char *) g_hash_table_lookup (relation_ids, relation), type,
                              (const char *) g_hash_table_lookup (span_ids, from),
                              (const char *) g_hash_table_lookup (span_ids, to));
    }

  g_string_append_len (out, notes->str, notes->len);

  return g_string_free_to_bytes (out);
}

SmBratConfig *
_sm_brat_config_new (void)
{
  SmBratConfig *config = g_new0 (SmBratConfig, 1);

  config->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) config_label_free);
  config->label_ids = g_hash_table_new (g_str_hash, g_str_equal);
  config->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) config_relation_free);

  return config;
}

void
_sm_brat_config_free (SmBratConfig *config)
{
  g_clear_pointer (&config->labels, g_ptr_array_unref);
  g_clear_pointer (&config->label_ids, g_hash_table_unref);
  g_clear_pointer (&config->relations, g_ptr_array_unref);
  g_free (config);
}

static void
add_unique (GPtrArray  *strings,
            const char *string)
{
  if (!g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL))
    g_ptr_array_add (strings, g_strdup (string));
}

static ConfigRelation *
find_relation (SmBratConfig *config,
               const char   *type)
{
  ConfigRelation *relation;

  for (guint i = 0; i < config->relations->len; i++)
    {
      relation = g_ptr_array_index (config->relations, i);
      if (strcmp (relation->type, type) == 0)
        return relation;
    }

  relation = g_new0 (ConfigRelation, 1);
  relation->type = g_strdup (type);
  relation->from = g_ptr_array_new_with_free_func (g_free);
  relation->to = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (config->relations, relation);

  return relation;
}

/* Gathers the labels and relation types of @document, in order of first use */
void
_sm_brat_config_add_document (SmBratConfig          *config,
                              SmDocument            *document,
                              const SmExportOptions *options)
{
  GListModel *labels = sm_document_get_labels (document);
  g_autoptr(GPtrArray) relations = _sm_export_get_relations (document, options);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      ConfigLabel *config_label;

      if (!_sm_export_options_keeps_label (options, sm_label_get_id (label)) ||
          g_hash_table_contains (config->label_ids, sm_label_get_id (label)))
        continue;

      config_label = g_new0 (ConfigLabel, 1);
      config_label->id = g_strdup (sm_label_get_id (label));
      config_label->name = g_strdup (sm_label_get_name (label));
      config_label->color = g_strdup (sm_label_get_color (label));
      g_ptr_array_add (config->labels, config_label);
      g_hash_table_add (config->label_ids, config_label->id);
    }

  /* A claim is said by a speaker, whether or not this corpus has any yet */
  if (g_hash_table_contains (config->label_ids, SM_LABEL_CLAIM) &&
      g_hash_table_contains (config->label_ids, SM_LABEL_SPEAKER))
    {
      ConfigRelation *said_by = find_relation (config, SM_RELATION_SAID_BY);

      add_unique (said_by->from, SM_LABEL_CLAIM);
      add_unique (said_by->to, SM_LABEL_SPEAKER);
    }

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);
      ConfigRelation *config_relation = find_relation (config, sm_relation_get_type_name (relation));

      add_unique (config_relation->from, sm_span_get_label (sm_relation_get_from (relation)));
      add_unique (config_relation->to, sm_span_get_label (sm_relation_get_to (relation)));
    }
}

static void
append_types (GString   *out,
              GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *type = _sm_brat_names_encode (g_ptr_array_index (labels, i));

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, type);
    }
}

/* Writes @name as a brat type; one that is not its own type gets a
 * warning and the comment line that says what it stands for */
static void
append_type_of (GString    *out,
                const char *name,
                gboolean    is_label,
                GPtrArray  *warnings)
{
  g_autofree char *type = _sm_brat_names_encode (name);

  if (strcmp (type, name) != 0)
    {
      char *warning = is_label
        ? g_strdup_printf (_("label %s is written as %s: brat type names hold only letters,"
                             " digits, “_” and “-”; annotation.conf keeps the name for"
                             " Spanmark's import"), name, type)
        : g_strdup_printf (_("relation type %s is written as %s: brat type names hold only"
                             " letters, digits, “_” and “-”; annotation.conf keeps the name for"
                             " Spanmark's import"), name, type);

      g_ptr_array_add (warnings, warning);
      _sm_brat_names_append_comment (out, type, name);
    }
  g_string_append (out, type);
}

GBytes *
_sm_brat_config_render_annotation_conf (SmBratConfig *config,
                                        GPtrArray    *warnings)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "# The labels and relations of a corpus exported by Spanmark.\n"
                   "# Spanmark lets spans overlap in any way; <OVERLAP> tells brat so.\n"
                   "# A \"# spanmark-name TYPE NAME\" line says that TYPE stands for the\n"
                   "# Spanmark name NAME, which brat cannot take as a type.\n"
                   "\n[entities]\n\n");

  for (guint i = 0; i < config->labels->len; i++)
    {
      ConfigLabel *label = g_ptr_array_index (config->labels, i);

      append_type_of (out, label->id, TRUE, warnings);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "\n[relations]\n\n");
  for (guint i = 0; i < config->relations->len; i++)
    {
      ConfigRelation *relation = g_ptr_array_index (config->relations, i);

      append_type_of (out, relation->type, FALSE, warnings);
      g_string_append (out, "\tArg1:");
      append_types (out, relation->from);
      g_string_append (out, ", Arg2:");
      append_types (out, relation->to);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");

  g_string_append (out, "\n[events]\n\n[attributes]\n");

  return g_string_free_to_bytes (out);
}

static gboolean
is_dark (const char *color)
{
  guint r, g, b;

  if (strlen (color) != 7 || sscanf (color, "#%02x%02x%02x", &r, &g, &b) != 3)
    return FALSE;

  /* Relative luminance, roughly: white text reads better on dark colours */
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

GBytes *
_sm_brat_config_render_visual_conf (SmBratConfig *config)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "# How brat shows the labels of a corpus exported by Spanmark.\n\n[labels]\n\n");

  for (guint i = 0; i < config->labels->len; i++)
    {
      ConfigLabel *label = g_ptr_array_index (config->labels, i);
      g_autofree char *type = _sm_brat_names_encode (label->id);
      g_autofree char *name = g_strdup (label->name);

      /* "|" separates a label's forms in visual.conf */
      g_strdelimit (name, "|\r\n\t", ' ');
      g_string_append_printf (out, "%s | %s\n", type, name);
    }

  for (guint i = 0; i < config->relations->len; i++)
    {
      ConfigRelation *relation = g_ptr_array_index (config->relations, i);
      g_autofree char *type = _sm_brat_names_encode (relation->type);

      /* brat shows a renamed relation type as it was */
      if (strcmp (relation->type, SM_RELATION_SAID_BY) == 0)
        g_string_append_printf (out, "%s | said by\n", type);
      else if (strcmp (type, relation->type) != 0)
        g_string_append_printf (out, "%s | %s\n", type, relation->type);
    }

  g_string_append (out, "\n[drawing]\n\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgray, borderColor:darken\n"
                        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n\n");

  for (guint i = 0; i < config->labels->len; i++)
    {
      ConfigLabel *label = g_ptr_array_index (config->labels, i);
      g_autofree char *type = _sm_brat_names_encode (label->id);

      g_string_append_printf (out, "%s\tbgColor:%s, fgColor:%s, borderColor:darken\n",
                              type, label->color, is_dark (label->color) ? "white" : "black");
    }

  return g_string_free_to_bytes (out);
}
