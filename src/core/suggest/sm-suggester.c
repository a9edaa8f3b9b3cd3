/* sm-suggester.c: what Spanmark proposes for a document.
 *
 * A run reads a snapshot of the document (its text, which never changes,
 * and its spans and labels as they were when the run began), so it can go
 * on in a worker thread while the annotator edits. It runs the rule
 * recognizers (figures; quotations, reported speech and their speakers)
 * with the word lists of the article's language, and the learned strings:
 * those tagged in the other documents this suggester has learned (a
 * corpus) and in this one. Each hit becomes a suggestion of the label of
 * the same id (SPEAKER, CLAIM, FIGURE) if the document has it; the
 * document then keeps what is new (sm_document_add_suggestions()). A claim
 * the rules found no speaker for is given the nearest known speaker in its
 * paragraph, if there is one (attribute_to_known_speakers()). What the
 * document would not keep is left out before any suggestion object is
 * made (keep_proposals()).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggester"

#include "config.h"

#include "sm-learned.h"
#include "sm-lexicon.h"
#include "sm-span-index.h"
#include "sm-suggest-rules.h"
#include "sm-suggester.h"
#include "sm-thread.h"

struct _SmSuggester
{
  GObject     parent_instance;

  GMutex      mutex;
  GHashTable *lexicons;   /* language -> SmLexicon */
  GHashTable *documents;  /* text checksum -> SmLearned of that document */
  /* All the documents' strings at once, made again only after a document
   * is learned, and shared by the runs that read it */
  SmLearned  *corpus;
  /* Learns documents one after the other in a worker thread:
   * sm_suggester_learn_document_in_thread() */
  GThreadPool *learner;
};

G_DEFINE_FINAL_TYPE (SmSuggester, sm_suggester, G_TYPE_OBJECT)

/* What a run reads: taken on the caller's thread */
/* One span of a document as a run sees it; the label interned */
typedef struct
{
  guint       start;
  guint       end;
  const char *label;
} Tagged;

typedef struct
{
  SmText    *text;
  SmLearned *corpus;      /* every learned document's strings */
  SmLearned *learned;     /* … of which this document's, as last learned:
                           * both taken by the run, in its thread */
  GArray    *tagged;      /* Tagged: this document's spans as they are now,
                           * learned in the run's thread */
  GArray    *fragments;   /* Tagged: each fragment of its discontinuous
                           * spans, which are not learned */
  GArray    *rejected;    /* Tagged: the suggestions the annotator rejected */
  GStrv      labels;      /* the labels suggestions may have */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->text, sm_text_unref);
  g_clear_pointer (&snapshot->corpus, sm_learned_unref);
  g_clear_pointer (&snapshot->learned, sm_learned_unref);
  g_clear_pointer (&snapshot->tagged, g_array_unref);
  g_clear_pointer (&snapshot->fragments, g_array_unref);
  g_clear_pointer (&snapshot->rejected, g_array_unref);
  g_clear_pointer (&snapshot->labels, g_strfreev);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
sm_suggester_finalize (GObject *object)
{
  SmSuggester *self = (SmSuggester *)object;

  /* The lessons still queued are learned first: they use the tables */
  if (self->learner != NULL)
    g_thread_pool_free (self->learner, FALSE, TRUE);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->lexicons, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->corpus, sm_learned_unref);

  G_OBJECT_CLASS (sm_suggester_parent_class)->finalize (object);
}

static void
sm_suggester_class_init (SmSuggesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_suggester_finalize;
}

static void
sm_suggester_init (SmSuggester *self)
{
  g_mutex_init (&self->mutex);
  self->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) sm_lexicon_unref);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) sm_learned_unref);
}

SmSuggester *
sm_suggester_new (void)
{
  return g_object_new (SM_TYPE_SUGGESTER, NULL);
}

typedef struct
{
  GArray *tagged;
  GArray *fragments;   /* NULL when not wanted */
} Collecting;

