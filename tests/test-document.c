/* test-document.c: the annotation model, its rules, its queries and its history.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-document.h"
#include "sm-span-index.h"
#include "sm-span-private.h"

static const char article[] =
  "“We will cooperate,” President Raisi said. Trade reached $100 million, Lukashenko said.";

static SmDocument *
new_document (void)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

static guint
offset_of (const char *needle)
{
  const char *found = g_strstr_len (article, -1, needle);

  g_assert_nonnull (found);
  return (guint) g_utf8_pointer_to_offset (article, found);
}

static SmSpan *
add (SmDocument *document,
     const char *label,
     const char *needle)
{
  g_autoptr(GError) error = NULL;
  guint start = offset_of (needle);
  SmSpan *span;

  span = sm_document_add_span (document, label, start, start + g_utf8_strlen (needle, -1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);

  return span;
}

/* The spans in the list model, as "ID:LABEL:start-end" in order */
static char *
describe_spans (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_string_append_printf (out, "%s%s:%s:%u-%u", i ? " " : "",
                              sm_span_get_id (span), sm_span_get_label (span),
                              sm_span_get_start (span), sm_span_get_end (span));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_new_document (void)
{
  g_autoptr(SmDocument) document = new_document ();
  GListModel *labels = sm_document_get_labels (document);

  g_assert_cmpstr (sm_document_get_name (document), ==, "article");
  g_assert_cmpuint (sm_document_get_length (document), ==, g_utf8_strlen (article, -1));
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_NEW);
  g_assert_false (sm_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 3);
  g_assert_cmpstr (sm_label_get_key (sm_document_find_label (document, "SPEAKER")), ==, "1");
  g_assert_cmpstr (sm_label_get_key (sm_document_find_label (document, "CLAIM")), ==, "2");
  g_assert_cmpstr (sm_label_get_key (sm_document_find_label (document, "FIGURE")), ==, "3");
  g_assert_true (sm_document_find_label_by_key (document, "3") ==
                 sm_document_find_label (document, "FIGURE"));
}

static void
test_add_span (void)
{
  g_autoptr(SmDocument) document = new_document ();
  SmSpan *speaker, *claim;

  speaker = add (document, "SPEAKER", "President Raisi");
  claim = add (document, "CLAIM", "“We will cooperate,”");

  g_assert_cmpstr (sm_span_get_id (speaker), ==, "T1");
  g_assert_cmpstr (sm_span_get_id (claim), ==, "T2");
  g_assert_cmpstr (sm_span_get_text (speaker), ==, "President Raisi");
  g_assert_cmpstr (sm_span_get_text (claim), ==, "“We will cooperate,”");
  g_assert_cmpuint (sm_span_get_start (claim), ==, 0);
  g_assert_cmpuint (sm_span_get_end (claim), ==, 20);

  /* Document order, not creation order */
  g_assert_true (g_list_model_get_item (sm_document_get_spans (document), 0) == (gpointer) claim);
  g_object_unref (claim);
  g_assert_true (sm_document_find_span (document, "T1") == speaker);
  g_assert_cmpuint (sm_document_count_spans_with_label (document, "SPEAKER"), ==, 1);

  /* Annotating puts a new document in progress, and marks it modified */
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_true (sm_document_get_modified (document));
}

static void
test_nested_and_overlapping_allowed (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autofree char *description = NULL;
  guint start = offset_of ("Trade");
  guint end = offset_of (", Lukashenko");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (sm_document_add_span (document, "CLAIM", start, end, &error));
  add (document, "FIGURE", "$100 million");
  /* The same range with another label is not a duplicate */
  g_assert_nonnull (sm_document_add_span (document, "FIGURE", start, end, &error));
  /* Overlapping, neither inside the other */
  g_assert_nonnull (sm_document_add_span (document, "SPEAKER", start + 2, end + 5, &error));
  g_assert_no_error (error);

  description = describe_spans (document);
  g_assert_cmpstr (description, ==,
                   "T1:CLAIM:43-69 T3:FIGURE:43-69 T4:SPEAKER:45-74 T2:FIGURE:57-69");
}

