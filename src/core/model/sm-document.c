/* sm-document.c: an article and its annotations, with one undo history.
 *
 * Every change to spans and relations goes through a document, which checks
 * it, records it in the undo history and signals it. The window, the CLI
 * and the tests therefore share one set of rules and one history.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sm-document-private.h"
#include "sm-relation-list.h"
#include "sm-relation-types.h"
#include "sm-span-index.h"
#include "sm-span-private.h"
#include "sm-suggestion-private.h"
#include "sm-suggestion-store.h"

typedef enum
{
  CHANGE_ADD_SPAN,
  CHANGE_REMOVE_SPAN,
  CHANGE_SET_LABEL,
  CHANGE_SET_FRAGMENTS,
  CHANGE_SET_NOTE,
  CHANGE_ADD_RELATION,
  CHANGE_REMOVE_RELATION,
  CHANGE_SET_STATUS,
  /* Label set editing (at the end of the file) */
  CHANGE_ADD_LABEL,
  CHANGE_REMOVE_LABEL,
  CHANGE_SET_LABEL_NAME,
  CHANGE_SET_LABEL_COLOR,
  CHANGE_SET_LABEL_KEY,
  CHANGE_MOVE_LABEL,
  /* Suggestions (at the end of the file) */
  CHANGE_ADD_SUGGESTION,
  CHANGE_REMOVE_SUGGESTION,
  CHANGE_REJECT_SUGGESTION,
  /* A curator's decision (at the end of the file) */
  CHANGE_SET_DECISION,
} ChangeKind;

/* One step of an undoable action, holding what it needs to go both ways */
typedef struct
{
  ChangeKind        kind;
  SmSpan           *span;
  SmRelation       *relation;
  SmLabel          *label;
  SmSuggestion     *suggestion;
  char             *key;
  char             *before;
  char             *after;
  guint             before_start;
  guint             before_end;
  guint             after_start;
  guint             after_end;
  /* a span's fragments before and after: pairs of offsets */
  GArray           *before_bounds;
  GArray           *after_bounds;
  SmDocumentStatus  before_status;
  SmDocumentStatus  after_status;
} Change;

struct _SmDocument
{
  GObject           parent_instance;

  char             *name;
  SmText           *text;
  char             *annotator;
  GDateTime        *created;
  GDateTime        *modified_time;
  SmDocumentStatus  status;

  /* The labels in order: a store of them is made when first needed
   * (label_store()), and until then they wait in unstored_labels. A
   * document read from a corpus for export or validate never lists its
   * labels; making a store for each and telling it of each label was
   * 2 to 3 % of reading one. */
  GListStore       *labels;
  GPtrArray        *unstored_labels;
  GHashTable       *labels_by_id;       /* id -> SmLabel (the list holds it) */
  GHashTable       *label_counts;       /* label id -> span count */

  SmSpanIndex      *spans;
  GHashTable       *spans_by_id;        /* id -> SmSpan (the index holds it) */
  guint             next_span;

  /* The three made with the first relation (ensure_relations()), NULL
   * before: most documents of a corpus have none */
  SmRelationList   *relations;
  GHashTable       *relations_by_id;    /* id -> SmRelation (the list holds it) */
  GHashTable       *relations_by_span;  /* SmSpan -> GPtrArray of SmRelation */
  guint             next_relation;
  SmRelationTypes  *relation_types;

  /* Made when first needed (get_suggestions(), do_set_decision()): most
   * documents of a corpus never have either, and making and freeing them
   * for each was 2 % of reading one */
  SmSuggestionStore *suggestions;

  /* a curator's decisions: item id -> what was decided, or NULL if none */
  GHashTable       *decisions;

  /* Each entry of the stacks is a GPtrArray of Change: one user action */
  GPtrArray        *undo_stack;
  GPtrArray        *redo_stack;
  GPtrArray        *open_action;
  guint             user_action_depth;
  guint             n_spans_before_action;
  /* relations the open action removed because their ends no longer fit */
  guint             n_dropped;
  /* > 0 while a schema is taken on outside the history */
  guint             outside_history;
  /* undo_stack->len when last saved; G_MAXUINT if that state is gone */
  guint             save_point;
  /* counts every change, so a save can tell if it wrote the latest state */
  guint64           version;
  /* a change outside the history (name, annotator) since the last save */
  guint             changed_outside_history : 1;

  /* a reader is building it, and no one else has it yet: nothing is told */
  guint             reading : 1;

  /* > 0 while the ranges changed are told at the end, at once (a batch) */
  guint             batch_depth;
  GArray           *batch_ranges;       /* pairs of code point offsets */
};

G_DEFINE_FINAL_TYPE (SmDocument, sm_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (sm-document-error-quark, sm_document_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LENGTH,
  PROP_STATUS,
  PROP_ANNOTATOR,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_N_SPANS,
  PROP_N_SUGGESTIONS,
  N_PROPS
};

enum {
  CHANGED,
  RANGE_CHANGED,
  RELATIONS_DROPPED,
  DECISION_CHANGED,
  RANGES_CHANGED,
  N_SIGNALS
};

/* Undo and redo of more changes than this tell them in one batch */
#define BATCH_MIN_CHANGES 8

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
change_free (Change *change)
{
  g_clear_object (&change->span);
  g_clear_object (&change->relation);
  g_clear_object (&change->label);
  g_clear_object (&change->suggestion);
  g_clear_pointer (&change->key, g_free);
  g_clear_pointer (&change->before, g_free);
  g_clear_pointer (&change->after, g_free);
  g_clear_pointer (&change->before_bounds, g_array_unref);
  g_clear_pointer (&change->after_bounds, g_array_unref);
  g_free (change);
}

static Change *
change_new (ChangeKind  kind,
            SmSpan     *span,
            SmRelation *relation)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->span = span ? g_object_ref (span) : NULL;
  change->relation = relation ? g_object_ref (relation) : NULL;

  return change;
}

static GPtrArray *
action_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

static GDateTime *
now_in_seconds (void)
{
  /* Files store whole seconds; keeping the same here makes a save and a
   * reload compare equal. */
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/* Tells that [start, end) looks different now: at once, or at the end of
 * the batch under way */
static void
tell_range_changed (SmDocument *self,
                    guint       start,
                    guint       end)
{
  if (self->reading)
    return;

  if (self->batch_depth > 0)
    {
      g_array_append_val (self->batch_ranges, start);
      g_array_append_val (self->batch_ranges, end);
      return;
    }

  g_signal_emit (self, signals [RANGE_CHANGED], 0, start, end);
}

static void
emit_range_changed (SmDocument *self,
                    SmSpan     *span)
{
  tell_range_changed (self, sm_span_get_start (span), sm_span_get_end (span));
}

/* A change of many spans at once ("Tag All Matches", its undo and redo)
 * or of many suggestions (a run's results) is told at its end: the span
 * list updates once, a view redraws the ranges in one pass and the counts
 * are notified once, where a signal a span cost seconds */
static void
begin_batch (SmDocument *self)
{
  if (self->batch_depth++ > 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->batch_ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  sm_span_index_begin_batch (self->spans);
}

static int
compare_range_starts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const guint *x = a;
  const guint *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return (x[1] > y[1]) - (x[1] < y[1]);
}

static void
tell_ranges_changed (SmDocument *self,
                     GArray     *ranges)
{
  guint n = 0;

  if (ranges->len == 2)
    {
      g_signal_emit (self, signals [RANGE_CHANGED], 0,
                     g_array_index (ranges, guint, 0), g_array_index (ranges, guint, 1));
      return;
    }
  if (ranges->len == 0)
    return;

  /* In order, and those that overlap or touch as one */
  g_qsort_with_data (ranges->data, ranges->len / 2, 2 * sizeof (guint), compare_range_starts, NULL);
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint start = g_array_index (ranges, guint, i);
      guint end = g_array_index (ranges, guint, i + 1);

      if (start >= end)
        continue;
      if (n > 0 && start <= g_array_index (ranges, guint, n - 1))
        {
          g_array_index (ranges, guint, n - 1) = MAX (end, g_array_index (ranges, guint, n - 1));
          continue;
        }
      g_array_index (ranges, guint, n++) = start;
      g_array_index (ranges, guint, n++) = end;
    }
  g_array_set_size (ranges, n);

  if (n > 0)
    g_signal_emit (self, signals [RANGES_CHANGED], 0, ranges);
}

