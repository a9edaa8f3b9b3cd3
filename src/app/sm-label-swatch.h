/* sm-label-swatch.h: a small square in a label's colour.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-label.h"

G_BEGIN_DECLS

#define SM_TYPE_LABEL_SWATCH (sm_label_swatch_get_type ())

G_DECLARE_FINAL_TYPE (SmLabelSwatch, sm_label_swatch, SM, LABEL_SWATCH, GtkWidget)

GtkWidget *sm_label_swatch_new       (SmLabel       *label);
SmLabel   *sm_label_swatch_get_label (SmLabelSwatch *self);
void       sm_label_swatch_set_label (SmLabelSwatch *self,
                                      SmLabel       *label);

G_END_DECLS
