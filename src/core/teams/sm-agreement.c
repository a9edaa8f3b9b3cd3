/* sm-agreement.c: agreement between annotators, per label and per pair.
 *
 * Definitions (docs/agreement.md gives them to users, with an example):
 * - versions of one article are paired by the text's checksum; a pair of
 *   annotators is compared over the articles both annotated, their counts
 *   summed over those articles before dividing (pooled);
 * - f1_exact and f1_overlap: 2·matched / (|A| + |B|) over the non-empty
 *   spans of the label, matched one to one as evaluate matches them
 *   (sm-span-match.h); undefined with no span of the label on either side;
 * - kappa: Cohen's κ over Spanmark's tokens, a token being in the label
 *   for an annotator when a span of the label covers any of its
 *   characters; undefined when chance agreement is 1 (one value only);
 * - alpha: Krippendorff's nominal α over the same tokens, all annotators
 *   at once, a token counting only where two annotators or more have it;
 *   undefined with no expected disagreement;
 * - alpha_u: Krippendorff's unitizing α per label (sm-alpha-unitizing.h)
 *   over the pair's shared articles joined end to end, one annotator's
 *   overlapping spans of the label merged into their union;
 * - relation f1: 2·matched / (|A| + |B|) over the relations of a type
 *   whose ends are non-empty spans, a relation of A matched when B has one
 *   of the same type from the match of its source to the match of its
 *   target (overlap matching; relations are directed).
 * The overall figure of a label is the mean of the pairs' defined figures,
 * except alpha, which takes all annotators at once.
 *
 * Each shared article also has figures of its own: the same definitions
 * over that article alone (what the overall figures would be were it the
 * only one), and a disagreement to sort by: the spans of the measured
 * labels that found no overlap match on the other side, summed over the
 * article's pairs of annotators.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-agreement"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-agreement.h"
#include "sm-alpha-unitizing.h"
#include "sm-curation.h"
#include "sm-relation.h"
#include "sm-span-match.h"
#include "sm-tokenizer.h"

typedef struct
{
  SmDocument *document;
  GFile      *file;       /* where it was read from, or NULL */
} Version;

typedef struct
{
  SmText     *text;
  GArray     *tokens;     /* of SmToken, made when first needed */
  GHashTable *versions;   /* annotator → Version */

  /* Its own figures, worked out with the overall ones */
  GPtrArray  *annotators; /* sorted */
  GHashTable *sums;       /* label → FigureSums, while they are summed */
  GHashTable *figures;    /* label → SmAgreementFigures */
  guint       disagreement;
} Article;

typedef struct
{
  char       *a;
  char       *b;
  GHashTable *labels;     /* label → SmAgreementFigures */
} Pair;

/* The pairs' figures of one article, to be averaged: for each of
 * f1_exact, f1_overlap, kappa and alpha_u, the sum of the defined ones
 * and how many there are */
typedef struct
{
  double sum[4];
  guint  n[4];
} FigureSums;

/* F1's counts: 2·matched / total */
typedef struct
{
  guint64 matched;
  guint64 total;
} Tally;

/* Nominal α's counts over binary values (in the label or not): the
 * coincidences of differing values, and how many values, how many 1 */
typedef struct
{
  double  disagreement;
  guint64 n;
  guint64 n1;
} AlphaTally;

struct _SmAgreement
{
  GObject     parent_instance;

  GHashTable *filter;          /* label set, or NULL for every label */
  GHashTable *articles;        /* text SHA-256 → Article */
  GHashTable *annotators;      /* set of names */

  gboolean    computed;
  guint       n_documents;
  GPtrArray  *labels;          /* sorted */
  GPtrArray  *relation_types;  /* sorted */
  GHashTable *figures;         /* label → SmAgreementFigures */
  GHashTable *relation_f1;     /* type → double */
  GPtrArray  *pairs;           /* of Pair */
  GPtrArray  *documents;       /* of Article (not owned), most disagreement first */
};

G_DEFINE_FINAL_TYPE (SmAgreement, sm_agreement, G_TYPE_OBJECT)

static void
version_free (Version *version)
{
  g_clear_object (&version->document);
  g_clear_object (&version->file);
  g_free (version);
}

static void
article_clear_results (Article *article)
{
  g_clear_pointer (&article->annotators, g_ptr_array_unref);
  g_clear_pointer (&article->sums, g_hash_table_unref);
  g_clear_pointer (&article->figures, g_hash_table_unref);
  article->disagreement = 0;
}

static void
article_free (Article *article)
{
  article_clear_results (article);
  g_clear_pointer (&article->text, sm_text_unref);
  g_clear_pointer (&article->tokens, g_array_unref);
  g_clear_pointer (&article->versions, g_hash_table_unref);
  g_free (article);
}

static SmDocument *
article_get_version (Article    *article,
                     const char *annotator)
{
  Version *version = g_hash_table_lookup (article->versions, annotator);

  return version != NULL ? version->document : NULL;
}

