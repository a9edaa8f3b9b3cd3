/* test-evaluate.c: span matching and the figures of an evaluation, by hand.
 *
 * Every expected number here was worked out on paper from the spans the
 * test makes; the comments show the fractions.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-evaluation.h"
#include "sm-span-match.h"

static SmDocument *
document_new (void)
{
  g_autofree char *data = g_strnfill (200, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new (data, -1, &error);

  g_assert_no_error (error);

  return sm_document_new (text, "test");
}

static SmSpan *
add (SmDocument *document,
     const char *label,
     guint       start,
     guint       end)
{
  g_autoptr(GError) error = NULL;
  SmSpan *span = sm_document_add_span (document, label, start, end, &error);

  g_assert_no_error (error);

  return span;
}

static void
attribute (SmDocument *document,
      SmSpan     *claim,
      SmSpan     *speaker)
{
  g_autoptr(GError) error = NULL;

  sm_document_add_relation (document, SM_RELATION_SAID_BY, claim, speaker, &error);
  g_assert_no_error (error);
}

static SmEvaluationCounts
evaluate_label (SmDocument      *gold,
                SmDocument      *predicted,
                SmSpanMatchMode  mode,
                const char      *label)
{
  g_autoptr(SmEvaluation) evaluation = sm_evaluation_new (mode);
  SmEvaluationCounts counts;

  sm_evaluation_add_documents (evaluation, gold, predicted);
  sm_evaluation_get_counts (evaluation, label, &counts);

  return counts;
}

/* How many of @gold's CLAIM [0, 100) and @predicted's one CLAIM match */
static guint64
overlap_matches (guint gold_start,
                 guint gold_end,
                 guint start,
                 guint end)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();

  add (gold, SM_LABEL_CLAIM, gold_start, gold_end);
  add (predicted, SM_LABEL_CLAIM, start, end);

  return evaluate_label (gold, predicted, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM).matched;
}

/* A macro, so that the figure is read after the call that sets it */
#define assert_figure(call, value, expected) G_STMT_START {        \
    g_assert_true (call);                                           \
    g_assert_cmpfloat_with_epsilon ((value), (expected), 1e-12);    \
  } G_STMT_END

static void
test_exact_and_overlap (void)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  SmEvaluationCounts counts;
  double value;

  add (gold, SM_LABEL_CLAIM, 0, 10);
  add (gold, SM_LABEL_SPEAKER, 20, 30);
  add (predicted, SM_LABEL_CLAIM, 0, 9);       /* IoU 9/10 */
  add (predicted, SM_LABEL_SPEAKER, 20, 30);   /* the same */

  counts = evaluate_label (gold, predicted, SM_SPAN_MATCH_EXACT, SM_LABEL_CLAIM);
  g_assert_cmpuint (counts.gold, ==, 1);
  g_assert_cmpuint (counts.predicted, ==, 1);
  g_assert_cmpuint (counts.matched, ==, 0);
  assert_figure (sm_evaluation_counts_get_precision (&counts, &value), value, 0.0);
  assert_figure (sm_evaluation_counts_get_recall (&counts, &value), value, 0.0);
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 0.0);
  counts = evaluate_label (gold, predicted, SM_SPAN_MATCH_EXACT, SM_LABEL_SPEAKER);
  g_assert_cmpuint (counts.matched, ==, 1);

  counts = evaluate_label (gold, predicted, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM);
  g_assert_cmpuint (counts.matched, ==, 1);
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 1.0);

  /* Overlap never crosses labels */
  g_assert_cmpuint (overlap_matches (0, 10, 0, 10), ==, 1);
  {
    g_autoptr(SmDocument) g = document_new ();
    g_autoptr(SmDocument) p = document_new ();

    add (g, SM_LABEL_CLAIM, 0, 10);
    add (p, SM_LABEL_SPEAKER, 0, 10);
    g_assert_cmpuint (evaluate_label (g, p, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM).matched, ==, 0);
  }
}

