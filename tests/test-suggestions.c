/* test-suggestions.c: suggestions in the model and the file: taken in only
 * when new, accepted (a claim with its speaker and link) and rejected as
 * undoable edits, answered by a span put at their place, and saved.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-document.h"
#include "sm-document-private.h"
#include "sm-suggestion-store.h"
#include "sm-format.h"

static const char article[] =
  "“Sanctions can be an opportunity,” Lukashenko said. "
  "The two agreed to set a target of $100 million for trade.";

static guint
offset_of (const char *needle)
{
  const char *found = g_strstr_len (article, -1, needle);

  g_assert_nonnull (found);
  return (guint) g_utf8_pointer_to_offset (article, found);
}

static guint
end_of (const char *needle)
{
  return offset_of (needle) + g_utf8_strlen (needle, -1);
}

static SmDocument *
new_document (void)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

static SmSuggestion *
suggestion_of (const char *label,
               const char *needle,
               const char *source)
{
  return sm_suggestion_new (label, offset_of (needle), end_of (needle), source);
}

/* A claim with its speaker, and a figure, as a recognizer gives them */
static GPtrArray *
proposals (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  SmSuggestion *claim = suggestion_of ("CLAIM", "Sanctions can be an opportunity", "rules");
  SmSuggestion *speaker = suggestion_of ("SPEAKER", "Lukashenko", "rules");

  sm_suggestion_set_speaker (claim, speaker);
  /* The claim first: the document must still find its speaker */
  g_ptr_array_add (array, claim);
  g_ptr_array_add (array, speaker);
  g_ptr_array_add (array, suggestion_of ("FIGURE", "$100 million", "rules"));

  return array;
}

static SmSuggestion *
pending (SmDocument *document,
         guint       position)
{
  g_autoptr(SmSuggestion) suggestion =
    g_list_model_get_item (sm_document_get_suggestions (document), position);

  return suggestion;  /* the document holds it */
}

static void
test_suggestions_taken_in (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) first = proposals ();
  g_autoptr(GPtrArray) again = proposals ();
  SmSuggestion *claim, *speaker;

  g_assert_cmpuint (sm_document_add_suggestions (document, first), ==, 3);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  /* Proposals are not edits, nor spans */
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);

  /* In document order, with ids, texts and the claim's speaker */
  claim = pending (document, 0);
  speaker = pending (document, 1);
  g_assert_cmpstr (sm_suggestion_get_label (claim), ==, "CLAIM");
  g_assert_cmpstr (sm_suggestion_get_text (claim), ==, "Sanctions can be an opportunity");
  g_assert_cmpstr (sm_suggestion_get_label (speaker), ==, "SPEAKER");
  g_assert_nonnull (sm_suggestion_get_id (speaker));
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, sm_suggestion_get_id (speaker));
  g_assert_true (sm_document_find_suggestion (document, sm_suggestion_get_id (claim)) == claim);

  /* The same again is nothing new */
  g_assert_cmpuint (sm_document_add_suggestions (document, again), ==, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
}

/* What a view redraws: every pending suggestion over a range, a long one
 * that starts well before it too */
static void
test_suggestions_in_range (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  guint million = offset_of ("million");
  guint said = offset_of ("said");

  sm_document_add_suggestions (document, array);

  {
    g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (document, said - 2, said - 1);

    g_assert_cmpuint (found->len, ==, 1);   /* the speaker */
    g_assert_cmpstr (sm_suggestion_get_label (g_ptr_array_index (found, 0)), ==, "SPEAKER");
  }
  {
    g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (document, 5, 6);

    g_assert_cmpuint (found->len, ==, 1);   /* inside the claim */
    g_assert_cmpstr (sm_suggestion_get_label (g_ptr_array_index (found, 0)), ==, "CLAIM");
  }
  {
    g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (document, million, million + 1);
    g_autoptr(GPtrArray) none = sm_document_get_suggestions_in_range (document, said, said + 4);
    g_autoptr(GPtrArray) all = sm_document_get_suggestions_in_range (document, 0, sm_document_get_length (document));

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (sm_suggestion_get_label (g_ptr_array_index (found, 0)), ==, "FIGURE");
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 3);
  }
}

