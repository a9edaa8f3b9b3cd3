/* sm-label-palette.c: the document's labels, always at hand.
 *
 * A row of label buttons above the article: with text selected, one click
 * tags it. It follows the document's label set.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-label-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-label-button.h"
#include "sm-label-palette.h"

struct _SmLabelPalette
{
  GtkWidget   parent_instance;
  SmDocument *document;
  GtkBox     *box;
};

G_DEFINE_FINAL_TYPE (SmLabelPalette, sm_label_palette, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rebuild (SmLabelPalette *self)
{
  GtkWidget *child;
  GListModel *labels;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);

  if (self->document == NULL)
    return;

  labels = sm_document_get_labels (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      GtkWidget *button = sm_label_button_new (label);

      /* As wide as its name, not stretched over the bar */
      gtk_widget_set_hexpand (button, FALSE);
      gtk_box_append (self->box, button);
    }
}

static void
sm_label_palette_dispose (GObject *object)
{
  SmLabelPalette *self = (SmLabelPalette *)object;

  if (self->box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->box));
      self->box = NULL;
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sm_label_palette_parent_class)->dispose (object);
}

static void
sm_label_palette_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmLabelPalette *self = SM_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_palette_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmLabelPalette *self = SM_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      sm_label_palette_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_palette_class_init (SmLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_label_palette_dispose;
  object_class->get_property = sm_label_palette_get_property;
  object_class->set_property = sm_label_palette_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "labelpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
sm_label_palette_init (SmLabelPalette *self)
{
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Labels"),
                                  -1);
}

GtkWidget *
sm_label_palette_new (void)
{
  return g_object_new (SM_TYPE_LABEL_PALETTE, NULL);
}

SmDocument *
sm_label_palette_get_document (SmLabelPalette *self)
{
  g_return_val_if_fail (SM_IS_LABEL_PALETTE (self), NULL);

  return self->document;
}

void
sm_label_palette_set_document (SmLabelPalette *self,
                               SmDocument     *document)
{
  g_return_if_fail (SM_IS_LABEL_PALETTE (self));
  g_return_if_fail (document == NULL || SM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document)
    g_signal_handlers_disconnect_by_func (sm_document_get_labels (self->document), rebuild, self);

  g_set_object (&self->document, document);

  if (document)
    g_signal_connect_object (sm_document_get_labels (document), "items-changed",
                             G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}