static void
pair_free (Pair *pair)
{
  g_free (pair->a);
  g_free (pair->b);
  g_clear_pointer (&pair->labels, g_hash_table_unref);
  g_free (pair);
}

static void
clear_results (SmAgreement *self)
{
  GHashTableIter iter;
  gpointer article;

  if (self->articles != NULL)
    {
      g_hash_table_iter_init (&iter, self->articles);
      while (g_hash_table_iter_next (&iter, NULL, &article))
        article_clear_results (article);
    }

  self->computed = FALSE;
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  self->n_documents = 0;
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->relation_f1, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
}

static void
sm_agreement_finalize (GObject *object)
{
  SmAgreement *self = SM_AGREEMENT (object);

  clear_results (self);
  g_clear_pointer (&self->filter, g_hash_table_unref);
  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_pointer (&self->annotators, g_hash_table_unref);

  G_OBJECT_CLASS (sm_agreement_parent_class)->finalize (object);
}

static void
sm_agreement_class_init (SmAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_agreement_finalize;
}

static void
sm_agreement_init (SmAgreement *self)
{
  self->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) article_free);
  self->annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sm_agreement_new:
 * @labels: (nullable): the labels to measure, or %NULL for every label
 *   that a span of a shared article has
 *
 * Returns: (transfer full): an agreement of no document yet
 */
SmAgreement *
sm_agreement_new (const char * const *labels)
{
  SmAgreement *self = g_object_new (SM_TYPE_AGREEMENT, NULL);

  if (labels != NULL && labels[0] != NULL)
    {
      self->filter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; labels[i] != NULL; i++)
        g_hash_table_add (self->filter, g_strdup (labels[i]));
    }

  return self;
}

/**
 * sm_agreement_add_document:
 * @self: an agreement
 * @annotator: whose version @document is
 * @document: one annotator's version of an article
 *
 * Returns: %FALSE, leaving @document out, if @annotator has a version of
 *   the same text already or @document is a curator's result
 */
gboolean
sm_agreement_add_document (SmAgreement *self,
                           const char  *annotator,
                           SmDocument  *document)
{
  return sm_agreement_add_version (self, annotator, document, NULL) == SM_AGREEMENT_READ_ADDED;
}

/**
 * sm_agreement_add_version:
 * @self: an agreement
 * @annotator: whose version @document is
 * @document: one annotator's version of an article
 * @file: (nullable): the file @document was read from, which names the
 *   article in the per-document figures and opens it
 *
 * A curator's result of several versions is measured against no one: it
 * agrees with each of them by construction, and is nobody's own work.
 *
 * Returns: whether @document was added, or why it was left out
 */
SmAgreementReadOutcome
sm_agreement_add_version (SmAgreement *self,
                          const char  *annotator,
                          SmDocument  *document,
                          GFile       *file)
{
  SmText *text;
  Article *article;
  Version *version;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), SM_AGREEMENT_READ_UNREADABLE);
  g_return_val_if_fail (annotator != NULL, SM_AGREEMENT_READ_UNREADABLE);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), SM_AGREEMENT_READ_UNREADABLE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), SM_AGREEMENT_READ_UNREADABLE);

  if (sm_curation_is_result (document))
    return SM_AGREEMENT_READ_CURATED;

  text = sm_document_get_text (document);
  article = g_hash_table_lookup (self->articles, sm_text_get_sha256 (text));
  if (article == NULL)
    {
      article = g_new0 (Article, 1);
      article->text = sm_text_ref (text);
      article->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) version_free);
      g_hash_table_insert (self->articles, g_strdup (sm_text_get_sha256 (text)), article);
    }

  if (g_hash_table_contains (article->versions, annotator))
    return SM_AGREEMENT_READ_DUPLICATE;

  version = g_new0 (Version, 1);
  version->document = g_object_ref (document);
  version->file = file != NULL ? g_object_ref (file) : NULL;
  g_hash_table_insert (article->versions, g_strdup (annotator), version);
  g_hash_table_add (self->annotators, g_strdup (annotator));
  clear_results (self);

  return SM_AGREEMENT_READ_ADDED;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);

  return keys;
}

static gboolean
is_empty (SmSpan *span)
{
  return sm_span_match_count_characters (span) == 0;
}

/* The document's spans that count: the non-empty ones */
static GPtrArray *
collect_spans (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  guint n = g_list_model_get_n_items (spans);
  GPtrArray *kept = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (!is_empty (span))
        g_ptr_array_add (kept, g_steal_pointer (&span));
    }

  return kept;
}

/* The relations that count: those whose two ends are non-empty spans */
static GPtrArray *
collect_relations (SmDocument *document)
{
  GListModel *relations = sm_document_get_relations (document);
  guint n = g_list_model_get_n_items (relations);
  GPtrArray *kept = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      if (!is_empty (sm_relation_get_from (relation)) && !is_empty (sm_relation_get_to (relation)))
        g_ptr_array_add (kept, g_steal_pointer (&relation));
    }

  return kept;
}

static GArray *
article_get_tokens (Article *article)
{
  if (article->tokens == NULL)
    article->tokens = sm_tokenize (article->text);

  return article->tokens;
}

