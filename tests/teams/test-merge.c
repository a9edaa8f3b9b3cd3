/* test-merge.c: three-way merges of Spanmark documents (sm-merge).
 *
 * Each case parses one base file three times, edits "ours" and "theirs"
 * through SmDocument as an annotator would, merges, and checks the result
 * both as a document and as a file that loads again.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-format.h"
#include "sm-merge.h"

/*                 0         1         2         3         4
 *                 01234567890123456789012345678901234567890123456 */
#define TEXT      "Raisi said trade grew. Lukashenko said it fell."

/* The base file, with @top inserted among the top-level members and @meta
 * among meta's */
#define BASE_WITH(top, meta) \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"a\", \"text\": \"" TEXT "\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\", \"key\": \"1\"}, {\"id\": \"CLAIM\", \"key\": \"2\"},\n" \
  "            {\"id\": \"FIGURE\", \"key\": \"3\"}],\n" \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21, \"note\": \"base\"}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}],\n" \
  top \
  " \"status\": \"in-progress\",\n" \
  " \"meta\": {\"annotator\": \"Ana\", \"next_span\": 3, \"next_relation\": 2" meta "}}\n"

#define BASE BASE_WITH ("", "")

typedef struct
{
  SmDocument *base;
  SmDocument *ours;
  SmDocument *theirs;
} Fixture;

static SmDocument *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_format_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->base = parse (BASE);
  fixture->ours = parse (BASE);
  fixture->theirs = parse (BASE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->base);
  g_clear_object (&fixture->ours);
  g_clear_object (&fixture->theirs);
}

static SmSpan *
add_span (SmDocument *document,
          const char *label,
          guint       start,
          guint       end)
{
  g_autoptr(GError) error = NULL;
  SmSpan *span = sm_document_add_span (document, label, start, end, &error);

  g_assert_no_error (error);
  return span;
}

/* Merges, and checks that the result is a file the loader takes back with
 * the same spans and conflicts: never a broken file */
static SmDocument *
merge (Fixture *fixture,
       guint    expected_conflicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(SmDocument) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint n_conflicts = 99;

  result = sm_merge_documents (fixture->base, fixture->ours, fixture->theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (n_conflicts, ==, expected_conflicts);
  g_assert_true (sm_document_check_relations (result, NULL));

  bytes = sm_format_serialize (result);
  reloaded = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_spans (reloaded), ==, sm_document_get_n_spans (result));
  g_assert_cmpuint (sm_merge_count_conflicts (reloaded), ==, expected_conflicts);

  return g_steal_pointer (&result);
}

static SmSpan *
span_at (SmDocument *document,
         const char *label,
         guint       start,
         guint       end)
{
  return sm_document_find_exact_span (document, start, end, label);
}

static gboolean
same_fragments (SmSpan *a,
                SmSpan *b)
{
  if (sm_span_get_n_fragments (a) != sm_span_get_n_fragments (b))
    return FALSE;

  for (guint i = 0; i < sm_span_get_n_fragments (a); i++)
    {
      guint a_start, a_end, b_start, b_end;

      sm_span_get_fragment (a, i, &a_start, &a_end);
      sm_span_get_fragment (b, i, &b_start, &b_end);
      if (a_start != b_start || a_end != b_end)
        return FALSE;
    }

  return TRUE;
}

/* The span of @document with @model's label and fragments */
static SmSpan *
find_same_span (SmDocument *document,
                SmSpan     *model)
{
  GListModel *spans = sm_document_get_spans (document);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (g_strcmp0 (sm_span_get_label (span), sm_span_get_label (model)) == 0 &&
          same_fragments (span, model))
        return span;
    }

  return NULL;
}

static JsonObject *
conflict (SmDocument *document,
          guint       index)
{
  JsonNode *node = sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (index, <, json_array_get_length (json_node_get_array (node)));
  return json_array_get_object_element (json_node_get_array (node), index);
}

static void
test_independent_additions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;

  add_span (fixture->ours, "SPEAKER", 23, 33);
  add_span (fixture->theirs, "CLAIM", 39, 46);

  result = merge (fixture, 0);
  g_assert_cmpuint (sm_document_get_n_spans (result), ==, 4);
  g_assert_nonnull (span_at (result, "SPEAKER", 23, 33));
  g_assert_nonnull (span_at (result, "CLAIM", 39, 46));
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (result, "T2")), ==, "base");
  g_assert_null (sm_format_get_extra_member (result, SM_MERGE_CONFLICTS_MEMBER));
}

