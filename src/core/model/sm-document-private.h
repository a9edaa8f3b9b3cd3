/* sm-document-private.h: what the file format needs to build and read a document.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"
#include "sm-suggestion-store.h"

G_BEGIN_DECLS

SmDocument *_sm_document_new_without_labels (SmText     *text,
                                             const char *name);
void     _sm_document_clear_labels     (SmDocument *self);
void     _sm_document_begin_reading    (SmDocument *self);
void     _sm_document_end_reading      (SmDocument *self);
void     _sm_document_begin_batch      (SmDocument *self);
void     _sm_document_end_batch        (SmDocument *self);
gboolean _sm_document_insert_span      (SmDocument *self,
                                        SmSpan     *span,
                                        GError    **error);
gboolean _sm_document_insert_relation  (SmDocument *self,
                                        SmRelation *relation,
                                        GError    **error);
gboolean _sm_document_check_span       (SmDocument *self,
                                        const char *label,
                                        guint       start,
                                        guint       end,
                                        GError    **error);
gboolean _sm_document_check_range     (SmDocument  *self,
                                        guint        start,
                                        guint        end,
                                        GError     **error);
gboolean _sm_document_check_fragments  (SmDocument  *self,
                                        const char  *label,
                                        const guint *bounds,
                                        guint        n_fragments,
                                        GError     **error);
void     _sm_document_set_loaded_meta  (SmDocument       *self,
                                        SmDocumentStatus  status,
                                        const char       *annotator,
                                        GDateTime        *created,
                                        GDateTime        *modified);
void     _sm_document_get_next_numbers (SmDocument *self,
                                        guint      *next_span,
                                        guint      *next_relation);
void     _sm_document_set_next_numbers (SmDocument *self,
                                        guint       next_span,
                                        guint       next_relation);

gboolean _sm_document_has_default_relation_types (SmDocument *self);

SmSuggestionStore *_sm_document_get_suggestion_store (SmDocument *self);
gboolean _sm_document_insert_suggestion (SmDocument   *self,
                                         SmSuggestion *suggestion,
                                         GError      **error);
gboolean _sm_document_has_answered     (SmDocument   *self,
                                        const char   *label,
                                        guint         start,
                                        guint         end);
void     _sm_document_insert_rejected  (SmDocument   *self,
                                        SmSuggestion *rejected);

void     _sm_document_load_decision    (SmDocument *self,
                                        const char *id,
                                        const char *decision);

guint    _sm_document_get_action_mark  (SmDocument *self);
void     _sm_document_revert_to_mark   (SmDocument *self,
                                        guint       mark);

guint64  _sm_document_get_version      (SmDocument *self);
void     _sm_document_mark_saved       (SmDocument *self,
                                        guint64     version);

G_END_DECLS
