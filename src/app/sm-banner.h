/* sm-banner.h: a message across the top of the window, with two buttons.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_BANNER (sm_banner_get_type ())

G_DECLARE_FINAL_TYPE (SmBanner, sm_banner, SM, BANNER, GtkWidget)

const char *sm_banner_get_title    (SmBanner   *self);
void        sm_banner_set_title    (SmBanner   *self,
                                    const char *title);
gboolean    sm_banner_get_revealed (SmBanner   *self);
void        sm_banner_set_revealed (SmBanner   *self,
                                    gboolean    revealed);

G_END_DECLS
