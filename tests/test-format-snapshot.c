/* test-format-snapshot.c: writing a document from a snapshot, in a worker
 * thread, gives the bytes sm_format_serialize() always gave, whatever the
 * document does meanwhile.
 *
 * format/every-feature.expected.json and every-feature-edited.expected.json
 * were written by sm_format_serialize() as it was before snapshots (commit
 * 5883827), from format/every-feature.json as read, and after edit().
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-document-private.h"
#include "sm-format.h"
#include "temp-folder.h"

static SmDocument *
open_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "format", "every-feature.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GBytes *
expected (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "format", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *wanted)
{
  /* As strings first, for a readable message */
  g_assert_cmpstr (g_bytes_get_data (actual, NULL), ==, g_bytes_get_data (wanted, NULL));
  g_assert_true (g_bytes_equal (actual, wanted));
}

/* Edits through the public API touching what the writer decides: a note
 * with U+2029, a span added, a suggestion rejected (its claim loses its
 * speaker), a label removed (its span, suggestion and rejected place are
 * not written, a said_by to its span is dropped), top-level members set
 * and removed as curation and merges do */
static void
edit (SmDocument *document)
{
  const char *utf8 = sm_text_get_utf8 (sm_document_get_text (document));
  guint end_at = g_utf8_pointer_to_offset (utf8, strstr (utf8, "End"));
  g_autoptr(JsonNode) record = json_from_string ("{\"curator\": \"Dee\", \"items\": [{\"id\": \"D1\", \"kind\": \"status\", \"sides\": []}]}", NULL);

  sm_document_set_span_note (document, sm_document_find_span (document, "T4"), "added\u2029note");
  g_assert_nonnull (sm_document_add_span (document, "SPEAKER", end_at, end_at + 3, NULL));
  sm_document_reject_suggestion (document, sm_document_find_suggestion (document, "S1"));
  sm_document_remove_label (document, "EMIGRE");
  sm_format_set_extra_member (document, "curation", record);
  sm_format_set_extra_member (document, "x-custom", NULL);
  {
    /* Edits stamp the time: one fixed time instead, for the same bytes each run */
    g_autoptr(GDateTime) modified = g_date_time_new_utc (2026, 12, 6, 12, 0, 0);
    g_autofree char *annotator = g_strdup (sm_document_get_annotator (document));

    _sm_document_set_loaded_meta (document, sm_document_get_status (document), annotator, NULL, modified);
  }
}

static void
on_serialized (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GBytes **bytes = user_data;
  g_autoptr(GError) error = NULL;

  *bytes = sm_format_serialize_finish (result, &error);
  g_assert_no_error (error);
}

static GBytes *
serialize_in_worker (SmDocument *document)
{
  GBytes *bytes = NULL;

  sm_format_serialize_async (document, NULL, on_serialized, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);

  return bytes;
}

/* Every way of writing gives the bytes the writer gave before snapshots */
static void
assert_written_as (SmDocument *document,
                   const char *name)
{
  g_autoptr(GBytes) wanted = expected (name);
  g_autoptr(GBytes) now = sm_format_serialize (document);
  g_autoptr(GBytes) in_worker = serialize_in_worker (document);
  g_autoptr(SmFormatSnapshot) snapshot = sm_format_snapshot_new (document);
  g_autoptr(GBytes) first = sm_format_snapshot_serialize (snapshot);
  g_autoptr(GBytes) second = sm_format_snapshot_serialize (snapshot);

  assert_bytes_equal (now, wanted);
  assert_bytes_equal (in_worker, wanted);
  assert_bytes_equal (first, wanted);
  assert_bytes_equal (second, wanted);
}

static void
test_every_feature (void)
{
  g_autoptr(SmDocument) document = open_fixture ();

  /* Version 2, for the discontinuous span */
  g_assert_nonnull (sm_document_find_span (document, "T3"));
  g_assert_cmpuint (sm_span_get_n_fragments (sm_document_find_span (document, "T3")), ==, 2);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 3);
  assert_written_as (document, "every-feature.expected.json");
}

static void
test_every_feature_edited (void)
{
  g_autoptr(SmDocument) document = open_fixture ();

  edit (document);
  assert_written_as (document, "every-feature-edited.expected.json");
}

/* Everything the document does after the snapshot stays out of it:
 * relabelling, fragments, notes, removals, labels, status, the top-level
 * members, undo and redo, in this thread while the worker writes */
