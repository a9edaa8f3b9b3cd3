/* sm-learned.h: strings the annotator tagged, proposed where they occur again.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-text.h"

G_BEGIN_DECLS

typedef struct _SmLearned SmLearned;

typedef struct
{
  guint       start;
  guint       end;
  const char *label;   /* owned by the SmLearned it came from */
} SmLearnedMatch;

SmLearned  *sm_learned_new     (void);
SmLearned  *sm_learned_ref     (SmLearned   *self);
void        sm_learned_unref   (SmLearned   *self);
void        sm_learned_add     (SmLearned   *self,
                                const char  *string,
                                const char  *label,
                                guint        count);
guint       sm_learned_get_size (SmLearned  *self);
void        sm_learned_merge   (SmLearned   *self,
                                SmLearned   *other);
const char *sm_learned_lookup  (SmLearned   *self,
                                const char  *string);
GArray     *sm_learned_find    (SmLearned   *self,
                                SmText      *text);
GArray     *sm_learned_find_combined (SmLearned *base,
                                SmLearned   *minus,
                                SmLearned   *plus,
                                SmText      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmLearned, sm_learned_unref)

G_END_DECLS
