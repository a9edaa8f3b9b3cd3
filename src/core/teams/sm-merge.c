/* sm-merge.c: three-way merge of Spanmark documents.
 *
 * The result starts as a copy of OURS (git's %A, the file the driver
 * writes), and THEIRS' changes since BASE are replayed on it through
 * SmDocument, which keeps the model's rules: a merged file is therefore
 * always one the loader accepts. Spans of BASE are followed by id (ids are
 * never reused in a document, so an id names one span in all three);
 * spans added on both sides are one span when their label and fragments
 * agree, and THEIRS' other additions get fresh ids from the result, their
 * relations following them. Where both sides changed the same thing
 * differently the result keeps OURS' value and records both sides under
 * the top-level "conflicts" member (docs/format.md), for the window to
 * curate; nothing either side wrote is lost. Rejections, suggestions and
 * meta, which SmDocument has no edits for, are merged in the file the
 * result writes, which is then read back.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-teams"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-format.h"
#include "sm-json.h"
#include "sm-merge.h"

G_DEFINE_QUARK (sm-merge-error-quark, sm_merge_error)

typedef struct
{
  SmDocument *base;
  SmDocument *ours;
  SmDocument *theirs;
  SmDocument *result;
  JsonArray  *conflicts;    /* those found by this merge are appended */
  guint       n_conflicts;  /* found by this merge */
  GHashTable *theirs_spans; /* THEIRS' span id → the result's SmSpan */
} Merge;

static gboolean
same_fragments (SmSpan *a,
                SmSpan *b)
{
  guint n = sm_span_get_n_fragments (a);

  if (n != sm_span_get_n_fragments (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint a_start, a_end, b_start, b_end;

      sm_span_get_fragment (a, i, &a_start, &a_end);
      sm_span_get_fragment (b, i, &b_start, &b_end);
      if (a_start != b_start || a_end != b_end)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_string (const char *a,
             const char *b)
{
  /* A note of "" and no note are the same: the document stores neither */
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL,
                    b != NULL && *b != '\0' ? b : NULL) == 0;
}

/* Takes @object */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* The span as the file writes it, for the conflict records */
static JsonNode *
span_to_json (SmSpan *span)
{
  JsonObject *object;

  if (span == NULL)
    return json_node_new (JSON_NODE_NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", sm_span_get_id (span));
  json_object_set_string_member (object, "label", sm_span_get_label (span));
  json_object_set_int_member (object, "start", sm_span_get_start (span));
  json_object_set_int_member (object, "end", sm_span_get_end (span));
  if (sm_span_get_n_fragments (span) > 1)
    json_object_set_array_member (object, "fragments", sm_json_fragments_new (span));
  if (sm_span_get_text (span) != NULL)
    json_object_set_string_member (object, "text", sm_span_get_text (span));
  if (sm_span_get_note (span) != NULL && *sm_span_get_note (span) != '\0')
    json_object_set_string_member (object, "note", sm_span_get_note (span));

  return object_node (object);
}

static JsonNode *
string_to_json (const char *string)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, string);
  return node;
}

/* Takes @base, @ours and @theirs */
static void
add_conflict (Merge      *merge,
              const char *kind,
              const char *span,
              JsonNode   *base,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind", kind);
  if (span != NULL)
    json_object_set_string_member (object, "span", span);
  json_object_set_member (object, "base", base);
  json_object_set_member (object, "ours", ours);
  json_object_set_member (object, "theirs", theirs);

  json_array_add_element (merge->conflicts, object_node (object));
  merge->n_conflicts++;
}

static void
add_span_conflict (Merge      *merge,
                   const char *kind,
                   const char *id,
                   SmSpan     *base,
                   SmSpan     *ours,
                   SmSpan     *theirs)
{
  add_conflict (merge, kind, id, span_to_json (base), span_to_json (ours), span_to_json (theirs));
}

/* The span of @document with @model's label and fragments, if any */
static SmSpan *
find_same_span (SmDocument *document,
                SmSpan     *model)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_in_range (document,
                                                               sm_span_get_start (model),
                                                               sm_span_get_end (model));

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (g_strcmp0 (sm_span_get_label (span), sm_span_get_label (model)) == 0 &&
          same_fragments (span, model))
        return span;
    }

  return NULL;
}

/* Gives @span @model's fragments: first one continuous range, then the
 * others added, each step a span the document accepts */
