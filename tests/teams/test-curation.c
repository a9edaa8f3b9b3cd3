/* test-curation.c: a curator deciding between versions (sm-curation).
 *
 * Two or three annotators' versions of one short article, each written as
 * a file would be; the curated document is checked span by span, through
 * undo and redo, and as a file that loads and resumes.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-curation.h"
#include "sm-format.h"
#include "sm-merge.h"

/*                 0         1         2         3         4
 *                 01234567890123456789012345678901234567890123456 */
#define TEXT      "Raisi said trade grew. Lukashenko said it fell."

#define HEAD(annotator) \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"a\", \"text\": \"" TEXT "\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\", \"key\": \"1\"}, {\"id\": \"CLAIM\", \"key\": \"2\"},\n" \
  "            {\"id\": \"FIGURE\", \"key\": \"3\"}],\n" \
  " \"meta\": {\"annotator\": \"" annotator "\"},\n"

/* Both: Raisi (SPEAKER), "trade grew" (CLAIM) said by Raisi.
 * Ana: Lukashenko SPEAKER, "it fell" CLAIM said by Lukashenko.
 * Ben: Lukashenko CLAIM (a slip), "said it fell" CLAIM, no link there. */
#define ANA HEAD ("Ana") \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21},\n" \
  "           {\"id\": \"T3\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33},\n" \
  "           {\"id\": \"T4\", \"label\": \"CLAIM\", \"start\": 39, \"end\": 46}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"},\n" \
  "               {\"id\": \"R2\", \"type\": \"said_by\", \"from\": \"T4\", \"to\": \"T3\"}]}\n"

#define BEN HEAD ("Ben") \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21, \"note\": \"sure\"},\n" \
  "           {\"id\": \"T3\", \"label\": \"CLAIM\", \"start\": 23, \"end\": 33},\n" \
  "           {\"id\": \"T4\", \"label\": \"CLAIM\", \"start\": 34, \"end\": 46}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}]}\n"

static SmDocument *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_format_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  return document;
}

static SmCuration *
curate (const char *first,
        ...)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SmCuration *curation;
  const char *json;
  va_list args;

  va_start (args, first);
  for (json = first; json != NULL; json = va_arg (args, const char *))
    g_ptr_array_add (versions, parse (json));
  va_end (args);

  curation = sm_curation_new (versions, "Carla", &error);
  g_assert_no_error (error);
  return curation;
}

static SmCurationItem *
item_at (SmCuration *curation,
         guint       position)
{
  g_autoptr(SmCurationItem) item = g_list_model_get_item (sm_curation_get_items (curation), position);

  g_assert_nonnull (item);
  return item;
}

/* The document's spans as "LABEL start-end" in order, for one comparison */
static char *
describe_spans (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_string_append_printf (string, "%s%s %u-%u", i > 0 ? ", " : "", sm_span_get_label (span),
                              sm_span_get_start (span), sm_span_get_end (span));
    }

  return g_string_free (string, FALSE);
}

static char *
speaker_text (SmDocument *document,
              guint       claim_start)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_at (document, claim_start);

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      SmSpan *speaker;

      if (g_strcmp0 (sm_span_get_label (span), "CLAIM") == 0 &&
          (speaker = sm_document_get_speaker (document, span)) != NULL)
        return g_strdup (sm_span_get_text (speaker));
    }

  return NULL;
}

static void
test_curation_agreed (void)
{
  g_autoptr(SmCuration) curation = curate (ANA, BEN, NULL);
  SmDocument *document = sm_curation_get_document (curation);
  g_autofree char *spans = describe_spans (document);
  g_autofree char *speaker = speaker_text (document, 11);
  g_autofree char *summary = NULL;
  SmCurationItem *item;
  SmSpan *claim;

  /* What both have is there, with its link and Ben's note; nothing else */
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21");
  g_assert_cmpstr (speaker, ==, "Raisi");
  claim = sm_document_find_exact_span (document, 11, 21, "CLAIM");
  g_assert_cmpstr (sm_span_get_note (claim), ==, "sure");
  g_assert_cmpstr (sm_document_get_annotator (document), ==, "Carla");
  g_assert_false (sm_document_can_undo (document));
  g_assert_true (sm_document_get_modified (document));

  /* Two stretches they tagged differently: "Lukashenko", "(said) it fell" */
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 2);
  item = item_at (curation, 0);
  g_assert_cmpint (sm_curation_item_get_kind (item), ==, SM_CURATION_ITEM_SPANS);
  g_assert_cmpstr (sm_curation_item_get_id (item), ==, "D1");
  g_assert_cmpuint (sm_curation_item_get_n_sides (item), ==, 2);
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 0)[0], ==, "Ana");
  g_assert_null (sm_curation_item_get_side_annotators (item, 0)[1]);
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 1)[0], ==, "Ben");
  summary = sm_curation_item_dup_side_summary (item, 0);
  g_assert_cmpstr (summary, ==, "SPEAKER “Lukashenko”");
  g_clear_pointer (&summary, g_free);
  summary = sm_curation_item_dup_side_summary (item_at (curation, 1), 1);
  g_assert_cmpstr (summary, ==, "CLAIM “said it fell”");
  g_assert_cmpuint (sm_curation_item_get_side_n_spans (item, 1), ==, 1);
  g_assert_true (sm_curation_get_item_at (curation, 30) == item);
  g_assert_true (sm_curation_get_item_at (curation, 35) == item_at (curation, 1));
  g_assert_null (sm_curation_get_item_at (curation, 12));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  g_assert_cmpint (sm_curation_item_get_state (item, NULL), ==, SM_CURATION_UNDECIDED);
}

