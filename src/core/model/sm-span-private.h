/* sm-span-private.h: what SmDocument and the format need of a span's insides.
 *
 * Spans change only through their document, so that every change is
 * validated, undoable and signalled; these setters are for the document.
 *
 * Fragments travel as "bounds": 2 × n code point offsets, start and end of
 * each fragment in order, the way a span keeps them.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-span.h"

G_BEGIN_DECLS

SmSpan      *_sm_span_new                 (const char  *id,
                                          const char  *label,
                                          guint        start,
                                          guint        end,
                                          const char  *text);
SmSpan      *_sm_span_new_with_fragments (const char  *id,
                                          const char  *label,
                                          const guint *bounds,
                                          guint        n_fragments,
                                          const char  *text);
void         _sm_span_set_label          (SmSpan      *self,
                                          const char  *label);
void         _sm_span_set_fragments      (SmSpan      *self,
                                          const guint *bounds,
                                          guint        n_fragments,
                                          const char  *text);
void         _sm_span_set_note           (SmSpan      *self,
                                          const char  *note);
const guint *_sm_span_get_bounds         (SmSpan      *self,
                                          guint       *n_fragments);
const char  *_sm_span_get_made_text      (SmSpan      *self);
gboolean     _sm_span_has_made_text      (SmSpan      *self);
gint         _sm_span_compare_to         (SmSpan      *self,
                                          const char  *label,
                                          const guint *bounds,
                                          guint        n_fragments);
gboolean     _sm_span_bounds_are_valid   (const guint *bounds,
                                          guint        n_fragments);
const char  *_sm_span_intern_label       (const char  *label);

G_END_DECLS
