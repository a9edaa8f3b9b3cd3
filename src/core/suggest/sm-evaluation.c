/* sm-evaluation.c: pooled precision, recall and F1 per label, and said_by.
 *
 * Definitions (docs/suggestions.md gives them to users):
 * - precision = matched / predicted, undefined with nothing predicted;
 * - recall = matched / gold, undefined with no gold span;
 * - F1 = 2·matched / (gold + predicted), the harmonic mean of the two
 *   where both are defined, and 0 where one side has spans and nothing
 *   matched; undefined only with no span on either side, which a label
 *   listed here never has.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-evaluation"

#include "config.h"

#include <string.h>

#include "sm-evaluation.h"
#include "sm-relation.h"

struct _SmEvaluation
{
  GObject          parent_instance;

  SmSpanMatchMode  mode;
  guint            n_documents;
  GHashTable      *labels;    /* label id → SmEvaluationCounts */
  SmSaidByCounts   said_by;
};

G_DEFINE_FINAL_TYPE (SmEvaluation, sm_evaluation, G_TYPE_OBJECT)

/**
 * sm_evaluation_counts_get_precision:
 * @counts: a label's counts
 * @precision: (out): matched / predicted
 *
 * Returns: %FALSE if it is undefined (nothing predicted)
 */
gboolean
sm_evaluation_counts_get_precision (const SmEvaluationCounts *counts,
                                    double                   *precision)
{
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (precision != NULL, FALSE);

  if (counts->predicted == 0)
    return FALSE;

  *precision = (double) counts->matched / counts->predicted;
  return TRUE;
}

/**
 * sm_evaluation_counts_get_recall:
 * @counts: a label's counts
 * @recall: (out): matched / gold
 *
 * Returns: %FALSE if it is undefined (no gold span)
 */
gboolean
sm_evaluation_counts_get_recall (const SmEvaluationCounts *counts,
                                 double                   *recall)
{
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (recall != NULL, FALSE);

  if (counts->gold == 0)
    return FALSE;

  *recall = (double) counts->matched / counts->gold;
  return TRUE;
}

/**
 * sm_evaluation_counts_get_f1:
 * @counts: a label's counts
 * @f1: (out): 2·matched / (gold + predicted)
 *
 * Returns: %FALSE if it is undefined (no span on either side)
 */
gboolean
sm_evaluation_counts_get_f1 (const SmEvaluationCounts *counts,
                             double                   *f1)
{
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (f1 != NULL, FALSE);

  if (counts->gold + counts->predicted == 0)
    return FALSE;

  *f1 = 2.0 * counts->matched / (counts->gold + counts->predicted);
  return TRUE;
}

static void
sm_evaluation_finalize (GObject *object)
{
  SmEvaluation *self = SM_EVALUATION (object);

  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (sm_evaluation_parent_class)->finalize (object);
}

static void
sm_evaluation_class_init (SmEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_evaluation_finalize;
}

static void
sm_evaluation_init (SmEvaluation *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * sm_evaluation_new:
 * @mode: how spans are matched
 *
 * Returns: (transfer full): an evaluation of no document yet
 */
SmEvaluation *
sm_evaluation_new (SmSpanMatchMode mode)
{
  SmEvaluation *self = g_object_new (SM_TYPE_EVALUATION, NULL);

  self->mode = mode;

  return self;
}

SmSpanMatchMode
sm_evaluation_get_mode (SmEvaluation *self)
{
  g_return_val_if_fail (SM_IS_EVALUATION (self), SM_SPAN_MATCH_OVERLAP);

  return self->mode;
}

static SmEvaluationCounts *
lookup_counts (SmEvaluation *self,
               const char   *label)
{
  SmEvaluationCounts *counts = g_hash_table_lookup (self->labels, label);

  if (counts == NULL)
    {
      counts = g_new0 (SmEvaluationCounts, 1);
      g_hash_table_insert (self->labels, g_strdup (label), counts);
    }

  return counts;
}

/* The document's spans that count: the non-empty ones, each counted
 * under its label */
static GPtrArray *
collect_spans (SmEvaluation *self,
               SmDocument   *document,
               gboolean      gold)
{
  GListModel *spans = sm_document_get_spans (document);
  guint n = g_list_model_get_n_items (spans);
  GPtrArray *kept = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      SmEvaluationCounts *counts;

      if (sm_span_match_count_characters (span) == 0)
        continue;

      counts = lookup_counts (self, sm_span_get_label (span));
      if (gold)
        counts->gold++;
      else
        counts->predicted++;

      g_ptr_array_add (kept, g_steal_pointer (&span));
    }

  return kept;
}

