/* sm-import-jsonl.c: doccano JSON Lines as Spanmark documents.
 *
 * One record per line. Spans come from doccano's sequence labelling form
 * ("label": [[start, end, "LABEL"], ...]) and from its relation extraction
 * form ("entities" as objects or as triples, and "relations" between
 * entity ids); a record with both, as Spanmark's own export writes, gives
 * each span once. An entity with "fragments", as Spanmark writes a
 * discontinuous span, is that span, and the "label" triples of its
 * fragments are it too. doccano 1.x's "data" stands for "text", as do the
 * "column_data" and "column_label" of its import examples. Members that
 * Spanmark has no place for ("meta", "cats", ...) are reported, once per
 * member and file, not dropped in silence.
 *
 * A record whose offsets do not fit its text is refused, with the line;
 * the other records are imported. A file that is one JSON value over
 * several lines (a pretty-printed export) is read as such, with a warning.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-import-jsonl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sm-corpus-private.h"
#include "sm-document-private.h"
#include "sm-import-private.h"
#include "sm-json-reader.h"
#include "sm-span-index.h"
#include "sm-span-private.h"

static const char * const text_members[] = { "text", "data", "column_data", NULL };
static const char * const label_members[] = { "label", "labels", "column_label", NULL };
static const char * const known_members[] = {
  "id", "text", "data", "column_data", "label", "labels", "column_label", "entities", "relations", NULL
};

typedef struct
{
  guint  count;
  char  *first_where;
} Unused;

typedef struct
{
  const char    *display_name;
  const char    *stem;
  GPtrArray     *warnings;
  GHashTable    *unused;        /* member -> Unused */
  Unused         categories;
  SmImportNames *names;
} Reader;

static void
unused_free (Unused *unused)
{
  g_free (unused->first_where);
  g_free (unused);
}

static gboolean fail (GError     **error,
                      gint         code,
                      const char  *where,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      gint         code,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SM_IMPORT_ERROR, code, "%s: %s", where, message);

  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An entity id as a string, whether the record has it as a number or a string */
static char *
id_string (JsonNode *node)
{
  if (holds_int (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (holds_string (node))
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static gboolean
is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  if (holds_string (node))
    return json_node_get_string (node)[0] == '\0';
  return FALSE;
}

static void
count_unused (Unused     *unused,
              const char *where)
{
  if (unused->count++ == 0)
    unused->first_where = g_strdup (where);
}

static gboolean
read_offset (JsonNode    *node,
             const char  *where,
             const char  *what,
             const char  *member,
             guint        length,
             guint       *offset,
             GError     **error)
{
  gint64 value;

  if (!holds_int (node))
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                 _("%s: “%s” must be a whole number of characters"), what, member);

  value = json_node_get_int (node);
  if (value < 0)
    return fail (error, SM_IMPORT_ERROR_MISMATCH, where,
                 _("%s: “%s” is %lld; offsets cannot be negative"),
                 what, member, (long long) value);
  if (value > length)
    return fail (error, SM_IMPORT_ERROR_MISMATCH, where,
                 _("%s: “%s” %lld is past the end of the text (%u characters)"),
                 what, member, (long long) value, length);

  *offset = (guint) value;
  return TRUE;
}

typedef struct
{
  guint       start;
  guint       end;
  const char *label;
  GArray     *fragments;  /* (nullable): each fragment's start and end */
} Found;

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->fragments, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

/* "fragments": [[0, 22], [40, 64]], Spanmark's discontinuous span */
static gboolean
read_fragments (JsonNode    *node,
                const char  *where,
                const char  *what,
                guint        length,
                Found       *found,
                GError     **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;

  if (n == 0)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                 _("%s: “fragments” must be an array of [start, end] pairs"), what);

  found->fragments = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (element) ? json_node_get_array (element) : NULL;
      guint bounds[2];

      if (pair == NULL || json_array_get_length (pair) != 2)
        return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                     _("%s: fragment %u must be a pair of offsets, [start, end]"), what, i + 1);

      if (!read_offset (json_array_get_element (pair, 0), where, what, _("start"), length,
                        &bounds[0], error) ||
          !read_offset (json_array_get_element (pair, 1), where, what, _("end"), length,
                        &bounds[1], error))
        return FALSE;

      g_array_append_vals (found->fragments, bounds, 2);
    }

  if (g_array_index (found->fragments, guint, 0) != found->start ||
      g_array_index (found->fragments, guint, found->fragments->len - 1) != found->end)
    return fail (error, SM_IMPORT_ERROR_MISMATCH, where,
                 _("%s: “start_offset” and “end_offset” are [%u, %u) but its fragments go"
                   " from %u to %u"), what, found->start, found->end,
                 g_array_index (found->fragments, guint, 0),
                 g_array_index (found->fragments, guint, found->fragments->len - 1));

  return TRUE;
}