static void
end_batch (SmDocument *self)
{
  g_autoptr(GArray) ranges = NULL;

  g_assert (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  ranges = g_steal_pointer (&self->batch_ranges);
  sm_span_index_end_batch (self->spans);
  tell_ranges_changed (self, ranges);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_sm_document_begin_batch (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  begin_batch (self);
}

void
_sm_document_end_batch (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->batch_depth > 0);

  end_batch (self);
}

/* Lists bind to a span's row; a change to what the row shows but not to
 * the span's place (its speaker, say) is told as a replacement in place. */
static void
emit_span_row_changed (SmDocument *self,
                       SmSpan     *span)
{
  guint position;

  if (sm_span_index_find_position (self->spans, span, &position))
    sm_span_index_row_changed (self->spans, position);
}

static void
count_label (SmDocument *self,
             const char *label,
             gint        delta)
{
  gpointer key, value;
  guint count;

  /* The key is copied once per label, not once per span */
  if (g_hash_table_steal_extended (self->label_counts, label, &key, &value))
    count = GPOINTER_TO_UINT (value) + delta;
  else
    {
      key = g_strdup (label);
      count = delta;
    }

  if (count == 0)
    g_free (key);
  else
    g_hash_table_insert (self->label_counts, key, GUINT_TO_POINTER (count));
}

/* The primitive changes: no checks and no history, only the model and signals */

static void
do_insert_span (SmDocument *self,
                SmSpan     *span)
{
  g_hash_table_insert (self->spans_by_id, (gpointer) sm_span_get_id (span), span);
  count_label (self, sm_span_get_label (span), 1);
  sm_span_index_insert (self->spans, span);
  emit_range_changed (self, span);
}

static void
do_remove_span (SmDocument *self,
                SmSpan     *span)
{
  g_object_ref (span);
  g_hash_table_remove (self->spans_by_id, sm_span_get_id (span));
  count_label (self, sm_span_get_label (span), -1);
  sm_span_index_remove (self->spans, span);
  emit_range_changed (self, span);
  g_object_unref (span);
}

static void
do_set_label (SmDocument *self,
              SmSpan     *span,
              const char *label)
{
  /* The label is part of the span's place in the index */
  g_object_ref (span);
  sm_span_index_remove (self->spans, span);
  count_label (self, sm_span_get_label (span), -1);
  _sm_span_set_label (span, label);
  count_label (self, label, 1);
  sm_span_index_insert (self->spans, span);
  emit_range_changed (self, span);
  g_object_unref (span);
}

static void
do_set_fragments (SmDocument *self,
                  SmSpan     *span,
                  GArray     *bounds)
{
  guint n_fragments = bounds->len / 2;
  g_autofree char *text = sm_text_dup_slices (self->text, (const guint *) bounds->data,
                                              n_fragments, SM_SPAN_FRAGMENT_JOINER);

  /* The fragments are part of the span's place in the index */
  g_object_ref (span);
  sm_span_index_remove (self->spans, span);
  emit_range_changed (self, span);
  _sm_span_set_fragments (span, (const guint *) bounds->data, n_fragments, text);
  sm_span_index_insert (self->spans, span);
  emit_range_changed (self, span);
  g_object_unref (span);
}

static void
ensure_relations (SmDocument *self)
{
  if (self->relations != NULL)
    return;

  self->relations = sm_relation_list_new ();
  self->relations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations_by_span = g_hash_table_new_full (NULL, NULL, NULL,
                                                   (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
relations_of (SmDocument *self,
              SmSpan     *span,
              gboolean    create)
{
  GPtrArray *relations;

  if (self->relations == NULL && !create)
    return NULL;

  ensure_relations (self);
  relations = g_hash_table_lookup (self->relations_by_span, span);

  if (relations == NULL && create)
    {
      relations = g_ptr_array_new ();
      g_hash_table_insert (self->relations_by_span, span, relations);
    }

  return relations;
}

static void
do_add_relation (SmDocument *self,
                 SmRelation *relation)
{
  SmSpan *from = sm_relation_get_from (relation);
  SmSpan *to = sm_relation_get_to (relation);

  ensure_relations (self);
  sm_relation_list_append (self->relations, relation);
  g_hash_table_insert (self->relations_by_id, (gpointer) sm_relation_get_id (relation), relation);
  g_ptr_array_add (relations_of (self, from, TRUE), relation);
  g_ptr_array_add (relations_of (self, to, TRUE), relation);
  emit_span_row_changed (self, from);
}

static void
forget_relation_of_span (SmDocument *self,
                         SmSpan     *span,
                         SmRelation *relation)
{
  GPtrArray *relations = relations_of (self, span, FALSE);

  if (relations == NULL)
    return;

  g_ptr_array_remove (relations, relation);
  if (relations->len == 0)
    g_hash_table_remove (self->relations_by_span, span);
}

static void
do_remove_relation (SmDocument *self,
                    SmRelation *relation)
{
  SmSpan *from = sm_relation_get_from (relation);

  g_object_ref (relation);
  forget_relation_of_span (self, from, relation);
  forget_relation_of_span (self, sm_relation_get_to (relation), relation);
  g_hash_table_remove (self->relations_by_id, sm_relation_get_id (relation));
  sm_relation_list_remove (self->relations, relation);
  emit_span_row_changed (self, from);
  g_object_unref (relation);
}

static void
do_set_status (SmDocument       *self,
               SmDocumentStatus  status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

static void apply_label_change (SmDocument *self,
                                Change     *change,
                                gboolean    forward);
static void apply_suggestion_change (SmDocument *self,
                                     Change     *change,
                                     gboolean    forward);
static void drop_suggestion_at_span (SmDocument *self,
                                     SmSpan     *span);
static gboolean check_end                      (SmDocument  *self,
                                                const char  *type,
                                                SmSpan      *span,
                                                gboolean     is_from,
                                                GError     **error);
static void     drop_relations_that_do_not_fit (SmDocument  *self,
                                                SmSpan      *span);
static void     do_set_decision                (SmDocument  *self,
                                                const char  *id,
                                                const char  *decision);

static void
apply_change (SmDocument *self,
              Change     *change,
              gboolean    forward)
{
  switch (change->kind)
    {
    case CHANGE_ADD_SPAN:
      if (forward)
        do_insert_span (self, change->span);
      else
        do_remove_span (self, change->span);
      break;

    case CHANGE_REMOVE_SPAN:
      if (forward)
        do_remove_span (self, change->span);
      else
        do_insert_span (self, change->span);
      break;

    case CHANGE_SET_LABEL:
      do_set_label (self, change->span, forward ? change->after : change->before);
      break;

    case CHANGE_SET_FRAGMENTS:
      do_set_fragments (self, change->span, forward ? change->after_bounds : change->before_bounds);
      break;

    case CHANGE_SET_NOTE:
      _sm_span_set_note (change->span, forward ? change->after : change->before);
      break;

    case CHANGE_ADD_RELATION:
      if (forward)
        do_add_relation (self, change->relation);
      else
        do_remove_relation (self, change->relation);
      break;

    case CHANGE_REMOVE_RELATION:
      if (forward)
        do_remove_relation (self, change->relation);
      else
        do_add_relation (self, change->relation);
      break;

    case CHANGE_SET_STATUS:
      do_set_status (self, forward ? change->after_status : change->before_status);
      break;

    case CHANGE_ADD_LABEL:
    case CHANGE_REMOVE_LABEL:
    case CHANGE_SET_LABEL_NAME:
    case CHANGE_SET_LABEL_COLOR:
    case CHANGE_SET_LABEL_KEY:
    case CHANGE_MOVE_LABEL:
      apply_label_change (self, change, forward);
      break;

    case CHANGE_ADD_SUGGESTION:
    case CHANGE_REMOVE_SUGGESTION:
    case CHANGE_REJECT_SUGGESTION:
      apply_suggestion_change (self, change, forward);
      break;

    case CHANGE_SET_DECISION:
      do_set_decision (self, change->key, forward ? change->after : change->before);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Applies @change and records it in the open user action */
static void
record (SmDocument *self,
        Change     *change)
{
  /* A schema taken on is not the user's edit: applied, never undone */
  if (self->outside_history > 0)
    {
      apply_change (self, change, TRUE);
      change_free (change);
      return;
    }

  sm_document_begin_user_action (self);
  apply_change (self, change, TRUE);
  g_ptr_array_add (self->open_action, change);
  /* A span put over a suggestion of its label answers the suggestion */
  if (change->kind == CHANGE_ADD_SPAN || change->kind == CHANGE_SET_LABEL ||
      change->kind == CHANGE_SET_FRAGMENTS)
    drop_suggestion_at_span (self, change->span);
  sm_document_end_user_action (self);
}

static void
sm_document_finalize (GObject *object)
{
  SmDocument *self = (SmDocument *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_action, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types, sm_relation_types_free);
  g_clear_pointer (&self->suggestions, sm_suggestion_store_free);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->relations_by_span, g_hash_table_unref);
  g_clear_pointer (&self->relations_by_id, g_hash_table_unref);
  g_clear_object (&self->relations);
  g_clear_pointer (&self->spans_by_id, g_hash_table_unref);
  g_clear_object (&self->spans);
  g_clear_pointer (&self->label_counts, g_hash_table_unref);
  g_clear_pointer (&self->labels_by_id, g_hash_table_unref);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->unstored_labels, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, sm_text_unref);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified_time, g_date_time_unref);

  G_OBJECT_CLASS (sm_document_parent_class)->finalize (object);
}

static void
sm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmDocument *self = SM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, sm_document_get_length (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, sm_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sm_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sm_document_can_redo (self));
      break;

    case PROP_N_SUGGESTIONS:
      g_value_set_uint (value, sm_document_get_n_suggestions (self));
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, sm_document_get_n_spans (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmDocument *self = SM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      sm_document_set_name (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      sm_document_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ANNOTATOR:
      sm_document_set_annotator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GType
sm_document_status_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { SM_DOCUMENT_STATUS_NEW, "SM_DOCUMENT_STATUS_NEW", "new" },
        { SM_DOCUMENT_STATUS_IN_PROGRESS, "SM_DOCUMENT_STATUS_IN_PROGRESS", "in-progress" },
        { SM_DOCUMENT_STATUS_DONE, "SM_DOCUMENT_STATUS_DONE", "done" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("SmDocumentStatus", values));
    }

  return type;
}

static void
sm_document_class_init (SmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_document_finalize;
  object_class->get_property = sm_document_get_property;
  object_class->set_property = sm_document_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       sm_document_status_get_type (), SM_DOCUMENT_STATUS_NEW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_SUGGESTIONS] =
    g_param_spec_uint ("n-suggestions", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmDocument::changed:
   *
   * Emitted after each user action, undo and redo, and after any other
   * change that would be saved: the moment to update a title or schedule
   * a draft.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SmDocument::range-changed:
   * @start: first code point
   * @end: code point after the range
   *
   * The spans or suggestions over [@start, @end) changed: a view redraws
   * their highlights there from sm_document_get_spans_in_range() and
   * sm_document_get_suggestions_in_range().
   */
  signals [RANGE_CHANGED] =
    g_signal_new ("range-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * SmDocument::relations-dropped:
   * @n_relations: how many
   *
   * Emitted after a user action that removed relations because their ends
   * no longer fit their type (a span relabelled, a schema changed): the
   * moment to say how many went. Undo brings them back.
   */
  signals [RELATIONS_DROPPED] =
    g_signal_new ("relations-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SmDocument::decision-changed:
   * @id: the item whose decision changed, by an edit, undo or redo
   */
  signals [DECISION_CHANGED] =
    g_signal_new ("decision-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SmDocument::ranges-changed:
   * @ranges: (element-type guint): pairs of code points [start, end), in
   *   order, none overlapping or touching another
   *
   * Many spans or suggestions changed at once (Tag All Matches, the undo
   * or redo of a large action, a run's suggestions taken in): told once,
   * in place of #SmDocument::range-changed for each. A view redraws the
   * highlights over @ranges.
   */
  signals [RANGES_CHANGED] =
    g_signal_new ("ranges-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/* Every label goes into the store through here, so that a lookup by id
 * (for each span and label read: 4 % of reading a corpus when it walked
 * the store) is a hash table's */
static void
insert_label (SmDocument *self,
              guint       position,
              SmLabel    *label)
{
  if (self->labels != NULL)
    g_list_store_insert (self->labels, position, label);
  else
    {
      if (self->unstored_labels == NULL)
        self->unstored_labels = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_insert (self->unstored_labels, position, g_object_ref (label));
    }
  g_hash_table_insert (self->labels_by_id, (gpointer) sm_label_get_id (label), label);
}

/* The store of the labels, made now if it was not yet: no one can have
 * been told of the labels in it before, so it is filled in silence */
static GListStore *
label_store (SmDocument *self)
{
  if (self->labels == NULL)
    {
      self->labels = g_list_store_new (SM_TYPE_LABEL);
      if (self->unstored_labels != NULL)
        {
          g_list_store_splice (self->labels, 0, 0, self->unstored_labels->pdata,
                               self->unstored_labels->len);
          g_clear_pointer (&self->unstored_labels, g_ptr_array_unref);
        }
    }

  return self->labels;
}

static guint
n_labels (SmDocument *self)
{
  if (self->labels != NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->labels));

  return self->unstored_labels != NULL ? self->unstored_labels->len : 0;
}

/* The store of pending and rejected suggestions, made on first use; the
 * queries that only read make none (a document read for a dataset has
 * no suggestions) */
static SmSuggestionStore *
get_suggestions (SmDocument *self)
{
  if (self->suggestions == NULL)
    self->suggestions = sm_suggestion_store_new ();

  return self->suggestions;
}

static void
sm_document_init (SmDocument *self)
{
  self->labels_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->label_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spans = sm_span_index_new ();
  self->spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_types = sm_relation_types_new ();
  sm_relation_types_reset (self->relation_types);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->next_span = 1;
  self->next_relation = 1;
  self->annotator = g_strdup ("");
  self->created = now_in_seconds ();
  self->modified_time = g_date_time_ref (self->created);
}

/* A document with no labels, for a reader that adds a file's own: making
 * the default ones only to remove them was 4 % of reading a corpus */
SmDocument *
_sm_document_new_without_labels (SmText     *text,
                                 const char *name)
{
  SmDocument *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SM_TYPE_DOCUMENT, NULL);
  self->text = sm_text_ref (text);
  self->name = g_strdup (name);

  return self;
}

/**
 * sm_document_new:
 * @text: the article text
 * @name: the document's name, usually the article's file name without ".txt"
 *
 * Creates a document with no spans and the default labels (Speaker, Claim,
 * Figure).
 */
SmDocument *
sm_document_new (SmText     *text,
                 const char *name)
{
  g_autoptr(GPtrArray) labels = NULL;
  SmDocument *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = _sm_document_new_without_labels (text, name);
  labels = sm_label_new_default_set ();
  for (guint i = 0; i < labels->len; i++)
    insert_label (self, i, g_ptr_array_index (labels, i));

  return self;
}

const char *
sm_document_get_name (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return self->name;
}

void
sm_document_set_name (SmDocument *self,
                      const char *name)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  sm_document_set_modified (self, TRUE);
}

/**
 * sm_document_get_text:
 *
 * Returns: (transfer none): the article text, exactly as loaded
 */
SmText *
sm_document_get_text (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * sm_document_get_length:
 *
 * Returns: the text's length in Unicode code points
 */
guint
sm_document_get_length (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  return self->text ? sm_text_get_length (self->text) : 0;
}

SmDocumentStatus
sm_document_get_status (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), SM_DOCUMENT_STATUS_NEW);

  return self->status;
}

/**
 * sm_document_set_status:
 *
 * Sets where the annotator is with this document, as an undoable action.
 */
void
sm_document_set_status (SmDocument       *self,
                        SmDocumentStatus  status)
{
  Change *change;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (status <= SM_DOCUMENT_STATUS_DONE);

  if (self->status == status)
    return;

  change = change_new (CHANGE_SET_STATUS, NULL, NULL);
  change->before_status = self->status;
  change->after_status = status;
  record (self, change);
}

/**
 * sm_document_status_to_string:
 *
 * Returns: "new", "in-progress" or "done", as files store it
 */
const char *
sm_document_status_to_string (SmDocumentStatus status)
{
  switch (status)
    {
    case SM_DOCUMENT_STATUS_NEW:
      return "new";
    case SM_DOCUMENT_STATUS_IN_PROGRESS:
      return "in-progress";
    case SM_DOCUMENT_STATUS_DONE:
      return "done";
    default:
      g_return_val_if_reached ("new");
    }
}

gboolean
sm_document_status_from_string (const char       *string,
                                SmDocumentStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (SmDocumentStatus s = SM_DOCUMENT_STATUS_NEW; s <= SM_DOCUMENT_STATUS_DONE; s++)
    {
      if (g_strcmp0 (string, sm_document_status_to_string (s)) == 0)
        {
          *status = s;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sm_document_get_annotator (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return self->annotator;
}

void
sm_document_set_annotator (SmDocument *self,
                           const char *annotator)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  if (annotator == NULL)
    annotator = "";

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANNOTATOR]);
  sm_document_set_modified (self, TRUE);
}

/**
 * sm_document_set_default_annotator:
 * @annotator: (nullable): who is saving or writing the document
 *
 * Records @annotator as the document's annotator unless it names one
 * already: a file keeps the name of whoever annotated it first, so a
 * curator who saves, or a batch run over, someone else's work does not
 * take it over. An empty @annotator records nothing.
 *
 * Returns: whether the document's annotator changed
 */
gboolean
sm_document_set_default_annotator (SmDocument *self,
                                   const char *annotator)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  if (annotator == NULL || annotator[0] == '\0' || self->annotator[0] != '\0')
    return FALSE;

  sm_document_set_annotator (self, annotator);
  return TRUE;
}

/**
 * sm_document_get_created_time:
 *
 * Returns: (transfer none): when the document was first created
 */
GDateTime *
sm_document_get_created_time (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return self->created;
}

/**
 * sm_document_get_modified_time:
 *
 * Returns: (transfer none): when its annotations last changed
 */
GDateTime *
sm_document_get_modified_time (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return self->modified_time;
}

/**
 * sm_document_get_labels:
 *
 * Returns: (transfer none): the document's labels, a #GListModel of #SmLabel
 */
GListModel *
sm_document_get_labels (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (label_store (self));
}

/**
 * sm_document_find_label:
 *
 * Returns: (transfer none) (nullable): the label with id @id
 */
SmLabel *
sm_document_find_label (SmDocument *self,
                        const char *id)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->labels_by_id, id);
}

/**
 * sm_document_find_label_by_key:
 *
 * Returns: (transfer none) (nullable): the label whose shortcut is @key
 */
SmLabel *
sm_document_find_label_by_key (SmDocument *self,
                               const char *key)
{
  GHashTableIter iter;
  SmLabel *label;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  if (key == NULL || key[0] == '\0')
    return NULL;

  /* No two labels share a key, so any order finds the one */
  g_hash_table_iter_init (&iter, self->labels_by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &label))
    {
      if (g_strcmp0 (sm_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

/**
 * sm_document_add_label:
 *
 * Adds a label at the end of the label set. Its id and key must not be
 * used by another label.
 */
gboolean
sm_document_add_label (SmDocument  *self,
                       SmLabel     *label,
                       GError     **error)
{
  SmLabel *other;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_LABEL (label), FALSE);

  if (sm_document_find_label (self, sm_label_get_id (label)) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("label %s is defined twice"), sm_label_get_id (label));
      return FALSE;
    }

  if ((other = sm_document_find_label_by_key (self, sm_label_get_key (label))) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("labels %s and %s both use the key “%s”"),
                   sm_label_get_id (other), sm_label_get_id (label), sm_label_get_key (label));
      return FALSE;
    }

  insert_label (self, n_labels (self), label);

  return TRUE;
}

/**
 * _sm_document_begin_reading:
 *
 * Says that a reader is building this new document, which no one else
 * has yet, so no one can be listening: until _sm_document_end_reading(),
 * what is added is told to no one. A signal for each span (GObject takes
 * a lock all threads share for each emission, and for each look for a
 * handler) was most of what reading a corpus on two cores spent waiting.
 */
void
_sm_document_begin_reading (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (!self->reading);

  self->reading = TRUE;
  sm_span_index_begin_batch (self->spans);
}

void
_sm_document_end_reading (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->reading);

  self->reading = FALSE;
  sm_span_index_end_batch (self->spans);
}

void
_sm_document_clear_labels (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (sm_document_get_n_spans (self) == 0);

  /* A store told to remove nothing still signals it */
  if (n_labels (self) == 0)
    return;

  g_hash_table_remove_all (self->labels_by_id);
  if (self->labels != NULL)
    g_list_store_remove_all (self->labels);
  else
    g_ptr_array_set_size (self->unstored_labels, 0);
}

/**
 * sm_document_get_spans:
 *
 * Returns: (transfer none): the spans in document order (by start, end,
 *   label), a #GListModel of #SmSpan that follows every change
 */
GListModel *
sm_document_get_spans (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->spans);
}

guint
sm_document_get_n_spans (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  return sm_span_index_get_n_spans (self->spans);
}

/**
 * sm_document_find_span:
 *
 * Returns: (transfer none) (nullable): the span with id @id
 */
SmSpan *
sm_document_find_span (SmDocument *self,
                       const char *id)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->spans_by_id, id);
}

/**
 * sm_document_find_exact_span:
 *
 * Returns: (transfer none) (nullable): the span with this range and label
 */
SmSpan *
sm_document_find_exact_span (SmDocument *self,
                             guint       start,
                             guint       end,
                             const char *label)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  return sm_span_index_find_exact (self->spans, start, end, label);
}

static gboolean
collect_span (SmSpan   *span,
              gpointer  user_data)
{
  g_ptr_array_add (user_data, g_object_ref (span));
  return TRUE;
}

/**
 * sm_document_get_spans_at:
 * @offset: a code point offset
 *
 * Returns: (transfer full) (element-type SmSpan): the spans a fragment of
 *   which covers @offset (not those with a gap there), in document order
 */
GPtrArray *
sm_document_get_spans_at (SmDocument *self,
                          guint       offset)
{
  GPtrArray *spans;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  spans = g_ptr_array_new_with_free_func (g_object_unref);
  sm_span_index_foreach_in_range (self->spans, offset, offset, collect_span, spans);

  return spans;
}

