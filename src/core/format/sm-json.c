/* sm-json.c: writing JSON by hand where layout matters, and reading it safely.
 *
 * Spanmark files and JSON Lines exports are written with a layout of our
 * own (one span per line, one document per line), so they are composed
 * here rather than by JsonGenerator. Reading goes through json-glib after
 * a check that the input is not nested deeper than its recursive parser
 * can take.
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

/**
 * sm_json_append_string:
 * @out: where to write
 * @string: UTF-8 text
 *
 * Appends @string as a JSON string literal. Non-ASCII characters are
 * written as they are (the files are UTF-8); control characters and the
 * line and paragraph separators are escaped, so every line of output is
 * also safe to paste into JavaScript.
 */
void
sm_json_append_string (GString    *out,
                       const char *string)
{
  const char *p = string;
  const char *run = string;

  g_string_append_c (out, '"');

  for (; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buffer[8];

      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case 0xE2:
          /* U+2028 and U+2029 are E2 80 A8 and E2 80 A9 */
          if ((guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              g_string_append_len (out, run, p - run);
              g_string_append (out, (guchar) p[2] == 0xA8 ? "\\u2028" : "\\u2029");
              p += 2;
              run = p + 1;
            }
          continue;
        default:
          if (c < 0x20 || c == 0x7F)
            {
              g_snprintf (buffer, sizeof buffer, "\\u%04x", c);
              escape = buffer;
            }
          break;
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/**
 * sm_json_append_member:
 *
 * Appends `"name": `.
 */
void
sm_json_append_member (GString    *out,
                       const char *name)
{
  sm_json_append_string (out, name);
  g_string_append (out, ": ");
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
