/* sm-format.c: the Spanmark JSON file format, version 1 (docs/format.md).
 *
 * Reading checks everything a file says against the model's rules and the
 * embedded text, and names what is wrong ("span T7: ..."). Writing is
 * deterministic and laid out for people and for git: one label, span or
 * relation per line, spans in document order. Members this version does
 * not know are kept with the object they came in and written back.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-document-private.h"
#include "sm-format.h"
#include "sm-json.h"
#include "sm-span-index.h"
#include "sm-span-private.h"

/* The members each object of version 1 has; any other is kept as it is */
static const char * const top_members[] = {
  "format", "version", "document", "labels", "spans", "relations", "status", "meta", NULL
};
static const char * const document_members[] = { "name", "text", "length", "sha256", NULL };
static const char * const label_members[] = { "id", "name", "color", "key", NULL };
static const char * const span_members[] = { "id", "label", "start", "end", "text", "note", NULL };
static const char * const relation_members[] = { "id", "type", "from", "to", NULL };
static const char * const meta_members[] = {
  "annotator", "created", "modified", "next_span", "next_relation", NULL
};

/* Where unknown members wait to be written back: on the label, span or
 * relation they came with, or on the document for its sections. */
#define EXTRA_KEY          "sm-format-extra"
#define EXTRA_TOP_KEY      "sm-format-extra-top"
#define EXTRA_DOCUMENT_KEY "sm-format-extra-document"
#define EXTRA_META_KEY     "sm-format-extra-meta"

/* Longer quoted texts are cut in messages */
#define QUOTE_LENGTH 40

static gboolean fail (GError     **error,
                      gint         code,
                      const char  *context,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      gint         code,
      const char  *context,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (context != NULL)
    g_set_error (error, SM_DOCUMENT_ERROR, code, "%s: %s", context, message);
  else
    g_set_error_literal (error, SM_DOCUMENT_ERROR, code, message);

  return FALSE;
}

static char *
quote (const char *text)
{
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > QUOTE_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (text, 0, QUOTE_LENGTH);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (text);

  /* Keep the message on one line */
  for (char *p = shown; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        *p = ' ';
    }

  return g_strdup_printf ("“%s”", shown);
}

static void
keep_extra (gpointer           object,
            const char        *key,
            JsonObject        *json,
            const char * const *known)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, json);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  g_object_set_data_full (object, key, g_steal_pointer (&extra),
                          (GDestroyNotify) json_object_unref);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *context,
             gboolean     required,
             const char **value,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  *value = NULL;

  if (node == NULL)
    return !required || fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                              _("“%s” is missing"), member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a string"), member);

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_offset (JsonObject  *object,
             const char  *member,
             const char  *context,
             gboolean     required,
             gboolean    *present,
             guint       *value,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  gint64 number;

  *present = node != NULL;
  *value = 0;

  if (node == NULL)
    return !required || fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                              _("“%s” is missing"), member);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a whole number, not %g"), member, json_node_get_double (node));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a number"), member);

  /* json-glib wraps integers beyond 64 bits around, so a huge number can
   * arrive negative: both are simply out of range. */
  number = json_node_get_int (node);
  if (number < 0 || number >= G_MAXUINT)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” is out of range: it must be a whole number from 0 up to the text’s length"),
                 member);

  *value = (guint) number;
  return TRUE;
}

static JsonObject *
read_object (JsonObject  *object,
             const char  *member,
             gboolean     required,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      if (required)
        fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” must be an object"), member);
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      if (required)
        fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” must be an array"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
array_object (JsonArray   *array,
              guint        index,
              const char  *what,
              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
            _("%s number %u must be an object"), what, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *node;
  const char *format;
  gint64 version;

  node = get_member (root, "format");
  if (node == NULL)
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark file: it has no “format” member"));

  format = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, "spanmark") != 0)
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark file: “format” is not “spanmark”"));

  node = get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("“version” must be a whole number"));

  version = json_node_get_int (node);
  if (version > SM_FORMAT_VERSION)
    return fail (error, SM_DOCUMENT_ERROR_VERSION, NULL,
                 _("the file was written by a newer Spanmark (format version %lld"
                   "); this version reads format version %d. Update Spanmark to open it."),
                 (long long) version, SM_FORMAT_VERSION);
  if (version < 1)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("“version” %lld is not a Spanmark format version"), (long long) version);

  return TRUE;
}

