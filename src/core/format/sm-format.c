/* sm-format.c: the Spanmark JSON file format, versions 1 and 2 (docs/format.md).
 *
 * Reading checks everything a file says against the model's rules and the
 * embedded text, and names what is wrong ("span T7: ..."). Writing is
 * deterministic and laid out for people and for git: one label, span or
 * relation per line, spans in document order. Members this version does
 * not know are kept with the object they came in and written back.
 *
 * A file is read in two steps. The first reads the JSON once, with
 * SmJsonReader, into records of the members this version knows (strings
 * stay in the reader's buffer) and JsonNodes of those it does not. The
 * second checks the records in a fixed order and builds the document.
 * So a file that is not JSON is refused as such wherever its error is,
 * a member given twice counts with its last value, and the first problem
 * named is the same whatever order the members come in.
 *
 * Version 2 is version 1 with discontinuous spans: a span of several
 * fragments lists them in "fragments". A document without one is written
 * as version 1, exactly as before, so only files that need the new
 * member are closed to a Spanmark that does not know it.
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
#include "sm-json-reader.h"
#include "sm-span-index.h"
#include "sm-span-private.h"
#include "sm-suggestion-private.h"
#include "sm-text-private.h"
#include "sm-thread.h"

/* The members each object has; any other is kept as it is.
 * The order is that of the enums below them. */
static const char * const top_members[] = {
  "format", "version", "document", "labels", "spans", "relations", "suggestions", "rejected",
  "status", "meta", NULL
};
enum {
  TOP_FORMAT, TOP_VERSION, TOP_DOCUMENT, TOP_LABELS, TOP_SPANS, TOP_RELATIONS, TOP_SUGGESTIONS,
  TOP_REJECTED, TOP_STATUS, TOP_META, N_TOP
};

static const char * const document_members[] = { "name", "text", "length", "sha256", NULL };
enum { DOCUMENT_NAME, DOCUMENT_TEXT, DOCUMENT_LENGTH, DOCUMENT_SHA256 };

static const char * const label_members[] = { "id", "name", "color", "key", NULL };
enum { LABEL_ID, LABEL_NAME, LABEL_COLOR, LABEL_KEY };

static const char * const span_members[] = {
  "id", "label", "start", "end", "fragments", "text", "note", NULL
};
enum { SPAN_ID, SPAN_LABEL, SPAN_START, SPAN_END, SPAN_FRAGMENTS, SPAN_TEXT, SPAN_NOTE };

static const char * const relation_members[] = { "id", "type", "from", "to", NULL };
enum { RELATION_ID, RELATION_TYPE, RELATION_FROM, RELATION_TO };

static const char * const suggestion_members[] = {
  "id", "label", "start", "end", "text", "source", "said_by", NULL
};
enum {
  SUGGESTION_ID, SUGGESTION_LABEL, SUGGESTION_START, SUGGESTION_END, SUGGESTION_TEXT,
  SUGGESTION_SOURCE, SUGGESTION_SAID_BY
};

static const char * const rejected_members[] = { "label", "start", "end", "text", NULL };
enum { REJECTED_LABEL, REJECTED_START, REJECTED_END, REJECTED_TEXT };

static const char * const meta_members[] = {
  "annotator", "created", "modified", "next_span", "next_relation", NULL
};
enum { META_ANNOTATOR, META_CREATED, META_MODIFIED, META_NEXT_SPAN, META_NEXT_RELATION };

#define MAX_MEMBERS 7

/* Optional, and read with json-glib: a handful of short lists */
#define RELATION_TYPES_MEMBER "relation_types"

/* Where unknown members wait to be written back: on the label, span or
 * relation they came with, or on the document for its sections. */
#define EXTRA_KEY          "sm-format-extra"
#define EXTRA_TOP_KEY      "sm-format-extra-top"
#define EXTRA_DOCUMENT_KEY "sm-format-extra-document"
#define EXTRA_META_KEY     "sm-format-extra-meta"

/* Longer quoted texts are cut in messages */
#define QUOTE_LENGTH 40

/* Step one: the file as records */

typedef enum
{
  VALUE_ABSENT,
  VALUE_NULL,
  VALUE_STRING,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_BOOLEAN,
  VALUE_OBJECT,
  VALUE_ARRAY,
  VALUE_NODE,     /* an array kept whole, to be read in step two */
} ValueKind;

/* A member's value, as far as a check needs it */
typedef struct
{
  ValueKind kind;
  union
  {
    const char *string;   /* in the reader's buffer */
    gint64      integer;
    gdouble     number;
    JsonNode   *node;     /* owned */
  };
} Value;

/* An object with the members it is known to have, and the others */
typedef struct
{
  Value       members[MAX_MEMBERS];
  JsonObject *extra;
} Record;

/* An element of "labels", "spans" or "relations": an object, or not */
typedef struct
{
  gboolean is_object;
  Record   record;
} Element;

typedef struct
{
  gboolean    is_object;
  Value       members[N_TOP];
  Record      document;
  Record      meta;
  GArray     *labels;      /* of Element */
  GArray     *spans;
  GArray     *relations;
  GArray     *suggestions;
  GArray     *rejected;
  JsonObject *extra;
} FileRecord;

static void
record_clear (Record *record)
{
  for (guint i = 0; i < MAX_MEMBERS; i++)
    {
      if (record->members[i].kind == VALUE_NODE)
        json_node_unref (record->members[i].node);
    }
  g_clear_pointer (&record->extra, json_object_unref);
  memset (record, 0, sizeof *record);
}

static void
element_clear (gpointer data)
{
  Element *element = data;

  record_clear (&element->record);
}

static void
file_record_clear (FileRecord *file)
{
  record_clear (&file->document);
  record_clear (&file->meta);
  g_clear_pointer (&file->labels, g_array_unref);
  g_clear_pointer (&file->spans, g_array_unref);
  g_clear_pointer (&file->relations, g_array_unref);
  g_clear_pointer (&file->suggestions, g_array_unref);
  g_clear_pointer (&file->rejected, g_array_unref);
  g_clear_pointer (&file->extra, json_object_unref);
}

static gint
find_member (const char * const *known,
             const char         *name)
{
  for (gint i = 0; known[i] != NULL; i++)
    {
      if (known[i][0] == name[0] && strcmp (known[i], name) == 0)
        return i;
    }

  return -1;
}

/* Keeps a member this version does not know, as json-glib would have: a
 * name given twice keeps its first place and its last value */
static gboolean
read_extra (SmJsonReader  *reader,
            JsonObject   **extra,
            const char    *name,
            GError       **error)
{
  JsonNode *node = sm_json_reader_read_node (reader, error);

  if (node == NULL)
    return FALSE;

  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, node);

  return TRUE;
}

/* The value that starts with @token; objects and arrays are only noted */
static gboolean
read_value (SmJsonReader  *reader,
            SmJsonToken    token,
            Value         *value,
            GError       **error)
{
  switch (token)
    {
    case SM_JSON_TOKEN_STRING:
      value->kind = VALUE_STRING;
      value->string = sm_json_reader_get_string (reader, NULL);
      return TRUE;

    case SM_JSON_TOKEN_INT:
      value->kind = VALUE_INT;
      value->integer = sm_json_reader_get_int (reader);
      return TRUE;

    case SM_JSON_TOKEN_DOUBLE:
      value->kind = VALUE_DOUBLE;
      value->number = sm_json_reader_get_double (reader);
      return TRUE;

    case SM_JSON_TOKEN_TRUE:
    case SM_JSON_TOKEN_FALSE:
      value->kind = VALUE_BOOLEAN;
      return TRUE;

    case SM_JSON_TOKEN_NULL:
      value->kind = VALUE_NULL;
      return TRUE;

    case SM_JSON_TOKEN_BEGIN_OBJECT:
      value->kind = VALUE_OBJECT;
      return sm_json_reader_skip (reader, error);

    case SM_JSON_TOKEN_BEGIN_ARRAY:
      value->kind = VALUE_ARRAY;
      return sm_json_reader_skip (reader, error);

    case SM_JSON_TOKEN_ERROR:
    default:
      return FALSE;
    }
}

