/* sm-span-row.h: one span in the span list.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_SPAN_ROW (sm_span_row_get_type ())

G_DECLARE_FINAL_TYPE (SmSpanRow, sm_span_row, SM, SPAN_ROW, GtkWidget)

GtkWidget *sm_span_row_new  (void);
void       sm_span_row_bind (SmSpanRow  *self,
                             SmDocument *document,
                             SmSpan     *span);

char      *sm_span_dup_shown_text (SmDocument *document,
                                   SmSpan     *span);

G_END_DECLS