static gboolean
collect_one (SmSpan   *span,
             gpointer  user_data)
{
  Collecting *collecting = user_data;
  guint n_fragments = sm_span_get_n_fragments (span);
  Tagged one;

  /* Interned by the span: it outlives any span */
  one.label = sm_span_get_label (span);

  /* A discontinuous span's text is its parts joined: not a string of the
   * article; its fragments only say where suggestions of its label are
   * answered already */
  if (n_fragments != 1)
    {
      for (guint i = 0; collecting->fragments != NULL && i < n_fragments; i++)
        {
          sm_span_get_fragment (span, i, &one.start, &one.end);
          g_array_append_val (collecting->fragments, one);
        }
      return TRUE;
    }

  one.start = sm_span_get_start (span);
  one.end = sm_span_get_end (span);
  g_array_append_val (collecting->tagged, one);

  return TRUE;
}

/* Where the document's spans are and what they are labelled, cheap to
 * take on the main thread: learning their strings (a slice of the text
 * and a table entry each) is left to the run's thread. On the 20 MB
 * article's 100,000 spans that learning was up to 10 % of the main
 * thread's samples after Tag All Matches (perf, load 9). A walk of the
 * span index's tree: taking the spans by position, a search and a
 * reference each, was 36 ms of the iteration that shows that article
 * (18 of its 68 samples, perf). */
static GArray *
collect_tagged (SmDocument  *document,
                GArray     **fragments)
{
  GListModel *spans = sm_document_get_spans (document);
  Collecting collecting;

  collecting.tagged = g_array_sized_new (FALSE, FALSE, sizeof (Tagged),
                                         g_list_model_get_n_items (spans));
  collecting.fragments = fragments != NULL ? g_array_new (FALSE, FALSE, sizeof (Tagged)) : NULL;
  sm_span_index_foreach (SM_SPAN_INDEX (spans), collect_one, &collecting);
  if (fragments != NULL)
    *fragments = collecting.fragments;

  return collecting.tagged;
}

/* The suggestions the annotator rejected, where and of what label */
static GArray *
collect_rejected (SmDocument *document)
{
  g_autoptr(GPtrArray) rejected = sm_document_dup_rejected (document);
  GArray *places = g_array_sized_new (FALSE, FALSE, sizeof (Tagged), rejected->len);

  for (guint i = 0; i < rejected->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (rejected, i);
      /* A quark's string: it outlives the suggestion */
      Tagged one = { sm_suggestion_get_start (suggestion), sm_suggestion_get_end (suggestion),
                     sm_suggestion_get_label (suggestion) };

      g_array_append_val (places, one);
    }

  return places;
}

static SmLearned *
learn_tagged (SmText *text,
              GArray *tagged)
{
  SmLearned *learned = sm_learned_new ();

  for (guint i = 0; i < tagged->len; i++)
    {
      const Tagged *one = &g_array_index (tagged, Tagged, i);
      g_autofree char *string = sm_text_dup_slice (text, one->start, one->end);

      sm_learned_add (learned, string, one->label, 1);
    }

  return learned;
}

/* A document to learn: where its spans were when asked, taken on the
 * caller's thread; their strings are learned by learn_lesson() */
typedef struct
{
  SmText *text;
  GArray *tagged;
} Lesson;

static Lesson *
lesson_new (SmDocument *document)
{
  Lesson *lesson = g_new0 (Lesson, 1);

  lesson->text = sm_text_ref (sm_document_get_text (document));
  lesson->tagged = collect_tagged (document, NULL);

  return lesson;
}

/* Learns @data, a Lesson it frees, for @user_data, the suggester: what
 * its document has tagged from now on */
static void
learn_lesson (gpointer data,
              gpointer user_data)
{
  SmSuggester *self = user_data;
  Lesson *lesson = data;
  SmLearned *learned;

  sm_thread_lower_priority ();
  learned = learn_tagged (lesson->text, lesson->tagged);

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->documents, g_strdup (sm_text_get_sha256 (lesson->text)), learned);
  g_clear_pointer (&self->corpus, sm_learned_unref);
  g_mutex_unlock (&self->mutex);

  sm_text_unref (lesson->text);
  g_array_unref (lesson->tagged);
  g_free (lesson);
}

/**
 * sm_suggester_learn_document:
 * @self: a suggester
 * @document: a document of the corpus
 *
 * Learns the strings tagged in @document, for the suggestions in every
 * other document; learning a document again (after it was saved, say)
 * replaces what was learned from it before.
 */
