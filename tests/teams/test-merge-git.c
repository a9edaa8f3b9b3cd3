/* test-merge-git.c: spanmark-cli merge as git's merge driver, in real
 * `git merge` runs in a throwaway repository set up by spanmark-cli
 * git-setup, a conflict curated and committed, and the command's exit
 * statuses on its own.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "sm-curation.h"
#include "sm-format.h"
#include "sm-merge.h"
#include "temp-folder.h"

#define TEXT "Raisi said trade grew. Lukashenko said it fell."

#define BASE \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"a\", \"text\": \"" TEXT "\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\", \"key\": \"1\"}, {\"id\": \"CLAIM\", \"key\": \"2\"},\n" \
  "            {\"id\": \"FIGURE\", \"key\": \"3\"}],\n" \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}],\n" \
  " \"meta\": {\"annotator\": \"Ana\", \"next_span\": 3, \"next_relation\": 2}}\n"

typedef struct
{
  char  *dir;
  char **env;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bin = g_path_get_dirname (g_getenv ("SPANMARK_CLI"));
  g_autofree char *path = g_strdup_printf ("%s:%s", bin, g_getenv ("PATH"));
  g_autofree char *parent = NULL;

  fixture->dir = temp_folder_new ("merge-git");
  parent = g_path_get_dirname (fixture->dir);

  /* git finds the driver, "spanmark-cli", on PATH as a user's would be;
   * no configuration of the machine's or the user's gets in */
  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "PATH", path, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "HOME", fixture->dir, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_CEILING_DIRECTORIES", parent, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_AUTHOR_NAME", "Ana", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_AUTHOR_EMAIL", "ana@example.org", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_COMMITTER_NAME", "Ana", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_COMMITTER_EMAIL", "ana@example.org", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
  g_strfreev (fixture->env);
}

/* Runs a command in the repository; returns its exit status */
static int
run (Fixture  *fixture,
     char    **output,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list args;

  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (fixture->dir, (char **) argv->pdata, fixture->env, G_SPAWN_SEARCH_PATH_FROM_ENVP,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", (char *) argv->pdata[0], out, err);

  if (output != NULL)
    {
      g_free (*output);
      *output = g_strconcat (out, err, NULL);
    }

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

#define git(fixture, ...) \
  g_assert_cmpint (run (fixture, NULL, "git", __VA_ARGS__, NULL), ==, 0)

static SmDocument *
load (Fixture    *fixture,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmDocument *document = sm_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
save (Fixture    *fixture,
      const char *name,
      SmDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sm_document_save_to_file (document, file, NULL, &error);
  g_assert_no_error (error);
}

static void
add_span_and_commit (Fixture    *fixture,
                     const char *label,
                     guint       start,
                     guint       end)
{
  g_autoptr(SmDocument) document = load (fixture, "a.json");

  g_assert_nonnull (sm_document_add_span (document, label, start, end, NULL));
  save (fixture, "a.json", document);
  git (fixture, "commit", "-q", "-am", label);
}

static void
relabel_and_commit (Fixture    *fixture,
                    const char *id,
                    const char *label)
{
  g_autoptr(SmDocument) document = load (fixture, "a.json");

  g_assert_true (sm_document_set_span_label (document, sm_document_find_span (document, id), label, NULL));
  save (fixture, "a.json", document);
  git (fixture, "commit", "-q", "-am", label);
}

/* A repository with a.json committed on main and the driver registered */
static void
set_up_repository (Fixture *fixture)
{
  g_autofree char *attributes = NULL;
  g_autofree char *driver = NULL;

  git (fixture, "init", "-q", "-b", "main");
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "git-setup", NULL), ==, 0);
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "git-setup", fixture->dir, NULL), ==, 0);

  /* A second run adds nothing */
  attributes = temp_folder_read (fixture->dir, ".gitattributes");
  g_assert_cmpstr (attributes, ==, "*.json merge=spanmark\nspanmark-project.json merge=text\n");
  g_assert_cmpint (run (fixture, &driver, "git", "config", "--get-all", "merge.spanmark.driver", NULL), ==, 0);
  g_assert_cmpstr (driver, ==, "spanmark-cli merge %O %A %B %P\n");

  g_free (temp_folder_write (fixture->dir, "a.json", BASE, -1));
  git (fixture, "add", "a.json", ".gitattributes");
  git (fixture, "commit", "-q", "-m", "base");
}

