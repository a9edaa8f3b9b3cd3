/* sm-span-list.h: every span of the document, filtered by label and searched.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_SPAN_LIST (sm_span_list_get_type ())

G_DECLARE_FINAL_TYPE (SmSpanList, sm_span_list, SM, SPAN_LIST, GtkWidget)

GtkWidget  *sm_span_list_new             (void);
SmDocument *sm_span_list_get_document    (SmSpanList  *self);
void        sm_span_list_set_document    (SmSpanList  *self,
                                          SmDocument  *document);
GListModel *sm_span_list_get_shown_spans (SmSpanList  *self);
void        sm_span_list_set_search      (SmSpanList  *self,
                                          const char  *search);
void        sm_span_list_set_label_shown (SmSpanList  *self,
                                          const char  *label,
                                          gboolean     shown);
void        sm_span_list_select_span     (SmSpanList  *self,
                                          SmSpan      *span);
SmSpan     *sm_span_list_get_selected    (SmSpanList  *self);

G_END_DECLS
