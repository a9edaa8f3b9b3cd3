/* sm-json.c: writing JSON with json-glib.
 *
 * Every JSON file Spanmark writes is a JsonNode tree written by
 * JsonGenerator, through sm_json_write_object(), which adds the escapes line-based
 * readers need; the JSON Lines export alone writes its records with
 * sm_json_append_string(), which writes the same bytes without a tree
 * (sm-export-jsonl.c says why). Reading is SmJsonReader's (sm-json-reader.c).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json"

#include "config.h"

#include <string.h>

#include "sm-document.h"
#include "sm-json.h"

/* The bytes after which json-glib's output needs more escaping: U+001F,
 * which json-glib 1.6 writes raw although RFC 8259 and our reader refuse
 * it, and the lead bytes of U+0085 (C2 85) and U+2028, U+2029 (E2 80 A8,
 * E2 80 A9), which Python's str.splitlines() and JavaScript break lines at.
 * In ASCII mode, every byte from 0x80. Outside strings the generator writes
 * ASCII only, so whatever is found is inside a string. */
static inline gboolean
needs_escape (const guchar *p,
              const guchar *end,
              gboolean      ascii)
{
  if (*p == 0x1F || (ascii && *p >= 0x80))
    return TRUE;
  if (*p == 0xC2)
    return p + 1 < end && p[1] == 0x85;
  if (*p == 0xE2)
    return p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9);
  return FALSE;
}

/* The bytes needs_escape() has to look at in UTF-8 mode. A table lookup
 * per byte scans the output at a third of the cost of the comparisons:
 * the scan runs over every byte written, 3 MB for a large file. */
static const gboolean utf8_lead[256] = { [0x1F] = TRUE, [0xC2] = TRUE, [0xE2] = TRUE };

/* The first character from @p that needs escaping, or @end */
static const guchar *
find_escape (const guchar *p,
             const guchar *end,
             gboolean      ascii)
{
  for (;; p++)
    {
      if (ascii)
        while (p < end && *p < 0x80 && *p != 0x1F)
          p++;
      else
        while (p < end && !utf8_lead[*p])
          p++;

      if (p == end || needs_escape (p, end, ascii))
        return p;
    }
}

static void
append_escaped (GString      *out,
                const guchar *p,
                const guchar *end,
                gboolean      ascii)
{
  while (p < end)
    {
      const guchar *run = p;
      gunichar c;

      p = find_escape (p, end, ascii);
      g_string_append_len (out, (const char *) run, p - run);
      if (p == end)
        break;

      c = g_utf8_get_char_validated ((const char *) p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not from a valid string; cannot happen, but never lose a byte */
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      if (c > 0xFFFF)
        {
          /* JSON escapes only reach U+FFFF: a UTF-16 surrogate pair */
          c -= 0x10000;
          g_string_append_printf (out, "\\u%04x\\u%04x", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        }
      else
        g_string_append_printf (out, "\\u%04x", c);

      p = (const guchar *) g_utf8_next_char (p);
    }
}

/**
 * sm_json_write_object:
 * @out: where to append
 * @object: the object to write
 * @flags: the layout, and whether to write ASCII only
 *
 * Appends @object as JSON written by json-glib's JsonGenerator, members in
 * the order they were added, with the escapes JsonGenerator leaves out:
 * U+001F, U+0085, U+2028 and U+2029 as `\u001f`, `\u0085`, `\u2028` and
 * `\u2029`, so that no line-based reader breaks a line inside a string.
 * With %SM_JSON_WRITE_ASCII every non-ASCII character is written as
 * `\uXXXX` (a surrogate pair above U+FFFF), for readers that guess an
 * encoding; a JSON reader decodes the same text either way.
 */
void
sm_json_write_object (GString          *out,
                      JsonObject       *object,
                      SmJsonWriteFlags  flags)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean ascii = (flags & SM_JSON_WRITE_ASCII) != 0;
  const guchar *p, *end;
  g_autofree char *rest = NULL;
  gsize start = out->len;
  gsize rest_length;

  g_return_if_fail (out != NULL);
  g_return_if_fail (object != NULL);

  root = json_node_init_object (json_node_alloc (), object);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, (flags & SM_JSON_WRITE_PRETTY) != 0);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);

  /* Most output has nothing to escape: then nothing is copied */
  end = (const guchar *) out->str + out->len;
  p = find_escape ((const guchar *) out->str + start, end, ascii);
  if (p == end)
    return;

  start = p - (const guchar *) out->str;
  rest_length = out->len - start;
  rest = g_memdup2 (p, rest_length);
  g_string_truncate (out, start);
  append_escaped (out, (const guchar *) rest, (const guchar *) rest + rest_length, ascii);
}