static void
test_suggestions_not_taken (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  sm_document_add_span (document, "FIGURE", offset_of ("$100 million"), end_of ("$100 million"), &error);
  g_assert_no_error (error);

  g_ptr_array_add (array, suggestion_of ("FIGURE", "$100 million", "rules"));     /* a span */
  g_ptr_array_add (array, suggestion_of ("FIGURE", "100", "rules"));              /* inside one */
  g_ptr_array_add (array, suggestion_of ("FIGURE", "of $100", "rules"));          /* over one */
  g_ptr_array_add (array, suggestion_of ("PLACE", "Lukashenko", "rules"));        /* no such label */
  g_ptr_array_add (array, sm_suggestion_new ("CLAIM", 3, 3, "rules"));            /* empty */
  g_ptr_array_add (array, sm_suggestion_new ("CLAIM", 3, 1000, "rules"));         /* past the end */
  g_assert_cmpuint (sm_document_add_suggestions (document, array), ==, 0);

  /* Over a span of another label is something new */
  g_ptr_array_set_size (array, 0);
  g_ptr_array_add (array, suggestion_of ("CLAIM", "a target of $100 million", "rules"));
  g_assert_cmpuint (sm_document_add_suggestions (document, array), ==, 1);
}

static void
test_suggestions_accept_claim (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(GError) error = NULL;
  SmSpan *claim, *speaker;

  sm_document_add_suggestions (document, array);
  claim = sm_document_accept_suggestion (document, pending (document, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);

  /* The claim, its speaker and the link: one action */
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 1);
  speaker = sm_document_get_speaker (document, claim);
  g_assert_nonnull (speaker);
  g_assert_cmpstr (sm_span_get_text (speaker), ==, "Lukashenko");
  g_assert_true (sm_document_get_modified (document));

  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  g_assert_false (sm_document_can_undo (document));

  sm_document_redo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 1);
}

/* A claim whose speaker was accepted first is linked to that span */
static void
test_suggestions_speaker_first (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  SmSuggestion *claim;
  SmSpan *speaker, *span;

  sm_document_add_suggestions (document, array);
  claim = pending (document, 0);
  speaker = sm_document_accept_suggestion (document, pending (document, 1), NULL);
  g_assert_nonnull (speaker);

  span = sm_document_accept_suggestion (document, claim, NULL);
  g_assert_nonnull (span);
  g_assert_true (sm_document_get_speaker (document, span) == speaker);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
}

static void
test_suggestions_reject (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(GPtrArray) again = proposals ();
  SmSuggestion *figure;

  sm_document_add_suggestions (document, array);
  figure = pending (document, 2);
  g_assert_cmpstr (sm_suggestion_get_label (figure), ==, "FIGURE");

  sm_document_reject_suggestion (document, figure);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 2);
  g_assert_true (sm_document_is_rejected (document, "FIGURE", offset_of ("$100"), end_of ("million")));
  g_assert_true (sm_document_get_modified (document));

  /* Not proposed again */
  sm_document_clear_suggestions (document, NULL);
  g_assert_cmpuint (sm_document_add_suggestions (document, again), ==, 2);

  /* Undone, it is pending again and no longer rejected */
  sm_document_clear_suggestions (document, NULL);
  sm_document_undo (document);
  g_assert_false (sm_document_is_rejected (document, "FIGURE", offset_of ("$100"), end_of ("million")));
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 1);
}