/**
 * sm_document_get_spans_in_range:
 * @start: first code point of the range
 * @end: code point after the range
 *
 * Returns: (transfer full) (element-type SmSpan): the spans a fragment of
 *   which overlaps [@start, @end), in document order
 */
GPtrArray *
sm_document_get_spans_in_range (SmDocument *self,
                                guint       start,
                                guint       end)
{
  GPtrArray *spans;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  spans = g_ptr_array_new_with_free_func (g_object_unref);
  if (start < end)
    sm_span_index_foreach_in_range (self->spans, start, end, collect_span, spans);

  return spans;
}

guint
sm_document_count_spans_with_label (SmDocument *self,
                                    const char *label)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->label_counts, label));
}

static gboolean
check_label (SmDocument  *self,
             const char  *label,
             GError     **error)
{
  if (sm_document_find_label (self, label) == NULL)
    {
      /* The label may come from a file: show it whatever it holds */
      g_autofree char *escaped = sm_text_escape_controls (label);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("unknown label “%s”; the document’s labels do not include it"), escaped);
      return FALSE;
    }

  return TRUE;
}

/* One stretch of a span: a range of the text, not empty */
static gboolean
check_range (SmDocument  *self,
             guint        start,
             guint        end,
             GError     **error)
{
  guint length = sm_document_get_length (self);

  if (start == end)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("empty span at %u: a span must cover at least one character"), start);
      return FALSE;
    }

  if (start > end)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("start %u is after end %u"), start, end);
      return FALSE;
    }

  if (end > length)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("end %u is past the end of the text (%u characters)"), end, length);
      return FALSE;
    }

  return TRUE;
}

/* The rules every span obeys, whoever adds it: a known label, fragments
 * that are ranges of the text, in order and apart, and no other span of
 * the label over the very same fragments. Spans may overlap and nest in
 * any other way, fragments included. */
static gboolean
check_span (SmDocument   *self,
            const char   *label,
            const guint  *bounds,
            guint         n_fragments,
            SmSpan       *moving,
            GError      **error)
{
  SmSpan *existing;

  if (!check_label (self, label, error))
    return FALSE;

  for (guint i = 0; i < n_fragments; i++)
    {
      if (!check_range (self, bounds[2 * i], bounds[2 * i + 1], error))
        return FALSE;

      if (i > 0 && bounds[2 * i - 1] >= bounds[2 * i])
        {
          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("fragment [%u, %u) does not start after the end of fragment [%u, %u): "
                         "fragments come in order, apart by at least one character"),
                       bounds[2 * i], bounds[2 * i + 1], bounds[2 * i - 2], bounds[2 * i - 1]);
          return FALSE;
        }
    }

  existing = sm_span_index_find_fragments (self->spans, label, bounds, n_fragments);
  if (existing != NULL && existing != moving)
    {
      if (n_fragments == 1)
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                     _("span %s already has label %s on [%u, %u)"),
                     sm_span_get_id (existing), label, bounds[0], bounds[1]);
      else
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                     _("span %s already has label %s on the same %u fragments"),
                     sm_span_get_id (existing), label, n_fragments);
      return FALSE;
    }

  return TRUE;
}

/* Ids "T<n>" and "R<n>" count up and are never handed out twice, not even
 * after the span or relation that had one was deleted. */
static char *
next_id (SmDocument *self,
         char        prefix,
         guint      *counter,
         GHashTable *taken)
{
  char *id;

  for (;;)
    {
      id = g_strdup_printf ("%c%u", prefix, (*counter)++);
      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

/* Numbers already used by ids of the form "<prefix><n>" must never be handed out */
static void
reserve_id (const char  *id,
            char         prefix,
            guint       *counter)
{
  guint64 number;
  char *end = NULL;

  if (id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;

  number = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && number < G_MAXUINT && number >= *counter)
    *counter = (guint) number + 1;
}

/**
 * sm_document_add_span:
 * @label: a label id of the document
 * @start: first code point
 * @end: code point after the span
 * @error: why the span was refused
 *
 * Adds a span with a new id, as an undoable action. Overlapping and nested
 * spans are allowed; an empty span, a span outside the text, an unknown
 * label and an exact duplicate (same label and range) are refused.
 *
 * Returns: (transfer none) (nullable): the new span
 */
SmSpan *
sm_document_add_span (SmDocument  *self,
                      const char  *label,
                      guint        start,
                      guint        end,
                      GError     **error)
{
  g_autoptr(SmSpan) span = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!check_span (self, label, (guint[]) { start, end }, 1, NULL, error))
    return NULL;

  id = next_id (self, 'T', &self->next_span, self->spans_by_id);
  text = sm_text_dup_slice (self->text, start, end);
  span = _sm_span_new (id, label, start, end, text);

  sm_document_begin_user_action (self);
  record (self, change_new (CHANGE_ADD_SPAN, span, NULL));
  /* Annotating is what puts a new document in progress */
  if (self->status == SM_DOCUMENT_STATUS_NEW)
    sm_document_set_status (self, SM_DOCUMENT_STATUS_IN_PROGRESS);
  sm_document_end_user_action (self);

  return span;
}

/**
 * sm_document_remove_span:
 *
 * Removes @span and every relation that involves it, as one undoable action.
 */
void
sm_document_remove_span (SmDocument *self,
                         SmSpan     *span)
{
  GPtrArray *relations;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (SM_IS_SPAN (span));
  g_return_if_fail (sm_document_find_span (self, sm_span_get_id (span)) == span);

  sm_document_begin_user_action (self);

  while ((relations = relations_of (self, span, FALSE)) != NULL)
    sm_document_remove_relation (self, g_ptr_array_index (relations, 0));

  record (self, change_new (CHANGE_REMOVE_SPAN, span, NULL));

  sm_document_end_user_action (self);
}

/**
 * sm_document_set_span_label:
 *
 * Relabels @span, as an undoable action. Its relations are kept, except
 * those whose type does not allow the new label at that end: they are
 * removed in the same action, and #SmDocument::relations-dropped says so.
 */
gboolean
sm_document_set_span_label (SmDocument  *self,
                            SmSpan      *span,
                            const char  *label,
                            GError     **error)
{
  const guint *bounds;
  guint n_fragments;
  Change *change;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (g_strcmp0 (sm_span_get_label (span), label) == 0)
    return TRUE;

  bounds = _sm_span_get_bounds (span, &n_fragments);
  if (!check_span (self, label, bounds, n_fragments, span, error))
    return FALSE;

  change = change_new (CHANGE_SET_LABEL, span, NULL);
  change->before = g_strdup (sm_span_get_label (span));
  change->after = g_strdup (label);

  sm_document_begin_user_action (self);
  record (self, change);
  drop_relations_that_do_not_fit (self, span);
  sm_document_end_user_action (self);

  return TRUE;
}

static GArray *
dup_bounds (SmSpan *span)
{
  guint n_fragments;
  const guint *bounds = _sm_span_get_bounds (span, &n_fragments);
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * n_fragments + 2);

  return g_array_append_vals (copy, bounds, 2 * n_fragments);
}

static gint
compare_fragment_starts (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  guint start_a = *(const guint *) a;
  guint start_b = *(const guint *) b;

  return start_a < start_b ? -1 : start_a > start_b;
}

/* Sorts non-empty fragments and merges those that overlap or touch, the
 * one way a span keeps them */
static void
normalize_bounds (GArray *bounds)
{
  guint n = 0;

  /* Each fragment, a pair of offsets, moves as one element */
  g_qsort_with_data (bounds->data, bounds->len / 2, 2 * sizeof (guint),
                     compare_fragment_starts, NULL);
  for (guint i = 0; i < bounds->len; i += 2)
    {
      guint start = g_array_index (bounds, guint, i);
      guint end = g_array_index (bounds, guint, i + 1);

      if (n > 0 && start <= g_array_index (bounds, guint, n - 1))
        {
          if (end > g_array_index (bounds, guint, n - 1))
            g_array_index (bounds, guint, n - 1) = end;
          continue;
        }

      g_array_index (bounds, guint, n++) = start;
      g_array_index (bounds, guint, n++) = end;
    }

  g_array_set_size (bounds, n);
}

/* Gives @span the fragments @bounds, as an undoable action */
static gboolean
set_fragments (SmDocument  *self,
               SmSpan      *span,
               GArray      *bounds,
               GError     **error)
{
  guint n_fragments;
  const guint *old = _sm_span_get_bounds (span, &n_fragments);
  Change *change;

  if (bounds->len == 2 * n_fragments &&
      memcmp (old, bounds->data, bounds->len * sizeof (guint)) == 0)
    return TRUE;

  if (!check_span (self, sm_span_get_label (span),
                   (const guint *) bounds->data, bounds->len / 2, span, error))
    return FALSE;

  change = change_new (CHANGE_SET_FRAGMENTS, span, NULL);
  change->before_bounds = dup_bounds (span);
  change->after_bounds = g_array_ref (bounds);
  record (self, change);

  return TRUE;
}

static gboolean
is_span_of (SmDocument *self,
            SmSpan     *span)
{
  return sm_document_find_span (self, sm_span_get_id (span)) == span;
}

/**
 * sm_document_set_span_range:
 * @start: where the span starts
 * @end: the code point after the span
 *
 * Moves or resizes @span, as an undoable action. A discontinuous span's
 * first fragment takes @start and its last fragment @end: an edge moves
 * within the fragment that owns it, which must not become empty (use
 * sm_document_set_fragment_range() for the edges inside).
 */
gboolean
sm_document_set_span_range (SmDocument  *self,
                            SmSpan      *span,
                            guint        start,
                            guint        end,
                            GError     **error)
{
  g_autoptr(GArray) bounds = NULL;
  guint n_fragments;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);

  if (sm_span_get_start (span) == start && sm_span_get_end (span) == end)
    return TRUE;

  bounds = dup_bounds (span);
  n_fragments = bounds->len / 2;
  if (n_fragments > 1)
    {
      guint first_end = g_array_index (bounds, guint, 1);
      guint last_start = g_array_index (bounds, guint, bounds->len - 2);

      if (start >= first_end || end <= last_start)
        {
          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("[%u, %u) would empty the first or last fragment of span %s: "
                         "its start stays before %u and its end after %u"),
                       start, end, sm_span_get_id (span), first_end, last_start);
          return FALSE;
        }
    }

  g_array_index (bounds, guint, 0) = start;
  g_array_index (bounds, guint, bounds->len - 1) = end;

  return set_fragments (self, span, bounds, error);
}

/**
 * sm_document_add_fragment:
 * @span: a span of the document
 * @start: first code point of the new fragment
 * @end: code point after it
 * @error: why the fragment was refused
 *
 * Adds [@start, @end) to @span, as an undoable action: the way a quotation
 * interrupted by its attribution becomes one span. A fragment that
 * overlaps or touches one of the span's fragments merges with it (so
 * adding the gap between two fragments joins them). Refused: an empty
 * range or one outside the text, a range already within one of the span's
 * fragments, and a result that duplicates another span of the label.
 */
gboolean
sm_document_add_fragment (SmDocument  *self,
                          SmSpan      *span,
                          guint        start,
                          guint        end,
                          GError     **error)
{
  g_autoptr(GArray) bounds = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);
  g_return_val_if_fail (is_span_of (self, span), FALSE);

  if (!check_range (self, start, end, error))
    return FALSE;

  if (sm_span_contains (span, start, end))
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("[%u, %u) is already part of span %s"), start, end, sm_span_get_id (span));
      return FALSE;
    }

  bounds = dup_bounds (span);
  g_array_append_vals (bounds, (guint[]) { start, end }, 2);
  normalize_bounds (bounds);

  return set_fragments (self, span, bounds, error);
}

/**
 * sm_document_remove_fragment:
 * @span: a span of the document
 * @index: which of its fragments
 * @error: why the fragment stays
 *
 * Removes one fragment of a discontinuous span, as an undoable action. A
 * span's only fragment is not removed this way: that is removing the span
 * (sm_document_remove_span()), which takes its relations with it.
 */
gboolean
sm_document_remove_fragment (SmDocument  *self,
                             SmSpan      *span,
                             guint        index,
                             GError     **error)
{
  g_autoptr(GArray) bounds = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);
  g_return_val_if_fail (is_span_of (self, span), FALSE);
  g_return_val_if_fail (index < sm_span_get_n_fragments (span), FALSE);

  if (sm_span_get_n_fragments (span) == 1)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("span %s has only one fragment: remove the span instead"),
                   sm_span_get_id (span));
      return FALSE;
    }

  bounds = dup_bounds (span);
  g_array_remove_range (bounds, 2 * index, 2);

  return set_fragments (self, span, bounds, error);
}

/**
 * sm_document_set_fragment_range:
 * @span: a span of the document
 * @index: which of its fragments
 * @start: the fragment's new start
 * @end: the code point after it
 * @error: why the fragment was refused
 *
 * Moves or resizes one fragment of @span, as an undoable action: dragging
 * an edge acts on the fragment that owns it. A fragment that comes to
 * overlap or touch another merges with it. Refused: an empty range or one
 * outside the text, and a result that duplicates another span of the label.
 */
gboolean
sm_document_set_fragment_range (SmDocument  *self,
                                SmSpan      *span,
                                guint        index,
                                guint        start,
                                guint        end,
                                GError     **error)
{
  g_autoptr(GArray) bounds = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);
  g_return_val_if_fail (is_span_of (self, span), FALSE);
  g_return_val_if_fail (index < sm_span_get_n_fragments (span), FALSE);

  if (!check_range (self, start, end, error))
    return FALSE;

  bounds = dup_bounds (span);
  g_array_index (bounds, guint, 2 * index) = start;
  g_array_index (bounds, guint, 2 * index + 1) = end;
  normalize_bounds (bounds);

  return set_fragments (self, span, bounds, error);
}

/**
 * sm_document_dup_span_text:
 * @span: a span of the document
 * @joiner: what goes between two fragments' texts
 *
 * The text of @span as a person reads it: the window marks the gaps of a
 * discontinuous span (" … "), where sm_span_get_text() joins fragments
 * with %SM_SPAN_FRAGMENT_JOINER as files and exports do.
 *
 * Returns: (transfer full): the fragments' texts joined by @joiner
 */
char *
sm_document_dup_span_text (SmDocument *self,
                           SmSpan     *span,
                           const char *joiner)
{
  const guint *bounds;
  guint n_fragments;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SM_IS_SPAN (span), NULL);
  g_return_val_if_fail (joiner != NULL, NULL);

  bounds = _sm_span_get_bounds (span, &n_fragments);
  return sm_text_dup_slices (self->text, bounds, n_fragments, joiner);
}

/**
 * sm_document_set_span_note:
 * @note: (nullable): the note; %NULL or "" removes it
 *
 * Sets the annotator's note on @span, as an undoable action.
 */
void
sm_document_set_span_note (SmDocument *self,
                           SmSpan     *span,
                           const char *note)
{
  Change *change;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (SM_IS_SPAN (span));

  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (g_strcmp0 (sm_span_get_note (span), note) == 0)
    return;

  change = change_new (CHANGE_SET_NOTE, span, NULL);
  change->before = g_strdup (sm_span_get_note (span));
  change->after = g_strdup (note);
  record (self, change);
}

/**
 * sm_document_get_relations:
 *
 * Returns: (transfer none): the relations, a #GListModel of #SmRelation
 */
GListModel *
sm_document_get_relations (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  ensure_relations (self);

  return G_LIST_MODEL (self->relations);
}

