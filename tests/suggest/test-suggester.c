/* test-suggester.c: the suggester as the window and the CLI use it: rules
 * and learned strings for a document, the same every run, in a worker or
 * not, only for the labels asked, and updated without losing ids.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-suggester.h"

static SmDocument *
open_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = sm_text_new (contents, -1, &error);
  g_assert_no_error (error);

  return sm_document_new (text, "belarus-iran-sanctions");
}

static SmDocument *
new_document (const char *article)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

/* A document of @article with a PLACE label, which no rule proposes */
static SmDocument *
new_place_document (const char *article)
{
  SmDocument *document = new_document (article);
  g_autoptr(SmLabel) place = sm_label_new ("PLACE", "Place", "#33d17a", "p");
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_document_add_label (document, place, &error));
  g_assert_no_error (error);

  return document;
}

/* "LABEL text" per suggestion, in the order given */
static char *
describe (GPtrArray *suggestions,
          SmText    *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *slice = sm_text_dup_slice (text, sm_suggestion_get_start (suggestion),
                                                  sm_suggestion_get_end (suggestion));

      g_string_append_printf (out, "%s %s [%s]\n", sm_suggestion_get_label (suggestion), slice,
                              sm_suggestion_get_source (suggestion));
    }

  return g_string_free (out, FALSE);
}

static guint
count_label (GPtrArray  *suggestions,
             const char *label)
{
  guint n = 0;

  for (guint i = 0; i < suggestions->len; i++)
    if (g_strcmp0 (sm_suggestion_get_label (g_ptr_array_index (suggestions, i)), label) == 0)
      n++;

  return n;
}

/* The sample gets speakers, claims with their speakers, and figures; the
 * same on every run */
static void
test_suggester_sample (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) document = open_sample ();
  g_autoptr(GPtrArray) first = sm_suggester_run (suggester, document, NULL, NULL);
  g_autoptr(GPtrArray) second = sm_suggester_run (suggester, document, NULL, NULL);
  SmText *text = sm_document_get_text (document);
  g_autofree char *described = describe (first, text);
  g_autofree char *described_again = describe (second, text);
  guint n_linked = 0;

  g_assert_cmpstr (described, ==, described_again);
  g_assert_cmpuint (count_label (first, "FIGURE"), >, 0);
  g_assert_cmpuint (count_label (first, "CLAIM"), >, 0);
  g_assert_cmpuint (count_label (first, "SPEAKER"), >, 0);

  for (guint i = 0; i < first->len; i++)
    if (sm_suggestion_get_speaker (g_ptr_array_index (first, i)) != NULL)
      n_linked++;
  g_assert_cmpuint (n_linked, >, 0);

  /* Into the document, then accepted: spans and said_by links */
  g_assert_cmpuint (sm_suggester_update_document (suggester, document, first), >, 0);
  g_assert_cmpuint (sm_document_accept_suggestions (document, NULL), >, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, n_linked);
}

static void
test_suggester_labels (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) document = open_sample ();
  const char * const figures[] = { "FIGURE", NULL };
  g_autoptr(GPtrArray) suggestions = sm_suggester_run (suggester, document, figures, NULL);

  g_assert_cmpuint (suggestions->len, >, 0);
  g_assert_cmpuint (count_label (suggestions, "FIGURE"), ==, suggestions->len);
}

/* What is tagged in one document is proposed in the next, and in the same
 * one; the document's own spans count as they are now */
static void
test_suggester_learns (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) tagged = new_place_document ("Belavia flights to Minsk resumed.");
  g_autoptr(SmDocument) next = new_place_document ("Belavia said nothing; Minsk did. Belavia again.");
  const char * const places[] = { "PLACE", NULL };
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  SmSpan *span;

  sm_document_add_span (tagged, "PLACE", 19, 24, &error);   /* Minsk */
  g_assert_no_error (error);
  sm_suggester_learn_document (suggester, tagged);
  g_assert_cmpuint (sm_suggester_get_n_learned (suggester), ==, 1);

  suggestions = sm_suggester_run (suggester, next, places, NULL);
  described = describe (suggestions, sm_document_get_text (next));
  g_assert_cmpstr (described, ==, "PLACE Minsk [learned]\n");

  /* Tagged here too: proposed at its other occurrence */
  span = sm_document_add_span (next, "PLACE", 0, 7, &error);   /* Belavia */
  g_assert_no_error (error);
  g_assert_nonnull (span);
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  g_clear_pointer (&described, g_free);
  suggestions = sm_suggester_run (suggester, next, places, NULL);
  described = describe (suggestions, sm_document_get_text (next));
  /* Not where it is tagged: the document would not take that */
  g_assert_cmpstr (described, ==, "PLACE Minsk [learned]\nPLACE Belavia [learned]\n");
  g_assert_cmpuint (sm_suggester_update_document (suggester, next, suggestions), ==, 2);

  /* Untagged, it is no longer learned from this document, even when the
   * suggester learned the document as it was (the window learns every
   * document it opens or saves) */
  sm_suggester_learn_document (suggester, next);
  g_assert_cmpuint (sm_suggester_get_n_learned (suggester), ==, 2);
  sm_document_remove_span (next, span);
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  suggestions = sm_suggester_run (suggester, next, places, NULL);
  g_assert_cmpuint (suggestions->len, ==, 1);

  /* … while another document still learns it from this one */
  {
    g_autoptr(SmDocument) third = new_place_document ("Belavia and Minsk.");
    g_autoptr(GPtrArray) found = NULL;
    g_autofree char *seen = NULL;

    found = sm_suggester_run (suggester, third, places, NULL);
    seen = describe (found, sm_document_get_text (third));
    g_assert_cmpstr (seen, ==, "PLACE Belavia [learned]\nPLACE Minsk [learned]\n");
  }
}