/* For each token of @article, 1 if a span of @label in @document covers
 * any of its characters, else 0 */
static GByteArray *
mark_tokens (Article    *article,
             SmDocument *document,
             const char *label)
{
  GArray *tokens = article_get_tokens (article);
  guint length = sm_text_get_length (article->text);
  g_autofree guint8 *covered = g_new0 (guint8, length + 1);
  g_autoptr(GPtrArray) spans = collect_spans (document);
  GByteArray *marks = g_byte_array_sized_new (tokens->len);

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (strcmp (sm_span_get_label (span), label) != 0)
        continue;

      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          for (guint c = start; c < end && c < length; c++)
            covered[c] = 1;
        }
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      const SmToken *token = &g_array_index (tokens, SmToken, i);
      guint8 mark = 0;

      for (guint c = token->start; c < token->end && c < length && !mark; c++)
        mark = covered[c];
      g_byte_array_append (marks, &mark, 1);
    }

  return marks;
}

/* Adds one token's values: @m annotators, @ones of them in the label.
 * Each ordered pair of differing values within the token adds 1/(m − 1)
 * to the coincidences, as Krippendorff defines them. */
static void
alpha_tally_add (AlphaTally *tally,
                 guint       m,
                 guint       ones)
{
  if (m < 2)
    return;

  tally->disagreement += 2.0 * ones * (m - ones) / (m - 1);
  tally->n += m;
  tally->n1 += ones;
}

/* Adds @times tokens of @m values, @ones of them in the label */
static void
alpha_tally_add_times (AlphaTally *tally,
                       guint       m,
                       guint       ones,
                       guint64     times)
{
  AlphaTally one = { 0, };

  alpha_tally_add (&one, m, ones);
  tally->disagreement += one.disagreement * times;
  tally->n += one.n * times;
  tally->n1 += one.n1 * times;
}

/* α = 1 − D_o / D_e = 1 − (n − 1) · (o₀₁ + o₁₀) / (2 · n₀ · n₁) */
static double
alpha_tally_get (const AlphaTally *tally)
{
  guint64 n0 = tally->n - tally->n1;

  if (n0 == 0 || tally->n1 == 0)
    return NAN;

  return 1.0 - (tally->n - 1) * tally->disagreement / (2.0 * n0 * tally->n1);
}

static double
tally_get_f1 (const Tally *tally)
{
  if (tally->total == 0)
    return NAN;

  return 2.0 * tally->matched / tally->total;
}

/* Cohen's κ from the 2 × 2 table of two annotators' tokens (in[a][b]:
 * in the label for the first annotator, for the second) */
static double
kappa_from_table (const guint64 table[2][2])
{
  guint64 n = table[0][0] + table[0][1] + table[1][0] + table[1][1];
  guint64 a1 = table[1][0] + table[1][1];
  guint64 b1 = table[0][1] + table[1][1];
  guint64 chance = a1 * b1 + (n - a1) * (n - b1);   /* n² · p_e */
  guint64 observed = table[0][0] + table[1][1];      /* n · p_o */

  /* p_e = 1: both annotators gave one and the same value to every token */
  if (n == 0 || chance == n * n)
    return NAN;

  return ((double) observed * n - (double) chance) / ((double) n * n - (double) chance);
}

/* Appends @document's spans of @label to @units, moved by @offset, each
 * fragment of a discontinuous span a unit of its own; sm_units_merge()
 * then makes one annotator's overlapping units their union */
static void
add_units (GArray     *units,
           SmDocument *document,
           const char *label,
           guint       offset)
{
  g_autoptr(GPtrArray) spans = collect_spans (document);

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (strcmp (sm_span_get_label (span), label) != 0)
        continue;

      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          SmUnit unit;

          sm_span_get_fragment (span, f, &unit.start, &unit.end);
          unit.start += offset;
          unit.end += offset;
          g_array_append_val (units, unit);
        }
    }
}

static double
alpha_unitizing (guint   length,
                 GArray *a,
                 GArray *b)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  double alpha;

  sm_units_merge (a);
  sm_units_merge (b);
  g_ptr_array_add (units, a);
  g_ptr_array_add (units, b);
  if (!sm_alpha_unitizing (length, units, &alpha))
    return NAN;

  return alpha;
}

static gboolean
has_relation (GPtrArray  *relations,
              const char *type,
              SmSpan     *from,
              SmSpan     *to)
{
  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (strcmp (sm_relation_get_type_name (relation), type) == 0 &&
          sm_relation_get_from (relation) == from &&
          sm_relation_get_to (relation) == to)
        return TRUE;
    }

  return FALSE;
}

static Tally *
lookup_tally (GHashTable *tallies,
              const char *key)
{
  Tally *tally = g_hash_table_lookup (tallies, key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      g_hash_table_insert (tallies, g_strdup (key), tally);
    }

  return tally;
}

/* Counts one article's spans per label (into @spans as totals and
 * matches of @mode) and, for overlap, its relations per type */