static void
test_snapshot_is_apart (void)
{
  g_autoptr(SmDocument) document = open_fixture ();
  g_autoptr(GBytes) wanted = expected ("every-feature.expected.json");
  g_autoptr(SmFormatSnapshot) snapshot = sm_format_snapshot_new (document);
  const char *utf8 = sm_text_get_utf8 (sm_document_get_text (document));
  guint end_at = g_utf8_pointer_to_offset (utf8, strstr (utf8, "End"));
  g_autoptr(GBytes) written = NULL;
  GBytes *in_worker = NULL;
  guint rounds = 0;

  sm_format_serialize_async (document, NULL, on_serialized, &in_worker);
  while (in_worker == NULL || rounds < 3)
    {
      SmSpan *speaker = sm_document_find_span (document, "T2");
      SmSpan *claim = sm_document_find_span (document, "T3");
      g_autoptr(JsonNode) node = json_from_string ("[1, 2, 3]", NULL);

      sm_document_begin_user_action (document);
      g_assert_true (sm_document_set_span_label (document, speaker, "CLAIM", NULL));
      sm_document_set_span_note (document, speaker, "changed");
      g_assert_true (sm_document_add_fragment (document, claim, end_at, end_at + 3, NULL));
      sm_document_remove_span (document, sm_document_find_span (document, "T1"));
      sm_document_end_user_action (document);
      sm_document_undo (document);
      sm_document_redo (document);
      sm_document_undo (document);

      sm_document_set_status (document, rounds % 2 ? SM_DOCUMENT_STATUS_NEW : SM_DOCUMENT_STATUS_IN_PROGRESS);
      sm_document_set_annotator (document, rounds % 2 ? "Someone Else" : "Another");
      sm_format_set_extra_member (document, "curation", node);
      sm_format_set_extra_member (document, "conflicts", NULL);
      if (rounds == 0)
        sm_document_remove_label (document, "EMIGRE");
      rounds++;
      g_main_context_iteration (NULL, FALSE);
    }

  written = sm_format_snapshot_serialize (snapshot);
  assert_bytes_equal (written, wanted);
  assert_bytes_equal (in_worker, wanted);
  g_bytes_unref (in_worker);
}

/* A snapshot holds the spans rather than copying them: what it writes of
 * each is what the span was at the snapshot, whether its text was the one
 * it was made with or one a change of fragments gave it, however the span
 * changes after, and once the document is gone */
static void
test_snapshot_keeps_spans_as_they_were (void)
{
  g_autoptr(SmDocument) document = open_fixture ();
  const char *utf8 = sm_text_get_utf8 (sm_document_get_text (document));
  guint end_at = g_utf8_pointer_to_offset (utf8, strstr (utf8, "End"));
  guint wrote_at = g_utf8_pointer_to_offset (utf8, strstr (utf8, "wrote"));
  SmSpan *speaker = sm_document_find_span (document, "T2");
  SmSpan *claim = sm_document_find_span (document, "T3");
  g_autoptr(GBytes) wanted = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(SmFormatSnapshot) snapshot = NULL;

  /* T3's text is its own, no longer the one it was made with */
  g_assert_true (sm_document_add_fragment (document, claim, end_at, end_at + 3, NULL));
  wanted = sm_format_serialize (document);
  snapshot = sm_format_snapshot_new (document);

  /* T2's text changes from the one it was made with, T3's again */
  g_assert_true (sm_document_add_fragment (document, speaker, end_at, end_at + 3, NULL));
  g_assert_true (sm_document_set_span_label (document, speaker, "CLAIM", NULL));
  sm_document_set_span_note (document, speaker, "changed");
  g_assert_true (sm_document_add_fragment (document, claim, wrote_at, wrote_at + 5, NULL));
  sm_document_remove_span (document, sm_document_find_span (document, "T1"));
  /* Nothing but the snapshot holds the spans now */
  g_clear_object (&document);

  written = sm_format_snapshot_serialize (snapshot);
  assert_bytes_equal (written, wanted);
}

typedef struct
{
  guint *done;
  guint  position;
} Save;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_document_save_to_file_finish (SM_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  /* Done in the order asked */
  g_assert_cmpuint (*save->done, ==, save->position);
  (*save->done)++;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Saves of one file, each asked for while the one before runs, and a
 * change after each: the saves land in the order asked, the file ends
 * with the last one's snapshot, and the document, changed since, stays
 * modified; a save of it as it is then makes it unmodified */
static void
test_saves_in_order (void)
{
  static const char * const notes[] = { "one", "two", "three" };
  g_autoptr(SmDocument) document = open_fixture ();
  g_autofree char *dir = temp_folder_new ("snapshot");
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) last = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  guint done = 0;
  Save saves[3];

  for (guint i = 0; i < 3; i++)
    {
      saves[i].done = &done;
      saves[i].position = i;
      g_clear_pointer (&last, g_bytes_unref);
      last = sm_format_serialize (document);
      sm_document_save_to_file_async (document, file, NULL, on_saved, &saves[i]);
      sm_document_set_span_note (document, sm_document_find_span (document, "T2"), notes[i]);
    }
  while (done < 3)
    g_main_context_iteration (NULL, TRUE);

  on_disk = read_bytes (path);
  assert_bytes_equal (on_disk, last);
  g_assert_nonnull (strstr (g_bytes_get_data (on_disk, NULL), "\"two\""));
  g_assert_true (sm_document_get_modified (document));

  saves[0].position = 3;
  sm_document_save_to_file_async (document, file, NULL, on_saved, &saves[0]);
  while (done < 4)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sm_document_get_modified (document));
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_bytes (path);
  g_assert_nonnull (strstr (g_bytes_get_data (on_disk, NULL), "\"three\""));

  temp_folder_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-snapshot/every-feature", test_every_feature);
  g_test_add_func ("/format-snapshot/every-feature-edited", test_every_feature_edited);
  g_test_add_func ("/format-snapshot/snapshot-is-apart", test_snapshot_is_apart);
  g_test_add_func ("/format-snapshot/keeps-spans-as-they-were", test_snapshot_keeps_spans_as_they_were);
  g_test_add_func ("/format-snapshot/saves-in-order", test_saves_in_order);

  return g_test_run ();
}
