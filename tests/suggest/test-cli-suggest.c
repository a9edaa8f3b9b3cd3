/* test-cli-suggest.c: spanmark-cli suggest as a user runs it.
 *
 * Articles and Spanmark files in, Spanmark files out: the suggestions
 * pending or made spans, existing spans kept and never suggested again,
 * what is tagged in one file proposed in the others, nothing overwritten
 * without --force, and messages and exit statuses as the other commands'.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli-run.h"
#include "sm-relation.h"
#include "temp-folder.h"

typedef struct
{
  char *dir;
  char *out;
  char *err;
  char *sample;   /* the sample article's text */
} Fixture;

#define run(fixture, ...) cli_run ((fixture)->dir, &(fixture)->out, &(fixture)->err, __VA_ARGS__)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &fixture->sample, NULL, &error);
  g_assert_no_error (error);

  fixture->dir = temp_folder_new ("cli-suggest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->err);
  g_free (fixture->sample);
}

static SmDocument *
load (Fixture    *fixture,
      const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);

  return document;
}

static guint
count_suggestions (SmDocument *document,
                   const char *label)
{
  GListModel *suggestions = sm_document_get_suggestions (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (suggestions, i);

      if (label == NULL || g_strcmp0 (sm_suggestion_get_label (suggestion), label) == 0)
        n++;
    }

  return n;
}

/* The count stderr gives for @label ("CLAIM      22 suggestions") */
static guint
count_reported (Fixture    *fixture,
                const char *label,
                const char *what)
{
  g_autofree char *prefix = g_strdup_printf ("%-10s ", label);
  const char *line = strstr (fixture->err, prefix);
  guint n = 0;

  if (line == NULL)
    return 0;

  g_assert_cmpint (sscanf (line + strlen (prefix), "%u", &n), ==, 1);
  g_assert_nonnull (strstr (line, what));

  return n;
}

/* An article becomes a Spanmark file beside it, its suggestions pending
 * and counted on standard error */