static void
count_matches (SmDocument      *a,
               SmDocument      *b,
               SmSpanMatchMode  mode,
               GHashTable      *spans,
               GHashTable      *relations)
{
  g_autoptr(GPtrArray) a_spans = collect_spans (a);
  g_autoptr(GPtrArray) b_spans = collect_spans (b);
  g_autoptr(GArray) pairs = sm_span_match (a_spans, b_spans, mode);
  g_autoptr(GHashTable) matches = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) a_relations = NULL;
  g_autoptr(GPtrArray) b_relations = NULL;

  for (guint i = 0; i < a_spans->len; i++)
    lookup_tally (spans, sm_span_get_label (g_ptr_array_index (a_spans, i)))->total++;
  for (guint i = 0; i < b_spans->len; i++)
    lookup_tally (spans, sm_span_get_label (g_ptr_array_index (b_spans, i)))->total++;

  for (guint i = 0; i < pairs->len; i++)
    {
      const SmSpanPair *pair = &g_array_index (pairs, SmSpanPair, i);
      SmSpan *span = g_ptr_array_index (a_spans, pair->a);

      /* Once per match: F1 is 2·matched over both sides' spans */
      lookup_tally (spans, sm_span_get_label (span))->matched++;
      g_hash_table_insert (matches, span, g_ptr_array_index (b_spans, pair->b));
    }

  if (relations == NULL)
    return;

  a_relations = collect_relations (a);
  b_relations = collect_relations (b);
  for (guint i = 0; i < b_relations->len; i++)
    lookup_tally (relations, sm_relation_get_type_name (g_ptr_array_index (b_relations, i)))->total++;
  for (guint i = 0; i < a_relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (a_relations, i);
      const char *type = sm_relation_get_type_name (relation);
      SmSpan *from = g_hash_table_lookup (matches, sm_relation_get_from (relation));
      SmSpan *to = g_hash_table_lookup (matches, sm_relation_get_to (relation));
      Tally *tally = lookup_tally (relations, type);

      tally->total++;
      if (from != NULL && to != NULL && has_relation (b_relations, type, from, to))
        tally->matched++;
    }
}

static SmAgreementFigures *
figures_new_undefined (void)
{
  SmAgreementFigures *figures = g_new (SmAgreementFigures, 1);

  figures->f1_exact = NAN;
  figures->f1_overlap = NAN;
  figures->kappa = NAN;
  figures->alpha = NAN;
  figures->alpha_u = NAN;

  return figures;
}

static double
tally_lookup_f1 (GHashTable *tallies,
                 const char *key)
{
  Tally *tally = g_hash_table_lookup (tallies, key);

  return tally != NULL ? tally_get_f1 (tally) : NAN;
}

/* Adds @from's tallies into @into, key by key */
static void
add_tallies (GHashTable *into,
             GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = lookup_tally (into, key);

      tally->matched += ((Tally *) value)->matched;
      tally->total += ((Tally *) value)->total;
    }
}

enum { SUM_EXACT, SUM_OVERLAP, SUM_KAPPA, SUM_ALPHA_U };

static void
sums_add (FigureSums *sums,
          guint       which,
          double      value)
{
  if (isnan (value))
    return;

  sums->sum[which] += value;
  sums->n[which]++;
}

static double
sums_get_mean (const FigureSums *sums,
               guint             which)
{
  return sums->n[which] > 0 ? sums->sum[which] / sums->n[which] : NAN;
}

static FigureSums *
article_lookup_sums (Article    *article,
                     const char *label)
{
  FigureSums *sums;

  if (article->sums == NULL)
    article->sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  sums = g_hash_table_lookup (article->sums, label);
  if (sums == NULL)
    {
      sums = g_new0 (FigureSums, 1);
      g_hash_table_insert (article->sums, g_strdup (label), sums);
    }

  return sums;
}

/* Appends @from's units to @into, moved by @offset */
static void
append_units (GArray       *into,
              const GArray *from,
              guint         offset)
{
  for (guint i = 0; i < from->len; i++)
    {
      SmUnit unit = g_array_index (from, SmUnit, i);

      unit.start += offset;
      unit.end += offset;
      g_array_append_val (into, unit);
    }
}

/* Compares annotators @a and @b over @shared (the articles both have):
 * the pair's figures, pooled over the articles; and, into each article,
 * the figures of this pair on that article alone and its unmatched spans */