static void
test_status_kept (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmDocument *documents[] = { fixture->base, fixture->ours, fixture->theirs };

  /* A tool added their span and left the status new, as all three say:
   * the merge does not invent a status of its own */
  add_span (fixture->theirs, "CLAIM", 39, 46);
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    sm_document_set_status (documents[i], SM_DOCUMENT_STATUS_NEW);

  result = merge (fixture, 0);
  g_assert_nonnull (span_at (result, "CLAIM", 39, 46));
  g_assert_cmpint (sm_document_get_status (result), ==, SM_DOCUMENT_STATUS_NEW);
}

static void
test_one_side_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmSpan *t2 = sm_document_find_span (fixture->theirs, "T2");

  /* Theirs: a new range and note for T2, the status; ours: nothing */
  g_assert_true (sm_document_set_span_range (fixture->theirs, t2, 11, 16, NULL));
  sm_document_set_span_note (fixture->theirs, t2, "theirs");
  sm_document_set_status (fixture->theirs, SM_DOCUMENT_STATUS_DONE);
  /* Ours changes something else: T1's label */
  g_assert_true (sm_document_set_span_label (fixture->ours, sm_document_find_span (fixture->ours, "T1"),
                                             "FIGURE", NULL));

  result = merge (fixture, 0);
  t2 = sm_document_find_span (result, "T2");
  g_assert_cmpuint (sm_span_get_start (t2), ==, 11);
  g_assert_cmpuint (sm_span_get_end (t2), ==, 16);
  g_assert_cmpstr (sm_span_get_note (t2), ==, "theirs");
  g_assert_cmpint (sm_document_get_status (result), ==, SM_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (result, "T1")), ==, "FIGURE");
}

static void
test_fragments (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmSpan *span;

  /* Theirs: T2 gets a second fragment, and a new discontinuous span */
  span = sm_document_find_span (fixture->theirs, "T2");
  g_assert_true (sm_document_add_fragment (fixture->theirs, span, 39, 46, NULL));
  span = add_span (fixture->theirs, "FIGURE", 11, 16);
  g_assert_true (sm_document_add_fragment (fixture->theirs, span, 42, 46, NULL));
  add_span (fixture->ours, "SPEAKER", 23, 33);

  result = merge (fixture, 0);
  span = sm_document_find_span (result, "T2");
  g_assert_cmpuint (sm_span_get_n_fragments (span), ==, 2);
  g_assert_true (same_fragments (span, sm_document_find_span (fixture->theirs, "T2")));
  g_assert_nonnull (find_same_span (result, sm_document_find_span (fixture->theirs, "T3")));
  g_assert_cmpuint (sm_document_get_n_spans (result), ==, 4);
}

static void
test_deletion_one_side (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;

  sm_document_remove_relation (fixture->theirs, sm_document_find_relation (fixture->theirs, "R1"));
  sm_document_remove_span (fixture->ours, sm_document_find_span (fixture->ours, "T1"));

  result = merge (fixture, 0);
  g_assert_null (sm_document_find_span (result, "T1"));
  g_assert_nonnull (sm_document_find_span (result, "T2"));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (result)), ==, 0);
}

static void
test_same_change_both (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmDocument *sides[] = { fixture->ours, fixture->theirs };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      SmSpan *t2 = sm_document_find_span (sides[i], "T2");
      SmSpan *speaker = add_span (sides[i], "SPEAKER", 23, 33);
      SmSpan *claim = add_span (sides[i], "CLAIM", 39, 46);

      sm_document_set_span_note (sides[i], t2, "same");
      g_assert_true (sm_document_set_span_range (sides[i], t2, 11, 16, NULL));
      g_assert_nonnull (sm_document_add_relation (sides[i], "said_by", claim, speaker, NULL));
    }

  result = merge (fixture, 0);
  g_assert_cmpuint (sm_document_get_n_spans (result), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (result)), ==, 2);
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (result, "T2")), ==, "same");
  g_assert_cmpuint (sm_span_get_end (sm_document_find_span (result, "T2")), ==, 16);
}

static void
test_ids_renumbered (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmSpan *speaker, *claim, *merged_claim, *merged_speaker;
  g_autoptr(GPtrArray) relations = NULL;
  SmRelation *relation = NULL;

  /* Both sides hand out T3, T4 and R2 for different spans and links */
  speaker = add_span (fixture->ours, "FIGURE", 17, 21);
  g_assert_cmpstr (sm_span_get_id (speaker), ==, "T3");
  speaker = add_span (fixture->theirs, "SPEAKER", 23, 33);
  claim = add_span (fixture->theirs, "CLAIM", 39, 46);
  g_assert_cmpstr (sm_span_get_id (speaker), ==, "T3");
  g_assert_cmpstr (sm_span_get_id (claim), ==, "T4");
  g_assert_nonnull (sm_document_add_relation (fixture->theirs, "said_by", claim, speaker, NULL));

  result = merge (fixture, 0);
  g_assert_cmpuint (sm_document_get_n_spans (result), ==, 5);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (result, "T3")), ==, "FIGURE");
  merged_speaker = span_at (result, "SPEAKER", 23, 33);
  merged_claim = span_at (result, "CLAIM", 39, 46);
  g_assert_nonnull (merged_speaker);
  g_assert_nonnull (merged_claim);
  g_assert_cmpstr (sm_span_get_id (merged_speaker), !=, "T3");

  /* Their relation follows their spans to the new ids */
  relations = sm_document_get_relations_of_span (result, merged_claim);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_true (sm_relation_get_from (relation) == merged_claim);
  g_assert_true (sm_relation_get_to (relation) == merged_speaker);
  g_assert_nonnull (sm_document_find_relation (result, "R1"));
}

