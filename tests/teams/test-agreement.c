/* test-agreement.c: the figures of agreement, against hand computations.
 *
 * Every expected number was worked out on paper from the spans the test
 * makes; the comments show the arithmetic. The texts are letters one
 * space apart, so that each letter is one of Spanmark's tokens and the
 * k-th letter is the character 2k.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-agreement.h"
#include "sm-relation.h"

#define TEN_LETTERS "a b c d e f g h i j"

static SmDocument *
document_new (const char *data)
{
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
relate (SmDocument *document,
        const char *type,
        SmSpan     *from,
        SmSpan     *to)
{
  g_autoptr(GError) error = NULL;

  sm_document_add_relation (document, type, from, to, &error);
  g_assert_no_error (error);
}

#define assert_value(value, expected) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), 1e-12)

/*
 * Two annotators of TEN_LETTERS, label CLAIM:
 *   A: [0,3) "a b", [8,9) "e"
 *   B: [0,3) "a b", [8,10) "e ", [16,17) "i"
 * f1_exact: one match ([0,3)) of 2 + 3 spans: 2·1/5 = 0.4
 * f1_overlap: [8,9) and [8,10) share 1 of 2 characters, 2·1 ≥ 2: a
 *   match; 2·2/5 = 0.8
 * tokens (10): A has a b e, B has a b e i
 *   n11 = 3, n10 = 0, n01 = 1, n00 = 6
 *   p_o = 9/10; p_e = 3/10·4/10 + 7/10·6/10 = 0.54
 *   κ = (0.9 − 0.54)/(1 − 0.54) = 0.36/0.46 = 18/23
 * α (two values per token, n = 20): n1 = 3·2 + 1 = 7, n0 = 13;
 *   one token disagrees, o01 + o10 = 2·(1·1)/(2 − 1) = 2
 *   α = 1 − (n − 1)·2 / (2·n0·n1) = 1 − 19·2/182 = 72/91
 */
static void
test_two_annotators (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new (TEN_LETTERS);
  g_autoptr(SmDocument) b = document_new (TEN_LETTERS);
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) annotators = NULL;
  SmAgreementFigures figures;
  const char *first, *second;

  add (a, SM_LABEL_CLAIM, 0, 3);
  add (a, SM_LABEL_CLAIM, 8, 9);
  add (b, SM_LABEL_CLAIM, 0, 3);
  add (b, SM_LABEL_CLAIM, 8, 10);
  add (b, SM_LABEL_CLAIM, 16, 17);

  g_assert_true (sm_agreement_add_document (agreement, "ann", a));
  g_assert_true (sm_agreement_add_document (agreement, "bea", b));

  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 1);
  annotators = sm_agreement_dup_annotators (agreement);
  g_assert_cmpstrv (annotators, ((const char *[]) { "ann", "bea", NULL }));
  labels = sm_agreement_dup_labels (agreement);
  g_assert_cmpstrv (labels, ((const char *[]) { SM_LABEL_CLAIM, NULL }));

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.4);
  assert_value (figures.f1_overlap, 0.8);
  assert_value (figures.kappa, 18.0 / 23.0);
  assert_value (figures.alpha, 72.0 / 91.0);

  /* One pair: its figures are the averages */
  g_assert_cmpuint (sm_agreement_get_n_pairs (agreement), ==, 1);
  sm_agreement_get_pair (agreement, 0, &first, &second);
  g_assert_cmpstr (first, ==, "ann");
  g_assert_cmpstr (second, ==, "bea");
  sm_agreement_get_pair_figures (agreement, 0, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.4);
  assert_value (figures.kappa, 18.0 / 23.0);
  assert_value (figures.alpha, 72.0 / 91.0);
}

/*
 * Three annotators of "a b c" (label CLAIM), and a second article that
 * only A annotated:
 *   A: [0,1) "a"    B: [0,1) "a"    C: nothing
 *   A alone, in "x y": [0,3) — left out of everything
 * pairs: (A,B) f1 1, κ 1 (p_o = 1, p_e = 1/9 + 4/9 = 5/9);
 *   (A,C) and (B,C): f1 2·0/1 = 0; table n10 = 1, n00 = 2:
 *   p_o = 2/3, p_e = 1/3·0 + 2/3·1 = 2/3, κ = 0
 *   means: f1 (1 + 0 + 0)/3 = 1/3, κ 1/3
 * α, all three at once: token a has values 1 1 0, b and c 0 0 0;
 *   n = 9, n1 = 2, n0 = 7; o01 + o10 = 2·(2·1)/(3 − 1) = 2
 *   α = 1 − 8·2/(2·7·2) = 1 − 16/28 = 3/7
 *   (with "x y" counted, A's lone tokens would change n and n1)
 */
