/* sm-bar-chart.h: a small horizontal bar chart of named counts.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_BAR_CHART (sm_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (SmBarChart, sm_bar_chart, SM, BAR_CHART, GtkWidget)

GtkWidget *sm_bar_chart_new     (void);
void       sm_bar_chart_add_bar (SmBarChart *self,
                                 const char *name,
                                 guint       value,
                                 const char *color);
guint      sm_bar_chart_get_n_bars (SmBarChart *self);

G_END_DECLS