/* The members of the object just begun, into @record */
static gboolean
read_record (SmJsonReader        *reader,
             const char * const  *known,
             Record              *record,
             GError             **error)
{
  for (;;)
    {
      SmJsonToken token = sm_json_reader_next (reader, error);
      const char *name;
      gint index;

      if (token == SM_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (token != SM_JSON_TOKEN_MEMBER)
        return FALSE;

      name = sm_json_reader_get_string (reader, NULL);
      index = find_member (known, name);
      token = sm_json_reader_next (reader, error);

      /* A member given twice counts with its last value */
      if (index >= 0 && record->members[index].kind == VALUE_NODE)
        {
          json_node_unref (record->members[index].node);
          record->members[index].kind = VALUE_ABSENT;
        }

      /* A span's fragments, the one array inside an element: kept whole */
      if (index >= 0 && known == span_members && index == SPAN_FRAGMENTS &&
          token == SM_JSON_TOKEN_BEGIN_ARRAY)
        {
          if ((record->members[index].node = sm_json_reader_read_node (reader, error)) == NULL)
            {
              record->members[index].kind = VALUE_ABSENT;
              return FALSE;
            }
          record->members[index].kind = VALUE_NODE;
        }
      else if (index >= 0)
        {
          if (!read_value (reader, token, &record->members[index], error))
            return FALSE;
        }
      else if (token == SM_JSON_TOKEN_ERROR || !read_extra (reader, &record->extra, name, error))
        return FALSE;
    }
}

/* The elements of the array just begun, each an object or not */
static gboolean
read_elements (SmJsonReader        *reader,
               const char * const  *known,
               GArray             **elements,
               GError             **error)
{
  g_clear_pointer (elements, g_array_unref);
  *elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (*elements, element_clear);

  for (;;)
    {
      SmJsonToken token = sm_json_reader_next (reader, error);
      Element *element;

      if (token == SM_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token == SM_JSON_TOKEN_ERROR)
        return FALSE;

      g_array_set_size (*elements, (*elements)->len + 1);
      element = &g_array_index (*elements, Element, (*elements)->len - 1);

      if (token == SM_JSON_TOKEN_BEGIN_OBJECT)
        {
          element->is_object = TRUE;
          if (!read_record (reader, known, &element->record, error))
            return FALSE;
        }
      else if (!sm_json_reader_skip (reader, error))
        return FALSE;
    }
}

/* Reads all of @data: a file that is not JSON is refused here, before any
 * of its members is looked at */
static gboolean
read_file (SmJsonReader  *reader,
           FileRecord    *file,
           GError       **error)
{
  SmJsonToken token = sm_json_reader_next (reader, error);

  if (token == SM_JSON_TOKEN_ERROR)
    return FALSE;

  if (token == SM_JSON_TOKEN_END)
    {
      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                           _("there is no JSON value in the file"));
      return FALSE;
    }

  if (token != SM_JSON_TOKEN_BEGIN_OBJECT)
    return sm_json_reader_skip (reader, error) &&
           sm_json_reader_next (reader, error) == SM_JSON_TOKEN_END;

  file->is_object = TRUE;

  for (;;)
    {
      const char *name;
      gint index;

      token = sm_json_reader_next (reader, error);
      if (token == SM_JSON_TOKEN_END_OBJECT)
        break;
      if (token != SM_JSON_TOKEN_MEMBER)
        return FALSE;

      name = sm_json_reader_get_string (reader, NULL);
      index = find_member (top_members, name);
      token = sm_json_reader_next (reader, error);
      if (token == SM_JSON_TOKEN_ERROR)
        return FALSE;

      if (index < 0)
        {
          if (!read_extra (reader, &file->extra, name, error))
            return FALSE;
          continue;
        }

      if (token == SM_JSON_TOKEN_BEGIN_OBJECT && (index == TOP_DOCUMENT || index == TOP_META))
        {
          Record *record = index == TOP_DOCUMENT ? &file->document : &file->meta;

          file->members[index].kind = VALUE_OBJECT;
          record_clear (record);
          if (!read_record (reader, index == TOP_DOCUMENT ? document_members : meta_members, record, error))
            return FALSE;
        }
      else if (token == SM_JSON_TOKEN_BEGIN_ARRAY &&
               (index == TOP_LABELS || index == TOP_SPANS || index == TOP_RELATIONS ||
                index == TOP_SUGGESTIONS || index == TOP_REJECTED))
        {
          static const struct {
            const char * const *members;
            gsize               offset;
          } arrays[] = {
            [TOP_LABELS] = { label_members, G_STRUCT_OFFSET (FileRecord, labels) },
            [TOP_SPANS] = { span_members, G_STRUCT_OFFSET (FileRecord, spans) },
            [TOP_RELATIONS] = { relation_members, G_STRUCT_OFFSET (FileRecord, relations) },
            [TOP_SUGGESTIONS] = { suggestion_members, G_STRUCT_OFFSET (FileRecord, suggestions) },
            [TOP_REJECTED] = { rejected_members, G_STRUCT_OFFSET (FileRecord, rejected) },
          };

          file->members[index].kind = VALUE_ARRAY;
          if (!read_elements (reader, arrays[index].members,
                              G_STRUCT_MEMBER_P (file, arrays[index].offset), error))
            return FALSE;
        }
      else if (!read_value (reader, token, &file->members[index], error))
        return FALSE;
    }

  return sm_json_reader_next (reader, error) == SM_JSON_TOKEN_END;
}

/* Step two: checking the records and building the document */

/* Who a problem is about: "document", "label number 2", "span T7"... told
 * only when there is a problem */
typedef enum
{
  ABOUT_DOCUMENT,
  ABOUT_META,
  ABOUT_LABEL,
  ABOUT_SPAN,
  ABOUT_RELATION,
  ABOUT_SUGGESTION,
  ABOUT_REJECTED,
} About;

typedef struct
{
  About       about;
  guint       index;
  const char *id;      /* NULL until it is known */
} Context;

static char *
context_to_string (const Context *context)
{
  g_autofree char *id = NULL;

  if (context == NULL)
    return NULL;

  /* Say where the problem is, printably, whatever the id holds */
  if (context->id != NULL)
    id = sm_text_escape_controls (context->id);

  switch (context->about)
    {
    case ABOUT_DOCUMENT:
      return g_strdup ("document");
    case ABOUT_META:
      return g_strdup ("meta");
    case ABOUT_LABEL:
      return id ? g_strdup_printf (_("label %s"), id) : g_strdup_printf (_("label number %u"), context->index + 1);
    case ABOUT_SPAN:
      return id ? g_strdup_printf (_("span %s"), id) : g_strdup_printf (_("span number %u"), context->index + 1);
    case ABOUT_SUGGESTION:
      return id ? g_strdup_printf (_("suggestion %s"), id) : g_strdup_printf (_("suggestion number %u"), context->index + 1);
    case ABOUT_REJECTED:
      return g_strdup_printf (_("rejected suggestion number %u"), context->index + 1);
    case ABOUT_RELATION:
    default:
      return id ? g_strdup_printf (_("relation %s"), id) : g_strdup_printf (_("relation number %u"), context->index + 1);
    }
}

static gboolean fail (GError        **error,
                      gint            code,
                      const Context  *context,
                      const char     *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError        **error,
      gint            code,
      const Context  *context,
      const char     *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = context_to_string (context);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    g_set_error (error, SM_DOCUMENT_ERROR, code, "%s: %s", where, message);
  else
    g_set_error_literal (error, SM_DOCUMENT_ERROR, code, message);

  return FALSE;
}

/* A problem the model found, told with who it is about */
static gboolean
fail_with_error (GError        **error,
                 const Context  *context,
                 const GError   *local_error)
{
  return fail (error, local_error->code, context, "%s", local_error->message);
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

/* Hands the unknown members of @record to @object, to be written back */
static void
keep_extra (gpointer    object,
            const char *key,
            Record     *record)
{
  if (record->extra != NULL)
    g_object_set_data_full (object, key, g_steal_pointer (&record->extra),
                            (GDestroyNotify) json_object_unref);
}

/* A member whose value is null is treated as absent */
static inline gboolean
is_absent (const Value *value)
{
  return value->kind == VALUE_ABSENT || value->kind == VALUE_NULL;
}

static gboolean
read_string (const Value    *value,
             const char     *member,
             const Context  *context,
             gboolean        required,
             const char    **string,
             GError        **error)
{
  *string = NULL;

  if (is_absent (value))
    return !required || fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                              _("“%s” is missing"), member);

  if (value->kind != VALUE_STRING)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a string"), member);

  *string = value->string;
  return TRUE;
}

/* A whole number: an offset into the text, or (for meta's counters) not */
static gboolean
read_number (const Value    *value,
             const char     *member,
             const Context  *context,
             gboolean        required,
             gboolean        is_offset,
             gboolean       *present,
             guint          *offset,
             GError        **error)
{
  *present = !is_absent (value);
  *offset = 0;

  if (is_absent (value))
    return !required || fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                              _("“%s” is missing"), member);

  /* "5.0" is a number but not a whole one as JSON writes them */
  if (value->kind == VALUE_DOUBLE)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a whole number, written without a decimal point or an exponent"),
                 member);

  if (value->kind != VALUE_INT)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“%s” must be a number"), member);

  /* Whole numbers past 64 bits are SmJsonReader's to refuse */
  if (value->integer < 0 || value->integer >= G_MAXUINT)
    {
      if (is_offset)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                     _("“%s” is out of range: it must be a whole number from 0 up to the text’s length"),
                     member);
      return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                   _("“%s” is out of range: it must be a whole number from 0 to %u"),
                   member, G_MAXUINT - 1);
    }

  *offset = (guint) value->integer;
  return TRUE;
}