/* [start, end, "LABEL"] */
static gboolean
read_triple (JsonNode    *node,
             const char  *where,
             const char  *what,
             guint        length,
             Found       *found,
             GError     **error)
{
  JsonArray *array = json_node_get_array (node);

  if (json_array_get_length (array) != 3 ||
      !holds_string (json_array_get_element (array, 2)))
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                 _("%s must be [start, end, \"LABEL\"]"), what);

  found->label = json_node_get_string (json_array_get_element (array, 2));

  return read_offset (json_array_get_element (array, 0), where, what, _("start"), length,
                      &found->start, error) &&
         read_offset (json_array_get_element (array, 1), where, what, _("end"), length,
                      &found->end, error);
}

/* {"id": 1, "label": "SPEAKER", "start_offset": 0, "end_offset": 6} */
static gboolean
read_entity_object (JsonObject  *object,
                    const char  *where,
                    const char  *what,
                    guint        length,
                    Found       *found,
                    GError     **error)
{
  JsonNode *label = get_member (object, "label");
  JsonNode *start = get_member (object, "start_offset");
  JsonNode *end = get_member (object, "end_offset");
  JsonNode *fragments = get_member (object, "fragments");

  if (!holds_string (label))
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("%s: “label” must be a string"), what);
  if (start == NULL || end == NULL)
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                 _("%s: “start_offset” and “end_offset” are missing"), what);

  found->label = json_node_get_string (label);

  return read_offset (start, where, what, "start_offset", length, &found->start, error) &&
         read_offset (end, where, what, "end_offset", length, &found->end, error) &&
         (fragments == NULL || read_fragments (fragments, where, what, length, found, error));
}

/* A span of several fragments */
static SmSpan *
add_fragments (SmDocument  *document,
               const char  *label,
               const Found *found,
               const char  *where,
               const char  *what,
               GError     **error)
{
  const guint *bounds = (const guint *) found->fragments->data;
  guint n_fragments = found->fragments->len / 2;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SmSpan) span = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  guint next_span, next_relation;
  SmSpan *existing;

  existing = sm_span_index_find_fragments (SM_SPAN_INDEX (sm_document_get_spans (document)),
                                           label, bounds, n_fragments);
  if (existing != NULL)
    return existing;

  /* Before the span is made: a span's fragments are in order and apart */
  if (!_sm_document_check_fragments (document, label, bounds, n_fragments, &local_error))
    {
      fail (error, SM_IMPORT_ERROR_MISMATCH, where, "%s: %s", what, local_error->message);
      return NULL;
    }

  /* The id sm_document_add_span() would give */
  _sm_document_get_next_numbers (document, &next_span, &next_relation);
  id = g_strdup_printf ("T%u", next_span);
  text = sm_text_dup_slices (sm_document_get_text (document), bounds, n_fragments,
                             SM_SPAN_FRAGMENT_JOINER);
  span = _sm_span_new_with_fragments (id, label, bounds, n_fragments, text);
  if (!_sm_document_insert_span (document, span, &local_error))
    {
      fail (error, SM_IMPORT_ERROR_MISMATCH, where, "%s: %s", what, local_error->message);
      return NULL;
    }

  return span;
}

