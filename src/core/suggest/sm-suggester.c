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
 * paragraph, if there is one (attribute_to_known_speakers()).
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
  GStrv      labels;      /* the labels suggestions may have */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->text, sm_text_unref);
  g_clear_pointer (&snapshot->corpus, sm_learned_unref);
  g_clear_pointer (&snapshot->learned, sm_learned_unref);
  g_clear_pointer (&snapshot->tagged, g_array_unref);
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

static gboolean
collect_one (SmSpan   *span,
             gpointer  user_data)
{
  GArray *tagged = user_data;
  Tagged one;

  /* A discontinuous span's text is its parts joined: not a string of the
   * article */
  if (sm_span_get_n_fragments (span) != 1)
    return TRUE;

  one.start = sm_span_get_start (span);
  one.end = sm_span_get_end (span);
  /* Interned by the span: it outlives any span */
  one.label = sm_span_get_label (span);
  g_array_append_val (tagged, one);

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
collect_tagged (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  GArray *tagged = g_array_sized_new (FALSE, FALSE, sizeof (Tagged),
                                      g_list_model_get_n_items (spans));

  sm_span_index_foreach (SM_SPAN_INDEX (spans), collect_one, tagged);

  return tagged;
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
  lesson->tagged = collect_tagged (document);

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
  SmLearned *learned = learn_tagged (lesson->text, lesson->tagged);

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
  snapshot->tagged = collect_tagged (document);

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

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  guint start_a = sm_suggestion_get_start (*(SmSuggestion **) a);
  guint start_b = sm_suggestion_get_start (*(SmSuggestion **) b);

  return (start_a > start_b) - (start_a < start_b);
}

/* Speakers learned in other documents (or tagged in this one) help where
 * the rules found a claim but no attribution they know, as in a language
 * without a list of speech verbs ("„…“, sagte Merkel."): the nearest
 * mention of a known speaker in the claim's paragraph, outside the claim,
 * is taken as who said it. The mentions are sorted, so each claim looks
 * at the one just after it and the few just before it. */
static void
attribute_to_known_speakers (SmText    *text,
                             GArray    *hits,
                             GPtrArray *made,
                             GPtrArray *known_speakers)
{
  g_autoptr(GArray) breaks = NULL;
  const char *utf8 = sm_text_get_utf8 (text);
  guint offset = 0;

  if (known_speakers->len == 0)
    return;

  g_ptr_array_sort (known_speakers, compare_starts);

  breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p), offset++)
    if (sm_text_is_line_break (g_utf8_get_char (p)))
      g_array_append_val (breaks, offset);

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      SmSuggestion *claim = g_ptr_array_index (made, i);
      SmSuggestion *nearest = NULL;
      guint paragraph, best = G_MAXUINT;
      guint low = 0, high = known_speakers->len;

      if (claim == NULL || hit->role != SM_ROLE_CLAIM || sm_suggestion_get_speaker (claim) != NULL)
        continue;

      paragraph = paragraph_of (breaks, hit->start);

      /* The first mention that starts at or after the claim's end */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (sm_suggestion_get_start (g_ptr_array_index (known_speakers, middle)) < hit->end)
            low = middle + 1;
          else
            high = middle;
        }

      if (low < known_speakers->len)
        {
          SmSuggestion *after = g_ptr_array_index (known_speakers, low);

          if (paragraph_of (breaks, sm_suggestion_get_start (after)) == paragraph)
            {
              best = sm_suggestion_get_start (after) - hit->end;
              nearest = after;
            }
        }

      for (guint k = low, steps = 0; k > 0 && steps < 8; k--, steps++)
        {
          SmSuggestion *before = g_ptr_array_index (known_speakers, k - 1);
          guint end = sm_suggestion_get_end (before);

          if (end > hit->start)
            continue;
          if (hit->start - end < best &&
              paragraph_of (breaks, sm_suggestion_get_start (before)) == paragraph)
            {
              best = hit->start - end;
              nearest = before;
            }
          break;
        }

      if (nearest != NULL)
        sm_suggestion_set_speaker (claim, nearest);
    }
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
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GPtrArray) known_speakers = g_ptr_array_new ();
  GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_object_unref);
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
    return suggestions;
  sm_find_quotes (snapshot->text, lexicon, hits);
  if (g_cancellable_is_cancelled (cancellable))
    return suggestions;

  /* Hit i becomes made[i], or NULL where its label is not wanted */
  made = g_ptr_array_new_full (hits->len, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      const char *label = sm_role_to_label (hit->role);
      SmSuggestion *suggestion = NULL;

      if (g_strv_contains ((const char * const *) snapshot->labels, label) && hit->start < hit->end)
        {
          suggestion = sm_suggestion_new (label, hit->start, hit->end, SM_SUGGESTION_SOURCE_RULES);
          g_ptr_array_add (suggestions, suggestion);
        }
      g_ptr_array_add (made, suggestion);
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      SmSuggestion *claim = g_ptr_array_index (made, i);

      if (claim != NULL && hit->said_by >= 0 && (guint) hit->said_by < made->len &&
          g_ptr_array_index (made, hit->said_by) != NULL)
        sm_suggestion_set_speaker (claim, g_ptr_array_index (made, hit->said_by));
    }

  own = learn_tagged (snapshot->text, snapshot->tagged);
  learned = sm_learned_find_combined (snapshot->corpus, snapshot->learned, own,
                                      snapshot->text);
  for (guint i = 0; i < learned->len; i++)
    {
      const SmLearnedMatch *match = &g_array_index (learned, SmLearnedMatch, i);
      SmSuggestion *suggestion;

      if (!g_strv_contains ((const char * const *) snapshot->labels, match->label))
        continue;

      suggestion = sm_suggestion_new (match->label, match->start, match->end,
                                      SM_SUGGESTION_SOURCE_LEARNED);
      g_ptr_array_add (suggestions, suggestion);
      if (g_strcmp0 (match->label, SM_LABEL_SPEAKER) == 0)
        g_ptr_array_add (known_speakers, suggestion);
    }

  attribute_to_known_speakers (snapshot->text, hits, made, known_speakers);

  return suggestions;
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
 *   sm_suggester_update_document(); some may duplicate spans or each other
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
  GPtrArray *suggestions = run (source_object, task_data, cancellable);

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