static gboolean
set_fragments (SmDocument  *document,
               SmSpan      *span,
               SmSpan      *model,
               GError     **error)
{
  guint start, end;

  if (sm_span_get_n_fragments (span) == 1 && sm_span_get_n_fragments (model) == 1)
    return sm_document_set_span_range (document, span, sm_span_get_start (model),
                                       sm_span_get_end (model), error);

  while (sm_span_get_n_fragments (span) > 1)
    {
      if (!sm_document_remove_fragment (document, span, sm_span_get_n_fragments (span) - 1, error))
        return FALSE;
    }

  sm_span_get_fragment (model, 0, &start, &end);
  if (!sm_document_set_span_range (document, span, start, end, error))
    return FALSE;

  for (guint i = 1; i < sm_span_get_n_fragments (model); i++)
    {
      sm_span_get_fragment (model, i, &start, &end);
      if (!sm_document_add_fragment (document, span, start, end, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
span_edited (SmSpan *base,
             SmSpan *other)
{
  return g_strcmp0 (sm_span_get_label (base), sm_span_get_label (other)) != 0 ||
         !same_fragments (base, other) ||
         !same_string (sm_span_get_note (base), sm_span_get_note (other));
}

/* A span of BASE: THEIRS' change to it replayed on OURS' */
static void
merge_base_span (Merge  *merge,
                 SmSpan *base)
{
  const char *id = sm_span_get_id (base);
  SmSpan *ours = sm_document_find_span (merge->ours, id);
  SmSpan *theirs = sm_document_find_span (merge->theirs, id);
  SmSpan *result = sm_document_find_span (merge->result, id);
  g_autoptr(GError) error = NULL;

  if (theirs == NULL)
    {
      if (ours == NULL)
        return;
      if (span_edited (base, ours))
        {
          /* Deleted by them, edited by us: our edit stays meanwhile */
          add_span_conflict (merge, "deleted", id, base, ours, NULL);
          return;
        }
      sm_document_remove_span (merge->result, result);
      return;
    }

  if (ours == NULL)
    {
      if (span_edited (base, theirs))
        add_span_conflict (merge, "deleted", id, base, NULL, theirs);
      return;
    }

  g_hash_table_insert (merge->theirs_spans, g_strdup (id), result);

  /* Each of label, range and note is merged on its own: one side's new
   * label and the other's new range make one span with both */
  if (g_strcmp0 (sm_span_get_label (base), sm_span_get_label (theirs)) != 0 &&
      g_strcmp0 (sm_span_get_label (ours), sm_span_get_label (theirs)) != 0)
    {
      if (g_strcmp0 (sm_span_get_label (base), sm_span_get_label (ours)) != 0)
        add_span_conflict (merge, "label", id, base, ours, theirs);
      else if (!sm_document_set_span_label (merge->result, result, sm_span_get_label (theirs), &error))
        {
          add_span_conflict (merge, "label", id, base, ours, theirs);
          g_clear_error (&error);
        }
    }

  if (!same_fragments (base, theirs) && !same_fragments (ours, theirs))
    {
      if (!same_fragments (base, ours))
        add_span_conflict (merge, "range", id, base, ours, theirs);
      else if (!set_fragments (merge->result, result, theirs, &error))
        {
          /* The range would duplicate another span: both are kept on record */
          add_span_conflict (merge, "range", id, base, ours, theirs);
          g_clear_error (&error);
        }
    }

  if (!same_string (sm_span_get_note (base), sm_span_get_note (theirs)) &&
      !same_string (sm_span_get_note (ours), sm_span_get_note (theirs)))
    {
      if (!same_string (sm_span_get_note (base), sm_span_get_note (ours)))
        add_span_conflict (merge, "note", id, base, ours, theirs);
      else
        sm_document_set_span_note (merge->result, result, sm_span_get_note (theirs));
    }
}

/* A span THEIRS added: the same addition of ours, or a new span */
static void
merge_added_span (Merge  *merge,
                  SmSpan *theirs)
{
  SmSpan *span = find_same_span (merge->result, theirs);
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (span == NULL)
    {
      sm_span_get_fragment (theirs, 0, &start, &end);
      span = sm_document_add_span (merge->result, sm_span_get_label (theirs), start, end, &error);
      for (guint i = 1; span != NULL && i < sm_span_get_n_fragments (theirs); i++)
        {
          sm_span_get_fragment (theirs, i, &start, &end);
          if (!sm_document_add_fragment (merge->result, span, start, end, &error))
            {
              sm_document_remove_span (merge->result, span);
              span = NULL;
            }
        }
      if (span == NULL)
        {
          /* Only a span of the same label and a first fragment of ours
           * can refuse it: it is kept on record rather than lost */
          add_span_conflict (merge, "added", NULL, NULL, NULL, theirs);
          return;
        }
      sm_document_set_span_note (merge->result, span, sm_span_get_note (theirs));
    }
  else if (!same_string (sm_span_get_note (span), sm_span_get_note (theirs)))
    {
      if (sm_span_get_note (span) == NULL || *sm_span_get_note (span) == '\0')
        sm_document_set_span_note (merge->result, span, sm_span_get_note (theirs));
      else
        add_span_conflict (merge, "note", sm_span_get_id (span), NULL, span, theirs);
    }

  g_hash_table_insert (merge->theirs_spans, g_strdup (sm_span_get_id (theirs)), span);
}

/* A relation of @type from @from, to @to or (@to %NULL) to any span */
static SmRelation *
find_relation (SmDocument *document,
               const char *type,
               SmSpan     *from,
               SmSpan     *to)
{
  g_autoptr(GPtrArray) relations = sm_document_get_relations_of_span (document, from);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (sm_relation_get_from (relation) == from &&
          (to == NULL || sm_relation_get_to (relation) == to) &&
          g_strcmp0 (sm_relation_get_type_name (relation), type) == 0)
        return relation;
    }

  return NULL;
}

/* The relation as its own document writes it: its ends by that side's ids */
static JsonNode *
relation_to_json (SmRelation *relation)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", sm_relation_get_id (relation));
  json_object_set_string_member (object, "type", sm_relation_get_type_name (relation));
  json_object_set_string_member (object, "from", sm_span_get_id (sm_relation_get_from (relation)));
  json_object_set_string_member (object, "to", sm_span_get_id (sm_relation_get_to (relation)));

  return object_node (object);
}

/* Their relation: its ends' ids are theirs, so the spans go with it, for
 * a curator to find them in the merged file */
static JsonNode *
their_relation_to_json (SmRelation *relation)
{
  JsonNode *node = relation_to_json (relation);
  JsonObject *object = json_node_get_object (node);

  json_object_set_member (object, "from_span", span_to_json (sm_relation_get_from (relation)));
  json_object_set_member (object, "to_span", span_to_json (sm_relation_get_to (relation)));

  return node;
}

static void
merge_relations (Merge *merge)
{
  GListModel *relations = sm_document_get_relations (merge->base);

  /* Relations have nothing to edit: a side either deleted one or not */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) base = g_list_model_get_item (relations, i);
      const char *id = sm_relation_get_id (base);
      SmRelation *result = sm_document_find_relation (merge->result, id);

      if (result != NULL && sm_document_find_relation (merge->theirs, id) == NULL)
        sm_document_remove_relation (merge->result, result);
    }

  relations = sm_document_get_relations (merge->theirs);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) theirs = g_list_model_get_item (relations, i);
      const char *type = sm_relation_get_type_name (theirs);
      SmSpan *from, *to;
      g_autoptr(GError) error = NULL;

      if (sm_document_find_relation (merge->base, sm_relation_get_id (theirs)) != NULL)
        continue;

      from = g_hash_table_lookup (merge->theirs_spans, sm_span_get_id (sm_relation_get_from (theirs)));
      to = g_hash_table_lookup (merge->theirs_spans, sm_span_get_id (sm_relation_get_to (theirs)));
      if (from != NULL && to != NULL &&
          sm_document_find_span (merge->result, sm_span_get_id (from)) == from &&
          sm_document_find_span (merge->result, sm_span_get_id (to)) == to)
        {
          SmRelation *ours;

          if (find_relation (merge->result, type, from, to) != NULL)
            continue;

          /* A claim has one speaker: both sides naming a different one is
           * a conflict, not a claim said by two */
          if (g_strcmp0 (type, SM_RELATION_SAID_BY) == 0 &&
              (ours = find_relation (merge->result, type, from, NULL)) != NULL)
            {
              add_conflict (merge, "speaker", sm_span_get_id (from), json_node_new (JSON_NODE_NULL),
                            relation_to_json (ours), their_relation_to_json (theirs));
              continue;
            }

          if (sm_document_add_relation (merge->result, type, from, to, &error) != NULL)
            continue;
        }

      /* An end we deleted, or ends that no longer fit the type: their
       * relation is kept on record, its ends named as in THEIRS */
      add_conflict (merge, "relation", NULL, json_node_new (JSON_NODE_NULL),
                    json_node_new (JSON_NODE_NULL),
                    their_relation_to_json (theirs));
    }
}

