/* test-cli-agree.c: spanmark-cli agree as a user runs it.
 *
 * Two annotators' folders named after them, their files naming no
 * annotator and called differently; a third file that names its own
 * annotator and has no partner. The figures are worked out by hand from
 * the spans tagged here.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"
#include "sm-curation.h"
#include "temp-folder.h"

#define ALICE "Alice said the price rose."

typedef struct
{
  char *dir;
  char *out;
  char *err;
} Fixture;

/*
 * ann1/first.json:   SPEAKER "Alice", CLAIM "the price rose"
 * ann2/second.json:  SPEAKER "Alice", CLAIM "the price rose." (15
 *                    characters against 14: an overlap match, not exact)
 * ann2/lone.json:    another text, no partner
 * extra/z.json:      annotator "zoe" in the file, another text
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmDocument) first = cli_document_new ("first", ALICE);
  g_autoptr(SmDocument) second = cli_document_new ("second", ALICE);
  g_autoptr(SmDocument) lone = cli_document_new ("lone", "Bob left.");
  g_autoptr(SmDocument) zoe = cli_document_new ("z", "Carol stayed.");

  fixture->dir = temp_folder_new ("cli-agree");

  cli_document_tag (first, SM_LABEL_SPEAKER, "Alice");
  cli_document_tag (first, SM_LABEL_CLAIM, "the price rose");
  cli_document_save (first, fixture->dir, "ann1/first.json");

  cli_document_tag (second, SM_LABEL_SPEAKER, "Alice");
  cli_document_tag (second, SM_LABEL_CLAIM, "the price rose.");
  cli_document_save (second, fixture->dir, "ann2/second.json");

  cli_document_tag (lone, SM_LABEL_SPEAKER, "Bob");
  cli_document_save (lone, fixture->dir, "ann2/lone.json");

  sm_document_set_annotator (zoe, "zoe");
  cli_document_tag (zoe, SM_LABEL_SPEAKER, "Carol");
  cli_document_save (zoe, fixture->dir, "extra/z.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->err);
}

static double
figure (JsonObject *labels,
        const char *label,
        const char *name)
{
  return json_object_get_double_member (json_object_get_object_member (labels, label), name);
}

#define assert_value(value, expected) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), 1e-12)

/*
 * Tokens: Alice said the price rose . (6)
 * SPEAKER: both "Alice": f1 1 and 1; n11 = 1, n00 = 5,
 *   p_e = (1 + 25)/36, p_o = 1: κ = 1; α = 1 (no disagreement)
 * CLAIM: f1_exact 0 (offsets differ), f1_overlap 2·1/2 = 1 (14/15 ≥ 1/2);
 *   tokens: ann1 the price rose, ann2 the price rose .
 *   n11 = 3, n01 = 1, n00 = 2; p_o = 5/6; p_e = (3·4 + 3·2)/36 = 1/2
 *   κ = (5/6 − 1/2)/(1/2) = 2/3
 *   α: n = 12, n1 = 7, n0 = 5, o01 + o10 = 2: 1 − 11·2/(2·5·7) = 24/35
 */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  JsonObject *labels, *pair;
  JsonArray *annotators, *pairs;

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "ann1", "ann2", "extra/z.json", NULL), ==, 0);

  top = cli_parse_object (fixture->out);
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 1);

  /* Folder names, and the file's own annotator where it names one */
  annotators = json_object_get_array_member (top, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "ann1");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "ann2");
  g_assert_cmpstr (json_array_get_string_element (annotators, 2), ==, "zoe");

  labels = json_object_get_object_member (top, "labels");
  assert_value (figure (labels, SM_LABEL_SPEAKER, "f1_exact"), 1.0);
  assert_value (figure (labels, SM_LABEL_SPEAKER, "kappa"), 1.0);
  assert_value (figure (labels, SM_LABEL_SPEAKER, "alpha"), 1.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_exact"), 0.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_overlap"), 1.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "kappa"), 2.0 / 3.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "alpha"), 24.0 / 35.0);
  /* α_u is checked by hand in test-agreement; here, that the command prints
   * the core's value for these files, not null */
  assert_value (figure (labels, SM_LABEL_CLAIM, "alpha_u"), 0.98815116181528395);

  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (top, "relations")), ==, 0);

  /* Only ann1 and ann2 share an article */
  pairs = json_object_get_array_member (top, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 1);
  pair = json_array_get_object_element (pairs, 0);
  g_assert_cmpstr (json_object_get_string_member (pair, "a"), ==, "ann1");
  g_assert_cmpstr (json_object_get_string_member (pair, "b"), ==, "ann2");
  assert_value (figure (json_object_get_object_member (pair, "labels"), SM_LABEL_CLAIM, "kappa"), 2.0 / 3.0);
}

