/* sm-annotator-dialog.c: asks once for the name saved as the annotator.
 *
 * Files name their annotator (meta.annotator) so that a team can tell its
 * annotators' work apart. The name is a preference; the first time a file
 * would be saved without one, Spanmark asks for it, prefilled with the
 * account's real name. Skipping is an answer too: it is not asked again,
 * and Preferences can set the name later.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-annotator-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-annotator-dialog.h"

#define RESPONSE_SKIP "skip"
#define RESPONSE_USE  "use"

/**
 * sm_annotator_dialog_should_ask:
 *
 * Returns: whether no name is set and the user was never asked for one
 */
gboolean
sm_annotator_dialog_should_ask (GSettings *settings)
{
  g_autofree char *annotator = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  annotator = g_settings_get_string (settings, "annotator");

  return annotator[0] == '\0' && !g_settings_get_boolean (settings, "annotator-asked");
}

static char *
dup_name (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
on_name_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = dup_name (entry);

  adw_message_dialog_set_response_enabled (dialog, RESPONSE_USE, name[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GSettings        *settings)
{
  if (g_strcmp0 (response, RESPONSE_USE) == 0)
    {
      g_autofree char *name = dup_name (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));

      g_settings_set_string (settings, "annotator", name);
    }

  g_settings_set_boolean (settings, "annotator-asked", TRUE);
}

/**
 * sm_annotator_dialog_new:
 * @parent: the window about to save
 * @settings: where the name and the fact of having asked are kept
 *
 * Makes the dialog that asks for the annotator's name. Its response has
 * been written to @settings by the time the caller's "response" handlers
 * run, whichever button (or Escape) answered it.
 *
 * Returns: (transfer none): the dialog, to present
 */
AdwMessageDialog *
sm_annotator_dialog_new (GtkWindow *parent,
                         GSettings *settings)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *real_name = g_get_real_name ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Who Is Annotating?"),
                                                       _("Spanmark saves your name in the files you annotate, so that a team can tell whose work each is. You can change it in Preferences.")));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotator name"),
                                  -1);
  /* GLib says "Unknown" when the account has no real name */
  if (g_strcmp0 (real_name, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), real_name);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    RESPONSE_SKIP, _("_Skip"),
                                    RESPONSE_USE, _("_Use Name"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_USE, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, RESPONSE_USE);
  adw_message_dialog_set_close_response (dialog, RESPONSE_SKIP);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed), dialog, 0);
  on_name_changed (GTK_EDITABLE (entry), dialog);
  /* Kept as long as the dialog, which may outlive its window's settings */
  g_object_set_data_full (G_OBJECT (dialog), "settings", g_object_ref (settings), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), settings);

  return dialog;
}
