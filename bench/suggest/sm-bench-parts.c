/* sm-bench-parts.c: the parts of a suggestion run, one at a time
 * (sm-bench-parts.h).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-bench-parts.h"
#include "sm-suggest-rules.h"

/* Runs @part once over @document; returns how many it found */
guint
sm_bench_run_part (SmBenchPart  part,
                   SmDocument  *document,
                   SmLexicon   *lexicon,
                   SmLearned   *learned,
                   SmSuggester *suggester)
{
  SmText *text = sm_document_get_text (document);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;

  switch (part)
    {
    case SM_BENCH_PART_FIGURES:
      sm_find_figures (text, lexicon, hits);
      return hits->len;
    case SM_BENCH_PART_QUOTES:
      sm_find_quotes (text, lexicon, hits);
      return hits->len;
    case SM_BENCH_PART_LEARNED:
      matches = sm_learned_find (learned, text);
      return matches->len;
    case SM_BENCH_PART_SUGGESTER:
      suggestions = sm_suggester_run (suggester, document, NULL, NULL);
      return suggestions->len;
    case SM_BENCH_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

/* For qsort(): doubles, smallest first */
int
sm_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