/* What @suggester proposes in @document for @labels, described, once it
 * is @expected: learning in a worker thread takes its time */
static gboolean
proposes_in_time (SmSuggester        *suggester,
                  SmDocument         *document,
                  const char * const *labels,
                  const char         *expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) suggestions = sm_suggester_run (suggester, document, labels, NULL);
      g_autofree char *described = describe (suggestions, sm_document_get_text (document));

      if (g_strcmp0 (described, expected) == 0)
        return TRUE;
      g_usleep (10000);
    }

  return FALSE;
}

/* The window learns a document in a worker thread: the spans as they were
 * when asked, and of two lessons of one document the later one */
static void
test_suggester_learns_in_thread (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) tagged = new_place_document ("Belavia flights to Minsk resumed.");
  g_autoptr(SmDocument) next = new_place_document ("Belavia said nothing; Minsk did. Belavia again.");
  const char * const places[] = { "PLACE", NULL };
  g_autoptr(GError) error = NULL;
  SmSpan *minsk, *belavia;

  minsk = sm_document_add_span (tagged, "PLACE", 19, 24, &error);
  g_assert_no_error (error);
  sm_suggester_learn_document_in_thread (suggester, tagged);
  /* Gone from the document after it was handed over: still learned */
  sm_document_remove_span (tagged, minsk);
  g_assert_true (proposes_in_time (suggester, next, places, "PLACE Minsk [learned]\n"));

  /* Two lessons in a row: the second is what stays */
  belavia = sm_document_add_span (tagged, "PLACE", 0, 7, &error);
  g_assert_no_error (error);
  g_assert_nonnull (belavia);
  sm_suggester_learn_document_in_thread (suggester, tagged);
  sm_document_remove_span (tagged, belavia);
  sm_suggester_learn_document_in_thread (suggester, tagged);
  g_assert_true (proposes_in_time (suggester, next, places, ""));
}

/* A speaker learned elsewhere is who said a quotation the rules cannot
 * attribute: here in German, which has no list of speech verbs */
static void
test_suggester_known_speakers (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) tagged = new_document ("Merkel sprach in Berlin.");
  g_autoptr(SmDocument) next = new_document (
    "„Die Sanktionen bleiben, solange der Krieg dauert“, sagte Merkel am Montag.\n"
    "„Wir sind bereit, mit allen Seiten zu sprechen und eine Lösung zu finden“, hieß es.");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  SmSuggestion *claim = NULL, *second = NULL;

  before = sm_suggester_run (suggester, next, NULL, NULL);
  for (guint i = 0; i < before->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (before, i);

      if (g_strcmp0 (sm_suggestion_get_label (suggestion), "CLAIM") == 0)
        g_assert_null (sm_suggestion_get_speaker (suggestion));
    }

  sm_document_add_span (tagged, "SPEAKER", 0, 6, &error);
  g_assert_no_error (error);
  sm_suggester_learn_document (suggester, tagged);

  after = sm_suggester_run (suggester, next, NULL, NULL);
  for (guint i = 0; i < after->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (after, i);

      if (g_strcmp0 (sm_suggestion_get_label (suggestion), "CLAIM") != 0)
        continue;
      if (claim == NULL)
        claim = suggestion;
      else
        second = suggestion;
    }

  g_assert_nonnull (claim);
  g_assert_cmpuint (sm_suggestion_get_start (claim), ==, 1);
  g_assert_nonnull (sm_suggestion_get_speaker (claim));
  g_assert_cmpuint (sm_suggestion_get_start (sm_suggestion_get_speaker (claim)), ==,
                    g_utf8_strlen ("„Die Sanktionen bleiben, solange der Krieg dauert“, sagte ", -1));
  /* Not across paragraphs */
  g_assert_nonnull (second);
  g_assert_null (sm_suggestion_get_speaker (second));
}

/* The first suggestion of @label in @suggestions, from @from on, that
 * has a speaker if @with_speaker */
