/* sm-span.h: a labelled range of an article's text, in one or more fragments.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_TYPE_SPAN (sm_span_get_type ())

G_DECLARE_FINAL_TYPE (SmSpan, sm_span, SM, SPAN, GObject)

/* What sm_span_get_text() puts between the texts of two fragments: a
 * space, as brat does, so the text of a discontinuous span reads the same
 * in Spanmark, in its file and in every export. */
#define SM_SPAN_FRAGMENT_JOINER " "

const char *sm_span_get_id              (SmSpan *self);
const char *sm_span_get_label           (SmSpan *self);
guint       sm_span_get_start           (SmSpan *self);
guint       sm_span_get_end             (SmSpan *self);
const char *sm_span_get_text            (SmSpan *self);
const char *sm_span_get_note            (SmSpan *self);
guint       sm_span_get_n_fragments     (SmSpan *self);
void        sm_span_get_fragment        (SmSpan *self,
                                         guint   index,
                                         guint  *start,
                                         guint  *end);
gboolean    sm_span_find_fragment       (SmSpan *self,
                                         guint   offset,
                                         guint  *index);
gboolean    sm_span_overlaps            (SmSpan *self,
                                         guint   start,
                                         guint   end);
gboolean    sm_span_contains            (SmSpan *self,
                                         guint   start,
                                         guint   end);
gint        sm_span_compare             (SmSpan *a,
                                         SmSpan *b);

G_END_DECLS
