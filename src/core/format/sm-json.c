/* sm-json.c: writing JSON by hand where layout matters.
 *
 * Spanmark files and JSON Lines exports are written with a layout of our
 * own (one span per line, one document per line), so they are composed
 * here rather than by JsonGenerator. Reading is SmJsonReader's.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-document.h"
#include "sm-json.h"

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
