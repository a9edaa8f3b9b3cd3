/* sm-label-button.h: a button that tags the selection with a label.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-label.h"

G_BEGIN_DECLS

#define SM_TYPE_LABEL_BUTTON (sm_label_button_get_type ())

G_DECLARE_FINAL_TYPE (SmLabelButton, sm_label_button, SM, LABEL_BUTTON, GtkButton)

GtkWidget *sm_label_button_new       (SmLabel       *label);
SmLabel   *sm_label_button_get_label (SmLabelButton *self);

G_END_DECLS