/* Whether a required or optional section is there as an object or an array */
static gboolean
check_section (const Value  *value,
               const char   *member,
               ValueKind     kind,
               GError      **error)
{
  if (is_absent (value))
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” is missing"), member);

  if (value->kind != kind)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 kind == VALUE_OBJECT ? _("“%s” must be an object") : _("“%s” must be an array"),
                 member);

  return TRUE;
}

static gboolean
check_element (Element     *element,
               guint        index,
               const char  *what,
               GError     **error)
{
  if (!element->is_object)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("%s number %u must be an object"), _(what), index + 1);

  return TRUE;
}

static gboolean
check_header (FileRecord  *file,
              GError     **error)
{
  const Value *format = &file->members[TOP_FORMAT];
  const Value *version = &file->members[TOP_VERSION];

  if (is_absent (format))
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark file: it has no “format” member"));

  if (format->kind != VALUE_STRING || strcmp (format->string, "spanmark") != 0)
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark file: “format” is not “spanmark”"));

  if (version->kind != VALUE_INT)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("“version” must be a whole number"));

  if (version->integer > SM_FORMAT_VERSION)
    return fail (error, SM_DOCUMENT_ERROR_VERSION, NULL,
                 _("the file was written by a newer Spanmark (format version %lld"
                   "); this version reads format version %d. Update Spanmark to open it."),
                 (long long) version->integer, SM_FORMAT_VERSION);
  if (version->integer < 1)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("“version” %lld is not a Spanmark format version"), (long long) version->integer);

  return TRUE;
}

static SmDocument *
read_document (FileRecord  *file,
               GError     **error)
{
  static const Context context = { ABOUT_DOCUMENT, 0, NULL };
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) local_error = NULL;
  Value *members = file->document.members;
  const char *name, *utf8, *sha256;
  gboolean has_length;
  guint length;

  if (!check_section (&file->members[TOP_DOCUMENT], "document", VALUE_OBJECT, error))
    return NULL;

  if (!read_string (&members[DOCUMENT_NAME], "name", &context, TRUE, &name, error) ||
      !read_string (&members[DOCUMENT_TEXT], "text", &context, TRUE, &utf8, error) ||
      !read_number (&members[DOCUMENT_LENGTH], "length", &context, FALSE, TRUE, &has_length, &length, error) ||
      !read_string (&members[DOCUMENT_SHA256], "sha256", &context, FALSE, &sha256, error))
    return NULL;

  /* The text is kept exactly as the article was loaded, so a U+FEFF that
   * starts it (an article that began with two byte order marks) is part of
   * it: sm_text_new() drops one leading mark, so give it one to drop.
   * sm_format_parse() checked the whole file's UTF-8 and the reader
   * refuses a \u0000 and a lone surrogate, so the text is not checked
   * a second time. */
  if (g_str_has_prefix (utf8, "\xEF\xBB\xBF"))
    {
      g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);

      text = _sm_text_new_valid (marked, -1, &local_error);
    }
  else
    text = _sm_text_new_valid (utf8, -1, &local_error);

  if (text == NULL)
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, &context, "“text”: %s", local_error->message);
      return NULL;
    }

  if (has_length && length != sm_text_get_length (text))
    {
      fail (error, SM_DOCUMENT_ERROR_MISMATCH, &context,
            _("“length” says %u characters but the text has %u: the text was changed after the file was written"),
            length, sm_text_get_length (text));
      return NULL;
    }

  if (sha256 != NULL && g_ascii_strcasecmp (sha256, sm_text_get_sha256 (text)) != 0)
    {
      fail (error, SM_DOCUMENT_ERROR_MISMATCH, &context,
            _("the text’s SHA-256 is %s, not %s as recorded: the text was changed after the file was written"),
            sm_text_get_sha256 (text), sha256);
      return NULL;
    }

  /* read_labels() gives it the file's labels */
  document = _sm_document_new_without_labels (text, name);
  keep_extra (document, EXTRA_DOCUMENT_KEY, &file->document);

  return g_steal_pointer (&document);
}

static gboolean
read_labels (SmDocument  *document,
             FileRecord  *file,
             GError     **error)
{
  if (!check_section (&file->members[TOP_LABELS], "labels", VALUE_ARRAY, error))
    return FALSE;

  _sm_document_clear_labels (document);

  for (guint i = 0; i < file->labels->len; i++)
    {
      Element *element = &g_array_index (file->labels, Element, i);
      Value *members = element->record.members;
      Context context = { ABOUT_LABEL, i, NULL };
      g_autoptr(SmLabel) label = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *id, *name, *color, *key;

      if (!check_element (element, i, N_("label"), error) ||
          !read_string (&members[LABEL_ID], "id", &context, TRUE, &id, error))
        return FALSE;

      context.id = id;

      if (!sm_label_id_is_valid (id, &local_error) ||
          !read_string (&members[LABEL_NAME], "name", &context, FALSE, &name, error) ||
          !read_string (&members[LABEL_COLOR], "color", &context, FALSE, &color, error) ||
          (color && !sm_label_color_is_valid (color, &local_error)) ||
          !read_string (&members[LABEL_KEY], "key", &context, FALSE, &key, error) ||
          !sm_label_key_is_valid (key, &local_error))
        {
          if (local_error)
            fail_with_error (error, &context, local_error);
          return FALSE;
        }

      label = sm_label_new (id, name, color, key);
      keep_extra (label, EXTRA_KEY, &element->record);

      if (!sm_document_add_label (document, label, &local_error))
        return fail_with_error (error, &context, local_error);
    }

  return TRUE;
}

/* A relation type's "from" or "to": an array of label ids */
static char **
read_label_list (JsonObject  *object,
                 const char  *member,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("%s: “%s” is missing"), where, member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
            _("%s: “%s” must be an array of label ids, such as [\"CLAIM\"]"), where, member);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                _("%s: “%s” must be an array of label ids, such as [\"CLAIM\"]"), where, member);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/* "relation_types", taken out of the members kept for writing back: the
 * document writes it from its own relation types */
static gboolean
read_relation_types (SmDocument  *document,
                     FileRecord  *file,
                     GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (file->extra == NULL || !json_object_has_member (file->extra, RELATION_TYPES_MEMBER))
    return TRUE;

  node = json_node_copy (json_object_get_member (file->extra, RELATION_TYPES_MEMBER));
  json_object_remove_member (file->extra, RELATION_TYPES_MEMBER);
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“%s” must be an array"),
                 RELATION_TYPES_MEMBER);

  sm_document_clear_relation_types (document);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *where = NULL;
      g_auto(GStrv) from = NULL;
      g_auto(GStrv) to = NULL;
      JsonObject *object;
      JsonNode *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                     _("relation type number %u must be an object"), i + 1);

      object = json_node_get_object (element);
      type = json_object_get_member (object, "type");
      if (type == NULL || !JSON_NODE_HOLDS_VALUE (type) || json_node_get_value_type (type) != G_TYPE_STRING)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                     _("relation type number %u: “type” must be a string"), i + 1);

      if (!sm_relation_type_is_valid (json_node_get_string (type), &local_error))
        return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                     _("relation type number %u: %s"), i + 1, local_error->message);

      where = g_strdup_printf (_("relation type %s"), json_node_get_string (type));
      if (sm_document_get_relation_from (document, json_node_get_string (type)) != NULL)
        return fail (error, SM_DOCUMENT_ERROR_DUPLICATE, NULL,
                     _("%s: it is defined twice; define each relation type once"), where);

      if (!(from = read_label_list (object, "from", where, error)) ||
          !(to = read_label_list (object, "to", where, error)))
        return FALSE;

      if (!sm_document_set_relation_type (document, json_node_get_string (type),
                                          (const char * const *) from,
                                          (const char * const *) to, &local_error))
        return fail (error, local_error->code, NULL, "%s: %s", where, local_error->message);
    }

  return TRUE;
}