static SmSpan *
add_span (Reader      *reader,
          SmDocument  *document,
          GHashTable  *seen,
          const char  *list,
          const Found *found,
          const char  *where,
          const char  *what,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  const char *label;
  SmSpan *span;

  if (found->start >= found->end)
    {
      fail (error, SM_IMPORT_ERROR_MISMATCH, where,
            found->start == found->end ? _("%s: the span [%u, %u) is empty")
                                       : _("%s: the start %u is after the end %u"),
            what, found->start, found->end);
      return NULL;
    }

  label = _sm_import_ensure_label (reader->names, document, found->label, where, reader->warnings);

  /* The same span in "label" and in "entities" is one span; twice in one
   * list, it is a duplicate worth telling */
  key = g_strdup_printf ("%s %u %u %s", list, found->start, found->end, label);
  for (guint i = 0; found->fragments != NULL && i < found->fragments->len; i++)
    {
      g_autofree char *shorter = key;

      key = g_strdup_printf ("%s %u", shorter, g_array_index (found->fragments, guint, i));
    }
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    g_ptr_array_add (reader->warnings,
                     g_strdup_printf (_("%s: %s [%u, %u) %s is given twice; it is imported once"),
                                      where, what, found->start, found->end, found->label));

  if (found->fragments != NULL && found->fragments->len > 2)
    return add_fragments (document, label, found, where, what, error);

  if ((span = sm_document_find_exact_span (document, found->start, found->end, label)) != NULL)
    return span;

  if (!(span = sm_document_add_span (document, label, found->start, found->end, &local_error)))
    {
      fail (error, SM_IMPORT_ERROR_MISMATCH, where, "%s: %s", what, local_error->message);
      return NULL;
    }

  return span;
}