static gboolean
same_label (SmLabel *a,
            SmLabel *b)
{
  return g_strcmp0 (sm_label_get_name (a), sm_label_get_name (b)) == 0 &&
         g_strcmp0 (sm_label_get_color (a), sm_label_get_color (b)) == 0 &&
         g_strcmp0 (sm_label_get_key (a), sm_label_get_key (b)) == 0;
}

static JsonNode *
label_to_json (SmLabel *label)
{
  if (label == NULL)
    return json_node_new (JSON_NODE_NULL);

  return object_node (sm_json_label_new (label, NULL));
}

/* Whether @side tagged a span with @label since @base: added one, or
 * relabelled, moved or annotated one of it */
static gboolean
side_used_label (SmDocument *base,
                 SmDocument *side,
                 const char *label)
{
  GListModel *spans = sm_document_get_spans (side);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      SmSpan *before;

      if (g_strcmp0 (sm_span_get_label (span), label) != 0)
        continue;

      before = sm_document_find_span (base, sm_span_get_id (span));
      if (before == NULL || span_edited (before, span))
        return TRUE;
    }

  return FALSE;
}

/* Adds THEIRS' label to the result, without its key if that is one of ours */
static gboolean
add_their_label (Merge   *merge,
                 SmLabel *theirs)
{
  g_autoptr(SmLabel) copy = sm_label_new (sm_label_get_id (theirs), sm_label_get_name (theirs),
                                          sm_label_get_color (theirs), sm_label_get_key (theirs));

  if (sm_document_add_label (merge->result, copy, NULL))
    return TRUE;

  sm_label_set_key (copy, "");
  return sm_document_add_label (merge->result, copy, NULL);
}