static SmDocument *
read_document (JsonObject  *root,
               GError     **error)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *name, *utf8, *sha256;
  gboolean has_length;
  guint length;

  if (!(object = read_object (root, "document", TRUE, error)))
    return NULL;

  if (!read_string (object, "name", "document", TRUE, &name, error) ||
      !read_string (object, "text", "document", TRUE, &utf8, error) ||
      !read_offset (object, "length", "document", FALSE, &has_length, &length, error) ||
      !read_string (object, "sha256", "document", FALSE, &sha256, error))
    return NULL;

  /* The text is kept exactly as the article was loaded, so a U+FEFF that
   * starts it (an article that began with two byte order marks) is part of
   * it: sm_text_new() drops one leading mark, so give it one to drop. */
  if (g_str_has_prefix (utf8, "\xEF\xBB\xBF"))
    {
      g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);

      text = sm_text_new (marked, -1, &local_error);
    }
  else
    text = sm_text_new (utf8, -1, &local_error);

  if (text == NULL)
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, "document", "“text”: %s", local_error->message);
      return NULL;
    }

  if (has_length && length != sm_text_get_length (text))
    {
      fail (error, SM_DOCUMENT_ERROR_MISMATCH, "document",
            _("“length” says %u characters but the text has %u: the text was changed after the file was written"),
            length, sm_text_get_length (text));
      return NULL;
    }

  if (sha256 != NULL && g_ascii_strcasecmp (sha256, sm_text_get_sha256 (text)) != 0)
    {
      fail (error, SM_DOCUMENT_ERROR_MISMATCH, "document",
            _("the text’s SHA-256 is %s, not %s as recorded: the text was changed after the file was written"),
            sm_text_get_sha256 (text), sha256);
      return NULL;
    }

  document = sm_document_new (text, name);
  keep_extra (document, EXTRA_DOCUMENT_KEY, object, document_members);

  return g_steal_pointer (&document);
}

static gboolean
read_labels (SmDocument  *document,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *array;
  guint n;

  if (!(array = read_array (root, "labels", TRUE, error)))
    return FALSE;

  _sm_document_clear_labels (document);

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *context = NULL;
      g_autofree char *escaped_id = NULL;
      JsonObject *object;
      const char *id, *name, *color, *key;

      if (!(object = array_object (array, i, _("label"), error)))
        return FALSE;

      context = g_strdup_printf (_("label number %u"), i + 1);
      if (!read_string (object, "id", context, TRUE, &id, error))
        return FALSE;

      /* Say where the problem is, printably, whatever the id holds */
      g_free (escaped_id);
      escaped_id = sm_json_escape_controls (id);
      g_free (context);
      context = g_strdup_printf (_("label %s"), escaped_id);

      if (!sm_label_id_is_valid (id, &local_error) ||
          !read_string (object, "name", context, FALSE, &name, error) ||
          !read_string (object, "color", context, FALSE, &color, error) ||
          (color && !sm_label_color_is_valid (color, &local_error)) ||
          !read_string (object, "key", context, FALSE, &key, error) ||
          !sm_label_key_is_valid (key, &local_error))
        {
          if (local_error)
            fail (error, local_error->code, context, "%s", local_error->message);
          return FALSE;
        }

      label = sm_label_new (id, name, color, key);
      keep_extra (label, EXTRA_KEY, object, label_members);

      if (!sm_document_add_label (document, label, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);
    }

  return TRUE;
}

