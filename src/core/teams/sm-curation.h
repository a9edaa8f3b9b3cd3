/* sm-curation.h: a curator decides where annotators' versions disagree.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_CURATION_ERROR (sm_curation_error_quark ())

typedef enum
{
  SM_CURATION_ERROR_TEXT,      /* the versions are not of one article text */
  SM_CURATION_ERROR_VERSIONS,  /* fewer than two versions */
  SM_CURATION_ERROR_RECORD,    /* the document has nothing to curate */
  SM_CURATION_ERROR_SIDE,      /* a side cannot be taken as it is */
  SM_CURATION_ERROR_INVALID,   /* a version breaks a rule of its relation types */
} SmCurationError;

/* The top-level member where a curated file records its decisions */
#define SM_CURATION_MEMBER "curation"

typedef enum
{
  SM_CURATION_ITEM_SPANS,     /* versions tagged one stretch of text differently */
  SM_CURATION_ITEM_RELATIONS, /* versions link one span differently */
  SM_CURATION_ITEM_STATUS,    /* a merge: the sides set different statuses */
  SM_CURATION_ITEM_LABEL,     /* a merge: the sides defined a label differently */
} SmCurationItemKind;

typedef enum
{
  SM_CURATION_UNDECIDED,
  SM_CURATION_TAKEN,   /* one side was taken */
  SM_CURATION_DROPPED, /* no side: nothing of it in the result */
  SM_CURATION_EDITED,  /* the curator made it what it should be by hand */
} SmCurationState;

#define SM_TYPE_CURATION_ITEM (sm_curation_item_get_type ())

G_DECLARE_FINAL_TYPE (SmCurationItem, sm_curation_item, SM, CURATION_ITEM, GObject)

const char         *sm_curation_item_get_id                (SmCurationItem *self);
SmCurationItemKind  sm_curation_item_get_kind              (SmCurationItem *self);
void                sm_curation_item_get_range             (SmCurationItem *self,
                                                            guint          *start,
                                                            guint          *end);
SmCurationState     sm_curation_item_get_state             (SmCurationItem *self,
                                                            guint          *side);
guint               sm_curation_item_get_n_sides           (SmCurationItem *self);
const char * const *sm_curation_item_get_side_annotators   (SmCurationItem *self,
                                                            guint           side);
char               *sm_curation_item_dup_side_summary      (SmCurationItem *self,
                                                            guint           side);
guint               sm_curation_item_get_side_n_spans      (SmCurationItem *self,
                                                            guint           side);
const char         *sm_curation_item_get_side_span         (SmCurationItem *self,
                                                            guint           side,
                                                            guint           position,
                                                            guint          *start,
                                                            guint          *end);

#define SM_TYPE_CURATION (sm_curation_get_type ())

G_DECLARE_FINAL_TYPE (SmCuration, sm_curation, SM, CURATION, GObject)

GQuark          sm_curation_error_quark      (void);
SmCuration     *sm_curation_new              (GPtrArray       *versions,
                                              const char      *curator,
                                              GError         **error);
gboolean        sm_curation_has_record       (SmDocument      *document);
gboolean        sm_curation_is_result        (SmDocument      *document);
SmCuration     *sm_curation_new_for_document (SmDocument      *document,
                                              GError         **error);
SmDocument     *sm_curation_get_document     (SmCuration      *self);
GListModel     *sm_curation_get_items        (SmCuration      *self);
guint           sm_curation_get_n_decided    (SmCuration      *self);
SmCurationItem *sm_curation_get_item_at      (SmCuration      *self,
                                              guint            offset);
gboolean        sm_curation_take_side        (SmCuration      *self,
                                              SmCurationItem  *item,
                                              guint            side,
                                              GError         **error);
void            sm_curation_drop             (SmCuration      *self,
                                              SmCurationItem  *item);
void            sm_curation_mark_edited      (SmCuration      *self,
                                              SmCurationItem  *item);
guint           sm_curation_take_majority    (SmCuration      *self);
guint           sm_curation_take_annotator   (SmCuration      *self,
                                              const char      *annotator);

G_END_DECLS
