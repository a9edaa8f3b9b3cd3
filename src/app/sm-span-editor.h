/* sm-span-editor.h: edits one span: its label, speaker, note, or deletes it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_SPAN_EDITOR (sm_span_editor_get_type ())

G_DECLARE_FINAL_TYPE (SmSpanEditor, sm_span_editor, SM, SPAN_EDITOR, GtkWidget)

GtkWidget *sm_span_editor_new      (SmDocument   *document,
                                    SmSpan       *span);
SmSpan    *sm_span_editor_get_span (SmSpanEditor *self);

G_END_DECLS