static gboolean
read_spans (Reader      *reader,
            SmDocument  *document,
            JsonObject  *record,
            const char  *where,
            GHashTable  *entity_ids,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) entity_positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* "start end label" -> how many "label" triples are fragments of entities */
  g_autoptr(GHashTable) fragment_triples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint length = sm_document_get_length (document);
  JsonNode *node;

  if ((node = get_member (record, "entities")) != NULL)
    {
      JsonArray *entities;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("“entities” must be an array"));

      entities = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (entities); i++)
        {
          JsonNode *element = json_array_get_element (entities, i);
          g_autofree char *what = g_strdup_printf (_("entity %u"), i + 1);
          g_auto(Found) found = { 0, };
          SmSpan *span;

          if (JSON_NODE_HOLDS_ARRAY (element))
            {
              if (!read_triple (element, where, what, length, &found, error))
                return FALSE;
            }
          else if (JSON_NODE_HOLDS_OBJECT (element))
            {
              if (!read_entity_object (json_node_get_object (element), where, what, length, &found, error))
                return FALSE;
            }
          else
            return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                         _("%s must be an object such as {\"id\": 1, \"label\": \"SPEAKER\","
                           " \"start_offset\": 0, \"end_offset\": 6}"), what);

          if (!(span = add_span (reader, document, seen, "entities", &found, where, what, error)))
            return FALSE;

          for (guint f = 0; found.fragments != NULL && f < found.fragments->len; f += 2)
            {
              g_autofree char *key = g_strdup_printf ("%u %u %s",
                                                      g_array_index (found.fragments, guint, f),
                                                      g_array_index (found.fragments, guint, f + 1),
                                                      found.label);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fragment_triples, key));

              g_hash_table_insert (fragment_triples, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
            }

          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              g_autofree char *id = id_string (get_member (json_node_get_object (element), "id"));
              gpointer other;

              if (id == NULL)
                continue;

              if ((other = g_hash_table_lookup (entity_positions, id)) != NULL)
                return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                             _("%s: its id %s is the id of entity %u too"),
                             what, id, GPOINTER_TO_UINT (other));

              g_hash_table_insert (entity_positions, g_strdup (id), GUINT_TO_POINTER (i + 1));
              g_hash_table_insert (entity_ids, g_steal_pointer (&id), span);
            }
        }
    }

  for (guint m = 0; label_members[m] != NULL; m++)
    {
      JsonArray *labels;

      if ((node = get_member (record, label_members[m])) == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("“%s” must be an array"), label_members[m]);

      labels = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (labels); i++)
        {
          JsonNode *element = json_array_get_element (labels, i);
          g_autofree char *what = g_strdup_printf (_("label %u"), i + 1);
          g_autofree char *key = NULL;
          g_auto(Found) found = { 0, };
          guint count;

          /* Text classification: categories of the whole document */
          if (holds_string (element))
            {
              count_unused (&reader->categories, where);
              continue;
            }

          if (!JSON_NODE_HOLDS_ARRAY (element))
            return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                         _("%s must be [start, end, \"LABEL\"]"), what);

          if (!read_triple (element, where, what, length, &found, error))
            return FALSE;

          /* A fragment of a discontinuous entity is that entity */
          key = g_strdup_printf ("%u %u %s", found.start, found.end, found.label);
          if ((count = GPOINTER_TO_UINT (g_hash_table_lookup (fragment_triples, key))) > 0)
            {
              g_hash_table_insert (fragment_triples, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));
              continue;
            }

          if (!add_span (reader, document, seen, "label", &found, where, what, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_relations (Reader      *reader,
                SmDocument  *document,
                JsonObject  *record,
                const char  *where,
                GHashTable  *entity_ids,
                GError     **error)
{
  JsonNode *node = get_member (record, "relations");
  JsonArray *relations;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("“relations” must be an array"));

  relations = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *element = json_array_get_element (relations, i);
      g_autofree char *what = g_strdup_printf (_("relation %u"), i + 1);
      g_autoptr(GError) local_error = NULL;
      const char * const ends[2] = { "from_id", "to_id" };
      SmSpan *spans[2];
      JsonObject *object;
      JsonNode *type;
      const char *valid_type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                     _("%s must be an object such as {\"from_id\": 3, \"to_id\": 1,"
                       " \"type\": \"said_by\"}"), what);

      object = json_node_get_object (element);

      for (guint e = 0; e < 2; e++)
        {
          g_autofree char *id = id_string (get_member (object, ends[e]));

          if (id == NULL)
            return fail (error, SM_IMPORT_ERROR_SYNTAX, where,
                         _("%s: “%s” must be the id of an entity"), what, ends[e]);

          if (!(spans[e] = g_hash_table_lookup (entity_ids, id)))
            return fail (error, SM_IMPORT_ERROR_REFERENCE, where,
                         _("%s: “%s” is %s, which is not the id of an entity of this record"),
                         what, ends[e], id);
        }

      type = get_member (object, "type");
      if (!holds_string (type))
        return fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("%s: “type” must be a string"), what);

      valid_type = _sm_import_relation_type (reader->names, json_node_get_string (type), where,
                                             reader->warnings);

      if (!sm_document_add_relation (document, valid_type, spans[0], spans[1], &local_error))
        g_ptr_array_add (reader->warnings,
                         g_strdup_printf (_("%s: %s is not imported: %s"), where, what,
                                          local_error->message));
    }

  return TRUE;
}