static gboolean
read_spans (SmDocument  *document,
            JsonObject  *root,
            GError     **error)
{
  SmText *text = sm_document_get_text (document);
  JsonArray *array;
  guint n;

  if (!(array = read_array (root, "spans", TRUE, error)))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *context = NULL;
      g_autofree char *escaped_id = NULL;
      g_autofree char *span_text = NULL;
      JsonObject *object;
      const char *id, *label, *expected, *note;
      guint start, end;
      gboolean present;

      if (!(object = array_object (array, i, _("span"), error)))
        return FALSE;

      context = g_strdup_printf (_("span number %u"), i + 1);
      if (!read_string (object, "id", context, TRUE, &id, error))
        return FALSE;

      if (id[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context, _("“id” is empty"));

      /* Say where the problem is, printably, whatever the id holds */
      g_free (escaped_id);
      escaped_id = sm_json_escape_controls (id);
      g_free (context);
      context = g_strdup_printf (_("span %s"), escaped_id);

      if (!read_string (object, "label", context, TRUE, &label, error) ||
          !read_offset (object, "start", context, TRUE, &present, &start, error) ||
          !read_offset (object, "end", context, TRUE, &present, &end, error) ||
          !read_string (object, "text", context, FALSE, &expected, error) ||
          !read_string (object, "note", context, FALSE, &note, error))
        return FALSE;

      if (!_sm_document_check_span (document, label, start, end, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);

      span_text = sm_text_dup_slice (text, start, end);
      if (expected != NULL && strcmp (expected, span_text) != 0)
        {
          g_autofree char *quoted_expected = quote (expected);
          g_autofree char *quoted_actual = quote (span_text);

          return fail (error, SM_DOCUMENT_ERROR_MISMATCH, context,
                       _("“text” is %s but the document has %s at [%u, %u)"),
                       quoted_expected, quoted_actual, start, end);
        }

      span = _sm_span_new (id, label, start, end, span_text);
      _sm_span_set_note (span, note);
      keep_extra (span, EXTRA_KEY, object, span_members);

      if (!_sm_document_insert_span (document, span, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);
    }

  return TRUE;
}

static SmSpan *
read_span_reference (SmDocument  *document,
                     JsonObject  *object,
                     const char  *member,
                     const char  *context,
                     GError     **error)
{
  const char *id;
  SmSpan *span;

  if (!read_string (object, member, context, TRUE, &id, error))
    return NULL;

  if ((span = sm_document_find_span (document, id)) == NULL)
    fail (error, SM_DOCUMENT_ERROR_INVALID, context,
          _("“%s” refers to span %s, which does not exist"), member, id);

  return span;
}

static gboolean
read_relations (SmDocument  *document,
                JsonObject  *root,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;
  guint n;

  /* Optional: a document without relations may leave them out */
  if (get_member (root, "relations") == NULL)
    return TRUE;

  if (!(array = read_array (root, "relations", TRUE, error)))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = NULL;
      g_autofree char *context = NULL;
      g_autofree char *escaped_id = NULL;
      JsonObject *object;
      const char *id, *type;
      SmSpan *from, *to;

      if (!(object = array_object (array, i, _("relation"), error)))
        return FALSE;

      context = g_strdup_printf (_("relation number %u"), i + 1);
      if (!read_string (object, "id", context, TRUE, &id, error))
        return FALSE;

      if (id[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context, _("“id” is empty"));

      /* Say where the problem is, printably, whatever the id holds */
      g_free (escaped_id);
      escaped_id = sm_json_escape_controls (id);
      g_free (context);
      context = g_strdup_printf (_("relation %s"), escaped_id);

      if (!read_string (object, "type", context, TRUE, &type, error) ||
          !(from = read_span_reference (document, object, "from", context, error)) ||
          !(to = read_span_reference (document, object, "to", context, error)))
        return FALSE;

      if (!sm_relation_type_is_valid (type, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);

      relation = _sm_relation_new (id, type, from, to);
      keep_extra (relation, EXTRA_KEY, object, relation_members);

      if (!_sm_document_insert_relation (document, relation, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);
    }

  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *member,
           GDateTime  **time,
           GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *string;

  *time = NULL;

  if (!read_string (object, member, "meta", FALSE, &string, error))
    return FALSE;

  if (string != NULL && !(*time = g_date_time_new_from_iso8601 (string, utc)))
    {
      g_autofree char *quoted = quote (string);

      return fail (error, SM_DOCUMENT_ERROR_INVALID, "meta",
                   _("“%s” is %s, which is not an ISO 8601 date and time such as 2026-03-01T09:30:00Z"),
                   member, quoted);
    }

  return TRUE;
}

static gboolean
read_meta (SmDocument  *document,
           JsonObject  *root,
           GError     **error)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  SmDocumentStatus status = SM_DOCUMENT_STATUS_NEW;
  const char *status_string = NULL;
  const char *annotator = NULL;
  guint next_span = 0, next_relation = 0;
  gboolean present;
  JsonObject *meta = NULL;

  if (!read_string (root, "status", NULL, FALSE, &status_string, error))
    return FALSE;

  if (status_string && !sm_document_status_from_string (status_string, &status))
    {
      g_autofree char *quoted = quote (status_string);

      return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                   _("“status” is %s; it must be “new”, “in-progress” or “done”"), quoted);
    }

  if (get_member (root, "meta") != NULL &&
      !(meta = read_object (root, "meta", TRUE, error)))
    return FALSE;

  if (meta != NULL)
    {
      if (!read_string (meta, "annotator", "meta", FALSE, &annotator, error) ||
          !read_time (meta, "created", &created, error) ||
          !read_time (meta, "modified", &modified, error) ||
          !read_offset (meta, "next_span", "meta", FALSE, &present, &next_span, error) ||
          !read_offset (meta, "next_relation", "meta", FALSE, &present, &next_relation, error))
        return FALSE;

      keep_extra (document, EXTRA_META_KEY, meta, meta_members);
    }

  _sm_document_set_loaded_meta (document, status, annotator, created, modified);
  _sm_document_set_next_numbers (document, next_span, next_relation);

  return TRUE;
}

/**
 * sm_format_parse:
 * @data: the bytes of a Spanmark file
 * @length: their length
 * @error: what is wrong with the file, and where
 *
 * Reads a Spanmark file, checking every member. Errors are in
 * %SM_DOCUMENT_ERROR (or %SM_TEXT_ERROR for bytes that are not UTF-8 text)
 * and start with where the problem is: "LINE:COLUMN: " for JSON syntax,
 * "span T7: " or "relation R2: " for a span or relation.
 *
 * Returns: (transfer full) (nullable): the document, unmodified
 */
SmDocument *
sm_format_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!sm_text_check_utf8 (data, length, error) ||
      !(root = sm_json_parse (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
            _("this is not a Spanmark file: it is JSON, but not an object"));
      return NULL;
    }

  object = json_node_get_object (root);

  if (!check_header (object, error) ||
      !(document = read_document (object, error)) ||
      !read_labels (document, object, error) ||
      !read_spans (document, object, error) ||
      !read_relations (document, object, error) ||
      !read_meta (document, object, error))
    return NULL;

  keep_extra (document, EXTRA_TOP_KEY, object, top_members);

  return g_steal_pointer (&document);
}

/* Writing */

static void
append_extra_inline (GString *out,
                     gpointer object,
                     const char *key)
{
  JsonObject *extra = g_object_get_data (object, key);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *value = json_to_string (node, FALSE);

      g_string_append (out, ", ");
      sm_json_append_member (out, name);
      g_string_append (out, value);
    }
}