static Pair *
compare_pair (SmAgreement *self,
              const char  *a,
              const char  *b,
              GPtrArray   *shared,
              GHashTable  *relation_tallies)
{
  Pair *pair = g_new0 (Pair, 1);
  g_autoptr(GHashTable) exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) overlap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_labels = self->labels->len;
  /* Each label's 2 × 2 table of tokens, summed over the articles */
  g_autofree guint64 (*tables)[2][2] = g_malloc0_n (n_labels + 1, sizeof (guint64[2][2]));
  g_autoptr(GPtrArray) a_units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) b_units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint length = 0;

  pair->a = g_strdup (a);
  pair->b = g_strdup (b);
  pair->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint l = 0; l < n_labels; l++)
    {
      g_ptr_array_add (a_units, g_array_new (FALSE, FALSE, sizeof (SmUnit)));
      g_ptr_array_add (b_units, g_array_new (FALSE, FALSE, sizeof (SmUnit)));
    }

  for (guint i = 0; i < shared->len; i++)
    {
      Article *article = g_ptr_array_index (shared, i);
      SmDocument *da = article_get_version (article, a);
      SmDocument *db = article_get_version (article, b);
      guint article_length = sm_text_get_length (article->text);
      g_autoptr(GHashTable) article_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GHashTable) article_overlap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      count_matches (da, db, SM_SPAN_MATCH_EXACT, article_exact, NULL);
      count_matches (da, db, SM_SPAN_MATCH_OVERLAP, article_overlap, relation_tallies);
      add_tallies (exact, article_exact);
      add_tallies (overlap, article_overlap);

      for (guint l = 0; l < n_labels; l++)
        {
          const char *label = g_ptr_array_index (self->labels, l);
          FigureSums *sums = article_lookup_sums (article, label);
          Tally *unmatched = g_hash_table_lookup (article_overlap, label);
          g_autoptr(GByteArray) marks_a = mark_tokens (article, da, label);
          g_autoptr(GByteArray) marks_b = mark_tokens (article, db, label);
          g_autoptr(GArray) article_a_units = g_array_new (FALSE, FALSE, sizeof (SmUnit));
          g_autoptr(GArray) article_b_units = g_array_new (FALSE, FALSE, sizeof (SmUnit));
          guint64 table[2][2] = { { 0, 0 }, { 0, 0 } };

          for (guint t = 0; t < marks_a->len; t++)
            table[marks_a->data[t]][marks_b->data[t]]++;
          for (guint x = 0; x < 2; x++)
            for (guint y = 0; y < 2; y++)
              tables[l][x][y] += table[x][y];

          /* Merged into their unions by alpha_unitizing(): merging them
           * again on the pair's continuum changes nothing */
          add_units (article_a_units, da, label, 0);
          add_units (article_b_units, db, label, 0);

          sums_add (sums, SUM_EXACT, tally_lookup_f1 (article_exact, label));
          sums_add (sums, SUM_OVERLAP, tally_lookup_f1 (article_overlap, label));
          sums_add (sums, SUM_KAPPA, kappa_from_table (table));
          sums_add (sums, SUM_ALPHA_U, alpha_unitizing (article_length, article_a_units, article_b_units));

          append_units (g_ptr_array_index (a_units, l), article_a_units, length);
          append_units (g_ptr_array_index (b_units, l), article_b_units, length);

          if (unmatched != NULL)
            article->disagreement += (guint) (unmatched->total - 2 * unmatched->matched);
        }

      length += article_length;
    }

  for (guint l = 0; l < n_labels; l++)
    {
      const char *label = g_ptr_array_index (self->labels, l);
      SmAgreementFigures *figures = figures_new_undefined ();
      AlphaTally alpha = { 0, };

      /* Two values per token: its coincidences follow from the 2 × 2 table */
      alpha_tally_add_times (&alpha, 2, 0, tables[l][0][0]);
      alpha_tally_add_times (&alpha, 2, 1, tables[l][0][1] + tables[l][1][0]);
      alpha_tally_add_times (&alpha, 2, 2, tables[l][1][1]);

      figures->f1_exact = tally_lookup_f1 (exact, label);
      figures->f1_overlap = tally_lookup_f1 (overlap, label);
      figures->kappa = kappa_from_table (tables[l]);
      figures->alpha = alpha_tally_get (&alpha);
      figures->alpha_u = alpha_unitizing (length, g_ptr_array_index (a_units, l),
                                          g_ptr_array_index (b_units, l));
      g_hash_table_insert (pair->labels, g_strdup (label), figures);
    }

  return pair;
}

/* Nominal α of @label, all annotators at once, over every shared article;
 * each article's own α goes into its figures */
static double
alpha_all (GPtrArray  *shared,
           const char *label)
{
  AlphaTally tally = { 0, };

  for (guint i = 0; i < shared->len; i++)
    {
      Article *article = g_ptr_array_index (shared, i);
      GArray *tokens = article_get_tokens (article);
      g_autofree guint *ones = g_new0 (guint, tokens->len + 1);
      guint m = g_hash_table_size (article->versions);
      AlphaTally of_article = { 0, };
      GHashTableIter iter;
      gpointer version;

      g_hash_table_iter_init (&iter, article->versions);
      while (g_hash_table_iter_next (&iter, NULL, &version))
        {
          g_autoptr(GByteArray) marks = mark_tokens (article, ((Version *) version)->document, label);

          for (guint t = 0; t < marks->len; t++)
            ones[t] += marks->data[t];
        }

      for (guint t = 0; t < tokens->len; t++)
        alpha_tally_add (&of_article, m, ones[t]);

      ((SmAgreementFigures *) g_hash_table_lookup (article->figures, label))->alpha = alpha_tally_get (&of_article);
      tally.disagreement += of_article.disagreement;
      tally.n += of_article.n;
      tally.n1 += of_article.n1;
    }

  return alpha_tally_get (&tally);
}

