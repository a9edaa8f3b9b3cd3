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

#include "cli-run.h"
#include "sm-agreement-read.h"
#include "sm-relation.h"
#include "temp-folder.h"

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

/* The per-document part of docs/agreement.md's worked example: a second
 * article, "Officials said exports rose.", where ben has no CLAIM */
static void
test_docs_example_by_document (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) ana = document_new ("Raisi said trade grew.");
  g_autoptr(SmDocument) ben = document_new ("Raisi said trade grew.");
  g_autoptr(SmDocument) ana2 = document_new ("Officials said exports rose.");
  g_autoptr(SmDocument) ben2 = document_new ("Officials said exports rose.");
  g_autoptr(GFile) raisi = g_file_new_for_path ("/team/ana/raisi.json");
  g_autoptr(GFile) officials = g_file_new_for_path ("/team/ana/officials.json");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  SmAgreementFigures figures;

  relate (ana, SM_RELATION_SAID_BY, add (ana, SM_LABEL_CLAIM, 11, 21), add (ana, SM_LABEL_SPEAKER, 0, 5));
  relate (ben, SM_RELATION_SAID_BY, add (ben, SM_LABEL_CLAIM, 6, 21), add (ben, SM_LABEL_SPEAKER, 0, 5));
  add (ana2, SM_LABEL_SPEAKER, 0, 9);
  add (ana2, SM_LABEL_CLAIM, 15, 27);
  add (ben2, SM_LABEL_SPEAKER, 0, 9);
  sm_agreement_add_version (agreement, "ana", ana, raisi);
  sm_agreement_add_version (agreement, "ben", ben, NULL);
  sm_agreement_add_version (agreement, "ana", ana2, officials);
  sm_agreement_add_version (agreement, "ben", ben2, NULL);

  first = sm_agreement_dup_document_name (agreement, 0);
  second = sm_agreement_dup_document_name (agreement, 1);
  g_assert_cmpstr (first, ==, "officials.json");
  g_assert_cmpstr (second, ==, "raisi.json");
  g_assert_cmpuint (sm_agreement_get_document_disagreement (agreement, 0), ==, 1);
  g_assert_cmpuint (sm_agreement_get_document_disagreement (agreement, 1), ==, 0);

  sm_agreement_get_document_figures (agreement, 0, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.0);
  assert_value (figures.f1_overlap, 0.0);
  assert_value (figures.kappa, 0.0);
  assert_value (figures.alpha, -0.125);
  assert_value (figures.alpha_u, 1 - (36.0 / 196) / (216.0 / 2948));
  sm_agreement_get_document_figures (agreement, 0, SM_LABEL_SPEAKER, &figures);
  assert_value (figures.f1_exact, 1.0);
  assert_value (figures.kappa, 1.0);

  sm_agreement_get_document_figures (agreement, 1, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_overlap, 1.0);
  assert_value (figures.kappa, 8.0 / 13.0);
  assert_value (figures.alpha, 0.64);
  assert_value (figures.alpha_u, 417.0 / 616.0);

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_overlap, 2.0 / 3.0);
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

/* The α_u of @label in an agreement of @a and @b's versions alone */
static double
alpha_u_alone (SmDocument *a,
               SmDocument *b,
               const char *label)
{
  g_autoptr(SmAgreement) alone = sm_agreement_new (NULL);
  SmAgreementFigures figures;

  sm_agreement_add_document (alone, "ann", a);
  sm_agreement_add_document (alone, "bea", b);
  sm_agreement_get_figures (alone, label, &figures);

  return figures.alpha_u;
}

