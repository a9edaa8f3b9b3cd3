/* test-window-curation.c: a curator deciding in the window, driven through
 * its actions and widgets.
 *
 * Two annotators' versions of one short article are written as files, as
 * "spanmark --curate" would be given them; the window curates them, and a
 * merged file with conflicts opens into their curation.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "app-test.h"
#include "sm-corpus-row.h"
#include "sm-curation-bar.h"
#include "sm-drafts.h"
#include "sm-format.h"
#include "sm-merge.h"
#include "sm-window.h"

static SmApplication *app;

/*                 0         1         2         3         4
 *                 01234567890123456789012345678901234567890123456 */
#define TEXT      "Raisi said trade grew. Lukashenko said it fell."

#define HEAD(annotator, text) \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"a\", \"text\": \"" text "\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\", \"key\": \"1\"}, {\"id\": \"CLAIM\", \"key\": \"2\"},\n" \
  "            {\"id\": \"FIGURE\", \"key\": \"3\"}],\n" \
  " \"meta\": {\"annotator\": \"" annotator "\"},\n"

/* Both: Raisi (SPEAKER), "trade grew" (CLAIM). Ana: Lukashenko SPEAKER;
 * Ben: Lukashenko CLAIM, and "it fell" FIGURE (Ana has nothing there) */
#define ANA HEAD ("Ana", TEXT) \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21},\n" \
  "           {\"id\": \"T3\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33}]}\n"

#define BEN HEAD ("Ben", TEXT) \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21},\n" \
  "           {\"id\": \"T3\", \"label\": \"CLAIM\", \"start\": 23, \"end\": 33},\n" \
  "           {\"id\": \"T4\", \"label\": \"FIGURE\", \"start\": 39, \"end\": 46}]}\n"

#define OTHER HEAD ("Chris", "Another article altogether.") \
  " \"spans\": []}\n"

static GFile *
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (app_test_get_home (), "curation", folder, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GPtrArray *
files_of (GFile *first,
          ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    g_ptr_array_add (files, file);
  va_end (args);

  return files;
}

static gboolean
is_curating (gpointer data)
{
  return sm_window_get_curation (data) != NULL;
}

static void
close_window (SmWindow *window)
{
  SmDocument *document = sm_window_get_document (window);

  /* These tests throw their work away */
  if (document != NULL)
    sm_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_spin (50);
}

static SmWindow *
curate_window (GPtrArray *files)
{
  SmWindow *window = sm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  sm_window_curate_files (window, files);
  app_test_wait_until (is_curating, window, "the versions to be curated");

  return window;
}

/* Ana's and Ben's versions, curated */
static SmWindow *
curate_ana_and_ben (void)
{
  g_autoptr(GPtrArray) files = files_of (write_file ("ana", "a.json", ANA),
                                         write_file ("ben", "a.json", BEN), NULL);

  return curate_window (files);
}

static SmCurationItem *
item_at (SmWindow *window,
         guint     position)
{
  g_autoptr(SmCurationItem) item = g_list_model_get_item (sm_curation_get_items (sm_window_get_curation (window)), position);

  /* The curation keeps it */
  return item;
}

/* --curate's files: what both agree on is in, the bar steps through the
 * rest with who said what, drawn over the article */
static void
test_curate_files_opens (void)
{
  SmWindow *window = curate_ana_and_ben ();
  SmCuration *curation = sm_window_get_curation (window);
  SmDocument *document = sm_window_get_document (window);
  SmCurationBar *bar = sm_window_get_curation_bar (window);
  SmCurationItem *first = item_at (window, 0);
  g_autofree char *side = NULL;

  g_assert_true (sm_curation_get_document (curation) == document);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 2);
  /* Raisi and "trade grew", agreed on; nothing of the rest yet */
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
  g_assert_true (sm_document_get_modified (document));

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (bar)))));
  g_assert_true (sm_curation_bar_get_item (bar) == first);
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "Disagreement 1 of 2 · 0 decided");
  side = sm_curation_bar_dup_side_text (first, 1);
  g_assert_nonnull (strstr (side, "Ben"));
  g_assert_cmpuint (sm_annotation_view_get_n_marks (sm_window_get_view (window)), ==, 2);

  /* A click (the cursor) in the other disagreement makes it current */
  sm_annotation_view_select_range (sm_window_get_view (window), 41, 41);
  g_assert_true (sm_curation_bar_get_item (bar) == item_at (window, 1));
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "Disagreement 2 of 2 · 0 decided");

  close_window (window);
}