static double
mean_defined (double   *values,
              guint     n)
{
  double sum = 0;
  guint n_defined = 0;

  for (guint i = 0; i < n; i++)
    {
      if (isnan (values[i]))
        continue;
      sum += values[i];
      n_defined++;
    }

  return n_defined > 0 ? sum / n_defined : NAN;
}

static gint
compare_articles (gconstpointer a,
                  gconstpointer b)
{
  const Article *x = *(Article * const *) a, *y = *(Article * const *) b;

  return strcmp (sm_text_get_sha256 (x->text), sm_text_get_sha256 (y->text));
}

/* The labels and relation types that the shared articles' versions use */
static void
collect_names (GPtrArray  *shared,
               GHashTable *labels,
               GHashTable *types)
{
  for (guint i = 0; i < shared->len; i++)
    {
      Article *article = g_ptr_array_index (shared, i);
      GHashTableIter iter;
      gpointer version;

      g_hash_table_iter_init (&iter, article->versions);
      while (g_hash_table_iter_next (&iter, NULL, &version))
        {
          SmDocument *document = ((Version *) version)->document;
          g_autoptr(GPtrArray) spans = collect_spans (document);
          g_autoptr(GPtrArray) relations = collect_relations (document);

          for (guint s = 0; s < spans->len; s++)
            g_hash_table_add (labels, g_strdup (sm_span_get_label (g_ptr_array_index (spans, s))));
          for (guint r = 0; r < relations->len; r++)
            g_hash_table_add (types, g_strdup (sm_relation_get_type_name (g_ptr_array_index (relations, r))));
        }
    }
}

/* What names an article: the file name of its first annotator's version,
 * or, read from no file, that version's document name */
static char *
article_dup_name (Article *article)
{
  Version *first = g_hash_table_lookup (article->versions, g_ptr_array_index (article->annotators, 0));

  if (first->file != NULL)
    return g_file_get_basename (first->file);

  return g_strdup (sm_document_get_name (first->document));
}

/* Most disagreement first; then by name, then by text, so the order is
 * the same on every run */
static gint
compare_disagreement (gconstpointer a,
                      gconstpointer b)
{
  Article *x = *(Article * const *) a, *y = *(Article * const *) b;
  g_autofree char *x_name = NULL;
  g_autofree char *y_name = NULL;
  gint result;

  if (x->disagreement != y->disagreement)
    return x->disagreement > y->disagreement ? -1 : 1;

  x_name = article_dup_name (x);
  y_name = article_dup_name (y);
  if ((result = g_strcmp0 (x_name, y_name)) != 0)
    return result;

  return compare_articles (a, b);
}

/* Each shared article's figures: its pairs' means, and its own α */
static void
compute_articles (SmAgreement *self,
                  GPtrArray   *shared)
{
  for (guint i = 0; i < shared->len; i++)
    {
      Article *article = g_ptr_array_index (shared, i);

      article->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint l = 0; l < self->labels->len; l++)
        {
          const char *label = g_ptr_array_index (self->labels, l);
          SmAgreementFigures *figures = figures_new_undefined ();
          FigureSums *sums = article_lookup_sums (article, label);

          figures->f1_exact = sums_get_mean (sums, SUM_EXACT);
          figures->f1_overlap = sums_get_mean (sums, SUM_OVERLAP);
          figures->kappa = sums_get_mean (sums, SUM_KAPPA);
          figures->alpha_u = sums_get_mean (sums, SUM_ALPHA_U);
          g_hash_table_insert (article->figures, g_strdup (label), figures);
        }
      g_clear_pointer (&article->sums, g_hash_table_unref);
    }
}

