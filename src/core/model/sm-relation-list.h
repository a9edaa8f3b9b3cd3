/* sm-relation-list.h: a document's relations, in the order they were made.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-relation.h"

G_BEGIN_DECLS

#define SM_TYPE_RELATION_LIST (sm_relation_list_get_type ())

G_DECLARE_FINAL_TYPE (SmRelationList, sm_relation_list, SM, RELATION_LIST, GObject)

SmRelationList *sm_relation_list_new    (void);
void            sm_relation_list_append (SmRelationList *self,
                                         SmRelation     *relation);
gboolean        sm_relation_list_remove (SmRelationList *self,
                                         SmRelation     *relation);

G_END_DECLS
