/* test-cli-evaluate.c: spanmark-cli evaluate as a user runs it.
 *
 * A gold folder and a predicted folder, their documents under other names
 * and one of each side with no partner; the figures below are worked out
 * by hand from the spans tagged here.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"
#include "sm-relation.h"
#include "temp-folder.h"

#define ALICE "Alice said the price rose 7% in May."
#define BOB   "Bob warned that costs would double, officials said."

typedef struct
{
  char *dir;
  char *out;
  char *err;
} Fixture;

static void
attribute (SmDocument *document,
           SmSpan     *claim,
           SmSpan     *speaker)
{
  g_autoptr(GError) error = NULL;

  sm_document_add_relation (document, SM_RELATION_SAID_BY, claim, speaker, &error);
  g_assert_no_error (error);
}

/*
 * gold/alice.json:  SPEAKER Alice, CLAIM "the price rose 7% in May" said by
 *                   her, FIGURE 7%
 * gold/bob.json:    SPEAKER Bob, CLAIM "costs would double" said by him
 * gold/carol.json:  no prediction
 * predicted/1.json: Alice; CLAIM "the price rose 7%" (17 of 24 characters:
 *                   an overlap match, not an exact one) said by her
 * predicted/2.json: Bob, and "officials" too; the claim exact, said by
 *                   the officials
 * predicted/3.json: no gold
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmDocument) alice = cli_document_new ("alice", ALICE);
  g_autoptr(SmDocument) bob = cli_document_new ("bob", BOB);
  g_autoptr(SmDocument) carol = cli_document_new ("carol", "Carol stayed home.");
  g_autoptr(SmDocument) alice_predicted = cli_document_new ("1", ALICE);
  g_autoptr(SmDocument) bob_predicted = cli_document_new ("2", BOB);
  g_autoptr(SmDocument) dave = cli_document_new ("3", "Dave left.");
  SmSpan *claim, *speaker;

  fixture->dir = temp_folder_new ("cli-evaluate");

  speaker = cli_document_tag (alice, SM_LABEL_SPEAKER, "Alice");
  claim = cli_document_tag (alice, SM_LABEL_CLAIM, "the price rose 7% in May");
  attribute (alice, claim, speaker);
  cli_document_tag (alice, SM_LABEL_FIGURE, "7%");
  cli_document_save (alice, fixture->dir, "gold/alice.json");

  speaker = cli_document_tag (bob, SM_LABEL_SPEAKER, "Bob");
  claim = cli_document_tag (bob, SM_LABEL_CLAIM, "costs would double");
  attribute (bob, claim, speaker);
  cli_document_save (bob, fixture->dir, "gold/bob.json");

  cli_document_tag (carol, SM_LABEL_SPEAKER, "Carol");
  cli_document_save (carol, fixture->dir, "gold/carol.json");

  speaker = cli_document_tag (alice_predicted, SM_LABEL_SPEAKER, "Alice");
  claim = cli_document_tag (alice_predicted, SM_LABEL_CLAIM, "the price rose 7%");
  attribute (alice_predicted, claim, speaker);
  cli_document_save (alice_predicted, fixture->dir, "predicted/1.json");

  cli_document_tag (bob_predicted, SM_LABEL_SPEAKER, "Bob");
  speaker = cli_document_tag (bob_predicted, SM_LABEL_SPEAKER, "officials");
  claim = cli_document_tag (bob_predicted, SM_LABEL_CLAIM, "costs would double");
  attribute (bob_predicted, claim, speaker);
  cli_document_save (bob_predicted, fixture->dir, "predicted/2.json");

  cli_document_tag (dave, SM_LABEL_SPEAKER, "Dave");
  cli_document_save (dave, fixture->dir, "predicted/3.json");
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

#define run(fixture, ...) cli_run ((fixture)->dir, &(fixture)->out, &(fixture)->err, __VA_ARGS__)

static JsonObject *
parse_output (Fixture *fixture)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  /* One line */
  g_assert_nonnull (strchr (fixture->out, '\n'));
  g_assert_cmpstr (strchr (fixture->out, '\n') + 1, ==, "");

  json_parser_load_from_data (parser, fixture->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
assert_label (JsonObject *top,
              const char *label,
              gint64      gold,
              gint64      predicted,
              gint64      matched)
{
  JsonObject *figures = json_object_get_object_member (json_object_get_object_member (top, "labels"), label);

  g_assert_nonnull (figures);
  g_assert_cmpint (json_object_get_int_member (figures, "gold"), ==, gold);
  g_assert_cmpint (json_object_get_int_member (figures, "predicted"), ==, predicted);
  g_assert_cmpint (json_object_get_int_member (figures, "matched"), ==, matched);
}

static void
assert_figure (JsonObject *object,
               const char *name,
               double      expected)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_false (json_object_get_null_member (object, name));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, name), expected, 1e-9);
}