static void
append_extra_members (GString    *out,
                      gpointer    object,
                      const char *key,
                      const char *indent)
{
  JsonObject *extra = g_object_get_data (object, key);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *value = json_to_string (node, FALSE);

      g_string_append_printf (out, ",\n%s", indent);
      sm_json_append_member (out, name);
      g_string_append (out, value);
    }
}

static void
append_string_member (GString    *out,
                      const char *indent,
                      const char *name,
                      const char *value)
{
  g_string_append (out, indent);
  sm_json_append_member (out, name);
  sm_json_append_string (out, value);
}

static gboolean
append_span (SmSpan   *span,
             gpointer  user_data)
{
  GString *out = user_data;
  const char *note = sm_span_get_note (span);

  if (out->str[out->len - 1] != '[')
    g_string_append_c (out, ',');

  g_string_append (out, "\n    {");
  sm_json_append_member (out, "id");
  sm_json_append_string (out, sm_span_get_id (span));
  g_string_append (out, ", ");
  sm_json_append_member (out, "label");
  sm_json_append_string (out, sm_span_get_label (span));
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, ",
                          sm_span_get_start (span), sm_span_get_end (span));
  sm_json_append_member (out, "text");
  sm_json_append_string (out, sm_span_get_text (span));
  if (note != NULL)
    {
      g_string_append (out, ", ");
      sm_json_append_member (out, "note");
      sm_json_append_string (out, note);
    }
  append_extra_inline (out, span, EXTRA_KEY);
  g_string_append_c (out, '}');

  return TRUE;
}

#define DIGITS "0123456789"

/* "R2" before "R10": ids compare by the text before their first digit, then
 * by the number there, then by what follows it, then as strings. Each step
 * decides or passes on to the next, so this is a total order and relations
 * are written in the same order whatever order they were read in, even with
 * ids such as "R1~" among the "R<n>". */
static gint
compare_ids (const char *a,
             const char *b)
{
  gsize prefix_a = strcspn (a, DIGITS);
  gsize prefix_b = strcspn (b, DIGITS);
  const char *number_a = a + prefix_a;
  const char *number_b = b + prefix_b;
  gsize digits_a, digits_b;
  gint cmp;

  if ((cmp = memcmp (a, b, MIN (prefix_a, prefix_b))) != 0)
    return cmp;
  if (prefix_a != prefix_b)
    return prefix_a < prefix_b ? -1 : 1;

  /* Numbers of any length: without leading zeros, the longer is larger */
  while (number_a[0] == '0' && g_ascii_isdigit (number_a[1]))
    number_a++;
  while (number_b[0] == '0' && g_ascii_isdigit (number_b[1]))
    number_b++;
  digits_a = strspn (number_a, DIGITS);
  digits_b = strspn (number_b, DIGITS);
  if (digits_a != digits_b)
    return digits_a < digits_b ? -1 : 1;
  if ((cmp = memcmp (number_a, number_b, digits_a)) != 0)
    return cmp;

  if ((cmp = strcmp (number_a + digits_a, number_b + digits_b)) != 0)
    return cmp;

  return strcmp (a, b);
}