static void
test_curation_texts_differ (void)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_strdup (BEN);
  g_autoptr(SmCuration) curation = NULL;

  /* One letter of the text changed: not a version of the same article */
  memcpy (strstr (other, "trade"), "Trade", 5);
  g_ptr_array_add (versions, parse (ANA));
  g_ptr_array_add (versions, parse (other));
  curation = sm_curation_new (versions, NULL, &error);
  g_assert_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_TEXT);
  g_assert_null (curation);

  g_clear_error (&error);
  g_ptr_array_set_size (versions, 1);
  curation = sm_curation_new (versions, NULL, &error);
  g_assert_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_VERSIONS);
}

/* A version with a link its type does not allow (said_by to a FIGURE) is
 * refused, as validate and agree refuse it, naming the file and the link:
 * a curator could neither take that side nor tell why */
static void
test_curation_broken_relation (void)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_strdup (ANA);
  g_autoptr(SmCuration) curation = NULL;

  /* Ana's second link goes to "Lukashenko" tagged FIGURE */
  memcpy (strstr (broken, "\"SPEAKER\", \"start\": 23"), "\"FIGURE\" , ", 11);
  g_ptr_array_add (versions, parse (broken));
  g_ptr_array_add (versions, parse (BEN));
  curation = sm_curation_new (versions, NULL, &error);
  g_assert_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_INVALID);
  g_assert_null (curation);
  g_assert_nonnull (strstr (error->message, "Ana’s version of “a”"));
  g_assert_nonnull (strstr (error->message, "relation R2: span T3 is labelled FIGURE, but a said_by relation goes to SPEAKER"));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_curation_take_undo (void)
{
  g_autoptr(SmCuration) curation = curate (ANA, BEN, NULL);
  SmDocument *document = sm_curation_get_document (curation);
  SmCurationItem *name = item_at (curation, 0);
  SmCurationItem *claim = item_at (curation, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *speaker = NULL;
  guint side, n_notified = 0;

  g_signal_connect (curation, "notify::n-decided", G_CALLBACK (on_notify), &n_notified);

  /* Ana's sides bring her spans, and her link once both its ends are in */
  g_assert_true (sm_curation_take_side (curation, name, 0, &error));
  g_assert_no_error (error);
  g_assert_true (sm_curation_take_side (curation, claim, 0, &error));
  g_assert_no_error (error);
  spans = describe_spans (document);
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21, SPEAKER 23-33, CLAIM 39-46");
  speaker = speaker_text (document, 39);
  g_assert_cmpstr (speaker, ==, "Lukashenko");
  g_assert_cmpint (sm_curation_item_get_state (name, &side), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (side, ==, 0);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);
  g_assert_cmpuint (n_notified, ==, 2);

  /* Taking Ben's instead relabels the span: a claim cannot be a speaker */
  g_assert_true (sm_curation_take_side (curation, name, 1, &error));
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (document);
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21, CLAIM 23-33, CLAIM 39-46");
  g_clear_pointer (&speaker, g_free);
  speaker = speaker_text (document, 39);
  g_assert_null (speaker);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);

  /* One undo takes back Ben's side and its decision together */
  sm_document_undo (document);
  speaker = speaker_text (document, 39);
  g_assert_cmpstr (speaker, ==, "Lukashenko");
  g_assert_cmpint (sm_curation_item_get_state (name, &side), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (side, ==, 0);
  sm_document_undo (document);
  sm_document_undo (document);
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (document);
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21");
  g_assert_cmpint (sm_curation_item_get_state (name, NULL), ==, SM_CURATION_UNDECIDED);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  g_assert_false (sm_document_can_undo (document));

  sm_document_redo (document);
  g_assert_cmpint (sm_curation_item_get_state (name, NULL), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 1);

  /* Dropping leaves none of either side */
  sm_curation_drop (curation, name);
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (document);
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21");
  g_assert_cmpint (sm_curation_item_get_state (name, NULL), ==, SM_CURATION_DROPPED);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 1);

  /* Marked as edited by hand: what is there stays */
  g_assert_true (sm_document_add_span (document, "FIGURE", 23, 33, NULL) != NULL);
  sm_curation_mark_edited (curation, claim);
  g_assert_cmpint (sm_curation_item_get_state (claim, NULL), ==, SM_CURATION_EDITED);
  g_assert_nonnull (sm_document_find_exact_span (document, 23, 33, "FIGURE"));
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);
}

