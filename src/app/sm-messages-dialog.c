/* sm-messages-dialog.c: the problems an export or an import reported.
 *
 * The messages are those spanmark-cli prints ("x.ann:12:4: ..."), listed
 * in a scrollable, selectable text so they can be copied and acted on.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-messages-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-messages-dialog.h"

static void
append_messages (GString    *text,
                 const char *title,
                 GPtrArray  *messages)
{
  if (messages == NULL || messages->len == 0)
    return;

  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append_printf (text, "%s\n", title);
  for (guint i = 0; i < messages->len; i++)
    g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (messages, i));
}

/**
 * sm_messages_dialog_show:
 * @errors: (nullable) (element-type utf8): inputs that were skipped
 * @warnings: (nullable) (element-type utf8): what the format could not hold
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
sm_messages_dialog_show (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         GPtrArray  *errors,
                         GPtrArray  *warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  append_messages (text, _("Skipped:"), errors);
  append_messages (text, _("Warnings:"), warnings);

  if (text->len > 0)
    {
      label = gtk_label_new (text->str);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");

      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