static gboolean
has_said_by (SmDocument *document,
             SmSpan     *claim,
             SmSpan     *speaker)
{
  g_autoptr(GPtrArray) relations = sm_document_get_relations_of_span (document, claim);

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (strcmp (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0 &&
          sm_relation_get_from (relation) == claim &&
          sm_relation_get_to (relation) == speaker)
        return TRUE;
    }

  return FALSE;
}

/* The gold's said_by links, each looked for among the prediction's */
static void
count_said_by (SmEvaluation *self,
               SmDocument   *gold,
               SmDocument   *predicted,
               GHashTable   *matches)
{
  GListModel *relations = sm_document_get_relations (gold);
  guint n = g_list_model_get_n_items (relations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);
      SmSpan *claim = sm_relation_get_from (relation);
      SmSpan *speaker = sm_relation_get_to (relation);
      SmSpan *found_claim, *found_speaker;

      if (strcmp (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) != 0 ||
          sm_span_match_count_characters (claim) == 0 ||
          sm_span_match_count_characters (speaker) == 0)
        continue;

      self->said_by.gold++;

      found_claim = g_hash_table_lookup (matches, claim);
      if (found_claim == NULL)
        continue;

      self->said_by.claim_found++;

      found_speaker = g_hash_table_lookup (matches, speaker);
      if (found_speaker != NULL && has_said_by (predicted, found_claim, found_speaker))
        self->said_by.found++;
    }
}

/**
 * sm_evaluation_add_documents:
 * @self: an evaluation
 * @gold: the annotation taken as right
 * @predicted: a prediction of the same text
 *
 * Matches the two documents' spans and adds their counts to the totals.
 */
void
sm_evaluation_add_documents (SmEvaluation *self,
                             SmDocument   *gold,
                             SmDocument   *predicted)
{
  g_autoptr(GPtrArray) gold_spans = NULL;
  g_autoptr(GPtrArray) predicted_spans = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GHashTable) matches = NULL;

  g_return_if_fail (SM_IS_EVALUATION (self));
  g_return_if_fail (SM_IS_DOCUMENT (gold));
  g_return_if_fail (SM_IS_DOCUMENT (predicted));

  gold_spans = collect_spans (self, gold, TRUE);
  predicted_spans = collect_spans (self, predicted, FALSE);
  pairs = sm_span_match (gold_spans, predicted_spans, self->mode);

  matches = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      const SmSpanPair *pair = &g_array_index (pairs, SmSpanPair, i);
      SmSpan *span = g_ptr_array_index (gold_spans, pair->a);

      lookup_counts (self, sm_span_get_label (span))->matched++;
      g_hash_table_insert (matches, span, g_ptr_array_index (predicted_spans, pair->b));
    }

  count_said_by (self, gold, predicted, matches);
  self->n_documents++;
}

/**
 * sm_evaluation_get_n_documents:
 *
 * Returns: how many pairs of documents were added
 */
guint
sm_evaluation_get_n_documents (SmEvaluation *self)
{
  g_return_val_if_fail (SM_IS_EVALUATION (self), 0);

  return self->n_documents;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * sm_evaluation_dup_labels:
 *
 * Returns: (transfer full): the labels of the non-empty spans of either
 *   side, in the order of their ids
 */
char **
sm_evaluation_dup_labels (SmEvaluation *self)
{
  GPtrArray *labels;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SM_IS_EVALUATION (self), NULL);

  labels = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (labels, g_strdup (key));

  g_ptr_array_sort (labels, compare_strings);
  g_ptr_array_add (labels, NULL);

  return (char **) g_ptr_array_free (labels, FALSE);
}

/**
 * sm_evaluation_get_counts:
 * @self: an evaluation
 * @label: a label id
 * @counts: (out caller-allocates): the label's pooled counts, all 0 for a
 *   label no span has
 */
void
sm_evaluation_get_counts (SmEvaluation       *self,
                          const char         *label,
                          SmEvaluationCounts *counts)
{
  SmEvaluationCounts *found;

  g_return_if_fail (SM_IS_EVALUATION (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (counts != NULL);

  found = g_hash_table_lookup (self->labels, label);
  if (found != NULL)
    *counts = *found;
  else
    memset (counts, 0, sizeof *counts);
}

/**
 * sm_evaluation_get_said_by:
 * @self: an evaluation
 * @counts: (out caller-allocates): the gold's said_by links, found or not
 */
void
sm_evaluation_get_said_by (SmEvaluation   *self,
                           SmSaidByCounts *counts)
{
  g_return_if_fail (SM_IS_EVALUATION (self));
  g_return_if_fail (counts != NULL);

  *counts = self->said_by;
}
