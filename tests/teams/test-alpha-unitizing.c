/* test-alpha-unitizing.c: Krippendorff's unitizing alpha against the
 * values Krippendorff published and DKPro Statistics reproduces, and
 * against small cases computed by hand.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-alpha-unitizing.h"

/* One unit of a study as DKPro's tests add it: annotator, offset, length */
typedef struct
{
  guint rater;
  guint offset;
  guint length;
} StudyUnit;

/* The annotators' units of one category, offsets and lengths each times
 * @stretch / @shrink rounded down (as DKPro's createExample(stretch) casts
 * them to int), then moved by -@begin so the continuum starts at 0 (alpha
 * depends only on lengths and differences) */
static GPtrArray *
make_units (guint            raters,
            const StudyUnit *study,
            gsize            n_units,
            guint            begin,
            guint            stretch,
            guint            shrink)
{
  GPtrArray *units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint r = 0; r < raters; r++)
    g_ptr_array_add (units, g_array_new (FALSE, FALSE, sizeof (SmUnit)));

  for (gsize i = 0; i < n_units; i++)
    {
      guint offset = study[i].offset * stretch / shrink;
      SmUnit unit = {
        .start = offset - begin,
        .end = offset + study[i].length * stretch / shrink - begin,
      };

      g_array_append_val (g_ptr_array_index (units, study[i].rater), unit);
    }

  for (guint r = 0; r < raters; r++)
    sm_units_merge (g_ptr_array_index (units, r));

  return units;
}

/* Krippendorff (2004, p. 254), as DKPro Statistics' Krippendorff2004Test
 * builds it: two observers, continuum [150, 450), categories c and k. */
static const StudyUnit example_2004_c[] = {
  { 0, 225, 70 }, { 0, 370, 30 },
  { 1, 220, 80 }, { 1, 355, 20 }, { 1, 400, 20 },
};
static const StudyUnit example_2004_k[] = {
  { 0, 180, 60 }, { 0, 300, 50 },
  { 1, 180, 60 }, { 1, 300, 50 },
};