/* Labels THEIRS added are added (before the spans that use them); a label
 * only THEIRS changed takes their name, colour and key. A label we deleted
 * that THEIRS changed or tagged with comes back, theirs, as a conflict:
 * their spans of it are not lost */
static void
merge_labels (Merge *merge)
{
  GListModel *labels = sm_document_get_labels (merge->theirs);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) theirs = g_list_model_get_item (labels, i);
      const char *id = sm_label_get_id (theirs);
      SmLabel *base = sm_document_find_label (merge->base, id);
      SmLabel *ours = sm_document_find_label (merge->ours, id);

      if (ours == NULL)
        {
          if (base != NULL && same_label (base, theirs) &&
              !side_used_label (merge->base, merge->theirs, id))
            continue; /* we removed it, they left it alone */
          if (!add_their_label (merge, theirs) || base != NULL)
            add_conflict (merge, "label-definition", NULL, label_to_json (base),
                          json_node_new (JSON_NODE_NULL), label_to_json (theirs));
          continue;
        }

      if (same_label (ours, theirs) || (base != NULL && same_label (base, theirs)))
        continue;

      if (base != NULL && same_label (base, ours) &&
          sm_document_set_label_name (merge->result, id, sm_label_get_name (theirs), NULL) &&
          sm_document_set_label_color (merge->result, id, sm_label_get_color (theirs), NULL) &&
          sm_document_set_label_key (merge->result, id, sm_label_get_key (theirs), NULL))
        continue;

      add_conflict (merge, "label-definition", NULL, label_to_json (base), label_to_json (ours),
                    label_to_json (theirs));
    }
}

/* Labels of BASE that THEIRS deleted, after the spans: deleted unless we
 * changed or tagged with them (or a span of theirs could not leave them),
 * then kept as a conflict */
static void
merge_deleted_labels (Merge *merge)
{
  GListModel *labels = sm_document_get_labels (merge->base);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) base = g_list_model_get_item (labels, i);
      const char *id = sm_label_get_id (base);
      SmLabel *ours = sm_document_find_label (merge->ours, id);

      if (ours == NULL || sm_document_find_label (merge->theirs, id) != NULL ||
          sm_document_find_label (merge->result, id) == NULL)
        continue;

      if (same_label (base, ours) && !side_used_label (merge->base, merge->ours, id) &&
          sm_document_count_spans_with_label (merge->result, id) == 0)
        sm_document_remove_label (merge->result, id);
      else
        add_conflict (merge, "label-definition", NULL, label_to_json (base), label_to_json (ours),
                      json_node_new (JSON_NODE_NULL));
    }
}