static SmSuggestion *
find_suggestion (GPtrArray  *suggestions,
                 const char *label,
                 guint       from,
                 gboolean    with_speaker)
{
  for (guint i = from; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_strcmp0 (sm_suggestion_get_label (suggestion), label) == 0 &&
          (!with_speaker || sm_suggestion_get_speaker (suggestion) != NULL))
        return suggestion;
    }

  return NULL;
}

/* A run proposes only what the document would take: nothing over a span
 * of its label (a fragment of a discontinuous one included), nothing
 * rejected, nothing twice; the objects of the rest, made and let go of,
 * held a long article's memory (issue 15). A claim whose speaker is
 * tagged already still says who said it, by the span's id. */
static void
test_suggester_only_what_is_taken (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) document = open_sample ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  SmSuggestion *claim, *speaker, *figure, *one, *other;
  SmSuggestion *again = NULL;
  guint claim_start, claim_end, figure_start, figure_end;
  SmSpan *span, *split;
  guint n_taken;

  first = sm_suggester_run (suggester, document, NULL, NULL);
  claim = find_suggestion (first, "CLAIM", 0, TRUE);
  g_assert_nonnull (claim);
  claim_start = sm_suggestion_get_start (claim);
  claim_end = sm_suggestion_get_end (claim);
  speaker = sm_suggestion_get_speaker (claim);
  span = sm_document_add_span (document, sm_suggestion_get_label (speaker),
                               sm_suggestion_get_start (speaker), sm_suggestion_get_end (speaker),
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);

  /* A claim tagged in two pieces, the second over another claim */
  one = other = NULL;
  for (guint i = 0; i < first->len && other == NULL; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (first, i);

      if (g_strcmp0 (sm_suggestion_get_label (suggestion), "CLAIM") != 0 ||
          (sm_suggestion_get_start (suggestion) < claim_end &&
           claim_start < sm_suggestion_get_end (suggestion)))
        continue;
      if (one == NULL)
        one = suggestion;
      else if (sm_suggestion_get_start (suggestion) > sm_suggestion_get_end (one) + 1)
        other = suggestion;
    }
  g_assert_nonnull (other);
  split = sm_document_add_span (document, "CLAIM", sm_suggestion_get_start (one),
                                sm_suggestion_get_start (one) + 2, &error);
  g_assert_no_error (error);
  g_assert_true (sm_document_add_fragment (document, split, sm_suggestion_get_start (other) + 1,
                                           sm_suggestion_get_start (other) + 3, &error));
  g_assert_no_error (error);

  /* A figure rejected */
  sm_document_add_suggestions (document, first);
  figure = find_suggestion (first, "FIGURE", 0, FALSE);
  g_assert_nonnull (figure);
  figure_start = sm_suggestion_get_start (figure);
  figure_end = sm_suggestion_get_end (figure);
  sm_document_reject_suggestion (document, figure);
  sm_document_clear_suggestions (document, NULL);

  second = sm_suggester_run (suggester, document, NULL, NULL);
  n_taken = sm_document_add_suggestions (document, second);
  g_assert_cmpuint (n_taken, >, 0);
  g_assert_cmpuint (n_taken, ==, second->len);
  g_assert_true (sm_document_is_rejected (document, "FIGURE", figure_start, figure_end));

  pending = sm_document_get_suggestions_in_range (document, claim_start, claim_end);
  for (guint i = 0; i < pending->len; i++)
    if (sm_suggestion_is_at (g_ptr_array_index (pending, i), "CLAIM", claim_start, claim_end))
      again = g_ptr_array_index (pending, i);
  g_assert_nonnull (again);
  g_assert_cmpstr (sm_suggestion_get_said_by (again), ==, sm_span_get_id (span));
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **suggestions = user_data;
  g_autoptr(GError) error = NULL;

  *suggestions = sm_suggester_run_finish (SM_SUGGESTER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_suggester_async (void)
{
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(SmDocument) document = open_sample ();
  g_autoptr(GPtrArray) sync = sm_suggester_run (suggester, document, NULL, NULL);
  g_autoptr(GPtrArray) async = NULL;
  g_autofree char *described_sync = NULL;
  g_autofree char *described_async = NULL;

  sm_suggester_run_async (suggester, document, NULL, NULL, on_run_done, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  described_sync = describe (sync, sm_document_get_text (document));
  described_async = describe (async, sm_document_get_text (document));
  g_assert_cmpstr (described_async, ==, described_sync);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggester/sample", test_suggester_sample);
  g_test_add_func ("/suggester/labels", test_suggester_labels);
  g_test_add_func ("/suggester/learns", test_suggester_learns);
  g_test_add_func ("/suggester/learns-in-thread", test_suggester_learns_in_thread);
  g_test_add_func ("/suggester/known-speakers", test_suggester_known_speakers);
  g_test_add_func ("/suggester/only-what-is-taken", test_suggester_only_what_is_taken);
  g_test_add_func ("/suggester/async", test_suggester_async);

  return g_test_run ();
}
