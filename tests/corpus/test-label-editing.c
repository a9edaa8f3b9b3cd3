/* test-label-editing.c: a document's label set, edited through its undo history.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "corpus-fixtures.h"
#include "sm-document.h"
#include "sm-format.h"
#include "sm-project.h"

static const char article[] = "Raisi said trade grew. Lukashenko agreed.";

static SmDocument *
new_document (void)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

static SmSpan *
add (SmDocument *document,
     const char *label,
     guint       start,
     guint       end)
{
  g_autoptr(GError) error = NULL;
  SmSpan *span = sm_document_add_span (document, label, start, end, &error);

  g_assert_no_error (error);
  return span;
}

static char *
labels_of (SmDocument *document)
{
  return describe_labels (sm_document_get_labels (document));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* The spans and relations, as "T1:SPEAKER T2:CLAIM | R1:T2>T1" */
static char *
describe_annotations (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  GListModel *relations = sm_document_get_relations (document);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_string_append_printf (out, "%s:%s ", sm_span_get_id (span), sm_span_get_label (span));
    }

  /* Relations in id order: the list's own order is not kept by undo */
  g_string_append_c (out, '|');
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      g_ptr_array_add (sorted, g_strdup_printf (" %s:%s>%s", sm_relation_get_id (relation),
                                                sm_span_get_id (sm_relation_get_from (relation)),
                                                sm_span_get_id (sm_relation_get_to (relation))));
    }
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append (out, sorted->pdata[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_edits_undo_redo (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) quote = sm_label_new ("QUOTE", "Quote", "#c061cb", "4");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autofree char *reopened_labels = NULL;
  SmLabel *claim = sm_document_find_label (document, "CLAIM");
  guint n_undo;

  g_ptr_array_add (states, labels_of (document));

  g_assert_true (sm_document_insert_label (document, quote, 1, &error));
  g_ptr_array_add (states, labels_of (document));
  g_assert_true (sm_document_set_label_name (document, "CLAIM", "Assertion", &error));
  g_ptr_array_add (states, labels_of (document));
  g_assert_true (sm_document_set_label_color (document, "FIGURE", "#ff7800", &error));
  g_ptr_array_add (states, labels_of (document));
  g_assert_true (sm_document_set_label_key (document, "QUOTE", "q", &error));
  g_ptr_array_add (states, labels_of (document));
  sm_document_move_label (document, "FIGURE", 0);
  g_ptr_array_add (states, labels_of (document));
  g_assert_no_error (error);

  g_assert_cmpstr (states->pdata[states->len - 1], ==,
                   "FIGURE:Figure:#ff7800:3 SPEAKER:Speaker:#9141ac:1 QUOTE:Quote:#c061cb:q "
                   "CLAIM:Assertion:#e5a50a:2");
  /* The window binds to the label objects: they change in place */
  g_assert_true (sm_document_find_label (document, "CLAIM") == claim);
  g_assert_true (sm_document_get_modified (document));

  /* Each edit is one step back, in order */
  for (n_undo = states->len - 1; n_undo > 0; n_undo--)
    {
      g_autofree char *labels = NULL;

      g_assert_true (sm_document_can_undo (document));
      sm_document_undo (document);
      labels = labels_of (document);
      g_assert_cmpstr (labels, ==, states->pdata[n_undo - 1]);
    }
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));

  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *labels = NULL;

      sm_document_redo (document);
      labels = labels_of (document);
      g_assert_cmpstr (labels, ==, states->pdata[i]);
    }

  /* The edited set is what a file keeps */
  bytes = sm_format_serialize (document);
  reopened = sm_document_new_from_bytes (bytes, "article.json", &error);
  g_assert_no_error (error);
  reopened_labels = labels_of (reopened);
  g_assert_cmpstr (reopened_labels, ==, states->pdata[states->len - 1]);
}