/* A span tagged by hand where a suggestion was answers it, undoably */
static void
test_suggestions_answered_by_span (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(GError) error = NULL;

  sm_document_add_suggestions (document, array);
  sm_document_add_span (document, "FIGURE", offset_of ("$100 million"), end_of ("$100 million"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 2);

  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);

  /* Over it, with other bounds, too; one of another label does not */
  sm_document_add_span (document, "CLAIM", offset_of ("a target"), end_of ("$100"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  sm_document_add_span (document, "FIGURE", offset_of ("of $100"), end_of ("$100"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 2);
  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
}

static void
test_suggestions_all_of_label (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();

  sm_document_add_suggestions (document, array);

  /* The claim brings its speaker */
  g_assert_cmpuint (sm_document_accept_suggestions (document, "CLAIM"), ==, 2);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 1);
  g_assert_cmpuint (sm_document_reject_suggestions (document, NULL), ==, 1);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 0);

  sm_document_undo (document);
  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
}

/* Replacing keeps what is proposed again, with its id, and imported ones */
static void
test_suggestions_replace (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const computed[] = { "rules", "learned", NULL };
  g_autofree char *figure_id = NULL;

  sm_document_add_suggestions (document, array);
  g_ptr_array_add (imported, sm_suggestion_new ("SPEAKER", 0, 1, "imported"));
  sm_document_add_suggestions (document, imported);
  figure_id = g_strdup (sm_suggestion_get_id (pending (document, 3)));

  g_ptr_array_add (next, suggestion_of ("FIGURE", "$100 million", "rules"));
  g_assert_cmpuint (sm_document_replace_suggestions (document, computed, next), ==, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 2);
  g_assert_cmpstr (sm_suggestion_get_source (pending (document, 0)), ==, "imported");
  g_assert_cmpstr (sm_suggestion_get_id (pending (document, 1)), ==, figure_id);
}

typedef struct
{
  guint  n_range_changed;
  guint  n_ranges_changed;
  guint  n_notify;
  guint8 covered[2000];
} Told;

static void
on_range_changed (SmDocument *document,
                  guint       start,
                  guint       end,
                  Told       *told)
{
  told->n_range_changed++;
  memset (told->covered + start, 1, end - start);
}

static void
on_ranges_changed (SmDocument *document,
                   GArray     *ranges,
                   Told       *told)
{
  told->n_ranges_changed++;
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    memset (told->covered + g_array_index (ranges, guint, i), 1,
            g_array_index (ranges, guint, i + 1) - g_array_index (ranges, guint, i));
}

static void
on_notify (SmDocument *document,
           GParamSpec *pspec,
           Told       *told)
{
  told->n_notify++;
}

/* Told once, with @min_notify to @max_notify notifications of the count,
 * every place in @array and @more among the ranges told; then forgotten */
static void
assert_told_once (Told      *told,
                  guint      min_notify,
                  guint      max_notify,
                  GPtrArray *array,
                  GPtrArray *more)
{
  GPtrArray *arrays[] = { array, more };

  g_assert_cmpuint (told->n_range_changed + told->n_ranges_changed, ==, 1);
  g_assert_cmpuint (told->n_notify, >=, min_notify);
  g_assert_cmpuint (told->n_notify, <=, max_notify);
  for (guint a = 0; a < G_N_ELEMENTS (arrays) && arrays[a] != NULL; a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      for (guint j = sm_suggestion_get_start (g_ptr_array_index (arrays[a], i));
           j < sm_suggestion_get_end (g_ptr_array_index (arrays[a], i)); j++)
        g_assert_cmpuint (told->covered[j], ==, 1);
  memset (told, 0, sizeof *told);
}

/* A run on a long article brings hundreds of thousands of suggestions:
 * taking them in, replacing and clearing them are each told once, as
 * Tag All Matches is, or a window redraws a range and updates its count
 * a suggestion at a time (38 s on the 20 MB article) */
static void
test_suggestions_told_once (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const computed[] = { "rules", NULL };
  Told told = { 0 };

  for (guint i = 0; i < 100; i++)
    g_string_append (string, "Minsk and Tehran. ");
  text = sm_text_new (string->str, -1, NULL);
  document = sm_document_new (text, "many");
  g_assert_cmpuint (sm_document_get_length (document), <=, sizeof told.covered);

  /* "Minsk" everywhere, then "Tehran" in its place */
  for (guint i = 0; i < 100; i++)
    {
      g_ptr_array_add (first, sm_suggestion_new ("SPEAKER", i * 18, i * 18 + 5, "rules"));
      g_ptr_array_add (second, sm_suggestion_new ("SPEAKER", i * 18 + 10, i * 18 + 16, "rules"));
    }

  g_signal_connect (document, "range-changed", G_CALLBACK (on_range_changed), &told);
  g_signal_connect (document, "ranges-changed", G_CALLBACK (on_ranges_changed), &told);
  g_signal_connect (document, "notify::n-suggestions", G_CALLBACK (on_notify), &told);

  g_assert_cmpuint (sm_document_add_suggestions (document, first), ==, 100);
  assert_told_once (&told, 1, 1, first, NULL);

  g_assert_cmpuint (sm_document_replace_suggestions (document, computed, second), ==, 100);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 100);
  /* The places that were and those that are now; as many as before,
   * which may be told or not */
  assert_told_once (&told, 0, 1, first, second);

  g_assert_cmpuint (sm_document_clear_suggestions (document, NULL), ==, 100);
  assert_told_once (&told, 1, 1, second, NULL);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_items_changed)
{
  (*n_items_changed)++;
}

/* Asserts that @list is in document order and holds @n suggestions */
static void
assert_in_order (GListModel *list,
                 guint       n)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SmSuggestion) before = g_list_model_get_item (list, i - 1);
      g_autoptr(SmSuggestion) after = g_list_model_get_item (list, i);

      g_assert_cmpint (sm_suggestion_compare (before, after), <, 0);
    }
}