static void
test_bad_spans_refused (void)
{
  g_autoptr(SmDocument) document = new_document ();
  guint length = sm_document_get_length (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SmSpan *span;

  span = add (document, "SPEAKER", "Lukashenko");

  g_assert_null (sm_document_add_span (document, "SPEAKER", sm_span_get_start (span),
                                       sm_span_get_end (span), &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "span T1 already has label SPEAKER on [71, 81)");
  g_clear_error (&error);

  g_assert_null (sm_document_add_span (document, "CLAIM", 5, 5, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "empty span at 5: a span must cover at least one character");
  g_clear_error (&error);

  g_assert_null (sm_document_add_span (document, "CLAIM", 9, 5, &error));
  g_assert_cmpstr (error->message, ==, "start 9 is after end 5");
  g_clear_error (&error);

  g_assert_null (sm_document_add_span (document, "CLAIM", 0, length + 1, &error));
  message = g_strdup_printf ("end %u is past the end of the text (%u characters)", length + 1, length);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  g_assert_null (sm_document_add_span (document, "PERSON", 0, 4, &error));
  g_assert_cmpstr (error->message, ==, "unknown label “PERSON”; the document’s labels do not include it");
  g_clear_error (&error);

  /* Relabelling or moving onto a duplicate is refused too */
  span = add (document, "CLAIM", "Lukashenko");
  g_assert_false (sm_document_set_span_label (document, span, "SPEAKER", &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Nothing refused reached the model */
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
}

static void
test_ids_never_reused (void)
{
  g_autoptr(SmDocument) document = new_document ();
  SmSpan *span;

  add (document, "SPEAKER", "Raisi");
  span = add (document, "SPEAKER", "Lukashenko");
  g_assert_cmpstr (sm_span_get_id (span), ==, "T2");

  sm_document_remove_span (document, span);
  span = add (document, "FIGURE", "$100 million");
  g_assert_cmpstr (sm_span_get_id (span), ==, "T3");

  /* Not even when the removal is undone and the new span dropped */
  sm_document_undo (document);
  sm_document_undo (document);
  span = add (document, "CLAIM", "Trade");
  g_assert_cmpstr (sm_span_get_id (span), ==, "T4");
}

static void
test_relations (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  SmSpan *speaker, *claim, *other_speaker;
  SmRelation *relation;

  claim = add (document, "CLAIM", "“We will cooperate,”");
  speaker = add (document, "SPEAKER", "President Raisi");
  other_speaker = add (document, "SPEAKER", "Lukashenko");

  g_assert_true (sm_document_set_speaker (document, claim, other_speaker, &error));
  g_assert_true (sm_document_get_speaker (document, claim) == other_speaker);

  /* Attributing again replaces, never adds a second speaker */
  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));
  g_assert_no_error (error);
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 1);

  relation = g_list_model_get_item (sm_document_get_relations (document), 0);
  g_assert_cmpstr (sm_relation_get_id (relation), ==, "R2");
  g_assert_cmpstr (sm_relation_get_type_name (relation), ==, "said_by");
  g_assert_true (sm_relation_get_from (relation) == claim);
  g_assert_true (sm_relation_get_to (relation) == speaker);
  g_object_unref (relation);

  /* Only a claim is said by a speaker */
  g_assert_false (sm_document_set_speaker (document, speaker, other_speaker, &error));
  g_assert_cmpstr (error->message, ==, "span T2 is labelled SPEAKER, but a said_by relation goes from CLAIM");
  g_clear_error (&error);
  g_assert_false (sm_document_set_speaker (document, claim, claim, &error));
  g_assert_cmpstr (error->message, ==, "span T1 is labelled CLAIM, but a said_by relation goes to SPEAKER");
  g_clear_error (&error);

  /* No duplicates, no self-relations */
  g_assert_null (sm_document_add_relation (document, "said_by", claim, speaker, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "relation R2 already links T1 to T2 as said_by");
  g_clear_error (&error);
  g_assert_null (sm_document_add_relation (document, "said_by", claim, claim, &error));
  g_assert_cmpstr (error->message, ==, "span T1 cannot be related to itself");
  g_clear_error (&error);
  g_assert_null (sm_document_add_relation (document, "said by", claim, other_speaker, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting a span deletes its relations, and undo brings both back */
  sm_document_remove_span (document, speaker);
  g_assert_null (sm_document_get_speaker (document, claim));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  relations = sm_document_get_relations_of_span (document, claim);
  g_assert_cmpuint (relations->len, ==, 0);

  sm_document_undo (document);
  g_assert_true (sm_document_find_span (document, "T2") == speaker);
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
}

static void
test_relabel_and_move_keep_order (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SmSpan *span;

  add (document, "SPEAKER", "President Raisi");
  span = add (document, "CLAIM", "Lukashenko");
  before = describe_spans (document);

  g_assert_true (sm_document_set_span_range (document, span, 0, 5, &error));
  g_assert_cmpstr (sm_span_get_text (span), ==, "“We w");
  g_assert_true (sm_document_set_span_label (document, span, "FIGURE", &error));
  g_assert_no_error (error);
  after = describe_spans (document);
  g_assert_cmpstr (after, ==, "T2:FIGURE:0-5 T1:SPEAKER:21-36");

  sm_document_set_span_note (document, span, "check this");
  g_assert_cmpstr (sm_span_get_note (span), ==, "check this");

  sm_document_undo (document);
  g_assert_null (sm_span_get_note (span));
  sm_document_undo (document);
  sm_document_undo (document);
  g_free (after);
  after = describe_spans (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (sm_span_get_text (span), ==, "Lukashenko");
}

static void
test_undo_redo_sequence (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  SmSpan *claim, *speaker;

  g_ptr_array_add (states, describe_spans (document));
  claim = add (document, "CLAIM", "“We will cooperate,”");
  g_ptr_array_add (states, describe_spans (document));
  speaker = add (document, "SPEAKER", "President Raisi");
  g_ptr_array_add (states, describe_spans (document));
  sm_document_set_span_label (document, speaker, "FIGURE", NULL);
  g_ptr_array_add (states, describe_spans (document));
  sm_document_remove_span (document, claim);
  g_ptr_array_add (states, describe_spans (document));

  /* All the way back and forward again, state by state */
  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (sm_document_can_undo (document));
      sm_document_undo (document);
      now = describe_spans (document);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_NEW);

  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (sm_document_can_redo (document));
      sm_document_redo (document);
      now = describe_spans (document);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (sm_document_can_redo (document));

  /* A new change after undo drops what could be redone */
  sm_document_undo (document);
  add (document, "FIGURE", "$100 million");
  g_assert_false (sm_document_can_redo (document));
}

static void
test_user_action_is_one_undo_step (void)
{
  g_autoptr(SmDocument) document = new_document ();

  add (document, "SPEAKER", "Raisi");

  sm_document_begin_user_action (document);
  add (document, "FIGURE", "$100");
  add (document, "FIGURE", "million");
  add (document, "CLAIM", "Trade");
  sm_document_end_user_action (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 4);

  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 1);
  sm_document_redo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 4);
}

static void
test_modified_follows_save_point (void)
{
  g_autoptr(SmDocument) document = new_document ();

  add (document, "SPEAKER", "Raisi");
  sm_document_set_modified (document, FALSE);
  g_assert_false (sm_document_get_modified (document));

  add (document, "SPEAKER", "Lukashenko");
  g_assert_true (sm_document_get_modified (document));
  sm_document_undo (document);
  g_assert_false (sm_document_get_modified (document));
  sm_document_undo (document);
  g_assert_true (sm_document_get_modified (document));
  sm_document_redo (document);
  g_assert_false (sm_document_get_modified (document));

  /* Once history forks past the save, no undo gets back to it */
  sm_document_undo (document);
  add (document, "CLAIM", "Trade");
  sm_document_undo (document);
  sm_document_redo (document);
  g_assert_true (sm_document_get_modified (document));
}

typedef struct
{
  guint n_changed;
  guint n_items_changed;
  guint range_start;
  guint range_end;
} Signals;

static void
on_changed (SmDocument *document,
            Signals    *signals)
{
  signals->n_changed++;
}

static void
on_range_changed (SmDocument *document,
                  guint       start,
                  guint       end,
                  Signals    *signals)
{
  signals->range_start = start;
  signals->range_end = end;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Signals    *signals)
{
  signals->n_items_changed++;
}

static void
test_signals (void)
{
  g_autoptr(SmDocument) document = new_document ();
  Signals signals = { 0 };

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &signals);
  g_signal_connect (document, "range-changed", G_CALLBACK (on_range_changed), &signals);
  g_signal_connect (sm_document_get_spans (document), "items-changed",
                    G_CALLBACK (on_items_changed), &signals);

  add (document, "SPEAKER", "Lukashenko");
  g_assert_cmpuint (signals.n_changed, ==, 1);
  g_assert_cmpuint (signals.n_items_changed, ==, 1);
  g_assert_cmpuint (signals.range_start, ==, 71);
  g_assert_cmpuint (signals.range_end, ==, 81);

  sm_document_undo (document);
  g_assert_cmpuint (signals.n_changed, ==, 2);
  g_assert_cmpuint (signals.n_items_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_spans (document)), ==, 0);
}

static guint
n_relations (SmDocument *document)
{
  return g_list_model_get_n_items (sm_document_get_relations (document));
}

/* A relation's ends always fit its type: said_by goes from a claim to a
 * speaker, whatever changes a label */
static void
test_relation_ends_fit_their_type (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  SmSpan *claim, *speaker, *other;

  claim = add (document, "CLAIM", "“We will cooperate,”");
  speaker = add (document, "SPEAKER", "President Raisi");
  other = add (document, "CLAIM", "Trade reached $100 million");
  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));

  /* A relation whose ends break its type is refused */
  g_assert_null (sm_document_add_relation (document, "said_by", speaker, claim, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "span T2 is labelled SPEAKER, but a said_by relation goes from CLAIM");
  g_clear_error (&error);
  g_assert_null (sm_document_add_relation (document, "said_by", other, claim, &error));
  g_assert_cmpstr (error->message, ==, "span T1 is labelled CLAIM, but a said_by relation goes to SPEAKER");
  g_clear_error (&error);

  /* The speaker becomes a claim: the link goes in the same undo step */
  g_assert_true (sm_document_set_span_label (document, speaker, "CLAIM", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_relations (document), ==, 0);
  g_assert_null (sm_document_get_speaker (document, claim));
  sm_document_undo (document);
  g_assert_cmpstr (sm_span_get_label (speaker), ==, "SPEAKER");
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  sm_document_redo (document);
  g_assert_cmpuint (n_relations (document), ==, 0);
  sm_document_undo (document);

  /* The claim becomes a figure: a figure is said by nobody */
  g_assert_true (sm_document_set_span_label (document, claim, "FIGURE", &error));
  g_assert_cmpuint (n_relations (document), ==, 0);
  sm_document_undo (document);
  g_assert_cmpuint (n_relations (document), ==, 1);

  /* Relabelling the speaker to another label that fits keeps the link */
  g_assert_true (sm_document_set_span_label (document, other, "FIGURE", &error));
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);

  /* Mapping every speaker onto another label does the same */
  g_assert_true (sm_document_relabel_spans (document, "SPEAKER", "FIGURE", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_relations (document), ==, 0);
  sm_document_undo (document);
  g_assert_cmpuint (n_relations (document), ==, 1);
}

static void
on_relations_dropped (SmDocument *document,
                      guint       n_relations,
                      guint      *total)
{
  *total += n_relations;
}

/* The document's relation types: the default, a schema's, and what a
 * change of them leaves */
static void
test_relation_types (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  const char * const claims[] = { "CLAIM", NULL };
  const char * const speakers_and_figures[] = { "SPEAKER", "FIGURE", NULL };
  const char * const bad[] = { "no label", NULL };
  SmSpan *claim, *speaker, *figure;
  guint dropped = 0;

  g_signal_connect (document, "relations-dropped", G_CALLBACK (on_relations_dropped), &dropped);

  /* By default claims are said by speakers */
  g_assert_cmpuint (sm_document_get_n_relation_types (document), ==, 1);
  g_assert_cmpstr (sm_document_get_relation_type (document, 0), ==, "said_by");
  g_assert_true (sm_document_allows_relation (document, "said_by", "CLAIM", "SPEAKER"));
  g_assert_false (sm_document_allows_relation (document, "said_by", "CLAIM", "CLAIM"));
  /* A type nobody declared links anything */
  g_assert_true (sm_document_allows_relation (document, "cites", "FIGURE", "CLAIM"));

  claim = add (document, "CLAIM", "“We will cooperate,”");
  speaker = add (document, "SPEAKER", "President Raisi");
  figure = add (document, "FIGURE", "$100 million");

  /* A schema lets claims be said by figures too; setting it is not an edit */
  g_assert_true (sm_document_set_relation_type (document, "said_by", claims, speakers_and_figures, &error));
  g_assert_no_error (error);
  g_assert_false (sm_document_set_relation_type (document, "said_by", claims, bad, &error));
  g_assert_cmpstr (error->message, ==, "“to” names “no label”, which is not a label id");
  g_clear_error (&error);
  g_assert_true (sm_document_set_speaker (document, claim, figure, &error));
  g_assert_no_error (error);
  g_assert_true (sm_document_check_relations (document, &error));

  /* The schema goes back to the default: the relation is kept, and reported */
  sm_document_reset_relation_types (document);
  g_assert_true (sm_document_get_speaker (document, claim) == figure);
  broken = sm_document_dup_broken_relations (document);
  g_assert_cmpuint (broken->len, ==, 1);
  g_assert_false (sm_document_check_relations (document, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "relation R1: span T3 is labelled FIGURE, but a said_by relation goes to SPEAKER");
  g_clear_error (&error);

  /* Removing the broken relations is one undoable step, and says how many */
  g_assert_cmpuint (sm_document_remove_broken_relations (document), ==, 1);
  g_assert_cmpuint (dropped, ==, 1);
  g_assert_cmpuint (n_relations (document), ==, 0);
  g_assert_true (sm_document_check_relations (document, NULL));
  sm_document_undo (document);
  g_assert_cmpuint (n_relations (document), ==, 1);

  /* Relabelling says how many links went, too */
  sm_document_remove_broken_relations (document);
  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));
  dropped = 0;
  g_assert_true (sm_document_set_span_label (document, speaker, "FIGURE", &error));
  g_assert_cmpuint (dropped, ==, 1);
}

