/* sm-json.c: writing JSON with json-glib, and reading it safely.
 *
 * Every JSON file Spanmark writes is a JsonNode tree written by
 * JsonGenerator, through sm_json_write(), which adds the escapes line-based
 * readers need. Reading goes through json-glib after a check that the
 * input is not nested deeper than its recursive parser can take.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sm-document.h"
#include "sm-json.h"
#include "sm-json-private.h"

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


/**
 * sm_json_check_depth:
 *
 * Refuses JSON nested deeper than @max_depth arrays and objects, saying
 * where, before a recursive parser runs out of stack on it.
 */
gboolean
sm_json_check_depth (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;
  const char *line_start = data;

  for (const char *p = data; p < data + length; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p + 1 < data + length)
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }

      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                           _("%u:%u: the JSON is nested more than %u levels deep"),
                           line, (guint) g_utf8_strlen (line_start, p - line_start) + 1,
                           max_depth);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '\n':
          line++;
          line_start = p + 1;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where the first JSON value in [@p, @end) ends, found by its brackets and
 * strings alone; its syntax is json-glib's to check */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  do
    {
      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p == '\\' && p + 1 < end)
                p++;
            }
          if (p < end)
            p++;
          break;

        case '[':
        case '{':
          depth++;
          p++;
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          p++;
          break;

        default:
          /* Inside a container, or a number or literal running to a delimiter */
          if (depth > 0)
            p++;
          else
            while (p < end && !is_json_space (*p) && !strchr ("{}[],:\"", *p))
              p++;
          break;
        }
    }
  while (p < end && depth > 0);

  return p;
}

/* json-glib 1.6 reads the first value of "{...} {...}", ignores the rest
 * and leaks it. A file holds one value (RFC 8259): a second one, such as
 * two saves run together, is refused rather than silently dropped. */
static gboolean
check_single_value (const char  *data,
                    gsize        length,
                    GError     **error)
{
  const char *end = data + length;
  const char *p = data;
  const char *line_start = data;
  guint line = 1;

  while (p < end && is_json_space (*p))
    p++;
  if (p == end)
    return TRUE;

  p = skip_value (p, end);
  while (p < end && is_json_space (*p))
    p++;
  if (p == end)
    return TRUE;

  for (const char *q = data; q < p; q++)
    {
      if (*q == '\n')
        {
          line++;
          line_start = q + 1;
        }
    }

  g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
               _("%u:%u: unexpected text after the end of the JSON value"),
               line, (guint) g_utf8_strlen (line_start, p - line_start) + 1);
  return FALSE;
}