/* A run's results go into the pending list as one change, sorted among
 * those pending: the list did a sorted insert and an items-changed each,
 * a second on the main thread for the 20 MB article's 610,036 */
static void
test_suggestions_list_changed_once (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GPtrArray) early = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) run = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;
  guint n_items_changed = 0;

  for (guint i = 0; i < 100; i++)
    g_string_append (string, "Minsk and Tehran. ");
  text = sm_text_new (string->str, -1, NULL);
  document = sm_document_new (text, "many");
  list = sm_document_get_suggestions (document);

  /* Two pending already, from an import */
  g_ptr_array_add (early, sm_suggestion_new ("SPEAKER", 10 * 18 + 10, 10 * 18 + 16, "import"));
  g_ptr_array_add (early, sm_suggestion_new ("SPEAKER", 90 * 18 + 10, 90 * 18 + 16, "import"));
  g_assert_cmpuint (sm_document_add_suggestions (document, early), ==, 2);

  /* A run's, out of order: the learned after the rules, the long before
   * the short at the same start, and one pending already */
  for (guint i = 100; i > 0; i--)
    g_ptr_array_add (run, sm_suggestion_new ("SPEAKER", (i - 1) * 18, (i - 1) * 18 + 5, "rules"));
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (run, sm_suggestion_new ("SPEAKER", i * 18, i * 18 + 16, "learned"));
  g_ptr_array_add (run, sm_suggestion_new ("SPEAKER", 10 * 18 + 10, 10 * 18 + 16, "rules"));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &n_items_changed);
  g_assert_cmpuint (sm_document_add_suggestions (document, run), ==, 200);
  g_assert_cmpuint (n_items_changed, ==, 1);
  assert_in_order (list, 202);

  /* Ids in the order they came, as one at a time gave them */
  g_assert_cmpstr (sm_suggestion_get_id (g_ptr_array_index (run, 0)), ==, "S3");
  g_assert_cmpstr (sm_suggestion_get_id (g_ptr_array_index (run, 199)), ==, "S202");
  g_assert_null (sm_suggestion_get_id (g_ptr_array_index (run, 200)));

  /* A few far apart among many go in one at a time, in order too */
  g_ptr_array_add (few, sm_suggestion_new ("SPEAKER", 6, 9, "rules"));
  g_ptr_array_add (few, sm_suggestion_new ("SPEAKER", 99 * 18 + 6, 99 * 18 + 9, "rules"));
  g_assert_cmpuint (sm_document_add_suggestions (document, few), ==, 2);
  assert_in_order (list, 204);
}