void
sm_suggester_learn_document (SmSuggester *self,
                             SmDocument  *document)
{
  g_return_if_fail (SM_IS_SUGGESTER (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  learn_lesson (lesson_new (document), self);
}

/**
 * sm_suggester_learn_document_in_thread:
 *
 * Learns @document as sm_suggester_learn_document() does, but only takes
 * where its spans are on this thread: their strings are learned in a
 * worker thread, one document after the other in the order asked. A run
 * of @document itself gives the same suggestions either way (it counts
 * the document's spans as they are); other documents' runs have them
 * once learned. On the 20 MB article's 100,000 spans, learning on the
 * main thread was 30 % of the samples of the main-loop iteration that
 * showed it (perf, load 1.2).
 */
void
sm_suggester_learn_document_in_thread (SmSuggester *self,
                                       SmDocument  *document)
{
  g_return_if_fail (SM_IS_SUGGESTER (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  if (self->learner == NULL)
    self->learner = g_thread_pool_new (learn_lesson, self, 1, FALSE, NULL);

  g_thread_pool_push (self->learner, lesson_new (document), NULL);
}

/* Every learned document's strings in one table: made once after
 * documents are learned, not for every run (merging ten thousand
 * documents' tables for each of ten thousand runs made `suggest` over an
 * annotated corpus quadratic: 155 s for 2,000 articles of 4 KB) */
static SmLearned *
dup_corpus_locked (SmSuggester *self)
{
  if (self->corpus == NULL)
    {
      GHashTableIter iter;
      SmLearned *learned;

      self->corpus = sm_learned_new ();
      g_hash_table_iter_init (&iter, self->documents);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &learned))
        sm_learned_merge (self->corpus, learned);
    }

  return sm_learned_ref (self->corpus);
}

/* How many distinct strings the suggester has learned from documents */
guint
sm_suggester_get_n_learned (SmSuggester *self)
{
  g_autoptr(SmLearned) corpus = NULL;

  g_return_val_if_fail (SM_IS_SUGGESTER (self), 0);

  g_mutex_lock (&self->mutex);
  corpus = dup_corpus_locked (self);
  g_mutex_unlock (&self->mutex);

  return sm_learned_get_size (corpus);
}

static Snapshot *
take_snapshot (SmSuggester        *self,
               SmDocument         *document,
               const char * const *labels)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = sm_document_get_labels (document);

  snapshot->text = sm_text_ref (sm_document_get_text (document));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (model, i);
      const char *id = sm_label_get_id (label);

      if (labels == NULL || g_strv_contains (labels, id))
        g_strv_builder_add (builder, id);
    }
  snapshot->labels = g_strv_builder_end (builder);

  /* The document's own spans count as they are now, not as last learned */
  snapshot->tagged = collect_tagged (document, &snapshot->fragments);
  snapshot->rejected = collect_rejected (document);

  return snapshot;
}

static SmLexicon *
get_lexicon (SmSuggester *self,
             SmText      *text)
{
  g_autofree char *language = sm_lexicon_guess_language (text);
  SmLexicon *lexicon;

  g_mutex_lock (&self->mutex);
  if ((lexicon = g_hash_table_lookup (self->lexicons, language)) == NULL)
    {
      lexicon = sm_lexicon_new (language);
      g_hash_table_insert (self->lexicons, g_strdup (language), lexicon);
    }
  sm_lexicon_ref (lexicon);
  g_mutex_unlock (&self->mutex);

  return lexicon;
}