/* A corpus's schema, taken on as a document is opened, is not an edit */
static void
test_adopted_label_set_is_not_an_edit (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GListStore) schema = g_list_store_new (SM_TYPE_LABEL);
  g_autoptr(GPtrArray) defaults = sm_label_new_default_set ();
  g_autoptr(SmLabel) source = sm_label_new ("SOURCE", "Source", "#1c71d8", "4");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;

  g_list_store_splice (schema, 0, 0, defaults->pdata, defaults->len);
  g_list_store_append (schema, source);

  kept = sm_document_adopt_label_set (document, G_LIST_MODEL (schema), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_nonnull (sm_document_find_label (document, "SOURCE"));
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));

  /* The user's own first edit is the first undo */
  add (document, "SOURCE", "Lukashenko");
  sm_document_undo (document);
  g_assert_nonnull (sm_document_find_label (document, "SOURCE"));
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
}

/* The lookups of a label by id and by key follow every change to the
 * label set: each label listed is found, and a label gone is not */
static void
assert_labels_found (SmDocument         *document,
                     const char * const *gone)
{
  GListModel *labels = sm_document_get_labels (document);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_assert_true (sm_document_find_label (document, sm_label_get_id (label)) == label);
      if (sm_label_get_key (label)[0] != '\0')
        g_assert_true (sm_document_find_label_by_key (document, sm_label_get_key (label)) == label);
    }

  g_assert_null (sm_document_find_label_by_key (document, "9"));

  for (guint i = 0; gone[i] != NULL; i++)
    g_assert_null (sm_document_find_label (document, gone[i]));
  g_assert_null (sm_document_find_label (document, NULL));
}