static void
test_conflict_label (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  g_assert_true (sm_document_set_span_label (fixture->ours, sm_document_find_span (fixture->ours, "T1"),
                                             "FIGURE", NULL));
  g_assert_true (sm_document_set_span_label (fixture->theirs, sm_document_find_span (fixture->theirs, "T1"),
                                             "CLAIM", NULL));

  result = merge (fixture, 1);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (result, "T1")), ==, "FIGURE");
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "label");
  g_assert_cmpstr (json_object_get_string_member (record, "span"), ==, "T1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "base"), "label"), ==, "SPEAKER");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "ours"), "label"), ==, "FIGURE");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "label"), ==, "CLAIM");
}

static void
test_conflict_range (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  g_assert_true (sm_document_set_span_range (fixture->ours, sm_document_find_span (fixture->ours, "T2"), 11, 16, NULL));
  g_assert_true (sm_document_set_span_range (fixture->theirs, sm_document_find_span (fixture->theirs, "T2"), 17, 21, NULL));

  result = merge (fixture, 1);
  g_assert_cmpuint (sm_span_get_end (sm_document_find_span (result, "T2")), ==, 16);
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "range");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (record, "theirs"), "start"), ==, 17);
}

static void
test_conflict_note (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  sm_document_set_span_note (fixture->ours, sm_document_find_span (fixture->ours, "T2"), "ours");
  sm_document_set_span_note (fixture->theirs, sm_document_find_span (fixture->theirs, "T2"), "theirs");

  result = merge (fixture, 1);
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (result, "T2")), ==, "ours");
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "note"), ==, "theirs");
}

static void
test_conflict_deleted_edited (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  /* Ours deletes T2, theirs relabels it: ours (deleted) stays */
  sm_document_remove_span (fixture->ours, sm_document_find_span (fixture->ours, "T2"));
  g_assert_true (sm_document_set_span_label (fixture->theirs, sm_document_find_span (fixture->theirs, "T2"),
                                             "FIGURE", NULL));
  /* Theirs deletes T1, ours edits its note: ours' T1 stays */
  sm_document_set_span_note (fixture->ours, sm_document_find_span (fixture->ours, "T1"), "kept");
  sm_document_remove_span (fixture->theirs, sm_document_find_span (fixture->theirs, "T1"));

  result = merge (fixture, 2);
  g_assert_null (sm_document_find_span (result, "T2"));
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (result, "T1")), ==, "kept");

  for (guint i = 0; i < 2; i++)
    {
      record = conflict (result, i);
      g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "deleted");
      if (g_strcmp0 (json_object_get_string_member (record, "span"), "T2") == 0)
        {
          g_assert_true (json_object_get_null_member (record, "ours"));
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "label"), ==, "FIGURE");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (record, "span"), ==, "T1");
          g_assert_true (json_object_get_null_member (record, "theirs"));
        }
    }
}

static void
test_conflict_status (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  sm_document_set_status (fixture->ours, SM_DOCUMENT_STATUS_DONE);
  sm_document_set_status (fixture->theirs, SM_DOCUMENT_STATUS_NEW);

  result = merge (fixture, 1);
  g_assert_cmpint (sm_document_get_status (result), ==, SM_DOCUMENT_STATUS_DONE);
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (record, "ours"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (record, "theirs"), ==, "new");
}

static void
test_conflict_speaker (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  SmDocument *sides[] = { fixture->ours, fixture->theirs };
  JsonObject *record;
  SmSpan *speaker;

  /* Each side gives claim T2 another speaker than T1: ours "Lukashenko",
   * theirs "it" */
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      SmSpan *claim = sm_document_find_span (sides[i], "T2");

      sm_document_remove_relation (sides[i], sm_document_find_relation (sides[i], "R1"));
      speaker = i == 0 ? add_span (sides[i], "SPEAKER", 23, 33) : add_span (sides[i], "SPEAKER", 39, 41);
      g_assert_true (sm_document_set_speaker (sides[i], claim, speaker, NULL));
    }

  result = merge (fixture, 1);
  speaker = sm_document_get_speaker (result, sm_document_find_span (result, "T2"));
  g_assert_cmpuint (sm_span_get_start (speaker), ==, 23);
  /* Their speaker span is kept, only their link is on record */
  g_assert_nonnull (span_at (result, "SPEAKER", 39, 41));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (result)), ==, 1);
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "speaker");
  g_assert_cmpstr (json_object_get_string_member (record, "span"), ==, "T2");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "to"), ==, "T3");
}