static void
test_curation_relations (void)
{
  /* All three tag the same spans; Ana and Chris link "it fell" to
   * Lukashenko, Ben to Raisi */
  const char *spans =
    " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n"
    "           {\"id\": \"T3\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33},\n"
    "           {\"id\": \"T4\", \"label\": \"CLAIM\", \"start\": 39, \"end\": 46}],\n";
  g_autofree char *ana = g_strconcat (HEAD ("Ana"), spans,
                                      " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T4\", \"to\": \"T3\"}]}", NULL);
  g_autofree char *ben = g_strconcat (HEAD ("Ben"), spans,
                                      " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T4\", \"to\": \"T1\"}]}", NULL);
  g_autofree char *chris = g_strconcat (HEAD ("Chris"), spans,
                                        " \"relations\": [{\"id\": \"R7\", \"type\": \"said_by\", \"from\": \"T4\", \"to\": \"T3\"}]}", NULL);
  g_autoptr(SmCuration) curation = curate (ana, ben, chris, NULL);
  SmDocument *document = sm_curation_get_document (curation);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *speaker = NULL;
  SmCurationItem *item;
  guint side;

  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 1);
  item = item_at (curation, 0);
  g_assert_cmpint (sm_curation_item_get_kind (item), ==, SM_CURATION_ITEM_RELATIONS);

  /* The side two annotators took comes first */
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 0)[0], ==, "Ana");
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 0)[1], ==, "Chris");
  summary = sm_curation_item_dup_side_summary (item, 1);
  g_assert_cmpstr (summary, ==, "said_by → “Raisi”");

  g_assert_true (sm_curation_take_side (curation, item, 1, &error));
  g_assert_no_error (error);
  speaker = speaker_text (document, 39);
  g_assert_cmpstr (speaker, ==, "Raisi");
  g_assert_true (sm_curation_take_side (curation, item, 0, &error));
  g_clear_pointer (&speaker, g_free);
  speaker = speaker_text (document, 39);
  g_assert_cmpstr (speaker, ==, "Lukashenko");
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 1);

  /* Raisi deleted by hand: Ben's side cannot be taken, and failing to
   * take it changes nothing (Ana's link, removed first, is back) */
  sm_document_remove_span (document, sm_document_find_exact_span (document, 0, 5, "SPEAKER"));
  g_assert_false (sm_curation_take_side (curation, item, 1, &error));
  g_assert_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_SIDE);
  g_clear_pointer (&speaker, g_free);
  speaker = speaker_text (document, 39);
  g_assert_cmpstr (speaker, ==, "Lukashenko");
  g_assert_cmpint (sm_curation_item_get_state (item, &side), ==, SM_CURATION_TAKEN);
  g_assert_cmpuint (side, ==, 0);
  sm_document_undo (document);
  g_assert_nonnull (sm_document_find_exact_span (document, 0, 5, "SPEAKER"));
}

static SmDocument *
save_and_load (SmDocument *document)
{
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(GError) error = NULL;
  SmDocument *loaded = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  return loaded;
}