static gint
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  SmRelation *relation_a = *(SmRelation **) a;
  SmRelation *relation_b = *(SmRelation **) b;

  return compare_ids (sm_relation_get_id (relation_a), sm_relation_get_id (relation_b));
}

static void
append_time (GString    *out,
             const char *name,
             GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *string = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  append_string_member (out, "    ", name, string);
}

/**
 * sm_format_serialize:
 *
 * Writes @document as a Spanmark file. The same document always gives the
 * same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sm_format_serialize (SmDocument *document)
{
  g_autoptr(GPtrArray) relations = NULL;
  GString *out;
  SmText *text;
  GListModel *labels;
  GListModel *relation_model;
  guint n;
  guint next_span, next_relation;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  text = sm_document_get_text (document);
  out = g_string_sized_new (sm_text_get_n_bytes (text) * 11 / 10 + 1024);

  g_string_append (out, "{\n  \"format\": \"spanmark\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n", SM_FORMAT_VERSION);

  g_string_append (out, "  \"document\": {\n");
  append_string_member (out, "    ", "name", sm_document_get_name (document));
  g_string_append (out, ",\n");
  append_string_member (out, "    ", "text", sm_text_get_utf8 (text));
  g_string_append_printf (out, ",\n    \"length\": %u,\n", sm_text_get_length (text));
  append_string_member (out, "    ", "sha256", sm_text_get_sha256 (text));
  append_extra_members (out, document, EXTRA_DOCUMENT_KEY, "    ");
  g_string_append (out, "\n  },\n");

  g_string_append (out, "  \"labels\": [");
  labels = sm_document_get_labels (document);
  n = g_list_model_get_n_items (labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      sm_json_append_member (out, "id");
      sm_json_append_string (out, sm_label_get_id (label));
      g_string_append (out, ", ");
      sm_json_append_member (out, "name");
      sm_json_append_string (out, sm_label_get_name (label));
      g_string_append (out, ", ");
      sm_json_append_member (out, "color");
      sm_json_append_string (out, sm_label_get_color (label));
      g_string_append (out, ", ");
      sm_json_append_member (out, "key");
      sm_json_append_string (out, sm_label_get_key (label));
      append_extra_inline (out, label, EXTRA_KEY);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"spans\": [");
  sm_span_index_foreach (SM_SPAN_INDEX (sm_document_get_spans (document)), append_span, out);
  g_string_append (out, sm_document_get_n_spans (document) > 0 ? "\n  ],\n" : "],\n");

  relation_model = sm_document_get_relations (document);
  n = g_list_model_get_n_items (relation_model);
  relations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (relations, g_list_model_get_item (relation_model, i));
  g_ptr_array_sort (relations, compare_relations);

  g_string_append (out, "  \"relations\": [");
  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      sm_json_append_member (out, "id");
      sm_json_append_string (out, sm_relation_get_id (relation));
      g_string_append (out, ", ");
      sm_json_append_member (out, "type");
      sm_json_append_string (out, sm_relation_get_type_name (relation));
      g_string_append (out, ", ");
      sm_json_append_member (out, "from");
      sm_json_append_string (out, sm_span_get_id (sm_relation_get_from (relation)));
      g_string_append (out, ", ");
      sm_json_append_member (out, "to");
      sm_json_append_string (out, sm_span_get_id (sm_relation_get_to (relation)));
      append_extra_inline (out, relation, EXTRA_KEY);
      g_string_append_c (out, '}');
    }
  g_string_append (out, relations->len > 0 ? "\n  ],\n" : "],\n");

  append_string_member (out, "  ", "status",
                        sm_document_status_to_string (sm_document_get_status (document)));
  g_string_append (out, ",\n  \"meta\": {\n");
  append_string_member (out, "    ", "annotator", sm_document_get_annotator (document));
  g_string_append (out, ",\n");
  append_time (out, "created", sm_document_get_created_time (document));
  g_string_append (out, ",\n");
  append_time (out, "modified", sm_document_get_modified_time (document));
  _sm_document_get_next_numbers (document, &next_span, &next_relation);
  g_string_append_printf (out, ",\n    \"next_span\": %u,\n    \"next_relation\": %u",
                          next_span, next_relation);
  append_extra_members (out, document, EXTRA_META_KEY, "    ");
  g_string_append (out, "\n  }");
  append_extra_members (out, document, EXTRA_TOP_KEY, "  ");
  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}