/**
 * sm_document_get_n_relations:
 *
 * Returns: how many relations the document has, without making the list
 *   of them that sm_document_get_relations() gives
 */
guint
sm_document_get_n_relations (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  return self->relations ? g_list_model_get_n_items (G_LIST_MODEL (self->relations)) : 0;
}

/**
 * sm_document_find_relation:
 *
 * Returns: (transfer none) (nullable): the relation with id @id
 */
SmRelation *
sm_document_find_relation (SmDocument *self,
                           const char *id)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return self->relations_by_id ? g_hash_table_lookup (self->relations_by_id, id) : NULL;
}

/**
 * sm_document_get_relations_of_span:
 *
 * Returns: (transfer full) (element-type SmRelation): the relations from or
 *   to @span
 */
GPtrArray *
sm_document_get_relations_of_span (SmDocument *self,
                                   SmSpan     *span)
{
  GPtrArray *relations;
  GPtrArray *result;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SM_IS_SPAN (span), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if ((relations = relations_of (self, span, FALSE)) != NULL)
    {
      for (guint i = 0; i < relations->len; i++)
        g_ptr_array_add (result, g_object_ref (g_ptr_array_index (relations, i)));
    }

  return result;
}

static SmRelation *
find_relation_between (SmDocument *self,
                       const char *type,
                       SmSpan     *from,
                       SmSpan     *to)
{
  GPtrArray *relations = relations_of (self, from, FALSE);

  for (guint i = 0; relations && i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (sm_relation_get_from (relation) == from &&
          (to == NULL || sm_relation_get_to (relation) == to) &&
          g_strcmp0 (sm_relation_get_type_name (relation), type) == 0)
        return relation;
    }

  return NULL;
}

static gboolean
check_relation (SmDocument  *self,
                const char  *type,
                SmSpan      *from,
                SmSpan      *to,
                gboolean     check_ends,
                GError     **error)
{
  SmRelation *existing;

  if (!sm_relation_type_is_valid (type, error))
    return FALSE;

  if (from == to)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("span %s cannot be related to itself"), sm_span_get_id (from));
      return FALSE;
    }

  if (check_ends && !sm_document_check_relation_ends (self, type, from, to, error))
    return FALSE;

  if ((existing = find_relation_between (self, type, from, to)) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("relation %s already links %s to %s as %s"),
                   sm_relation_get_id (existing), sm_span_get_id (from),
                   sm_span_get_id (to), type);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_document_add_relation:
 * @type: the relation type, e.g. %SM_RELATION_SAID_BY
 * @from: a span of the document
 * @to: another span of the document
 *
 * Adds a relation with a new id, as an undoable action. The same relation
 * twice, a span related to itself and ends whose labels its type does not
 * allow (sm_document_allows_relation()) are refused.
 *
 * Returns: (transfer none) (nullable): the new relation
 */
SmRelation *
sm_document_add_relation (SmDocument  *self,
                          const char  *type,
                          SmSpan      *from,
                          SmSpan      *to,
                          GError     **error)
{
  g_autoptr(SmRelation) relation = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SM_IS_SPAN (from), NULL);
  g_return_val_if_fail (SM_IS_SPAN (to), NULL);
  g_return_val_if_fail (sm_document_find_span (self, sm_span_get_id (from)) == from, NULL);
  g_return_val_if_fail (sm_document_find_span (self, sm_span_get_id (to)) == to, NULL);

  if (!check_relation (self, type, from, to, TRUE, error))
    return NULL;

  ensure_relations (self);
  id = next_id (self, 'R', &self->next_relation, self->relations_by_id);
  relation = _sm_relation_new (id, type, from, to);
  record (self, change_new (CHANGE_ADD_RELATION, NULL, relation));

  return relation;
}

/**
 * sm_document_remove_relation:
 *
 * Removes @relation, as an undoable action.
 */
void
sm_document_remove_relation (SmDocument *self,
                             SmRelation *relation)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (SM_IS_RELATION (relation));
  g_return_if_fail (sm_document_find_relation (self, sm_relation_get_id (relation)) == relation);

  record (self, change_new (CHANGE_REMOVE_RELATION, NULL, relation));
}

/**
 * sm_document_get_speaker:
 * @claim: a span
 *
 * Returns: (transfer none) (nullable): the speaker @claim is said by
 */
SmSpan *
sm_document_get_speaker (SmDocument *self,
                         SmSpan     *claim)
{
  SmRelation *relation;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SM_IS_SPAN (claim), NULL);

  relation = find_relation_between (self, SM_RELATION_SAID_BY, claim, NULL);

  return relation ? sm_relation_get_to (relation) : NULL;
}

/**
 * sm_document_set_speaker:
 * @claim: a CLAIM span (or one of another label said_by may start at)
 * @speaker: (nullable): a SPEAKER span (or one said_by may end at), or
 *   %NULL for nobody
 *
 * Attributes @claim to @speaker with a said_by relation, replacing any
 * earlier attribution, as one undoable action.
 */
gboolean
sm_document_set_speaker (SmDocument  *self,
                         SmSpan      *claim,
                         SmSpan      *speaker,
                         GError     **error)
{
  SmRelation *relation;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (claim), FALSE);
  g_return_val_if_fail (speaker == NULL || SM_IS_SPAN (speaker), FALSE);

  if (!check_end (self, SM_RELATION_SAID_BY, claim, TRUE, error) ||
      (speaker != NULL && !check_end (self, SM_RELATION_SAID_BY, speaker, FALSE, error)))
    return FALSE;

  if (sm_document_get_speaker (self, claim) == speaker)
    return TRUE;

  sm_document_begin_user_action (self);
  while ((relation = find_relation_between (self, SM_RELATION_SAID_BY, claim, NULL)) != NULL)
    sm_document_remove_relation (self, relation);
  if (speaker != NULL)
    sm_document_add_relation (self, SM_RELATION_SAID_BY, claim, speaker, NULL);
  sm_document_end_user_action (self);

  return TRUE;
}

/**
 * sm_document_begin_user_action:
 *
 * Groups the changes until the matching sm_document_end_user_action() into
 * one undo step ("Tag all matches" is one action, not a hundred). Calls nest.
 */
void
sm_document_begin_user_action (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  if (self->user_action_depth++ == 0)
    {
      self->open_action = action_new ();
      self->n_spans_before_action = sm_document_get_n_spans (self);
      self->n_dropped = 0;
    }
}

static void
notify_history (SmDocument *self,
                gboolean    could_undo,
                gboolean    could_redo,
                gboolean    was_modified,
                guint       n_spans)
{
  if (could_undo != sm_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != sm_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  if (was_modified != sm_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
  if (n_spans != sm_document_get_n_spans (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SPANS]);

  self->version++;
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
touch (SmDocument *self)
{
  g_clear_pointer (&self->modified_time, g_date_time_unref);
  self->modified_time = now_in_seconds ();
}

void
sm_document_end_user_action (SmDocument *self)
{
  g_autoptr(GPtrArray) action = NULL;
  gboolean could_undo, could_redo, was_modified;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->user_action_depth > 0);

  if (--self->user_action_depth > 0)
    return;

  action = g_steal_pointer (&self->open_action);
  if (action->len == 0)
    return;

  could_undo = sm_document_can_undo (self);
  could_redo = sm_document_can_redo (self);
  was_modified = sm_document_get_modified (self);

  /* A new action forks history: the undone steps, and a save among them, are gone */
  g_ptr_array_set_size (self->redo_stack, 0);
  if (self->save_point > self->undo_stack->len)
    self->save_point = G_MAXUINT;
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&action));
  touch (self);

  notify_history (self, could_undo, could_redo, was_modified, self->n_spans_before_action);

  if (self->n_dropped > 0)
    {
      guint n_dropped = self->n_dropped;

      self->n_dropped = 0;
      g_signal_emit (self, signals [RELATIONS_DROPPED], 0, n_dropped);
    }
}

gboolean
sm_document_can_undo (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
sm_document_can_redo (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * sm_document_undo:
 *
 * Reverts the last user action.
 */
void
sm_document_undo (SmDocument *self)
{
  GPtrArray *action;
  gboolean was_modified;
  guint n_spans;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->user_action_depth == 0);

  if (!sm_document_can_undo (self))
    return;

  was_modified = sm_document_get_modified (self);
  n_spans = sm_document_get_n_spans (self);

  action = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  if (action->len > BATCH_MIN_CHANGES)
    begin_batch (self);
  for (guint i = action->len; i > 0; i--)
    apply_change (self, g_ptr_array_index (action, i - 1), FALSE);
  if (action->len > BATCH_MIN_CHANGES)
    end_batch (self);
  g_ptr_array_add (self->redo_stack, action);
  touch (self);

  notify_history (self, TRUE, self->redo_stack->len > 1, was_modified, n_spans);
}

/**
 * sm_document_redo:
 *
 * Does again the last user action that was undone.
 */
void
sm_document_redo (SmDocument *self)
{
  GPtrArray *action;
  gboolean was_modified;
  guint n_spans;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->user_action_depth == 0);

  if (!sm_document_can_redo (self))
    return;

  was_modified = sm_document_get_modified (self);
  n_spans = sm_document_get_n_spans (self);

  action = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  if (action->len > BATCH_MIN_CHANGES)
    begin_batch (self);
  for (guint i = 0; i < action->len; i++)
    apply_change (self, g_ptr_array_index (action, i), TRUE);
  if (action->len > BATCH_MIN_CHANGES)
    end_batch (self);
  g_ptr_array_add (self->undo_stack, action);
  touch (self);

  notify_history (self, self->undo_stack->len > 1, TRUE, was_modified, n_spans);
}

/**
 * sm_document_get_modified:
 *
 * Returns: whether the document differs from what was last saved (or
 *   loaded); undoing back to that point makes it unmodified again
 */
gboolean
sm_document_get_modified (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return self->changed_outside_history || self->save_point != self->undo_stack->len;
}

/**
 * sm_document_set_modified:
 * @modified: %FALSE once the document is saved; %TRUE to mark it changed
 */
void
sm_document_set_modified (SmDocument *self,
                          gboolean    modified)
{
  gboolean was_modified;

  g_return_if_fail (SM_IS_DOCUMENT (self));

  was_modified = sm_document_get_modified (self);

  if (modified)
    self->changed_outside_history = TRUE;
  else
    {
      self->changed_outside_history = FALSE;
      self->save_point = self->undo_stack->len;
    }

  if (was_modified != sm_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);

  if (modified)
    {
      self->version++;
      g_signal_emit (self, signals [CHANGED], 0);
    }
}

guint64
_sm_document_get_version (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  return self->version;
}

/**
 * _sm_document_mark_saved:
 * @version: what _sm_document_get_version() said when the saved bytes were made
 *
 * Marks the document unmodified, unless it changed after @version.
 */
void
_sm_document_mark_saved (SmDocument *self,
                         guint64     version)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  if (version == self->version)
    sm_document_set_modified (self, FALSE);
}

/* Used by the format to build a loaded document: checked, not recorded */

gboolean
_sm_document_insert_span (SmDocument  *self,
                          SmSpan      *span,
                          GError     **error)
{
  const guint *bounds;
  guint n_fragments;
  const char *id;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (span), FALSE);

  id = sm_span_get_id (span);
  if (g_hash_table_contains (self->spans_by_id, id))
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("the id %s is used by another span"), id);
      return FALSE;
    }

  bounds = _sm_span_get_bounds (span, &n_fragments);
  if (!check_span (self, sm_span_get_label (span), bounds, n_fragments, NULL, error))
    return FALSE;

  reserve_id (id, 'T', &self->next_span);
  do_insert_span (self, span);

  return TRUE;
}

gboolean
_sm_document_insert_relation (SmDocument  *self,
                              SmRelation  *relation,
                              GError     **error)
{
  const char *id;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_RELATION (relation), FALSE);

  id = sm_relation_get_id (relation);
  if (self->relations_by_id != NULL && g_hash_table_contains (self->relations_by_id, id))
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("the id %s is used by another relation"), id);
      return FALSE;
    }

  /* A relation whose ends break its type is kept, never dropped on load:
   * sm_document_check_relations() reports it */
  if (!check_relation (self, sm_relation_get_type_name (relation),
                       sm_relation_get_from (relation), sm_relation_get_to (relation),
                       FALSE, error))
    return FALSE;

  reserve_id (id, 'R', &self->next_relation);
  do_add_relation (self, relation);

  return TRUE;
}

gboolean
_sm_document_check_span (SmDocument  *self,
                         const char  *label,
                         guint        start,
                         guint        end,
                         GError     **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return check_span (self, label, (guint[]) { start, end }, 1, NULL, error);
}

/**
 * _sm_document_check_range:
 *
 * Whether [@start, @end) could be a fragment of a span: not empty, within
 * the text.
 */
gboolean
_sm_document_check_range (SmDocument  *self,
                          guint        start,
                          guint        end,
                          GError     **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return check_range (self, start, end, error);
}

/**
 * _sm_document_check_fragments:
 * @bounds: 2 × @n_fragments offsets, each fragment's start and end
 *
 * Whether a span of @label over these fragments could be inserted: the
 * rules of sm_document_add_fragment(), for a loader to check before it
 * builds the span.
 */
gboolean
_sm_document_check_fragments (SmDocument   *self,
                              const char   *label,
                              const guint  *bounds,
                              guint         n_fragments,
                              GError      **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (bounds != NULL && n_fragments > 0, FALSE);

  return check_span (self, label, bounds, n_fragments, NULL, error);
}

/**
 * _sm_document_set_loaded_meta:
 *
 * Sets what a file recorded, without history and without marking the
 * document modified.
 */
void
_sm_document_set_loaded_meta (SmDocument       *self,
                              SmDocumentStatus  status,
                              const char       *annotator,
                              GDateTime        *created,
                              GDateTime        *modified)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  self->status = status;
  g_free (self->annotator);
  self->annotator = g_strdup (annotator ? annotator : "");

  if (created)
    {
      g_clear_pointer (&self->created, g_date_time_unref);
      self->created = g_date_time_ref (created);
    }

  if (modified)
    {
      g_clear_pointer (&self->modified_time, g_date_time_unref);
      self->modified_time = g_date_time_ref (modified);
    }
}

void
_sm_document_get_next_numbers (SmDocument *self,
                               guint      *next_span,
                               guint      *next_relation)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  *next_span = self->next_span;
  *next_relation = self->next_relation;
}

/**
 * _sm_document_set_next_numbers:
 *
 * Raises the counters that new ids are made from, so that a saved
 * document never hands out again an id it once used.
 */
void
_sm_document_set_next_numbers (SmDocument *self,
                               guint       next_span,
                               guint       next_relation)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  self->next_span = MAX (self->next_span, next_span);
  self->next_relation = MAX (self->next_relation, next_relation);
}

/*
 * Label set editing
 *
 * Adding, renaming, recolouring, re-keying, reordering and removing labels,
 * relabelling all the spans of one label, and bringing a document's labels
 * in line with a project's schema. Each is an undoable action in the one
 * history, like any span edit, and nothing here drops a span without
 * saying so: removing a label that spans use is a separate, explicit call
 * that the window makes after sm_document_count_label_uses() and a question.
 */

