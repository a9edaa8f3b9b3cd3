/* sm-curation-bar.h: the bar over the article while a curator decides.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-curation.h"

G_BEGIN_DECLS

#define SM_TYPE_CURATION_BAR (sm_curation_bar_get_type ())

G_DECLARE_FINAL_TYPE (SmCurationBar, sm_curation_bar, SM, CURATION_BAR, GtkWidget)

void            sm_curation_bar_set_curation (SmCurationBar  *self,
                                              SmCuration     *curation,
                                              gboolean        from_merge);
SmCurationItem *sm_curation_bar_get_item     (SmCurationBar  *self);
void            sm_curation_bar_set_item     (SmCurationBar  *self,
                                              SmCurationItem *item);
const char     *sm_curation_bar_get_status   (SmCurationBar  *self);
char           *sm_curation_bar_dup_side_text (SmCurationItem *item,
                                               guint           side);

G_END_DECLS