static void
test_conflicts_accumulate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SmDocument) first = NULL;
  g_autoptr(SmDocument) second = NULL;

  sm_document_set_status (fixture->ours, SM_DOCUMENT_STATUS_DONE);
  sm_document_set_status (fixture->theirs, SM_DOCUMENT_STATUS_NEW);
  first = merge (fixture, 1);

  /* A second merge into the unresolved file keeps the first record */
  g_set_object (&fixture->ours, first);
  sm_document_set_span_note (fixture->ours, sm_document_find_span (fixture->ours, "T2"), "ours");
  sm_document_set_span_note (fixture->theirs, sm_document_find_span (fixture->theirs, "T2"), "theirs");
  second = sm_merge_documents (fixture->base, fixture->ours, fixture->theirs, NULL, NULL);
  g_assert_cmpuint (sm_merge_count_conflicts (second), ==, 3);
}

static void
test_different_texts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new ("Another article.", -1, NULL);
  g_autoptr(SmDocument) other = sm_document_new (text, "b");
  g_autoptr(SmDocument) result = NULL;

  result = sm_merge_documents (fixture->base, fixture->ours, other, NULL, &error);
  g_assert_error (error, SM_MERGE_ERROR, SM_MERGE_ERROR_TEXT);
  g_assert_null (result);
  g_clear_error (&error);

  result = sm_merge_documents (other, fixture->ours, fixture->theirs, NULL, &error);
  g_assert_error (error, SM_MERGE_ERROR, SM_MERGE_ERROR_TEXT);
  g_assert_null (result);
}

/* Replaces the fixture's three versions with these files */
static void
fixture_parse (Fixture    *fixture,
               const char *base,
               const char *ours,
               const char *theirs)
{
  g_set_object (&fixture->base, NULL);
  g_set_object (&fixture->ours, NULL);
  g_set_object (&fixture->theirs, NULL);
  fixture->base = parse (base);
  fixture->ours = parse (ours);
  fixture->theirs = parse (theirs);
}

static void
test_label_deleted_one_side (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;

  /* Theirs drops FIGURE, unused, and SPEAKER with its span T1 and the
   * relation to it; ours leaves both alone */
  sm_document_remove_label (fixture->theirs, "FIGURE");
  sm_document_remove_label (fixture->theirs, "SPEAKER");
  add_span (fixture->ours, "CLAIM", 39, 46);

  result = merge (fixture, 0);
  g_assert_null (sm_document_find_label (result, "FIGURE"));
  g_assert_null (sm_document_find_label (result, "SPEAKER"));
  g_assert_null (sm_document_find_span (result, "T1"));
  g_assert_nonnull (span_at (result, "CLAIM", 39, 46));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (result)), ==, 0);

  /* The other way round: ours dropped it, theirs did nothing with it */
  fixture_parse (fixture, BASE, BASE, BASE);
  sm_document_remove_label (fixture->ours, "FIGURE");
  add_span (fixture->theirs, "CLAIM", 39, 46);
  g_clear_object (&result);
  result = merge (fixture, 0);
  g_assert_null (sm_document_find_label (result, "FIGURE"));
  g_assert_nonnull (span_at (result, "CLAIM", 39, 46));
}

static void
test_conflict_label_deleted_used (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  /* Theirs deletes FIGURE while ours tags a figure with it: the label
   * stays, with our span */
  sm_document_remove_label (fixture->theirs, "FIGURE");
  add_span (fixture->ours, "FIGURE", 17, 21);

  result = merge (fixture, 1);
  g_assert_nonnull (sm_document_find_label (result, "FIGURE"));
  g_assert_nonnull (span_at (result, "FIGURE", 17, 21));
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "label-definition");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "base"), "id"), ==, "FIGURE");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "ours"), "id"), ==, "FIGURE");
  g_assert_true (json_object_get_null_member (record, "theirs"));

  /* Ours deletes it while theirs tags with it: their span is added, the
   * label back with it */
  fixture_parse (fixture, BASE, BASE, BASE);
  sm_document_remove_label (fixture->ours, "FIGURE");
  add_span (fixture->theirs, "FIGURE", 17, 21);
  g_clear_object (&result);
  result = merge (fixture, 1);
  g_assert_nonnull (sm_document_find_label (result, "FIGURE"));
  g_assert_nonnull (span_at (result, "FIGURE", 17, 21));
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "label-definition");
  g_assert_true (json_object_get_null_member (record, "ours"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "id"), ==, "FIGURE");

  /* Ours deletes it while theirs recolours it: their colour is kept */
  fixture_parse (fixture, BASE, BASE, BASE);
  sm_document_remove_label (fixture->ours, "FIGURE");
  g_assert_true (sm_document_set_label_color (fixture->theirs, "FIGURE", "#00ff00", NULL));
  g_clear_object (&result);
  result = merge (fixture, 1);
  g_assert_cmpstr (sm_label_get_color (sm_document_find_label (result, "FIGURE")), ==, "#00ff00");
  g_assert_cmpstr (json_object_get_string_member (conflict (result, 0), "kind"), ==, "label-definition");
}

