/* test-cli-agree-branches.c: spanmark-cli agree --branch, one git branch
 * per annotator, in a real throwaway repository.
 *
 * main has the corpus unannotated: corpus/a.json, corpus/notes.json (JSON
 * that is not a Spanmark file), corpus/spanmark-project.json and, outside
 * the corpus folder, b.json. Branch "ana" tags both articles in files
 * naming no annotator; branch "ben" tags them in files naming "Ben". The
 * figures are those test-cli-agree.c works out by hand for the same spans.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-run.h"
#include "temp-folder.h"

#define ALICE "Alice said the price rose."
#define BOB   "Bob said it fell."

typedef struct
{
  char *dir;
  char *corpus;
  char *out;
  char *err;
} Fixture;

static void
git (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "git");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (fixture->dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("git %s: %s", first, err);
}

/* One annotator's versions of both articles, committed on @branch */
static void
annotate (Fixture    *fixture,
          const char *branch,
          const char *annotator,
          const char *claim)
{
  g_autoptr(SmDocument) a = cli_document_new ("a", ALICE);
  g_autoptr(SmDocument) b = cli_document_new ("b", BOB);

  git (fixture, "checkout", "-q", "-b", branch, "main", NULL);
  sm_document_set_annotator (a, annotator);
  sm_document_set_annotator (b, annotator);
  cli_document_tag (a, SM_LABEL_SPEAKER, "Alice");
  cli_document_tag (a, SM_LABEL_CLAIM, claim);
  cli_document_tag (b, SM_LABEL_SPEAKER, "Bob");
  cli_document_save (a, fixture->dir, "corpus/a.json");
  cli_document_save (b, fixture->dir, "b.json");
  git (fixture, "commit", "-q", "-am", annotator != NULL ? annotator : branch, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmDocument) a = cli_document_new ("a", ALICE);
  g_autoptr(SmDocument) b = cli_document_new ("b", BOB);

  fixture->dir = temp_folder_new ("cli-agree-branches");
  fixture->corpus = g_build_filename (fixture->dir, "corpus", NULL);

  git (fixture, "init", "-q", "-b", "main", NULL);
  cli_document_save (a, fixture->dir, "corpus/a.json");
  cli_document_save (b, fixture->dir, "b.json");
  g_free (temp_folder_write (fixture->corpus, "notes.json", "{\"about\": \"not annotations\"}\n", -1));
  g_free (temp_folder_write (fixture->corpus, "spanmark-project.json", "{\"format\": \"spanmark-project\"}\n", -1));
  git (fixture, "add", ".", NULL);
  git (fixture, "commit", "-q", "-m", "corpus", NULL);

  annotate (fixture, "ana", NULL, "the price rose");
  annotate (fixture, "ben", "Ben", "the price rose.");
  git (fixture, "checkout", "-q", "main", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->corpus);
  g_free (fixture->out);
  g_free (fixture->err);
}

static double
figure (JsonObject *top,
        const char *label,
        const char *name)
{
  JsonObject *labels = json_object_get_object_member (top, "labels");

  return json_object_get_double_member (json_object_get_object_member (labels, label), name);
}

/* Without FOLDER, the whole repository: both articles */
static void
test_repository (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  JsonArray *annotators;

  /* Run from inside the corpus folder: still the repository's top */
  g_assert_cmpint (cli_run (fixture->corpus, &fixture->out, &fixture->err,
                            "agree", "--json", "--branch", "ana", "--branch", "ben", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");

  top = cli_parse_object (fixture->out);
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 2);
  annotators = json_object_get_array_member (top, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 2);
  /* The branch names a file that names no one; Ben's files name him */
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "Ben");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "ana");
  /* SPEAKER: Alice and Bob on both sides */
  g_assert_cmpfloat (figure (top, "SPEAKER", "f1_exact"), ==, 1.0);
  /* CLAIM: 14 characters against 15, an overlap match only */
  g_assert_cmpfloat (figure (top, "CLAIM", "f1_exact"), ==, 0.0);
  g_assert_cmpfloat (figure (top, "CLAIM", "f1_overlap"), ==, 1.0);
}

/* With FOLDER, only the files under it */
static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "--branch", "ana", "--branch", "ben", "corpus", NULL), ==, 0);
  top = cli_parse_object (fixture->out);
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 1);

  /* The table, from the branches as they are, whatever is checked out */
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--branch", "ana", "--branch", "ben", "corpus", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "1 document annotated by two annotators or more; annotators: Ben, ana\n"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const two_folders[] = { "agree", "--branch", "ana", "corpus", "corpus", NULL };
  g_autofree char *outside = NULL;

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--branch", "ana", "--branch", "nobody", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "git ls-tree: "));
  g_assert_nonnull (strstr (fixture->err, "nobody"));

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--branch", "-ana", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "“-ana” is not a branch name\n");

  /* One branch: one annotator, nothing to compare */
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--branch", "ana", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "No article was annotated by two annotators: nothing to compare\n");

  cli_assert_usage_error (fixture->dir, two_folders, "with --branch, give one folder of the repository at most");

  /* Not in a repository */
  outside = temp_folder_new ("cli-agree-no-repository");
  g_assert_cmpint (cli_run (outside, &fixture->out, &fixture->err,
                            "agree", "--branch", "ana", "--branch", "ben", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err, "git rev-parse: "));
  temp_folder_remove (outside);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *git = NULL;
  g_autofree char *home = NULL;

  g_test_init (&argc, &argv, NULL);

  if ((git = g_find_program_in_path ("git")) == NULL)
    {
      g_test_skip ("git is not installed: build-aux/install-deps.sh installs it");
      return g_test_run ();
    }

  /* No configuration of the machine's or the user's gets in */
  home = g_build_filename (g_get_tmp_dir (), "spanmark-no-home", NULL);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_CEILING_DIRECTORIES", g_get_tmp_dir (), TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Ana", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "ana@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Ana", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "ana@example.org", TRUE);

  g_test_add ("/cli/agree-branches/repository", Fixture, NULL, fixture_set_up, test_repository, fixture_tear_down);
  g_test_add ("/cli/agree-branches/folder", Fixture, NULL, fixture_set_up, test_folder, fixture_tear_down);
  g_test_add ("/cli/agree-branches/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
