/* sm-span.h: a labelled range of an article's text.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_TYPE_SPAN (sm_span_get_type ())

G_DECLARE_FINAL_TYPE (SmSpan, sm_span, SM, SPAN, GObject)

const char *sm_span_get_id    (SmSpan *self);
const char *sm_span_get_label (SmSpan *self);
guint       sm_span_get_start (SmSpan *self);
guint       sm_span_get_end   (SmSpan *self);
const char *sm_span_get_text  (SmSpan *self);
const char *sm_span_get_note  (SmSpan *self);
gint        sm_span_compare   (SmSpan *a,
                               SmSpan *b);

G_END_DECLS