static void
test_curation_resume (void)
{
  g_autoptr(SmCuration) curation = curate (ANA, BEN, NULL);
  g_autoptr(SmCuration) resumed = NULL;
  g_autoptr(SmDocument) loaded = NULL;
  g_autoptr(SmDocument) finished = NULL;
  g_autoptr(GError) error = NULL;
  SmCurationItem *item;
  JsonNode *record;
  JsonObject *first;

  /* Saved undecided: the record says so, and the file resumes */
  loaded = save_and_load (sm_curation_get_document (curation));
  g_assert_true (sm_curation_has_record (loaded));
  record = sm_format_get_extra_member (loaded, SM_CURATION_MEMBER);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (record), "curator"), ==, "Carla");
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (record), "items"), 0);
  g_assert_false (json_object_has_member (first, "decision"));

  resumed = sm_curation_new_for_document (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (resumed)), ==, 2);
  item = item_at (resumed, 1);
  g_assert_cmpuint (sm_curation_item_get_n_sides (item), ==, 2);
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 1)[0], ==, "Ben");

  /* Decided after resuming: the file records it, and is finished */
  g_assert_true (sm_curation_take_side (resumed, item, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sm_curation_take_side (resumed, item_at (resumed, 0), 1, &error));
  finished = save_and_load (loaded);
  g_assert_false (sm_curation_has_record (finished));
  record = sm_format_get_extra_member (finished, SM_CURATION_MEMBER);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (record), "items"), 1);
  g_assert_cmpstr (json_object_get_string_member (first, "decision"), ==, "taken");
  g_assert_cmpint (json_object_get_int_member (first, "side"), ==, 1);
  g_assert_cmpuint (sm_document_get_n_spans (finished), ==, 4);
}

/* A curation begun before the curator said who they are (the window asks
 * at the first save) records the name the file is saved with */
static void
test_curation_curator_named_later (void)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(SmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  SmDocument *document;
  JsonNode *record;

  g_ptr_array_add (versions, parse (ANA));
  g_ptr_array_add (versions, parse (BEN));
  curation = sm_curation_new (versions, "", &error);
  g_assert_no_error (error);
  document = sm_curation_get_document (curation);
  g_assert_true (sm_curation_take_side (curation, item_at (curation, 0), 0, &error));
  g_assert_no_error (error);

  g_assert_true (sm_document_set_default_annotator (document, "Carla"));
  loaded = save_and_load (document);
  g_assert_cmpstr (sm_document_get_annotator (loaded), ==, "Carla");
  record = sm_format_get_extra_member (loaded, SM_CURATION_MEMBER);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member_with_default (json_node_get_object (record), "curator", NULL),
                   ==, "Carla");
}

/* A merge whose sides relabelled Lukashenko differently and set different
 * statuses: the merged file curates both conflicts */
static void
test_curation_merge_conflicts (void)
{
  g_autoptr(SmDocument) base = parse (ANA);
  g_autoptr(SmDocument) ours = parse (ANA);
  g_autoptr(SmDocument) theirs = parse (ANA);
  g_autoptr(SmDocument) merged = NULL;
  g_autoptr(SmDocument) loaded = NULL;
  g_autoptr(SmDocument) finished = NULL;
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GError) error = NULL;
  SmCurationItem *item;
  guint n_conflicts = 0;
  g_autofree char *summary = NULL;

  g_assert_true (sm_document_set_span_label (ours, sm_document_find_span (ours, "T3"), "FIGURE", NULL));
  g_assert_true (sm_document_set_span_label (theirs, sm_document_find_span (theirs, "T3"), "CLAIM", NULL));
  sm_document_set_status (ours, SM_DOCUMENT_STATUS_DONE);
  sm_document_set_status (theirs, SM_DOCUMENT_STATUS_IN_PROGRESS);
  merged = sm_merge_documents (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 2);
  loaded = save_and_load (merged);
  g_assert_true (sm_curation_has_record (loaded));

  curation = sm_curation_new_for_document (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 2);

  /* The status first (about the whole document), then Lukashenko */
  item = item_at (curation, 0);
  g_assert_cmpint (sm_curation_item_get_kind (item), ==, SM_CURATION_ITEM_STATUS);
  g_assert_true (sm_curation_take_side (curation, item, 1, &error));
  g_assert_cmpint (sm_document_get_status (loaded), ==, SM_DOCUMENT_STATUS_IN_PROGRESS);

  item = item_at (curation, 1);
  g_assert_cmpint (sm_curation_item_get_kind (item), ==, SM_CURATION_ITEM_SPANS);
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 0)[0], ==, "Ana");
  g_assert_cmpstr (sm_curation_item_get_side_annotators (item, 1)[0], ==, "Theirs");
  summary = sm_curation_item_dup_side_summary (item, 1);
  g_assert_cmpstr (summary, ==, "CLAIM “Lukashenko”");

  /* Theirs relabels the span in place: its id stays */
  g_assert_true (sm_curation_take_side (curation, item, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (loaded, "T3")), ==, "CLAIM");

  /* Undecided conflicts stay in "conflicts"; decided ones leave it */
  sm_document_undo (loaded);
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (loaded, "T3")), ==, "FIGURE");
  finished = save_and_load (loaded);
  g_assert_cmpuint (sm_merge_count_conflicts (finished), ==, 1);
  g_clear_object (&finished);

  sm_document_redo (loaded);
  finished = save_and_load (loaded);
  g_assert_cmpuint (sm_merge_count_conflicts (finished), ==, 0);
  g_assert_false (sm_curation_has_record (finished));
  g_assert_cmpstr (sm_span_get_label (sm_document_find_span (finished, "T3")), ==, "CLAIM");
}