/* 2·|∩| ≥ |∪| counts, compared in integers */
static void
test_half_counts (void)
{
  g_assert_cmpuint (overlap_matches (0, 100, 0, 50), ==, 1);    /* 50/100 */
  g_assert_cmpuint (overlap_matches (0, 100, 0, 49), ==, 0);    /* 49/100 */
  g_assert_cmpuint (overlap_matches (0, 50, 0, 100), ==, 1);    /* 50/100 */
  g_assert_cmpuint (overlap_matches (0, 49, 0, 100), ==, 0);    /* 49/100 */
  g_assert_cmpuint (overlap_matches (0, 30, 10, 40), ==, 1);    /* 20/40 */
  g_assert_cmpuint (overlap_matches (0, 30, 11, 40), ==, 0);    /* 19/40 */
  g_assert_cmpuint (overlap_matches (0, 3, 1, 4), ==, 1);       /* 2/4 */
  g_assert_cmpuint (overlap_matches (0, 10, 10, 20), ==, 0);    /* touching: 0/20 */
}

/* A discontinuous span's characters are those of its fragments, not of
 * the gap between them; exact needs the same fragments */
static void
test_fragments (void)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) same = document_new ();
  g_autoptr(SmDocument) half = document_new ();
  g_autoptr(SmDocument) extent = document_new ();
  g_autoptr(GError) error = NULL;
  SmSpan *span;

  span = add (gold, SM_LABEL_CLAIM, 0, 10);
  sm_document_add_fragment (gold, span, 20, 30, &error);   /* 20 characters */
  g_assert_no_error (error);
  span = add (same, SM_LABEL_CLAIM, 0, 10);
  sm_document_add_fragment (same, span, 20, 30, &error);
  g_assert_no_error (error);
  add (half, SM_LABEL_CLAIM, 0, 10);                       /* 10/20 */
  add (extent, SM_LABEL_CLAIM, 0, 30);                     /* 20/30 */

  g_assert_cmpuint (evaluate_label (gold, same, SM_SPAN_MATCH_EXACT, SM_LABEL_CLAIM).matched, ==, 1);
  g_assert_cmpuint (evaluate_label (gold, extent, SM_SPAN_MATCH_EXACT, SM_LABEL_CLAIM).matched, ==, 0);
  g_assert_cmpuint (evaluate_label (gold, half, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM).matched, ==, 1);
  g_assert_cmpuint (evaluate_label (gold, extent, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM).matched, ==, 1);
  g_assert_cmpuint (sm_span_match_count_characters (span), ==, 20);
}

/* Two predictions over one gold span: one of them matches, the other is
 * a false positive */
static void
test_one_to_one (void)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  SmEvaluationCounts counts;
  double value;

  add (gold, SM_LABEL_CLAIM, 0, 10);
  add (predicted, SM_LABEL_CLAIM, 0, 10);
  add (predicted, SM_LABEL_CLAIM, 0, 8);

  counts = evaluate_label (gold, predicted, SM_SPAN_MATCH_OVERLAP, SM_LABEL_CLAIM);
  g_assert_cmpuint (counts.gold, ==, 1);
  g_assert_cmpuint (counts.predicted, ==, 2);
  g_assert_cmpuint (counts.matched, ==, 1);
  assert_figure (sm_evaluation_counts_get_precision (&counts, &value), value, 0.5);
  assert_figure (sm_evaluation_counts_get_recall (&counts, &value), value, 1.0);
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 2.0 / 3.0);
}

static GPtrArray *
spans_of (SmDocument *document,
          gboolean    reversed)
{
  GListModel *spans = sm_document_get_spans (document);
  guint n = g_list_model_get_n_items (spans);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (spans, reversed ? n - 1 - i : i));

  return array;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Matches @gold against @predicted, the spans given in document order and
 * then in reverse, which must not change the pairs; returns the pairs as
 * "gold start-predicted start ..." */
static char *
match_pairs (SmDocument      *gold,
             SmDocument      *predicted,
             SmSpanMatchMode  mode)
{
  g_autoptr(GString) result = g_string_new (NULL);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) a = spans_of (gold, round == 1);
      g_autoptr(GPtrArray) b = spans_of (predicted, round == 1);
      g_autoptr(GArray) pairs = sm_span_match (a, b, mode);
      g_autoptr(GString) these = g_string_new (NULL);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < pairs->len; i++)
        {
          SmSpanPair *pair = &g_array_index (pairs, SmSpanPair, i);
          SmSpan *x = g_ptr_array_index (a, pair->a), *y = g_ptr_array_index (b, pair->b);

          g_ptr_array_add (sorted, g_strdup_printf ("%u:%u-%u:%u",
                                                    sm_span_get_start (x), sm_span_get_end (x),
                                                    sm_span_get_start (y), sm_span_get_end (y)));
        }
      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf (these, "%s%s", i ? " " : "", (char *) g_ptr_array_index (sorted, i));

      if (round == 0)
        g_string_assign (result, these->str);
      else
        g_assert_cmpstr (these->str, ==, result->str);
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* The best match is taken first, even when it is not the first gold
 * span's best */