static void
test_refused_edits (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) speaker = sm_label_new ("SPEAKER", "Someone", NULL, "");
  g_autoptr(SmLabel) quote = sm_label_new ("QUOTE", "Quote", NULL, "2");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = labels_of (document);
  g_autofree char *after = NULL;

  g_assert_false (sm_document_set_label_key (document, "FIGURE", "1", &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "key “1” already applies label SPEAKER; choose another, such as “4”");
  g_clear_error (&error);

  g_assert_false (sm_document_set_label_key (document, "FIGURE", "Delete", &error));
  g_assert_cmpstr (error->message, ==, "key “Delete” must be a single visible character");
  g_clear_error (&error);

  g_assert_false (sm_document_set_label_key (document, "FIGURE", "?", &error));
  g_assert_cmpstr (error->message, ==,
                   "key “?” cannot apply a label: use a digit from 1 to 9 or a letter from a to z"
                   " (the window keeps the other keys for its own shortcuts)");
  g_clear_error (&error);

  g_assert_false (sm_document_set_label_name (document, "FIGURE", "", &error));
  g_assert_cmpstr (error->message, ==, "a label’s name must not be empty");
  g_clear_error (&error);

  g_assert_false (sm_document_set_label_color (document, "FIGURE", "green", &error));
  g_assert_cmpstr (error->message, ==, "colour “green” is not of the form #RRGGBB");
  g_clear_error (&error);

  g_assert_false (sm_document_insert_label (document, speaker, 0, &error));
  g_assert_cmpstr (error->message, ==, "there is already a label with the id SPEAKER");
  g_clear_error (&error);

  g_assert_false (sm_document_insert_label (document, quote, 0, &error));
  g_assert_cmpstr (error->message, ==, "key “2” already applies label CLAIM; choose another, such as “4”");
  g_clear_error (&error);

  /* Nothing refused reached the labels or the history */
  after = labels_of (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
}

static void
test_remove_used_label (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autofree char *before = NULL;
  g_autofree char *labels_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *labels_after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *labels_undone = NULL;
  SmSpan *speaker, *other, *claim, *second_claim;
  guint n_relations = 99;

  speaker = add (document, "SPEAKER", 0, 5);
  claim = add (document, "CLAIM", 11, 21);
  second_claim = add (document, "CLAIM", 23, 41);
  other = add (document, "SPEAKER", 23, 33);
  add (document, "FIGURE", 11, 16);
  sm_document_set_speaker (document, claim, speaker, NULL);
  sm_document_set_speaker (document, second_claim, other, NULL);
  before = describe_annotations (document);
  labels_before = labels_of (document);
  g_assert_cmpstr (before, ==, "T1:SPEAKER T5:FIGURE T2:CLAIM T4:SPEAKER T3:CLAIM | R1:T2>T1 R2:T3>T4");

  /* What the window says before it asks */
  g_assert_cmpuint (sm_document_count_label_uses (document, "CLAIM", &n_relations), ==, 2);
  g_assert_cmpuint (n_relations, ==, 2);
  g_assert_cmpuint (sm_document_count_label_uses (document, "FIGURE", &n_relations), ==, 1);
  g_assert_cmpuint (n_relations, ==, 0);
  g_assert_cmpuint (sm_document_count_label_uses (document, "NOPE", NULL), ==, 0);

  /* The count is only a question: nothing changed */
  after = describe_annotations (document);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  sm_document_remove_label (document, "CLAIM");
  after = describe_annotations (document);
  labels_after = labels_of (document);
  g_assert_cmpstr (after, ==, "T1:SPEAKER T5:FIGURE T4:SPEAKER |");
  g_assert_cmpstr (labels_after, ==, "SPEAKER:Speaker:#9141ac:1 FIGURE:Figure:#2ec27e:3");
  g_assert_null (sm_document_find_span (document, "T2"));

  /* One undo brings the label, its spans and their relations back */
  sm_document_undo (document);
  undone = describe_annotations (document);
  labels_undone = labels_of (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (labels_undone, ==, labels_before);
  g_assert_true (sm_document_find_span (document, "T2") == claim);
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);

  /* The span edits before it are each still their own step */
  sm_document_undo (document);
  g_clear_pointer (&undone, g_free);
  undone = describe_annotations (document);
  g_assert_cmpstr (undone, ==, "T1:SPEAKER T5:FIGURE T2:CLAIM T4:SPEAKER T3:CLAIM | R1:T2>T1");

  sm_document_redo (document);
  sm_document_redo (document);
  g_clear_pointer (&undone, g_free);
  undone = describe_annotations (document);
  g_assert_cmpstr (undone, ==, "T1:SPEAKER T5:FIGURE T4:SPEAKER |");
  g_assert_false (sm_document_can_redo (document));
}

/* A file annotated with labels the project does not have */
static const char foreign_file[] =
  "{\"format\": \"spanmark\", \"version\": 1,\n"
  " \"document\": {\"name\": \"article\", \"text\": \"Raisi said trade grew. Lukashenko agreed.\"},\n"
  " \"labels\": [\n"
  "   {\"id\": \"SPEAKER\", \"name\": \"Speaker\", \"color\": \"#3584e4\", \"key\": \"1\"},\n"
  "   {\"id\": \"PERSON\", \"name\": \"Person\", \"color\": \"#9141ac\", \"key\": \"2\"},\n"
  "   {\"id\": \"ORG\", \"name\": \"Organisation\", \"color\": \"#865e3c\", \"key\": \"5\"},\n"
  "   {\"id\": \"CLAIM\", \"name\": \"Quote\", \"color\": \"#000000\", \"key\": \"3\"}\n"
  " ],\n"
  " \"spans\": [\n"
  "   {\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5},\n"
  "   {\"id\": \"T2\", \"label\": \"PERSON\", \"start\": 0, \"end\": 5},\n"
  "   {\"id\": \"T3\", \"label\": \"PERSON\", \"start\": 23, \"end\": 33},\n"
  "   {\"id\": \"T5\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21}\n"
  " ],\n"
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T5\", \"to\": \"T2\"}]\n"
  "}\n";

static SmDocument *
foreign_document (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (foreign_file, sizeof foreign_file - 1);
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_document_new_from_bytes (bytes, "article.json", &error);

  g_assert_no_error (error);
  return document;
}

static void
test_unknown_labels_kept_and_mapped (void)
{
  g_autoptr(SmDocument) document = foreign_document ();
  g_autoptr(SmProject) project = sm_project_new ();
  GListModel *schema = sm_project_get_labels (project);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) still_unknown = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autofree char *labels_before = labels_of (document);
  g_autofree char *annotations_before = describe_annotations (document);
  g_autofree char *labels = NULL;
  g_autofree char *annotations = NULL;
  guint n_spans = 0;

  g_assert_cmpstr (annotations_before, ==, "T2:PERSON T1:SPEAKER T5:CLAIM T3:PERSON | R1:T5>T2");

  unknown = sm_document_apply_label_set (document, schema, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (unknown, ((const char * const[]) { "PERSON", NULL }));

  /* The project's labels, in its order, as it defines them; PERSON kept
   * after them, without the key CLAIM now has; ORG, unused, gone */
  labels = labels_of (document);
  g_assert_cmpstr (labels, ==,
                   "SPEAKER:Speaker:#9141ac:1 CLAIM:Claim:#e5a50a:2 FIGURE:Figure:#2ec27e:3 "
                   "PERSON:Person:#9141ac:");
  annotations = describe_annotations (document);
  g_assert_cmpstr (annotations, ==, annotations_before);

  /* The document took copies: the project's labels stay the project's */
  g_assert_true (sm_document_find_label (document, "FIGURE") != sm_project_find_label (project, "FIGURE"));

  /* One undo step takes all of it back */
  sm_document_undo (document);
  g_clear_pointer (&labels, g_free);
  labels = labels_of (document);
  g_assert_cmpstr (labels, ==, labels_before);
  g_assert_false (sm_document_can_undo (document));
  sm_document_redo (document);

  /* Kept in the file too, never dropped */
  bytes = sm_format_serialize (document);
  reopened = sm_document_new_from_bytes (bytes, "article.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_count_spans_with_label (reopened, "PERSON"), ==, 2);

  /* Map PERSON onto SPEAKER: T3 is relabelled; T2 has the range of T1,
   * a SPEAKER already, so it merges into T1, and T5 is now said by T1 */
  g_assert_true (sm_document_relabel_spans (document, "PERSON", "SPEAKER", &n_spans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_spans, ==, 2);
  g_clear_pointer (&annotations, g_free);
  annotations = describe_annotations (document);
  g_assert_cmpstr (annotations, ==, "T1:SPEAKER T5:CLAIM T3:SPEAKER | R2:T5>T1");
  still_unknown = sm_document_dup_labels_missing_from (document, schema);
  g_assert_cmpstrv (still_unknown, ((const char * const[]) { NULL }));

  /* The mapping is one step too */
  sm_document_undo (document);
  g_clear_pointer (&annotations, g_free);
  annotations = describe_annotations (document);
  g_assert_cmpstr (annotations, ==, annotations_before);

  g_assert_false (sm_document_relabel_spans (document, "PERSON", "NOPE", NULL, &error));
  g_assert_cmpstr (error->message, ==, "unknown label “NOPE”; the document’s labels do not include it");
}

static void
test_apply_twice_changes_nothing (void)
{
  g_autoptr(SmDocument) document = foreign_document ();
  g_autoptr(SmProject) project = sm_project_new ();
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_autoptr(GError) error = NULL;

  first = sm_document_apply_label_set (document, sm_project_get_labels (project), &error);
  sm_document_set_modified (document, FALSE);
  second = sm_document_apply_label_set (document, sm_project_get_labels (project), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (second, (const char * const *) first);

  /* Nothing to do is not an action: no undo step, still unmodified */
  sm_document_undo (document);
  g_assert_false (sm_document_can_undo (document));
  sm_document_redo (document);
  g_assert_false (sm_document_get_modified (document));
}

static void
test_apply_refuses_bad_set (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GListStore) schema = g_list_store_new (SM_TYPE_LABEL);
  g_autoptr(SmLabel) a = sm_label_new ("A", NULL, NULL, "1");
  g_autoptr(SmLabel) b = sm_label_new ("B", NULL, NULL, "1");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *before = labels_of (document);
  g_autofree char *after = NULL;

  g_list_store_append (schema, a);
  g_list_store_append (schema, b);
  unknown = sm_document_apply_label_set (document, G_LIST_MODEL (schema), &error);
  g_assert_null (unknown);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "labels A and B both use the key “1”");

  after = labels_of (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (sm_document_can_undo (document));
}

/* A label no span uses takes its id from its new name, in one undoable
 * step; one that spans use, and Spanmark's own, keep theirs */
static void
test_rename_takes_id_from_name (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) added = sm_label_new ("LABEL_4", "Label 4", "#3584e4", "4");
  g_autoptr(SmLabel) quote = sm_label_new ("QUOTE", "Quote", "#c061cb", "q");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *labels = NULL;
  char *new_id = NULL;
  guint n_spans = 99;

  g_assert_true (sm_document_insert_label (document, added, G_MAXUINT, &error));
  g_assert_true (sm_document_insert_label (document, quote, G_MAXUINT, &error));
  g_assert_no_error (error);
  before = labels_of (document);

  g_assert_false (sm_document_label_keeps_id (document, "LABEL_4", &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_true (sm_document_rename_label (document, "LABEL_4", "Source", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "SOURCE");
  g_clear_pointer (&new_id, g_free);
  after = labels_of (document);
  g_assert_cmpstr (after, ==,
                   "SPEAKER:Speaker:#9141ac:1 CLAIM:Claim:#e5a50a:2 FIGURE:Figure:#2ec27e:3 "
                   "SOURCE:Source:#3584e4:4 QUOTE:Quote:#c061cb:q");

  /* One step each way */
  sm_document_undo (document);
  labels = labels_of (document);
  g_assert_cmpstr (labels, ==, before);
  g_clear_pointer (&labels, g_free);
  sm_document_redo (document);
  labels = labels_of (document);
  g_assert_cmpstr (labels, ==, after);
  g_clear_pointer (&labels, g_free);

  /* Never the id of another label; its own is not another's */
  g_assert_true (sm_document_rename_label (document, "SOURCE", "Quote", &new_id, &error));
  g_assert_cmpstr (new_id, ==, "QUOTE_2");
  g_clear_pointer (&new_id, g_free);
  g_assert_true (sm_document_rename_label (document, "QUOTE_2", "source", &new_id, &error));
  g_assert_cmpstr (new_id, ==, "SOURCE");
  g_clear_pointer (&new_id, g_free);
  g_assert_true (sm_document_rename_label (document, "SOURCE", "Source!", &new_id, &error));
  g_assert_cmpstr (new_id, ==, "SOURCE");
  g_clear_pointer (&new_id, g_free);
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (document, "SOURCE")), ==, "Source!");

  /* Used: the id stays, the name changes */
  add (document, "SOURCE", 0, 5);
  g_assert_true (sm_document_label_keeps_id (document, "SOURCE", &n_spans));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_true (sm_document_rename_label (document, "SOURCE", "Origin", &new_id, &error));
  g_assert_cmpstr (new_id, ==, "SOURCE");
  g_clear_pointer (&new_id, g_free);
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (document, "SOURCE")), ==, "Origin");

  /* Spanmark's own: claims are linked to speakers by these ids */
  g_assert_true (sm_document_label_keeps_id (document, "FIGURE", &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_true (sm_document_rename_label (document, "FIGURE", "Number", &new_id, &error));
  g_assert_cmpstr (new_id, ==, "FIGURE");
  g_clear_pointer (&new_id, g_free);

  /* An empty name changes nothing */
  g_clear_pointer (&labels, g_free);
  labels = labels_of (document);
  g_assert_false (sm_document_rename_label (document, "SOURCE", "", NULL, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_pointer (&after, g_free);
  after = labels_of (document);
  g_assert_cmpstr (after, ==, labels);
}

/* A relation type of the document names a label by its id, outside the
 * history: renaming the label keeps that id, so the type still fits */
static void
test_rename_keeps_id_a_relation_type_names (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(SmLabel) added = sm_label_new ("LABEL_4", "Label 4", "#3584e4", "4");
  const char * const from[] = { "LABEL_4", NULL };
  const char * const to[] = { SM_LABEL_SPEAKER, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  guint n_spans = 99;

  g_assert_true (sm_document_insert_label (document, added, G_MAXUINT, &error));
  g_assert_true (sm_document_set_relation_type (document, "cites", from, to, &error));
  g_assert_no_error (error);

  g_assert_true (sm_document_label_keeps_id (document, "LABEL_4", &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_true (sm_document_rename_label (document, "LABEL_4", "Source", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "LABEL_4");
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (document, "LABEL_4")), ==, "Source");
  g_assert_true (sm_document_allows_relation (document, "cites", "LABEL_4", SM_LABEL_SPEAKER));
}

static void
count_dropped (SmDocument *document,
               guint       n_relations,
               guint      *total)
{
  *total += n_relations;
}

/* A corpus's schema: taken on outside the history as a document opens,
 * and what a later change of it does to relations that no longer fit */
static void
test_project_applied_to_document (void)
{
  g_autoptr(SmDocument) document = foreign_document ();
  g_autoptr(SmProject) project = sm_project_new ();
  g_autoptr(SmLabel) person = sm_label_new ("PERSON", "Person", "#9141ac", "p");
  const char * const claims[] = { "CLAIM", NULL };
  const char * const speakers_and_people[] = { "SPEAKER", "PERSON", NULL };
  const char * const speakers[] = { "SPEAKER", NULL };
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;
  guint dropped = 0;

  g_signal_connect (document, "relations-dropped", G_CALLBACK (count_dropped), &dropped);

  /* R1, a claim said by a person, breaks the default said_by */
  broken = sm_document_dup_broken_relations (document);
  g_assert_cmpuint (broken->len, ==, 1);
  g_clear_pointer (&broken, g_ptr_array_unref);

  /* Opened in a corpus whose schema allows it: not an edit, nothing to undo */
  g_assert_true (sm_project_add_label (project, person, &error));
  g_assert_true (sm_project_set_relation_type (project, "said_by", claims, speakers_and_people, &error));
  g_assert_no_error (error);
  kept = sm_project_apply_to_document (project, document, SM_PROJECT_APPLY_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sm_document_find_label (document, "FIGURE"));
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
  g_assert_true (sm_document_check_relations (document, NULL));
  g_clear_pointer (&kept, g_strfreev);

  /* Opened with a stricter schema: the relation is kept, and reported */
  g_assert_true (sm_project_set_relation_type (project, "said_by", claims, speakers, &error));
  kept = sm_project_apply_to_document (project, document, SM_PROJECT_APPLY_NONE, &error);
  g_clear_pointer (&kept, g_strfreev);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 1);
  g_assert_false (sm_document_check_relations (document, NULL));
  g_assert_cmpuint (dropped, ==, 0);

  /* The schema changes on disk while it is open: the relation goes, as a
   * step undo takes back; the schema itself is not undone */
  kept = sm_project_apply_to_document (project, document, SM_PROJECT_APPLY_REMOVE_BROKEN, &error);
  g_clear_pointer (&kept, g_strfreev);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  g_assert_cmpuint (dropped, ==, 1);
  g_assert_true (sm_document_get_modified (document));
  sm_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 1);
  g_assert_false (sm_document_can_undo (document));
  g_assert_false (sm_document_get_modified (document));
  g_assert_false (sm_document_allows_relation (document, "said_by", "CLAIM", "PERSON"));

  /* An edit in the Labels dialog is one undoable step, removal included */
  sm_project_remove_label (project, "FIGURE");
  kept = sm_project_apply_to_document (project, document,
                                       SM_PROJECT_APPLY_AS_EDIT | SM_PROJECT_APPLY_REMOVE_BROKEN, &error);
  g_assert_null (sm_document_find_label (document, "FIGURE"));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  g_assert_cmpuint (dropped, ==, 2);
  sm_document_undo (document);
  g_assert_nonnull (sm_document_find_label (document, "FIGURE"));
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 1);
  g_assert_false (sm_document_can_undo (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-editing/edits-undo-redo", test_edits_undo_redo);
  g_test_add_func ("/label-editing/refused-edits", test_refused_edits);
  g_test_add_func ("/label-editing/remove-used-label", test_remove_used_label);
  g_test_add_func ("/label-editing/unknown-labels-kept-and-mapped", test_unknown_labels_kept_and_mapped);
  g_test_add_func ("/label-editing/apply-twice-changes-nothing", test_apply_twice_changes_nothing);
  g_test_add_func ("/label-editing/apply-refuses-bad-set", test_apply_refuses_bad_set);
  g_test_add_func ("/label-editing/rename-takes-id-from-name", test_rename_takes_id_from_name);
  g_test_add_func ("/label-editing/rename-keeps-id-a-relation-type-names",
                   test_rename_keeps_id_a_relation_type_names);
  g_test_add_func ("/label-editing/project-applied-to-document", test_project_applied_to_document);

  return g_test_run ();
}
