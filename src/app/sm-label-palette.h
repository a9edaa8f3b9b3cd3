/* sm-label-palette.h: the document's labels, always at hand.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_LABEL_PALETTE (sm_label_palette_get_type ())

G_DECLARE_FINAL_TYPE (SmLabelPalette, sm_label_palette, SM, LABEL_PALETTE, GtkWidget)

GtkWidget  *sm_label_palette_new          (void);
SmDocument *sm_label_palette_get_document (SmLabelPalette *self);
void        sm_label_palette_set_document (SmLabelPalette *self,
                                           SmDocument     *document);

G_END_DECLS