static void
test_best_first (void)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  g_autoptr(SmDocument) two = document_new ();
  g_autofree char *pairs = NULL;

  add (gold, SM_LABEL_CLAIM, 0, 10);
  add (gold, SM_LABEL_CLAIM, 0, 12);
  add (predicted, SM_LABEL_CLAIM, 0, 11);   /* 10/11 with the first, 11/12 with the second */

  pairs = match_pairs (gold, predicted, SM_SPAN_MATCH_OVERLAP);
  g_assert_cmpstr (pairs, ==, "0:12-0:11");
  g_clear_pointer (&pairs, g_free);

  /* With [0, 10) predicted too, both gold spans find one */
  add (two, SM_LABEL_CLAIM, 0, 11);
  add (two, SM_LABEL_CLAIM, 0, 10);
  pairs = match_pairs (gold, two, SM_SPAN_MATCH_OVERLAP);
  g_assert_cmpstr (pairs, ==, "0:10-0:10 0:12-0:11");
}

/* Equal IoU: the earlier gold start first, then the earlier predicted */
static void
test_ties_by_position (void)
{
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  g_autoptr(SmDocument) one_gold = document_new ();
  g_autoptr(SmDocument) two_predicted = document_new ();
  g_autofree char *pairs = NULL;

  add (gold, SM_LABEL_CLAIM, 0, 4);
  add (gold, SM_LABEL_CLAIM, 2, 6);
  add (predicted, SM_LABEL_CLAIM, 1, 5);    /* 3/5 with each */
  pairs = match_pairs (gold, predicted, SM_SPAN_MATCH_OVERLAP);
  g_assert_cmpstr (pairs, ==, "0:4-1:5");
  g_clear_pointer (&pairs, g_free);

  add (one_gold, SM_LABEL_CLAIM, 1, 5);
  add (two_predicted, SM_LABEL_CLAIM, 2, 6);
  add (two_predicted, SM_LABEL_CLAIM, 0, 4);  /* 3/5 with each */
  pairs = match_pairs (one_gold, two_predicted, SM_SPAN_MATCH_OVERLAP);
  g_assert_cmpstr (pairs, ==, "1:5-0:4");
}

/* An empty span (none in a valid document, but a suggestion or a range
 * read elsewhere may be) is neither found nor missed: not even by another
 * empty span, nor one whose fragments are all empty */
