/* sm-relation.h: a typed link between two spans, such as a claim said by a speaker.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-span.h"

G_BEGIN_DECLS

/* From a CLAIM to the SPEAKER who made it */
#define SM_RELATION_SAID_BY "said_by"

#define SM_TYPE_RELATION (sm_relation_get_type ())

G_DECLARE_FINAL_TYPE (SmRelation, sm_relation, SM, RELATION, GObject)

const char *sm_relation_get_id           (SmRelation  *self);
const char *sm_relation_get_type_name    (SmRelation  *self);
SmSpan     *sm_relation_get_from         (SmRelation  *self);
SmSpan     *sm_relation_get_to           (SmRelation  *self);
gboolean    sm_relation_type_is_valid    (const char  *type,
                                          GError     **error);

SmRelation *_sm_relation_new             (const char  *id,
                                          const char  *type,
                                          SmSpan      *from,
                                          SmSpan      *to);

G_END_DECLS