/* What each byte needs in a string written by sm_json_append_string():
 * 0 for nothing, 1 for a look at what it is (JsonGenerator's escapes,
 * and the lead bytes of the characters sm_json_write_object() adds
 * escapes for). In ASCII mode every byte from 0x80 needs a look too. */
static const guint8 string_byte[256] = {
  [0x00 ... 0x1F] = 1, ['"'] = 1, ['\\'] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* Past the words of eight bytes from @p that need no look in either mode:
 * ASCII from U+0020 to U+007E but '"' and '\\'. A document's text, most
 * of a JSON Lines record, is mostly such runs (5 % of an export went
 * through them a byte at a time). */
static inline const guchar *
skip_plain_ascii (const guchar *p,
                  const guchar *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (end - p >= 8)
    {
      guint64 word, quote, backslash, delete;

      memcpy (&word, p, 8);
      quote = word ^ (ones * '"');
      backslash = word ^ (ones * '\\');
      delete = word ^ (ones * 0x7F);

      /* A byte from 0x80, one below 0x20, or one that is '"', '\\' or
       * 0x7F (each found as a zero byte of a subtraction's borrow) */
      if (((word | ((word - ones * 0x20) & ~word) |
            ((quote - ones) & ~quote) |
            ((backslash - ones) & ~backslash) |
            ((delete - ones) & ~delete)) & highs) != 0)
        break;
      p += 8;
    }

  return p;
}

/**
 * sm_json_append_string:
 * @out: where to append
 * @string: a valid UTF-8 string
 * @flags: %SM_JSON_WRITE_ASCII to write every non-ASCII character as
 *   `\uXXXX`; the layout flags do not matter
 *
 * Appends @string as a JSON string, quoted, byte for byte as
 * sm_json_write_object() writes a string member: json-glib 1.6's
 * JsonGenerator escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
 * `\u00XX` for the other control characters but U+001F, and U+007F),
 * then sm_json_write_object()'s own (U+001F, U+0085, U+2028, U+2029, and
 * in ASCII mode every non-ASCII character). tests/test-json-writer.c
 * checks the two agree. For writers of many small records (the JSON
 * Lines export), where building a JsonNode tree per record costs more
 * than writing it.
 */
void
sm_json_append_string (GString          *out,
                       const char       *string,
                       SmJsonWriteFlags  flags)
{
  gboolean ascii = (flags & SM_JSON_WRITE_ASCII) != 0;
  const guchar *p = (const guchar *) string;
  const guchar *end;

  g_return_if_fail (out != NULL);
  g_return_if_fail (string != NULL);

  end = p + strlen (string);
  g_string_append_c (out, '"');

  for (;;)
    {
      const guchar *run = p;
      guchar c;

      p = skip_plain_ascii (p, end);
      if (ascii)
        while (*p != 0 && *p < 0x80 && !string_byte[*p])
          p++;
      else
        while (!string_byte[*p])
          p++;

      g_string_append_len (out, (const char *) run, p - run);

      c = *p;
      if (c == 0)
        break;

      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          p++;
          continue;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          p++;
          continue;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          p++;
          continue;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          p++;
          continue;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          p++;
          continue;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          p++;
          continue;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          p++;
          continue;
        default:
          break;
        }

      if (c < 0x80)
        {
          /* The other control characters, U+001F and U+007F */
          g_string_append_printf (out, "\\u%04x", c);
          p++;
          continue;
        }

      /* U+0085, U+2028, U+2029, or in ASCII mode any character from U+0080 */
      {
        const guchar *next = (const guchar *) g_utf8_next_char (p);
        gunichar u = g_utf8_get_char ((const char *) p);

        if (!ascii && !needs_escape (p, next, FALSE))
          g_string_append_len (out, (const char *) p, next - p);
        else if (u > 0xFFFF)
          {
            u -= 0x10000;
            g_string_append_printf (out, "\\u%04x\\u%04x", 0xD800 + (u >> 10), 0xDC00 + (u & 0x3FF));
          }
        else
          g_string_append_printf (out, "\\u%04x", u);

        p = next;
      }
    }

  g_string_append_c (out, '"');
}

/**
 * sm_json_append_uint:
 * @out: where to append
 * @value: a number
 *
 * Appends @value as JsonGenerator writes an integer member.
 */