static void
test_conflict_label_definition (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record;

  g_assert_true (sm_document_set_label_color (fixture->ours, "FIGURE", "#ff0000", NULL));
  g_assert_true (sm_document_set_label_color (fixture->theirs, "FIGURE", "#0000ff", NULL));
  /* The same new colour on both sides is no conflict */
  g_assert_true (sm_document_set_label_color (fixture->ours, "CLAIM", "#123456", NULL));
  g_assert_true (sm_document_set_label_color (fixture->theirs, "CLAIM", "#123456", NULL));

  result = merge (fixture, 1);
  g_assert_cmpstr (sm_label_get_color (sm_document_find_label (result, "FIGURE")), ==, "#ff0000");
  g_assert_cmpstr (sm_label_get_color (sm_document_find_label (result, "CLAIM")), ==, "#123456");
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "label-definition");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "ours"), "color"), ==, "#ff0000");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "theirs"), "color"), ==, "#0000ff");
}

static void
test_conflict_added (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record, *theirs;
  SmSpan *span;

  /* Their FIGURE over "trade" and "fell" cannot join our FIGURE over
   * "trade": the two would share a first fragment */
  add_span (fixture->ours, "FIGURE", 11, 16);
  span = add_span (fixture->theirs, "FIGURE", 11, 16);
  g_assert_true (sm_document_add_fragment (fixture->theirs, span, 42, 46, NULL));

  result = merge (fixture, 1);
  span = span_at (result, "FIGURE", 11, 16);
  g_assert_nonnull (span);
  g_assert_cmpuint (sm_span_get_n_fragments (span), ==, 1);
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "added");
  g_assert_true (json_object_get_null_member (record, "base"));
  g_assert_true (json_object_get_null_member (record, "ours"));
  theirs = json_object_get_object_member (record, "theirs");
  g_assert_cmpstr (json_object_get_string_member (theirs, "label"), ==, "FIGURE");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (theirs, "fragments")), ==, 2);
}

static void
test_conflict_relation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  JsonObject *record, *theirs;
  SmSpan *speaker;

  /* Theirs gives claim T2 a new speaker; ours deleted T2 */
  sm_document_remove_span (fixture->ours, sm_document_find_span (fixture->ours, "T2"));
  sm_document_remove_relation (fixture->theirs, sm_document_find_relation (fixture->theirs, "R1"));
  speaker = add_span (fixture->theirs, "SPEAKER", 23, 33);
  g_assert_nonnull (sm_document_add_relation (fixture->theirs, "said_by",
                                              sm_document_find_span (fixture->theirs, "T2"),
                                              speaker, NULL));

  result = merge (fixture, 1);
  g_assert_null (sm_document_find_span (result, "T2"));
  g_assert_nonnull (span_at (result, "SPEAKER", 23, 33));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (result)), ==, 0);
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "relation");
  g_assert_true (json_object_get_null_member (record, "ours"));
  theirs = json_object_get_object_member (record, "theirs");
  g_assert_cmpstr (json_object_get_string_member (theirs, "type"), ==, "said_by");
  g_assert_cmpstr (json_object_get_string_member (theirs, "from"), ==, "T2");
  g_assert_cmpstr (json_object_get_string_member (theirs, "to"), ==, sm_span_get_id (speaker));
}

/* Rejects a suggestion of @label over [@start, @end) */
static void
reject_at (SmDocument *document,
           const char *label,
           guint       start,
           guint       end)
{
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  SmSuggestion *suggestion = sm_suggestion_new (label, start, end, SM_SUGGESTION_SOURCE_RULES);

  g_ptr_array_add (suggestions, suggestion);
  g_assert_cmpuint (sm_document_add_suggestions (document, suggestions), ==, 1);
  sm_document_reject_suggestion (document, suggestion);
  g_assert_true (sm_document_is_rejected (document, label, start, end));
}

#define REJECTED_0_5 " \"rejected\": [{\"label\": \"FIGURE\", \"start\": 0, \"end\": 5}],\n"