/* The paragraph @offset is in: how many line breaks come before it */
static guint
paragraph_of (GArray *breaks,
              guint   offset)
{
  guint low = 0, high = breaks->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (breaks, guint, middle) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* What a run proposes before it is a suggestion: a recognizer's hit or a
 * learned match, as plain data, so that what the document would not take
 * costs no object (keep_proposals()) */
typedef struct
{
  guint start;
  guint end;
  int   speaker;       /* a claim's speaker: another proposal, by index,
                        * or -1 */
  guint label : 30;    /* in the snapshot's labels */
  guint learned : 1;   /* from learned strings, or from the rules */
  guint answered : 1;  /* over a span of its label, or rejected */
} Proposal;

/* The index in @labels of @label, or -1 if it is not one of them */
static int
find_label (GStrv       labels,
            const char *label)
{
  for (guint i = 0; labels[i] != NULL; i++)
    if (g_strcmp0 (labels[i], label) == 0)
      return i;

  return -1;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Proposal *proposals = user_data;
  guint start_a = proposals[*(const guint *) a].start;
  guint start_b = proposals[*(const guint *) b].start;

  return (start_a > start_b) - (start_a < start_b);
}

/* Speakers learned in other documents (or tagged in this one) help where
 * the rules found a claim but no attribution they know, as in a language
 * without a list of speech verbs ("„…“, sagte Merkel."): the nearest
 * mention of a known speaker in the claim's paragraph, outside the claim,
 * is taken as who said it. The mentions (@known_speakers, proposals by
 * index) are sorted, so each claim looks at the one just after it and the
 * few just before it. */
static void
attribute_to_known_speakers (SmText    *text,
                             GArray    *hits,
                             const int *proposal_of_hit,
                             Proposal  *proposals,
                             GArray    *known_speakers)
{
  g_autoptr(GArray) breaks = NULL;
  const char *utf8 = sm_text_get_utf8 (text);
  guint offset = 0;

  if (known_speakers->len == 0)
    return;

  /* A stable sort (g_qsort_with_data()): mentions that start together
   * stay in text order */
  g_array_sort_with_data (known_speakers, compare_starts, proposals);

  breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p), offset++)
    if (sm_text_is_line_break (g_utf8_get_char (p)))
      g_array_append_val (breaks, offset);

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      Proposal *claim;
      int nearest = -1;
      guint paragraph, best = G_MAXUINT;
      guint low = 0, high = known_speakers->len;

      if (proposal_of_hit[i] < 0 || hit->role != SM_ROLE_CLAIM)
        continue;
      claim = &proposals[proposal_of_hit[i]];
      if (claim->speaker >= 0)
        continue;

      paragraph = paragraph_of (breaks, hit->start);

      /* The first mention that starts at or after the claim's end */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (proposals[g_array_index (known_speakers, guint, middle)].start < hit->end)
            low = middle + 1;
          else
            high = middle;
        }

      if (low < known_speakers->len)
        {
          guint after = g_array_index (known_speakers, guint, low);

          if (paragraph_of (breaks, proposals[after].start) == paragraph)
            {
              best = proposals[after].start - hit->end;
              nearest = after;
            }
        }

      for (guint k = low, steps = 0; k > 0 && steps < 8; k--, steps++)
        {
          guint before = g_array_index (known_speakers, guint, k - 1);
          guint end = proposals[before].end;

          if (end > hit->start)
            continue;
          if (hit->start - end < best &&
              paragraph_of (breaks, proposals[before].start) == paragraph)
            {
              best = hit->start - end;
              nearest = before;
            }
          break;
        }

      if (nearest >= 0)
        claim->speaker = nearest;
    }
}

/* A place a suggestion may have: the same label over the same range */
static int
compare_places (const Proposal *a,
                const Proposal *b)
{
  if (a->label != b->label)
    return a->label < b->label ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return 0;
}

/* By place, then in the order a document takes them in
 * (sm_document_add_suggestions(): those with no speaker first, then
 * those with one, each in the run's order): the first of a place is the
 * one it would keep */
static int
compare_in_taking_order (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const Proposal *proposals = user_data;
  guint index_a = *(const guint *) a;
  guint index_b = *(const guint *) b;
  const Proposal *proposal_a = &proposals[index_a];
  const Proposal *proposal_b = &proposals[index_b];
  int by_place = compare_places (proposal_a, proposal_b);

  if (by_place != 0)
    return by_place;
  if ((proposal_a->speaker >= 0) != (proposal_b->speaker >= 0))
    return proposal_a->speaker >= 0 ? 1 : -1;

  return (index_a > index_b) - (index_a < index_b);
}

/* Ranges of one label's spans sorted by start, each with the furthest end
 * of those up to it: a range overlaps one of them if the last that starts
 * before its end reaches past its start */
typedef struct
{
  guint start;
  guint reach;
} Reach;

static int
compare_reach_starts (gconstpointer a,
                      gconstpointer b)
{
  guint start_a = ((const Reach *) a)->start;
  guint start_b = ((const Reach *) b)->start;

  return (start_a > start_b) - (start_a < start_b);
}

static void
add_reaches (GPtrArray *reaches,
             GStrv      labels,
             GArray    *tagged)
{
  for (guint i = 0; i < tagged->len; i++)
    {
      const Tagged *one = &g_array_index (tagged, Tagged, i);
      int label = find_label (labels, one->label);
      Reach reach = { one->start, one->end };

      if (label >= 0)
        g_array_append_val (g_ptr_array_index (reaches, label), reach);
    }
}