static void
test_empty_spans (void)
{
  const guint empty[] = { 5, 5 }, full[] = { 6, 9 }, emptied[] = { 10, 10, 12, 12 };
  const SmSpanMatchItem a[] = {
    { SM_LABEL_CLAIM, empty, 1 },
    { SM_LABEL_CLAIM, full, 1 },
    { SM_LABEL_CLAIM, emptied, 2 },
  };
  const SmSpanMatchItem b[] = {
    { SM_LABEL_CLAIM, emptied, 2 },
    { SM_LABEL_CLAIM, empty, 1 },
    { SM_LABEL_CLAIM, full, 1 },
  };

  for (SmSpanMatchMode mode = SM_SPAN_MATCH_EXACT; mode <= SM_SPAN_MATCH_OVERLAP; mode++)
    {
      g_autoptr(GArray) pairs = sm_span_match_items (a, G_N_ELEMENTS (a), b, G_N_ELEMENTS (b), mode);
      SmSpanPair *pair;

      g_assert_cmpuint (pairs->len, ==, 1);
      pair = &g_array_index (pairs, SmSpanPair, 0);
      g_assert_cmpuint (pair->a, ==, 1);
      g_assert_cmpuint (pair->b, ==, 2);
    }

  {
    g_autoptr(GArray) none = sm_span_match_items (a, 0, NULL, 0, SM_SPAN_MATCH_OVERLAP);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* Counts are summed over the documents before dividing: not an average
 * of each document's figures */
static void
test_pooling (void)
{
  g_autoptr(SmEvaluation) evaluation = sm_evaluation_new (SM_SPAN_MATCH_EXACT);
  g_autoptr(SmDocument) gold1 = document_new ();
  g_autoptr(SmDocument) predicted1 = document_new ();
  g_autoptr(SmDocument) gold2 = document_new ();
  g_autoptr(SmDocument) predicted2 = document_new ();
  g_auto(GStrv) labels = NULL;
  SmEvaluationCounts counts;
  double value;

  /* Document 1: 2 gold, 1 predicted, found: P 1/1, R 1/2 */
  add (gold1, SM_LABEL_CLAIM, 0, 10);
  add (gold1, SM_LABEL_CLAIM, 20, 30);
  add (predicted1, SM_LABEL_CLAIM, 0, 10);
  /* Document 2: 1 gold, 3 predicted, one of them found: P 1/3, R 1/1 */
  add (gold2, SM_LABEL_CLAIM, 40, 50);
  add (predicted2, SM_LABEL_CLAIM, 40, 50);
  add (predicted2, SM_LABEL_CLAIM, 60, 70);
  add (predicted2, SM_LABEL_CLAIM, 80, 90);

  sm_evaluation_add_documents (evaluation, gold1, predicted1);
  sm_evaluation_add_documents (evaluation, gold2, predicted2);
  g_assert_cmpuint (sm_evaluation_get_n_documents (evaluation), ==, 2);

  /* Pooled: 3 gold, 4 predicted, 2 matched (the averages would be P 2/3,
   * R 3/4) */
  sm_evaluation_get_counts (evaluation, SM_LABEL_CLAIM, &counts);
  g_assert_cmpuint (counts.gold, ==, 3);
  g_assert_cmpuint (counts.predicted, ==, 4);
  g_assert_cmpuint (counts.matched, ==, 2);
  assert_figure (sm_evaluation_counts_get_precision (&counts, &value), value, 2.0 / 4.0);
  assert_figure (sm_evaluation_counts_get_recall (&counts, &value), value, 2.0 / 3.0);
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 4.0 / 7.0);

  labels = sm_evaluation_dup_labels (evaluation);
  g_assert_cmpstrv (labels, ((const char * const[]) { SM_LABEL_CLAIM, NULL }));
}

static void
test_said_by (void)
{
  g_autoptr(SmEvaluation) evaluation = sm_evaluation_new (SM_SPAN_MATCH_OVERLAP);
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  SmSpan *claim, *speaker, *other;
  SmSaidByCounts counts;

  /* 1: claim and speaker found, and linked: found */
  claim = add (gold, SM_LABEL_CLAIM, 0, 20);
  speaker = add (gold, SM_LABEL_SPEAKER, 20, 30);
  attribute (gold, claim, speaker);
  claim = add (predicted, SM_LABEL_CLAIM, 0, 19);
  speaker = add (predicted, SM_LABEL_SPEAKER, 20, 29);
  attribute (predicted, claim, speaker);

  /* 2: the claim found, linked to another speaker than the gold's match */
  claim = add (gold, SM_LABEL_CLAIM, 40, 60);
  speaker = add (gold, SM_LABEL_SPEAKER, 60, 70);
  attribute (gold, claim, speaker);
  claim = add (predicted, SM_LABEL_CLAIM, 40, 60);
  add (predicted, SM_LABEL_SPEAKER, 60, 70);
  other = add (predicted, SM_LABEL_SPEAKER, 75, 80);
  attribute (predicted, claim, other);

  /* 3: both ends found, not linked */
  claim = add (gold, SM_LABEL_CLAIM, 100, 120);
  speaker = add (gold, SM_LABEL_SPEAKER, 120, 130);
  attribute (gold, claim, speaker);
  add (predicted, SM_LABEL_CLAIM, 100, 120);
  add (predicted, SM_LABEL_SPEAKER, 120, 130);

  /* 4: the claim missed, the speaker found */
  claim = add (gold, SM_LABEL_CLAIM, 140, 160);
  speaker = add (gold, SM_LABEL_SPEAKER, 160, 170);
  attribute (gold, claim, speaker);
  add (predicted, SM_LABEL_SPEAKER, 160, 170);

  sm_evaluation_add_documents (evaluation, gold, predicted);
  sm_evaluation_get_said_by (evaluation, &counts);
  g_assert_cmpuint (counts.gold, ==, 4);
  g_assert_cmpuint (counts.claim_found, ==, 3);
  g_assert_cmpuint (counts.found, ==, 1);

  /* Exact loses the first, whose spans are off by one character */
  g_clear_object (&evaluation);
  evaluation = sm_evaluation_new (SM_SPAN_MATCH_EXACT);
  sm_evaluation_add_documents (evaluation, gold, predicted);
  sm_evaluation_get_said_by (evaluation, &counts);
  g_assert_cmpuint (counts.gold, ==, 4);
  g_assert_cmpuint (counts.claim_found, ==, 2);
  g_assert_cmpuint (counts.found, ==, 0);
}

/* A label only one side has: precision needs a prediction, recall a gold
 * span; F1 is 0 either way */
static void
test_one_sided_labels (void)
{
  g_autoptr(SmEvaluation) evaluation = sm_evaluation_new (SM_SPAN_MATCH_OVERLAP);
  g_autoptr(SmDocument) gold = document_new ();
  g_autoptr(SmDocument) predicted = document_new ();
  g_auto(GStrv) labels = NULL;
  SmEvaluationCounts counts;
  double value;

  add (gold, SM_LABEL_FIGURE, 0, 5);
  add (gold, SM_LABEL_FIGURE, 10, 15);
  add (predicted, SM_LABEL_SPEAKER, 0, 5);

  sm_evaluation_add_documents (evaluation, gold, predicted);
  labels = sm_evaluation_dup_labels (evaluation);
  g_assert_cmpstrv (labels, ((const char * const[]) { SM_LABEL_FIGURE, SM_LABEL_SPEAKER, NULL }));

  sm_evaluation_get_counts (evaluation, SM_LABEL_FIGURE, &counts);
  g_assert_cmpuint (counts.gold, ==, 2);
  g_assert_cmpuint (counts.predicted, ==, 0);
  g_assert_false (sm_evaluation_counts_get_precision (&counts, &value));
  assert_figure (sm_evaluation_counts_get_recall (&counts, &value), value, 0.0);
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 0.0);

  sm_evaluation_get_counts (evaluation, SM_LABEL_SPEAKER, &counts);
  g_assert_cmpuint (counts.gold, ==, 0);
  g_assert_cmpuint (counts.predicted, ==, 1);
  assert_figure (sm_evaluation_counts_get_precision (&counts, &value), value, 0.0);
  g_assert_false (sm_evaluation_counts_get_recall (&counts, &value));
  assert_figure (sm_evaluation_counts_get_f1 (&counts, &value), value, 0.0);

  /* A label neither side has: nothing defined */
  sm_evaluation_get_counts (evaluation, SM_LABEL_CLAIM, &counts);
  g_assert_cmpuint (counts.gold + counts.predicted + counts.matched, ==, 0);
  g_assert_false (sm_evaluation_counts_get_f1 (&counts, &value));
}