static void
apply_label_change (SmDocument *self,
                    Change     *change,
                    gboolean    forward)
{
  gboolean adding = (change->kind == CHANGE_ADD_LABEL) == forward;
  guint position;

  switch (change->kind)
    {
    case CHANGE_ADD_LABEL:
    case CHANGE_REMOVE_LABEL:
      if (adding)
        {
          position = change->kind == CHANGE_ADD_LABEL ? change->after_start : change->before_start;
          /* A schema taken on outside the history may have changed the list since */
          position = MIN (position, n_labels (self));
          insert_label (self, position, change->label);
        }
      else if (g_list_store_find (label_store (self), change->label, &position))
        {
          g_hash_table_remove (self->labels_by_id, sm_label_get_id (change->label));
          g_list_store_remove (label_store (self), position);
        }
      break;

    case CHANGE_SET_LABEL_NAME:
      sm_label_set_name (change->label, forward ? change->after : change->before);
      break;

    case CHANGE_SET_LABEL_COLOR:
      sm_label_set_color (change->label, forward ? change->after : change->before);
      break;

    case CHANGE_SET_LABEL_KEY:
      sm_label_set_key (change->label, forward ? change->after : change->before);
      break;

    case CHANGE_MOVE_LABEL:
      if (g_list_store_find (label_store (self), change->label, &position))
        {
          g_object_ref (change->label);
          g_list_store_remove (label_store (self), position);
          position = forward ? change->after_start : change->before_start;
          position = MIN (position, n_labels (self));
          g_list_store_insert (label_store (self), position, change->label);
          g_object_unref (change->label);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static guint
label_position (SmDocument *self,
                SmLabel    *label)
{
  guint position = 0;

  g_list_store_find (label_store (self), label, &position);

  return position;
}

static void
record_label_string (SmDocument *self,
                     ChangeKind  kind,
                     SmLabel    *label,
                     const char *before,
                     const char *after)
{
  Change *change;

  if (g_strcmp0 (before, after) == 0)
    return;

  change = change_new (kind, NULL, NULL);
  change->label = g_object_ref (label);
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  record (self, change);
}

static void
record_label_move (SmDocument *self,
                   SmLabel    *label,
                   guint       position)
{
  guint n = n_labels (self);
  Change *change;

  position = MIN (position, n - 1);
  if (position == label_position (self, label))
    return;

  change = change_new (CHANGE_MOVE_LABEL, NULL, NULL);
  change->label = g_object_ref (label);
  change->before_start = label_position (self, label);
  change->after_start = position;
  record (self, change);
}

static void
record_label_insert (SmDocument *self,
                     SmLabel    *label,
                     guint       position)
{
  Change *change = change_new (CHANGE_ADD_LABEL, NULL, NULL);

  change->label = g_object_ref (label);
  change->after_start = MIN (position, n_labels (self));
  record (self, change);
}

/**
 * sm_document_insert_label:
 * @label: a new label, which the document takes over
 * @position: where it goes in the label list; past the end means last
 *
 * Adds a label as an undoable action (sm_document_add_label() is for
 * building a label set as a file is read). Its id must be new, its name
 * not empty and its key free (sm_label_check_key()).
 */
gboolean
sm_document_insert_label (SmDocument  *self,
                          SmLabel     *label,
                          guint        position,
                          GError     **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_LABEL (label), FALSE);

  if (sm_document_find_label (self, sm_label_get_id (label)) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("there is already a label with the id %s"), sm_label_get_id (label));
      return FALSE;
    }

  if (!sm_label_check_name (sm_label_get_name (label), error) ||
      !sm_label_check_key (G_LIST_MODEL (label_store (self)), sm_label_get_id (label),
                             sm_label_get_key (label), error))
    return FALSE;

  record_label_insert (self, label, position);

  return TRUE;
}

/**
 * sm_document_set_label_name:
 * @label: a label id of the document
 * @name: the name people read, not empty
 *
 * Renames a label, as an undoable action. Its id, which spans and files
 * store, stays as it is, so no span changes. The Labels dialog renames
 * with sm_document_rename_label(), which also gives an unused label an id
 * made from its new name.
 */
gboolean
sm_document_set_label_name (SmDocument  *self,
                            const char  *label,
                            const char  *name,
                            GError     **error)
{
  SmLabel *object;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  object = sm_document_find_label (self, label);
  g_return_val_if_fail (object != NULL, FALSE);

  if (!sm_label_check_name (name, error))
    return FALSE;

  record_label_string (self, CHANGE_SET_LABEL_NAME, object, sm_label_get_name (object), name);

  return TRUE;
}

/**
 * sm_document_label_keeps_id:
 * @label: a label id of the document
 * @n_spans: (out) (optional): how many spans use it
 *
 * Whether renaming @label keeps its id: it does when a span uses it (a
 * file or a dataset may already hold the id), when one of the document's
 * relation types names it (they live outside the history, so an undoable
 * rename cannot change them) and for Spanmark's own labels
 * (sm_label_id_is_builtin()). Any other takes its id from its name.
 */
gboolean
sm_document_label_keeps_id (SmDocument *self,
                            const char *label,
                            guint      *n_spans)
{
  guint n;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), TRUE);
  g_return_val_if_fail (label != NULL, TRUE);

  n = sm_document_count_spans_with_label (self, label);
  if (n_spans != NULL)
    *n_spans = n;

  return n > 0 ||
         sm_relation_types_names_label (self->relation_types, label) ||
         sm_label_id_is_builtin (label);
}

/**
 * sm_document_rename_label:
 * @label: a label id of the document
 * @name: the name people read, not empty
 * @new_id: (out) (optional) (transfer full): the label's id afterwards
 *
 * Renames a label, as one undoable action. Unless it keeps its id
 * (sm_document_label_keeps_id()), the label also takes an id made from
 * @name (sm_label_propose_id()), one no other label of the document has:
 * "Source" becomes SOURCE rather than staying LABEL_4, the id that
 * exports and statistics show.
 */
gboolean
sm_document_rename_label (SmDocument  *self,
                          const char  *label,
                          const char  *name,
                          char       **new_id,
                          GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SmLabel) renamed = NULL;
  g_autofree char *id = NULL;
  SmLabel *object;
  Change *change;
  guint n;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  object = sm_document_find_label (self, label);
  g_return_val_if_fail (object != NULL, FALSE);

  if (!sm_label_check_name (name, error))
    return FALSE;

  if (!sm_document_label_keeps_id (self, label, NULL))
    {
      n = n_labels (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmLabel) other = g_list_model_get_item (G_LIST_MODEL (label_store (self)), i);

          if (other != object)
            g_hash_table_add (taken, (gpointer) sm_label_get_id (other));
        }
      id = sm_label_propose_id (name, taken);
    }

  if (id == NULL || g_strcmp0 (id, label) == 0)
    {
      record_label_string (self, CHANGE_SET_LABEL_NAME, object, sm_label_get_name (object), name);
      if (new_id != NULL)
        *new_id = g_strdup (label);
      return TRUE;
    }

  /* An id is for life: the label is replaced by one with the new id, in
   * its place. No span uses it, so none changes. */
  renamed = sm_label_new (id, name, sm_label_get_color (object), sm_label_get_key (object));

  sm_document_begin_user_action (self);
  change = change_new (CHANGE_REMOVE_LABEL, NULL, NULL);
  change->label = g_object_ref (object);
  change->before_start = label_position (self, object);
  record (self, change);
  record_label_insert (self, renamed, change->before_start);
  sm_document_end_user_action (self);

  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);

  return TRUE;
}

/**
 * sm_document_set_label_color:
 * @color: "#RRGGBB"
 *
 * Recolours a label, as an undoable action.
 */
gboolean
sm_document_set_label_color (SmDocument  *self,
                             const char  *label,
                             const char  *color,
                             GError     **error)
{
  SmLabel *object;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  object = sm_document_find_label (self, label);
  g_return_val_if_fail (object != NULL, FALSE);

  if (!sm_label_color_is_valid (color, error))
    return FALSE;

  record_label_string (self, CHANGE_SET_LABEL_COLOR, object, sm_label_get_color (object), color);

  return TRUE;
}

/**
 * sm_document_set_label_key:
 * @key: (nullable): one of %SM_LABEL_KEYS, or ""/%NULL for none
 *
 * Sets the key that applies a label, as an undoable action. A key another
 * label uses, or one the window keeps for itself, is refused with a
 * message that proposes a free one.
 */
gboolean
sm_document_set_label_key (SmDocument  *self,
                           const char  *label,
                           const char  *key,
                           GError     **error)
{
  SmLabel *object;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  object = sm_document_find_label (self, label);
  g_return_val_if_fail (object != NULL, FALSE);

  if (!sm_label_check_key (G_LIST_MODEL (label_store (self)), label, key, error))
    return FALSE;

  record_label_string (self, CHANGE_SET_LABEL_KEY, object, sm_label_get_key (object),
                       key ? key : "");

  return TRUE;
}

/**
 * sm_document_move_label:
 * @position: the label's new place; past the end means last
 *
 * Reorders the labels, as an undoable action.
 */
void
sm_document_move_label (SmDocument *self,
                        const char *label,
                        guint       position)
{
  SmLabel *object;

  g_return_if_fail (SM_IS_DOCUMENT (self));

  object = sm_document_find_label (self, label);
  g_return_if_fail (object != NULL);

  record_label_move (self, object, position);
}

typedef struct
{
  const char *label;
  GPtrArray  *spans;
} SpansWithLabel;

static gboolean
collect_span_with_label (SmSpan   *span,
                         gpointer  user_data)
{
  SpansWithLabel *data = user_data;

  if (g_strcmp0 (sm_span_get_label (span), data->label) == 0)
    g_ptr_array_add (data->spans, g_object_ref (span));

  return TRUE;
}

static GPtrArray *
spans_with_label (SmDocument *self,
                  const char *label)
{
  SpansWithLabel data = { label, g_ptr_array_new_with_free_func (g_object_unref) };

  if (sm_document_count_spans_with_label (self, label) > 0)
    sm_span_index_foreach (self->spans, collect_span_with_label, &data);

  return data.spans;
}

/**
 * sm_document_count_label_uses:
 * @label: a label id
 * @n_relations: (out) (optional): how many relations involve those spans
 *
 * What removing @label would take with it, for the window to say before it
 * asks: "12 spans and 9 relations use Claim".
 *
 * Returns: how many spans have @label
 */
guint
sm_document_count_label_uses (SmDocument *self,
                              const char *label,
                              guint      *n_relations)
{
  guint n_spans;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  n_spans = sm_document_count_spans_with_label (self, label);

  if (n_relations != NULL)
    {
      guint n = sm_document_get_n_relations (self);

      *n_relations = 0;
      for (guint i = 0; n_spans > 0 && i < n; i++)
        {
          g_autoptr(SmRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

          if (g_strcmp0 (sm_span_get_label (sm_relation_get_from (relation)), label) == 0 ||
              g_strcmp0 (sm_span_get_label (sm_relation_get_to (relation)), label) == 0)
            (*n_relations)++;
        }
    }

  return n_spans;
}

/**
 * sm_document_remove_label:
 * @label: a label id of the document
 *
 * Removes a label, the spans that have it and their relations, as one
 * undoable action. Ask first: sm_document_count_label_uses() says how many
 * spans would go.
 */
void
sm_document_remove_label (SmDocument *self,
                          const char *label)
{
  g_autoptr(GPtrArray) spans = NULL;
  SmLabel *object;
  Change *change;

  g_return_if_fail (SM_IS_DOCUMENT (self));

  object = sm_document_find_label (self, label);
  g_return_if_fail (object != NULL);

  sm_document_begin_user_action (self);

  spans = spans_with_label (self, label);
  for (guint i = 0; i < spans->len; i++)
    sm_document_remove_span (self, g_ptr_array_index (spans, i));

  change = change_new (CHANGE_REMOVE_LABEL, NULL, NULL);
  change->label = g_object_ref (object);
  change->before_start = label_position (self, object);
  record (self, change);

  sm_document_end_user_action (self);
}

/* @span is dropped in favour of @keeper, the same range under the target
 * label: its relations move over unless @keeper already has them. */
static void
merge_span_into (SmDocument *self,
                 SmSpan     *span,
                 SmSpan     *keeper)
{
  g_autoptr(GPtrArray) relations = sm_document_get_relations_of_span (self, span);

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);
      const char *type = sm_relation_get_type_name (relation);
      SmSpan *from = sm_relation_get_from (relation);
      SmSpan *to = sm_relation_get_to (relation);

      from = from == span ? keeper : from;
      to = to == span ? keeper : to;

      /* A claim keeps its one speaker */
      if (g_strcmp0 (type, SM_RELATION_SAID_BY) == 0 && from == keeper &&
          find_relation_between (self, type, keeper, NULL) != NULL)
        continue;

      if (from == to || find_relation_between (self, type, from, to) != NULL)
        continue;

      if (sm_document_check_relation_ends (self, type, from, to, NULL))
        sm_document_add_relation (self, type, from, to, NULL);
      else
        self->n_dropped++;
    }

  sm_document_remove_span (self, span);
}

/**
 * sm_document_relabel_spans:
 * @from: the label to map, often one the project does not know
 * @to: the label its spans get instead
 * @n_spans: (out) (optional): how many spans were relabelled
 *
 * Gives every span labelled @from the label @to, as one undoable action:
 * the way to map a document's unknown labels onto the project's. Relations
 * are kept where their type allows @to (the others are removed in the same
 * action). A span whose range already has a @to span is merged into it.
 * The label @from stays in the label set, now unused.
 */
gboolean
sm_document_relabel_spans (SmDocument  *self,
                           const char  *from,
                           const char  *to,
                           guint       *n_spans,
                           GError     **error)
{
  g_autoptr(GPtrArray) spans = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (n_spans != NULL)
    *n_spans = 0;

  if (sm_document_find_label (self, to) == NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("unknown label “%s”; the document’s labels do not include it"), to);
      return FALSE;
    }

  if (g_strcmp0 (from, to) == 0)
    return TRUE;

  spans = spans_with_label (self, from);

  sm_document_begin_user_action (self);
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      guint n_fragments;
      const guint *bounds = _sm_span_get_bounds (span, &n_fragments);
      SmSpan *keeper = sm_span_index_find_fragments (self->spans, to, bounds, n_fragments);

      if (keeper != NULL)
        merge_span_into (self, span, keeper);
      else
        {
          Change *change = change_new (CHANGE_SET_LABEL, span, NULL);

          change->before = g_strdup (from);
          change->after = g_strdup (to);
          record (self, change);
        }
    }
  for (guint i = 0; i < spans->len; i++)
    drop_relations_that_do_not_fit (self, g_ptr_array_index (spans, i));
  sm_document_end_user_action (self);

  if (n_spans != NULL)
    *n_spans = spans->len;

  return TRUE;
}

static SmLabel *
find_label_in (GListModel *labels,
               const char *id)
{
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_id (label), id) == 0)
        return label;
    }

  return NULL;
}

/**
 * sm_document_dup_labels_missing_from:
 * @labels: a #GListModel of #SmLabel, usually sm_project_get_labels()
 *
 * Returns: (transfer full): the ids of the labels that spans of the
 *   document use and @labels lacks, in the document's label order
 */