static void
compute (SmAgreement *self)
{
  g_autoptr(GPtrArray) shared = g_ptr_array_new ();
  g_autoptr(GPtrArray) annotators = sorted_keys (self->annotators);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) relation_pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->articles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Article *article = value;

      if (g_hash_table_size (article->versions) >= 2)
        {
          article->annotators = sorted_keys (article->versions);
          g_ptr_array_add (shared, article);
        }
    }
  /* One order for the continuum of α_u, whatever order files came in */
  g_ptr_array_sort (shared, compare_articles);
  self->n_documents = shared->len;

  collect_names (shared, labels, types);
  self->labels = sorted_keys (self->filter != NULL ? self->filter : labels);
  self->relation_types = sorted_keys (types);

  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  for (guint i = 0; i < annotators->len; i++)
    for (guint j = i + 1; j < annotators->len; j++)
      {
        const char *a = g_ptr_array_index (annotators, i);
        const char *b = g_ptr_array_index (annotators, j);
        g_autoptr(GPtrArray) both = g_ptr_array_new ();
        GHashTable *relation_tallies;

        for (guint k = 0; k < shared->len; k++)
          {
            Article *article = g_ptr_array_index (shared, k);

            if (g_hash_table_contains (article->versions, a) &&
                g_hash_table_contains (article->versions, b))
              g_ptr_array_add (both, article);
          }

        if (both->len == 0)
          continue;

        relation_tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        g_ptr_array_add (self->pairs, compare_pair (self, a, b, both, relation_tallies));
        g_ptr_array_add (relation_pairs, relation_tallies);
      }

  compute_articles (self, shared);

  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint l = 0; l < self->labels->len; l++)
    {
      const char *label = g_ptr_array_index (self->labels, l);
      SmAgreementFigures *figures = figures_new_undefined ();
      guint n = self->pairs->len;
      g_autofree double *exact = g_new (double, n + 1);
      g_autofree double *overlap = g_new (double, n + 1);
      g_autofree double *kappa = g_new (double, n + 1);
      g_autofree double *alpha_u = g_new (double, n + 1);

      for (guint p = 0; p < n; p++)
        {
          Pair *pair = g_ptr_array_index (self->pairs, p);
          SmAgreementFigures *of_pair = g_hash_table_lookup (pair->labels, label);

          exact[p] = of_pair->f1_exact;
          overlap[p] = of_pair->f1_overlap;
          kappa[p] = of_pair->kappa;
          alpha_u[p] = of_pair->alpha_u;
        }

      figures->f1_exact = mean_defined (exact, n);
      figures->f1_overlap = mean_defined (overlap, n);
      figures->kappa = mean_defined (kappa, n);
      figures->alpha = alpha_all (shared, label);
      figures->alpha_u = mean_defined (alpha_u, n);
      g_hash_table_insert (self->figures, g_strdup (label), figures);
    }

  self->relation_f1 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint r = 0; r < self->relation_types->len; r++)
    {
      const char *type = g_ptr_array_index (self->relation_types, r);
      guint n = relation_pairs->len;
      g_autofree double *f1 = g_new (double, n + 1);
      double *mean = g_new (double, 1);

      for (guint p = 0; p < n; p++)
        f1[p] = tally_lookup_f1 (g_ptr_array_index (relation_pairs, p), type);
      *mean = mean_defined (f1, n);
      g_hash_table_insert (self->relation_f1, g_strdup (type), mean);
    }

  self->documents = g_ptr_array_copy (shared, NULL, NULL);
  g_ptr_array_sort (self->documents, compare_disagreement);

  self->computed = TRUE;
}

/* Every getter asks; the figures are worked out once */
static void
ensure_computed (SmAgreement *self)
{
  if (!self->computed)
    compute (self);
}

/**
 * sm_agreement_get_n_documents:
 *
 * Returns: how many articles two annotators or more annotated
 */
guint
sm_agreement_get_n_documents (SmAgreement *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT (self), 0);

  ensure_computed (self);
  return self->n_documents;
}

static char **
strv_from (GPtrArray *strings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < strings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (strings, i));

  return g_strv_builder_end (builder);
}

/**
 * sm_agreement_dup_annotators:
 *
 * Returns: (transfer full): every annotator, sorted
 */
char **
sm_agreement_dup_annotators (SmAgreement *self)
{
  g_autoptr(GPtrArray) annotators = NULL;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  annotators = sorted_keys (self->annotators);
  return strv_from (annotators);
}

/**
 * sm_agreement_dup_labels:
 *
 * Returns: (transfer full): the labels measured, sorted: those asked
 *   for, or those of the shared articles' non-empty spans
 */
char **
sm_agreement_dup_labels (SmAgreement *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  ensure_computed (self);
  return strv_from (self->labels);
}

/**
 * sm_agreement_dup_relation_types:
 *
 * Returns: (transfer full): the types of the shared articles' relations
 *   between non-empty spans, sorted
 */
char **
sm_agreement_dup_relation_types (SmAgreement *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  ensure_computed (self);
  return strv_from (self->relation_types);
}

static void
copy_figures (GHashTable         *table,
              const char         *label,
              SmAgreementFigures *figures)
{
  SmAgreementFigures *found = g_hash_table_lookup (table, label);

  if (found != NULL)
    *figures = *found;
  else
    {
      g_autofree SmAgreementFigures *undefined = figures_new_undefined ();

      *figures = *undefined;
    }
}

/**
 * sm_agreement_get_figures:
 * @label: a label
 * @figures: (out): its figures, averaged over the pairs (alpha: all
 *   annotators at once), NAN where undefined
 */
void
sm_agreement_get_figures (SmAgreement        *self,
                          const char         *label,
                          SmAgreementFigures *figures)
{
  g_return_if_fail (SM_IS_AGREEMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (figures != NULL);

  ensure_computed (self);
  copy_figures (self->figures, label, figures);
}

/**
 * sm_agreement_get_relation_f1:
 * @type: a relation type
 *
 * Returns: the F1 of relations of @type, averaged over the pairs; NAN
 *   where undefined
 */
double
sm_agreement_get_relation_f1 (SmAgreement *self,
                              const char  *type)
{
  double *f1;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NAN);

  ensure_computed (self);
  f1 = g_hash_table_lookup (self->relation_f1, type);
  return f1 != NULL ? *f1 : NAN;
}