/* "Minsk said “Sanctions work.” " 60 times: 29 characters each */
#define SEGMENT 29
#define N_SEGMENTS 60
#define TAGGED 4

static SmDocument *
new_long_document (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) error = NULL;
  SmDocument *document;

  for (guint i = 0; i < N_SEGMENTS; i++)
    g_string_append (string, "Minsk said “Sanctions work.” ");
  text = sm_text_new (string->str, -1, NULL);
  document = sm_document_new (text, "long");
  g_assert_cmpuint (sm_document_get_length (document), ==, N_SEGMENTS * SEGMENT);

  /* One speaker tagged already: its suggestion is not taken, its claim
   * links to the span */
  g_assert_nonnull (sm_document_add_span (document, "SPEAKER", TAGGED * SEGMENT,
                                          TAGGED * SEGMENT + 5, &error));
  g_assert_no_error (error);

  return document;
}

/* A run's results: claims before their speakers, some twice */
static GPtrArray *
long_run (guint shift)
{
  GPtrArray *run = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      SmSuggestion *speaker;
      SmSuggestion *claim;

      if ((i + shift) % 3 == 0)
        continue;

      speaker = sm_suggestion_new ("SPEAKER", i * SEGMENT, i * SEGMENT + 5, "rules");
      claim = sm_suggestion_new ("CLAIM", i * SEGMENT + 12, i * SEGMENT + 27, "rules");
      sm_suggestion_set_speaker (claim, speaker);
      g_ptr_array_add (run, claim);
      g_ptr_array_add (run, speaker);
      if (i % 4 == 0)
        g_ptr_array_add (run, sm_suggestion_new ("SPEAKER", i * SEGMENT, i * SEGMENT + 5, "learned"));
    }

  return run;
}

static void
assert_same_pending (SmDocument *one,
                     SmDocument *other)
{
  guint n = sm_document_get_n_suggestions (one);

  g_assert_cmpuint (sm_document_get_n_suggestions (other), ==, n);
  for (guint i = 0; i < n; i++)
    {
      SmSuggestion *a = pending (one, i);
      SmSuggestion *b = pending (other, i);

      g_assert_cmpstr (sm_suggestion_get_id (a), ==, sm_suggestion_get_id (b));
      g_assert_cmpstr (sm_suggestion_get_label (a), ==, sm_suggestion_get_label (b));
      g_assert_cmpuint (sm_suggestion_get_start (a), ==, sm_suggestion_get_start (b));
      g_assert_cmpuint (sm_suggestion_get_end (a), ==, sm_suggestion_get_end (b));
      g_assert_cmpstr (sm_suggestion_get_source (a), ==, sm_suggestion_get_source (b));
      g_assert_cmpstr (sm_suggestion_get_said_by (a), ==, sm_suggestion_get_said_by (b));
      g_assert_cmpstr (sm_suggestion_get_text (a), ==, sm_suggestion_get_text (b));
    }
}

/* A window takes a long article's run in by steps, each a batch, so that
 * nothing holds it up: step by step, each as short as can be, the outcome
 * is what one replacement gives */