/*
 * Per document, two annotators of two articles:
 * letters (TEN_LETTERS, read from ann/letters.json and bea/l.json), CLAIM
 *   as in test_two_annotators: f1_exact 0.4, f1_overlap 0.8, κ 18/23,
 *   α 72/91; SPEAKER nowhere: undefined.
 *   Unmatched by overlap: 5 spans − 2·2 matches = 1.
 * "k l m n o" (read from no file, named by ann's document, "kl"):
 *   CLAIM  A [0,1) "k" [4,5) "m", B [0,1) "k": 1 match of 3 either way,
 *     f1_exact = f1_overlap = 2/3; tokens n11 = 1, n10 = 1, n00 = 3:
 *     p_o = 4/5, p_e = 2/5·1/5 + 3/5·4/5 = 14/25, κ = (6/25)/(11/25) = 6/11;
 *     α: n = 10, n1 = 3, n0 = 7, o01 + o10 = 2: 1 − 9·2/(2·7·3) = 4/7
 *   SPEAKER A [8,9) "o", B [6,7) "n": no match, f1 0;
 *     n10 = n01 = 1, n00 = 3: p_o = 3/5, p_e = 1/25 + 16/25 = 17/25,
 *     κ = (15/25 − 17/25)/(8/25) = −1/4;
 *     α: n = 10, n1 = 2, n0 = 8, o01 + o10 = 4: 1 − 9·4/(2·8·2) = −1/8
 *   Unmatched: CLAIM 3 − 2·1 = 1, SPEAKER 2 − 0 = 2: 3, so it comes first.
 * The overall CLAIM pools both: f1_overlap 2·(2 + 1)/(5 + 3) = 0.75,
 * which neither document has.
 */
static void
test_by_document (void)
{
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new (TEN_LETTERS);
  g_autoptr(SmDocument) b = document_new (TEN_LETTERS);
  g_autoptr(SmDocument) a2 = document_new ("k l m n o");
  g_autoptr(SmDocument) b2 = document_new ("k l m n o");
  g_autoptr(GFile) a_file = g_file_new_for_path ("/nowhere/ann/letters.json");
  g_autoptr(GFile) b_file = g_file_new_for_path ("/nowhere/bea/l.json");
  g_autofree char *name = NULL;
  g_auto(GStrv) annotators = NULL;
  SmAgreementFigures figures;

  add (a, SM_LABEL_CLAIM, 0, 3);
  add (a, SM_LABEL_CLAIM, 8, 9);
  add (b, SM_LABEL_CLAIM, 0, 3);
  add (b, SM_LABEL_CLAIM, 8, 10);
  add (b, SM_LABEL_CLAIM, 16, 17);
  add (a2, SM_LABEL_CLAIM, 0, 1);
  add (a2, SM_LABEL_CLAIM, 4, 5);
  add (a2, SM_LABEL_SPEAKER, 8, 9);
  add (b2, SM_LABEL_CLAIM, 0, 1);
  add (b2, SM_LABEL_SPEAKER, 6, 7);
  sm_document_set_name (a2, "kl");
  sm_document_set_name (b2, "other");

  /* Added in another order than the one they come out in */
  g_assert_cmpint (sm_agreement_add_version (agreement, "bea", b, b_file), ==, SM_AGREEMENT_READ_ADDED);
  g_assert_cmpint (sm_agreement_add_version (agreement, "ann", a, a_file), ==, SM_AGREEMENT_READ_ADDED);
  g_assert_true (sm_agreement_add_document (agreement, "bea", b2));
  g_assert_true (sm_agreement_add_document (agreement, "ann", a2));
  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 2);

  /* The most disagreement first */
  name = sm_agreement_dup_document_name (agreement, 0);
  g_assert_cmpstr (name, ==, "kl");
  g_assert_cmpuint (sm_agreement_get_document_disagreement (agreement, 0), ==, 3);
  g_assert_cmpstr (sm_agreement_get_document_sha256 (agreement, 0), ==,
                   sm_text_get_sha256 (sm_document_get_text (a2)));
  g_assert_null (sm_agreement_get_document_file (agreement, 0, "ann"));
  annotators = sm_agreement_dup_document_annotators (agreement, 0);
  g_assert_cmpstrv (annotators, ((const char *[]) { "ann", "bea", NULL }));

  sm_agreement_get_document_figures (agreement, 0, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 2.0 / 3.0);
  assert_value (figures.f1_overlap, 2.0 / 3.0);
  assert_value (figures.kappa, 6.0 / 11.0);
  assert_value (figures.alpha, 4.0 / 7.0);
  assert_value (figures.alpha_u, alpha_u_alone (a2, b2, SM_LABEL_CLAIM));
  sm_agreement_get_document_figures (agreement, 0, SM_LABEL_SPEAKER, &figures);
  assert_value (figures.f1_exact, 0.0);
  assert_value (figures.f1_overlap, 0.0);
  assert_value (figures.kappa, -0.25);
  assert_value (figures.alpha, -1.0 / 8.0);
  assert_value (figures.alpha_u, alpha_u_alone (a2, b2, SM_LABEL_SPEAKER));

  /* Named by the file of its first annotator's version */
  g_clear_pointer (&name, g_free);
  name = sm_agreement_dup_document_name (agreement, 1);
  g_assert_cmpstr (name, ==, "letters.json");
  g_assert_cmpuint (sm_agreement_get_document_disagreement (agreement, 1), ==, 1);
  g_assert_true (sm_agreement_get_document_file (agreement, 1, "ann") == a_file);
  g_assert_true (sm_agreement_get_document_file (agreement, 1, "bea") == b_file);
  sm_agreement_get_document_figures (agreement, 1, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 0.4);
  assert_value (figures.f1_overlap, 0.8);
  assert_value (figures.kappa, 18.0 / 23.0);
  assert_value (figures.alpha, 72.0 / 91.0);
  assert_value (figures.alpha_u, alpha_u_alone (a, b, SM_LABEL_CLAIM));
  sm_agreement_get_document_figures (agreement, 1, SM_LABEL_SPEAKER, &figures);
  g_assert_true (isnan (figures.f1_exact));
  g_assert_true (isnan (figures.f1_overlap));
  g_assert_true (isnan (figures.kappa));
  g_assert_true (isnan (figures.alpha));
  g_assert_true (isnan (figures.alpha_u));

  sm_agreement_get_figures (agreement, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_overlap, 0.75);
}

