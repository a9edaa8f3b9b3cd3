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
  guchar c = (guchar) *p;

  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;

  return g_unichar_tolower (g_utf8_get_char (p));
}

/* Past the characters from @p, before @end, that no match of a search
 * whose first (folded) character is @first can start at: ASCII ones that
 * are not @first in either case, a byte each. It stops at @first, at any
 * character outside ASCII (some fold into it: "K", the Kelvin sign, is
 * "k"), or at @end; @p must be at the start of a character. Comparing
 * every character of a span's text with the search's first, through a
 * call to g_ascii_tolower() each, was half of the span list's filter of
 * 106,000 spans for a key (perf of bench/window's spanmark-bench-search). */
static inline const char *
sm_search_skip (const char *p,
                const char *end,
                gunichar    first)
{
  guchar lower = (guchar) first;
  guchar upper = lower >= 'a' && lower <= 'z' ? lower - ('a' - 'A') : lower;

  if (first >= 0x80)
    {
      while (p < end && (guchar) *p < 0x80)
        p++;
      return p;
    }

  while (p < end && (guchar) *p != lower && (guchar) *p != upper && (guchar) *p < 0x80)
    p++;

  return p;
}

gunichar  *sm_search_fold  (const char     *search,
                            guint          *n_chars);
gboolean   sm_search_is_in (const gunichar *search,
                            guint           n_search,
                            const char     *text);

G_END_DECLS
