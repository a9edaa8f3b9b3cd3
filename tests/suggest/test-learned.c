/* test-learned.c: strings the annotator tagged, proposed where they occur
 * again as whole words, with the label they were given most often.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-learned.h"

static char *
describe (SmText *text,
          GArray *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const SmLearnedMatch *match = &g_array_index (matches, SmLearnedMatch, i);
      g_autofree char *slice = sm_text_dup_slice (text, match->start, match->end);

      g_string_append_printf (out, "%s%s=%s", i ? " " : "", slice, match->label);
    }

  return g_string_free (out, FALSE);
}

static char *
find (SmLearned  *learned,
      const char *article)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);
  g_autoptr(GArray) matches = sm_learned_find (learned, text);

  return describe (text, matches);
}

static void
test_learned_whole_words (void)
{
  g_autoptr(SmLearned) learned = sm_learned_new ();
  g_autofree char *found = NULL;

  sm_learned_add (learned, "Lukashenko", "SPEAKER", 1);
  sm_learned_add (learned, "President Raisi", "SPEAKER", 1);
  sm_learned_add (learned, "$100 million", "FIGURE", 1);
  sm_learned_add (learned, "Iran", "PLACE", 1);

  found = find (learned,
                "“Iran and Belarus,” Lukashenko said; Iranian President Raisi "
                "set $100 million, not $100 millions, for Lukashenko’s trip to Iran.");
  /* Not "Iranian", not "millions"; a possessive still names him */
  g_assert_cmpstr (found, ==,
                   "Iran=PLACE Lukashenko=SPEAKER President Raisi=SPEAKER "
                   "$100 million=FIGURE Lukashenko=SPEAKER Iran=PLACE");
}

static void
test_learned_most_often (void)
{
  g_autoptr(SmLearned) learned = sm_learned_new ();
  g_autoptr(SmLearned) other = sm_learned_new ();
  g_autofree char *found = NULL;

  sm_learned_add (learned, "Tehran", "PLACE", 1);
  sm_learned_add (learned, "Tehran", "SPEAKER", 1);
  /* A tie goes to the label given first */
  g_assert_cmpstr (sm_learned_lookup (learned, "Tehran"), ==, "PLACE");

  sm_learned_add (other, "Tehran", "SPEAKER", 2);
  sm_learned_merge (learned, other);
  g_assert_cmpstr (sm_learned_lookup (learned, "Tehran"), ==, "SPEAKER");

  /* Punctuation alone is not learned; case matters */
  sm_learned_add (learned, "…", "CLAIM", 1);
  g_assert_null (sm_learned_lookup (learned, "…"));
  g_assert_cmpuint (sm_learned_get_size (learned), ==, 1);
  found = find (learned, "In tehran and Tehran.");
  g_assert_cmpstr (found, ==, "Tehran=SPEAKER");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learned/whole-words", test_learned_whole_words);
  g_test_add_func ("/learned/most-often", test_learned_most_often);

  return g_test_run ();
}
