/* sm-stretches.h: a set of stretches of text, kept in order and apart.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters [start, end) */
typedef struct
{
  guint start;
  guint end;
} SmStretch;

typedef struct _SmStretches SmStretches;

SmStretches *sm_stretches_new       (void);
void         sm_stretches_free      (SmStretches     *self);
gboolean     sm_stretches_is_empty  (SmStretches     *self);
guint        sm_stretches_get_n     (SmStretches     *self);
void         sm_stretches_clear     (SmStretches     *self);
void         sm_stretches_add       (SmStretches     *self,
                                     const SmStretch *stretches,
                                     guint            n_stretches);
GArray      *sm_stretches_take_in   (SmStretches     *self,
                                     guint            start,
                                     guint            end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmStretches, sm_stretches_free)

G_END_DECLS