void
sm_json_append_uint (GString *out,
                     guint64  value)
{
  char digits[20];
  guint n = 0;

  do
    {
      digits[sizeof digits - ++n] = '0' + value % 10;
      value /= 10;
    }
  while (value != 0);

  g_string_append_len (out, digits + sizeof digits - n, n);
}

/**
 * sm_json_object_add_members:
 * @object: the object to add to
 * @members: (nullable): members to add, such as the unknown members a
 *   reader kept
 *
 * Adds the members of @members to @object, after those it has, in their
 * order. The values are shared, not copied.
 */
void
sm_json_object_add_members (JsonObject *object,
                            JsonObject *members)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_if_fail (object != NULL);

  if (members == NULL)
    return;

  json_object_iter_init_ordered (&iter, members);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (object, name, json_node_ref (node));
}

static JsonNode   *node_copy   (JsonNode   *node);
static JsonObject *object_copy (JsonObject *object);

static JsonArray *
array_copy (JsonArray *array)
{
  guint n = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, node_copy (json_array_get_element (array, i)));

  return copy;
}

/* A new node with new values all the way down: json_node_copy() shares
 * the objects, arrays and values under the node, and counts references
 * to them without locking */
static JsonNode *
node_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, object_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array_copy (json_node_get_array (node)));
      return copy;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return json_node_init_int (json_node_alloc (), json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (json_node_alloc (), json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (json_node_alloc (), json_node_get_boolean (node));
        case G_TYPE_STRING:
          return json_node_init_string (json_node_alloc (), json_node_get_string (node));
        default:
          g_return_val_if_reached (json_node_init_null (json_node_alloc ()));
        }

    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

static JsonObject *
object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (copy, name, node_copy (node));

  return copy;
}

/**
 * sm_json_object_copy:
 * @object: (nullable): an object
 *
 * Copies @object all the way down, members in their order. The copy
 * shares nothing with @object, so it may go to another thread while
 * @object stays in use in this one: json-glib counts references without
 * locking, and json_node_copy() shares what is under a node.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL for %NULL
 */
JsonObject *
sm_json_object_copy (JsonObject *object)
{
  if (object == NULL)
    return NULL;

  return object_copy (object);
}

/* A JSON array of @strings, a %NULL-terminated array, in their order */
static JsonArray *
string_array_new (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

/**
 * sm_json_fragments_new:
 * @span: a span
 *
 * Returns: (transfer full): @span's fragments, [[start, end], ...], as the
 *   Spanmark file (version 2) and the JSON Lines export list them
 */
JsonArray *
sm_json_fragments_new (SmSpan *span)
{
  guint n_fragments = sm_span_get_n_fragments (span);
  JsonArray *fragments = json_array_sized_new (n_fragments);

  for (guint i = 0; i < n_fragments; i++)
    {
      JsonArray *pair = json_array_sized_new (2);
      guint start, end;

      sm_span_get_fragment (span, i, &start, &end);
      json_array_add_int_element (pair, start);
      json_array_add_int_element (pair, end);
      json_array_add_array_element (fragments, pair);
    }

  return fragments;
}

/**
 * sm_json_label_new:
 * @label: a label
 * @extra: (nullable): the unknown members a reader kept for it
 *
 * Returns: (transfer full): @label as Spanmark and project files write it:
 *   id, name, color and key, then @extra's members
 */
JsonObject *
sm_json_label_new (SmLabel    *label,
                   JsonObject *extra)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (SM_IS_LABEL (label), object);

  json_object_set_string_member (object, "id", sm_label_get_id (label));
  json_object_set_string_member (object, "name", sm_label_get_name (label));
  json_object_set_string_member (object, "color", sm_label_get_color (label));
  json_object_set_string_member (object, "key", sm_label_get_key (label));
  sm_json_object_add_members (object, extra);

  return object;
}

/**
 * sm_json_relation_type_new:
 * @from: the labels a relation of @type may start at
 * @to: the labels it may end at
 * @extra: (nullable): the unknown members a reader kept for it
 *
 * Returns: (transfer full): a relation type as Spanmark and project files
 *   write it: type, from and to, then @extra's members
 */
JsonObject *
sm_json_relation_type_new (const char         *type,
                           const char * const *from,
                           const char * const *to,
                           JsonObject         *extra)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "type", type);
  json_object_set_array_member (object, "from", string_array_new (from));
  json_object_set_array_member (object, "to", string_array_new (to));
  sm_json_object_add_members (object, extra);

  return object;
}