/* The value of the four hex digits at @p, or -1 */
static gint
hex4 (const char *p,
      const char *end)
{
  gint value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      gint digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Refuses the escapes json-glib gets wrong, saying where:
 *
 * - one JSON does not have ("\x", "\u12"): json-glib takes some as text,
 *   and on others leaks memory before it gives up;
 * - "\u0000": json-glib keeps strings NUL-terminated, so it silently cuts
 *   its string short there, and an article's text would lose its end;
 * - half of a surrogate pair alone ("\ud800"): json-glib writes it as
 *   bytes that are not UTF-8, which a save then writes into the file,
 *   and the file can no longer be opened. */
static gboolean
check_escapes (const char  *data,
               gsize        length,
               GError     **error)
{
  const char *end = data + length;
  const char *p = data;

  while ((p = memchr (p, '\\', end - p)) != NULL)
    {
      const char *run = p;
      const char *line_start = data;
      const char *escape;
      guint line = 1;
      gint value, low;

      /* In a run of backslashes, pairs are escaped backslashes; an odd
       * one out escapes what follows */
      while (p < end && *p == '\\')
        p++;
      if ((p - run) % 2 == 0 || p == end)
        continue;

      escape = p - 1;
      if (*p != 'u' || (value = hex4 (p + 1, end)) < 0)
        {
          if (strchr ("\"\\/bfnrt", *p) != NULL && *p != '\0')
            continue;
          value = -1;
        }
      else if (value >= 0xD800 && value <= 0xDBFF && end - p >= 11 && p[5] == '\\' && p[6] == 'u' &&
               (low = hex4 (p + 7, end)) >= 0xDC00 && low <= 0xDFFF)
        {
          /* A whole pair: one character beyond the BMP, such as an emoji */
          p += 11;
          continue;
        }
      else if (value != 0 && (value < 0xD800 || value > 0xDFFF))
        continue;

      for (const char *q = data; q < escape; q++)
        {
          if (*q == '\n')
            {
              line++;
              line_start = q + 1;
            }
        }

      if (value < 0)
        {
          g_autofree char *shown = NULL;
          gsize n = 1;

          /* What follows the backslash, printably and on one line */
          if (*p == 'u')
            {
              while (n < 5 && p + n < end && g_ascii_isxdigit (p[n]))
                n++;
              shown = g_strndup (p, n);
            }
          else if (g_ascii_isgraph (*p))
            shown = g_strndup (p, 1);
          else
            shown = g_strdup_printf ("<0x%02X>", (guchar) *p);

          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                       _("%u:%u: “\\%s” is not an escape JSON has: a backslash goes before"
                         " \", \\, /, b, f, n, r, t, or u and four hex digits"),
                       line, (guint) g_utf8_strlen (line_start, escape - line_start) + 1, shown);
        }
      else if (value == 0)
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                     _("%u:%u: a string holds the character U+0000 (\\u0000), which Spanmark cannot keep"),
                     line, (guint) g_utf8_strlen (line_start, escape - line_start) + 1);
      else
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                     _("%u:%u: “\\%.5s” is half of a UTF-16 surrogate pair without its other half, which is not a character"),
                     line, (guint) g_utf8_strlen (line_start, escape - line_start) + 1, p);
      return FALSE;
    }

  return TRUE;
}

/**
 * _sm_json_check_text:
 *
 * The checks sm_json_parse() makes before json-glib reads @data, in the
 * order it makes them: nesting past %SM_JSON_MAX_DEPTH, text after the
 * first value, and escapes JSON does not have, "\u0000" and lone
 * surrogates. SmJsonReader makes them again when it finds a syntax error,
 * so that both report the same problem first for the same bytes.
 */
gboolean
_sm_json_check_text (const char  *data,
                     gsize        length,
                     GError     **error)
{
  return sm_json_check_depth (data, length, SM_JSON_MAX_DEPTH, error) &&
         check_single_value (data, length, error) &&
         check_escapes (data, length, error);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: message"; we say "LINE:COLUMN: message" */
static char *
tidy_parser_message (const char *message)
{
  guint line, column;
  int consumed = 0;
  const char *rest;

  rest = strstr (message, ">:");
  if (rest == NULL)
    return g_strdup (message);
  rest += 2;

  if (sscanf (rest, "%u:%u: %n", &line, &column, &consumed) < 2 || consumed == 0)
    return g_strdup (message);
  rest += consumed;

  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");

  return g_strdup_printf ("%u:%u: %s", line, column, rest);
}

/**
 * sm_json_parse:
 * @data: JSON text, UTF-8
 * @length: its length in bytes
 *
 * Parses @data, refusing nesting past %SM_JSON_MAX_DEPTH, anything after
 * the first value, escapes JSON does not have, "\\u0000" and lone
 * surrogates. Syntax errors are %SM_DOCUMENT_ERROR_SYNTAX with a message
 * that starts "LINE:COLUMN: ".
 *
 * Returns: (transfer full) (nullable): the root node
 */
JsonNode *
sm_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!_sm_json_check_text (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *tidy = tidy_parser_message (local_error->message);
      /* json-glib quotes the offending string cut to a number of bytes,
       * which can split a character: keep the message valid UTF-8 */
      g_autofree char *message = g_utf8_make_valid (tidy, -1);

      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                           _("there is no JSON value in the file"));
      return NULL;
    }

  return json_node_ref (root);
}