/**
 * sm_agreement_get_n_pairs:
 *
 * Returns: how many pairs of annotators share an article
 */
guint
sm_agreement_get_n_pairs (SmAgreement *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT (self), 0);

  ensure_computed (self);
  return self->pairs->len;
}

/**
 * sm_agreement_get_pair:
 * @position: a pair's position, below sm_agreement_get_n_pairs()
 * @a: (out): the first annotator, in sorted order
 * @b: (out): the second
 */
void
sm_agreement_get_pair (SmAgreement  *self,
                       guint         position,
                       const char  **a,
                       const char  **b)
{
  Pair *pair;

  g_return_if_fail (SM_IS_AGREEMENT (self));

  ensure_computed (self);
  g_return_if_fail (position < self->pairs->len);

  pair = g_ptr_array_index (self->pairs, position);
  *a = pair->a;
  *b = pair->b;
}

/**
 * sm_agreement_get_pair_figures:
 * @position: a pair's position
 * @label: a label
 * @figures: (out): the pair's figures for @label, alpha being the two
 *   annotators' α over the articles they share
 */
void
sm_agreement_get_pair_figures (SmAgreement        *self,
                               guint               position,
                               const char         *label,
                               SmAgreementFigures *figures)
{
  Pair *pair;

  g_return_if_fail (SM_IS_AGREEMENT (self));
  g_return_if_fail (figures != NULL);

  ensure_computed (self);
  g_return_if_fail (position < self->pairs->len);

  pair = g_ptr_array_index (self->pairs, position);
  copy_figures (pair->labels, label, figures);
}

/* Per document */

static Article *
get_document (SmAgreement *self,
              guint        position)
{
  ensure_computed (self);
  g_return_val_if_fail (position < self->documents->len, NULL);

  return g_ptr_array_index (self->documents, position);
}

/**
 * sm_agreement_dup_document_name:
 * @position: a document's position, below sm_agreement_get_n_documents(),
 *   the one with most disagreement first
 *
 * Returns: (transfer full): the file name of its first annotator's
 *   version (in sorted order), or that version's document name if it was
 *   read from no file
 */
char *
sm_agreement_dup_document_name (SmAgreement *self,
                                guint        position)
{
  Article *article;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  article = get_document (self, position);
  g_return_val_if_fail (article != NULL, NULL);

  return article_dup_name (article);
}

/**
 * sm_agreement_get_document_sha256:
 * @position: a document's position
 *
 * Returns: the SHA-256 of its text, which pairs its versions
 */
const char *
sm_agreement_get_document_sha256 (SmAgreement *self,
                                  guint        position)
{
  Article *article;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  article = get_document (self, position);
  g_return_val_if_fail (article != NULL, NULL);

  return sm_text_get_sha256 (article->text);
}

/**
 * sm_agreement_dup_document_annotators:
 * @position: a document's position
 *
 * Returns: (transfer full): the annotators who have a version of it, sorted
 */
char **
sm_agreement_dup_document_annotators (SmAgreement *self,
                                      guint        position)
{
  Article *article;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);

  article = get_document (self, position);
  g_return_val_if_fail (article != NULL, NULL);

  return strv_from (article->annotators);
}

/**
 * sm_agreement_get_document_file:
 * @position: a document's position
 * @annotator: one of its annotators
 *
 * Returns: (transfer none) (nullable): the file @annotator's version was
 *   read from, if it was given
 */
GFile *
sm_agreement_get_document_file (SmAgreement *self,
                                guint        position,
                                const char  *annotator)
{
  Article *article;
  Version *version;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  article = get_document (self, position);
  g_return_val_if_fail (article != NULL, NULL);

  version = g_hash_table_lookup (article->versions, annotator);
  return version != NULL ? version->file : NULL;
}

/**
 * sm_agreement_get_document_disagreement:
 * @position: a document's position
 *
 * Returns: its spans of the measured labels that found no overlap match
 *   in the other annotator's version, summed over its pairs of annotators
 */
guint
sm_agreement_get_document_disagreement (SmAgreement *self,
                                        guint        position)
{
  Article *article;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), 0);

  article = get_document (self, position);
  g_return_val_if_fail (article != NULL, 0);

  return article->disagreement;
}

/**
 * sm_agreement_get_document_figures:
 * @position: a document's position
 * @label: a label
 * @figures: (out): the figures of @label over this document alone, as
 *   sm_agreement_get_figures() would give them were it the only one
 */
void
sm_agreement_get_document_figures (SmAgreement        *self,
                                   guint               position,
                                   const char         *label,
                                   SmAgreementFigures *figures)
{
  Article *article;

  g_return_if_fail (SM_IS_AGREEMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (figures != NULL);

  article = get_document (self, position);
  g_return_if_fail (article != NULL);

  copy_figures (article->figures, label, figures);
}