static void
test_find_label_follows_label_set (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) source = sm_label_new ("SOURCE", "Source", "#1c71d8", "4");
  g_autoptr(GListStore) schema = g_list_store_new (SM_TYPE_LABEL);
  g_autoptr(SmLabel) only = sm_label_new ("PLACE", "Place", "#26a269", "5");
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  g_auto(GStrv) kept = NULL;

  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });

  g_assert_true (sm_document_insert_label (document, source, 1, &error));
  g_assert_no_error (error);
  assert_labels_found (document, (const char *[]) { "NOPE", NULL });
  g_assert_true (sm_document_find_label (document, "SOURCE") == source);

  g_assert_true (sm_document_rename_label (document, "SOURCE", "Origin", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "ORIGIN");
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });
  g_assert_nonnull (sm_document_find_label (document, "ORIGIN"));

  sm_document_move_label (document, "ORIGIN", 0);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });

  g_assert_true (sm_document_set_label_key (document, "ORIGIN", "7", &error));
  g_assert_no_error (error);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });
  g_assert_null (sm_document_find_label_by_key (document, "4"));
  sm_document_undo (document);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });
  g_assert_nonnull (sm_document_find_label_by_key (document, "4"));

  sm_document_remove_label (document, "CLAIM");
  assert_labels_found (document, (const char *[]) { "CLAIM", "SOURCE", NULL });

  sm_document_undo (document);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });
  g_assert_nonnull (sm_document_find_label (document, "CLAIM"));

  sm_document_undo (document);
  sm_document_undo (document);
  assert_labels_found (document, (const char *[]) { "ORIGIN", NULL });
  g_assert_true (sm_document_find_label (document, "SOURCE") == source);

  sm_document_undo (document);
  assert_labels_found (document, (const char *[]) { "ORIGIN", "SOURCE", NULL });

  sm_document_redo (document);
  sm_document_redo (document);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });

  g_list_store_append (schema, only);
  kept = sm_document_adopt_label_set (document, G_LIST_MODEL (schema), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  assert_labels_found (document, (const char *[]) { "SOURCE", NULL });
  g_assert_nonnull (sm_document_find_label (document, "PLACE"));
}

/* What a document makes only when first needed (its suggestions, a
 * curator's decisions) answers as empty before, and works after */
