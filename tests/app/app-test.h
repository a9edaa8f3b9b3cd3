/* app-test.h: what the window's tests share: a home and an application of
 * their own, waiting on the main loop, finding widgets, and xdotool.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-application.h"

G_BEGIN_DECLS

/* Long enough for a slow, shared CI machine; a test that waits this long has failed */
#define APP_TEST_WAIT_SECONDS 20

typedef enum
{
  APP_TEST_NONE = 0,
  APP_TEST_X11  = 1 << 0,   /* real events from xdotool: X only */
} AppTestFlags;

typedef gboolean (*AppTestCondition) (gpointer data);

SmApplication *app_test_init          (int              *argc,
                                       char           ***argv,
                                       AppTestFlags      flags);
const char    *app_test_get_home      (void);
void           app_test_forget_warnings (void);
void           app_test_assert_no_warning_about (const char *what);

gboolean       app_test_wait_for      (AppTestCondition  condition,
                                       gpointer          data,
                                       guint             seconds);
void           app_test_wait_until    (AppTestCondition  condition,
                                       gpointer          data,
                                       const char       *what);
void           app_test_spin          (guint             milliseconds);

GPtrArray     *app_test_find_widgets  (GtkWidget        *root,
                                       GType             type,
                                       const char       *css_class);

AdwMessageDialog *app_test_find_message_dialog (void);
gboolean       app_test_message_dialog_is_shown (gpointer data);

gboolean       app_test_have_xdotool  (void);
gboolean       app_test_run_xdotool   (const char * const *args,
                                       GError          **error);

G_END_DECLS