/* Each side gave "it fell" a different speaker: their speaker is found by
 * what it is, though the merge may have renumbered it */
static void
test_curation_merge_speaker (void)
{
  SmDocument *sides[3];
  g_autoptr(SmDocument) merged = NULL;
  g_autoptr(SmDocument) loaded = NULL;
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *summary = NULL;
  SmCurationItem *item;
  guint n_conflicts = 0;

  for (guint i = 0; i < 3; i++)
    {
      sides[i] = parse (ANA);
      sm_document_remove_relation (sides[i], sm_document_find_relation (sides[i], "R2"));
    }
  g_assert_true (sm_document_set_speaker (sides[1], sm_document_find_span (sides[1], "T4"),
                                          sm_document_find_span (sides[1], "T1"), NULL));
  g_assert_true (sm_document_set_speaker (sides[2], sm_document_find_span (sides[2], "T4"),
                                          sm_document_find_span (sides[2], "T3"), NULL));
  merged = sm_merge_documents (sides[0], sides[1], sides[2], &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 1);
  loaded = save_and_load (merged);

  curation = sm_curation_new_for_document (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 1);
  item = item_at (curation, 0);
  g_assert_cmpint (sm_curation_item_get_kind (item), ==, SM_CURATION_ITEM_RELATIONS);
  summary = sm_curation_item_dup_side_summary (item, 1);
  g_assert_cmpstr (summary, ==, "said_by → “Lukashenko”");
  speaker = speaker_text (loaded, 39);
  g_assert_cmpstr (speaker, ==, "Raisi");

  g_assert_true (sm_curation_take_side (curation, item, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&speaker, g_free);
  speaker = speaker_text (loaded, 39);
  g_assert_cmpstr (speaker, ==, "Lukashenko");
  g_assert_cmpuint (sm_merge_count_conflicts (loaded), ==, 0);

  for (guint i = 0; i < 3; i++)
    g_object_unref (sides[i]);
}

static void
test_curation_majority (void)
{
  /* Chris tags as Ana did: two of three for Ana's side in both places */
  g_autofree char *chris = g_strdup (ANA);
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(SmCuration) pair = NULL;
  g_autofree char *spans = NULL;
  SmDocument *document;

  memcpy (strstr (chris, "\"Ana\""), "\"Eve\"", 5);
  curation = curate (ANA, BEN, chris, NULL);
  document = sm_curation_get_document (curation);
  g_assert_cmpuint (g_list_model_get_n_items (sm_curation_get_items (curation)), ==, 2);
  g_assert_cmpuint (sm_curation_take_majority (curation), ==, 2);
  spans = describe_spans (document);
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21, SPEAKER 23-33, CLAIM 39-46");
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 2);

  /* One action: one undo takes all back */
  sm_document_undo (document);
  g_assert_cmpuint (sm_curation_get_n_decided (curation), ==, 0);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);

  /* Two versions have no majority; one annotator's sides can be taken */
  pair = curate (ANA, BEN, NULL);
  g_assert_cmpuint (sm_curation_take_majority (pair), ==, 0);
  g_assert_cmpuint (sm_curation_take_annotator (pair, "Nobody"), ==, 0);
  g_assert_cmpuint (sm_curation_take_annotator (pair, "Ben"), ==, 2);
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (sm_curation_get_document (pair));
  g_assert_cmpstr (spans, ==, "SPEAKER 0-5, CLAIM 11-21, CLAIM 23-33, CLAIM 34-46");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curation/agreed", test_curation_agreed);
  g_test_add_func ("/curation/texts-differ", test_curation_texts_differ);
  g_test_add_func ("/curation/broken-relation", test_curation_broken_relation);
  g_test_add_func ("/curation/take-undo", test_curation_take_undo);
  g_test_add_func ("/curation/relations", test_curation_relations);
  g_test_add_func ("/curation/resume", test_curation_resume);
  g_test_add_func ("/curation/merge-conflicts", test_curation_merge_conflicts);
  g_test_add_func ("/curation/merge-speaker", test_curation_merge_speaker);
  g_test_add_func ("/curation/majority", test_curation_majority);
  g_test_add_func ("/curation/curator-named-later", test_curation_curator_named_later);

  return g_test_run ();
}