static void
test_clean_merge (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  g_autofree char *log = NULL;

  set_up_repository (fixture);
  git (fixture, "checkout", "-q", "-b", "bo");
  add_span_and_commit (fixture, "CLAIM", 39, 46);
  git (fixture, "checkout", "-q", "main");
  add_span_and_commit (fixture, "SPEAKER", 23, 33);

  /* Both sides added T3 on neighbouring lines: git's line merge would
   * conflict, the driver does not */
  git (fixture, "merge", "-q", "--no-edit", "bo");

  merged = load (fixture, "a.json");
  g_assert_cmpuint (sm_document_get_n_spans (merged), ==, 4);
  g_assert_nonnull (sm_document_find_exact_span (merged, 23, 33, "SPEAKER"));
  g_assert_nonnull (sm_document_find_exact_span (merged, 39, 46, "CLAIM"));
  g_assert_nonnull (sm_document_find_relation (merged, "R1"));
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 0);

  g_assert_cmpint (run (fixture, &log, "git", "log", "--merges", "--format=%s", NULL), ==, 0);
  g_assert_cmpstr (log, ==, "Merge branch 'bo'\n");
}

/* A file added on both branches: git gives the driver an empty BASE */
static void
test_added_both (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;

  set_up_repository (fixture);
  git (fixture, "mv", "a.json", "b.json");
  git (fixture, "commit", "-q", "-m", "b.json only");
  git (fixture, "checkout", "-q", "-b", "bo");
  g_free (temp_folder_write (fixture->dir, "a.json", BASE, -1));
  git (fixture, "add", "a.json");
  add_span_and_commit (fixture, "CLAIM", 39, 46);
  git (fixture, "checkout", "-q", "main");
  g_free (temp_folder_write (fixture->dir, "a.json", BASE, -1));
  git (fixture, "add", "a.json");
  add_span_and_commit (fixture, "SPEAKER", 23, 33);

  git (fixture, "merge", "-q", "--no-edit", "bo");
  merged = load (fixture, "a.json");
  g_assert_cmpuint (sm_document_get_n_spans (merged), ==, 4);
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 0);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  g_autofree char *output = NULL;
  g_autofree char *status = NULL;
  g_autofree char *log = NULL;
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(SmCurationItem) item = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record;

  set_up_repository (fixture);
  git (fixture, "checkout", "-q", "-b", "bo");
  relabel_and_commit (fixture, "T1", "FIGURE");
  git (fixture, "checkout", "-q", "main");
  relabel_and_commit (fixture, "T1", "CLAIM");
  add_span_and_commit (fixture, "SPEAKER", 23, 33);

  /* git reports the conflict and stops before committing */
  g_assert_cmpint (run (fixture, &output, "git", "merge", "--no-edit", "bo", NULL), !=, 0);
  g_assert_nonnull (strstr (output, "CONFLICT"));
  g_assert_nonnull (strstr (output, "a.json: 1 conflict recorded"));
  g_assert_cmpint (run (fixture, &status, "git", "status", "--porcelain", NULL), ==, 0);
  g_assert_cmpstr (status, ==, "UU a.json\n");

  /* The file is valid, ours in the span, both sides on record */
  merged = load (fixture, "a.json");
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (merged, "T1")), ==, "CLAIM");
  g_assert_nonnull (sm_document_find_exact_span (merged, 23, 33, "SPEAKER"));
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 1);
  record = json_array_get_object_element (
    json_node_get_array (sm_format_get_extra_member (merged, SM_MERGE_CONFLICTS_MEMBER)), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "label");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "label"), ==, "FIGURE");

  /* Until it is curated, validate says so */
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "validate", "a.json", NULL), ==, 1);

  /* Curated to their side, saved, the file validates, and the merge is
   * committed with the curator's choice in it */
  curation = sm_curation_new_for_document (merged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 1);
  item = g_list_model_get_item (sm_curation_get_items (curation), 0);
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 1)[0], ==, "Theirs");
  g_assert_true (sm_curation_take_side (curation, item, 1, &error));
  g_assert_no_error (error);
  save (fixture, "a.json", merged);
  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "validate", "a.json", NULL), ==, 0);

  git (fixture, "add", "a.json");
  git (fixture, "commit", "-q", "--no-edit");
  g_assert_cmpint (run (fixture, &log, "git", "log", "--merges", "--format=%s", NULL), ==, 0);
  g_assert_cmpstr (log, ==, "Merge branch 'bo'\n");
  g_assert_cmpint (run (fixture, &status, "git", "status", "--porcelain", NULL), ==, 0);
  g_assert_cmpstr (status, ==, "");

  g_clear_object (&merged);
  merged = load (fixture, "a.json");
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 0);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (merged, "T1")), ==, "FIGURE");
  g_assert_nonnull (sm_document_find_exact_span (merged, 23, 33, "SPEAKER"));
}