static void
test_label_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  JsonObject *labels, *figures;

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "--label", SM_LABEL_CLAIM, "--label", SM_LABEL_FIGURE,
                            "ann1", "ann2", NULL), ==, 0);

  top = cli_parse_object (fixture->out);
  labels = json_object_get_object_member (top, "labels");
  g_assert_cmpuint (json_object_get_size (labels), ==, 2);
  g_assert_true (json_object_has_member (labels, SM_LABEL_CLAIM));

  /* Asked for, used by no one: every figure null */
  figures = json_object_get_object_member (labels, SM_LABEL_FIGURE);
  g_assert_true (json_object_get_null_member (figures, "f1_exact"));
  g_assert_true (json_object_get_null_member (figures, "f1_overlap"));
  g_assert_true (json_object_get_null_member (figures, "kappa"));
  g_assert_true (json_object_get_null_member (figures, "alpha"));
  g_assert_true (json_object_get_null_member (figures, "alpha_u"));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "ann1", "ann2", NULL), ==, 0);

  g_assert_nonnull (strstr (fixture->out, "1 document annotated by two annotators or more; annotators: ann1, ann2\n"));
  g_assert_nonnull (strstr (fixture->out, "\nann1 and ann2\n"));
  g_assert_nonnull (strstr (fixture->out, "0.667"));   /* CLAIM's κ */
}

static void
test_exit_status (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *no_input[] = { "agree", NULL };
  g_autofree char *broken = NULL;

  cli_assert_usage_error (fixture->dir, no_input, "give the annotators’ files or folders");

  /* One annotator: nothing to compare */
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "ann1", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_nonnull (strstr (fixture->err, "No article was annotated by two annotators"));

  /* A file that cannot be read: said, the rest measured, status 1 */
  broken = temp_folder_write (fixture->dir, "ann2/broken.json", "{ not json", -1);
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "ann1", "ann2", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->out, "\"documents\":1"));
  g_assert_nonnull (strstr (fixture->err, "broken.json"));

  /* A folder that is not there */
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "ann1", "nobody", NULL), ==, 1);
}

/*
 * A second shared article, "Bob left.": ann1/bob.json tags CLAIM "left",
 * ann2/lone.json SPEAKER "Bob". Tokens Bob left . (3).
 * CLAIM: no match, f1 0 and 0; n10 = 1, n00 = 2: p_o = 2/3,
 *   p_e = 1/3·0 + 2/3·1 = 2/3, κ = 0; α: n = 6, n1 = 1, n0 = 5,
 *   o01 + o10 = 2: 1 − 5·2/(2·5·1) = 0. SPEAKER the same, mirrored.
 * Unmatched spans: 1 + 1 = 2; Alice's article has none (both matched by
 * overlap): bob.json comes first, named by ann1's file.
 */
static void
add_bob (Fixture *fixture)
{
  g_autoptr(SmDocument) bob = cli_document_new ("bob", "Bob left.");

  cli_document_tag (bob, SM_LABEL_CLAIM, "left");
  cli_document_save (bob, fixture->dir, "ann1/bob.json");
}