char **
sm_document_dup_labels_missing_from (SmDocument *self,
                                     GListModel *labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);

  n = n_labels (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (G_LIST_MODEL (label_store (self)), i);
      const char *id = sm_label_get_id (label);

      if (sm_document_count_spans_with_label (self, id) > 0 && find_label_in (labels, id) == NULL)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static char **apply_label_set (SmDocument  *self,
                               GListModel  *labels,
                               GError     **error);

static gboolean
check_label_set (GListModel  *labels,
                 GError     **error)
{
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      for (guint j = 0; j < i; j++)
        {
          g_autoptr(SmLabel) other = g_list_model_get_item (labels, j);
          const char *key = sm_label_get_key (label);

          if (g_strcmp0 (sm_label_get_id (label), sm_label_get_id (other)) == 0)
            {
              g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                           _("label %s is defined twice"), sm_label_get_id (label));
              return FALSE;
            }

          if (key[0] != '\0' && g_strcmp0 (key, sm_label_get_key (other)) == 0)
            {
              g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                           _("labels %s and %s both use the key “%s”"),
                           sm_label_get_id (other), sm_label_get_id (label), key);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * sm_document_apply_label_set:
 * @labels: a #GListModel of #SmLabel, usually sm_project_get_labels()
 * @error: why @labels cannot be a label set (an id or a key twice)
 *
 * Brings the document's labels in line with a schema, as one undoable
 * action: the labels of @labels are added or updated (name, colour, key)
 * and put in its order. Labels the document has and @labels lacks are
 * dropped if no span uses them; those spans use are kept, after the
 * others, and returned so the window can show them and offer to map them
 * (sm_document_relabel_spans()). A kept label loses its key only if a
 * label of @labels has it. The document takes copies: later changes to
 * @labels do not reach it.
 *
 * Returns: (transfer full) (nullable): the ids of the kept labels that
 *   @labels lacks (empty if none), or %NULL on error
 */
char **
sm_document_apply_label_set (SmDocument  *self,
                             GListModel  *labels,
                             GError     **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);

  return apply_label_set (self, labels, error);
}

/**
 * sm_document_adopt_label_set:
 * @labels: a #GListModel of #SmLabel, usually sm_project_get_labels()
 * @error: why @labels cannot be a label set (an id or a key twice)
 *
 * Does what sm_document_apply_label_set() does, outside the undo history
 * and without marking the document modified: for a schema the document
 * takes on (a corpus's, as it is opened or when the schema file changes
 * on disk), which is not an edit the user made.
 *
 * Returns: (transfer full) (nullable): the ids of the kept labels that
 *   @labels lacks (empty if none), or %NULL on error
 */
char **
sm_document_adopt_label_set (SmDocument  *self,
                             GListModel  *labels,
                             GError     **error)
{
  char **kept;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);
  g_return_val_if_fail (self->user_action_depth == 0, NULL);

  self->outside_history++;
  kept = apply_label_set (self, labels, error);
  self->outside_history--;
  self->version++;

  return kept;
}

static char **
apply_label_set (SmDocument  *self,
                 GListModel  *labels,
                 GError     **error)
{
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func (g_object_unref);
  guint n, n_current;

  if (!check_label_set (labels, error))
    return NULL;

  n = g_list_model_get_n_items (labels);
  n_current = n_labels (self);
  for (guint i = 0; i < n_current; i++)
    g_ptr_array_add (current, g_list_model_get_item (G_LIST_MODEL (label_store (self)), i));

  sm_document_begin_user_action (self);

  /* First free the keys @labels gives to other labels, so that no step
   * below ever has two labels on one key. */
  for (guint i = 0; i < current->len; i++)
    {
      SmLabel *label = g_ptr_array_index (current, i);
      const char *key = sm_label_get_key (label);
      SmLabel *owner = NULL;

      for (guint j = 0; key[0] != '\0' && j < n && owner == NULL; j++)
        {
          g_autoptr(SmLabel) wanted = g_list_model_get_item (labels, j);

          if (g_strcmp0 (sm_label_get_key (wanted), key) == 0)
            owner = wanted;
        }

      if (owner != NULL && g_strcmp0 (sm_label_get_id (owner), sm_label_get_id (label)) != 0)
        record_label_string (self, CHANGE_SET_LABEL_KEY, label, key, "");
    }

  /* Then the schema's labels, in its order, at the top */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) wanted = g_list_model_get_item (labels, i);
      SmLabel *label = sm_document_find_label (self, sm_label_get_id (wanted));

      if (label == NULL)
        {
          g_autoptr(SmLabel) copy = sm_label_new (sm_label_get_id (wanted), sm_label_get_name (wanted),
                                                  sm_label_get_color (wanted), sm_label_get_key (wanted));

          record_label_insert (self, copy, i);
          continue;
        }

      record_label_string (self, CHANGE_SET_LABEL_NAME, label,
                           sm_label_get_name (label), sm_label_get_name (wanted));
      record_label_string (self, CHANGE_SET_LABEL_COLOR, label,
                           sm_label_get_color (label), sm_label_get_color (wanted));
      record_label_string (self, CHANGE_SET_LABEL_KEY, label,
                           sm_label_get_key (label), sm_label_get_key (wanted));
      record_label_move (self, label, i);
    }

  /* The rest are the document's own: kept while spans use them */
  for (guint i = 0; i < current->len; i++)
    {
      SmLabel *label = g_ptr_array_index (current, i);
      const char *id = sm_label_get_id (label);

      if (find_label_in (labels, id) == NULL && sm_document_count_spans_with_label (self, id) == 0)
        {
          Change *change = change_new (CHANGE_REMOVE_LABEL, NULL, NULL);

          change->label = g_object_ref (label);
          change->before_start = label_position (self, label);
          record (self, change);
        }
    }

  sm_document_end_user_action (self);

  return sm_document_dup_labels_missing_from (self, labels);
}

/*
 * Relation types
 *
 * Which labels a relation of each type may start and end at: said_by goes
 * from a CLAIM to a SPEAKER unless a schema says otherwise. They are the
 * document's schema, like its labels, so setting them is not an edit of
 * the annotations: outside the history, and not a modification. Every
 * edit of the annotations keeps the rule (a relation whose ends its type
 * does not allow is refused, or removed in the same action when a
 * relabel breaks it); a file may still break it, and is loaded as it is so
 * that nothing is dropped: sm_document_check_relations() reports it.
 */

/**
 * _sm_document_has_default_relation_types:
 *
 * Returns: whether the relation types are the default ones (claims said by
 *   speakers), which a file need not write
 */
gboolean
_sm_document_has_default_relation_types (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return sm_relation_types_is_default (self->relation_types);
}

/**
 * sm_document_reset_relation_types:
 *
 * Gives the document the default relation types: said_by from CLAIM to
 * SPEAKER. Outside the history, like every change to the relation types.
 */
void
sm_document_reset_relation_types (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  sm_relation_types_reset (self->relation_types);
  self->version++;
}

/**
 * sm_document_clear_relation_types:
 *
 * Forgets every relation type: relations of any type may then link any
 * two spans. Outside the history.
 */
void
sm_document_clear_relation_types (SmDocument *self)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  sm_relation_types_clear (self->relation_types);
  self->version++;
}

static gboolean
check_label_ids (const char * const  *labels,
                 const char          *member,
                 GError             **error)
{
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (!sm_label_id_is_valid (labels[i], NULL))
        {
          g_autofree char *escaped = sm_text_escape_controls (labels[i]);

          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("“%s” names “%s”, which is not a label id"), member, escaped);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sm_document_set_relation_type:
 * @type: a relation type, such as %SM_RELATION_SAID_BY
 * @from: the ids of the labels a relation of @type may start at
 * @to: the ids of the labels it may point to
 *
 * Adds a relation type at the end, or changes the labels of an existing
 * one, outside the history. Relations that no longer fit are left as they
 * are: see sm_document_remove_broken_relations().
 */
gboolean
sm_document_set_relation_type (SmDocument          *self,
                               const char          *type,
                               const char * const  *from,
                               const char * const  *to,
                               GError             **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!sm_relation_type_is_valid (type, error) ||
      !check_label_ids (from, "from", error) ||
      !check_label_ids (to, "to", error))
    return FALSE;

  sm_relation_types_set (self->relation_types, type, from, to);
  self->version++;

  return TRUE;
}

guint
sm_document_get_n_relation_types (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  return sm_relation_types_get_n_types (self->relation_types);
}

/**
 * sm_document_get_relation_type:
 *
 * Returns: the name of the relation type at @position
 */
const char *
sm_document_get_relation_type (SmDocument *self,
                               guint       position)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return sm_relation_types_get_nth (self->relation_types, position);
}

/**
 * sm_document_get_relation_from:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   start at (for said_by, the claim), or %NULL if @type is not declared
 */
const char * const *
sm_document_get_relation_from (SmDocument *self,
                               const char *type)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return sm_relation_types_get_from (self->relation_types, type);
}

/**
 * sm_document_get_relation_to:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   point to (for said_by, the speaker), or %NULL if @type is not declared
 */
const char * const *
sm_document_get_relation_to (SmDocument *self,
                             const char *type)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return sm_relation_types_get_to (self->relation_types, type);
}

/**
 * sm_document_allows_relation:
 *
 * Returns: whether a relation of @type may go from a span labelled
 *   @from_label to one labelled @to_label. A type the document does not
 *   declare (one an import brought, say) may link any two spans.
 */
gboolean
sm_document_allows_relation (SmDocument *self,
                             const char *type,
                             const char *from_label,
                             const char *to_label)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (from_label != NULL, FALSE);
  g_return_val_if_fail (to_label != NULL, FALSE);

  if (!sm_relation_types_find (self->relation_types, type, NULL))
    return TRUE;

  return sm_relation_types_allows (self->relation_types, type, from_label, to_label);
}

/* Whether @span may be the start (@is_from) or the end of a @type relation */
static gboolean
check_end (SmDocument  *self,
           const char  *type,
           SmSpan      *span,
           gboolean     is_from,
           GError     **error)
{
  const char * const *allowed;
  g_autofree char *list = NULL;

  if (is_from)
    allowed = sm_relation_types_get_from (self->relation_types, type);
  else
    allowed = sm_relation_types_get_to (self->relation_types, type);

  if (allowed == NULL)
    return TRUE;

  if (g_strv_contains (allowed, sm_span_get_label (span)))
    return TRUE;

  if (allowed[0] == NULL)
    {
      if (is_from)
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                     _("span %s is labelled %s, but no label may start a %s relation"),
                     sm_span_get_id (span), sm_span_get_label (span), type);
      else
        g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                     _("span %s is labelled %s, but no label may end a %s relation"),
                     sm_span_get_id (span), sm_span_get_label (span), type);
      return FALSE;
    }

  /* Translators: the separator in a list of label ids such as "SPEAKER or SOURCE" */
  list = g_strjoinv (_(" or "), (char **) allowed);
  if (is_from)
    /* Translators: "span T2 is labelled SPEAKER, but a said_by relation goes from CLAIM" */
    g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                 _("span %s is labelled %s, but a %s relation goes from %s"),
                 sm_span_get_id (span), sm_span_get_label (span), type, list);
  else
    /* Translators: "span T1 is labelled CLAIM, but a said_by relation goes to SPEAKER" */
    g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                 _("span %s is labelled %s, but a %s relation goes to %s"),
                 sm_span_get_id (span), sm_span_get_label (span), type, list);

  return FALSE;
}

/**
 * sm_document_check_relation_ends:
 * @type: a relation type
 * @from: the span the relation would start at
 * @to: the span it would point to
 * @error: which end does not fit, and what the type allows
 *
 * Returns: whether the labels of @from and @to fit @type
 *   (sm_document_allows_relation())
 */
gboolean
sm_document_check_relation_ends (SmDocument  *self,
                                 const char  *type,
                                 SmSpan      *from,
                                 SmSpan      *to,
                                 GError     **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (from), FALSE);
  g_return_val_if_fail (SM_IS_SPAN (to), FALSE);

  return check_end (self, type, from, TRUE, error) &&
         check_end (self, type, to, FALSE, error);
}

static gboolean
relation_fits (SmDocument *self,
               SmRelation *relation)
{
  return sm_document_allows_relation (self, sm_relation_get_type_name (relation),
                                      sm_span_get_label (sm_relation_get_from (relation)),
                                      sm_span_get_label (sm_relation_get_to (relation)));
}

/* Removes, in the open action, the relations of @span whose ends no longer fit */
static void
drop_relations_that_do_not_fit (SmDocument *self,
                                SmSpan     *span)
{
  g_autoptr(GPtrArray) relations = sm_document_get_relations_of_span (self, span);

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (!relation_fits (self, relation))
        {
          record (self, change_new (CHANGE_REMOVE_RELATION, NULL, relation));
          self->n_dropped++;
        }
    }
}

/**
 * sm_document_dup_broken_relations:
 *
 * Returns: (transfer full) (element-type SmRelation): the relations whose
 *   ends their type does not allow, by id; only a file (or a schema that
 *   changed) can leave some
 */
GPtrArray *
sm_document_dup_broken_relations (SmDocument *self)
{
  GListModel *relations;
  GPtrArray *broken;
  guint n;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  relations = G_LIST_MODEL (self->relations);
  n = sm_document_get_n_relations (self);
  broken = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      if (!relation_fits (self, relation))
        g_ptr_array_add (broken, g_steal_pointer (&relation));
    }

  return broken;
}

/**
 * sm_document_check_relations:
 * @error: the first relation whose ends break its type, as
 *   "relation R1: span T2 is labelled CLAIM, but a said_by relation goes to SPEAKER"
 *
 * Returns: whether every relation's ends fit its type
 */
gboolean
sm_document_check_relations (SmDocument  *self,
                             GError     **error)
{
  g_autoptr(GPtrArray) broken = NULL;
  SmRelation *relation;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  broken = sm_document_dup_broken_relations (self);
  if (broken->len == 0)
    return TRUE;

  relation = g_ptr_array_index (broken, 0);
  if (!sm_document_check_relation_ends (self, sm_relation_get_type_name (relation),
                                        sm_relation_get_from (relation),
                                        sm_relation_get_to (relation), error))
    g_prefix_error (error, _("relation %s: "), sm_relation_get_id (relation));

  return FALSE;
}

/**
 * sm_document_remove_broken_relations:
 *
 * Removes every relation whose ends its type does not allow, as one
 * undoable action, and says how many with #SmDocument::relations-dropped.
 *
 * Returns: how many were removed
 */
guint
sm_document_remove_broken_relations (SmDocument *self)
{
  g_autoptr(GPtrArray) broken = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  broken = sm_document_dup_broken_relations (self);

  sm_document_begin_user_action (self);
  for (guint i = 0; i < broken->len; i++)
    {
      record (self, change_new (CHANGE_REMOVE_RELATION, NULL, g_ptr_array_index (broken, i)));
      self->n_dropped++;
    }
  sm_document_end_user_action (self);

  return broken->len;
}

/* Suggestions
 *
 * Suggestions come and go outside the history: a recognizer's proposals
 * are not the annotator's edits (sm_document_add_suggestions()). What the
 * annotator does with one is an edit: accepting makes it a span (and a
 * claim's speaker and link with it), rejecting remembers its place so no
 * recognizer proposes it again; both are undoable, and both are saved.
 * A span put over a suggestion of its label, however it got there,
 * answers the suggestion in the same action (record()). */

static void
emit_suggestion_changed (SmDocument   *self,
                         SmSuggestion *suggestion)
{
  tell_range_changed (self, sm_suggestion_get_start (suggestion), sm_suggestion_get_end (suggestion));
}

