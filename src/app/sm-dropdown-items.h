/* sm-dropdown-items.h: a dropdown's items, shown whole.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sm_dropdown_show_whole_items (GtkWidget *chooser);

G_END_DECLS
