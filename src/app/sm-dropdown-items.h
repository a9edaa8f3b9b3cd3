/* sm-dropdown-items.h: a dropdown's items, shown whole, and searched by typing.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sm_dropdown_show_whole_items (GtkWidget   *chooser);
void sm_dropdown_type_to_search   (GtkDropDown *dropdown);

G_END_DECLS
