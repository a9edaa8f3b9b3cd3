/* sm-application.h: the Spanmark application.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SM_TYPE_APPLICATION (sm_application_get_type ())

G_DECLARE_FINAL_TYPE (SmApplication, sm_application, SM, APPLICATION, AdwApplication)

SmApplication *sm_application_new          (void);
GSettings     *sm_application_get_settings (SmApplication *self);
GFile         *sm_application_get_sample   (SmApplication *self);

G_END_DECLS
