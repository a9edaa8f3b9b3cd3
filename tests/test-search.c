/* test-search.c: caseless search, as the search bar and the span list find text.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-search.h"

static gboolean
is_in (const char *search,
       const char *text)
{
  g_autofree gunichar *folded = NULL;
  guint n;

  folded = sm_search_fold (search, &n);
  return sm_search_is_in (folded, n, text);
}

static void
test_search_is_in (void)
{
  /* Any case, anywhere */
  g_assert_true (is_in ("lukash", "Alexander Lukashenko"));
  g_assert_true (is_in ("LUKASHENKO", "Alexander Lukashenko"));
  g_assert_true (is_in ("alexander", "Alexander Lukashenko"));
  g_assert_true (is_in ("henko", "Alexander Lukashenko"));
  g_assert_false (is_in ("lukashenka", "Alexander Lukashenko"));

  /* Outside ASCII: Cyrillic, Greek, accents */
  g_assert_true (is_in ("МИНСК", "в Минске"));
  g_assert_true (is_in ("αθήνα", "ΑΘΉΝΑ"));
  g_assert_true (is_in ("ÉTÉ", "un été chaud"));
  g_assert_false (is_in ("ete", "un été chaud"));

  /* A character outside ASCII may fold into it: the Kelvin sign is "k" */
  g_assert_true (is_in ("k", "\u212A"));
  g_assert_true (is_in ("KM", "10 \u212Am"));
  g_assert_false (is_in ("a", "\u00C0BC"));
  g_assert_true (is_in ("b", "\u00E9b"));
  g_assert_true (is_in ("\u00E9", "cafe caf\u00C9"));
  g_assert_true (is_in ("5,", "x5,4"));

  /* A start that fails and the next that matches */
  g_assert_true (is_in ("aab", "aaab"));
  g_assert_true (is_in ("ana", "banana"));

  /* The ends */
  g_assert_true (is_in ("", "anything"));
  g_assert_true (is_in ("", ""));
  g_assert_false (is_in ("a", ""));
  g_assert_false (is_in ("a", NULL));
  g_assert_false (is_in ("longer than the text", "longer"));
}

static void
test_search_fold (void)
{
  g_autofree gunichar *folded = NULL;
  guint n = 0;

  /* One character for one: offsets found with it are the text's */
  folded = sm_search_fold ("ÉtÉ Мир", &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (folded[0], ==, 0xE9);
  g_assert_cmpuint (folded[1], ==, 't');
  g_assert_cmpuint (folded[4], ==, 0x43C);
  g_assert_cmpuint (sm_search_fold_at ("Мир"), ==, 0x43C);
  g_assert_cmpuint (sm_search_fold_at ("Q"), ==, 'q');
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/is-in", test_search_is_in);
  g_test_add_func ("/search/fold", test_search_fold);

  return g_test_run ();
}