/* One [start, end] pair of "fragments" */
static gboolean
read_fragment (JsonNode       *node,
               guint           index,
               const Context  *context,
               guint          *start,
               guint          *end,
               GError        **error)
{
  JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint *bounds[2] = { start, end };

  if (pair == NULL || json_array_get_length (pair) != 2)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("fragment %u must be a pair of offsets, [start, end]"), index + 1);

  for (guint i = 0; i < 2; i++)
    {
      JsonNode *element = json_array_get_element (pair, i);
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                     _("fragment %u: the %s must be a whole number, written without a decimal point or an exponent"),
                     index + 1, i == 0 ? _("start") : _("end"));

      value = json_node_get_int (element);
      if (value < 0 || value >= G_MAXUINT)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                     _("fragment %u: the %s is out of range: it must be a whole number from 0 up to the text’s length"),
                     index + 1, i == 0 ? _("start") : _("end"));
      *bounds[i] = (guint) value;
    }

  return TRUE;
}

/* A span's "fragments" (version 2), into @bounds: at least two, each a
 * range of the text, in order and apart, from "start" to "end" */
static gboolean
read_fragments (SmDocument     *document,
                const Value    *value,
                gint64          version,
                const Context  *context,
                guint           start,
                guint           end,
                GArray         *bounds,
                GError        **error)
{
  JsonArray *array;
  guint n_fragments;

  if (version < 2)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“fragments” is a member of format version 2, but the file says version %lld"),
                 (long long) version);

  if (value->kind != VALUE_NODE)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“fragments” must be an array of [start, end] pairs"));

  array = json_node_get_array (value->node);
  n_fragments = json_array_get_length (array);
  if (n_fragments < 2)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("“fragments” must list at least two [start, end] pairs; "
                   "a span of one fragment has only “start” and “end”"));

  for (guint i = 0; i < n_fragments; i++)
    {
      g_autoptr(GError) local_error = NULL;
      guint fragment_start, fragment_end;

      if (!read_fragment (json_array_get_element (array, i), i, context,
                          &fragment_start, &fragment_end, error))
        return FALSE;

      if (!_sm_document_check_range (document, fragment_start, fragment_end, &local_error))
        return fail (error, local_error->code, context, _("fragment %u: %s"), i + 1, local_error->message);

      if (i > 0 && fragment_start <= g_array_index (bounds, guint, 2 * i - 1))
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                     _("fragment %u, [%u, %u), does not start after fragment %u ends (%u): "
                       "fragments are in order and apart by at least one character"),
                     i + 1, fragment_start, fragment_end, i, g_array_index (bounds, guint, 2 * i - 1));

      g_array_append_vals (bounds, (guint[]) { fragment_start, fragment_end }, 2);
    }

  if (start != g_array_index (bounds, guint, 0) || end != g_array_index (bounds, guint, bounds->len - 1))
    return fail (error, SM_DOCUMENT_ERROR_MISMATCH, context,
                 _("“start” and “end” are [%u, %u) but the fragments go from %u to %u"),
                 start, end, g_array_index (bounds, guint, 0), g_array_index (bounds, guint, bounds->len - 1));

  return TRUE;
}

/* Whether the span's recorded text is what the document has there */
static gboolean
check_span_text (SmDocument     *document,
                 const Context  *context,
                 const char     *label,
                 GArray         *bounds,
                 const char     *expected,
                 GError        **error)
{
  SmText *text = sm_document_get_text (document);
  const guint *data = (const guint *) bounds->data;
  guint n_fragments = bounds->len / 2;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *quoted_expected = NULL;
  g_autofree char *quoted_actual = NULL;

  if (n_fragments == 1)
    {
      if (sm_text_slice_equal (text, data[0], data[1], expected))
        return TRUE;
      if (!_sm_document_check_span (document, label, data[0], data[1], &local_error))
        return fail_with_error (error, context, local_error);

      actual = sm_text_dup_slice (text, data[0], data[1]);
      quoted_expected = quote (expected);
      quoted_actual = quote (actual);
      return fail (error, SM_DOCUMENT_ERROR_MISMATCH, context,
                   _("“text” is %s but the document has %s at [%u, %u)"),
                   quoted_expected, quoted_actual, data[0], data[1]);
    }

  actual = sm_text_dup_slices (text, data, n_fragments, SM_SPAN_FRAGMENT_JOINER);
  if (strcmp (actual, expected) == 0)
    return TRUE;
  if (!_sm_document_check_fragments (document, label, data, n_fragments, &local_error))
    return fail_with_error (error, context, local_error);

  quoted_expected = quote (expected);
  quoted_actual = quote (actual);
  return fail (error, SM_DOCUMENT_ERROR_MISMATCH, context,
               _("“text” is %s but the document has %s at its %u fragments, joined by a space"),
               quoted_expected, quoted_actual, n_fragments);
}

static gboolean
read_spans (SmDocument  *document,
            FileRecord  *file,
            GError     **error)
{
  SmText *text = sm_document_get_text (document);
  gint64 version = file->members[TOP_VERSION].integer;
  g_autoptr(GArray) bounds = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2);

  if (!check_section (&file->members[TOP_SPANS], "spans", VALUE_ARRAY, error))
    return FALSE;

  for (guint i = 0; i < file->spans->len; i++)
    {
      Element *element = &g_array_index (file->spans, Element, i);
      Value *members = element->record.members;
      Context context = { ABOUT_SPAN, i, NULL };
      g_autoptr(SmSpan) span = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *span_text = NULL;
      const char *id, *label, *expected, *note;
      guint start, end;
      gboolean present;

      if (!check_element (element, i, N_("span"), error) ||
          !read_string (&members[SPAN_ID], "id", &context, TRUE, &id, error))
        return FALSE;

      if (id[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, &context, _("“id” is empty"));

      context.id = id;
      g_array_set_size (bounds, 0);

      if (!read_string (&members[SPAN_LABEL], "label", &context, TRUE, &label, error) ||
          !read_number (&members[SPAN_START], "start", &context, TRUE, TRUE, &present, &start, error) ||
          !read_number (&members[SPAN_END], "end", &context, TRUE, TRUE, &present, &end, error) ||
          !read_string (&members[SPAN_TEXT], "text", &context, FALSE, &expected, error) ||
          !read_string (&members[SPAN_NOTE], "note", &context, FALSE, &note, error))
        return FALSE;

      /* The document checks the label and the range (unknown label, empty,
       * reversed, past the end, an exact duplicate) before anything else
       * about a span is told, and again as it inserts it. On the way to a
       * valid span it only needs to do so once: its first check is made
       * here only when something else is wrong, and told first if it fails. */
      if ((start >= end || end > sm_text_get_length (text)) &&
          !_sm_document_check_span (document, label, start, end, &local_error))
        return fail_with_error (error, &context, local_error);

      if (is_absent (&members[SPAN_FRAGMENTS]))
        g_array_append_vals (bounds, (guint[]) { start, end }, 2);
      else if (!read_fragments (document, &members[SPAN_FRAGMENTS], version, &context,
                                start, end, bounds, error))
        return FALSE;

      /* The recorded text, once checked, is the span's text: no need to
       * copy it out of the document's */
      if (expected != NULL &&
          !check_span_text (document, &context, label, bounds, expected, error))
        return FALSE;

      if (expected == NULL)
        expected = span_text = sm_text_dup_slices (text, (const guint *) bounds->data,
                                                   bounds->len / 2, SM_SPAN_FRAGMENT_JOINER);

      span = _sm_span_new_with_fragments (id, label, (const guint *) bounds->data,
                                          bounds->len / 2, expected);
      /* A new span has no note: asking for it takes GObject's data lock */
      if (note != NULL)
        _sm_span_set_note (span, note);
      keep_extra (span, EXTRA_KEY, &element->record);

      if (!_sm_document_insert_span (document, span, &local_error))
        {
          g_autoptr(GError) range_error = NULL;

          /* An id used twice is told after a problem with the range */
          if (!_sm_document_check_fragments (document, label, (const guint *) bounds->data,
                                             bounds->len / 2, &range_error))
            return fail_with_error (error, &context, range_error);
          return fail_with_error (error, &context, local_error);
        }
    }

  return TRUE;
}

static SmSpan *
read_span_reference (SmDocument     *document,
                     const Value    *value,
                     const char     *member,
                     const Context  *context,
                     GError        **error)
{
  const char *id;
  SmSpan *span;

  if (!read_string (value, member, context, TRUE, &id, error))
    return NULL;

  if ((span = sm_document_find_span (document, id)) == NULL)
    fail (error, SM_DOCUMENT_ERROR_INVALID, context,
          _("“%s” refers to span %s, which does not exist"), member, id);

  return span;
}