/* For each of the snapshot's labels, its spans' fragments as Reach */
static GPtrArray *
collect_reaches (Snapshot *snapshot)
{
  GPtrArray *reaches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; snapshot->labels[i] != NULL; i++)
    g_ptr_array_add (reaches, g_array_new (FALSE, FALSE, sizeof (Reach)));
  add_reaches (reaches, snapshot->labels, snapshot->tagged);
  add_reaches (reaches, snapshot->labels, snapshot->fragments);

  for (guint i = 0; i < reaches->len; i++)
    {
      GArray *ranges = g_ptr_array_index (reaches, i);

      g_array_sort (ranges, compare_reach_starts);
      for (guint k = 1; k < ranges->len; k++)
        g_array_index (ranges, Reach, k).reach = MAX (g_array_index (ranges, Reach, k).reach,
                                                      g_array_index (ranges, Reach, k - 1).reach);
    }

  return reaches;
}

/* Whether a span of @proposal's label overlaps it, as the document's
 * overlaps_span_of() says */
static gboolean
overlaps_tagged (GPtrArray      *reaches,
                 const Proposal *proposal)
{
  GArray *ranges = g_ptr_array_index (reaches, proposal->label);
  guint low = 0, high = ranges->len;

  /* How many start before its end */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (ranges, Reach, middle).start < proposal->end)
        low = middle + 1;
      else
        high = middle;
    }

  return low > 0 && g_array_index (ranges, Reach, low - 1).reach > proposal->start;
}

/* The rejected places of the snapshot's labels, in place order */
static GArray *
collect_rejected_places (Snapshot *snapshot)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Proposal));

  for (guint i = 0; i < snapshot->rejected->len; i++)
    {
      const Tagged *one = &g_array_index (snapshot->rejected, Tagged, i);
      int label = find_label (snapshot->labels, one->label);
      Proposal place = { one->start, one->end, -1, 0, 0, 0 };

      if (label < 0)
        continue;
      place.label = label;
      g_array_append_val (places, place);
    }
  g_array_sort (places, (GCompareFunc) compare_places);

  return places;
}

/* Of proposals that share a place the document takes the first in its
 * order only, and none over a span of their label or rejected
 * (sm_document_add_suggestions(), can_take() in sm-document.c). Sets
 * winner[i] to the proposal the document would take at proposal i's
 * place, and marks as answered the winners over a span or rejected, as the
 * snapshot has them: a span the annotator takes away during the run
 * gives its suggestions to the next run, which any edit starts.
 *
 * On the 20 MB article with 100,000 spans the run proposes 610,036
 * suggestions and the document takes 256,555. Made as objects, those
 * let go of after the update left GLib 2.74's slice allocator holding
 * 61.5 MB of slabs for 24.6 MB of live suggestions (heaptrack of the
 * window at rest): a slab with one live object in it is never given
 * back. */
static void
keep_proposals (Snapshot *snapshot,
                Proposal *proposals,
                guint     n_proposals,
                guint    *winner)
{
  g_autoptr(GPtrArray) reaches = collect_reaches (snapshot);
  g_autoptr(GArray) rejected = collect_rejected_places (snapshot);
  g_autofree guint *order = g_new (guint, n_proposals);
  guint next_rejected = 0;

  for (guint i = 0; i < n_proposals; i++)
    order[i] = i;
  g_qsort_with_data (order, n_proposals, sizeof (guint), compare_in_taking_order, proposals);

  for (guint i = 0; i < n_proposals; i++)
    {
      Proposal *proposal = &proposals[order[i]];

      if (i > 0 && compare_places (&proposals[order[i - 1]], proposal) == 0)
        {
          winner[order[i]] = winner[order[i - 1]];
          continue;
        }

      winner[order[i]] = order[i];
      while (next_rejected < rejected->len &&
             compare_places (&g_array_index (rejected, Proposal, next_rejected), proposal) < 0)
        next_rejected++;
      proposal->answered =
        (next_rejected < rejected->len &&
         compare_places (&g_array_index (rejected, Proposal, next_rejected), proposal) == 0) ||
        overlaps_tagged (reaches, proposal);
    }
}