static void
test_suggestions_in_steps (void)
{
  g_autoptr(SmDocument) at_once = new_long_document ();
  g_autoptr(SmDocument) stepped = new_long_document ();
  const char * const computed[] = { "rules", "learned", NULL };
  gboolean linked = FALSE;

  for (guint shift = 0; shift < 2; shift++)
    {
      g_autoptr(GPtrArray) one = long_run (shift);
      g_autoptr(GPtrArray) other = long_run (shift);
      g_autoptr(SmSuggestionsUpdate) update = NULL;
      guint n_taken, n_steps = 1;
      Told told = { 0 };

      n_taken = sm_document_replace_suggestions (at_once, computed, one);
      g_assert_cmpuint (n_taken, >, 0);

      update = sm_document_update_suggestions (stepped, computed, other);
      g_signal_connect (stepped, "range-changed", G_CALLBACK (on_range_changed), &told);
      g_signal_connect (stepped, "ranges-changed", G_CALLBACK (on_ranges_changed), &told);
      while (!sm_suggestions_update_step (update, 0))
        n_steps++;
      g_signal_handlers_disconnect_by_data (stepped, &told);

      /* Steps of at most 64 suggestions each, in four phases */
      g_assert_cmpuint (n_steps, >, 4);
      g_assert_cmpuint (told.n_range_changed + told.n_ranges_changed, <=, n_steps);
      g_assert_cmpuint (sm_suggestions_update_get_n_taken (update), ==, n_taken);
      assert_same_pending (at_once, stepped);
    }

  /* The claim of the tagged speaker links to the span */
  for (guint i = 0; i < sm_document_get_n_suggestions (at_once); i++)
    if (sm_suggestion_get_start (pending (at_once, i)) == TAGGED * SEGMENT + 12)
      linked = sm_document_find_span (at_once, sm_suggestion_get_said_by (pending (at_once, i))) != NULL;
  g_assert_true (linked);
}

static void
count_finalized (gpointer  data,
                 GObject  *where_the_object_was)
{
  guint *n_finalized = data;

  (*n_finalized)++;
}

/* An update lets go of what it does not keep by steps too: the run's
 * suggestions proposed again or twice, and the pending ones that went. A
 * 20 MB article's were 100 ms at once when the update was freed. */
static void
test_suggestions_let_go_in_steps (void)
{
  guint n_finalized = 0;
  g_autoptr(SmDocument) document = new_long_document ();
  const char * const computed[] = { "rules", "learned", NULL };
  g_autoptr(GPtrArray) first = long_run (0);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmSuggestionsUpdate) update = NULL;
  gboolean done = FALSE;

  g_assert_cmpuint (sm_document_replace_suggestions (document, computed, first), >, 0);
  g_clear_pointer (&first, g_ptr_array_unref);
  for (guint i = 0; i < sm_document_get_n_suggestions (document); i++)
    g_object_weak_ref (G_OBJECT (pending (document, i)), count_finalized, &n_finalized);

  /* The next run shifted, each of its suggestions proposed six times */
  for (guint copy = 0; copy < 6; copy++)
    {
      g_autoptr(GPtrArray) run = long_run (1);

      for (guint i = 0; i < run->len; i++)
        {
          g_object_weak_ref (g_ptr_array_index (run, i), count_finalized, &n_finalized);
          g_ptr_array_add (second, g_object_ref (g_ptr_array_index (run, i)));
        }
    }
  update = sm_document_update_suggestions (document, computed, second);
  g_clear_pointer (&second, g_ptr_array_unref);
  g_assert_cmpuint (n_finalized, ==, 0);

  while (!done)
    {
      guint before = n_finalized;

      done = sm_suggestions_update_step (update, 0);
      /* 64 at a time, and a claim's speaker with it */
      g_assert_cmpuint (n_finalized - before, <=, 2 * 64);
    }
  g_assert_cmpuint (n_finalized, >, 2 * 64);

  /* Nothing is left to let go of at the end */
  n_finalized = 0;
  g_clear_pointer (&update, sm_suggestions_update_free);
  g_assert_cmpuint (n_finalized, ==, 0);
}

/* A long run into a document without suggestions: the store grows once,
 * before the first step that takes in, and never in a step after (each
 * growth looks at all it holds again: on a 20 MB article, 70 ms) */
