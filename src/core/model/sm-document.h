/* sm-document.h: an article and its annotations, with one undo history.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-label.h"
#include "sm-relation.h"
#include "sm-span.h"
#include "sm-suggestion.h"
#include "sm-text.h"

G_BEGIN_DECLS

#define SM_DOCUMENT_ERROR (sm_document_error_quark ())

typedef enum
{
  SM_DOCUMENT_ERROR_INVALID,      /* a value breaks the model's rules */
  SM_DOCUMENT_ERROR_SYNTAX,       /* the file is not well-formed JSON */
  SM_DOCUMENT_ERROR_NOT_SPANMARK, /* JSON, but not a Spanmark file */
  SM_DOCUMENT_ERROR_VERSION,      /* written by a newer Spanmark */
  SM_DOCUMENT_ERROR_MISMATCH,     /* text, length or checksum disagree */
  SM_DOCUMENT_ERROR_DUPLICATE,    /* the same span or relation twice */
} SmDocumentError;

typedef enum
{
  SM_DOCUMENT_STATUS_NEW,
  SM_DOCUMENT_STATUS_IN_PROGRESS,
  SM_DOCUMENT_STATUS_DONE,
} SmDocumentStatus;

#define SM_TYPE_DOCUMENT_STATUS (sm_document_status_get_type ())
#define SM_TYPE_DOCUMENT (sm_document_get_type ())

G_DECLARE_FINAL_TYPE (SmDocument, sm_document, SM, DOCUMENT, GObject)

GQuark            sm_document_error_quark          (void);
GType             sm_document_status_get_type      (void) G_GNUC_CONST;
SmDocument       *sm_document_new                  (SmText            *text,
                                                    const char        *name);
const char       *sm_document_get_name             (SmDocument        *self);
void              sm_document_set_name             (SmDocument        *self,
                                                    const char        *name);
SmText           *sm_document_get_text             (SmDocument        *self);
guint             sm_document_get_length           (SmDocument        *self);
SmDocumentStatus  sm_document_get_status           (SmDocument        *self);
void              sm_document_set_status           (SmDocument        *self,
                                                    SmDocumentStatus   status);
const char       *sm_document_status_to_string     (SmDocumentStatus   status);
gboolean          sm_document_status_from_string   (const char        *string,
                                                    SmDocumentStatus  *status);
const char       *sm_document_get_annotator        (SmDocument        *self);
void              sm_document_set_annotator        (SmDocument        *self,
                                                    const char        *annotator);
gboolean          sm_document_set_default_annotator (SmDocument       *self,
                                                    const char        *annotator);
GDateTime        *sm_document_get_created_time     (SmDocument        *self);
GDateTime        *sm_document_get_modified_time    (SmDocument        *self);

/* Labels */
GListModel       *sm_document_get_labels           (SmDocument        *self);
SmLabel          *sm_document_find_label           (SmDocument        *self,
                                                    const char        *id);
SmLabel          *sm_document_find_label_by_key    (SmDocument        *self,
                                                    const char        *key);
gboolean          sm_document_add_label            (SmDocument        *self,
                                                    SmLabel           *label,
                                                    GError           **error);

/* Spans */
GListModel       *sm_document_get_spans            (SmDocument        *self);
guint             sm_document_get_n_spans          (SmDocument        *self);
SmSpan           *sm_document_find_span            (SmDocument        *self,
                                                    const char        *id);
SmSpan           *sm_document_find_exact_span      (SmDocument        *self,
                                                    guint              start,
                                                    guint              end,
                                                    const char        *label);
GPtrArray        *sm_document_get_spans_at         (SmDocument        *self,
                                                    guint              offset);
GPtrArray        *sm_document_get_spans_in_range   (SmDocument        *self,
                                                    guint              start,
                                                    guint              end);
guint             sm_document_count_spans_with_label (SmDocument      *self,
                                                    const char        *label);
SmSpan           *sm_document_add_span             (SmDocument        *self,
                                                    const char        *label,
                                                    guint              start,
                                                    guint              end,
                                                    GError           **error);
GArray           *sm_document_find_matches         (SmDocument        *self,
                                                    const char        *search,
                                                    gboolean           whole_words,
                                                    GCancellable      *cancellable);