static SmSuggestion *
make_suggestion (Snapshot       *snapshot,
                 const Proposal *proposal)
{
  return sm_suggestion_new (snapshot->labels[proposal->label], proposal->start, proposal->end,
                            proposal->learned ? SM_SUGGESTION_SOURCE_LEARNED
                                              : SM_SUGGESTION_SOURCE_RULES);
}

/* The suggestions of the proposals a document would take, in the run's
 * order, each claim with its speaker. A claim's speaker counts by its
 * place only (find_speaker_id() in sm-document.c): where the speaker is
 * not taken (another proposal at its place is, or it is answered), the
 * claim points at the one that is, or at an object of its own, made for
 * that and let go of as the document takes the claim in. */
static GPtrArray *
make_suggestions (Snapshot *snapshot,
                  Proposal *proposals,
                  guint     n_proposals,
                  guint    *winner)
{
  GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) speakers_only = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree SmSuggestion **made = g_new0 (SmSuggestion *, n_proposals);

  for (guint i = 0; i < n_proposals; i++)
    if (winner[i] == i && !proposals[i].answered)
      {
        made[i] = make_suggestion (snapshot, &proposals[i]);
        g_ptr_array_add (suggestions, made[i]);
      }

  for (guint i = 0; i < n_proposals; i++)
    {
      guint speaker;

      if (winner[i] != i || proposals[i].answered || proposals[i].speaker < 0)
        continue;

      speaker = winner[proposals[i].speaker];
      if (made[speaker] == NULL)
        {
          made[speaker] = make_suggestion (snapshot, &proposals[speaker]);
          g_ptr_array_add (speakers_only, made[speaker]);
        }
      sm_suggestion_set_speaker (made[i], made[speaker]);
    }

  return suggestions;
}

static GPtrArray *
run (SmSuggester  *self,
     Snapshot     *snapshot,
     GCancellable *cancellable)
{
  g_autoptr(SmLexicon) lexicon = get_lexicon (self, snapshot->text);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  g_autoptr(GArray) learned = NULL;
  g_autoptr(SmLearned) own = NULL;
  g_autoptr(GArray) proposals = g_array_new (FALSE, FALSE, sizeof (Proposal));
  g_autofree int *proposal_of_hit = NULL;
  g_autofree guint *winner = NULL;
  g_autoptr(GArray) known_speakers = g_array_new (FALSE, FALSE, sizeof (guint));
  int speaker_label = find_label (snapshot->labels, SM_LABEL_SPEAKER);
  SmLearned *last_learned;

  /* The corpus and what it has of this document at one time, so that the
   * one can be taken from the other. Here, not on the caller's thread: the
   * corpus is made again after each document learned. */
  g_mutex_lock (&self->mutex);
  snapshot->corpus = dup_corpus_locked (self);
  if ((last_learned = g_hash_table_lookup (self->documents, sm_text_get_sha256 (snapshot->text))) != NULL)
    snapshot->learned = sm_learned_ref (last_learned);
  g_mutex_unlock (&self->mutex);

  sm_find_figures (snapshot->text, lexicon, hits);
  if (g_cancellable_is_cancelled (cancellable))
    return g_ptr_array_new_with_free_func (g_object_unref);
  sm_find_quotes (snapshot->text, lexicon, hits);
  if (g_cancellable_is_cancelled (cancellable))
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* Hit i becomes proposal proposal_of_hit[i], or -1 where its label is
   * not wanted */
  proposal_of_hit = g_new (int, hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      int label = find_label (snapshot->labels, sm_role_to_label (hit->role));
      Proposal proposal = { hit->start, hit->end, -1, 0, FALSE, FALSE };

      proposal_of_hit[i] = -1;
      if (label < 0 || hit->start >= hit->end)
        continue;
      proposal.label = label;
      proposal_of_hit[i] = proposals->len;
      g_array_append_val (proposals, proposal);
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);

      if (proposal_of_hit[i] >= 0 && hit->said_by >= 0 && (guint) hit->said_by < hits->len &&
          proposal_of_hit[hit->said_by] >= 0)
        g_array_index (proposals, Proposal, proposal_of_hit[i]).speaker = proposal_of_hit[hit->said_by];
    }

  own = learn_tagged (snapshot->text, snapshot->tagged);
  learned = sm_learned_find_combined (snapshot->corpus, snapshot->learned, own,
                                      snapshot->text);
  for (guint i = 0; i < learned->len; i++)
    {
      const SmLearnedMatch *match = &g_array_index (learned, SmLearnedMatch, i);
      int label = find_label (snapshot->labels, match->label);
      Proposal proposal = { match->start, match->end, -1, 0, TRUE, FALSE };

      if (label < 0)
        continue;
      proposal.label = label;
      if (label == speaker_label)
        g_array_append_val (known_speakers, proposals->len);
      g_array_append_val (proposals, proposal);
    }

  attribute_to_known_speakers (snapshot->text, hits, proposal_of_hit,
                               (Proposal *) proposals->data, known_speakers);

  winner = g_new (guint, proposals->len);
  keep_proposals (snapshot, (Proposal *) proposals->data, proposals->len, winner);

  return make_suggestions (snapshot, (Proposal *) proposals->data, proposals->len, winner);
}