static gboolean
read_relations (SmDocument  *document,
                FileRecord  *file,
                GError     **error)
{
  /* Optional: a document without relations may leave them out */
  if (is_absent (&file->members[TOP_RELATIONS]))
    return TRUE;

  if (!check_section (&file->members[TOP_RELATIONS], "relations", VALUE_ARRAY, error))
    return FALSE;

  for (guint i = 0; i < file->relations->len; i++)
    {
      Element *element = &g_array_index (file->relations, Element, i);
      Value *members = element->record.members;
      Context context = { ABOUT_RELATION, i, NULL };
      g_autoptr(SmRelation) relation = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *id, *type;
      SmSpan *from, *to;

      if (!check_element (element, i, N_("relation"), error) ||
          !read_string (&members[RELATION_ID], "id", &context, TRUE, &id, error))
        return FALSE;

      if (id[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, &context, _("“id” is empty"));

      context.id = id;

      if (!read_string (&members[RELATION_TYPE], "type", &context, TRUE, &type, error) ||
          !(from = read_span_reference (document, &members[RELATION_FROM], "from", &context, error)) ||
          !(to = read_span_reference (document, &members[RELATION_TO], "to", &context, error)))
        return FALSE;

      if (!sm_relation_type_is_valid (type, &local_error))
        return fail_with_error (error, &context, local_error);

      relation = _sm_relation_new (id, type, from, to);
      keep_extra (relation, EXTRA_KEY, &element->record);

      if (!_sm_document_insert_relation (document, relation, &local_error))
        return fail_with_error (error, &context, local_error);
    }

  return TRUE;
}

/* A suggestion's or a rejected suggestion's label and range, and its text
 * if the file gives it: the checks a span's get, except that one at the
 * place of a span is no error (an older Spanmark may have kept the
 * member while the annotator tagged the span) */
static gboolean
read_proposed (SmDocument     *document,
               const Context  *context,
               const Value    *members,
               const int      *index,
               const char    **label,
               guint          *start,
               guint          *end,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *expected;
  gboolean present;

  if (!read_string (&members[index[0]], "label", context, TRUE, label, error) ||
      !read_number (&members[index[1]], "start", context, TRUE, TRUE, &present, start, error) ||
      !read_number (&members[index[2]], "end", context, TRUE, TRUE, &present, end, error) ||
      !read_string (&members[index[3]], "text", context, FALSE, &expected, error))
    return FALSE;

  if (sm_document_find_label (document, *label) == NULL)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                 _("the label %s is not one of the document’s labels"), *label);

  if (!_sm_document_check_range (document, *start, *end, &local_error))
    return fail_with_error (error, context, local_error);

  if (expected != NULL &&
      !sm_text_slice_equal (sm_document_get_text (document), *start, *end, expected))
    {
      g_autofree char *actual = sm_text_dup_slice (sm_document_get_text (document), *start, *end);
      g_autofree char *quoted_expected = quote (expected);
      g_autofree char *quoted_actual = quote (actual);

      return fail (error, SM_DOCUMENT_ERROR_MISMATCH, context,
                   _("“text” is %s but the document has %s at [%u, %u)"),
                   quoted_expected, quoted_actual, *start, *end);
    }

  return TRUE;
}

static gboolean
read_rejected (SmDocument  *document,
               FileRecord  *file,
               GError     **error)
{
  static const int index[] = { REJECTED_LABEL, REJECTED_START, REJECTED_END, REJECTED_TEXT };

  if (is_absent (&file->members[TOP_REJECTED]))
    return TRUE;

  if (!check_section (&file->members[TOP_REJECTED], "rejected", VALUE_ARRAY, error))
    return FALSE;

  for (guint i = 0; i < file->rejected->len; i++)
    {
      Element *element = &g_array_index (file->rejected, Element, i);
      Context context = { ABOUT_REJECTED, i, NULL };
      g_autoptr(SmSuggestion) rejected = NULL;
      const char *label;
      guint start, end;

      if (!check_element (element, i, N_("rejected suggestion"), error) ||
          !read_proposed (document, &context, element->record.members, index,
                          &label, &start, &end, error))
        return FALSE;

      rejected = sm_suggestion_new (label, start, end, SM_SUGGESTION_SOURCE_RULES);
      _sm_document_insert_rejected (document, rejected);
    }

  return TRUE;
}

/* Pending suggestions, after the spans and the rejected ones: a suggestion
 * already answered by either is left out */
static gboolean
read_suggestions (SmDocument  *document,
                  FileRecord  *file,
                  GError     **error)
{
  static const int index[] = { SUGGESTION_LABEL, SUGGESTION_START, SUGGESTION_END, SUGGESTION_TEXT };
  SmText *text = sm_document_get_text (document);
  g_autoptr(GPtrArray) read = NULL;

  if (is_absent (&file->members[TOP_SUGGESTIONS]))
    return TRUE;

  if (!check_section (&file->members[TOP_SUGGESTIONS], "suggestions", VALUE_ARRAY, error))
    return FALSE;

  read = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < file->suggestions->len; i++)
    {
      Element *element = &g_array_index (file->suggestions, Element, i);
      Value *members = element->record.members;
      Context context = { ABOUT_SUGGESTION, i, NULL };
      g_autoptr(SmSuggestion) suggestion = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *id, *label, *source, *said_by;
      guint start, end;

      if (!check_element (element, i, N_("suggestion"), error) ||
          !read_string (&members[SUGGESTION_ID], "id", &context, TRUE, &id, error))
        return FALSE;

      if (id[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, &context, _("“id” is empty"));

      context.id = id;

      if (!read_proposed (document, &context, members, index, &label, &start, &end, error) ||
          !read_string (&members[SUGGESTION_SOURCE], "source", &context, FALSE, &source, error) ||
          !read_string (&members[SUGGESTION_SAID_BY], "said_by", &context, FALSE, &said_by, error))
        return FALSE;

      suggestion = sm_suggestion_new (label, start, end,
                                      source != NULL ? source : SM_SUGGESTION_SOURCE_IMPORTED);
      _sm_suggestion_set_id (suggestion, id);
      _sm_suggestion_set_text (suggestion, text);
      _sm_suggestion_set_said_by (suggestion, said_by);

      if (_sm_document_has_answered (document, label, start, end))
        continue;

      if (!_sm_document_insert_suggestion (document, suggestion, &local_error))
        return fail_with_error (error, &context, local_error);
      g_ptr_array_add (read, g_steal_pointer (&suggestion));
    }

  /* Who said it: a suggestion or a span of this file */
  for (guint i = 0; i < read->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (read, i);
      const char *said_by = sm_suggestion_get_said_by (suggestion);
      Context context = { ABOUT_SUGGESTION, i, sm_suggestion_get_id (suggestion) };

      if (said_by != NULL &&
          sm_document_find_suggestion (document, said_by) == NULL &&
          sm_document_find_span (document, said_by) == NULL)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, &context,
                     _("“said_by” refers to %s, which is neither a suggestion nor a span"),
                     said_by);
    }

  return TRUE;
}

static gboolean
read_time (const Value  *value,
           const char   *member,
           GDateTime   **time,
           GError      **error)
{
  static const Context context = { ABOUT_META, 0, NULL };
  g_autoptr(GTimeZone) utc = NULL;
  const char *string;

  *time = NULL;

  if (!read_string (value, member, &context, FALSE, &string, error))
    return FALSE;

  if (string == NULL)
    return TRUE;

  utc = g_time_zone_new_utc ();
  if (!(*time = g_date_time_new_from_iso8601 (string, utc)))
    {
      g_autofree char *quoted = quote (string);

      return fail (error, SM_DOCUMENT_ERROR_INVALID, &context,
                   _("“%s” is %s, which is not an ISO 8601 date and time such as 2026-03-01T09:30:00Z"),
                   member, quoted);
    }

  return TRUE;
}

