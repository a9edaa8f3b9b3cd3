/* sm-preferences-window.h: Spanmark's preferences.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SM_TYPE_PREFERENCES_WINDOW (sm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, SM, PREFERENCES_WINDOW, AdwPreferencesWindow)

SmPreferencesWindow *sm_preferences_window_new (GSettings *settings);

G_END_DECLS