static void
test_three_annotators (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new ("a b c");
  g_autoptr(SmDocument) b = document_new ("a b c");
  g_autoptr(SmDocument) c = document_new ("a b c");
  g_autoptr(SmDocument) alone = document_new ("x y");
  SmAgreementFigures figures;

  add (a, SM_LABEL_CLAIM, 0, 1);
  add (b, SM_LABEL_CLAIM, 0, 1);
  add (alone, SM_LABEL_CLAIM, 0, 3);

  g_assert_true (sm_agreement_add_document (agreement, "A", a));
  g_assert_true (sm_agreement_add_document (agreement, "B", b));
  g_assert_true (sm_agreement_add_document (agreement, "C", c));
  g_assert_true (sm_agreement_add_document (agreement, "A", alone));
  /* A second version of one text by one annotator is refused */
  g_assert_false (sm_agreement_add_document (agreement, "A", b));

  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 1);
  g_assert_cmpuint (sm_agreement_get_n_pairs (agreement), ==, 3);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 1.0 / 3.0);
  assert_value (figures.f1_overlap, 1.0 / 3.0);
  assert_value (figures.kappa, 1.0 / 3.0);
  assert_value (figures.alpha, 3.0 / 7.0);

  sm_agreement_get_pair_figures (agreement, 1, SM_LABEL_CLAIM, &figures);   /* A and C */
  assert_value (figures.f1_exact, 0.0);
  assert_value (figures.kappa, 0.0);
}

/*
 * Pooling: two articles, the pair's counts summed before dividing.
 *   article 1: A [0,1), B [0,1)                 1 match, 2 spans
 *   article 2: A [0,1) [2,3) [4,5), B nothing   0 matches, 3 spans
 *   pooled f1 = 2·1/(2 + 3) = 0.4, where the mean of the articles' F1
 *   would be (1 + 0)/2 = 0.5
 */
static void
test_pooled (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a1 = document_new ("a b c");
  g_autoptr(SmDocument) b1 = document_new ("a b c");
  g_autoptr(SmDocument) a2 = document_new ("d e f");
  g_autoptr(SmDocument) b2 = document_new ("d e f");
  SmAgreementFigures figures;

  add (a1, SM_LABEL_FIGURE, 0, 1);
  add (b1, SM_LABEL_FIGURE, 0, 1);
  add (a2, SM_LABEL_FIGURE, 0, 1);
  add (a2, SM_LABEL_FIGURE, 2, 3);
  add (a2, SM_LABEL_FIGURE, 4, 5);

  sm_agreement_add_document (agreement, "A", a1);
  sm_agreement_add_document (agreement, "A", a2);
  sm_agreement_add_document (agreement, "B", b2);
  sm_agreement_add_document (agreement, "B", b1);

  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 2);
  sm_agreement_get_figures (agreement, SM_LABEL_FIGURE, &figures);
  assert_value (figures.f1_exact, 0.4);
}

/* A label asked for that no one used: every figure undefined. A label
 * both gave to every token: F1 defined (1), κ and α undefined (one value
 * only, p_e = 1, no expected disagreement). */
static void
test_undefined (void)
{
  const char *labels[] = { SM_LABEL_SPEAKER, SM_LABEL_FIGURE, NULL };
  g_autoptr(SmAgreement) agreement = sm_agreement_new (labels);
  g_autoptr(SmDocument) a = document_new ("a b");
  g_autoptr(SmDocument) b = document_new ("a b");
  g_auto(GStrv) measured = NULL;
  SmAgreementFigures figures;

  add (a, SM_LABEL_FIGURE, 0, 3);
  add (b, SM_LABEL_FIGURE, 0, 3);
  add (a, SM_LABEL_CLAIM, 0, 1);       /* not asked for */

  sm_agreement_add_document (agreement, "A", a);
  sm_agreement_add_document (agreement, "B", b);

  measured = sm_agreement_dup_labels (agreement);
  g_assert_cmpstrv (measured, ((const char *[]) { SM_LABEL_FIGURE, SM_LABEL_SPEAKER, NULL }));

  sm_agreement_get_figures (agreement, SM_LABEL_SPEAKER, &figures);
  g_assert_true (isnan (figures.f1_exact));
  g_assert_true (isnan (figures.f1_overlap));
  g_assert_true (isnan (figures.kappa));
  g_assert_true (isnan (figures.alpha));
  g_assert_true (isnan (figures.alpha_u));

  sm_agreement_get_figures (agreement, SM_LABEL_FIGURE, &figures);
  assert_value (figures.f1_exact, 1.0);
  g_assert_true (isnan (figures.kappa));
  g_assert_true (isnan (figures.alpha));
}

