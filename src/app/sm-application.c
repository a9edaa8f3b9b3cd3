/* sm-application.c: the Spanmark application.
 *
 * Owns the settings and the app-wide actions and shortcuts, opens files
 * given on the command line or by the desktop, curates the versions given
 * with --curate, and offers to restore the drafts a crash left behind.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-application.h"
#include "sm-document-memory.h"
#include "sm-preferences-window.h"
#include "sm-window.h"

struct _SmApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SmApplication, sm_application, ADW_TYPE_APPLICATION)

static SmWindow *
get_active_window (SmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return SM_IS_WINDOW (window) ? SM_WINDOW (window) : NULL;
}

static void
sm_application_activate (GApplication *application)
{
  SmApplication *self = SM_APPLICATION (application);
  SmWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = sm_window_new (self);
      sm_window_offer_drafts (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
sm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SmApplication *self = SM_APPLICATION (application);

  /* One window per file: each keeps its own undo history and unsaved state */
  for (int i = 0; i < n_files; i++)
    {
      SmWindow *window = get_active_window (self);

      if (window == NULL || !sm_window_is_empty (window))
        window = sm_window_new (self);

      /* A folder is a corpus */
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        sm_window_open_folder (window, files[i]);
      else
        sm_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* @parameter: the versions' URIs. An action, so that a second
 * "spanmark --curate" reaches the instance already running */
static void
curate_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SmApplication *self = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **uris = g_variant_get_strv (parameter, NULL);
  SmWindow *window = get_active_window (self);

  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));

  if (window == NULL || !sm_window_is_empty (window))
    window = sm_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  sm_window_curate_files (window, files);
}

/* The files on the command line: opened, each in a window, or with
 * --curate the versions to curate in one */
static int
sm_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  gboolean curating = g_variant_dict_contains (options, "curate");

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg_and_cwd (paths[i], cwd));
  /* Taken here (the paths were the dictionary's until now) */
  g_variant_dict_remove (options, G_OPTION_REMAINING);

  if (files->len == 0 && !curating)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (curating)
    {
      g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *uri = g_file_get_uri (g_ptr_array_index (files, i));

          g_strv_builder_add (uris, uri);
        }
      strv = g_strv_builder_end (uris);

      /* The window says what is wrong with the files, if anything */
      g_action_group_activate_action (G_ACTION_GROUP (application), "curate",
                                      g_variant_new_strv ((const char * const *) strv, -1));
    }
  else
    g_application_open (application, (GFile **) files->pdata, files->len, "");

  /* Goes on to activate(), which shows the window just opened */
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SmApplication *self = user_data;
  static const char *developers[] = { "The Spanmark authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Spanmark"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Spanmark authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Tag speakers, claims and figures in news articles, and export them as datasets."),
                        "website", "https://github.com/spanmark/spanmark",
                        "issue-url", "https://github.com/spanmark/spanmark/issues",
                        "developers", developers,
                        "copyright", "© 2026 The Spanmark authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SmApplication *self = user_data;
  SmPreferencesWindow *preferences;

  preferences = sm_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SmApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (sm_window_new (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SmApplication *self = user_data;
  GList *windows;

  /* Each window asks about its own unsaved changes as it closes */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "curate", curate_action, "as" },
  { "preferences", preferences_action },
  { "new-window", new_window_action },
  { "quit", quit_action },
};

static void
sm_application_startup (GApplication *application)
{
  SmApplication *self = SM_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.mark-done", { "<Control>d", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
    { "win.next-document", { "<Alt>Right", NULL } },
    { "win.previous-document", { "<Alt>Left", NULL } },
    { "win.next-unfinished", { "<Alt>Down", NULL } },
    { "win.done-and-next", { "<Control><Shift>d", NULL } },
    { "win.show-documents", { "F8", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.next-suggestion", { "F7", NULL } },
    { "win.previous-suggestion", { "<Shift>F7", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    /* Curation: F8 shows the document list, and digits are labels' keys */
    { "win.next-disagreement", { "<Alt>n", NULL } },
    { "win.previous-disagreement", { "<Alt>p", NULL } },
    { "win.take-side(uint32 1)", { "<Alt>1", NULL } },
    { "win.take-side(uint32 2)", { "<Alt>2", NULL } },
    { "win.take-side(uint32 3)", { "<Alt>3", NULL } },
    { "win.take-side(uint32 4)", { "<Alt>4", NULL } },
    { "win.take-side(uint32 5)", { "<Alt>5", NULL } },
    { "win.take-side(uint32 6)", { "<Alt>6", NULL } },
    { "win.take-side(uint32 7)", { "<Alt>7", NULL } },
    { "win.take-side(uint32 8)", { "<Alt>8", NULL } },
    { "win.take-side(uint32 9)", { "<Alt>9", NULL } },
    { "win.drop-disagreement", { "<Alt>0", NULL } },
    { "win.mark-edited", { "<Alt>e", NULL } },
  };

  G_APPLICATION_CLASS (sm_application_parent_class)->startup (application);

  /* Made here, not at construction: "spanmark --help" works without the schema */
  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  /* Follow the system's light or dark style */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
sm_application_shutdown (GApplication *application)
{
  /* What the windows remembered of their documents as they closed */
  sm_document_memory_flush ();

  G_APPLICATION_CLASS (sm_application_parent_class)->shutdown (application);
}

static void
sm_application_finalize (GObject *object)
{
  SmApplication *self = (SmApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sm_application_parent_class)->finalize (object);
}

static void
sm_application_class_init (SmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sm_application_finalize;

  app_class->activate = sm_application_activate;
  app_class->open = sm_application_open;
  app_class->startup = sm_application_startup;
  app_class->shutdown = sm_application_shutdown;
  app_class->handle_local_options = sm_application_handle_local_options;
}

static void
sm_application_init (SmApplication *self)
{
  const GOptionEntry entries[] = {
    { "curate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Curate the versions of one document given as FILEs, such as ana/a.json ben/a.json"), NULL },
    /* The files, here rather than GApplication's own, so that --curate
     * can take them for itself */
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, N_("[FILE…]") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SmApplication *
sm_application_new (void)
{
  return g_object_new (SM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/spanmark/Spanmark",
                       NULL);
}

GSettings *
sm_application_get_settings (SmApplication *self)
{
  g_return_val_if_fail (SM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * sm_application_get_sample:
 *
 * Returns: (transfer full) (nullable): the bundled sample article, from the
 *   installed data or, when running from the build tree, from the source tree
 */
GFile *
sm_application_get_sample (SmApplication *self)
{
  static const char *name = "belarus-iran-sanctions.txt";
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", name, NULL);
  g_autofree char *source = g_build_filename (SOURCE_DIR, "data", "samples", name, NULL);

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (installed);
  if (g_file_test (source, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (source);

  return NULL;
}