static void
test_rejected (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(GPtrArray) rejected = NULL;

  /* Both had FIGURE over "Raisi" rejected; theirs took that back */
  fixture_parse (fixture, BASE_WITH (REJECTED_0_5, ""), BASE_WITH (REJECTED_0_5, ""), BASE);
  reject_at (fixture->ours, "FIGURE", 11, 16);
  reject_at (fixture->theirs, "FIGURE", 42, 46);
  reject_at (fixture->theirs, "FIGURE", 11, 16);

  result = merge (fixture, 0);
  rejected = sm_document_dup_rejected (result);
  g_assert_cmpuint (rejected->len, ==, 2);
  g_assert_true (sm_document_is_rejected (result, "FIGURE", 11, 16));
  g_assert_true (sm_document_is_rejected (result, "FIGURE", 42, 46));
  g_assert_false (sm_document_is_rejected (result, "FIGURE", 0, 5));
}

/* Adds to @suggestions a suggested claim over [39, 46) with its suggested
 * speaker over [23, 33) */
static void
suggest_claim (GPtrArray *suggestions)
{
  SmSuggestion *speaker = sm_suggestion_new ("SPEAKER", 23, 33, SM_SUGGESTION_SOURCE_RULES);
  SmSuggestion *claim = sm_suggestion_new ("CLAIM", 39, 46, SM_SUGGESTION_SOURCE_RULES);

  sm_suggestion_set_speaker (claim, speaker);
  g_ptr_array_add (suggestions, speaker);
  g_ptr_array_add (suggestions, claim);
}

/* The one pending suggestion over [@start, @end), or %NULL if none */
static SmSuggestion *
suggestion_in (SmDocument *document,
               guint       start,
               guint       end)
{
  g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (document, start, end);

  g_assert_cmpuint (found->len, <=, 1);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;  /* the document holds it */
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  SmSuggestion *speaker, *claim;

  /* Theirs: a figure, and a claim with its speaker */
  suggest_claim (suggestions);
  g_ptr_array_add (suggestions, sm_suggestion_new ("FIGURE", 17, 21, SM_SUGGESTION_SOURCE_RULES));
  g_assert_cmpuint (sm_document_add_suggestions (fixture->theirs, suggestions), ==, 3);
  /* Ours: the same speaker suggested, and the figure tagged already */
  g_ptr_array_set_size (suggestions, 0);
  g_ptr_array_add (suggestions, sm_suggestion_new ("SPEAKER", 23, 33, SM_SUGGESTION_SOURCE_RULES));
  g_assert_cmpuint (sm_document_add_suggestions (fixture->ours, suggestions), ==, 1);
  add_span (fixture->ours, "FIGURE", 17, 21);

  result = merge (fixture, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (result), ==, 2);
  speaker = suggestion_in (result, 23, 33);
  claim = suggestion_in (result, 39, 46);
  g_assert_nonnull (speaker);
  g_assert_nonnull (claim);
  g_assert_cmpstr (sm_suggestion_get_label (claim), ==, "CLAIM");
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, sm_suggestion_get_id (speaker));
  g_assert_null (suggestion_in (result, 17, 21));
}

/* Our suggested claim's suggested speaker, tagged by them: the claim stays
 * suggested, said by their span; a claim said by a span they deleted
 * stays, said by no one */
static void
test_suggestions_answered (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmSuggestion) t1 = sm_suggestion_new ("SPEAKER", 0, 5, SM_SUGGESTION_SOURCE_RULES);
  SmSuggestion *claim;

  suggest_claim (suggestions);
  /* A claim said by T1, which they delete */
  claim = sm_suggestion_new ("CLAIM", 6, 10, SM_SUGGESTION_SOURCE_RULES);
  sm_suggestion_set_speaker (claim, t1);
  g_ptr_array_add (suggestions, claim);
  g_assert_cmpuint (sm_document_add_suggestions (fixture->ours, suggestions), ==, 3);
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, "T1");

  add_span (fixture->theirs, "SPEAKER", 23, 33);
  sm_document_remove_span (fixture->theirs, sm_document_find_span (fixture->theirs, "T1"));

  result = merge (fixture, 0);
  g_assert_null (sm_document_find_span (result, "T1"));
  g_assert_cmpuint (sm_document_get_n_suggestions (result), ==, 2);
  claim = suggestion_in (result, 39, 46);
  g_assert_nonnull (claim);
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, sm_span_get_id (span_at (result, "SPEAKER", 23, 33)));
  claim = suggestion_in (result, 6, 10);
  g_assert_nonnull (claim);
  g_assert_null (sm_suggestion_get_said_by (claim));
}

#define META_BASE  ", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\", " \
                   "\"batch\": 1, \"reviewer\": \"Cy\", \"tool\": \"a\""
