/* sm-span-index.h: a document's spans in document order, searchable by range.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-span.h"

G_BEGIN_DECLS

#define SM_TYPE_SPAN_INDEX (sm_span_index_get_type ())

G_DECLARE_FINAL_TYPE (SmSpanIndex, sm_span_index, SM, SPAN_INDEX, GObject)

typedef gboolean (*SmSpanFunc) (SmSpan   *span,
                                gpointer  user_data);

SmSpanIndex *sm_span_index_new            (void);
guint        sm_span_index_insert         (SmSpanIndex *self,
                                           SmSpan      *span);
guint        sm_span_index_remove         (SmSpanIndex *self,
                                           SmSpan      *span);
gboolean     sm_span_index_find_position  (SmSpanIndex *self,
                                           SmSpan      *span,
                                           guint       *position);
SmSpan      *sm_span_index_find_exact     (SmSpanIndex *self,
                                           guint        start,
                                           guint        end,
                                           const char  *label);
SmSpan      *sm_span_index_find_fragments (SmSpanIndex *self,
                                           const char  *label,
                                           const guint *bounds,
                                           guint        n_fragments);
SmSpan      *sm_span_index_get_nth        (SmSpanIndex *self,
                                           guint        position);
guint        sm_span_index_get_n_spans    (SmSpanIndex *self);
void         sm_span_index_foreach        (SmSpanIndex *self,
                                           SmSpanFunc   func,
                                           gpointer     user_data);
void         sm_span_index_foreach_in_range (SmSpanIndex *self,
                                           guint        start,
                                           guint        end,
                                           SmSpanFunc   func,
                                           gpointer     user_data);
void         sm_span_index_clear          (SmSpanIndex *self);
void         sm_span_index_begin_batch    (SmSpanIndex *self);
void         sm_span_index_end_batch      (SmSpanIndex *self);
void         sm_span_index_row_changed    (SmSpanIndex *self,
                                           guint        position);

G_END_DECLS
