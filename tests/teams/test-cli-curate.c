/* test-cli-curate.c: spanmark-cli curate as a user runs it.
 *
 * Three annotators' versions of one sentence in their folders; the curated
 * file is read back and checked span by span.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-run.h"
#include "sm-curation.h"
#include "sm-format.h"
#include "temp-folder.h"

#define TEXT "Alice said the price rose."

typedef struct
{
  char *dir;
  char *out;
  char *err;
} Fixture;

/* All three: SPEAKER "Alice". Ana and Chris: CLAIM "the price rose";
 * Ben: CLAIM "price rose" */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *names[] = { "ana", "ben", "chris" };

  fixture->dir = temp_folder_new ("cli-curate");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SmDocument) document = cli_document_new ("a", TEXT);
      g_autofree char *relative = g_strdup_printf ("%s/a.json", names[i]);

      sm_document_set_annotator (document, names[i]);
      cli_document_tag (document, SM_LABEL_SPEAKER, "Alice");
      cli_document_tag (document, SM_LABEL_CLAIM, i == 1 ? "price rose" : "the price rose");
      cli_document_save (document, fixture->dir, relative);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
}

static SmDocument *
load (Fixture    *fixture,
      const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SmDocument *document;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  document = sm_format_parse (contents, length, &error);
  g_assert_no_error (error);
  return document;
}

static void
test_cli_curate_undecided (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SmDocument) curated = NULL;
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = cli_run (fixture->dir, &fixture->out, &fixture->err,
                    "curate", "--curator", "Carla", "ana/a.json", "ben/a.json", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "ana/a-curated.json: 1 disagreement, 0 decided, 1 left to decide\n");

  /* Alice, agreed, is in; the claim waits for the curator in the window */
  curated = load (fixture, "ana/a-curated.json");
  g_assert_cmpstr (sm_document_get_annotator (curated), ==, "Carla");
  g_assert_cmpuint (sm_document_get_n_spans (curated), ==, 1);
  g_assert_true (sm_curation_has_record (curated));
  curation = sm_curation_new_for_document (curated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 1);

  /* Never over an existing file without --force */
  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  status = cli_run (fixture->dir, &fixture->out, &fixture->err,
                    "curate", "ana/a.json", "ben/a.json", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (fixture->err, ==, "ana/a-curated.json: exists; give --force to replace it\n");
}

static void
test_cli_curate_majority (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SmDocument) curated = NULL;
  int status;

  status = cli_run (fixture->dir, &fixture->out, &fixture->err,
                    "curate", "--majority", "-o", "gold.json",
                    "ana/a.json", "ben/a.json", "chris/a.json", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (fixture->out, ==, "gold.json: 1 disagreement, 1 decided, 0 left to decide\n");

  curated = load (fixture, "gold.json");
  g_assert_nonnull (sm_document_find_exact_span (curated, 11, 25, SM_LABEL_CLAIM));
  g_assert_null (sm_document_find_exact_span (curated, 15, 25, SM_LABEL_CLAIM));
  g_assert_false (sm_curation_has_record (curated));
}

static void
test_cli_curate_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SmDocument) other = cli_document_new ("b", "Bob left.");
  const char *one[] = { "curate", "ana/a.json", NULL };
  g_autofree char *path = NULL;
  int status;

  cli_assert_usage_error (fixture->dir, one, "give two or more versions of one document");

  cli_document_save (other, fixture->dir, "ben/b.json");
  status = cli_run (fixture->dir, &fixture->out, &fixture->err,
                    "curate", "ana/a.json", "ben/b.json", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (fixture->err, "are not versions of one article"));
  path = g_build_filename (fixture->dir, "ana/a-curated.json", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A version linking a claim to a FIGURE, as another tool may write it, is
 * refused as validate refuses it, named by its path, and nothing is
 * written */
static void
test_cli_curate_broken_relation (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SmDocument) document = cli_document_new ("a", TEXT);
  g_autofree char *path = g_build_filename (fixture->dir, "ben", "a.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(GError) error = NULL;
  SmSpan *speaker;
  SmSpan *claim;
  int status;

  sm_document_set_annotator (document, "ben");
  speaker = cli_document_tag (document, SM_LABEL_SPEAKER, "Alice");
  claim = cli_document_tag (document, SM_LABEL_CLAIM, "price rose");
  g_assert_nonnull (sm_document_add_relation (document, SM_RELATION_SAID_BY, claim, speaker, &error));
  g_assert_no_error (error);
  cli_document_save (document, fixture->dir, "ben/a.json");

  /* Alice, the speaker, becomes a FIGURE in the file (the window would
   * have dropped the link with the relabel) */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  broken = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (broken, "\"SPEAKER\",\n      \"start\"", "\"FIGURE\",\n      \"start\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, broken->str, broken->len, &error));

  status = cli_run (fixture->dir, &fixture->out, &fixture->err,
                    "curate", "ana/a.json", "ben/a.json", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (fixture->err, "ben/a.json: relation R1: span T1 is labelled FIGURE, but a said_by relation goes to SPEAKER"));
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "ana", "a-curated.json", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/curate/undecided", Fixture, NULL, fixture_set_up, test_cli_curate_undecided, fixture_tear_down);
  g_test_add ("/cli/curate/majority", Fixture, NULL, fixture_set_up, test_cli_curate_majority, fixture_tear_down);
  g_test_add ("/cli/curate/refused", Fixture, NULL, fixture_set_up, test_cli_curate_refused, fixture_tear_down);
  g_test_add ("/cli/curate/broken-relation", Fixture, NULL, fixture_set_up, test_cli_curate_broken_relation, fixture_tear_down);

  return g_test_run ();
}
