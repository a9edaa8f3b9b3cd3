/* sm-project.h: a corpus's label schema, agreed once per folder.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-document.h"
#include "sm-label.h"

G_BEGIN_DECLS

/* The schema's file, in the corpus folder (docs/project-format.md) */
#define SM_PROJECT_FILE_NAME      "spanmark-project.json"
#define SM_PROJECT_FORMAT_VERSION 1

/**
 * SmProjectApplyFlags:
 * @SM_PROJECT_APPLY_NONE: take the schema on outside the history, keeping
 *   every relation (as a document is opened)
 * @SM_PROJECT_APPLY_AS_EDIT: the user's own edit of the schema: one
 *   undoable action
 * @SM_PROJECT_APPLY_REMOVE_BROKEN: remove the relations that no longer
 *   fit, undoably
 */
typedef enum
{
  SM_PROJECT_APPLY_NONE          = 0,
  SM_PROJECT_APPLY_AS_EDIT       = 1 << 0,
  SM_PROJECT_APPLY_REMOVE_BROKEN = 1 << 1,
} SmProjectApplyFlags;

#define SM_TYPE_PROJECT (sm_project_get_type ())

G_DECLARE_FINAL_TYPE (SmProject, sm_project, SM, PROJECT, GObject)

SmProject          *sm_project_new                   (void);
SmProject          *sm_project_new_from_bytes        (GBytes              *bytes,
                                                      const char          *file_name,
                                                      GError             **error);
SmProject          *sm_project_new_from_file         (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
SmProject          *sm_project_new_for_folder        (GFile               *folder,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                sm_project_replace_schema        (SmProject           *self,
                                                      SmProject           *source);
gboolean            sm_project_is_saving             (SmProject           *self);
GBytes             *sm_project_serialize             (SmProject           *self);
gboolean            sm_project_save_to_file          (SmProject           *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                sm_project_save_to_file_async    (SmProject           *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            sm_project_save_to_file_finish   (SmProject           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Labels */
GListModel         *sm_project_get_labels            (SmProject           *self);
SmLabel            *sm_project_find_label            (SmProject           *self,
                                                      const char          *id);
SmLabel            *sm_project_find_label_by_key     (SmProject           *self,
                                                      const char          *key);
gboolean            sm_project_add_label             (SmProject           *self,
                                                      SmLabel             *label,
                                                      GError             **error);
void                sm_project_remove_label          (SmProject           *self,
                                                      const char          *id);
gboolean            sm_project_set_label_name        (SmProject           *self,
                                                      const char          *id,
                                                      const char          *name,
                                                      GError             **error);
gboolean            sm_project_rename_label          (SmProject           *self,
                                                      const char          *id,
                                                      const char          *name,
                                                      const char          *new_id,
                                                      GError             **error);
gboolean            sm_project_set_label_color       (SmProject           *self,
                                                      const char          *id,
                                                      const char          *color,
                                                      GError             **error);
gboolean            sm_project_set_label_key         (SmProject           *self,
                                                      const char          *id,
                                                      const char          *key,
                                                      GError             **error);
void                sm_project_move_label            (SmProject           *self,
                                                      const char          *id,
                                                      guint                position);
char               *sm_project_propose_label_id      (SmProject           *self,
                                                      const char          *name);

/* Relation types */
guint               sm_project_get_n_relation_types  (SmProject           *self);
const char         *sm_project_get_relation_type     (SmProject           *self,
                                                      guint                position);
const char * const *sm_project_get_relation_from     (SmProject           *self,
                                                      const char          *type);
const char * const *sm_project_get_relation_to       (SmProject           *self,
                                                      const char          *type);
gboolean            sm_project_set_relation_type     (SmProject           *self,
                                                      const char          *type,
                                                      const char * const  *from,
                                                      const char * const  *to,
                                                      GError             **error);
void                sm_project_remove_relation_type  (SmProject           *self,
                                                      const char          *type);
gboolean            sm_project_allows_relation       (SmProject           *self,
                                                      const char          *type,
                                                      const char          *from_label,
                                                      const char          *to_label);

/* Documents */
void                sm_project_apply_relation_types  (SmProject           *self,
                                                      SmDocument          *document);
char              **sm_project_apply_to_document     (SmProject           *self,
                                                      SmDocument          *document,
                                                      SmProjectApplyFlags  flags,
                                                      GError             **error);

/* Options */
gboolean            sm_project_get_snap_to_words     (SmProject           *self,
                                                      gboolean            *snap_to_words);
void                sm_project_set_snap_to_words     (SmProject           *self,
                                                      gboolean             snap_to_words);
void                sm_project_unset_snap_to_words   (SmProject           *self);

G_END_DECLS
