/* sm-preferences-window.c: Spanmark's preferences.
 *
 * Every row is bound to a GSettings key; open windows follow the keys.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-preferences-window.h"

/* What the font button shows when no custom font is set */
#define DEFAULT_FONT "Cantarell 13"

struct _SmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *snap_switch;
  GtkSwitch            *suggestions_switch;
  AdwEntryRow          *annotator_row;
  GtkSwitch            *custom_font_switch;
  AdwActionRow         *font_row;
  GtkFontButton        *font_button;
};

G_DEFINE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_custom_font_toggled (SmPreferencesWindow *self)
{
  gboolean custom = gtk_switch_get_active (self->custom_font_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->font_row), custom);

  if (self->settings == NULL)
    return;

  if (!custom)
    g_settings_set_string (self->settings, "font", "");
  else if (g_settings_get_string (self->settings, "font")[0] == '\0')
    g_settings_set_string (self->settings, "font",
                           gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button)));
}

static void
on_font_set (SmPreferencesWindow *self)
{
  g_autofree char *font = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button));

  g_settings_set_string (self->settings, "font", font);
}

static void
sm_preferences_window_dispose (GObject *object)
{
  SmPreferencesWindow *self = (SmPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sm_preferences_window_parent_class)->dispose (object);
}

static void
sm_preferences_window_class_init (SmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, suggestions_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, custom_font_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, font_button);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_font_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_font_set);
}

static void
sm_preferences_window_init (SmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmPreferencesWindow *
sm_preferences_window_new (GSettings *settings)
{
  SmPreferencesWindow *self;
  g_autofree char *font = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SM_TYPE_PREFERENCES_WINDOW, NULL);

  font = g_settings_get_string (settings, "font");
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), font[0] ? font : DEFAULT_FONT);
  gtk_switch_set_active (self->custom_font_switch, font[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->font_row), font[0] != '\0');

  /* Bound only now, so that setting the initial state writes nothing */
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "suggestions", self->suggestions_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "annotator", self->annotator_row, "text", G_SETTINGS_BIND_DEFAULT);

  return self;
}