static void
test_mode_names (void)
{
  SmSpanMatchMode mode;

  g_assert_true (sm_span_match_mode_from_string ("exact", &mode));
  g_assert_cmpint (mode, ==, SM_SPAN_MATCH_EXACT);
  g_assert_true (sm_span_match_mode_from_string ("overlap", &mode));
  g_assert_cmpint (mode, ==, SM_SPAN_MATCH_OVERLAP);
  g_assert_false (sm_span_match_mode_from_string ("Overlap", &mode));
  g_assert_cmpstr (sm_span_match_mode_to_string (SM_SPAN_MATCH_EXACT), ==, "exact");
  g_assert_cmpstr (sm_span_match_mode_to_string (SM_SPAN_MATCH_OVERLAP), ==, "overlap");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluate/exact-and-overlap", test_exact_and_overlap);
  g_test_add_func ("/evaluate/half-counts", test_half_counts);
  g_test_add_func ("/evaluate/fragments", test_fragments);
  g_test_add_func ("/evaluate/one-to-one", test_one_to_one);
  g_test_add_func ("/evaluate/best-first", test_best_first);
  g_test_add_func ("/evaluate/ties-by-position", test_ties_by_position);
  g_test_add_func ("/evaluate/empty-spans", test_empty_spans);
  g_test_add_func ("/evaluate/pooling", test_pooling);
  g_test_add_func ("/evaluate/said-by", test_said_by);
  g_test_add_func ("/evaluate/one-sided-labels", test_one_sided_labels);
  g_test_add_func ("/evaluate/mode-names", test_mode_names);

  return g_test_run ();
}