static void
merge_status (Merge *merge)
{
  SmDocumentStatus base = sm_document_get_status (merge->base);
  SmDocumentStatus ours = sm_document_get_status (merge->ours);
  SmDocumentStatus theirs = sm_document_get_status (merge->theirs);

  /* Set again, after the edits: adding a span to a new document puts it
   * in progress, and the merge must not invent a status neither side has */
  sm_document_set_status (merge->result, ours);

  if (theirs == base || theirs == ours)
    return;

  if (ours == base)
    sm_document_set_status (merge->result, theirs);
  else
    add_conflict (merge, "status", NULL,
                  string_to_json (sm_document_status_to_string (base)),
                  string_to_json (sm_document_status_to_string (ours)),
                  string_to_json (sm_document_status_to_string (theirs)));
}

/* A rejection's place, as a key */
static char *
suggestion_place_key (SmSuggestion *suggestion)
{
  return g_strdup_printf ("%s:%u:%u", sm_suggestion_get_label (suggestion),
                          sm_suggestion_get_start (suggestion), sm_suggestion_get_end (suggestion));
}

/* @document's rejected places: key → SmSuggestion */
static GHashTable *
dup_rejected_places (SmDocument *document)
{
  g_autoptr(GPtrArray) rejected = sm_document_dup_rejected (document);
  GHashTable *places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < rejected->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (rejected, i);

      g_hash_table_insert (places, suggestion_place_key (suggestion), g_object_ref (suggestion));
    }

  return places;
}

/* Rejections are a set of places: ours, with those THEIRS added since BASE
 * and without those THEIRS took back. Places of a label the result no
 * longer has are left out, as the loader would refuse them. */
static void
merge_rejected (Merge      *merge,
                JsonObject *top)
{
  g_autoptr(GHashTable) base = dup_rejected_places (merge->base);
  g_autoptr(GHashTable) theirs = dup_rejected_places (merge->theirs);
  g_autoptr(GHashTable) result = dup_rejected_places (merge->ours);
  g_autoptr(GList) places = NULL;
  JsonArray *array = json_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (base, key))
      g_hash_table_replace (result, g_strdup (key), g_object_ref (value));

  g_hash_table_iter_init (&iter, base);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (theirs, key))
      g_hash_table_remove (result, key);

  places = g_hash_table_get_values (result);
  for (GList *l = places; l != NULL; l = l->next)
    {
      SmSuggestion *suggestion = l->data;
      JsonObject *object;

      if (sm_document_find_label (merge->result, sm_suggestion_get_label (suggestion)) == NULL)
        continue;

      object = json_object_new ();
      json_object_set_string_member (object, "label", sm_suggestion_get_label (suggestion));
      json_object_set_int_member (object, "start", sm_suggestion_get_start (suggestion));
      json_object_set_int_member (object, "end", sm_suggestion_get_end (suggestion));
      json_array_add_object_element (array, object);
    }

  json_object_set_array_member (top, "rejected", array);
}

/* The span of the result at the place of the speaker OURS' suggestion
 * @id had, if any: theirs tagged it */
static SmSpan *
find_tagged_speaker (Merge      *merge,
                     const char *id)
{
  SmSuggestion *claim = sm_document_find_suggestion (merge->ours, id);
  SmSuggestion *speaker;

  if (claim == NULL || sm_suggestion_get_said_by (claim) == NULL ||
      (speaker = sm_document_find_suggestion (merge->ours, sm_suggestion_get_said_by (claim))) == NULL)
    return NULL;

  return sm_document_find_exact_span (merge->result, sm_suggestion_get_start (speaker),
                                      sm_suggestion_get_end (speaker), sm_suggestion_get_label (speaker));
}

/* Our pending suggestions as the result has them: those of a label it no
 * longer has would make the file one the loader refuses, and go, with the
 * links to them; a claim whose suggested speaker they tagged is said by
 * their span (the file leaves out a link to a suggestion no longer
 * pending) */