static gboolean
read_meta (SmDocument  *document,
           FileRecord  *file,
           GError     **error)
{
  static const Context context = { ABOUT_META, 0, NULL };
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  SmDocumentStatus status = SM_DOCUMENT_STATUS_NEW;
  const char *status_string = NULL;
  const char *annotator = NULL;
  guint next_span = 0, next_relation = 0;
  gboolean present;

  if (!read_string (&file->members[TOP_STATUS], "status", NULL, FALSE, &status_string, error))
    return FALSE;

  if (status_string && !sm_document_status_from_string (status_string, &status))
    {
      g_autofree char *quoted = quote (status_string);

      return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                   _("“status” is %s; it must be “new”, “in-progress” or “done”"), quoted);
    }

  if (!is_absent (&file->members[TOP_META]))
    {
      Value *members = file->meta.members;

      if (!check_section (&file->members[TOP_META], "meta", VALUE_OBJECT, error) ||
          !read_string (&members[META_ANNOTATOR], "annotator", &context, FALSE, &annotator, error) ||
          !read_time (&members[META_CREATED], "created", &created, error) ||
          !read_time (&members[META_MODIFIED], "modified", &modified, error) ||
          !read_number (&members[META_NEXT_SPAN], "next_span", &context, FALSE, FALSE, &present, &next_span, error) ||
          !read_number (&members[META_NEXT_RELATION], "next_relation", &context, FALSE, FALSE, &present, &next_relation, error))
        return FALSE;

      keep_extra (document, EXTRA_META_KEY, &file->meta);
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
  g_autoptr(SmJsonReader) reader = NULL;
  FileRecord file = { 0 };
  gboolean read;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!sm_text_check_utf8 (data, length, error))
    return NULL;

  reader = sm_json_reader_new (data, length);
  read = read_file (reader, &file, error);

  if (read && !file.is_object)
    fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
          _("this is not a Spanmark file: it is JSON, but not an object"));
  else if (read &&
           check_header (&file, error) &&
           (document = read_document (&file, error)))
    {
      /* No one has the document before it is returned */
      _sm_document_begin_reading (document);

      if (read_labels (document, &file, error) &&
          read_relation_types (document, &file, error) &&
          read_spans (document, &file, error) &&
          read_relations (document, &file, error) &&
          read_rejected (document, &file, error) &&
          read_suggestions (document, &file, error) &&
          read_meta (document, &file, error))
        {
          _sm_document_end_reading (document);
          if (file.extra != NULL)
            g_object_set_data_full (G_OBJECT (document), EXTRA_TOP_KEY, g_steal_pointer (&file.extra),
                                    (GDestroyNotify) json_object_unref);
          file_record_clear (&file);
          return g_steal_pointer (&document);
        }
    }

  file_record_clear (&file);
  return NULL;
}

/* Writing
 *
 * The file is built as a JsonNode tree, members added in the order of
 * docs/format.md with the unknown ones after them, and written by
 * JsonGenerator in its pretty layout: one member per line, two spaces of
 * indent. Measured on the 1 MB article with 10,000 spans (bench/core):
 * the hand-written span-per-line layout Spanmark wrote before gave a
 * 2.4 MB file, JsonGenerator's compact layout gives 2.2 MB and its pretty
 * layout 2.9 MB, written in about the same time (building and freeing the
 * tree costs the most). A member per line is what makes a good diff:
 * `git diff` shows the one member that changed, with its span's other
 * members as context, and two people's edits to neighbouring spans are
 * lines apart, so git merges them instead of reporting a conflict as it
 * does for edits on adjacent lines. */

/**
 * sm_format_get_extra_member:
 * @document: a document
 * @name: a top-level member's name
 *
 * Returns: (transfer none) (nullable): the value of the top-level member
 *   @name that the file had and the format does not define, or %NULL
 */
JsonNode *
sm_format_get_extra_member (SmDocument *document,
                            const char *name)
{
  JsonObject *extra;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  extra = g_object_get_data (G_OBJECT (document), EXTRA_TOP_KEY);
  if (extra == NULL || !json_object_has_member (extra, name))
    return NULL;

  return json_object_get_member (extra, name);
}

/**
 * sm_format_set_extra_member:
 * @document: a document
 * @name: a top-level member the format does not define
 * @node: (transfer none) (nullable): its value, or %NULL to remove it
 *
 * Sets a top-level member to be written after the known ones, as an
 * unknown member read from the file is.
 */
void
sm_format_set_extra_member (SmDocument *document,
                            const char *name,
                            JsonNode   *node)
{
  JsonObject *extra;

  g_return_if_fail (SM_IS_DOCUMENT (document));
  g_return_if_fail (name != NULL);

  extra = g_object_get_data (G_OBJECT (document), EXTRA_TOP_KEY);
  if (node == NULL)
    {
      if (extra != NULL)
        json_object_remove_member (extra, name);
      return;
    }

  if (extra == NULL)
    {
      extra = json_object_new ();
      g_object_set_data_full (G_OBJECT (document), EXTRA_TOP_KEY, extra,
                              (GDestroyNotify) json_object_unref);
    }
  json_object_set_member (extra, name, json_node_copy (node));
}

/* Step three: writing. A document is first copied into a snapshot, plain
 * records that share nothing with it but what does not change: its text,
 * its pending suggestions, its spans' ids and texts; the snapshot is then
 * written, in this thread or in another while the document goes on
 * changing. Taking it costs milliseconds where writing 100,000 spans
 * takes seconds (see "Drafts and saves in a worker thread" in
 * bench/README.md). */

/* An offset in a snapshot's strings for a string there is not */
#define NO_STRING G_MAXSIZE

/* A span is held rather than copied: its id never changes, nor the text
 * it was made with, so only what may change is copied, and what most spans
 * do not have (fragments, a changed text, a note, unknown members) goes in
 * a record of its own. With the 100,000 spans of a 20 MB article, copying
 * their ids and texts, then 72-byte records, into new memory was most of a
 * draft's snapshot on the main thread (perf, load 8: 43 of its 70 samples
 * were keep_span(), the copies and the page faults of the new blocks). */
typedef struct
{
  SmSpan     *span;         /* held: its id, the text it was made with */
  const char *label;        /* interned */
  guint       start;
  guint       end;
  guint       rare;         /* in the snapshot's rare records, or NO_RARE */
} SpanRecord;

#define NO_RARE G_MAXUINT

typedef struct
{
  gsize       text;         /* a text other than the one it was made with, or NO_STRING */
  gsize       note;         /* or NO_STRING */
  guint       n_fragments;
  guint       bounds;       /* with several fragments, the first of their bounds */
  JsonObject *extra;        /* a copy, or NULL */
} RareRecord;

typedef struct
{
  gsize       id;
  const char *type;         /* interned */
  gsize       from;
  gsize       to;
  JsonObject *extra;
} RelationRecord;

typedef struct
{
  gsize label;
  guint start;
  guint end;
} RejectedRecord;

struct _SmFormatSnapshot
{
  SmText     *text;
  char       *name;
  int         version;
  JsonArray  *labels;
  JsonArray  *relation_types;  /* NULL for the default ones */
  /* Every string of the records below, each with its NUL */
  GString    *strings;
  GArray     *spans;
  GArray     *rare;            /* what few spans have */
  GArray     *bounds;          /* the fragments of discontinuous spans */
  GArray     *relations;
  GPtrArray  *suggestions;     /* held */
  GArray     *rejected;
  const char *status;
  char       *annotator;
  char       *created;
  char       *modified;
  guint       next_span;
  guint       next_relation;
  JsonObject *extra_document;  /* copies, or NULL */
  JsonObject *extra_meta;
  JsonObject *extra_top;
  /* EXTRA_KEY's, looked up once rather than for each of 100,000 spans */
  GQuark      extra_quark;
};

static void
span_record_clear (gpointer data)
{
  SpanRecord *record = data;

  g_clear_object (&record->span);
}

static void
rare_record_clear (gpointer data)
{
  RareRecord *record = data;

  g_clear_pointer (&record->extra, json_object_unref);
}

static void
relation_record_clear (gpointer data)
{
  RelationRecord *record = data;

  g_clear_pointer (&record->extra, json_object_unref);
}

static gsize
keep_string (GString    *strings,
             const char *string)
{
  gsize offset = strings->len;

  if (string == NULL)
    return NO_STRING;

  g_string_append_len (strings, string, strlen (string) + 1);
  return offset;
}

static inline const char *
kept_string (const SmFormatSnapshot *self,
             gsize                   offset)
{
  return offset == NO_STRING ? NULL : self->strings->str + offset;
}

/* The unknown members kept with @holder, copied for another thread */
static JsonObject *
dup_extra (gpointer    holder,
           const char *key)
{
  return sm_json_object_copy (g_object_get_data (holder, key));
}

static void
add_extra_members (JsonObject *object,
                   JsonObject *extra)
{
  sm_json_object_add_members (object, extra);
}

