/* sm-bench-parts.h: the parts of a suggestion run that spanmark-bench-suggest
 * times and spanmark-bench-suggest-memory weighs, run one at a time.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"
#include "sm-learned.h"
#include "sm-lexicon.h"
#include "sm-suggester.h"

G_BEGIN_DECLS

typedef enum
{
  SM_BENCH_PART_FIGURES,
  SM_BENCH_PART_QUOTES,
  SM_BENCH_PART_LEARNED,
  SM_BENCH_PART_SUGGESTER,
  SM_BENCH_N_PARTS
} SmBenchPart;

guint sm_bench_run_part        (SmBenchPart    part,
                                SmDocument    *document,
                                SmLexicon     *lexicon,
                                SmLearned     *learned,
                                SmSuggester   *suggester);
int   sm_bench_compare_doubles (gconstpointer  a,
                                gconstpointer  b);

G_END_DECLS