static SmDocument *
read_record (Reader      *reader,
             JsonObject  *record,
             const char  *where,
             guint        number,
             GError     **error)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node = NULL;
  const char *utf8;

  for (guint m = 0; text_members[m] != NULL && node == NULL; m++)
    node = get_member (record, text_members[m]);

  if (node == NULL)
    {
      fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("the record has no “text”"));
      return NULL;
    }

  if (!holds_string (node))
    {
      fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("“text” must be a string"));
      return NULL;
    }

  utf8 = json_node_get_string (node);
  if (utf8[0] == '\0')
    {
      fail (error, SM_IMPORT_ERROR_SYNTAX, where, _("“text” is empty: there is nothing to annotate"));
      return NULL;
    }

  if (!(text = _sm_import_text_new (utf8, strlen (utf8), &local_error)))
    {
      fail (error, SM_IMPORT_ERROR_SYNTAX, where, "“text”: %s", local_error->message);
      return NULL;
    }

  if ((name = id_string (get_member (record, "id"))) == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", reader->stem, number);
    }

  document = sm_document_new (text, name);

  if (!read_spans (reader, document, record, where, entity_ids, error) ||
      !read_relations (reader, document, record, where, entity_ids, error))
    return NULL;

  json_object_iter_init (&iter, record);
  while (json_object_iter_next (&iter, &member, &node))
    {
      Unused *unused;

      if (g_strv_contains (known_members, member) || is_empty (node))
        continue;

      if (!(unused = g_hash_table_lookup (reader->unused, member)))
        {
          unused = g_new0 (Unused, 1);
          g_hash_table_insert (reader->unused, g_strdup (member), unused);
        }
      count_unused (unused, where);
    }

  _sm_import_set_status (document);

  return g_steal_pointer (&document);
}

static void
read_value (Reader     *reader,
            JsonNode   *root,
            const char *where,
            guint       number,
            GPtrArray  *documents,
            GPtrArray  *errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) record_warnings = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *warnings = reader->warnings;
  SmDocument *document;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_ptr_array_add (errors, g_strdup_printf (_("%s: a record must be a JSON object, {…}"), where));
      return;
    }

  /* A refused record gets its error only, not warnings about it too */
  reader->warnings = record_warnings;
  document = read_record (reader, json_node_get_object (root), where, number, &error);
  reader->warnings = warnings;

  if (document == NULL)
    {
      g_ptr_array_add (errors, g_strdup (error->message));
      return;
    }

  for (guint i = 0; i < record_warnings->len; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (record_warnings, i)));

  /* So that a message about the document can say which record it was */
  g_object_set_data_full (G_OBJECT (document), SM_IMPORT_WHERE_KEY, g_strdup (where), g_free);
  g_ptr_array_add (documents, document);
}

/* SmJsonReader's "LINE:COLUMN: message" is about one line: say which
 * line. An error past the last character of the line is a record cut
 * short (a file truncated while it was written), which deserves a plainer
 * word. */
static char *
locate_syntax_error (const char *display_name,
                     guint       line,
                     const char *text,
                     gsize       length,
                     const char *message)
{
  guint parsed_line, column;
  int consumed = 0;
  const char *rest;
  glong n_chars;

  if (sscanf (message, "%u:%u: %n", &parsed_line, &column, &consumed) < 2 || consumed <= 0)
    return g_strdup_printf ("%s:%u: %s", display_name, line, message);

  rest = message + consumed;
  if (g_str_has_prefix (rest, "scanner: "))
    rest += strlen ("scanner: ");

  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  n_chars = g_utf8_strlen (text, length);

  if (parsed_line == 1 && (glong) column > n_chars)
    return g_strdup_printf (_("%s:%u:%u: the line ends before its record does, so it was cut short"
                              " (or the record goes on over several lines, which JSON Lines does"
                              " not allow): %s"),
                            display_name, line, column, rest);

  return g_strdup_printf ("%s:%u:%u: %s", display_name, line + parsed_line - 1, column, rest);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
report_unused (Reader *reader)
{
  GHashTableIter iter;
  const char *member;
  Unused *unused;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();

  if (reader->categories.count > 0)
    g_ptr_array_add (reader->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u record has categories of the whole text in"
                                                   " “label”, which Spanmark does not import: it"
                                                   " annotates spans",
                                                   "%s: %u records have categories of the whole text in"
                                                   " “label”, which Spanmark does not import: it"
                                                   " annotates spans (the first here)",
                                                   reader->categories.count),
                                      reader->categories.first_where, reader->categories.count));

  g_hash_table_iter_init (&iter, reader->unused);
  while (g_hash_table_iter_next (&iter, (gpointer *) &member, NULL))
    g_ptr_array_add (members, (gpointer) member);
  g_ptr_array_sort (members, compare_strings);

  for (guint i = 0; i < members->len; i++)
    {
      member = g_ptr_array_index (members, i);
      unused = g_hash_table_lookup (reader->unused, member);
      g_ptr_array_add (reader->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s: “%s” is not imported (%u record has it):"
                                                     " a Spanmark document has no place for it",
                                                     "%s: “%s” is not imported (%u records have it,"
                                                     " the first here): a Spanmark document has no"
                                                     " place for it",
                                                     unused->count),
                                        unused->first_where, member, unused->count));
    }
}

