/* sm-label-button.c: a button that tags the selection with a label.
 *
 * Shows the label's colour, name and key, and activates win.tag with the
 * label's id: the palette and the popover over a selection are rows of
 * these, so both tag through the same action.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-label-button"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-label-button.h"
#include "sm-label-swatch.h"

struct _SmLabelButton
{
  GtkButton  parent_instance;
  SmLabel   *label;
  GtkLabel  *name;
  GtkLabel  *key;
};

G_DEFINE_FINAL_TYPE (SmLabelButton, sm_label_button, GTK_TYPE_BUTTON)

static void
update (SmLabelButton *self)
{
  const char *key = sm_label_get_key (self->label);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->name, sm_label_get_name (self->label));
  gtk_label_set_label (self->key, key);
  gtk_widget_set_visible (GTK_WIDGET (self->key), key[0] != '\0');

  if (key[0] != '\0')
    /* Translators: %s is a label's name, e.g. "Speaker", then its key */
    tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"), sm_label_get_name (self->label), key);
  else
    tooltip = g_strdup_printf (_("Tag the selection as %s"), sm_label_get_name (self->label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sm_label_get_name (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
sm_label_button_dispose (GObject *object)
{
  SmLabelButton *self = (SmLabelButton *)object;

  g_clear_object (&self->label);

  G_OBJECT_CLASS (sm_label_button_parent_class)->dispose (object);
}

static void
sm_label_button_class_init (SmLabelButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_label_button_dispose;
}

static void
sm_label_button_init (SmLabelButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name), TRUE);
  self->key = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->key), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->key), "label-key");

  gtk_box_append (GTK_BOX (box), sm_label_swatch_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->key));
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "label-button");
}

GtkWidget *
sm_label_button_new (SmLabel *label)
{
  SmLabelButton *self;
  GtkWidget *swatch;

  g_return_val_if_fail (SM_IS_LABEL (label), NULL);

  self = g_object_new (SM_TYPE_LABEL_BUTTON,
                       "action-name", "win.tag",
                       "action-target", g_variant_new_string (sm_label_get_id (label)),
                       NULL);
  self->label = g_object_ref (label);

  swatch = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (self)));
  sm_label_swatch_set_label (SM_LABEL_SWATCH (swatch), label);

  g_signal_connect_object (label, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SmLabel *
sm_label_button_get_label (SmLabelButton *self)
{
  g_return_val_if_fail (SM_IS_LABEL_BUTTON (self), NULL);

  return self->label;
}