static gboolean
keep_span (SmSpan   *span,
           gpointer  user_data)
{
  SmFormatSnapshot *self = user_data;
  SpanRecord *record;
  const guint *bounds;
  guint n_fragments;
  const char *note = sm_span_get_note (span);
  JsonObject *extra = g_object_get_qdata (G_OBJECT (span), self->extra_quark);

  bounds = _sm_span_get_bounds (span, &n_fragments);
  g_array_set_size (self->spans, self->spans->len + 1);
  record = &g_array_index (self->spans, SpanRecord, self->spans->len - 1);
  record->span = g_object_ref (span);
  record->label = sm_span_get_label (span);
  record->start = bounds[0];
  record->end = bounds[2 * n_fragments - 1];
  record->rare = NO_RARE;

  if (n_fragments > 1 || note != NULL || extra != NULL || !_sm_span_has_made_text (span))
    {
      RareRecord rare;

      rare.text = _sm_span_has_made_text (span) ? NO_STRING : keep_string (self->strings, sm_span_get_text (span));
      rare.note = keep_string (self->strings, note);
      rare.n_fragments = n_fragments;
      rare.bounds = self->bounds->len;
      /* A discontinuous span makes the file version 2 */
      if (n_fragments > 1)
        {
          g_array_append_vals (self->bounds, bounds, 2 * n_fragments);
          self->version = SM_FORMAT_VERSION_FRAGMENTS;
        }
      rare.extra = sm_json_object_copy (extra);
      record->rare = self->rare->len;
      g_array_append_val (self->rare, rare);
    }

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

/* Orders indexes of a snapshot's relations by the relations' ids */
static gint
compare_relation_order (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const SmFormatSnapshot *self = user_data;
  const RelationRecord *relation_a = &g_array_index (self->relations, RelationRecord, *(const guint *) a);
  const RelationRecord *relation_b = &g_array_index (self->relations, RelationRecord, *(const guint *) b);

  return compare_ids (kept_string (self, relation_a->id), kept_string (self, relation_b->id));
}

static char *
time_to_string (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  /* The year in four digits: g_date_time_format()'s "%Y" writes the year
   * 765 as "765", which ISO 8601 and this reader refuse */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* Written only when they are not the default, so most files never have them */
static JsonArray *
relation_types_array (SmDocument *document)
{
  guint n = sm_document_get_n_relation_types (document);
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      const char *type = sm_document_get_relation_type (document, i);

      json_array_add_object_element (array,
                                     sm_json_relation_type_new (type,
                                                                sm_document_get_relation_from (document, type),
                                                                sm_document_get_relation_to (document, type),
                                                                NULL));
    }

  return array;
}

static JsonArray *
labels_array (SmDocument *document)
{
  GListModel *labels = sm_document_get_labels (document);
  guint n = g_list_model_get_n_items (labels);
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(JsonObject) extra = dup_extra (label, EXTRA_KEY);

      json_array_add_object_element (array, sm_json_label_new (label, extra));
    }

  return array;
}

static void
keep_relations (SmFormatSnapshot *self,
                SmDocument       *document)
{
  GListModel *model = sm_document_get_relations (document);
  guint n = g_list_model_get_n_items (model);

  self->relations = g_array_sized_new (FALSE, FALSE, sizeof (RelationRecord), n);
  g_array_set_clear_func (self->relations, relation_record_clear);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (model, i);
      RelationRecord record;

      record.id = keep_string (self->strings, sm_relation_get_id (relation));
      record.type = sm_relation_get_type_name (relation);
      record.from = keep_string (self->strings, sm_span_get_id (sm_relation_get_from (relation)));
      record.to = keep_string (self->strings, sm_span_get_id (sm_relation_get_to (relation)));
      record.extra = sm_json_object_copy (g_object_get_qdata (G_OBJECT (relation), self->extra_quark));
      g_array_append_val (self->relations, record);
    }
}

/* The document's label ids, interned as a suggestion's label is: whether
 * one is written is then a pointer's lookup. sm_document_find_label() for
 * each of the 610,036 suggestions of a 20 MB article was a fifth of a
 * draft's snapshot on the main thread (perf, 29 of its 145 samples). */
static GHashTable *
dup_written_labels (SmDocument *document)
{
  GListModel *labels = sm_document_get_labels (document);
  GHashTable *written = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_hash_table_add (written, (gpointer) g_intern_string (sm_label_get_id (label)));
    }

  return written;
}

/* A suggestion or rejected place of a label since removed stays in the
 * model, for undo to bring the label back to it, but is not written: the
 * loader refuses a label the document does not have */
static gboolean
is_written (GHashTable   *written_labels,
            SmSuggestion *suggestion)
{
  return g_hash_table_contains (written_labels, sm_suggestion_get_label (suggestion));
}

/* A suggestion is not copied: nothing of it changes once a document has
 * taken it in. With the 610,036 of a 20 MB article, copying their strings
 * took 0.46 s of the main thread's processor time for every draft (perf,
 * load 9). Whether its said_by is written, which depends on the rest of
 * the document, is decided by the writer from the snapshot: looking up
 * every claim's speaker was a quarter of a draft's snapshot (perf, load 7:
 * 28 of its 120 samples in hash lookups).
 *
 * Written only when there are any, so a file without suggestions is the
 * same as before they existed. */
static void
keep_suggestions (SmFormatSnapshot *self,
                  SmDocument       *document,
                  GHashTable       *written_labels)
{
  GListModel *model = sm_document_get_suggestions (document);
  guint n = g_list_model_get_n_items (model);

  self->suggestions = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (model, i);

      if (is_written (written_labels, suggestion))
        g_ptr_array_add (self->suggestions, g_steal_pointer (&suggestion));
    }
}

static void
keep_rejected (SmFormatSnapshot *self,
               SmDocument       *document,
               GHashTable       *written_labels)
{
  g_autoptr(GPtrArray) rejected = sm_document_dup_rejected (document);

  self->rejected = g_array_sized_new (FALSE, FALSE, sizeof (RejectedRecord), rejected->len);

  for (guint i = 0; i < rejected->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (rejected, i);
      RejectedRecord record;

      if (!is_written (written_labels, suggestion))
        continue;

      record.label = keep_string (self->strings, sm_suggestion_get_label (suggestion));
      record.start = sm_suggestion_get_start (suggestion);
      record.end = sm_suggestion_get_end (suggestion);
      g_array_append_val (self->rejected, record);
    }
}

/**
 * sm_format_snapshot_new:
 * @document: a document
 *
 * Copies what sm_format_snapshot_serialize() writes of @document, as it is
 * now. The snapshot shares nothing with @document but what never changes
 * (its text, its pending suggestions, its spans' ids and texts): it may be
 * written in another thread while @document goes on changing in this one.
 *
 * Returns: (transfer full): the snapshot
 */
SmFormatSnapshot *
sm_format_snapshot_new (SmDocument *document)
{
  g_autoptr(GHashTable) written_labels = NULL;
  SmFormatSnapshot *self;
  guint n_spans;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  n_spans = sm_document_get_n_spans (document);
  written_labels = dup_written_labels (document);

  self = g_new0 (SmFormatSnapshot, 1);
  self->text = sm_text_ref (sm_document_get_text (document));
  self->name = g_strdup (sm_document_get_name (document));
  self->version = SM_FORMAT_VERSION_CONTINUOUS;
  self->extra_document = dup_extra (document, EXTRA_DOCUMENT_KEY);
  /* 0 when no object ever had unknown members: none has */
  self->extra_quark = g_quark_try_string (EXTRA_KEY);

  self->labels = labels_array (document);
  if (!_sm_document_has_default_relation_types (document))
    self->relation_types = relation_types_array (document);

  /* Mostly the relations' ids and their ends', about 24 bytes each; the
   * spans are held, not copied */
  self->strings = g_string_sized_new ((gsize) g_list_model_get_n_items (sm_document_get_relations (document)) * 24 + 256);
  self->spans = g_array_sized_new (FALSE, FALSE, sizeof (SpanRecord), n_spans);
  g_array_set_clear_func (self->spans, span_record_clear);
  self->rare = g_array_new (FALSE, FALSE, sizeof (RareRecord));
  g_array_set_clear_func (self->rare, rare_record_clear);
  self->bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  sm_span_index_foreach (SM_SPAN_INDEX (sm_document_get_spans (document)), keep_span, self);

  keep_relations (self, document);
  keep_suggestions (self, document, written_labels);
  keep_rejected (self, document, written_labels);

  self->status = sm_document_status_to_string (sm_document_get_status (document));
  self->annotator = g_strdup (sm_document_get_annotator (document));
  self->created = time_to_string (sm_document_get_created_time (document));
  self->modified = time_to_string (sm_document_get_modified_time (document));
  _sm_document_get_next_numbers (document, &self->next_span, &self->next_relation);
  self->extra_meta = dup_extra (document, EXTRA_META_KEY);
  self->extra_top = dup_extra (document, EXTRA_TOP_KEY);

  return self;
}

void
sm_format_snapshot_free (SmFormatSnapshot *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->text, sm_text_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->labels, json_array_unref);
  g_clear_pointer (&self->relation_types, json_array_unref);
  if (self->strings != NULL)
    g_string_free (g_steal_pointer (&self->strings), TRUE);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->rare, g_array_unref);
  g_clear_pointer (&self->bounds, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_array_unref);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->extra_document, json_object_unref);
  g_clear_pointer (&self->extra_meta, json_object_unref);
  g_clear_pointer (&self->extra_top, json_object_unref);
  g_free (self);
}

