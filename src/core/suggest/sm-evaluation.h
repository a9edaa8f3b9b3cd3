/* sm-evaluation.h: how close predicted annotations come to the gold.
 *
 * Pairs of documents (a gold one and a prediction of the same text) are
 * added one by one; their spans are matched (sm-span-match.h) and the
 * counts pooled per label, so that precision, recall and F1 are those of
 * the whole corpus, not averages of documents. The gold's said_by links
 * are counted apart: found when the prediction links the matches of both
 * ends, claim found when only the claim's match is there.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"
#include "sm-span-match.h"

G_BEGIN_DECLS

/**
 * SmEvaluationCounts:
 * @gold: non-empty gold spans of the label
 * @predicted: non-empty predicted spans of the label
 * @matched: pairs of them matched
 */
typedef struct
{
  guint64 gold;
  guint64 predicted;
  guint64 matched;
} SmEvaluationCounts;

/**
 * SmSaidByCounts:
 * @gold: the gold's said_by links between non-empty spans
 * @claim_found: those whose claim is matched
 * @found: those whose claim and speaker are matched, the prediction
 *   linking the two matches by said_by
 */
typedef struct
{
  guint64 gold;
  guint64 claim_found;
  guint64 found;
} SmSaidByCounts;

gboolean sm_evaluation_counts_get_precision (const SmEvaluationCounts *counts,
                                             double                   *precision);
gboolean sm_evaluation_counts_get_recall    (const SmEvaluationCounts *counts,
                                             double                   *recall);
gboolean sm_evaluation_counts_get_f1        (const SmEvaluationCounts *counts,
                                             double                   *f1);

#define SM_TYPE_EVALUATION (sm_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (SmEvaluation, sm_evaluation, SM, EVALUATION, GObject)

SmEvaluation    *sm_evaluation_new             (SmSpanMatchMode           mode);
SmSpanMatchMode  sm_evaluation_get_mode        (SmEvaluation             *self);
void             sm_evaluation_add_documents   (SmEvaluation             *self,
                                                SmDocument               *gold,
                                                SmDocument               *predicted);
guint            sm_evaluation_get_n_documents (SmEvaluation             *self);
char           **sm_evaluation_dup_labels      (SmEvaluation             *self);
void             sm_evaluation_get_counts      (SmEvaluation             *self,
                                                const char               *label,
                                                SmEvaluationCounts       *counts);
void             sm_evaluation_get_said_by     (SmEvaluation             *self,
                                                SmSaidByCounts           *counts);

G_END_DECLS