/*
 * Three annotators of "a b c" (test_three_annotators): the document's
 * figures are its pairs' means, like the overall ones: f1 (1 + 0 + 0)/3;
 * α all three at once, 3/7. Unmatched spans over the pairs: (A,B) 0,
 * (A,C) 1, (B,C) 1: 2. A label left out by --label counts in neither.
 */
static void
test_by_document_three (void)
{
  const char *only[] = { SM_LABEL_CLAIM, NULL };
  g_autoptr(SmAgreement) agreement = sm_agreement_new (only);
  g_autoptr(SmDocument) a = document_new ("a b c");
  g_autoptr(SmDocument) b = document_new ("a b c");
  g_autoptr(SmDocument) c = document_new ("a b c");
  g_auto(GStrv) annotators = NULL;
  SmAgreementFigures figures;

  add (a, SM_LABEL_CLAIM, 0, 1);
  add (b, SM_LABEL_CLAIM, 0, 1);
  add (c, SM_LABEL_SPEAKER, 4, 5);

  sm_agreement_add_document (agreement, "A", a);
  sm_agreement_add_document (agreement, "B", b);
  sm_agreement_add_document (agreement, "C", c);

  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 1);
  annotators = sm_agreement_dup_document_annotators (agreement, 0);
  g_assert_cmpstrv (annotators, ((const char *[]) { "A", "B", "C", NULL }));
  g_assert_cmpuint (sm_agreement_get_document_disagreement (agreement, 0), ==, 2);
  sm_agreement_get_document_figures (agreement, 0, SM_LABEL_CLAIM, &figures);
  assert_value (figures.f1_exact, 1.0 / 3.0);
  assert_value (figures.f1_overlap, 1.0 / 3.0);
  assert_value (figures.kappa, 1.0 / 3.0);
  assert_value (figures.alpha, 3.0 / 7.0);
}