void              sm_document_find_matches_async   (SmDocument        *self,
                                                    const char        *search,
                                                    gboolean           whole_words,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
GArray           *sm_document_find_matches_finish  (SmDocument        *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
gboolean          sm_document_tag_matches          (SmDocument        *self,
                                                    const char        *label,
                                                    GArray            *matches,
                                                    guint             *n_tagged,
                                                    guint             *n_inside,
                                                    GError           **error);
void              sm_document_remove_span          (SmDocument        *self,
                                                    SmSpan            *span);
gboolean          sm_document_set_span_label       (SmDocument        *self,
                                                    SmSpan            *span,
                                                    const char        *label,
                                                    GError           **error);
gboolean          sm_document_set_span_range       (SmDocument        *self,
                                                    SmSpan            *span,
                                                    guint              start,
                                                    guint              end,
                                                    GError           **error);
gboolean          sm_document_add_fragment         (SmDocument        *self,
                                                    SmSpan            *span,
                                                    guint              start,
                                                    guint              end,
                                                    GError           **error);
gboolean          sm_document_remove_fragment      (SmDocument        *self,
                                                    SmSpan            *span,
                                                    guint              index,
                                                    GError           **error);
gboolean          sm_document_set_fragment_range   (SmDocument        *self,
                                                    SmSpan            *span,
                                                    guint              index,
                                                    guint              start,
                                                    guint              end,
                                                    GError           **error);
char             *sm_document_dup_span_text        (SmDocument        *self,
                                                    SmSpan            *span,
                                                    const char        *joiner);
void              sm_document_set_span_note        (SmDocument        *self,
                                                    SmSpan            *span,
                                                    const char        *note);

/* Relations */
GListModel       *sm_document_get_relations        (SmDocument        *self);
guint             sm_document_get_n_relations      (SmDocument        *self);
SmRelation       *sm_document_find_relation        (SmDocument        *self,
                                                    const char        *id);
GPtrArray        *sm_document_get_relations_of_span (SmDocument       *self,
                                                    SmSpan            *span);
SmRelation       *sm_document_add_relation         (SmDocument        *self,
                                                    const char        *type,
                                                    SmSpan            *from,
                                                    SmSpan            *to,
                                                    GError           **error);
void              sm_document_remove_relation      (SmDocument        *self,
                                                    SmRelation        *relation);
SmSpan           *sm_document_get_speaker          (SmDocument        *self,
                                                    SmSpan            *claim);
gboolean          sm_document_set_speaker          (SmDocument        *self,
                                                    SmSpan            *claim,
                                                    SmSpan            *speaker,
                                                    GError           **error);

/* Relation types: which labels a relation of each type may link */
guint             sm_document_get_n_relation_types (SmDocument       *self);
const char       *sm_document_get_relation_type    (SmDocument        *self,
                                                    guint              position);
const char * const *sm_document_get_relation_from  (SmDocument        *self,
                                                    const char        *type);
const char * const *sm_document_get_relation_to    (SmDocument        *self,
                                                    const char        *type);
gboolean          sm_document_set_relation_type    (SmDocument        *self,
                                                    const char        *type,
                                                    const char * const *from,
                                                    const char * const *to,
                                                    GError           **error);
void              sm_document_clear_relation_types (SmDocument        *self);
void              sm_document_reset_relation_types (SmDocument        *self);
gboolean          sm_document_allows_relation      (SmDocument        *self,
                                                    const char        *type,
                                                    const char        *from_label,
                                                    const char        *to_label);
gboolean          sm_document_check_relation_ends  (SmDocument        *self,
                                                    const char        *type,
                                                    SmSpan            *from,
                                                    SmSpan            *to,
                                                    GError           **error);
GPtrArray        *sm_document_dup_broken_relations (SmDocument        *self);
gboolean          sm_document_check_relations      (SmDocument        *self,
                                                    GError           **error);
guint             sm_document_remove_broken_relations (SmDocument     *self);

/* Suggestions: spans proposed, not yet the annotator's */
GListModel       *sm_document_get_suggestions      (SmDocument        *self);
guint             sm_document_get_n_suggestions    (SmDocument        *self);
SmSuggestion     *sm_document_find_suggestion      (SmDocument        *self,
                                                    const char        *id);
GPtrArray        *sm_document_get_suggestions_in_range (SmDocument    *self,
                                                    guint              start,
                                                    guint              end);
guint             sm_document_add_suggestions      (SmDocument        *self,
                                                    GPtrArray         *suggestions);
guint             sm_document_clear_suggestions    (SmDocument        *self,
                                                    const char * const *sources);
guint             sm_document_replace_suggestions  (SmDocument        *self,
                                                    const char * const *sources,
                                                    GPtrArray         *suggestions);

typedef struct _SmSuggestionsUpdate SmSuggestionsUpdate;

SmSuggestionsUpdate *sm_document_update_suggestions (SmDocument          *self,
                                                     const char * const  *sources,
                                                     GPtrArray           *suggestions);
gboolean          sm_suggestions_update_step       (SmSuggestionsUpdate *update,
                                                    gint64               deadline);
guint             sm_suggestions_update_get_n_taken (SmSuggestionsUpdate *update);
void              sm_suggestions_update_free       (SmSuggestionsUpdate *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmSuggestionsUpdate, sm_suggestions_update_free)

SmSpan           *sm_document_accept_suggestion    (SmDocument        *self,
                                                    SmSuggestion      *suggestion,
                                                    GError           **error);
void              sm_document_reject_suggestion    (SmDocument        *self,
                                                    SmSuggestion      *suggestion);
guint             sm_document_accept_suggestions   (SmDocument        *self,
                                                    const char        *label);
guint             sm_document_reject_suggestions   (SmDocument        *self,
                                                    const char        *label);
guint             sm_document_turn_spans_into_suggestions (SmDocument *self);
gboolean          sm_document_is_rejected          (SmDocument        *self,
                                                    const char        *label,
                                                    guint              start,
                                                    guint              end);
GPtrArray        *sm_document_dup_rejected         (SmDocument        *self);

/* Decisions: what a curator decided, by item (sm-curation.c) */
const char       *sm_document_get_decision         (SmDocument        *self,
                                                    const char        *id);
void              sm_document_set_decision         (SmDocument        *self,
                                                    const char        *id,
                                                    const char        *decision);
/* History */
void              sm_document_begin_user_action    (SmDocument        *self);
void              sm_document_end_user_action      (SmDocument        *self);
gboolean          sm_document_can_undo             (SmDocument        *self);
gboolean          sm_document_can_redo             (SmDocument        *self);
void              sm_document_undo                 (SmDocument        *self);
void              sm_document_redo                 (SmDocument        *self);
gboolean          sm_document_get_modified         (SmDocument        *self);
void              sm_document_set_modified         (SmDocument        *self,
                                                    gboolean           modified);

/* Files (sm-document-io.c) */
SmDocument       *sm_document_new_from_bytes       (GBytes            *bytes,
                                                    const char        *file_name,
                                                    GError           **error);
SmDocument       *sm_document_new_from_file        (GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              sm_document_new_from_file_async  (GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
SmDocument       *sm_document_new_from_file_finish (GAsyncResult      *result,
                                                    GError           **error);
gboolean          sm_document_save_to_file         (SmDocument        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              sm_document_save_to_file_async   (SmDocument        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          sm_document_save_to_file_finish  (SmDocument        *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Label set editing: undoable actions in the document's history */
gboolean          sm_document_insert_label         (SmDocument        *self,
                                                    SmLabel           *label,
                                                    guint              position,
                                                    GError           **error);
gboolean          sm_document_set_label_name       (SmDocument        *self,
                                                    const char        *label,
                                                    const char        *name,
                                                    GError           **error);
gboolean          sm_document_label_keeps_id       (SmDocument        *self,
                                                    const char        *label,
                                                    guint             *n_spans);
gboolean          sm_document_rename_label         (SmDocument        *self,
                                                    const char        *label,
                                                    const char        *name,
                                                    char             **new_id,
                                                    GError           **error);
gboolean          sm_document_set_label_color      (SmDocument        *self,
                                                    const char        *label,
                                                    const char        *color,
                                                    GError           **error);
gboolean          sm_document_set_label_key        (SmDocument        *self,
                                                    const char        *label,
                                                    const char        *key,
                                                    GError           **error);
void              sm_document_move_label           (SmDocument        *self,
                                                    const char        *label,
                                                    guint              position);
guint             sm_document_count_label_uses     (SmDocument        *self,
                                                    const char        *label,
                                                    guint             *n_relations);
void              sm_document_remove_label         (SmDocument        *self,
                                                    const char        *label);
gboolean          sm_document_relabel_spans        (SmDocument        *self,
                                                    const char        *from,
                                                    const char        *to,
                                                    guint             *n_spans,
                                                    GError           **error);
char            **sm_document_dup_labels_missing_from (SmDocument     *self,
                                                    GListModel        *labels);
char            **sm_document_apply_label_set      (SmDocument        *self,
                                                    GListModel        *labels,
                                                    GError           **error);
char            **sm_document_adopt_label_set      (SmDocument        *self,
                                                    GListModel        *labels,
                                                    GError           **error);

G_END_DECLS