static void
test_article (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *article = temp_folder_write (fixture->dir, "sample.txt", fixture->sample, -1);
  g_autoptr(SmDocument) document = NULL;
  const char * const labels[] = { SM_LABEL_CLAIM, SM_LABEL_FIGURE, SM_LABEL_SPEAKER };

  g_assert_cmpint (run (fixture, "suggest", "sample.txt", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 1 Spanmark file\n"));

  document = load (fixture, "sample.json");
  g_assert_cmpstr (sm_document_get_name (document), ==, "sample");
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      guint n = count_suggestions (document, labels[i]);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (count_reported (fixture, labels[i], "suggestions"), ==, n);
    }
}

/* --as-spans: spans and said_by relations, nothing pending */
static void
test_as_spans (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *article = temp_folder_write (fixture->dir, "sample.txt", fixture->sample, -1);
  g_autoptr(SmDocument) document = NULL;
  GListModel *relations;
  guint n_claims;

  g_assert_cmpint (run (fixture, "suggest", "--as-spans", "-o", "out", "sample.txt", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 1 Spanmark file into out\n"));

  document = load (fixture, "out/sample.json");
  g_assert_cmpuint (count_suggestions (document, NULL), ==, 0);
  n_claims = sm_document_count_spans_with_label (document, SM_LABEL_CLAIM);
  g_assert_cmpuint (n_claims, >, 0);
  g_assert_cmpuint (count_reported (fixture, SM_LABEL_CLAIM, "spans"), ==, n_claims);
  g_assert_cmpuint (sm_document_count_spans_with_label (document, SM_LABEL_SPEAKER), >, 0);

  relations = sm_document_get_relations (document);
  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      g_assert_cmpstr (sm_relation_get_type_name (relation), ==, SM_RELATION_SAID_BY);
      g_assert_cmpstr (sm_span_get_label (sm_relation_get_from (relation)), ==, SM_LABEL_CLAIM);
      g_assert_cmpstr (sm_span_get_label (sm_relation_get_to (relation)), ==, SM_LABEL_SPEAKER);
    }
}

/* A Spanmark file keeps its spans, and what it has is not proposed again:
 * neither on the first run nor on a second */
static void
test_existing_spans (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) document = cli_document_new ("sample", fixture->sample);
  g_autoptr(SmDocument) first = NULL;
  g_autoptr(SmDocument) second = NULL;
  g_autoptr(GPtrArray) overlapping = NULL;
  SmSpan *figure;
  guint n_pending;

  /* One of the sample's figures, tagged by hand */
  figure = cli_document_tag (document, SM_LABEL_FIGURE, "$100 million");
  g_assert_nonnull (figure);
  cli_document_save (document, fixture->dir, "sample.json");

  /* In place needs --force */
  g_assert_cmpint (run (fixture, "suggest", "sample.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==,
                   "sample.json already exists; it was not replaced\n"
                   "Give --force to replace files that exist, or -o to write the files elsewhere.\n"
                   "Wrote 0 Spanmark files\n");
  first = load (fixture, "sample.json");
  g_assert_cmpuint (count_suggestions (first, NULL), ==, 0);
  g_clear_object (&first);

  g_assert_cmpint (run (fixture, "suggest", "--force", "sample.json", NULL), ==, 0);
  first = load (fixture, "sample.json");
  g_assert_cmpuint (sm_document_get_n_spans (first), ==, 1);
  g_assert_nonnull (sm_document_find_exact_span (first, sm_span_get_start (figure),
                                                 sm_span_get_end (figure), SM_LABEL_FIGURE));
  overlapping = sm_document_get_suggestions_in_range (first, sm_span_get_start (figure),
                                                      sm_span_get_end (figure));
  for (guint i = 0; i < overlapping->len; i++)
    g_assert_cmpstr (sm_suggestion_get_label (g_ptr_array_index (overlapping, i)), !=, SM_LABEL_FIGURE);
  n_pending = count_suggestions (first, NULL);
  g_assert_cmpuint (n_pending, >, 0);

  /* Again: nothing new */
  g_assert_cmpint (run (fixture, "suggest", "--force", "--as-spans", "sample.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "Wrote 1 Spanmark file\n");
  second = load (fixture, "sample.json");
  g_assert_cmpuint (count_suggestions (second, NULL), ==, n_pending);
  g_assert_cmpuint (sm_document_get_n_spans (second), ==, 1);
}

/* --annotator names who ran the suggestions in the files that name nobody;
 * a file that names its annotator keeps that name */
static void
test_annotator (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmDocument) theirs = cli_document_new ("theirs", fixture->sample);
  g_autofree char *article = temp_folder_write (fixture->dir, "sample.txt", fixture->sample, -1);
  g_autoptr(SmDocument) named = NULL;
  g_autoptr(SmDocument) kept = NULL;

  sm_document_set_annotator (theirs, "Björn");
  cli_document_save (theirs, fixture->dir, "theirs.json");

  g_assert_cmpint (run (fixture, "suggest", "--annotator", "Ana Müller", "-o", "out",
                        "sample.txt", "theirs.json", NULL), ==, 0);

  named = load (fixture, "out/sample.json");
  kept = load (fixture, "out/theirs.json");
  g_assert_cmpstr (sm_document_get_annotator (named), ==, "Ana Müller");
  g_assert_cmpstr (sm_document_get_annotator (kept), ==, "Björn");
}

/* --label: only those labels */
static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *article = temp_folder_write (fixture->dir, "sample.txt", fixture->sample, -1);
  g_autoptr(SmDocument) document = NULL;

  g_assert_cmpint (run (fixture, "suggest", "--label", "FIGURE", "sample.txt", NULL), ==, 0);
  document = load (fixture, "sample.json");
  g_assert_cmpuint (count_suggestions (document, SM_LABEL_FIGURE), >, 0);
  g_assert_cmpuint (count_suggestions (document, NULL), ==, count_suggestions (document, SM_LABEL_FIGURE));
  g_assert_null (strstr (fixture->err, "CLAIM"));
}

/* What is tagged in one input is proposed in another where it occurs */
static void
test_learned_across_inputs (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmDocument) tagged = cli_document_new ("tagged", "The Zorblat index fell again.");
  g_autofree char *article = temp_folder_write (fixture->dir, "corpus/other.txt",
                                                "Analysts watch the Zorblat index closely.", -1);
  g_autoptr(SmDocument) other = NULL;
  GListModel *suggestions;
  g_autoptr(SmSuggestion) suggestion = NULL;

  cli_document_tag (tagged, SM_LABEL_FIGURE, "Zorblat index");
  cli_document_save (tagged, fixture->dir, "corpus/tagged.json");

  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "corpus", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 2 Spanmark files into out\n"));

  other = load (fixture, "out/other.json");
  suggestions = sm_document_get_suggestions (other);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 1);
  suggestion = g_list_model_get_item (suggestions, 0);
  g_assert_cmpstr (sm_suggestion_get_label (suggestion), ==, SM_LABEL_FIGURE);
  g_assert_cmpstr (sm_suggestion_get_text (suggestion), ==, "Zorblat index");
  g_assert_cmpstr (sm_suggestion_get_source (suggestion), ==, SM_SUGGESTION_SOURCE_LEARNED);
}

/* In a folder, an article with a Spanmark file beside it is that file's
 * document; many inputs give the same as one */