static void
test_suggestions_room_made_once (void)
{
  g_autoptr(SmDocument) document = new_long_document ();
  SmSuggestionStore *store = _sm_document_get_suggestion_store (document);
  const char * const computed[] = { "rules", "learned", NULL };
  g_autoptr(GPtrArray) run = long_run (0);
  g_autoptr(SmSuggestionsUpdate) update = NULL;
  guint n_grown = 0;
  guint room = sm_suggestion_store_get_room (store);
  gboolean done = FALSE;

  update = sm_document_update_suggestions (document, computed, run);
  while (!done)
    {
      guint n_before = sm_document_get_n_suggestions (document);
      guint room_before = sm_suggestion_store_get_room (store);

      done = sm_suggestions_update_step (update, 0);
      g_assert_cmpuint (sm_document_get_n_suggestions (document), >=, n_before);
      room = sm_suggestion_store_get_room (store);
      if (room > room_before)
        n_grown++;
      else
        g_assert_cmpuint (room, ==, room_before - (sm_document_get_n_suggestions (document) - n_before));
    }
  /* past three growths of a store that grows as it goes */
  g_assert_cmpuint (sm_document_get_n_suggestions (document), >, 48);
  g_assert_cmpuint (n_grown, ==, 1);
}

static SmDocument *
round_trip (SmDocument *document)
{
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(GError) error = NULL;
  SmDocument *read;

  read = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return read;
}

static void
test_suggestions_saved (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmDocument) empty = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(GPtrArray) again = proposals ();
  g_autoptr(SmDocument) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  SmSuggestion *claim;

  /* A file without any has neither member */
  bytes = sm_format_serialize (empty);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "suggestions"));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "rejected"));
  g_clear_pointer (&bytes, g_bytes_unref);

  sm_document_add_suggestions (document, array);
  sm_document_reject_suggestion (document, pending (document, 2));

  read = round_trip (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (read), ==, 2);
  claim = pending (read, 0);
  g_assert_cmpstr (sm_suggestion_get_id (claim), ==, sm_suggestion_get_id (pending (document, 0)));
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, sm_suggestion_get_id (pending (read, 1)));
  g_assert_cmpstr (sm_suggestion_get_source (claim), ==, "rules");
  g_assert_true (sm_document_is_rejected (read, "FIGURE", offset_of ("$100"), end_of ("million")));
  g_assert_cmpuint (sm_document_add_suggestions (read, again), ==, 0);

  /* Accepting after a reload links as before */
  g_assert_nonnull (sm_document_accept_suggestion (read, claim, NULL));
  g_assert_cmpuint (sm_document_get_n_spans (read), ==, 2);

  /* The same document gives the same bytes */
  bytes = sm_format_serialize (document);
  bytes_again = sm_format_serialize (document);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static void