static void
count_outcomes (SmAgreementReadOutcome  outcome,
                const char             *display_name,
                const char             *annotator,
                const GError           *error,
                guint                   done,
                guint                   total,
                gpointer                user_data)
{
  guint *counts = user_data;

  counts[outcome]++;
}

/*
 * A team's corpus folder, one subfolder per annotator:
 *   corpus/ana/a.json       naming no annotator: ana's
 *   corpus/ben/b.json       the same text, naming none: ben's
 *   corpus/ben/deep/c.json  another text, naming none: still ben's (the
 *                           subfolder given, as `agree corpus/ben` says)
 *   corpus/zoe.json         the first text, naming "zoe"
 *   corpus/ana/dup.json     the first text again, ana's: left out
 *   corpus/ana/bad.json     not a Spanmark file: unreadable
 *   corpus/texts/x.txt      articles only: passed over
 * Shared: the first text, by ana, ben and zoe.
 */
static void
test_read_team_folder (void)
{
  g_autofree char *dir = temp_folder_new ("agreement-read");
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(SmDocument) a = document_new ("a b c");
  g_autoptr(SmDocument) b = document_new ("a b c");
  g_autoptr(SmDocument) c = document_new ("x y z");
  g_autoptr(SmDocument) z = document_new ("a b c");
  g_autoptr(GError) error = NULL;
  g_autofree char *ana_a = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) of_document = NULL;
  guint counts[3] = { 0, 0, 0 };

  add (a, SM_LABEL_CLAIM, 0, 1);
  add (b, SM_LABEL_CLAIM, 0, 1);
  sm_document_set_annotator (z, "zoe");
  cli_document_save (a, corpus, "ana/a.json");
  cli_document_save (a, corpus, "ana/dup.json");
  cli_document_save (b, corpus, "ben/b.json");
  cli_document_save (c, corpus, "ben/deep/c.json");
  cli_document_save (z, corpus, "zoe.json");
  g_free (temp_folder_write (corpus, "ana/bad.json", "{", -1));
  g_free (temp_folder_write (corpus, "texts/x.txt", "x", -1));

  g_assert_true (sm_agreement_read_team_folder (agreement, folder, count_outcomes, counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[SM_AGREEMENT_READ_ADDED], ==, 4);
  g_assert_cmpuint (counts[SM_AGREEMENT_READ_UNREADABLE], ==, 1);
  g_assert_cmpuint (counts[SM_AGREEMENT_READ_DUPLICATE], ==, 1);

  annotators = sm_agreement_dup_annotators (agreement);
  g_assert_cmpstrv (annotators, ((const char *[]) { "ana", "ben", "zoe", NULL }));
  g_assert_cmpuint (sm_agreement_get_n_documents (agreement), ==, 1);
  of_document = sm_agreement_dup_document_annotators (agreement, 0);
  g_assert_cmpstrv (of_document, ((const char *[]) { "ana", "ben", "zoe", NULL }));

  /* ana's version is the first of the files of her folder with this text */
  ana_a = g_build_filename (corpus, "ana", "a.json", NULL);
  file = g_file_new_for_path (ana_a);
  g_assert_true (g_file_equal (sm_agreement_get_document_file (agreement, 0, "ana"), file));

  temp_folder_remove (dir);
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
  g_test_add_func ("/agreement/docs-example-by-document", test_docs_example_by_document);
  g_test_add_func ("/agreement/by-document", test_by_document);
  g_test_add_func ("/agreement/by-document-three", test_by_document_three);
  g_test_add_func ("/agreement/read-team-folder", test_read_team_folder);

  return g_test_run ();
}