static void
merge_our_suggestions (Merge      *merge,
                       JsonObject *top)
{
  JsonArray *suggestions;
  g_autoptr(GHashTable) dropped = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *kept;

  if (!json_object_has_member (top, "suggestions"))
    return;

  suggestions = json_object_get_array_member (top, "suggestions");
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *object = json_array_get_object_element (suggestions, i);

      if (sm_document_find_label (merge->result, json_object_get_string_member (object, "label")) == NULL)
        g_hash_table_add (dropped, (gpointer) json_object_get_string_member (object, "id"));
    }

  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *object = json_array_get_object_element (suggestions, i);
      const char *id = json_object_get_string_member (object, "id");
      SmSpan *speaker;

      if (g_hash_table_contains (dropped, id))
        continue;
      if (json_object_has_member (object, "said_by") &&
          g_hash_table_contains (dropped, json_object_get_string_member (object, "said_by")))
        json_object_remove_member (object, "said_by");
      if (!json_object_has_member (object, "said_by") && (speaker = find_tagged_speaker (merge, id)) != NULL)
        json_object_set_string_member (object, "said_by", sm_span_get_id (speaker));
      json_array_add_object_element (kept, json_object_ref (object));
    }

  json_object_set_array_member (top, "suggestions", kept);
}

static JsonObject *
document_to_json (SmDocument *document)
{
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_return_val_if_reached (json_object_new ());

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonNode *
meta_value (JsonObject *meta,
            const char *key)
{
  return meta != NULL && json_object_has_member (meta, key) ? json_object_get_member (meta, key) : NULL;
}

static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static JsonNode *
copy_value (JsonNode *value)
{
  return value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL);
}

/* The earlier (or @later, the later) of two ISO 8601 times; either may be
 * missing */
static JsonNode *
pick_time (JsonNode *a,
           JsonNode *b,
           gboolean  later)
{
  g_autoptr(GDateTime) time_a = NULL;
  g_autoptr(GDateTime) time_b = NULL;
  int order;

  if (a == NULL || json_node_get_value_type (a) != G_TYPE_STRING)
    return b;
  if (b == NULL || json_node_get_value_type (b) != G_TYPE_STRING)
    return a;

  time_a = g_date_time_new_from_iso8601 (json_node_get_string (a), NULL);
  time_b = g_date_time_new_from_iso8601 (json_node_get_string (b), NULL);
  if (time_a == NULL || time_b == NULL)
    return a;

  order = g_date_time_compare (time_a, time_b);
  return (later ? order >= 0 : order <= 0) ? a : b;
}

/* meta, key by key: one side's change is taken, both sides' different
 * changes keep ours and are a conflict. The result's own counters stay
 * (they number what it has), and two times say when the file was first
 * made and last changed, whatever side did it: no conflict to decide. */
static void
merge_meta (Merge      *merge,
            JsonObject *top)
{
  g_autoptr(JsonObject) base_top = document_to_json (merge->base);
  g_autoptr(JsonObject) theirs_top = document_to_json (merge->theirs);
  JsonObject *base = json_object_get_object_member (base_top, "meta");
  JsonObject *theirs = json_object_get_object_member (theirs_top, "meta");
  JsonObject *ours = json_object_get_object_member (top, "meta");
  g_autoptr(GList) keys = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *value;

  if (ours == NULL || theirs == NULL)
    return;

  value = pick_time (meta_value (ours, "created"), meta_value (theirs, "created"), FALSE);
  if (value != NULL && value != meta_value (ours, "created"))
    json_object_set_member (ours, "created", json_node_copy (value));
  value = pick_time (meta_value (ours, "modified"), meta_value (theirs, "modified"), TRUE);
  if (value != NULL && value != meta_value (ours, "modified"))
    json_object_set_member (ours, "modified", json_node_copy (value));

  /* Our keys are THEIRS' or BASE's too, unless we added them: then THEIRS
   * has nothing to change in them */
  keys = g_list_concat (json_object_get_members (theirs),
                        base != NULL ? json_object_get_members (base) : NULL);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *b = meta_value (base, key);
      JsonNode *o = meta_value (ours, key);
      JsonNode *t = meta_value (theirs, key);
      g_autoptr(JsonObject) record = NULL;

      if (!g_hash_table_add (seen, (gpointer) key) ||
          g_str_equal (key, "created") || g_str_equal (key, "modified") ||
          g_str_equal (key, "next_span") || g_str_equal (key, "next_relation") ||
          same_value (t, b) || same_value (t, o))
        continue;

      if (same_value (o, b))
        {
          if (t != NULL)
            json_object_set_member (ours, key, json_node_copy (t));
          else
            json_object_remove_member (ours, key);
          continue;
        }

      record = json_object_new ();
      json_object_set_string_member (record, "kind", "meta");
      json_object_set_string_member (record, "key", key);
      json_object_set_member (record, "base", copy_value (b));
      json_object_set_member (record, "ours", copy_value (o));
      json_object_set_member (record, "theirs", copy_value (t));
      json_array_add_object_element (merge->conflicts, g_steal_pointer (&record));
      merge->n_conflicts++;
    }
}