typedef void (*Edit) (SmDocument *document);

static void
edit_and_commit (Fixture    *fixture,
                 Edit        edit,
                 const char *message)
{
  g_autoptr(SmDocument) document = load (fixture, "a.json");

  edit (document);
  save (fixture, "a.json", document);
  git (fixture, "commit", "-q", "-am", message);
}

/* main makes @ours, branch bo @theirs; bo is merged into main through the
 * driver, which must report one conflict of @kind and leave a file that
 * loads. Returns the merged file and (in @record) its conflict. */
static SmDocument *
merge_conflicting (Fixture     *fixture,
                   Edit         ours,
                   Edit         theirs,
                   const char  *kind,
                   JsonObject **record)
{
  g_autofree char *output = NULL;
  g_autofree char *status = NULL;
  g_autofree char *log = NULL;
  SmDocument *merged;
  JsonNode *conflicts;

  set_up_repository (fixture);
  git (fixture, "checkout", "-q", "-b", "bo");
  edit_and_commit (fixture, theirs, "theirs");
  git (fixture, "checkout", "-q", "main");
  edit_and_commit (fixture, ours, "ours");

  g_assert_cmpint (run (fixture, &output, "git", "merge", "--no-edit", "bo", NULL), ==, 1);
  g_assert_nonnull (strstr (output, "CONFLICT"));
  g_assert_nonnull (strstr (output, "a.json: 1 conflict recorded"));
  g_assert_cmpint (run (fixture, &status, "git", "status", "--porcelain", NULL), ==, 0);
  g_assert_cmpstr (status, ==, "UU a.json\n");

  merged = load (fixture, "a.json");
  g_assert_true (sm_document_check_relations (merged, NULL));
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 1);
  conflicts = sm_format_get_extra_member (merged, SM_MERGE_CONFLICTS_MEMBER);
  *record = json_array_get_object_element (json_node_get_array (conflicts), 0);
  g_assert_cmpstr (json_object_get_string_member (*record, "kind"), ==, kind);

  /* Decided as it is, the merge is committed */
  git (fixture, "add", "a.json");
  git (fixture, "commit", "-q", "--no-edit");
  g_assert_cmpint (run (fixture, &log, "git", "log", "--merges", "--format=%s", NULL), ==, 0);
  g_assert_cmpstr (log, ==, "Merge branch 'bo'\n");

  return merged;
}

static void
tag_trade (SmDocument *document)
{
  g_assert_nonnull (sm_document_add_span (document, "FIGURE", 11, 16, NULL));
}

static void
tag_trade_and_fell (SmDocument *document)
{
  SmSpan *span = sm_document_add_span (document, "FIGURE", 11, 16, NULL);

  g_assert_true (sm_document_add_fragment (document, span, 42, 46, NULL));
}