static void
do_insert_suggestion (SmDocument   *self,
                      SmSuggestion *suggestion)
{
  guint n = sm_document_get_n_suggestions (self);

  sm_suggestion_store_insert (get_suggestions (self), suggestion);
  emit_suggestion_changed (self, suggestion);
  if (n != sm_document_get_n_suggestions (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SUGGESTIONS]);
}

static void
do_remove_suggestion (SmDocument   *self,
                      SmSuggestion *suggestion)
{
  guint n = sm_document_get_n_suggestions (self);

  g_object_ref (suggestion);
  sm_suggestion_store_remove (get_suggestions (self), suggestion);
  emit_suggestion_changed (self, suggestion);
  if (n != sm_document_get_n_suggestions (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SUGGESTIONS]);
  g_object_unref (suggestion);
}

static void
apply_suggestion_change (SmDocument *self,
                         Change     *change,
                         gboolean    forward)
{
  switch (change->kind)
    {
    case CHANGE_ADD_SUGGESTION:
      if (forward)
        do_insert_suggestion (self, change->suggestion);
      else
        do_remove_suggestion (self, change->suggestion);
      break;

    case CHANGE_REMOVE_SUGGESTION:
      if (forward)
        do_remove_suggestion (self, change->suggestion);
      else
        do_insert_suggestion (self, change->suggestion);
      break;

    case CHANGE_REJECT_SUGGESTION:
      if (forward)
        {
          sm_suggestion_store_reject (get_suggestions (self), change->suggestion);
          do_remove_suggestion (self, change->suggestion);
        }
      else
        {
          sm_suggestion_store_unreject (get_suggestions (self), change->suggestion);
          do_insert_suggestion (self, change->suggestion);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
record_suggestion (SmDocument   *self,
                   ChangeKind    kind,
                   SmSuggestion *suggestion)
{
  Change *change = change_new (kind, NULL, NULL);

  change->suggestion = g_object_ref (suggestion);
  record (self, change);
}

/* A span answers the pending suggestions of its label that it overlaps */
static void
drop_suggestion_at_span (SmDocument *self,
                         SmSpan     *span)
{
  g_autoptr(GPtrArray) pending = NULL;

  pending = sm_suggestion_store_get_in_range (get_suggestions (self), sm_span_get_start (span),
                                              sm_span_get_end (span));
  for (guint i = 0; i < pending->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (pending, i);

      if (g_strcmp0 (sm_suggestion_get_label (suggestion), sm_span_get_label (span)) == 0 &&
          sm_span_overlaps (span, sm_suggestion_get_start (suggestion), sm_suggestion_get_end (suggestion)))
        record_suggestion (self, CHANGE_REMOVE_SUGGESTION, suggestion);
    }
}

/**
 * sm_document_get_suggestions:
 *
 * Returns: (transfer none): the pending suggestions, a list of
 *   #SmSuggestion in document order (by start, the longer first)
 */
GListModel *
sm_document_get_suggestions (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return sm_suggestion_store_get_pending (get_suggestions (self));
}

guint
sm_document_get_n_suggestions (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  if (self->suggestions == NULL)
    return 0;

  return g_list_model_get_n_items (sm_suggestion_store_get_pending (self->suggestions));
}

/**
 * sm_document_find_suggestion:
 *
 * Returns: (transfer none) (nullable): the pending suggestion with @id
 */
SmSuggestion *
sm_document_find_suggestion (SmDocument *self,
                             const char *id)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return self->suggestions != NULL ? sm_suggestion_store_find (self->suggestions, id) : NULL;
}

/**
 * sm_document_get_suggestions_in_range:
 *
 * Returns: (transfer container): the pending suggestions that overlap
 *   [@start, @end), in document order
 */
GPtrArray *
sm_document_get_suggestions_in_range (SmDocument *self,
                                      guint       start,
                                      guint       end)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  return sm_suggestion_store_get_in_range (get_suggestions (self), start, end);
}

/**
 * sm_document_is_rejected:
 *
 * Returns: whether the annotator rejected a suggestion of @label over
 *   [@start, @end)
 */
gboolean
sm_document_is_rejected (SmDocument *self,
                         const char *label,
                         guint       start,
                         guint       end)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);

  return self->suggestions != NULL &&
         sm_suggestion_store_is_rejected (self->suggestions, label, start, end);
}

/**
 * sm_document_dup_rejected:
 *
 * Returns: (transfer container): the rejected suggestions, as
 *   #SmSuggestion in document order
 */
GPtrArray *
sm_document_dup_rejected (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);

  if (self->suggestions == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return sm_suggestion_store_dup_rejected (self->suggestions);
}

/* Whether a span of @label overlaps [@start, @end) */
static gboolean
overlaps_span_of (SmDocument *self,
                  const char *label,
                  guint       start,
                  guint       end)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_in_range (self, start, end);

  for (guint i = 0; i < spans->len; i++)
    if (g_strcmp0 (sm_span_get_label (g_ptr_array_index (spans, i)), label) == 0)
      return TRUE;

  return FALSE;
}

/* Whether @suggestion may become one of this document's spans: a label the
 * document has, a range inside the text, not rejected, and not over a span
 * of its label: the annotator has answered there already ("Lukashenko"
 * inside the speaker "Alexander Lukashenko" proposes nothing new) */
static gboolean
can_take (SmDocument   *self,
          SmSuggestion *suggestion)
{
  const char *label = sm_suggestion_get_label (suggestion);
  guint start = sm_suggestion_get_start (suggestion);
  guint end = sm_suggestion_get_end (suggestion);

  return start < end && end <= sm_document_get_length (self) &&
         sm_document_find_label (self, label) != NULL &&
         !sm_suggestion_store_is_rejected (get_suggestions (self), label, start, end) &&
         !overlaps_span_of (self, label, start, end);
}

/* The id @speaker goes by in this document: its own pending suggestion's,
 * or the span's already at its place, or none */
static const char *
find_speaker_id (SmDocument   *self,
                 SmSuggestion *claim,
                 SmSuggestion *speaker)
{
  const char *label = sm_suggestion_get_label (speaker);
  guint start = sm_suggestion_get_start (speaker);
  guint end = sm_suggestion_get_end (speaker);
  SmSuggestion *pending;
  SmSpan *span;

  if (!sm_document_allows_relation (self, SM_RELATION_SAID_BY,
                                    sm_suggestion_get_label (claim), label))
    return NULL;

  if ((pending = sm_suggestion_store_find_at (get_suggestions (self), label, start, end)) != NULL)
    return sm_suggestion_get_id (pending);
  if ((span = sm_document_find_exact_span (self, start, end, label)) != NULL)
    return sm_span_get_id (span);

  return NULL;
}

/* Whether a step that began at @from and is at @next should stop: one
 * suggestion at least is looked at, and the time is read every 64 */
static inline gboolean
time_is_up (guint  next,
            guint  from,
            gint64 deadline)
{
  return next > from && next % 64 == 0 && g_get_monotonic_time () >= deadline;
}

/* Takes in suggestions[*next] onwards of one pass (speakers, or claims),
 * until the end or @deadline (monotonic time); advances *next. In a batch
 * of the store's, which its caller ends: the store puts what is taken in
 * its list then, at once. */
static guint
add_suggestions_pass (SmDocument *self,
                      GPtrArray  *suggestions,
                      guint       pass,
                      guint      *next,
                      gint64      deadline)
{
  guint n_taken = 0;
  guint from = *next;

  for (; *next < suggestions->len; (*next)++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, *next);
      SmSuggestion *speaker = sm_suggestion_get_speaker (suggestion);
      g_autofree char *id = NULL;

      if (time_is_up (*next, from, deadline))
        break;

      if ((speaker != NULL) != (pass == 1))
        continue;

      if (sm_suggestion_get_id (suggestion) != NULL)
        {
          g_critical ("%s: a suggestion already taken in (%s)", G_STRFUNC,
                      sm_suggestion_get_id (suggestion));
          continue;
        }

      if (!can_take (self, suggestion) ||
          sm_suggestion_store_find_at (get_suggestions (self), sm_suggestion_get_label (suggestion),
                                       sm_suggestion_get_start (suggestion),
                                       sm_suggestion_get_end (suggestion)) != NULL)
        continue;

      if (speaker != NULL)
        _sm_suggestion_set_said_by (suggestion, find_speaker_id (self, suggestion, speaker));

      id = sm_suggestion_store_next_id (get_suggestions (self));
      _sm_suggestion_set_id (suggestion, id);
      _sm_suggestion_set_text (suggestion, self->text);
      sm_suggestion_store_insert (get_suggestions (self), suggestion);
      emit_suggestion_changed (self, suggestion);
      n_taken++;
    }

  if (n_taken > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SUGGESTIONS]);

  return n_taken;
}

/* What sm_document_add_suggestions() does, in a batch its caller began */
static guint
add_suggestions (SmDocument *self,
                 GPtrArray  *suggestions)
{
  guint n_taken = 0;

  /* Speakers first, so a claim finds its speaker's id */
  sm_suggestion_store_begin_batch (get_suggestions (self));
  for (guint pass = 0; pass < 2; pass++)
    {
      guint next = 0;

      n_taken += add_suggestions_pass (self, suggestions, pass, &next, G_MAXINT64);
    }
  sm_suggestion_store_end_batch (get_suggestions (self));

  return n_taken;
}

/**
 * sm_document_add_suggestions:
 * @self: a document
 * @suggestions: (element-type SmSuggestion): new suggestions, not in any
 *   document; a claim's speaker given with sm_suggestion_set_speaker()
 *
 * Takes in the suggestions that propose something new: not over a span of
 * the same label, not one the annotator rejected, not one pending already,
 * and of a label the document has. Outside the history: proposals are not
 * edits. A claim keeps its speaker if the speaker is pending or already a
 * span, and said_by may link the two.
 *
 * Returns: how many were taken in
 */
guint
sm_document_add_suggestions (SmDocument *self,
                             GPtrArray  *suggestions)
{
  guint n_taken;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (suggestions != NULL, 0);

  begin_batch (self);
  n_taken = add_suggestions (self, suggestions);
  end_batch (self);

  return n_taken;
}

/**
 * sm_document_clear_suggestions:
 * @self: a document
 * @sources: (nullable) (array zero-terminated=1): the sources whose
 *   suggestions go, or %NULL for all
 *
 * Takes the pending suggestions from @sources away, outside the history;
 * what the annotator rejected stays rejected.
 *
 * Returns: how many went
 */
guint
sm_document_clear_suggestions (SmDocument         *self,
                               const char * const *sources)
{
  GListModel *pending;
  guint n_removed = 0;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  begin_batch (self);
  pending = sm_suggestion_store_get_pending (get_suggestions (self));
  for (guint i = g_list_model_get_n_items (pending); i > 0; i--)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (pending, i - 1);

      if (sources == NULL || g_strv_contains (sources, sm_suggestion_get_source (suggestion)))
        {
          do_remove_suggestion (self, suggestion);
          n_removed++;
        }
    }
  end_batch (self);

  return n_removed;
}

typedef enum
{
  UPDATE_FIND_KEPT,
  UPDATE_REMOVE,
  UPDATE_ADD_SPEAKERS,
  UPDATE_ADD_CLAIMS,
  UPDATE_LET_GO,
  UPDATE_DONE
} UpdatePhase;

/* An update holds its own references to what it works on, and lets go of
 * them in its steps: finalizing the suggestions not taken in (those
 * proposed again, most of a run) held a window up 100 ms at once on a
 * 20 MB article (perf of spanmark-bench-stalls' open) */
struct _SmSuggestionsUpdate
{
  SmDocument  *document;
  GStrv        sources;
  GPtrArray   *suggestions; /* a copy of the run's array (refs) */
  GHashTable  *kept;        /* pending suggestions proposed again (refs) */
  GPtrArray   *pending;     /* the pending ones when removing began; refs
                             * from next on, let go of as they are done */
  UpdatePhase  phase;
  guint        next;        /* in suggestions, or in pending */
  guint        n_new;       /* in suggestions, not pending at their place */
  guint        n_taken;
};

/**
 * sm_document_update_suggestions:
 * @self: a document
 * @sources: (array zero-terminated=1): the sources @suggestions come from
 * @suggestions: (element-type SmSuggestion): new suggestions, as for
 *   sm_document_add_suggestions()
 *
 * Begins what sm_document_replace_suggestions() does, to be done in steps
 * (sm_suggestions_update_step()) so that a window taking in a long
 * article's run is never held up: each step is a batch of its own, and
 * the document is whole after each. Done in one go, or in steps with
 * nothing else changing the document between them, the outcome is the
 * same: the same suggestions taken in with the same ids.
 *
 * Returns: (transfer full): the update, for sm_suggestions_update_step()
 */
SmSuggestionsUpdate *
sm_document_update_suggestions (SmDocument         *self,
                                const char * const *sources,
                                GPtrArray          *suggestions)
{
  SmSuggestionsUpdate *update;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (sources != NULL, NULL);
  g_return_val_if_fail (suggestions != NULL, NULL);

  update = g_new0 (SmSuggestionsUpdate, 1);
  update->document = g_object_ref (self);
  update->sources = g_strdupv ((char **) sources);
  update->suggestions = g_ptr_array_new_full (suggestions->len, g_object_unref);
  for (guint i = 0; i < suggestions->len; i++)
    g_ptr_array_add (update->suggestions, g_object_ref (g_ptr_array_index (suggestions, i)));
  update->kept = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);

  return update;
}

void
sm_suggestions_update_free (SmSuggestionsUpdate *update)
{
  g_clear_object (&update->document);
  g_clear_pointer (&update->sources, g_strfreev);
  g_clear_pointer (&update->suggestions, g_ptr_array_unref);
  g_clear_pointer (&update->kept, g_hash_table_unref);
  if (update->pending != NULL)
    {
      for (guint i = update->next; i < update->pending->len; i++)
        g_object_unref (g_ptr_array_index (update->pending, i));
      g_ptr_array_unref (update->pending);
    }
  g_free (update);
}

/* The pending suggestions proposed again */
static void
find_kept (SmSuggestionsUpdate *update,
           gint64               deadline)
{
  SmDocument *self = update->document;
  GPtrArray *suggestions = update->suggestions;
  guint from = update->next;

  for (; update->next < suggestions->len; update->next++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, update->next);
      SmSuggestion *same;

      if (time_is_up (update->next, from, deadline))
        return;

      same = sm_suggestion_store_find_at (get_suggestions (self), sm_suggestion_get_label (suggestion),
                                          sm_suggestion_get_start (suggestion),
                                          sm_suggestion_get_end (suggestion));
      if (same == NULL)
        update->n_new++;
      else if (can_take (self, same))
        g_hash_table_add (update->kept, g_object_ref (same));
    }

  update->phase = UPDATE_REMOVE;
  update->next = 0;
}

/* Those of @sources pending when this began and not proposed again go,
 * the last first */
static void
remove_not_kept (SmSuggestionsUpdate *update,
                 gint64               deadline)
{
  SmDocument *self = update->document;
  guint from = update->next;

  if (update->pending == NULL)
    {
      GListModel *pending = sm_suggestion_store_get_pending (get_suggestions (self));
      guint n = g_list_model_get_n_items (pending);

      update->pending = g_ptr_array_sized_new (n);
      for (guint i = n; i > 0; i--)
        g_ptr_array_add (update->pending, g_list_model_get_item (pending, i - 1));
    }

  for (; update->next < update->pending->len; update->next++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (update->pending, update->next);

      if (time_is_up (update->next, from, deadline))
        return;

      if (g_strv_contains ((const char * const *) update->sources, sm_suggestion_get_source (suggestion)) &&
          !g_hash_table_contains (update->kept, suggestion) &&
          sm_suggestion_store_find (get_suggestions (self), sm_suggestion_get_id (suggestion)) == suggestion)
        do_remove_suggestion (self, suggestion);
      g_object_unref (suggestion);
    }

  g_clear_pointer (&update->pending, g_ptr_array_unref);
  /* Room for what may come in, so that no step takes in and grows the
   * store at once */
  sm_suggestion_store_make_room (get_suggestions (self), update->n_new);
  update->phase = UPDATE_ADD_SPEAKERS;
  update->next = 0;
}