static JsonArray *
fragments_array (const SmFormatSnapshot *self,
                 const RareRecord       *record)
{
  const guint *bounds = &g_array_index (self->bounds, guint, record->bounds);
  JsonArray *fragments = json_array_sized_new (record->n_fragments);

  for (guint i = 0; i < record->n_fragments; i++)
    {
      JsonArray *pair = json_array_sized_new (2);

      json_array_add_int_element (pair, bounds[2 * i]);
      json_array_add_int_element (pair, bounds[2 * i + 1]);
      json_array_add_array_element (fragments, pair);
    }

  return fragments;
}

static JsonArray *
spans_array (const SmFormatSnapshot *self)
{
  JsonArray *array = json_array_sized_new (self->spans->len);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const SpanRecord *record = &g_array_index (self->spans, SpanRecord, i);
      const RareRecord *rare = record->rare != NO_RARE ? &g_array_index (self->rare, RareRecord, record->rare) : NULL;
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", sm_span_get_id (record->span));
      json_object_set_string_member (object, "label", record->label);
      json_object_set_int_member (object, "start", record->start);
      json_object_set_int_member (object, "end", record->end);
      /* A discontinuous span's fragments (version 2) */
      if (rare != NULL && rare->n_fragments > 1)
        json_object_set_array_member (object, "fragments", fragments_array (self, rare));
      json_object_set_string_member (object, "text",
                                     rare != NULL && rare->text != NO_STRING ? kept_string (self, rare->text)
                                                                             : _sm_span_get_made_text (record->span));
      if (rare != NULL && rare->note != NO_STRING)
        json_object_set_string_member (object, "note", kept_string (self, rare->note));
      if (rare != NULL)
        add_extra_members (object, rare->extra);
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonArray *
relations_array (const SmFormatSnapshot *self)
{
  guint n = self->relations->len;
  g_autofree guint *order = g_new (guint, n);
  JsonArray *array = json_array_sized_new (n);

  /* Sorted through an index: the records stay as they are, so that a
   * snapshot can be written twice, in any thread */
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_relation_order, (gpointer) self);

  for (guint i = 0; i < n; i++)
    {
      const RelationRecord *record = &g_array_index (self->relations, RelationRecord, order[i]);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", kept_string (self, record->id));
      json_object_set_string_member (object, "type", record->type);
      json_object_set_string_member (object, "from", kept_string (self, record->from));
      json_object_set_string_member (object, "to", kept_string (self, record->to));
      add_extra_members (object, record->extra);
      json_array_add_object_element (array, object);
    }

  return array;
}

/* Takes @array */
static void
set_array_if_any (JsonObject *object,
                  const char *member,
                  JsonArray  *array)
{
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (object, member, array);
  else
    json_array_unref (array);
}

/* The ids a suggestion's said_by may name in the file: its spans' and its
 * suggestions'. A speaker accepted since the claim was suggested is linked
 * through its span, and one rejected is no one's speaker. */
static GHashTable *
dup_speaker_ids (const SmFormatSnapshot *self)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->spans->len; i++)
    g_hash_table_add (ids, (gpointer) sm_span_get_id (g_array_index (self->spans, SpanRecord, i).span));
  for (guint i = 0; i < self->suggestions->len; i++)
    g_hash_table_add (ids, (gpointer) sm_suggestion_get_id (g_ptr_array_index (self->suggestions, i)));

  return ids;
}

static JsonArray *
suggestions_array (const SmFormatSnapshot *self)
{
  JsonArray *array = json_array_sized_new (self->suggestions->len);
  g_autoptr(GHashTable) speaker_ids = NULL;

  for (guint i = 0; i < self->suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      const char *said_by = sm_suggestion_get_said_by (suggestion);
      JsonObject *object = json_object_new ();
      /* From the text, not the suggestion, which would keep a copy */
      g_autofree char *text = sm_text_dup_slice (self->text, sm_suggestion_get_start (suggestion),
                                                 sm_suggestion_get_end (suggestion));

      json_object_set_string_member (object, "id", sm_suggestion_get_id (suggestion));
      json_object_set_string_member (object, "label", sm_suggestion_get_label (suggestion));
      json_object_set_int_member (object, "start", sm_suggestion_get_start (suggestion));
      json_object_set_int_member (object, "end", sm_suggestion_get_end (suggestion));
      json_object_set_string_member (object, "text", text);
      json_object_set_string_member (object, "source", sm_suggestion_get_source (suggestion));
      if (said_by != NULL)
        {
          if (speaker_ids == NULL)
            speaker_ids = dup_speaker_ids (self);
          if (g_hash_table_contains (speaker_ids, said_by))
            json_object_set_string_member (object, "said_by", said_by);
        }
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonArray *
rejected_array (const SmFormatSnapshot *self)
{
  JsonArray *array = json_array_sized_new (self->rejected->len);

  for (guint i = 0; i < self->rejected->len; i++)
    {
      const RejectedRecord *record = &g_array_index (self->rejected, RejectedRecord, i);
      g_autofree char *covered = sm_text_dup_slice (self->text, record->start, record->end);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "label", kept_string (self, record->label));
      json_object_set_int_member (object, "start", record->start);
      json_object_set_int_member (object, "end", record->end);
      json_object_set_string_member (object, "text", covered);
      json_array_add_object_element (array, object);
    }

  return array;
}

/**
 * sm_format_snapshot_serialize:
 * @snapshot: from sm_format_snapshot_new()
 *
 * Writes @snapshot as a Spanmark file, in any thread, one thread at a
 * time (json-glib counts references to the labels without locking). The
 * snapshot is not changed: it may be written again.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sm_format_snapshot_serialize (SmFormatSnapshot *self)
{
  g_autoptr(JsonObject) top = json_object_new ();
  JsonObject *section;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (top, "format", "spanmark");
  json_object_set_int_member (top, "version", self->version);

  section = json_object_new ();
  json_object_set_string_member (section, "name", self->name);
  json_object_set_string_member (section, "text", sm_text_get_utf8 (self->text));
  json_object_set_int_member (section, "length", sm_text_get_length (self->text));
  json_object_set_string_member (section, "sha256", sm_text_get_sha256 (self->text));
  add_extra_members (section, self->extra_document);
  json_object_set_object_member (top, "document", section);

  json_object_set_array_member (top, "labels", json_array_ref (self->labels));
  if (self->relation_types != NULL)
    json_object_set_array_member (top, RELATION_TYPES_MEMBER, json_array_ref (self->relation_types));

  json_object_set_array_member (top, "spans", spans_array (self));
  json_object_set_array_member (top, "relations", relations_array (self));
  set_array_if_any (top, "suggestions", suggestions_array (self));
  set_array_if_any (top, "rejected", rejected_array (self));
  json_object_set_string_member (top, "status", self->status);

  section = json_object_new ();
  json_object_set_string_member (section, "annotator", self->annotator);
  json_object_set_string_member (section, "created", self->created);
  json_object_set_string_member (section, "modified", self->modified);
  json_object_set_int_member (section, "next_span", self->next_span);
  json_object_set_int_member (section, "next_relation", self->next_relation);
  add_extra_members (section, self->extra_meta);
  json_object_set_object_member (top, "meta", section);

  add_extra_members (top, self->extra_top);

  /* In the pretty layout a span takes about 180 bytes (the 1 MB bench
   * article with 10,000 spans is 2.9 MB): room for it all at once spares
   * copying megabytes as the string grows */
  out = g_string_sized_new (sm_text_get_n_bytes (self->text) * 11 / 10 +
                            self->spans->len * 200 + 4096);
  sm_json_write_object (out, top, SM_JSON_WRITE_PRETTY);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * sm_format_serialize:
 *
 * Writes @document as a Spanmark file: sm_format_snapshot_serialize() on
 * a snapshot of it, at once. The same document always gives the same
 * bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sm_format_serialize (SmDocument *document)
{
  g_autoptr(SmFormatSnapshot) snapshot = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  snapshot = sm_format_snapshot_new (document);
  return sm_format_snapshot_serialize (snapshot);
}

static void
serialize_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  sm_thread_lower_priority ();
  g_task_return_pointer (task, sm_format_snapshot_serialize (task_data), (GDestroyNotify) g_bytes_unref);
}

/**
 * sm_format_serialize_async:
 * @document: a document
 *
 * Like sm_format_serialize(), writing in a worker thread: the document
 * is copied (sm_format_snapshot_new()) before this returns, so changes
 * made meanwhile are not in the bytes.
 */
void
sm_format_serialize_async (SmDocument          *document,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SM_IS_DOCUMENT (document));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_format_serialize_async);
  g_task_set_task_data (task, sm_format_snapshot_new (document), (GDestroyNotify) sm_format_snapshot_free);
  g_task_run_in_thread (task, serialize_in_thread);
}

/**
 * sm_format_serialize_finish:
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
sm_format_serialize_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