/*
 * Relations, directed, their ends matched by overlap:
 *   A: CLAIM c [2,3), SPEAKER s [0,1); said_by c → s; cites c → s
 *   B: the same spans; said_by c → s; cites s → c (the other way)
 *   said_by: 1 match of 1 + 1: f1 1; cites: 0 of 1 + 1: f1 0
 */
static void
test_relations (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new ("a b");
  g_autoptr(SmDocument) b = document_new ("a b");
  g_auto(GStrv) types = NULL;
  SmSpan *claim, *speaker;

  claim = add (a, SM_LABEL_CLAIM, 2, 3);
  speaker = add (a, SM_LABEL_SPEAKER, 0, 1);
  relate (a, SM_RELATION_SAID_BY, claim, speaker);
  relate (a, "cites", claim, speaker);
  claim = add (b, SM_LABEL_CLAIM, 2, 3);
  speaker = add (b, SM_LABEL_SPEAKER, 0, 1);
  relate (b, SM_RELATION_SAID_BY, claim, speaker);
  relate (b, "cites", speaker, claim);

  sm_agreement_add_document (agreement, "A", a);
  sm_agreement_add_document (agreement, "B", b);

  types = sm_agreement_dup_relation_types (agreement);
  g_assert_cmpstrv (types, ((const char *[]) { "cites", SM_RELATION_SAID_BY, NULL }));
  assert_value (sm_agreement_get_relation_f1 (agreement, SM_RELATION_SAID_BY), 1.0);
  assert_value (sm_agreement_get_relation_f1 (agreement, "cites"), 0.0);
}

/* Unitizing α: identical units agree fully */
static void
test_alpha_unitizing (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new (TEN_LETTERS);
  g_autoptr(SmDocument) b = document_new (TEN_LETTERS);
  SmAgreementFigures figures;

  add (a, SM_LABEL_CLAIM, 2, 7);
  add (b, SM_LABEL_CLAIM, 2, 7);
  sm_agreement_add_document (agreement, "A", a);
  sm_agreement_add_document (agreement, "B", b);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.alpha_u, 1.0);
}

/* The worked example of docs/agreement.md, figure by figure */
static void
test_docs_example (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) ana = document_new ("Raisi said trade grew.");
  g_autoptr(SmDocument) ben = document_new ("Raisi said trade grew.");
  SmAgreementFigures figures;

  relate (ana, SM_RELATION_SAID_BY, add (ana, SM_LABEL_CLAIM, 11, 21), add (ana, SM_LABEL_SPEAKER, 0, 5));
  relate (ben, SM_RELATION_SAID_BY, add (ben, SM_LABEL_CLAIM, 6, 21), add (ben, SM_LABEL_SPEAKER, 0, 5));
  sm_agreement_add_document (agreement, "ana", ana);
  sm_agreement_add_document (agreement, "ben", ben);

  sm_agreement_get_figures (agreement, SM_LABEL_SPEAKER, &figures);
  assert_value (figures.f1_exact, 1.0);
  assert_value (figures.f1_overlap, 1.0);
  assert_value (figures.kappa, 1.0);
  assert_value (figures.alpha, 1.0);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.0);
  assert_value (figures.f1_overlap, 1.0);
  assert_value (figures.kappa, 8.0 / 13.0);
  assert_value (figures.alpha, 0.64);
  /* 1 − (25/484) / ((2800·2/22) / 1592) = 417/616, docs/agreement.md */
  assert_value (figures.alpha_u, 417.0 / 616.0);

  assert_value (sm_agreement_get_relation_f1 (agreement, SM_RELATION_SAID_BY), 1.0);
}