static void
test_conflict_added (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  JsonObject *record, *theirs;

  merged = merge_conflicting (fixture, tag_trade, tag_trade_and_fell, "added", &record);
  g_assert_nonnull (sm_document_find_exact_span (merged, 11, 16, "FIGURE"));
  /* Their two-part span, not in the spans, is whole on record */
  theirs = json_object_get_object_member (record, "theirs");
  g_assert_cmpstr (json_object_get_string_member (theirs, "label"), ==, "FIGURE");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (theirs, "fragments")), ==, 2);
}

static void
delete_claim (SmDocument *document)
{
  sm_document_remove_span (document, sm_document_find_span (document, "T2"));
}

/* Gives claim T2 the speaker over [@start, @end) instead of T1 */
static void
give_speaker (SmDocument *document,
              guint       start,
              guint       end)
{
  SmSpan *speaker = sm_document_add_span (document, "SPEAKER", start, end, NULL);

  g_assert_nonnull (speaker);
  sm_document_remove_relation (document, sm_document_find_relation (document, "R1"));
  g_assert_true (sm_document_set_speaker (document, sm_document_find_span (document, "T2"), speaker, NULL));
}

static void
speaker_lukashenko (SmDocument *document)
{
  give_speaker (document, 23, 33);
}

static void
speaker_it (SmDocument *document)
{
  give_speaker (document, 39, 41);
}

static void
test_conflict_relation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  JsonObject *record, *theirs;

  merged = merge_conflicting (fixture, delete_claim, speaker_lukashenko, "relation", &record);
  g_assert_null (sm_document_find_span (merged, "T2"));
  /* Their speaker span is in the spans, their link to our deleted claim
   * on record */
  g_assert_nonnull (sm_document_find_exact_span (merged, 23, 33, "SPEAKER"));
  theirs = json_object_get_object_member (record, "theirs");
  g_assert_cmpstr (json_object_get_string_member (theirs, "type"), ==, "said_by");
  g_assert_cmpstr (json_object_get_string_member (theirs, "from"), ==, "T2");
  g_assert_cmpstr (json_object_get_string_member (theirs, "to"), ==, "T3");
}

static void
test_conflict_speaker (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  JsonObject *record;
  SmSpan *speaker;

  merged = merge_conflicting (fixture, speaker_lukashenko, speaker_it, "speaker", &record);
  speaker = sm_document_get_speaker (merged, sm_document_find_span (merged, "T2"));
  g_assert_cmpuint (sm_span_get_start (speaker), ==, 23);
  g_assert_nonnull (sm_document_find_exact_span (merged, 39, 41, "SPEAKER"));
  g_assert_cmpstr (json_object_get_string_member (record, "span"), ==, "T2");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "to"), ==, "T3");
}

static void
note_ours (SmDocument *document)
{
  sm_document_set_span_note (document, sm_document_find_span (document, "T2"), "ours");
}

static void
note_theirs (SmDocument *document)
{
  sm_document_set_span_note (document, sm_document_find_span (document, "T2"), "theirs");
}

static void
status_done (SmDocument *document)
{
  sm_document_set_status (document, SM_DOCUMENT_STATUS_DONE);
}

static void
status_in_progress (SmDocument *document)
{
  sm_document_set_status (document, SM_DOCUMENT_STATUS_IN_PROGRESS);
}

static void
figure_red (SmDocument *document)
{
  g_assert_true (sm_document_set_label_color (document, "FIGURE", "#ff0000", NULL));
}

static void
figure_blue (SmDocument *document)
{
  g_assert_true (sm_document_set_label_color (document, "FIGURE", "#0000ff", NULL));
}

/* For another repository in the same place */
static void
empty_folder (Fixture *fixture)
{
  temp_folder_remove (fixture->dir);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
}

