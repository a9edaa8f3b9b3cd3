/* sm-search.h: caseless search, one rule for the search bar and the span list.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The character at @p in lower case: the search's notion of case */
static inline gunichar
sm_search_fold_at (const char *p)
{
  if ((guchar) *p < 0x80)
    return (gunichar) g_ascii_tolower (*p);

  return g_unichar_tolower (g_utf8_get_char (p));
}

gunichar  *sm_search_fold  (const char     *search,
                            guint          *n_chars);
gboolean   sm_search_is_in (const gunichar *search,
                            guint           n_search,
                            const char     *text);

G_END_DECLS