static void
test_made_when_needed (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) plain = sm_label_new ("PLACE", NULL, NULL, NULL);
  g_autoptr(GPtrArray) in_range = NULL;
  GListModel *suggestions;

  g_assert_null (sm_document_get_decision (document, "T1"));
  sm_document_set_decision (document, "T1", NULL);
  g_assert_null (sm_document_get_decision (document, "T1"));
  g_assert_false (sm_document_can_undo (document));

  sm_document_set_decision (document, "T1", "accepted");
  g_assert_cmpstr (sm_document_get_decision (document, "T1"), ==, "accepted");
  sm_document_undo (document);
  g_assert_null (sm_document_get_decision (document, "T1"));
  sm_document_redo (document);
  g_assert_cmpstr (sm_document_get_decision (document, "T1"), ==, "accepted");
  sm_document_set_decision (document, "T1", NULL);
  g_assert_null (sm_document_get_decision (document, "T1"));

  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 0);
  g_assert_null (sm_document_find_suggestion (document, "S1"));
  in_range = sm_document_get_suggestions_in_range (document, 0, sm_document_get_length (document));
  g_assert_cmpuint (in_range->len, ==, 0);
  suggestions = sm_document_get_suggestions (document);
  g_assert_nonnull (suggestions);
  g_assert_true (sm_document_get_suggestions (document) == suggestions);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 0);

  /* A label made with nothing but an id */
  g_assert_cmpstr (sm_label_get_id (plain), ==, "PLACE");
  g_assert_cmpstr (sm_label_get_name (plain), ==, "PLACE");
  g_assert_cmpstr (sm_label_get_color (plain), ==, "#808080");
  g_assert_cmpstr (sm_label_get_key (plain), ==, "");
}

/* A span's label is interned, whether or not it was among the last few */
static void
test_labels_interned (void)
{
  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *label = g_strdup_printf ("LABEL_%u", (i * 7 + round) % 20);

          g_assert_true (_sm_span_intern_label (label) == g_intern_string (label));
        }
    }
}

static void
count_call (guint *count)
{
  (*count)++;
}

/* Relations of a document that has none yet: none are found, and the
 * list asked for before the first one follows it */
static void
test_relations_before_the_first (void)
{
  g_autoptr(SmDocument) document = new_document ();
  SmSpan *speaker = add (document, "SPEAKER", "President Raisi");
  SmSpan *claim = add (document, "CLAIM", "We will cooperate");
  g_autoptr(GPtrArray) of_span = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *relations;
  guint n_relations = 99;
  guint n_items = 0;

  g_assert_cmpuint (sm_document_get_n_relations (document), ==, 0);
  g_assert_null (sm_document_find_relation (document, "R1"));
  of_span = sm_document_get_relations_of_span (document, claim);
  g_assert_cmpuint (of_span->len, ==, 0);
  broken = sm_document_dup_broken_relations (document);
  g_assert_cmpuint (broken->len, ==, 0);
  g_assert_true (sm_document_check_relations (document, &error));
  g_assert_no_error (error);
  sm_document_count_label_uses (document, "CLAIM", &n_relations);
  g_assert_cmpuint (n_relations, ==, 0);

  relations = sm_document_get_relations (document);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  g_signal_connect_swapped (relations, "items-changed", G_CALLBACK (count_call), &n_items);

  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_true (sm_document_get_relations (document) == relations);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_cmpuint (sm_document_get_n_relations (document), ==, 1);
  g_assert_nonnull (sm_document_find_relation (document, "R1"));
  sm_document_count_label_uses (document, "CLAIM", &n_relations);
  g_assert_cmpuint (n_relations, ==, 1);

  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_relations (document), ==, 0);
  g_assert_null (sm_document_find_relation (document, "R1"));
}

/* Overlap queries against a brute-force scan on many generated spans */

typedef struct
{
  guint start;
  guint end;
} Range;

static void
test_overlap_queries_on_many_spans (void)
{
  const guint n_spans = 100000;
  const char *labels[] = { "SPEAKER", "CLAIM", "FIGURE" };
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  guint length;

  while (string->len < 400000)
    g_string_append (string, "Officials said the deal was worth 30 million. ");
  text = sm_text_new (string->str, string->len, NULL);
  length = sm_text_get_length (text);
  document = sm_document_new (text, "generated");

  sm_document_begin_user_action (document);
  while (sm_document_get_n_spans (document) < n_spans)
    {
      Range range;

      range.start = g_rand_int_range (rand, 0, length - 1);
      /* Mostly short spans, some long ones that nest many others */
      range.end = range.start + (g_rand_int_range (rand, 0, 100) < 3
                                 ? g_rand_int_range (rand, 1, 5000)
                                 : g_rand_int_range (rand, 1, 40));
      range.end = MIN (range.end, length);

      if (sm_document_add_span (document, labels[g_rand_int_range (rand, 0, 3)],
                                range.start, range.end, NULL))
        g_array_append_val (ranges, range);
    }
  sm_document_end_user_action (document);

  for (guint q = 0; q < 300; q++)
    {
      guint start = g_rand_int_range (rand, 0, length);
      guint end = MIN (length, start + g_rand_int_range (rand, 0, 60));
      g_autoptr(GPtrArray) found = NULL;
      guint expected = 0;

      for (guint i = 0; i < ranges->len; i++)
        {
          Range *r = &g_array_index (ranges, Range, i);

          if (start == end ? (r->start <= start && start < r->end)
                           : (r->start < end && r->end > start))
            expected++;
        }

      found = start == end ? sm_document_get_spans_at (document, start)
                           : sm_document_get_spans_in_range (document, start, end);
      g_assert_cmpuint (found->len, ==, expected);

      for (guint i = 0; i < found->len; i++)
        {
          SmSpan *span = g_ptr_array_index (found, i);

          g_assert_true (sm_span_get_start (span) < MAX (end, start + 1));
          g_assert_true (sm_span_get_end (span) > start);
          if (i > 0)
            g_assert_cmpint (sm_span_compare (g_ptr_array_index (found, i - 1), span), <, 0);
        }
    }

  /* The list model is in document order and agrees with its length */
  {
    GListModel *spans = sm_document_get_spans (document);
    g_autoptr(SmSpan) previous = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (spans), ==, n_spans);
    for (guint i = 0; i < n_spans; i += 997)
      {
        g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

        if (previous)
          g_assert_cmpint (sm_span_compare (previous, span), <, 0);
        g_set_object (&previous, span);
      }
  }

  /* Removing every other span keeps the index consistent */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (sm_document_get_spans (document), i);

      sm_document_remove_span (document, span);
    }
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, n_spans - 1000);
  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, n_spans - 999);
}