/**
 * sm_suggester_run:
 * @self: a suggester
 * @document: the document to suggest for
 * @labels: (nullable) (array zero-terminated=1): the labels to suggest, or
 *   %NULL for all the document has
 * @cancellable: (nullable): to stop early, with fewer suggestions
 *
 * Proposes spans for @document, on this thread.
 *
 * Returns: (transfer container) (element-type SmSuggestion): new
 *   suggestions, for sm_document_add_suggestions() or
 *   sm_suggester_update_document(): only those @document would take as
 *   it was when the run began (none over a span of its label, rejected,
 *   or at the place of another), in the order it takes them in
 */
GPtrArray *
sm_suggester_run (SmSuggester        *self,
                  SmDocument         *document,
                  const char * const *labels,
                  GCancellable       *cancellable)
{
  g_autoptr(Snapshot) snapshot = NULL;

  g_return_val_if_fail (SM_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  snapshot = take_snapshot (self, document, labels);

  return run (self, snapshot, cancellable);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *suggestions;

  sm_thread_lower_priority ();
  suggestions = run (source_object, task_data, cancellable);
  if (g_task_return_error_if_cancelled (task))
    g_ptr_array_unref (suggestions);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sm_suggester_run_async:
 *
 * Proposes spans for @document in a worker thread, from the document as it
 * is now; sm_suggester_run_finish() gives them.
 */
void
sm_suggester_run_async (SmSuggester         *self,
                        SmDocument          *document,
                        const char * const  *labels,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SM_IS_SUGGESTER (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_suggester_run_async);
  g_task_set_task_data (task, take_snapshot (self, document, labels),
                        (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * sm_suggester_run_finish:
 *
 * Returns: (transfer container) (element-type SmSuggestion): as
 *   sm_suggester_run() does, or %NULL with @error set if cancelled
 */
GPtrArray *
sm_suggester_run_finish (SmSuggester   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The sources a run's suggestions have: a run replaces these only */
static const char * const computed_sources[] = {
  SM_SUGGESTION_SOURCE_RULES, SM_SUGGESTION_SOURCE_LEARNED, NULL
};

/**
 * sm_suggester_update_document:
 * @self: a suggester
 * @document: the document a run was for
 * @suggestions: (element-type SmSuggestion): what the run proposed
 *
 * Replaces the suggestions earlier runs left pending with @suggestions:
 * the ones proposed again keep their ids, the ones no longer proposed go,
 * and imported ones stay. Outside the history, like every proposal.
 *
 * Returns: how many suggestions are new
 */
guint
sm_suggester_update_document (SmSuggester *self,
                              SmDocument  *document,
                              GPtrArray   *suggestions)
{
  g_return_val_if_fail (SM_IS_SUGGESTER (self), 0);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), 0);

  return sm_document_replace_suggestions (document, computed_sources, suggestions);
}

/**
 * sm_suggester_begin_update:
 * @self: a suggester
 * @document: the document a run was for
 * @suggestions: (element-type SmSuggestion): what the run proposed
 *
 * What sm_suggester_update_document() does, to be done in steps
 * (sm_suggestions_update_step()), as a window does with a long article's
 * hundreds of thousands of suggestions.
 *
 * Returns: (transfer full): the update
 */
SmSuggestionsUpdate *
sm_suggester_begin_update (SmSuggester *self,
                           SmDocument  *document,
                           GPtrArray   *suggestions)
{
  g_return_val_if_fail (SM_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  return sm_document_update_suggestions (document, computed_sources, suggestions);
}