check_refused (const char *suggestions,
               const char *expected)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(GString) data = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(SmDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *status = strstr (data->str, "\"status\"");

  g_assert_nonnull (status);
  g_string_insert (data, status - data->str, suggestions);

  read = sm_format_parse (data->str, data->len, &error);
  g_assert_null (read);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_suggestions_bad_files (void)
{
  check_refused ("\"suggestions\" : {},\n", "“suggestions” must be an array");
  check_refused ("\"suggestions\" : [ { \"label\" : \"CLAIM\", \"start\" : 1, \"end\" : 3 } ],\n",
                 "suggestion number 1: “id” is missing");
  check_refused ("\"suggestions\" : [ { \"id\" : \"S1\", \"label\" : \"NOPE\", \"start\" : 1, \"end\" : 3 } ],\n",
                 "suggestion S1: the label NOPE");
  check_refused ("\"suggestions\" : [ { \"id\" : \"S1\", \"label\" : \"CLAIM\", \"start\" : 1, \"end\" : 3,"
                 " \"text\" : \"xyz\" } ],\n",
                 "suggestion S1: “text” is “xyz”");
  check_refused ("\"suggestions\" : [ { \"id\" : \"S1\", \"label\" : \"CLAIM\", \"start\" : 1, \"end\" : 3,"
                 " \"said_by\" : \"S7\" } ],\n",
                 "suggestion S1: “said_by” refers to S7");
  check_refused ("\"suggestions\" : [ { \"id\" : \"S1\", \"label\" : \"CLAIM\", \"start\" : 1, \"end\" : 3 },"
                 " { \"id\" : \"S1\", \"label\" : \"CLAIM\", \"start\" : 2, \"end\" : 3 } ],\n",
                 "suggestion S1: the id S1");
  check_refused ("\"rejected\" : [ { \"label\" : \"CLAIM\", \"start\" : 5, \"end\" : 500 } ],\n",
                 "rejected suggestion number 1: ");
}

/* A suggestion the file keeps over a span of its label (an older Spanmark
 * kept the member while the annotator tagged) has been answered */
static void
test_suggestions_answered_in_file (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) data = NULL;
  g_autoptr(SmDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  const char *status;

  sm_document_add_span (document, "FIGURE", offset_of ("$100 million"), end_of ("$100 million"), &error);
  g_assert_no_error (error);
  bytes = sm_format_serialize (document);
  data = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  member = g_strdup_printf ("\"suggestions\" : [ { \"id\" : \"S1\", \"label\" : \"FIGURE\","
                            " \"start\" : %u, \"end\" : %u }, { \"id\" : \"S2\", \"label\" : \"CLAIM\","
                            " \"start\" : %u, \"end\" : %u } ],\n",
                            offset_of ("100"), end_of ("100"), offset_of ("$100"), end_of ("trade"));
  status = strstr (data->str, "\"status\"");
  g_string_insert (data, status - data->str, member);

  read = sm_format_parse (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_suggestions (read), ==, 1);
  g_assert_cmpstr (sm_suggestion_get_label (pending (read, 0)), ==, "CLAIM");
}

/* Removing a label leaves its pending suggestions and rejected places in
 * the model (undo brings the label back to them), but a file with them
 * would not load: they are not written, nor a link to them */
static void
test_suggestions_label_removed (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) array = proposals ();
  g_autoptr(SmDocument) read = NULL;

  sm_document_add_suggestions (document, array);
  sm_document_reject_suggestion (document, pending (document, 2));
  sm_document_remove_label (document, "FIGURE");
  sm_document_remove_label (document, "SPEAKER");

  read = round_trip (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (read), ==, 1);
  g_assert_cmpstr (sm_suggestion_get_label (pending (read, 0)), ==, "CLAIM");
  g_assert_null (sm_suggestion_get_said_by (pending (read, 0)));
  g_assert_false (sm_document_is_rejected (read, "FIGURE", offset_of ("$100"), end_of ("million")));

  /* Undone, all is there again */
  sm_document_undo (document);
  sm_document_undo (document);
  g_clear_object (&read);
  read = round_trip (document);
  g_assert_cmpuint (sm_document_get_n_suggestions (read), ==, 2);
  g_assert_true (sm_document_is_rejected (read, "FIGURE", offset_of ("$100"), end_of ("million")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggestions/taken-in", test_suggestions_taken_in);
  g_test_add_func ("/suggestions/not-taken", test_suggestions_not_taken);
  g_test_add_func ("/suggestions/in-range", test_suggestions_in_range);
  g_test_add_func ("/suggestions/accept-claim", test_suggestions_accept_claim);
  g_test_add_func ("/suggestions/speaker-first", test_suggestions_speaker_first);
  g_test_add_func ("/suggestions/reject", test_suggestions_reject);
  g_test_add_func ("/suggestions/answered-by-span", test_suggestions_answered_by_span);
  g_test_add_func ("/suggestions/all-of-label", test_suggestions_all_of_label);
  g_test_add_func ("/suggestions/replace", test_suggestions_replace);
  g_test_add_func ("/suggestions/saved", test_suggestions_saved);
  g_test_add_func ("/suggestions/label-removed", test_suggestions_label_removed);
  g_test_add_func ("/suggestions/bad-files", test_suggestions_bad_files);
  g_test_add_func ("/suggestions/answered-in-file", test_suggestions_answered_in_file);
  g_test_add_func ("/suggestions/told-once", test_suggestions_told_once);
  g_test_add_func ("/suggestions/list-changed-once", test_suggestions_list_changed_once);
  g_test_add_func ("/suggestions/in-steps", test_suggestions_in_steps);
  g_test_add_func ("/suggestions/let-go-in-steps", test_suggestions_let_go_in_steps);
  g_test_add_func ("/suggestions/room-made-once", test_suggestions_room_made_once);

  return g_test_run ();
}