static gboolean
read_whole_file (Reader     *reader,
                 const char *data,
                 gsize       length,
                 GPtrArray  *documents,
                 GPtrArray  *errors)
{
  g_autoptr(JsonNode) root = sm_json_read (data, length, NULL);

  if (root == NULL || !(JSON_NODE_HOLDS_OBJECT (root) || JSON_NODE_HOLDS_ARRAY (root)))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_ptr_array_add (reader->warnings,
                       g_strdup_printf (_("%s: this is one JSON record over several lines, not JSON"
                                          " Lines (a record per line); it is read as one record"),
                                        reader->display_name));
      read_value (reader, root, reader->display_name, 1, documents, errors);
    }
  else
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      g_ptr_array_add (reader->warnings,
                       g_strdup_printf (_("%s: this is a JSON array of records, not JSON Lines"
                                          " (a record per line); its %u records are read in order"),
                                        reader->display_name, n));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *where = g_strdup_printf (_("%s: record %u"), reader->display_name, i + 1);

          read_value (reader, json_array_get_element (array, i), where, i + 1, documents, errors);
        }
    }

  return TRUE;
}

/**
 * _sm_import_jsonl:
 * @display_name: how messages name the file
 * @stem: the file's name without extension, which names records without an id
 * @documents: (element-type SmDocument): where to add the documents
 * @warnings: (element-type utf8): where to add what Spanmark does not import
 * @errors: (element-type utf8): where to add the records refused
 */
void
_sm_import_jsonl (GBytes     *bytes,
                  const char *display_name,
                  const char *stem,
                  GPtrArray  *documents,
                  GPtrArray  *warnings,
                  GPtrArray  *errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmImportNames) names = _sm_import_names_new ();
  g_autoptr(GHashTable) unused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) unused_free);
  Reader reader = { display_name, stem, warnings, unused, { 0, }, names };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *line = data;
  const char *end;
  gboolean first = TRUE;
  guint number = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      line = data;
    }

  if (!sm_text_check_utf8 (data, length, &error))
    {
      g_ptr_array_add (errors, g_strdup_printf ("%s:%s%s", display_name,
                                                g_ascii_isdigit (error->message[0]) ? "" : " ",
                                                error->message));
      return;
    }

  end = data + length;

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *line_end = newline ? newline : end;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *where = NULL;
      const char *p;

      number++;

      for (p = line; p < line_end && g_ascii_isspace (*p); p++)
        ;

      if (p < line_end)
        {
          g_clear_error (&error);
          root = sm_json_read (line, line_end - line, &error);

          if (root == NULL && first && read_whole_file (&reader, data, length, documents, errors))
            break;

          first = FALSE;

          if (root == NULL)
            g_ptr_array_add (errors, locate_syntax_error (display_name, number, line, line_end - line,
                                                          error->message));
          else
            {
              where = g_strdup_printf ("%s:%u", display_name, number);
              read_value (&reader, root, where, number, documents, errors);
            }
        }

      line = newline ? newline + 1 : end;
    }

  report_unused (&reader);

  g_clear_pointer (&reader.categories.first_where, g_free);
}
