/* app-test.c: what the window's tests share.
 *
 * Each test program works in a home of its own, removed when it ends, so
 * recent files, settings and drafts never touch the user's. GTK's warnings
 * are recorded as they are written, so a test can tell one it must never
 * cause (a widget drawn without a size, say) from one GTK gives about its
 * own layout.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "app-test.h"
#include "temp-folder.h"

static char *home;
static GPtrArray *warnings;

static GLogWriterOutput
record_warnings (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0 && warnings != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          g_ptr_array_add (warnings, fields[i].length < 0 ? g_strdup (fields[i].value)
                                                          : g_strndup (fields[i].value, fields[i].length));
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
remove_home (void)
{
  temp_folder_remove (home);
  g_clear_pointer (&home, g_free);
  g_clear_pointer (&warnings, g_ptr_array_unref);
}

/**
 * app_test_init:
 * @flags: %APP_TEST_X11 for a program that sends real events with xdotool
 *
 * Gives the program a home of its own, starts GTK and libadwaita, and
 * makes the application whose windows the tests open.
 *
 * Returns: (transfer full) (nullable): the application, or %NULL when
 *   there is no display to test on: then the program has said it skips
 *   its tests, and should end with status 0
 */
SmApplication *
app_test_init (int            *argc,
               char         ***argv,
               AppTestFlags    flags)
{
  g_autoptr(GError) error = NULL;
  SmApplication *app;

  home = temp_folder_new (g_get_prgname () ? g_get_prgname () : "app-test");
  atexit (remove_home);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (flags & APP_TEST_X11)
    g_setenv ("GDK_BACKEND", "x11", TRUE);

  /* Builders without a display (flatpak-builder's run-tests) skip these;
   * build-aux/run-tests.sh gives them one */
  if ((flags & APP_TEST_X11) && g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no X display to send events on\n");
      return NULL;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display to open windows on\n");
      return NULL;
    }

  warnings = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_warnings, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() makes warnings fatal. Newer GTKs warn about their own
   * layout (libadwaita 1.7's message dialog measuring a long file name in
   * its heading), which is theirs to fix; criticals, which our argument
   * checks raise, still end the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  adw_init ();

  if ((flags & APP_TEST_X11) && !app_test_have_xdotool ())
    {
      g_print ("1..0 # SKIP no xdotool in the Flatpak build sandbox\n");
      return NULL;
    }

  app = g_object_new (SM_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/spanmark/Spanmark",
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The first save asks for the annotator's name; tests about other things
   * have answered it already (test-window's annotator tests ask again) */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_boolean (settings, "annotator-asked", TRUE);
  }

  return app;
}

/**
 * app_test_get_home:
 *
 * Returns: the program's own home, a folder for the files its tests write
 */
const char *
app_test_get_home (void)
{
  return home;
}

/* Forgets the warnings GTK gave so far: what follows is what a test checks */
void
app_test_forget_warnings (void)
{
  g_ptr_array_set_size (warnings, 0);
}

/* Fails the test if GTK has warned about @what since the warnings were
 * last forgotten */
void
app_test_assert_no_warning_about (const char *what)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), what) != NULL)
      g_error ("GTK warned: %s", (const char *) g_ptr_array_index (warnings, i));
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * app_test_wait_for:
 *
 * Runs the main loop until @condition holds. The loop sleeps between
 * events: a condition on the clock alone wants app_test_spin().
 *
 * Returns: whether it held within @seconds
 */
gboolean
app_test_wait_for (AppTestCondition condition,
                   gpointer         data,
                   guint            seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

/* As app_test_wait_for(), failing the test if @condition never holds */
void
app_test_wait_until (AppTestCondition  condition,
                     gpointer          data,
                     const char       *what)
{
  if (!app_test_wait_for (condition, data, APP_TEST_WAIT_SECONDS))
    g_error ("Gave up waiting for %s", what);
}

/* Runs the main loop for @milliseconds */
void
app_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect_widgets (GtkWidget  *widget,
                 GType       type,
                 const char *css_class,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    {
      g_ptr_array_add (found, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, found);
}

/**
 * app_test_find_widgets:
 * @css_class: (nullable): a style class the widgets have, or %NULL
 *
 * Returns: (transfer container): the widgets of @type (and @css_class) in
 *   @root, in the order they are laid out, without looking inside those
 *   found
 */
GPtrArray *
app_test_find_widgets (GtkWidget  *root,
                       GType       type,
                       const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, css_class, found);

  return found;
}

/**
 * app_test_find_message_dialog:
 *
 * Returns: (nullable) (transfer none): the message dialog shown, if any
 */
AdwMessageDialog *
app_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* An AppTestCondition: whether a message dialog is shown */
gboolean
app_test_message_dialog_is_shown (gpointer data)
{
  return app_test_find_message_dialog () != NULL;
}

/**
 * app_test_have_xdotool:
 *
 * Whether xdotool can send events. Only flatpak-builder's sandbox, which
 * runs the tests with a display but none of the host's programs, may lack
 * it: anywhere else its absence is an error, since
 * build-aux/install-deps.sh installs it.
 */
gboolean
app_test_have_xdotool (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool != NULL)
    return TRUE;
  if (!g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    g_error ("xdotool is not installed: build-aux/install-deps.sh installs it");

  return FALSE;
}

static gboolean
process_ended (gpointer data)
{
  return g_subprocess_get_identifier (data) == NULL;
}

/**
 * app_test_run_xdotool:
 * @args: xdotool's arguments, %NULL-terminated
 *
 * Runs xdotool with the main loop running, so the window takes the events
 * it sends while it sends them, as a hand's. What the window asked of the
 * X server (a grab released as a popover closed, say) is done first.
 *
 * Returns: whether xdotool ran and succeeded, in @APP_TEST_WAIT_SECONDS
 */
gboolean
app_test_run_xdotool (const char * const  *args,
                      GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *command = NULL;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  command = g_strjoinv (" ", argv);

  gdk_display_sync (gdk_display_get_default ());

  process = g_subprocess_newv ((const char * const *) argv,
                               G_SUBPROCESS_FLAGS_STDERR_MERGE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               error);
  if (process == NULL)
    return FALSE;

  g_subprocess_wait_async (process, NULL, NULL, NULL);
  if (!app_test_wait_for (process_ended, process, APP_TEST_WAIT_SECONDS))
    {
      g_subprocess_force_exit (process);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "%s did not finish in %d s", command, APP_TEST_WAIT_SECONDS);
      return FALSE;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed", command);
      return FALSE;
    }

  return TRUE;
}