/* Lets go of the run's suggestions (those not taken in are finalized) and
 * of the kept ones, the last first */
static void
let_go (SmSuggestionsUpdate *update,
        gint64               deadline)
{
  GHashTableIter iter;
  gpointer kept;

  for (guint n = 0; update->suggestions->len > 0; n++)
    {
      if (time_is_up (n, 0, deadline))
        return;
      g_object_unref (g_ptr_array_steal_index_fast (update->suggestions,
                                                    update->suggestions->len - 1));
    }

  /* Those are in the document: letting go of them is a count each */
  g_hash_table_iter_init (&iter, update->kept);
  while (g_hash_table_iter_next (&iter, &kept, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_object_unref (kept);
    }

  update->phase = UPDATE_DONE;
}

/**
 * sm_suggestions_update_step:
 * @update: an update
 * @deadline: when to stop (g_get_monotonic_time()); at least one
 *   suggestion is looked at, however early
 *
 * Does the next part of @update, as one batch.
 *
 * Returns: %TRUE if all of it is done
 */
gboolean
sm_suggestions_update_step (SmSuggestionsUpdate *update,
                            gint64               deadline)
{
  SmDocument *self;
  gboolean first = TRUE;
  gboolean adding = FALSE;

  g_return_val_if_fail (update != NULL, TRUE);

  self = update->document;
  begin_batch (self);
  /* However late, the step goes on to one suggestion at least */
  while (update->phase != UPDATE_DONE && (first || g_get_monotonic_time () < deadline))
    {
      first = FALSE;
      switch (update->phase)
        {
        case UPDATE_FIND_KEPT:
          find_kept (update, deadline);
          break;

        case UPDATE_REMOVE:
          remove_not_kept (update, deadline);
          break;

        case UPDATE_ADD_SPEAKERS:
        case UPDATE_ADD_CLAIMS:
          /* What the step takes in goes in the list at its end, at once */
          if (!adding)
            sm_suggestion_store_begin_batch (get_suggestions (self));
          adding = TRUE;
          update->n_taken += add_suggestions_pass (self, update->suggestions,
                                                   update->phase == UPDATE_ADD_SPEAKERS ? 0 : 1,
                                                   &update->next, deadline);
          if (update->next == update->suggestions->len)
            {
              update->phase++;
              update->next = 0;
            }
          break;

        case UPDATE_LET_GO:
          let_go (update, deadline);
          break;

        case UPDATE_DONE:
        default:
          g_assert_not_reached ();
        }
    }
  if (adding)
    sm_suggestion_store_end_batch (get_suggestions (self));
  end_batch (self);

  return update->phase == UPDATE_DONE;
}

/**
 * sm_suggestions_update_get_n_taken:
 *
 * Returns: how many suggestions @update has taken in so far
 */
guint
sm_suggestions_update_get_n_taken (SmSuggestionsUpdate *update)
{
  g_return_val_if_fail (update != NULL, 0);

  return update->n_taken;
}

/**
 * sm_document_replace_suggestions:
 * @self: a document
 * @sources: (array zero-terminated=1): the sources @suggestions come from
 * @suggestions: (element-type SmSuggestion): new suggestions, as for
 *   sm_document_add_suggestions()
 *
 * Replaces the pending suggestions from @sources with @suggestions: those
 * proposed again stay as they are (with their ids), those not proposed
 * again go, and the new ones are taken in as sm_document_add_suggestions()
 * does. Outside the history.
 *
 * Returns: how many were taken in
 */
guint
sm_document_replace_suggestions (SmDocument         *self,
                                 const char * const *sources,
                                 GPtrArray          *suggestions)
{
  g_autoptr(SmSuggestionsUpdate) update = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (sources != NULL, 0);
  g_return_val_if_fail (suggestions != NULL, 0);

  update = sm_document_update_suggestions (self, sources, suggestions);
  sm_suggestions_update_step (update, G_MAXINT64);

  return update->n_taken;
}

/* The span @said_by names now: a span, or the span an accepted suggestion
 * became, or a pending suggestion accepted for it here */
static SmSpan *
accept_speaker (SmDocument *self,
                const char *said_by)
{
  SmSuggestion *speaker;
  SmSpan *span;

  if ((span = sm_document_find_span (self, said_by)) != NULL)
    return span;

  if ((speaker = sm_suggestion_store_find (get_suggestions (self), said_by)) != NULL)
    return sm_document_accept_suggestion (self, speaker, NULL);

  if ((speaker = sm_suggestion_store_find_known (get_suggestions (self), said_by)) != NULL)
    return sm_document_find_exact_span (self, sm_suggestion_get_start (speaker),
                                       sm_suggestion_get_end (speaker),
                                       sm_suggestion_get_label (speaker));

  return NULL;
}

/**
 * sm_document_accept_suggestion:
 * @self: a document
 * @suggestion: one of its pending suggestions
 * @error: why it cannot become a span
 *
 * Makes @suggestion a span, as one undoable action. A claim's speaker is
 * accepted with it (or found, if it is a span already) and the claim is
 * linked to it by said_by.
 *
 * Returns: (transfer none) (nullable): the new span
 */
SmSpan *
sm_document_accept_suggestion (SmDocument    *self,
                               SmSuggestion  *suggestion,
                               GError       **error)
{
  const char *said_by;
  SmSpan *span;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SM_IS_SUGGESTION (suggestion), NULL);
  g_return_val_if_fail (sm_suggestion_store_find (get_suggestions (self),
                                                  sm_suggestion_get_id (suggestion)) == suggestion, NULL);

  sm_document_begin_user_action (self);

  /* The span takes the suggestion's place (record()) */
  span = sm_document_add_span (self, sm_suggestion_get_label (suggestion),
                               sm_suggestion_get_start (suggestion),
                               sm_suggestion_get_end (suggestion), error);

  if (span != NULL && (said_by = sm_suggestion_get_said_by (suggestion)) != NULL)
    {
      SmSpan *speaker = accept_speaker (self, said_by);

      if (speaker != NULL && sm_document_get_speaker (self, span) == NULL)
        sm_document_set_speaker (self, span, speaker, NULL);
    }

  sm_document_end_user_action (self);

  return span;
}

/**
 * sm_document_reject_suggestion:
 * @self: a document
 * @suggestion: one of its pending suggestions
 *
 * Takes @suggestion away and remembers its place, so that it is not
 * proposed again, as an undoable action.
 */
void
sm_document_reject_suggestion (SmDocument   *self,
                               SmSuggestion *suggestion)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (SM_IS_SUGGESTION (suggestion));
  g_return_if_fail (sm_suggestion_store_find (get_suggestions (self),
                                              sm_suggestion_get_id (suggestion)) == suggestion);

  record_suggestion (self, CHANGE_REJECT_SUGGESTION, suggestion);
}

static GPtrArray *
dup_pending_with_label (SmDocument *self,
                        const char *label)
{
  GListModel *pending = sm_suggestion_store_get_pending (get_suggestions (self));
  guint n = g_list_model_get_n_items (pending);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (pending, i);

      if (label == NULL || g_strcmp0 (sm_suggestion_get_label (suggestion), label) == 0)
        g_ptr_array_add (found, g_steal_pointer (&suggestion));
    }

  return found;
}

/**
 * sm_document_accept_suggestions:
 * @self: a document
 * @label: (nullable): the label whose suggestions to accept, or %NULL for all
 *
 * Accepts every pending suggestion of @label, as one undoable action, each
 * as sm_document_accept_suggestion() does.
 *
 * Returns: how many became spans (speakers accepted with their claims
 *   included)
 */
guint
sm_document_accept_suggestions (SmDocument *self,
                                const char *label)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  guint n_spans;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  suggestions = dup_pending_with_label (self, label);
  n_spans = sm_document_get_n_spans (self);

  sm_document_begin_user_action (self);
  for (guint i = 0; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      /* A speaker may have gone with its claim */
      if (sm_suggestion_store_find (get_suggestions (self), sm_suggestion_get_id (suggestion)) == suggestion)
        sm_document_accept_suggestion (self, suggestion, NULL);
    }
  sm_document_end_user_action (self);

  return sm_document_get_n_spans (self) - n_spans;
}

/**
 * sm_document_reject_suggestions:
 * @self: a document
 * @label: (nullable): the label whose suggestions to reject, or %NULL for all
 *
 * Rejects every pending suggestion of @label, as one undoable action.
 *
 * Returns: how many
 */
guint
sm_document_reject_suggestions (SmDocument *self,
                                const char *label)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  suggestions = dup_pending_with_label (self, label);

  sm_document_begin_user_action (self);
  for (guint i = 0; i < suggestions->len; i++)
    sm_document_reject_suggestion (self, g_ptr_array_index (suggestions, i));
  sm_document_end_user_action (self);

  return suggestions->len;
}

/**
 * sm_document_turn_spans_into_suggestions:
 * @self: a document just read from another tool's predictions
 *
 * Makes every span a pending suggestion (from
 * %SM_SUGGESTION_SOURCE_IMPORTED), a claim keeping its said_by speaker,
 * and removes the relations: predictions to review instead of
 * annotations. Outside the history, as a document is being built. A
 * discontinuous span cannot be a suggestion and stays a span.
 *
 * Returns: how many spans stayed spans
 */
guint
sm_document_turn_spans_into_suggestions (SmDocument *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) made = g_hash_table_new (NULL, NULL);
  GListModel *model;
  guint n_kept = 0;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);

  model = sm_document_get_spans (self);
  spans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (spans, g_list_model_get_item (model, i));

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      SmSuggestion *suggestion;

      if (sm_span_get_n_fragments (span) > 1)
        {
          n_kept++;
          continue;
        }

      suggestion = sm_suggestion_new (sm_span_get_label (span), sm_span_get_start (span),
                                      sm_span_get_end (span), SM_SUGGESTION_SOURCE_IMPORTED);
      g_hash_table_insert (made, span, suggestion);
      g_ptr_array_add (suggestions, suggestion);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      SmSuggestion *claim = g_hash_table_lookup (made, span);
      SmSpan *speaker = claim != NULL ? sm_document_get_speaker (self, span) : NULL;

      if (speaker != NULL && g_hash_table_contains (made, speaker))
        sm_suggestion_set_speaker (claim, g_hash_table_lookup (made, speaker));
    }

  self->outside_history++;
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      GPtrArray *relations;

      if (!g_hash_table_contains (made, span))
        continue;
      while ((relations = relations_of (self, span, FALSE)) != NULL)
        record (self, change_new (CHANGE_REMOVE_RELATION, NULL, g_ptr_array_index (relations, 0)));
      record (self, change_new (CHANGE_REMOVE_SPAN, span, NULL));
    }
  self->outside_history--;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SPANS]);
  sm_document_add_suggestions (self, suggestions);

  return n_kept;
}

/* The loader's way in: a suggestion with its id, text and said_by as the
 * file has them, checked by the caller; and a rejected place */
gboolean
_sm_document_insert_suggestion (SmDocument    *self,
                                SmSuggestion  *suggestion,
                                GError       **error)
{
  const char *id = sm_suggestion_get_id (suggestion);

  if (sm_suggestion_store_find_known (get_suggestions (self), id) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("the id %s is used by another suggestion"), id);
      return FALSE;
    }

  if (sm_suggestion_store_find_at (get_suggestions (self), sm_suggestion_get_label (suggestion),
                                   sm_suggestion_get_start (suggestion),
                                   sm_suggestion_get_end (suggestion)) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("another suggestion proposes the same label and range"));
      return FALSE;
    }

  do_insert_suggestion (self, suggestion);

  return TRUE;
}

SmSuggestionStore *
_sm_document_get_suggestion_store (SmDocument *self)
{
  return get_suggestions (self);
}

/* Whether the annotator has answered a suggestion of @label over
 * [@start, @end) already: by a span of its label over it, or a rejection */
gboolean
_sm_document_has_answered (SmDocument *self,
                           const char *label,
                           guint       start,
                           guint       end)
{
  return overlaps_span_of (self, label, start, end) ||
         sm_suggestion_store_is_rejected (get_suggestions (self), label, start, end);
}

void
_sm_document_insert_rejected (SmDocument   *self,
                              SmSuggestion *rejected)
{
  sm_suggestion_store_reject (get_suggestions (self), rejected);
}

/* Decisions
 *
 * A curator deciding between annotators' versions (sm-curation.c) changes
 * spans and records what was decided; both are one user action, so that
 * undo takes back the spans and the decision together. The model keeps the
 * decisions as opaque strings by item id: what they mean is the curation's.
 */

static void
do_set_decision (SmDocument *self,
                 const char *id,
                 const char *decision)
{
  if (decision != NULL)
    {
      if (self->decisions == NULL)
        self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (self->decisions, g_strdup (id), g_strdup (decision));
    }
  else if (self->decisions != NULL)
    g_hash_table_remove (self->decisions, id);

  g_signal_emit (self, signals [DECISION_CHANGED], 0, id);
}

/**
 * sm_document_get_decision:
 * @id: a curation item's id
 *
 * Returns: (nullable): what was decided about @id, or %NULL if nothing
 */
const char *
sm_document_get_decision (SmDocument *self,
                          const char *id)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return self->decisions ? g_hash_table_lookup (self->decisions, id) : NULL;
}

/**
 * sm_document_set_decision:
 * @id: a curation item's id
 * @decision: (nullable): what was decided, or %NULL for undecided
 *
 * Records a decision as an undoable change, in the open user action if
 * there is one (so that it goes with the spans it made).
 */
void
sm_document_set_decision (SmDocument *self,
                          const char *id,
                          const char *decision)
{
  Change *change;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (sm_document_get_decision (self, id), decision) == 0)
    return;

  change = change_new (CHANGE_SET_DECISION, NULL, NULL);
  change->key = g_strdup (id);
  change->before = g_strdup (sm_document_get_decision (self, id));
  change->after = g_strdup (decision);
  record (self, change);
}

/* A decision read from a file: what the document starts with, not an edit */
void
_sm_document_load_decision (SmDocument *self,
                            const char *id,
                            const char *decision)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));

  self->outside_history++;
  sm_document_set_decision (self, id, decision);
  self->outside_history--;
}

/* Where the open user action is: what follows can be taken back with
 * _sm_document_revert_to_mark(), for a step that fails halfway through */
guint
_sm_document_get_action_mark (SmDocument *self)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (self->user_action_depth > 0, 0);

  return self->open_action->len;
}

/* Undoes the changes of the open user action made since @mark; they
 * never reach the history */
void
_sm_document_revert_to_mark (SmDocument *self,
                             guint       mark)
{
  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (self->user_action_depth > 0);

  while (self->open_action->len > mark)
    {
      Change *change = g_ptr_array_steal_index (self->open_action, self->open_action->len - 1);

      apply_change (self, change, FALSE);
      change_free (change);
    }
}