#define META_OURS  ", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-03-01T00:00:00Z\", " \
                   "\"batch\": 2, \"reviewer\": \"Dee\", \"tool\": \"a\""
#define META_THEIRS ", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-02-01T00:00:00Z\", " \
                    "\"batch\": 1, \"reviewer\": \"Eve\", \"tool\": \"b\", \"queue\": \"q\""

static void
test_meta (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *meta, *record;

  fixture_parse (fixture, BASE_WITH ("", META_BASE), BASE_WITH ("", META_OURS), BASE_WITH ("", META_THEIRS));
  sm_document_set_annotator (fixture->theirs, "Ben");

  result = merge (fixture, 1);
  bytes = sm_format_serialize (result);
  root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  meta = json_object_get_object_member (json_node_get_object (root), "meta");
  /* One side's change taken: our batch, their tool, queue and annotator */
  g_assert_cmpint (json_object_get_int_member (meta, "batch"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (meta, "tool"), ==, "b");
  g_assert_cmpstr (json_object_get_string_member (meta, "queue"), ==, "q");
  g_assert_cmpstr (json_object_get_string_member (meta, "annotator"), ==, "Ben");
  /* Both changed: ours, and a conflict; the later modification time, no
   * conflict over it */
  g_assert_cmpstr (json_object_get_string_member (meta, "reviewer"), ==, "Dee");
  g_assert_cmpstr (json_object_get_string_member (meta, "modified"), ==, "2026-03-01T00:00:00Z");
  record = conflict (result, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "meta");
  g_assert_cmpstr (json_object_get_string_member (record, "key"), ==, "reviewer");
  g_assert_cmpstr (json_object_get_string_member (record, "base"), ==, "Cy");
  g_assert_cmpstr (json_object_get_string_member (record, "ours"), ==, "Dee");
  g_assert_cmpstr (json_object_get_string_member (record, "theirs"), ==, "Eve");
}

/* One random edit of an annotator */
static void
random_edit (SmDocument *document,
             GRand      *rand)
{
  static const char *labels[] = { "SPEAKER", "CLAIM", "FIGURE" };
  guint length = sm_document_get_length (document);
  guint n_spans = sm_document_get_n_spans (document);
  g_autoptr(SmSpan) span = NULL;
  guint start = g_rand_int_range (rand, 0, length - 1);
  guint end = g_rand_int_range (rand, start + 1, MIN (start + 12, length) + 1);
  const char *label = labels[g_rand_int_range (rand, 0, 3)];

  if (n_spans > 0)
    span = g_list_model_get_item (sm_document_get_spans (document), g_rand_int_range (rand, 0, n_spans));

  switch (g_rand_int_range (rand, 0, 11))
    {
    case 8:
      {
        g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);

        g_ptr_array_add (suggestions, sm_suggestion_new (label, start, end, SM_SUGGESTION_SOURCE_RULES));
        sm_document_add_suggestions (document, suggestions);
      }
      break;
    case 9:
      if (sm_document_get_n_suggestions (document) > 0)
        {
          g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (sm_document_get_suggestions (document), 0);

          sm_document_reject_suggestion (document, suggestion);
        }
      break;
    case 10:
      if (sm_document_find_label (document, "FIGURE") != NULL && g_rand_int_range (rand, 0, 4) == 0)
        sm_document_remove_label (document, "FIGURE");
      break;
    case 0:
    case 1:
      sm_document_add_span (document, label, start, end, NULL);
      break;
    case 2:
      if (span != NULL)
        sm_document_remove_span (document, span);
      break;
    case 3:
      if (span != NULL)
        sm_document_set_span_label (document, span, label, NULL);
      break;
    case 4:
      if (span != NULL)
        sm_document_set_span_range (document, span, start, end, NULL);
      break;
    case 5:
      if (span != NULL)
        sm_document_set_span_note (document, span, g_rand_boolean (rand) ? "a" : "b");
      break;
    case 6:
      if (span != NULL && n_spans > 1)
        {
          g_autoptr(SmSpan) other = g_list_model_get_item (sm_document_get_spans (document),
                                                           g_rand_int_range (rand, 0, n_spans));

          if (other != span)
            sm_document_add_relation (document, "said_by", span, other, NULL);
        }
      break;
    default:
      sm_document_set_status (document, g_rand_int_range (rand, 0, 3));
      break;
    }
}

/* Whatever the two sides did, the merge gives a valid file, and every span
 * they added or changed is in it or on record */