/* Whether @document has a pending suggestion at @suggestion's place */
static gboolean
has_suggestion_at (SmDocument   *document,
                   SmSuggestion *suggestion)
{
  const char *label = sm_suggestion_get_label (suggestion);
  guint start = sm_suggestion_get_start (suggestion);
  guint end = sm_suggestion_get_end (suggestion);
  g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (document, start, end);

  for (guint i = 0; i < found->len; i++)
    if (sm_suggestion_is_at (g_ptr_array_index (found, i), label, start, end))
      return TRUE;

  return FALSE;
}

static SmSuggestion *
suggestion_copy (SmSuggestion *suggestion)
{
  return sm_suggestion_new (sm_suggestion_get_label (suggestion), sm_suggestion_get_start (suggestion),
                            sm_suggestion_get_end (suggestion), sm_suggestion_get_source (suggestion));
}

/* THEIRS' pending suggestions that BASE did not have, unless the result
 * answered them (a span or a rejection there) or has them already
 * (sm_document_add_suggestions() leaves those out); a claim keeps its
 * speaker, their new one or the one at the same place in the result */
static void
merge_suggestions (Merge      *merge,
                   SmDocument *result)
{
  GListModel *pending = sm_document_get_suggestions (merge->theirs);
  g_autoptr(GHashTable) copies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (pending, i);
      SmSuggestion *copy;

      if (has_suggestion_at (merge->base, suggestion))
        continue;

      copy = suggestion_copy (suggestion);
      g_hash_table_insert (copies, (gpointer) sm_suggestion_get_id (suggestion), copy);
      g_ptr_array_add (added, copy);
      g_ptr_array_add (theirs, g_steal_pointer (&suggestion));
    }

  for (guint i = 0; i < theirs->len; i++)
    {
      const char *said_by = sm_suggestion_get_said_by (g_ptr_array_index (theirs, i));
      g_autoptr(SmSuggestion) speaker = NULL;
      SmSuggestion *other;
      SmSpan *span;

      if (said_by == NULL)
        continue;

      /* A speaker not added is found by its place in the result */
      if ((other = g_hash_table_lookup (copies, said_by)) != NULL)
        speaker = g_object_ref (other);
      else if ((other = sm_document_find_suggestion (merge->theirs, said_by)) != NULL)
        speaker = suggestion_copy (other);
      else if ((span = sm_document_find_span (merge->theirs, said_by)) != NULL)
        speaker = sm_suggestion_new (sm_span_get_label (span), sm_span_get_start (span),
                                     sm_span_get_end (span), SM_SUGGESTION_SOURCE_RULES);
      sm_suggestion_set_speaker (g_ptr_array_index (added, i), speaker);
    }

  sm_document_add_suggestions (result, added);
}

/* Rejections, meta and suggestions, which SmDocument has no edits for:
 * the result is written out, these members merged in the file, and read
 * back, so the loader's rules hold for them too */
static SmDocument *
merge_sections (Merge   *merge,
                GError **error)
{
  g_autoptr(JsonObject) top = document_to_json (merge->result);
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), top);
  g_autofree char *data = NULL;
  SmDocument *result;

  merge_rejected (merge, top);
  merge_our_suggestions (merge, top);
  merge_meta (merge, top);

  data = json_to_string (root, FALSE);
  result = sm_format_parse (data, strlen (data), error);
  if (result != NULL)
    merge_suggestions (merge, result);

  return result;
}