/*
 * α_u over a pair's articles joined end to end, with test-alpha-unitizing's
 * hand case on [0, 10): A [0,2) [2,4) (touching: two units), B [0,4) [7,9):
 *   D_o = 0.12, D_e = 46.8/362, α_u = 1 − 0.12·362/46.8 (worked out there).
 * Here the continuum is two articles of 5 characters, the first in
 * checksum order holding [0,4) and the second B's [2,4), which lands on
 * [7,9); A's extra [0,1) overlaps her [0,2) and merges into it.
 */
static void
test_alpha_unitizing_continuum (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a1 = document_new ("abcde");
  g_autoptr(SmDocument) b1 = document_new ("abcde");
  g_autoptr(SmDocument) a2 = document_new ("fghij");
  g_autoptr(SmDocument) b2 = document_new ("fghij");
  SmDocument *a_first = a1, *b_first = b1, *a_second = a2, *b_second = b2;
  SmAgreementFigures figures;

  if (strcmp (sm_text_get_sha256 (sm_document_get_text (a1)),
              sm_text_get_sha256 (sm_document_get_text (a2))) > 0)
    {
      a_first = a2, b_first = b2;
      a_second = a1, b_second = b1;
    }

  add (a_first, SM_LABEL_CLAIM, 0, 2);
  add (a_first, SM_LABEL_CLAIM, 2, 4);
  add (a_first, SM_LABEL_CLAIM, 0, 1);
  add (b_first, SM_LABEL_CLAIM, 0, 4);
  add (b_second, SM_LABEL_CLAIM, 2, 4);

  sm_agreement_add_document (agreement, "A", a_second);
  sm_agreement_add_document (agreement, "B", b_second);
  sm_agreement_add_document (agreement, "A", a_first);
  sm_agreement_add_document (agreement, "B", b_first);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.alpha_u, 1 - 0.12 * 362 / 46.8);
}

/*
 * A discontinuous span: its fragments count, not what lies between them.
 * TEN_LETTERS, CLAIM: A "a" [0,1) + "c" [4,5) in one span, B [0,5).
 * f1_exact 0 (other fragments); f1_overlap: 2 characters shared of a
 *   union of 5, 2·2 < 5: no match, 0
 * tokens: A a c, B a b c: n11 = 2, n01 = 1, n00 = 7
 *   p_o = 9/10, p_e = 2/10·3/10 + 8/10·7/10 = 0.62
 *   κ = 0.28/0.38 = 14/19 (1 if "b" were A's too)
 * α_u, L = 19, units A [0,1) [4,5), B [0,5), N = 3, gaps 3 14 (A), 14 (B):
 *   D_o = 2·(0² + 4² + 4² + 0²) / (2·1·19²) = 32/361
 *   l = 1 (twice): 2·(2 − 3 + 1)/3 + 1·(3 + 14 + 14) = 31 each
 *   l = 5: 2·(250 − 75 + 5)/3 + 25·((14 − 4) + (14 − 4)) = 620
 *   D_e = (682·2/19) / (38·37 − 20) = (1364/19) / 1386
 *   α_u = 1 − D_o/D_e
 */
static void
test_fragments (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new (TEN_LETTERS);
  g_autoptr(SmDocument) b = document_new (TEN_LETTERS);
  g_autoptr(GError) error = NULL;
  SmAgreementFigures figures;

  sm_document_add_fragment (a, add (a, SM_LABEL_CLAIM, 0, 1), 4, 5, &error);
  g_assert_no_error (error);
  add (b, SM_LABEL_CLAIM, 0, 5);
  sm_agreement_add_document (agreement, "A", a);
  sm_agreement_add_document (agreement, "B", b);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.0);
  assert_value (figures.f1_overlap, 0.0);
  assert_value (figures.kappa, 14.0 / 19.0);
  assert_value (figures.alpha_u, 1 - (32.0 / 361) / ((1364.0 / 19) / 1386));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/two-annotators", test_two_annotators);
  g_test_add_func ("/agreement/three-annotators", test_three_annotators);
  g_test_add_func ("/agreement/pooled", test_pooled);
  g_test_add_func ("/agreement/undefined", test_undefined);
  g_test_add_func ("/agreement/relations", test_relations);
  g_test_add_func ("/agreement/alpha-unitizing", test_alpha_unitizing);
  g_test_add_func ("/agreement/alpha-unitizing-continuum", test_alpha_unitizing_continuum);
  g_test_add_func ("/agreement/fragments", test_fragments);
  g_test_add_func ("/agreement/docs-example", test_docs_example);

  return g_test_run ();
}
