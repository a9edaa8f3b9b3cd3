/* sm-search.c: caseless search, one rule for the search bar and the span list.
 *
 * A search matches a character of the text when their lower cases are the
 * same, one character for one, so that a match found in the text has the
 * search's length and its offsets are the text's (the search bar tags its
 * matches). The span list finds spans by the same rule, with no copy of
 * each span's text: folding a copy of each span's text, note and speaker
 * was 10 of the 45 samples of a 112 ms key typed into its search on a
 * document of 106,247 spans (perf of bench/window's spanmark-bench-search;
 * most of the rest was GTK's list view, see sm-span-list.c).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-search"

#include "config.h"

#include <string.h>

#include "sm-search.h"

/**
 * sm_search_fold:
 * @search: what the user searches for, UTF-8
 * @n_chars: (out): where to store the number of characters
 *
 * Returns: (transfer full): @search's characters in lower case
 */
gunichar *
sm_search_fold (const char *search,
                guint      *n_chars)
{
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (search, -1, &n);

  for (glong i = 0; i < n; i++)
    chars[i] = g_unichar_tolower (chars[i]);

  *n_chars = (guint) n;
  return chars;
}

/**
 * sm_search_is_in:
 * @search: a search folded by sm_search_fold()
 * @n_search: its number of characters
 * @text: (nullable): valid UTF-8
 *
 * Returns: whether @text holds @search, in any case; an empty search is
 *   in every text, and nothing is in a %NULL text
 */
gboolean
sm_search_is_in (const gunichar *search,
                 guint           n_search,
                 const char     *text)
{
  const char *end;

  if (text == NULL)
    return FALSE;

  if (n_search == 0)
    return TRUE;

  end = text + strlen (text);
  for (const char *p = sm_search_skip (text, end, search[0]);
       p < end;
       p = sm_search_skip (g_utf8_next_char (p), end, search[0]))
    {
      const char *q = p;
      guint k = 0;

      while (k < n_search && q < end && sm_search_fold_at (q) == search[k])
        {
          q = g_utf8_next_char (q);
          k++;
        }

      if (k == n_search)
        return TRUE;
    }

  return FALSE;
}