static void
test_by_document_json (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  g_autoptr(SmText) bob_text = sm_text_new ("Bob left.", -1, NULL);
  JsonArray *documents, *annotators;
  JsonObject *document, *labels;

  add_bob (fixture);
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "ann1", "ann2", NULL), ==, 0);

  top = cli_parse_object (fixture->out);
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 2);
  documents = json_object_get_array_member (top, "by_document");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);

  document = json_array_get_object_element (documents, 0);
  g_assert_cmpstr (json_object_get_string_member (document, "name"), ==, "bob.json");
  g_assert_cmpstr (json_object_get_string_member (document, "sha256"), ==, sm_text_get_sha256 (bob_text));
  g_assert_cmpint (json_object_get_int_member (document, "disagreement"), ==, 2);
  annotators = json_object_get_array_member (document, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "ann1");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "ann2");
  labels = json_object_get_object_member (document, "labels");
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_exact"), 0.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_overlap"), 0.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "kappa"), 0.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "alpha"), 0.0);
  assert_value (figure (labels, SM_LABEL_SPEAKER, "f1_overlap"), 0.0);

  /* Alice's article alone: the figures test_json checks over it */
  document = json_array_get_object_element (documents, 1);
  g_assert_cmpstr (json_object_get_string_member (document, "name"), ==, "first.json");
  g_assert_cmpint (json_object_get_int_member (document, "disagreement"), ==, 0);
  labels = json_object_get_object_member (document, "labels");
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_exact"), 0.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "f1_overlap"), 1.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "kappa"), 2.0 / 3.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "alpha"), 24.0 / 35.0);
  assert_value (figure (labels, SM_LABEL_CLAIM, "alpha_u"), 0.98815116181528395);

  /* The overall figures pool both articles: CLAIM's F1 by overlap is
   * 2·1/(2 + 1) with Bob's unmatched CLAIM */
  assert_value (figure (json_object_get_object_member (top, "labels"), SM_LABEL_CLAIM, "f1_overlap"), 2.0 / 3.0);
}

static void
test_by_document_table (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *heading, *bob, *first;

  add_bob (fixture);
  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "ann1", "ann2", NULL), ==, 0);

  heading = strstr (fixture->out, "\nDocuments, most disagreement first\n");
  g_assert_nonnull (heading);
  g_assert_nonnull (strstr (heading, "Unmatched spans"));
  bob = strstr (heading, "\nbob.json  ");
  first = strstr (heading, "\nfirst.json");
  g_assert_nonnull (bob);
  g_assert_nonnull (first);
  g_assert_true (bob < first);
  g_assert_nonnull (strstr (bob, "ann1, ann2"));
}

/* A curator's result saved beside an annotator's version (as the window
 * proposes) is not one more annotator: it is left out, and said so */
static void
test_curated_left_out (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) top = NULL;
  JsonArray *annotators;

  g_ptr_array_add (versions, cli_document_load (fixture->dir, "ann1/first.json"));
  g_ptr_array_add (versions, cli_document_load (fixture->dir, "ann2/second.json"));
  curation = sm_curation_new (versions, "carla", &error);
  g_assert_no_error (error);
  cli_document_save (sm_curation_get_document (curation), fixture->dir, "ann1/first-curated.json");

  g_assert_cmpint (cli_run (fixture->dir, &fixture->out, &fixture->err,
                            "agree", "--json", "ann1", "ann2", NULL), ==, 0);
  top = cli_parse_object (fixture->out);
  annotators = json_object_get_array_member (top, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "ann1");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "ann2");
  g_assert_nonnull (strstr (fixture->err, "first-curated.json: a curated result of several versions, not an annotator’s; left out"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-agree/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/cli-agree/label-filter", Fixture, NULL, fixture_set_up, test_label_filter, fixture_tear_down);
  g_test_add ("/cli-agree/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/cli-agree/by-document-json", Fixture, NULL, fixture_set_up, test_by_document_json, fixture_tear_down);
  g_test_add ("/cli-agree/by-document-table", Fixture, NULL, fixture_set_up, test_by_document_table, fixture_tear_down);
  g_test_add ("/cli-agree/curated-left-out", Fixture, NULL, fixture_set_up, test_curated_left_out, fixture_tear_down);
  g_test_add ("/cli-agree/exit-status", Fixture, NULL, fixture_set_up, test_exit_status, fixture_tear_down);

  return g_test_run ();
}