static JsonObject *
label_of (JsonObject *top,
          const char *label)
{
  return json_object_get_object_member (json_object_get_object_member (top, "labels"), label);
}

#define UNPAIRED "1 gold document has no prediction: left out\n" \
                 "1 predicted document has no gold document: left out\n"

static void
test_json_overlap (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  JsonObject *said_by;

  g_assert_cmpint (run (fixture, "evaluate", "--json", "gold", "predicted/", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, UNPAIRED);
  top = parse_output (fixture);

  g_assert_cmpstr (json_object_get_string_member (top, "match"), ==, "overlap");
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 2);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (top, "labels")), ==, 3);

  /* Pooled over Alice and Bob: Carol's and Dave's spans are left out */
  assert_label (top, SM_LABEL_SPEAKER, 2, 3, 2);
  assert_figure (label_of (top, SM_LABEL_SPEAKER), "precision", 2.0 / 3.0);
  assert_figure (label_of (top, SM_LABEL_SPEAKER), "recall", 1.0);
  assert_figure (label_of (top, SM_LABEL_SPEAKER), "f1", 4.0 / 5.0);
  assert_label (top, SM_LABEL_CLAIM, 2, 2, 2);
  assert_figure (label_of (top, SM_LABEL_CLAIM), "f1", 1.0);

  /* Nothing predicted: precision undefined */
  assert_label (top, SM_LABEL_FIGURE, 1, 0, 0);
  g_assert_true (json_object_get_null_member (label_of (top, SM_LABEL_FIGURE), "precision"));
  assert_figure (label_of (top, SM_LABEL_FIGURE), "recall", 0.0);
  assert_figure (label_of (top, SM_LABEL_FIGURE), "f1", 0.0);

  /* Alice's link found; Bob's claim found, but said by the officials */
  said_by = json_object_get_object_member (top, "said_by");
  g_assert_cmpint (json_object_get_int_member (said_by, "gold"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (said_by, "claim_found"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (said_by, "found"), ==, 1);
  assert_figure (said_by, "share", 0.5);
}

static void
test_json_exact (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;
  JsonObject *said_by;

  g_assert_cmpint (run (fixture, "evaluate", "--match", "exact", "--json", "gold/", "predicted", NULL), ==, 0);
  top = parse_output (fixture);

  g_assert_cmpstr (json_object_get_string_member (top, "match"), ==, "exact");
  assert_label (top, SM_LABEL_CLAIM, 2, 2, 1);
  assert_figure (label_of (top, SM_LABEL_CLAIM), "precision", 0.5);
  said_by = json_object_get_object_member (top, "said_by");
  g_assert_cmpint (json_object_get_int_member (said_by, "claim_found"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (said_by, "found"), ==, 0);
  assert_figure (said_by, "share", 0.0);
}

/* A gold compared with itself, one file against its folder */
static void
test_itself (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonObject) top = NULL;

  g_assert_cmpint (run (fixture, "evaluate", "--json", "gold/alice.json", "gold", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "2 predicted documents have no gold document: left out\n");
  top = parse_output (fixture);
  g_assert_cmpint (json_object_get_int_member (top, "documents"), ==, 1);
  assert_label (top, SM_LABEL_CLAIM, 1, 1, 1);
  assert_figure (label_of (top, SM_LABEL_FIGURE), "f1", 1.0);
  assert_figure (json_object_get_object_member (top, "said_by"), "share", 1.0);
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (run (fixture, "evaluate", "gold", "predicted", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, UNPAIRED);
  g_assert_cmpstr (fixture->out, ==,
                   "2 documents, spans matched by overlap (the same label, intersection over union ≥ 0.5)\n"
                   "\n"
                   "Label    Gold  Predicted  Matched  Precision  Recall     F1\n"
                   "CLAIM       2          2        2      1.000   1.000  1.000\n"
                   "FIGURE      1          0        0          -   0.000  0.000\n"
                   "SPEAKER     2          3        2      0.667   1.000  0.800\n"
                   "\n"
                   "Relation  Gold  Claim found  Share  Claim and speaker found  Share\n"
                   "said_by      2            2  1.000                        1  0.500\n");
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
    { { "evaluate" },
      "give the gold and the predictions: two files or folders" },
    { { "evaluate", "gold" },
      "give the gold and the predictions: two files or folders" },
    { { "evaluate", "gold", "predicted", "predicted" },
      "give the gold and the predictions: two files or folders" },
    { { "evaluate", "--match", "fuzzy", "gold", "predicted" },
      "“fuzzy” is not a way to match spans: use exact or overlap" },
    { { "evaluate", "--jason", "gold", "predicted" },
      "Unknown option --jason" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    cli_assert_usage_error (fixture->dir, usages[i].args, usages[i].message);

  g_assert_cmpint (run (fixture, "evaluate", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "Usage:\n  spanmark-cli evaluate [OPTION…]"));
  g_assert_nonnull (strstr (fixture->out, "Exit status: 0"));
  g_assert_cmpint (run (fixture, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\n  evaluate "));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *broken = temp_folder_write (fixture->dir, "predicted/4.json", "{\"format\": ", -1);

  g_assert_cmpint (run (fixture, "evaluate", "missing.json", "predicted", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err, "missing.json: "));
  g_assert_cmpstr (fixture->out, ==, "");

  /* The other predictions are still measured */
  g_assert_cmpint (run (fixture, "evaluate", "--json", "gold", "predicted", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (fixture->err, "predicted/4.json:"));
  g_assert_true (g_str_has_suffix (fixture->err, UNPAIRED));
  g_assert_true (g_str_has_prefix (fixture->out, "{\"match\":\"overlap\",\"documents\":2,"));
}

static void
test_nothing_paired (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpint (run (fixture, "evaluate", "gold/carol.json", "predicted/3.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==,
                   "1 gold document has no prediction: left out\n"
                   "1 predicted document has no gold document: left out\n"
                   "No predicted document has the text of a gold document: nothing to measure\n");
  g_assert_cmpstr (fixture->out, ==, "");
}

/* Two predictions of one text: the first is measured */
static void
test_duplicate_prediction (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SmDocument) again = cli_document_new ("again", BOB);
  g_autoptr(JsonObject) top = NULL;

  cli_document_save (again, fixture->dir, "predicted/9.json");
  g_assert_cmpint (run (fixture, "evaluate", "--json", "gold", "predicted", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==,
                   "predicted/9.json: gold/bob.json has a prediction already; this one is left out\n"
                   UNPAIRED);
  top = parse_output (fixture);
  assert_label (top, SM_LABEL_SPEAKER, 2, 3, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/evaluate/json-overlap", test_json_overlap);
  ADD ("/cli/evaluate/json-exact", test_json_exact);
  ADD ("/cli/evaluate/itself", test_itself);
  ADD ("/cli/evaluate/table", test_table);
  ADD ("/cli/evaluate/usage-errors", test_usage_errors);
  ADD ("/cli/evaluate/unreadable", test_unreadable);
  ADD ("/cli/evaluate/nothing-paired", test_nothing_paired);
  ADD ("/cli/evaluate/duplicate-prediction", test_duplicate_prediction);

#undef ADD

  return g_test_run ();
}