/* A span's extent changes in place: same id, links and note, the index
 * follows, one undo step; an extent the model forbids is refused */
static void
test_span_extent (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) at = NULL;
  guint length = sm_document_get_length (document);
  guint raisi = offset_of ("Raisi");
  SmSpan *speaker, *claim, *other;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  speaker = add (document, "SPEAKER", "Raisi");
  claim = add (document, "CLAIM", "We will cooperate");
  other = add (document, "SPEAKER", "President Raisi");
  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));
  g_assert_no_error (error);
  sm_document_set_span_note (document, claim, "a promise");

  /* Grow the speaker to "Raisi said", in one step */
  g_assert_true (sm_document_set_span_range (document, speaker, raisi, raisi + 10, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sm_span_get_id (speaker), ==, "T1");
  g_assert_cmpstr (sm_span_get_text (speaker), ==, "Raisi said");
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpstr (sm_span_get_note (claim), ==, "a promise");
  at = sm_document_get_spans_at (document, raisi + 7);
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_true (g_ptr_array_index (at, 0) == speaker);

  /* Shrink the claim: its note and speaker stay */
  g_assert_true (sm_document_set_span_range (document, claim, 1, 8, &error));
  g_assert_cmpstr (sm_span_get_text (claim), ==, "We will");
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpstr (sm_span_get_note (claim), ==, "a promise");
  g_clear_pointer (&at, g_ptr_array_unref);
  at = sm_document_get_spans_at (document, 10);
  g_assert_cmpuint (at->len, ==, 0);

  /* Refused: empty, backwards, past the end, or a copy of another span
   * with the same label; nothing changes */
  before = describe_spans (document);
  g_assert_false (sm_document_set_span_range (document, speaker, raisi, raisi, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_document_set_span_range (document, speaker, raisi + 3, raisi, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_document_set_span_range (document, speaker, raisi, length + 1, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_document_set_span_range (document, speaker, sm_span_get_start (other),
                                              sm_span_get_end (other), &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_clear_error (&error);
  after = describe_spans (document);
  g_assert_cmpstr (after, ==, before);

  /* Each change was one undo step */
  sm_document_undo (document);
  g_assert_cmpstr (sm_span_get_text (claim), ==, "We will cooperate");
  sm_document_undo (document);
  g_assert_cmpstr (sm_span_get_text (speaker), ==, "Raisi");
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpstr (sm_span_get_note (claim), ==, "a promise");
}

/* Signals of one Tag All Matches, its undo and its redo */
typedef struct
{
  guint n_changed;
  guint n_range_changed;
  guint n_ranges_changed;
  guint n_items_changed;
  guint n_notify_n_spans;
  /* what the range signals covered: 1 for each code point */
  GArray *covered;
} BatchSignals;

static void
on_batch_changed (SmDocument   *document,
                  BatchSignals *signals)
{
  signals->n_changed++;
}

static void
cover (BatchSignals *signals,
       guint         start,
       guint         end)
{
  for (guint i = start; i < end && i < signals->covered->len; i++)
    g_array_index (signals->covered, guint8, i) = 1;
}

static void
on_batch_range_changed (SmDocument   *document,
                        guint         start,
                        guint         end,
                        BatchSignals *signals)
{
  signals->n_range_changed++;
  cover (signals, start, end);
}

static void
on_batch_ranges_changed (SmDocument   *document,
                         GArray       *ranges,
                         BatchSignals *signals)
{
  signals->n_ranges_changed++;
  g_assert_cmpuint (ranges->len % 2, ==, 0);
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      /* In order, apart, each a real range */
      g_assert_cmpuint (g_array_index (ranges, guint, i), <, g_array_index (ranges, guint, i + 1));
      if (i > 0)
        g_assert_cmpuint (g_array_index (ranges, guint, i - 1), <, g_array_index (ranges, guint, i));
      cover (signals, g_array_index (ranges, guint, i), g_array_index (ranges, guint, i + 1));
    }
}

static void
on_batch_items_changed (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        BatchSignals *signals)
{
  signals->n_items_changed++;
}

static void
on_batch_notify (SmDocument   *document,
                 GParamSpec   *pspec,
                 BatchSignals *signals)
{
  signals->n_notify_n_spans++;
}

/* One emission of each kind, and every match's range among those told
 * (but the one inside a span of the label, left alone) */
static void
assert_one_batch (BatchSignals *signals,
                  GArray       *matches)
{
  g_assert_cmpuint (signals->n_changed, ==, 1);
  g_assert_cmpuint (signals->n_notify_n_spans, ==, 1);
  g_assert_cmpuint (signals->n_items_changed, <=, 1);
  g_assert_cmpuint (signals->n_range_changed + signals->n_ranges_changed, <=, 1);
  for (guint i = 2; i + 1 < matches->len; i += 2)
    for (guint j = g_array_index (matches, guint, i); j < g_array_index (matches, guint, i + 1); j++)
      g_assert_cmpuint (g_array_index (signals->covered, guint8, j), ==, 1);

  memset (signals->covered->data, 0, signals->covered->len);
  signals->n_changed = signals->n_range_changed = signals->n_ranges_changed = 0;
  signals->n_items_changed = signals->n_notify_n_spans = 0;
}

/* Tag All Matches of a word found hundreds of times, its undo and its
 * redo, each change the model once and tell it once: a view redraws,
 * and the span list updates, in one pass and not a pass a span */
static void
test_tag_matches_signals_once (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *again = NULL;
  BatchSignals signals = { 0 };
  guint length, n_tagged = 0;

  for (guint i = 0; i < 300; i++)
    g_string_append (string, "Minsk and Tehran. ");
  text = sm_text_new (string->str, -1, NULL);
  document = sm_document_new (text, "many");
  length = sm_document_get_length (document);
  /* A span already there, and the first match inside a span of the label */
  g_assert_nonnull (sm_document_add_span (document, "CLAIM", 10, 16, NULL));
  g_assert_nonnull (sm_document_add_span (document, "SPEAKER", 0, 5, NULL));
  before = describe_spans (document);

  for (guint i = 0; i < 300; i++)
    {
      guint start = i * 18;
      guint end = start + 5;

      g_array_append_val (matches, start);
      g_array_append_val (matches, end);
    }

  signals.covered = g_array_sized_new (FALSE, TRUE, 1, length);
  g_array_set_size (signals.covered, length);
  g_signal_connect (document, "changed", G_CALLBACK (on_batch_changed), &signals);
  g_signal_connect (document, "range-changed", G_CALLBACK (on_batch_range_changed), &signals);
  if (g_signal_lookup ("ranges-changed", SM_TYPE_DOCUMENT) != 0)
    g_signal_connect (document, "ranges-changed", G_CALLBACK (on_batch_ranges_changed), &signals);
  g_signal_connect (document, "notify::n-spans", G_CALLBACK (on_batch_notify), &signals);
  g_signal_connect (sm_document_get_spans (document), "items-changed",
                    G_CALLBACK (on_batch_items_changed), &signals);

  g_assert_true (sm_document_tag_matches (document, "SPEAKER", matches, &n_tagged, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_tagged, ==, 299);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 301);
  tagged = describe_spans (document);
  assert_one_batch (&signals, matches);

  sm_document_undo (document);
  again = describe_spans (document);
  g_assert_cmpstr (again, ==, before);
  assert_one_batch (&signals, matches);

  sm_document_redo (document);
  g_clear_pointer (&again, g_free);
  again = describe_spans (document);
  g_assert_cmpstr (again, ==, tagged);
  assert_one_batch (&signals, matches);

  /* A single span is still told as before: its range and its row */
  sm_document_undo (document);
  g_signal_handlers_disconnect_by_data (document, &signals);
  g_signal_handlers_disconnect_by_data (sm_document_get_spans (document), &signals);
  g_array_unref (signals.covered);
}

static char *
describe_matches (GArray *matches)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i + 1 < matches->len; i += 2)
    g_string_append_printf (out, "%s%u-%u", i ? " " : "", g_array_index (matches, guint, i),
                            g_array_index (matches, guint, i + 1));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_matches (GArray     *matches,
                const char *expected)
{
  g_autofree char *described = describe_matches (matches);

  g_assert_cmpstr (described, ==, expected);
}

static void
on_found (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GArray **matches = user_data;
  g_autoptr(GError) error = NULL;

  *matches = sm_document_find_matches_finish (SM_DOCUMENT (object), result, &error);
  if (*matches == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *matches = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_set_size (*matches, 1);
    }
}

/* The search bar's matches: case-insensitive, past non-ASCII text, whole
 * words as selections snap to them, the same in a worker, and a search
 * cancelled says so */
static void
test_find_matches (void)
{
  g_autoptr(SmText) text = sm_text_new ("Iran’s envoy met Iran’s ENVOY; the Envoys left. "
                                        "Çağ çağ ÇAĞ.", -1, NULL);
  g_autoptr(SmDocument) document = sm_document_new (text, "find");
  g_autoptr(GArray) all = sm_document_find_matches (document, "envoy", FALSE, NULL);
  g_autoptr(GArray) whole = sm_document_find_matches (document, "Envoy", TRUE, NULL);
  g_autoptr(GArray) turkish = sm_document_find_matches (document, "çağ", TRUE, NULL);
  g_autoptr(GArray) none = sm_document_find_matches (document, "", FALSE, NULL);
  g_autoptr(SmText) units_text = sm_text_new ("5 \u212Am, 6 KM, \u00E9t\u00E9 5 km", -1, NULL);
  g_autoptr(SmDocument) units = sm_document_new (units_text, "units");
  g_autoptr(GArray) kelvin = sm_document_find_matches (units, "km", FALSE, NULL);
  g_autoptr(GArray) accented = sm_document_find_matches (units, "\u00C9T\u00C9", FALSE, NULL);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  assert_matches (all, "7-12 24-29 35-40");
  assert_matches (whole, "7-12 24-29");
  assert_matches (turkish, "48-51 52-55 56-59");
  g_assert_cmpuint (none->len, ==, 0);
  /* Where a character outside ASCII folds into it (the Kelvin sign), and
   * past characters of two bytes */
  assert_matches (kelvin, "2-4 8-10 18-20");
  assert_matches (accented, "12-15");

  sm_document_find_matches_async (document, "envoy", TRUE, NULL, on_found, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_matches (found, "7-12 24-29");

  g_cancellable_cancel (cancellable);
  sm_document_find_matches_async (document, "envoy", TRUE, cancellable, on_found, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cancelled->len, ==, 1);
}

/* The spans by position, as a list view asks for them: in turn, the same
 * again, jumping, past the end, and after changes, also from inside the
 * change's own items-changed; each as the tree's own order has it */
typedef struct
{
  SmSpan *read;   /* at the position the change gives */
} Added;

static gboolean
collect_span (SmSpan   *span,
              gpointer  user_data)
{
  g_ptr_array_add (user_data, span);
  return TRUE;
}

static void
assert_in_order (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (spans);

  sm_span_index_foreach (SM_SPAN_INDEX (spans), collect_span, expected);
  g_assert_cmpuint (expected->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      g_autoptr(SmSpan) again = g_list_model_get_item (spans, i);

      g_assert_true (span == g_ptr_array_index (expected, i));
      g_assert_true (again == span);
    }
  g_assert_null (g_list_model_get_item (spans, n));
  g_assert_null (g_list_model_get_item (spans, n + 1));

  /* Backwards, and in jumps */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_assert_true (span == g_ptr_array_index (expected, i));
    }
  for (guint i = 0; i < n; i += 7)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, (i * 31) % n);

      g_assert_true (span == g_ptr_array_index (expected, (i * 31) % n));
    }
}

static void
on_span_added (GListModel *spans,
               guint       position,
               guint       removed,
               guint       added,
               Added      *watch)
{
  g_autoptr(SmSpan) span = NULL;

  if (added != 1)
    return;

  span = g_list_model_get_item (spans, position);
  g_set_object (&watch->read, span);
  if (position + 1 < g_list_model_get_n_items (spans))
    {
      g_autoptr(SmSpan) next = g_list_model_get_item (spans, position + 1);

      g_assert_nonnull (next);
      g_assert_true (sm_span_compare (span, next) <= 0);
    }
}

/* A span of @label at a place of the text it is not yet at */
static SmSpan *
add_somewhere (SmDocument *document,
               GRand      *rand,
               const char *label)
{
  SmSpan *span = NULL;

  while (span == NULL)
    {
      g_autoptr(GError) error = NULL;
      guint start = (guint) g_rand_int_range (rand, 0, 1990);
      guint length = (guint) g_rand_int_range (rand, 1, 10);

      span = sm_document_add_span (document, label, start, start + length, &error);
      if (span == NULL)
        g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
    }

  return span;
}

/* Reads the spans from the first to @position in turn, as a list view
 * walks them, and returns the last */
static SmSpan *
walk_to (GListModel *spans,
         guint       position)
{
  SmSpan *span = NULL;

  for (guint i = 0; i <= position; i++)
    {
      g_clear_object (&span);
      span = g_list_model_get_item (spans, i);
    }

  return span;
}

/* Reads the spans at @position and after, from where a walk to
 * @position left the list, and compares them with the tree's order */
static void
assert_walk_from (SmDocument *document,
                  guint       position)
{
  GListModel *spans = sm_document_get_spans (document);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  sm_span_index_foreach (SM_SPAN_INDEX (spans), collect_span, expected);
  for (guint i = position; i < MIN (expected->len, position + 3); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_assert_true (span == g_ptr_array_index (expected, i));
    }
}

static void
test_spans_by_position (void)
{
  g_autofree char *chars = g_strnfill (2000, 'x');
  g_autoptr(SmText) text = sm_text_new (chars, -1, NULL);
  g_autoptr(SmDocument) document = sm_document_new (text, "positions");
  GListModel *spans = sm_document_get_spans (document);
  const char *labels[] = { "SPEAKER", "CLAIM", "FIGURE" };
  GRand *rand = g_rand_new_with_seed (15);
  Added watch = { NULL };
  gulong handler;

  for (guint i = 0; i < 3000; i++)
    add_somewhere (document, rand, labels[i % 3]);
  assert_in_order (document);

  for (guint round = 0; round < 60; round++)
    {
      guint n = g_list_model_get_n_items (spans);
      guint middle = (guint) g_rand_int_range (rand, 1, (gint32) n - 1);
      g_autoptr(SmSpan) at = NULL;
      SmSpan *added;

      /* A walk stopped halfway, then the span it stopped at removed, or
       * the one before it */
      at = walk_to (spans, middle);
      if (round % 2 == 0)
        {
          sm_document_remove_span (document, at);
          assert_walk_from (document, middle);
        }
      else
        {
          g_autoptr(SmSpan) before = g_list_model_get_item (spans, middle - 1);

          g_clear_object (&at);
          at = g_list_model_get_item (spans, middle);
          sm_document_remove_span (document, before);
          assert_walk_from (document, middle);
        }

      /* A span added while a walk is halfway */
      g_clear_object (&at);
      at = walk_to (spans, middle);
      add_somewhere (document, rand, labels[round % 3]);
      assert_walk_from (document, middle);

      /* A span added, read back from inside the change */
      handler = g_signal_connect (spans, "items-changed", G_CALLBACK (on_span_added), &watch);
      added = add_somewhere (document, rand, labels[round % 3]);
      g_signal_handler_disconnect (spans, handler);
      g_assert_true (watch.read == added);
      g_clear_object (&watch.read);
    }
  assert_in_order (document);

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/new", test_new_document);
  g_test_add_func ("/document/add-span", test_add_span);
  g_test_add_func ("/document/nested-and-overlapping-allowed", test_nested_and_overlapping_allowed);
  g_test_add_func ("/document/bad-spans-refused", test_bad_spans_refused);
  g_test_add_func ("/document/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/document/relations", test_relations);
  g_test_add_func ("/document/relabel-and-move-keep-order", test_relabel_and_move_keep_order);
  g_test_add_func ("/document/undo-redo-sequence", test_undo_redo_sequence);
  g_test_add_func ("/document/user-action-is-one-undo-step", test_user_action_is_one_undo_step);
  g_test_add_func ("/document/modified-follows-save-point", test_modified_follows_save_point);
  g_test_add_func ("/document/signals", test_signals);
  g_test_add_func ("/document/relation-ends-fit-their-type", test_relation_ends_fit_their_type);
  g_test_add_func ("/document/relation-types", test_relation_types);
  g_test_add_func ("/document/adopted-label-set-is-not-an-edit", test_adopted_label_set_is_not_an_edit);
  g_test_add_func ("/document/find-label-follows-label-set", test_find_label_follows_label_set);
  g_test_add_func ("/document/made-when-needed", test_made_when_needed);
  g_test_add_func ("/document/labels-interned", test_labels_interned);
  g_test_add_func ("/document/relations-before-the-first", test_relations_before_the_first);
  g_test_add_func ("/document/overlap-queries-on-many-spans", test_overlap_queries_on_many_spans);
  g_test_add_func ("/document/span-extent", test_span_extent);
  g_test_add_func ("/document/tag-matches-signals-once", test_tag_matches_signals_once);
  g_test_add_func ("/document/find-matches", test_find_matches);
  g_test_add_func ("/document/spans-by-position", test_spans_by_position);

  return g_test_run ();
}