/* Alt+1 takes the first side; Undo takes it back, with the decision,
 * and the bar says so at each step */
static void
test_take_side_and_undo (void)
{
  SmWindow *window = curate_ana_and_ben ();
  SmCuration *curation = sm_window_get_curation (window);
  SmDocument *document = sm_window_get_document (window);
  SmCurationBar *bar = sm_window_get_curation_bar (window);
  SmCurationItem *first = item_at (window, 0);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.take-side(uint32 1)");
  g_autoptr(GPtrArray) spans = NULL;

  /* The key, as the shortcuts window lists it */
  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accels[0], ==, "<Alt>1");

  /* Ana's Lukashenko, a speaker */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-side", "u", 1));
  g_assert_cmpint (sm_curation_item_get_state (first, NULL), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 1);
  spans = sm_document_get_spans_at (document, 25);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpstr (sm_span_get_label (g_ptr_array_index (spans, 0)), ==, "SPEAKER");
  g_clear_pointer (&spans, g_ptr_array_unref);

  /* On to the next undecided one */
  g_assert_true (sm_curation_bar_get_item (bar) == item_at (window, 1));
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "Disagreement 2 of 2 · 1 decided");

  /* A side that is not there: nothing changes */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.take-side", "u", 7);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 1);

  /* Undo: the span and the decision go, and the first is at hand again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (sm_curation_item_get_state (first, NULL), ==, SM_CURATION_UNDECIDED);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  spans = sm_document_get_spans_at (document, 25);
  g_assert_cmpuint (spans->len, ==, 0);
  g_clear_pointer (&spans, g_ptr_array_unref);
  g_assert_true (sm_curation_bar_get_item (bar) == first);
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "Disagreement 1 of 2 · 0 decided");

  /* Redo decides it again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (sm_curation_item_get_state (first, NULL), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 1);

  /* The last one dropped: all decided, and the bar offers to save */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-disagreement", NULL);
  g_assert_true (sm_curation_bar_get_item (bar) == item_at (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drop-disagreement", NULL));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "All 2 disagreements decided");

  close_window (window);
}

static void
assert_refused (GPtrArray  *files,
                const char *expected)
{
  SmWindow *window = sm_window_new (app);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  sm_window_curate_files (window, files);
  app_test_wait_until (app_test_message_dialog_is_shown, NULL, "the error");

  dialog = app_test_find_message_dialog ();
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  g_assert_null (sm_window_get_curation (window));
  g_assert_null (sm_window_get_document (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* What cannot be curated says why, naming the file */
static void
test_curate_errors (void)
{
  g_autoptr(GPtrArray) one = files_of (write_file ("ana", "a.json", ANA), NULL);
  g_autoptr(GPtrArray) missing = files_of (write_file ("ana", "a.json", ANA),
                                           g_file_new_for_path ("/nonexistent/ben/a.json"), NULL);
  g_autoptr(GPtrArray) texts = files_of (write_file ("ana", "a.json", ANA),
                                         write_file ("chris", "a.json", OTHER), NULL);
  g_autoptr(GPtrArray) broken = files_of (write_file ("ana", "a.json", ANA),
                                          write_file ("ben", "broken.json", "{\"format\": "), NULL);

  assert_refused (one, "a.json");
  assert_refused (missing, "a.json");
  assert_refused (texts, "texts differ");
  assert_refused (broken, "broken.json");
}

/* A merge left a conflict: the file opens into its curation */
static void
test_merged_file_opens_into_conflicts (void)
{
  g_autoptr(GFile) ana = write_file ("ana", "a.json", ANA);
  g_autoptr(SmDocument) base = sm_document_new_from_file (ana, NULL, NULL);
  g_autoptr(SmDocument) ours = sm_document_new_from_file (ana, NULL, NULL);
  g_autoptr(SmDocument) theirs = sm_document_new_from_file (ana, NULL, NULL);
  g_autoptr(SmDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (app_test_get_home (), "curation", "merged.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmWindow *window = sm_window_new (app);
  SmCurationBar *bar = sm_window_get_curation_bar (window);
  guint n_conflicts = 0;

  g_assert_true (sm_document_set_span_label (ours, sm_document_find_span (ours, "T3"), "FIGURE", NULL));
  g_assert_true (sm_document_set_span_label (theirs, sm_document_find_span (theirs, "T3"), "CLAIM", NULL));
  merged = sm_merge_documents (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_true (sm_document_save_to_file (merged, file, NULL, &error));
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  sm_window_open_file (window, file);
  app_test_wait_until (is_curating, window, "the merged file to open into its conflicts");

  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "Conflict 1 of 1 · 0 decided");
  /* Theirs */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-side", "u", 2));
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (sm_window_get_document (window), "T3")), ==, "CLAIM");
  g_assert_cmpstr (sm_curation_bar_get_status (bar), ==, "The conflict is decided");

  close_window (window);
}

static gboolean
corpus_shows_document (gpointer data)
{
  SmWindow *window = data;
  SmCorpusFolder *corpus = sm_window_get_corpus (window);

  return corpus != NULL && sm_corpus_folder_get_n_pending (corpus) == 0 &&
         sm_window_get_corpus_entry (window) != NULL && !sm_window_is_busy (window);
}

/* The window of the application curating, other than @besides */
static SmWindow *
find_curating_window (SmWindow *besides)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SM_IS_WINDOW (l->data) && l->data != besides && sm_window_get_curation (l->data) != NULL)
      return l->data;

  return NULL;
}

static gboolean
curating_window_is_shown (gpointer data)
{
  return find_curating_window (data) != NULL;
}

/* The names in the sidebar's rows, joined by ", " in their order */
static char *
sidebar_names (SmWindow *window)
{
  g_autoptr(GPtrArray) rows = app_test_find_widgets (GTK_WIDGET (window), SM_TYPE_CORPUS_ROW, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) labels = app_test_find_widgets (g_ptr_array_index (rows, i), GTK_TYPE_LABEL, NULL);

      g_assert_cmpuint (labels->len, >, 0);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              gtk_label_get_label (g_ptr_array_index (labels, 0)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Curate Versions… on ana/a.json of a corpus: Ben's a.json is its other
 * version; zed's a.json annotates another article, and is left out */
static void
test_curate_corpus_versions (void)
{
  g_autofree char *path = g_build_filename (app_test_get_home (), "curation", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFile) ana = write_file ("ana", "a.json", ANA);
  g_autoptr(GFile) ben = write_file ("ben", "a.json", BEN);
  g_autoptr(GFile) zed = write_file ("zed", "a.json", OTHER);
  g_autoptr(GFile) lone = write_file ("ana", "b.json", OTHER);
  g_autofree char *names = NULL;
  SmWindow *window = sm_window_new (app);
  SmWindow *curating;
  SmCuration *curation;

  gtk_window_present (GTK_WINDOW (window));
  sm_window_open_folder (window, folder);
  app_test_wait_until (corpus_shows_document, window, "the corpus to be read");
  app_test_spin (100);
  /* Each version is told apart by its annotator's folder */
  names = sidebar_names (window);
  g_assert_true (g_str_has_prefix (names, "ana/a, ana/b, ben/a, "));
  g_assert_true (g_str_has_suffix (names, ", zed/a"));
  sm_window_open_file (window, ana);
  app_test_wait_until (corpus_shows_document, window, "ana/a.json to be shown");
  g_assert_true (g_file_equal (sm_window_get_file (window), ana));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.curate-versions", NULL));
  app_test_wait_until (curating_window_is_shown, window, "the versions to be curated");
  curating = find_curating_window (window);
  curation = sm_window_get_curation (curating);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 2);
  /* The corpus window stays where it was */
  g_assert_null (sm_window_get_curation (window));
  g_assert_nonnull (sm_window_get_corpus_entry (window));
  close_window (curating);

  /* A document with no other version: nothing to curate */
  sm_window_open_file (window, lone);
  app_test_wait_until (corpus_shows_document, window, "ana/b.json to be shown");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.curate-versions", NULL);
  app_test_spin (200);
  g_assert_null (find_curating_window (window));

  close_window (window);
}

static gboolean
draft_exists (gpointer data)
{
  g_autoptr(GPtrArray) drafts = sm_drafts_list ();

  return drafts->len > 0;
}

/* A curation not saved yet is kept in a draft, as any unsaved work is:
 * a crash does not lose the decisions, and the draft resumes them */
static void
test_curation_kept_in_draft (void)
{
  g_autoptr(GPtrArray) files = files_of (write_file ("ana", "a.json", ANA),
                                         write_file ("ben", "a.json", BEN), NULL);
  g_autofree char *path = g_build_filename (app_test_get_home (), "curation", "ana", "a-curated.json", NULL);
  g_autoptr(GFile) curated = g_file_new_for_path (path);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(SmDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  SmWindow *window = curate_window (files);
  SmDraft *draft;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-side", "u", 1));
  app_test_wait_until (draft_exists, NULL, "a draft of the curation");

  drafts = sm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_nonnull (draft->target);
  g_assert_true (g_file_equal (draft->target, curated));
  restored = sm_drafts_load (draft, &error);
  g_assert_no_error (error);
  g_assert_true (sm_curation_has_record (restored));

  close_window (window);
  sm_drafts_discard (draft->key);
}

/* Ben's sides everywhere, in one step that one undo takes back */
static void
test_take_annotator_everywhere (void)
{
  SmWindow *window = curate_ana_and_ben ();
  SmCuration *curation = sm_window_get_curation (window);
  SmDocument *document = sm_window_get_document (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-annotator", "s", "Ben"));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 4);

  /* Two versions: no majority anywhere, and nothing changes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-majority", NULL));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);

  close_window (window);
}

/* Curating from a window with unsaved work leaves the work where it is */
static void
test_curation_keeps_unsaved_work (void)
{
  g_autoptr(GPtrArray) files = files_of (write_file ("ana", "a.json", ANA),
                                         write_file ("ben", "a.json", BEN), NULL);
  SmWindow *window = curate_ana_and_ben ();
  SmDocument *work = sm_window_get_document (window);
  SmWindow *other;

  /* A new curation is unsaved work too */
  g_assert_true (sm_document_get_modified (work));
  sm_window_curate_files (window, files);
  app_test_wait_until (curating_window_is_shown, window, "the versions to be curated elsewhere");

  g_assert_true (sm_window_get_document (window) == work);
  other = find_curating_window (window);
  g_assert_true (sm_window_get_document (other) != work);

  close_window (other);
  close_window (window);
}

/* What "spanmark --curate A B" asks of the application: a window curating */
static void
test_curate_action (void)
{
  g_autoptr(GFile) ana = write_file ("ana", "a.json", ANA);
  g_autoptr(GFile) ben = write_file ("ben", "a.json", BEN);
  g_autofree char *ana_uri = g_file_get_uri (ana);
  g_autofree char *ben_uri = g_file_get_uri (ben);
  const char *uris[] = { ana_uri, ben_uri, NULL };
  SmWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "curate", g_variant_new_strv (uris, -1));
  app_test_wait_until (curating_window_is_shown, NULL, "a window curating the versions");

  window = find_curating_window (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (sm_window_get_curation (window))), ==, 2);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = app_test_init (&argc, &argv, APP_TEST_NONE);
  if (app == NULL)
    return 0;

  g_test_add_func ("/window-curation/curate-files-opens", test_curate_files_opens);
  g_test_add_func ("/window-curation/curate-action", test_curate_action);
  g_test_add_func ("/window-curation/take-side-and-undo", test_take_side_and_undo);
  g_test_add_func ("/window-curation/take-annotator-everywhere", test_take_annotator_everywhere);
  g_test_add_func ("/window-curation/curate-errors", test_curate_errors);
  g_test_add_func ("/window-curation/merged-file-opens-into-conflicts", test_merged_file_opens_into_conflicts);
  g_test_add_func ("/window-curation/curate-corpus-versions", test_curate_corpus_versions);
  g_test_add_func ("/window-curation/curation-kept-in-draft", test_curation_kept_in_draft);
  g_test_add_func ("/window-curation/curation-keeps-unsaved-work", test_curation_keeps_unsaved_work);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