static void
test_conflict_others (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SmDocument) merged = NULL;
  JsonObject *record;

  merged = merge_conflicting (fixture, note_ours, note_theirs, "note", &record);
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (merged, "T2")), ==, "ours");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "note"), ==, "theirs");

  empty_folder (fixture);
  g_clear_object (&merged);
  merged = merge_conflicting (fixture, status_done, status_in_progress, "status", &record);
  g_assert_cmpint (sm_document_get_status (merged), ==, SM_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (json_object_get_string_member (record, "theirs"), ==, "in-progress");

  empty_folder (fixture);
  g_clear_object (&merged);
  merged = merge_conflicting (fixture, figure_red, figure_blue, "label-definition", &record);
  g_assert_cmpstr (sm_label_get_color (sm_document_find_label (merged, "FIGURE")), ==, "#ff0000");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "color"), ==, "#0000ff");
}

static void
test_different_texts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *other = g_strdup (BASE);
  g_autofree char *output = NULL;
  g_autofree char *status = NULL;
  g_autoptr(SmDocument) merged = NULL;

  set_up_repository (fixture);
  git (fixture, "checkout", "-q", "-b", "bo");
  /* Their article text was corrected: another text, not mergeable */
  memcpy (strstr (other, "Raisi"), "Raise", 5);
  g_free (temp_folder_write (fixture->dir, "a.json", other, -1));
  git (fixture, "commit", "-q", "-am", "text");
  git (fixture, "checkout", "-q", "main");
  add_span_and_commit (fixture, "SPEAKER", 23, 33);

  g_assert_cmpint (run (fixture, &output, "git", "merge", "--no-edit", "bo", NULL), !=, 0);
  g_assert_nonnull (strstr (output, "a.json: their version annotates another article text"));
  g_assert_cmpint (run (fixture, &status, "git", "status", "--porcelain", NULL), ==, 0);
  g_assert_cmpstr (status, ==, "UU a.json\n");

  /* Ours is left as it was, valid */
  merged = load (fixture, "a.json");
  g_assert_nonnull (sm_document_find_exact_span (merged, 23, 33, "SPEAKER"));
  g_assert_cmpuint (sm_merge_count_conflicts (merged), ==, 0);
}

static void
test_cli_statuses (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *output = NULL;
  g_autofree char *base = NULL;

  g_free (temp_folder_write (fixture->dir, "base.json", BASE, -1));
  g_free (temp_folder_write (fixture->dir, "ours.json", BASE, -1));
  other = g_strdup (BASE);
  memcpy (strstr (other, "Raisi"), "Raise", 5);
  g_free (temp_folder_write (fixture->dir, "other.json", other, -1));
  g_free (temp_folder_write (fixture->dir, "broken.json", "{\"format\": ", -1));

  /* Another text: refused, ours untouched */
  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "merge", "base.json", "ours.json", "other.json", NULL), ==, 1);
  g_assert_nonnull (strstr (output, "another article text"));
  ours = temp_folder_read (fixture->dir, "ours.json");
  g_assert_cmpstr (ours, ==, BASE);

  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "merge", "base.json", "ours.json", "broken.json", NULL), ==, 1);
  g_clear_pointer (&ours, g_free);
  ours = temp_folder_read (fixture->dir, "ours.json");
  g_assert_cmpstr (ours, ==, BASE);

  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "merge", "base.json", "ours.json", NULL), ==, 2);

  /* An empty base (the file added on both sides) merges */
  g_free (temp_folder_write (fixture->dir, "empty", "", 0));
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "merge", "empty", "ours.json", "base.json", NULL), ==, 0);

  /* Other JSON files get git's line merge */
  g_free (temp_folder_write (fixture->dir, "o-base.json", "{\n\"a\": 1,\n\"b\": 2,\n\"c\": 3\n}\n", -1));
  g_free (temp_folder_write (fixture->dir, "o-ours.json", "{\n\"a\": 10,\n\"b\": 2,\n\"c\": 3\n}\n", -1));
  g_free (temp_folder_write (fixture->dir, "o-theirs.json", "{\n\"a\": 1,\n\"b\": 2,\n\"c\": 30\n}\n", -1));
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "merge", "o-base.json", "o-ours.json", "o-theirs.json", NULL), ==, 0);
  g_clear_pointer (&ours, g_free);
  ours = temp_folder_read (fixture->dir, "o-ours.json");
  g_assert_cmpstr (ours, ==, "{\n\"a\": 10,\n\"b\": 2,\n\"c\": 30\n}\n");

  /* Not in a repository */
  base = g_build_filename (fixture->dir, "no-repo", NULL);
  g_mkdir (base, 0700);
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "git-setup", base, NULL), ==, 1);
}