static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SmDocument) single = NULL;
  guint n_single;

  g_free (temp_folder_write (fixture->dir, "one/sample.txt", fixture->sample, -1));
  g_assert_cmpint (run (fixture, "suggest", "one/sample.txt", NULL), ==, 0);
  single = load (fixture, "one/sample.json");
  n_single = count_suggestions (single, NULL);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("many/sub%u/article%02u.txt", i % 3, i);
      g_autofree char *text = g_strdup_printf ("%sCopy %u.\n", fixture->sample, i);

      g_free (temp_folder_write (fixture->dir, name, text, -1));
    }

  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "many/", "one", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 13 Spanmark files into out\n"));
  /* one/sample.json has its suggestions pending already: only the copies'
   * are new */
  g_assert_cmpuint (count_reported (fixture, SM_LABEL_CLAIM, "suggestions"), ==,
                    12 * count_suggestions (single, SM_LABEL_CLAIM));

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("out/article%02u.json", i);
      g_autoptr(SmDocument) document = load (fixture, name);

      g_assert_cmpuint (count_suggestions (document, NULL), ==, n_single);
    }

  /* one/sample.txt was left out for one/sample.json */
  {
    g_autoptr(SmDocument) document = load (fixture, "out/sample.json");

    g_assert_cmpuint (count_suggestions (document, NULL), ==, n_single);
  }
}

static void
test_same_output (Fixture       *fixture,
                  gconstpointer  data)
{
  g_free (temp_folder_write (fixture->dir, "a/x.txt", "The minister said prices rose 7%.", -1));
  g_free (temp_folder_write (fixture->dir, "b/x.txt", "The minister said prices fell 2%.", -1));

  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "a", "b", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err,
                                   "b/x.txt: its suggestions would go to out/x.json, which a/x.txt is"
                                   " written to\n"));
  g_assert_true (g_str_has_suffix (fixture->err, "\nWrote 1 Spanmark file into out\n"));
}

typedef struct
{
  const char *args[6];  /* ending in NULL */
  const char *message;
} Usage;

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const Usage usages[] = {
    { { "suggest" },
      "give the articles, Spanmark files or folders to suggest for" },
    { { "suggest", "--label", "2nd", "x.txt" },
      "--label 2nd: label id “2nd” must start with a letter (A–Z or a–z)" },
    { { "suggest", "--as-span", "x.txt" },
      "Unknown option --as-span" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    cli_assert_usage_error (fixture->dir, usages[i].args, usages[i].message);

  g_assert_cmpint (run (fixture, "suggest", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "Usage:\n  spanmark-cli suggest [OPTION…]"));
  g_assert_nonnull (strstr (fixture->out, "Exit status: 0"));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_free (temp_folder_write (fixture->dir, "bad.json", "{\"format\": ", -1));
  g_free (temp_folder_write (fixture->dir, "good.txt", "Prices rose 7% in May.", -1));
  g_free (temp_folder_write (fixture->dir, "empty/.hidden", "", -1));

  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "missing.txt", "empty", "bad.json", "good.txt",
                        NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err,
                                   "missing.txt: could not open: the file does not exist\n"
                                   "empty: there is no article (.txt) or Spanmark file (.json) in this folder\n"
                                   "bad.json:"));
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 1 Spanmark file into out\n"));
  {
    g_autofree char *good = g_build_filename (fixture->dir, "out", "good.json", NULL);

    g_assert_true (g_file_test (good, G_FILE_TEST_EXISTS));
  }
}

/* A folder's label schema is read as the other commands read it, and is
 * not a document */
static void
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_free (temp_folder_write (fixture->dir, "corpus/a.txt", "Prices rose 7% in May.", -1));
  g_free (temp_folder_write (fixture->dir, "corpus/spanmark-project.json", "{", -1));

  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "corpus", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err, "corpus/spanmark-project.json:"));
  g_assert_true (g_str_has_suffix (fixture->err, "\nWrote 0 Spanmark files into out\n"));

  g_free (temp_folder_write (fixture->dir, "corpus/spanmark-project.json",
                             "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": []}", -1));
  g_assert_cmpint (run (fixture, "suggest", "-o", "out", "corpus", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->err, "Wrote 1 Spanmark file into out\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/suggest/article", test_article);
  ADD ("/cli/suggest/as-spans", test_as_spans);
  ADD ("/cli/suggest/existing-spans", test_existing_spans);
  ADD ("/cli/suggest/labels", test_labels);
  ADD ("/cli/suggest/annotator", test_annotator);
  ADD ("/cli/suggest/learned-across-inputs", test_learned_across_inputs);
  ADD ("/cli/suggest/folder", test_folder);
  ADD ("/cli/suggest/same-output", test_same_output);
  ADD ("/cli/suggest/usage-errors", test_usage_errors);
  ADD ("/cli/suggest/unreadable", test_unreadable);
  ADD ("/cli/suggest/project", test_project);

#undef ADD

  return g_test_run ();
}