static void
test_krippendorff_2004 (void)
{
  g_autoptr(GPtrArray) c = make_units (2, example_2004_c, G_N_ELEMENTS (example_2004_c), 150, 1, 1);
  g_autoptr(GPtrArray) k = make_units (2, example_2004_k, G_N_ELEMENTS (example_2004_k), 150, 1, 1);
  double observed_c, expected_c, observed_k, expected_k, alpha;

  g_assert_true (sm_alpha_unitizing_disagreement (300, c, &observed_c, &expected_c));
  g_assert_true (sm_alpha_unitizing_disagreement (300, k, &observed_k, &expected_k));

  /* Krippendorff2004Test.testCategoryAgreement: c's D_o 0.0144, D_e
   * 0.0532, alpha 0.7286; k's 0.0000, 0.0490, 1.0000; all ± 0.0001 */
  g_assert_cmpfloat_with_epsilon (observed_c, 0.0144, 0.0001);
  g_assert_cmpfloat_with_epsilon (expected_c, 0.0532, 0.0001);
  g_assert_true (sm_alpha_unitizing (300, c, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 0.7286, 0.0001);

  g_assert_cmpfloat_with_epsilon (observed_k, 0.0000, 0.0001);
  g_assert_cmpfloat_with_epsilon (expected_k, 0.0490, 0.0001);
  g_assert_true (sm_alpha_unitizing (300, k, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 1.0000, 0.0001);

  /* Krippendorff2004Test.testAgreement: both categories together (1 - mean
   * D_o / mean D_e, DKPro's calculateAgreement) 0.8591 ± 0.0005 */
  alpha = 1.0 - (observed_c + observed_k) / (expected_c + expected_k);
  g_assert_cmpfloat_with_epsilon (alpha, 0.8591, 0.0005);
}

/* Krippendorff (1995, p. 57), as DKPro Statistics' Krippendorff1995Test
 * builds it (createExample): four pairs of coders, one category each, on
 * [0, 24) stretched by a factor. */
static const StudyUnit example_1995_a[] = {
  { 0, 2, 8 }, { 0, 14, 6 },
  { 1, 4, 4 }, { 1, 15, 2 },
};
static const StudyUnit example_1995_b[] = {
  { 0, 0, 18 },
  { 1, 0, 2 }, { 1, 2, 1 }, { 1, 3, 1 }, { 1, 4, 1 }, { 1, 5, 1 },
  { 1, 6, 3 }, { 1, 9, 1 },
};
static const StudyUnit example_1995_c[] = {
  { 0, 2, 6 }, { 0, 10, 2 }, { 0, 14, 4 }, { 0, 20, 2 },
  { 1, 0, 2 }, { 1, 4, 4 }, { 1, 10, 4 }, { 1, 16, 2 }, { 1, 20, 2 },
};
static const StudyUnit example_1995_d[] = {
  { 0, 0, 2 }, { 0, 2, 8 }, { 0, 10, 4 }, { 0, 14, 6 }, { 0, 20, 4 },
  { 1, 0, 4 }, { 1, 4, 4 }, { 1, 8, 7 }, { 1, 15, 2 }, { 1, 17, 7 },
};

typedef struct
{
  const StudyUnit *study;
  gsize            n_units;
  double           observed;  /* at stretch 1 */
  double           expected;  /* at stretch 50000 */
  double           alpha;     /* at stretch 50000 */
} Example1995;

static void
test_krippendorff_1995 (void)
{
  /* Krippendorff1995Test.testAgreement: D_o at stretch 1 ± 0.00001; D_e
   * at stretch 1200000 / 24 ± 0.005; alpha there ± 0.02. The D_e are
   * Krippendorff's published ones; DKPro's own code (run on this study)
   * gives 0.06990, 1.17578, 0.09050 and 0.41445, hence the tolerance. */
  const Example1995 categories[] = {
    { example_1995_a, G_N_ELEMENTS (example_1995_a), 0.03125, 0.06990, 0.553 },
    { example_1995_b, G_N_ELEMENTS (example_1995_b), 2.26736, 1.17731, -0.926 },
    { example_1995_c, G_N_ELEMENTS (example_1995_c), 0.02777, 0.08642, 0.679 },
    { example_1995_d, G_N_ELEMENTS (example_1995_d), 0.38715, 0.41445, 0.066 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const Example1995 *e = &categories[i];
      g_autoptr(GPtrArray) small = make_units (2, e->study, e->n_units, 0, 1, 1);
      g_autoptr(GPtrArray) large = make_units (2, e->study, e->n_units, 0, 50000, 1);
      double observed, expected, alpha;

      g_assert_true (sm_alpha_unitizing_disagreement (24, small, &observed, &expected));
      g_assert_cmpfloat_with_epsilon (observed, e->observed, 0.00001);

      g_assert_true (sm_alpha_unitizing_disagreement (24 * 50000, large, &observed, &expected));
      g_assert_cmpfloat_with_epsilon (expected, e->expected, 0.005);
      g_assert_true (sm_alpha_unitizing (24 * 50000, large, &alpha));
      g_assert_cmpfloat_with_epsilon (alpha, e->alpha, 0.02);
    }
}

static void
test_krippendorff_1995_stretched (void)
{
  /* Krippendorff1995Test.testVaryingLengths, category C: D_o stays 0.02777
   * (± 0.00001) whatever the stretch; at stretch 12/24 (length 12) D_e is
   * 0.05494 (± 0.00001) and alpha 0.494 (± 0.02); at stretch 120/24
   * (length 120) D_e 0.08234 (± 0.005) and alpha 0.663 (± 0.02). */
  g_autoptr(GPtrArray) small = make_units (2, example_1995_c, G_N_ELEMENTS (example_1995_c), 0, 1, 2);
  g_autoptr(GPtrArray) five = make_units (2, example_1995_c, G_N_ELEMENTS (example_1995_c), 0, 5, 1);
  double observed, expected, alpha;

  g_assert_true (sm_alpha_unitizing_disagreement (12, small, &observed, &expected));
  g_assert_cmpfloat_with_epsilon (observed, 0.02777, 0.00001);
  g_assert_cmpfloat_with_epsilon (expected, 0.05494, 0.00001);
  g_assert_true (sm_alpha_unitizing (12, small, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 0.494, 0.02);

  g_assert_true (sm_alpha_unitizing_disagreement (120, five, &observed, &expected));
  g_assert_cmpfloat_with_epsilon (observed, 0.02777, 0.00001);
  g_assert_cmpfloat_with_epsilon (expected, 0.08234, 0.005);
  g_assert_true (sm_alpha_unitizing (120, five, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 0.663, 0.02);
}

static void
test_identical (void)
{
  /* Identical annotations: D_o = 0 and D_e > 0, so alpha is 1 */
  const StudyUnit study[] = {
    { 0, 1, 3 }, { 0, 6, 2 },
    { 1, 1, 3 }, { 1, 6, 2 },
    { 2, 1, 3 }, { 2, 6, 2 },
  };
  g_autoptr(GPtrArray) units = make_units (3, study, G_N_ELEMENTS (study), 0, 1, 1);
  double alpha = -2;

  g_assert_true (sm_alpha_unitizing (10, units, &alpha));
  g_assert_cmpfloat (alpha, ==, 1.0);
}

static void
test_undefined (void)
{
  g_autoptr(GPtrArray) none = make_units (3, NULL, 0, 0, 1, 1);
  const StudyUnit alone[] = { { 0, 1, 3 } };
  g_autoptr(GPtrArray) one_rater = make_units (1, alone, G_N_ELEMENTS (alone), 0, 1, 1);
  double alpha = -2;

  /* No annotator has a unit: nothing to agree on */
  g_assert_false (sm_alpha_unitizing (10, none, &alpha));
  /* A single annotator has no one to agree with */
  g_assert_false (sm_alpha_unitizing (10, one_rater, &alpha));
  g_assert_cmpfloat (alpha, ==, -2);
}

static void
test_equal_disagreements (void)
{
  /* Both annotators mark the one position of a continuum of length 1:
   * D_o = 0 (same units), and D_e = 0 too: (N-1)(2l³ - 3l² + l)/3 is 0 for
   * l = 1 and there is no gap. DKPro's calculateCategoryAgreement gives 0
   * when D_o equals D_e, not 0/0. */
  const StudyUnit study[] = { { 0, 0, 1 }, { 1, 0, 1 } };
  g_autoptr(GPtrArray) units = make_units (2, study, G_N_ELEMENTS (study), 0, 1, 1);
  double observed = -1, expected = -1, alpha = -2;

  g_assert_true (sm_alpha_unitizing_disagreement (1, units, &observed, &expected));
  g_assert_cmpfloat (observed, ==, 0.0);
  g_assert_cmpfloat (expected, ==, 0.0);
  g_assert_true (sm_alpha_unitizing (1, units, &alpha));
  g_assert_cmpfloat (alpha, ==, 0.0);
}

static void
test_two_annotators (void)
{
  /* By hand, on [0, 10): A has [0,2) and [2,4) (touching, two units), B has
   * [0,4) and [7,9).
   * D_o: A[0,2)–B[0,4): 0² + 2² = 4; A[2,4)–B[0,4): 2² + 0² = 4; B[7,9) lies
   *   in A's gap: 2² = 4. 2 · 12 / (2 · 1 · 10²) = 0.12
   * D_e: N = 4, Σ l(l-1) = 2 + 2 + 12 + 2 = 18, gaps 6 (A), 3 and 1 (B).
   *   l = 2 (three units): 3 · (16 - 12 + 2)/3 + 4 · ((3-1) + (6-1)) = 34
   *   l = 4: 3 · (128 - 48 + 4)/3 + 16 · (6-3) = 132
   *   (3 · 34 + 132) · 2/10 / (20 · 19 - 18) = 46.8 / 362 = 0.1292817…
   * alpha = 1 - 0.12 · 362 / 46.8 = 0.0717948… */
  const StudyUnit study[] = {
    { 0, 0, 2 }, { 0, 2, 2 },
    { 1, 0, 4 }, { 1, 7, 2 },
  };
  g_autoptr(GPtrArray) units = make_units (2, study, G_N_ELEMENTS (study), 0, 1, 1);
  double observed, expected, alpha;

  g_assert_true (sm_alpha_unitizing_disagreement (10, units, &observed, &expected));
  g_assert_cmpfloat_with_epsilon (observed, 0.12, 1e-12);
  g_assert_cmpfloat_with_epsilon (expected, 46.8 / 362, 1e-12);
  g_assert_true (sm_alpha_unitizing (10, units, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 1 - 0.12 * 362 / 46.8, 1e-12);
}

static void
test_three_annotators (void)
{
  /* By hand, on [0, 10): A and B have [2,5), C has [3,5).
   * D_o: A–B 0; A–C and B–C 1² + 0² = 1 each. 2 · 2 / (3 · 2 · 10²) = 1/150
   * D_e: N = 3, Σ l(l-1) = 6 + 6 + 2 = 14, gaps 2, 5 (A), 2, 5 (B), 3, 5 (C).
   *   l = 3 (two units): 2 · (54 - 27 + 3)/3 + 9 · (1 + 3 + 3 + 3) = 110
   *   l = 2: 2 · (16 - 12 + 2)/3 + 4 · (1 + 1 + 2 + 4 + 4 + 4) = 68
   *   (2 · 110 + 68) · 2/10 / (30 · 29 - 14) = 57.6 / 856
   * alpha = 1 - (1/150) · 856 / 57.6 = 0.9009259… */
  const StudyUnit study[] = {
    { 0, 2, 3 },
    { 1, 2, 3 },
    { 2, 3, 2 },
  };
  g_autoptr(GPtrArray) units = make_units (3, study, G_N_ELEMENTS (study), 0, 1, 1);
  double observed, expected, alpha;

  g_assert_true (sm_alpha_unitizing_disagreement (10, units, &observed, &expected));
  g_assert_cmpfloat_with_epsilon (observed, 1.0 / 150, 1e-12);
  g_assert_cmpfloat_with_epsilon (expected, 57.6 / 856, 1e-12);
  g_assert_true (sm_alpha_unitizing (10, units, &alpha));
  g_assert_cmpfloat_with_epsilon (alpha, 1 - 856 / (150 * 57.6), 1e-12);
}

static void
test_merge (void)
{
  /* Unsorted; [0,3) and [2,4) overlap, [6,7) lies inside [5,8), [8,10)
   * only touches [5,8), [12,12) is empty */
  const SmUnit in[] = { { 5, 8 }, { 0, 3 }, { 8, 10 }, { 2, 4 }, { 6, 7 }, { 12, 12 } };
  const SmUnit out[] = { { 0, 4 }, { 5, 8 }, { 8, 10 } };
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (SmUnit));

  g_array_append_vals (units, in, G_N_ELEMENTS (in));
  sm_units_merge (units);

  g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (out));
  for (guint i = 0; i < units->len; i++)
    {
      g_assert_cmpuint (g_array_index (units, SmUnit, i).start, ==, out[i].start);
      g_assert_cmpuint (g_array_index (units, SmUnit, i).end, ==, out[i].end);
    }

  /* Nothing to merge: stays empty */
  g_array_set_size (units, 0);
  sm_units_merge (units);
  g_assert_cmpuint (units->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alpha-unitizing/krippendorff-2004", test_krippendorff_2004);
  g_test_add_func ("/alpha-unitizing/krippendorff-1995", test_krippendorff_1995);
  g_test_add_func ("/alpha-unitizing/krippendorff-1995-stretched", test_krippendorff_1995_stretched);
  g_test_add_func ("/alpha-unitizing/identical", test_identical);
  g_test_add_func ("/alpha-unitizing/undefined", test_undefined);
  g_test_add_func ("/alpha-unitizing/equal-disagreements", test_equal_disagreements);
  g_test_add_func ("/alpha-unitizing/two-annotators", test_two_annotators);
  g_test_add_func ("/alpha-unitizing/three-annotators", test_three_annotators);
  g_test_add_func ("/alpha-unitizing/merge", test_merge);

  return g_test_run ();
}
