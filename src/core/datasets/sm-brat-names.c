/* sm-brat-names.c: Spanmark's label and relation type names as brat types.
 *
 * A name of letters, digits, "_" and "-" with no "__" in it is its own
 * brat type. Any other character, and a "_" just before a "_" or such a
 * character, is written "__XX_" with XX its code in hex: "Q.A" becomes
 * "Q__2E_A", "a__b" becomes "a__5F__b". A "_" written as itself is never
 * followed by another "_", so read from the left every "__" starts an
 * escape: no two names become one type. A name always
 * becomes the same type, whatever else a corpus holds: each document's
 * .ann is written on its own thread without knowing the others' labels.
 *
 * annotation.conf says which types stand for another name, on a comment
 * line that brat skips: "# spanmark-name Q__2E_A Q.A".
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-brat-names"

#include "config.h"

#include <string.h>

#include "sm-brat-names.h"

#define COMMENT "# spanmark-name "

/* What brat's type names may hold (its configuration checker's
 * ^[a-zA-Z0-9_-]*$) */
static gboolean
is_type_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/**
 * _sm_brat_names_encode:
 * @name: a label id or relation type
 *
 * Returns: (transfer full): @name as a brat type: @name itself if brat
 *   takes it as it is and it has no "__", otherwise with escapes
 */
char *
_sm_brat_names_encode (const char *name)
{
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  out = g_string_sized_new (strlen (name));
  for (const char *p = name; *p; p++)
    {
      /* A "_" before an escape would read as the start of one */
      gboolean before_escape = *p == '_' && p[1] != '\0' && (p[1] == '_' || !is_type_char (p[1]));

      if (is_type_char (*p) && !before_escape)
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "__%02X_", (guchar) *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * _sm_brat_names_append_comment:
 *
 * Appends the annotation.conf line that says @type stands for @name
 */
void
_sm_brat_names_append_comment (GString    *out,
                               const char *type,
                               const char *name)
{
  g_string_append_printf (out, COMMENT "%s %s\n", type, name);
}

/**
 * _sm_brat_names_parse:
 * @annotation_conf: the contents of an annotation.conf
 *
 * Reads the lines _sm_brat_names_append_comment() writes. A line whose
 * type is not what _sm_brat_names_encode() makes of its name was not
 * written by Spanmark (or was edited by hand) and is passed over, so a
 * type is never read as a name it could not stand for.
 *
 * Returns: (transfer full): brat type -> the name it stands for
 */
GHashTable *
_sm_brat_names_parse (const char *annotation_conf,
                      gsize       length)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *copy = g_strndup (annotation_conf, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *encoded = NULL;

      g_strchomp (lines[i]);
      if (!g_str_has_prefix (lines[i], COMMENT))
        continue;

      fields = g_strsplit (lines[i] + strlen (COMMENT), " ", -1);
      if (g_strv_length (fields) != 2 || fields[0][0] == '\0' || fields[1][0] == '\0')
        continue;

      encoded = _sm_brat_names_encode (fields[1]);
      if (strcmp (encoded, fields[0]) == 0 && strcmp (fields[0], fields[1]) != 0)
        g_hash_table_insert (names, g_strdup (fields[0]), g_strdup (fields[1]));
    }

  return names;
}
