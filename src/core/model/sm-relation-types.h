/* sm-relation-types.h: which labels a relation of each type may link, in order.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SmRelationTypes SmRelationTypes;

SmRelationTypes    *sm_relation_types_new           (void);
SmRelationTypes    *sm_relation_types_copy          (SmRelationTypes    *self);
void                sm_relation_types_free          (SmRelationTypes    *self);
guint               sm_relation_types_get_n_types   (SmRelationTypes    *self);
const char         *sm_relation_types_get_nth       (SmRelationTypes    *self,
                                                     guint               position);
gboolean            sm_relation_types_find          (SmRelationTypes    *self,
                                                     const char         *type,
                                                     guint              *position);
const char * const *sm_relation_types_get_from      (SmRelationTypes    *self,
                                                     const char         *type);
const char * const *sm_relation_types_get_to        (SmRelationTypes    *self,
                                                     const char         *type);
void                sm_relation_types_set           (SmRelationTypes    *self,
                                                     const char         *type,
                                                     const char * const *from,
                                                     const char * const *to);
gboolean            sm_relation_types_remove        (SmRelationTypes    *self,
                                                     const char         *type);
void                sm_relation_types_clear         (SmRelationTypes    *self);
void                sm_relation_types_reset         (SmRelationTypes    *self);
gboolean            sm_relation_types_is_default    (SmRelationTypes    *self);
gboolean            sm_relation_types_allows        (SmRelationTypes    *self,
                                                     const char         *type,
                                                     const char         *from_label,
                                                     const char         *to_label);
gboolean            sm_relation_types_names_label   (SmRelationTypes    *self,
                                                     const char         *label);
void                sm_relation_types_replace_label (SmRelationTypes    *self,
                                                     const char         *label,
                                                     const char         *new_label);
void                sm_relation_types_remove_label  (SmRelationTypes    *self,
                                                     const char         *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmRelationTypes, sm_relation_types_free)

G_END_DECLS