static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint total_conflicts = 0;
  guint total_spans = 0;

  for (guint round = 0; round < 300; round++)
    {
      Fixture fixture;
      g_autoptr(SmDocument) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SmDocument) reloaded = NULL;
      g_autofree char *conflicts = NULL;
      g_autofree char *base_json = NULL;
      GListModel *spans;
      guint n_conflicts;

      fixture_set_up (&fixture, NULL);
      for (guint i = g_rand_int_range (rand, 0, 6); i > 0; i--)
        random_edit (fixture.base, rand);
      g_set_object (&fixture.ours, NULL);
      g_set_object (&fixture.theirs, NULL);
      bytes = sm_format_serialize (fixture.base);
      base_json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      fixture.ours = parse (base_json);
      fixture.theirs = parse (base_json);
      g_clear_pointer (&bytes, g_bytes_unref);
      for (guint i = g_rand_int_range (rand, 0, 6); i > 0; i--)
        random_edit (fixture.ours, rand);
      for (guint i = g_rand_int_range (rand, 0, 6); i > 0; i--)
        random_edit (fixture.theirs, rand);

      result = sm_merge_documents (fixture.base, fixture.ours, fixture.theirs, &n_conflicts, &error);
      g_assert_no_error (error);
      g_assert_true (sm_document_check_relations (result, NULL));
      bytes = sm_format_serialize (result);
      reloaded = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sm_merge_count_conflicts (reloaded), ==, n_conflicts);

      total_conflicts += n_conflicts;
      total_spans += sm_document_get_n_spans (result);
      if (n_conflicts > 0)
        conflicts = json_to_string (sm_format_get_extra_member (result, SM_MERGE_CONFLICTS_MEMBER), FALSE);

      /* Nothing lost: each span either side added, relabelled or moved is
       * in the result as that side left it (by id where it was in BASE; the
       * other side's change to another attribute may be there too), or on
       * record */
      for (guint side = 0; side < 2; side++)
        {
          spans = sm_document_get_spans (side == 0 ? fixture.ours : fixture.theirs);
          for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
            {
              g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
              const char *id = sm_span_get_id (span);
              SmSpan *base = sm_document_find_span (fixture.base, id);
              SmSpan *merged = sm_document_find_span (result, id);
              gboolean relabelled, moved;
              g_autofree char *needle = NULL;

              if (base == NULL)
                {
                  if (find_same_span (result, span) != NULL)
                    continue;
                  needle = g_strdup_printf ("\"label\":\"%s\",\"start\":%u,\"end\":%u",
                                            sm_span_get_label (span), sm_span_get_start (span),
                                            sm_span_get_end (span));
                }
              else
                {
                  relabelled = g_strcmp0 (sm_span_get_label (base), sm_span_get_label (span)) != 0;
                  moved = !same_fragments (base, span);
                  if ((!relabelled && !moved) ||
                      (merged != NULL &&
                       (!relabelled || g_strcmp0 (sm_span_get_label (merged), sm_span_get_label (span)) == 0) &&
                       (!moved || same_fragments (merged, span))))
                    continue;
                  needle = g_strdup_printf ("\"id\":\"%s\",\"label\":\"%s\",\"start\":%u,\"end\":%u",
                                            id, sm_span_get_label (span), sm_span_get_start (span),
                                            sm_span_get_end (span));
                }

              g_assert_nonnull (conflicts);
              g_assert_nonnull (strstr (conflicts, needle));
            }
        }

      fixture_tear_down (&fixture, NULL);
    }

  g_test_message ("300 merges: %u spans, %u conflicts", total_spans, total_conflicts);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/merge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("independent-additions", test_independent_additions);
  ADD ("status-kept", test_status_kept);
  ADD ("one-side-change", test_one_side_change);
  ADD ("fragments", test_fragments);
  ADD ("deletion-one-side", test_deletion_one_side);
  ADD ("same-change-both", test_same_change_both);
  ADD ("ids-renumbered", test_ids_renumbered);
  ADD ("conflict/label", test_conflict_label);
  ADD ("conflict/range", test_conflict_range);
  ADD ("conflict/note", test_conflict_note);
  ADD ("conflict/deleted-edited", test_conflict_deleted_edited);
  ADD ("conflict/status", test_conflict_status);
  ADD ("conflict/speaker", test_conflict_speaker);
  ADD ("conflict/accumulate", test_conflicts_accumulate);
  ADD ("different-texts", test_different_texts);
  ADD ("label-deleted-one-side", test_label_deleted_one_side);
  ADD ("conflict/label-deleted-used", test_conflict_label_deleted_used);
  ADD ("conflict/label-definition", test_conflict_label_definition);
  ADD ("conflict/added", test_conflict_added);
  ADD ("conflict/relation", test_conflict_relation);
  ADD ("rejected", test_rejected);
  ADD ("suggestions", test_suggestions);
  ADD ("suggestions-answered", test_suggestions_answered);
  ADD ("meta", test_meta);
#undef ADD
  g_test_add_func ("/merge/random-edits", test_random_edits);

  return g_test_run ();
}