static gboolean
check_texts (SmDocument  *base,
             SmDocument  *ours,
             SmDocument  *theirs,
             GError     **error)
{
  const char *sha256 = sm_text_get_sha256 (sm_document_get_text (ours));

  if (g_strcmp0 (sm_text_get_sha256 (sm_document_get_text (base)), sha256) != 0)
    {
      g_set_error (error, SM_MERGE_ERROR, SM_MERGE_ERROR_TEXT,
                   _("the base version annotates another article text than ours: "
                     "Spanmark merges only versions of one text"));
      return FALSE;
    }

  if (g_strcmp0 (sm_text_get_sha256 (sm_document_get_text (theirs)), sha256) != 0)
    {
      g_set_error (error, SM_MERGE_ERROR, SM_MERGE_ERROR_TEXT,
                   _("their version annotates another article text than ours: "
                     "Spanmark merges only versions of one text"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_merge_documents:
 * @base: the common ancestor
 * @ours: our version
 * @theirs: their version
 * @n_conflicts: (out) (optional): how many conflicts this merge recorded
 * @error: set when the versions are not of one article text
 *
 * Merges THEIRS' changes since BASE into a copy of OURS. The inputs are
 * not changed. Conflicts are recorded in the result's top-level
 * "conflicts" member, after any an earlier merge left there.
 *
 * Returns: (transfer full) (nullable): the merged document
 */
SmDocument *
sm_merge_documents (SmDocument  *base,
                    SmDocument  *ours,
                    SmDocument  *theirs,
                    guint       *n_conflicts,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(SmDocument) merged = NULL;
  g_autoptr(GHashTable) theirs_spans = NULL;
  g_autoptr(JsonArray) conflicts = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonNode *earlier;
  GListModel *spans;
  Merge merge;

  g_return_val_if_fail (SM_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (theirs), NULL);

  if (!check_texts (base, ours, theirs, error))
    return NULL;

  /* A copy through the file format keeps OURS' unknown members too */
  bytes = sm_format_serialize (ours);
  result = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (result == NULL)
    return NULL;

  earlier = sm_format_get_extra_member (result, SM_MERGE_CONFLICTS_MEMBER);
  if (earlier != NULL && JSON_NODE_HOLDS_ARRAY (earlier))
    conflicts = json_array_ref (json_node_get_array (earlier));
  else
    conflicts = json_array_new ();

  theirs_spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge = (Merge) {
    .base = base, .ours = ours, .theirs = theirs, .result = result,
    .conflicts = conflicts, .theirs_spans = theirs_spans,
  };

  merge_labels (&merge);

  spans = sm_document_get_spans (base);
  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      merge_base_span (&merge, span);
    }

  spans = sm_document_get_spans (theirs);
  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (sm_document_find_span (base, sm_span_get_id (span)) == NULL)
        merge_added_span (&merge, span);
    }

  merge_relations (&merge);
  merge_deleted_labels (&merge);
  merge_status (&merge);

  merged = merge_sections (&merge, error);
  if (merged == NULL)
    return NULL;

  if (json_array_get_length (conflicts) > 0)
    {
      node = json_node_init_array (json_node_alloc (), conflicts);
      sm_format_set_extra_member (merged, SM_MERGE_CONFLICTS_MEMBER, node);
    }

  if (n_conflicts != NULL)
    *n_conflicts = merge.n_conflicts;

  return g_steal_pointer (&merged);
}

/**
 * sm_merge_count_conflicts:
 * @document: a document
 *
 * Returns: how many conflicts a merge recorded in @document and nobody has
 *   resolved yet
 */
guint
sm_merge_count_conflicts (SmDocument *document)
{
  JsonNode *node = sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;

  return json_array_get_length (json_node_get_array (node));
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * sm_merge_get_conflict:
 * @document: a document
 * @index: which of its undecided conflicts
 * @kind: (out) (optional): what conflicts ("label", "status" …), or %NULL
 *   if the record does not say
 * @span: (out) (optional): the span it is about, or %NULL for a conflict
 *   about no span
 *
 * Describes one conflict a merge recorded in @document, as
 * docs/format.md gives them.
 *
 * Returns: whether @document has a conflict at @index
 */
gboolean
sm_merge_get_conflict (SmDocument  *document,
                       guint        index,
                       const char **kind,
                       const char **span)
{
  JsonNode *node;
  JsonNode *element;
  JsonObject *object = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), FALSE);

  node = sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      index >= json_array_get_length (json_node_get_array (node)))
    return FALSE;

  /* Written by hand, a record may be anything: only strings are names */
  element = json_array_get_element (json_node_get_array (node), index);
  if (JSON_NODE_HOLDS_OBJECT (element))
    object = json_node_get_object (element);

  if (kind != NULL)
    *kind = string_member (object, "kind");
  if (span != NULL)
    *span = string_member (object, "span");

  return TRUE;
}