/* @text with its first @from replaced by @to */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_free (temp_folder_write (fixture->dir, name, contents, -1));
}

/* A merged file with conflicts undecided is not ready: validate says so */
static void
test_validate_conflicts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *ours = replace_once (BASE, "\"end\": 21}", "\"end\": 21, \"note\": \"ours\"}");
  g_autofree char *theirs = replace_once (BASE, "\"end\": 21}", "\"end\": 21, \"note\": \"theirs\"}");
  g_autofree char *status = replace_once (BASE, "}}\n",
                                          "}, \"conflicts\": [{\"kind\": \"status\", \"base\": \"new\", "
                                          "\"ours\": \"done\", \"theirs\": \"in-progress\"}, "
                                          "{\"kind\": \"status\"}]}\n");
  g_autofree char *decided = replace_once (BASE, "}}\n", "}, \"conflicts\": []}\n");
  g_autofree char *output = NULL;

  /* T2's note changed differently */
  write_file (fixture, "base.json", BASE);
  write_file (fixture, "ours.json", ours);
  write_file (fixture, "theirs.json", theirs);
  g_assert_cmpint (run (fixture, NULL, "spanmark-cli", "merge", "base.json", "ours.json", "theirs.json", NULL), ==, 1);

  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "validate", "ours.json", "base.json", NULL), ==, 1);
  g_assert_nonnull (strstr (output, "ours.json: 1 unresolved merge conflict (first: span T2, kind note)\n"));
  g_assert_nonnull (strstr (output, "1 of 2 files are valid"));

  /* A conflict of no span is named by its kind */
  write_file (fixture, "status.json", status);
  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "validate", "status.json", NULL), ==, 1);
  g_assert_nonnull (strstr (output, "status.json: 2 unresolved merge conflicts (first: kind status)\n"));

  /* All decided: an empty list */
  write_file (fixture, "decided.json", decided);
  g_assert_cmpint (run (fixture, &output, "spanmark-cli", "validate", "decided.json", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *git = NULL;

  g_test_init (&argc, &argv, NULL);

  if ((git = g_find_program_in_path ("git")) == NULL)
    {
      g_test_skip ("git is not installed: build-aux/install-deps.sh installs it");
      return g_test_run ();
    }

  g_test_add ("/merge-git/clean", Fixture, NULL, fixture_set_up, test_clean_merge, fixture_tear_down);
  g_test_add ("/merge-git/added-both", Fixture, NULL, fixture_set_up, test_added_both, fixture_tear_down);
  g_test_add ("/merge-git/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/merge-git/conflict/added", Fixture, NULL, fixture_set_up, test_conflict_added, fixture_tear_down);
  g_test_add ("/merge-git/conflict/relation", Fixture, NULL, fixture_set_up, test_conflict_relation, fixture_tear_down);
  g_test_add ("/merge-git/conflict/speaker", Fixture, NULL, fixture_set_up, test_conflict_speaker, fixture_tear_down);
  g_test_add ("/merge-git/conflict/others", Fixture, NULL, fixture_set_up, test_conflict_others, fixture_tear_down);
  g_test_add ("/merge-git/different-texts", Fixture, NULL, fixture_set_up, test_different_texts, fixture_tear_down);
  g_test_add ("/merge-git/validate-conflicts", Fixture, NULL, fixture_set_up, test_validate_conflicts, fixture_tear_down);
  g_test_add ("/merge-git/cli-statuses", Fixture, NULL, fixture_set_up, test_cli_statuses, fixture_tear_down);

  return g_test_run ();
}
