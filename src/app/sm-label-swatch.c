/* sm-label-swatch.c: a small square in a label's colour.
 *
 * Follows the label, so recolouring a label recolours every swatch.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-label-swatch"

#include "config.h"

#include "sm-label-swatch.h"

#define SIZE 14

struct _SmLabelSwatch
{
  GtkWidget  parent_instance;
  SmLabel   *label;
};

G_DEFINE_FINAL_TYPE (SmLabelSwatch, sm_label_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_label_swatch_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SmLabelSwatch *self = SM_LABEL_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect rect;
  GdkRGBA color;
  GdkRGBA border;
  float border_widths[4] = { 1, 1, 1, 1 };
  GdkRGBA border_colors[4];

  if (self->label == NULL || !gdk_rgba_parse (&color, sm_label_get_color (self->label)))
    return;

  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT ((width - SIZE) / 2.f, (height - SIZE) / 2.f,
                                                        SIZE, SIZE),
                                   4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &color, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  /* A faint edge keeps light colours visible on light backgrounds */
  border = (GdkRGBA) { 0, 0, 0, 0.15f };
  for (guint i = 0; i < 4; i++)
    border_colors[i] = border;
  gtk_snapshot_append_border (snapshot, &rect, border_widths, border_colors);
}

static void
sm_label_swatch_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
on_label_color_changed (SmLabelSwatch *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sm_label_swatch_dispose (GObject *object)
{
  SmLabelSwatch *self = (SmLabelSwatch *)object;

  g_clear_object (&self->label);

  G_OBJECT_CLASS (sm_label_swatch_parent_class)->dispose (object);
}

static void
sm_label_swatch_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmLabelSwatch *self = SM_LABEL_SWATCH (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_object (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_swatch_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmLabelSwatch *self = SM_LABEL_SWATCH (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      sm_label_swatch_set_label (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_label_swatch_class_init (SmLabelSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_label_swatch_dispose;
  object_class->get_property = sm_label_swatch_get_property;
  object_class->set_property = sm_label_swatch_set_property;

  widget_class->snapshot = sm_label_swatch_snapshot;
  widget_class->measure = sm_label_swatch_measure;

  properties [PROP_LABEL] =
    g_param_spec_object ("label", NULL, NULL,
                         SM_TYPE_LABEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sm_label_swatch_init (SmLabelSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
sm_label_swatch_new (SmLabel *label)
{
  return g_object_new (SM_TYPE_LABEL_SWATCH, "label", label, NULL);
}

SmLabel *
sm_label_swatch_get_label (SmLabelSwatch *self)
{
  g_return_val_if_fail (SM_IS_LABEL_SWATCH (self), NULL);

  return self->label;
}

void
sm_label_swatch_set_label (SmLabelSwatch *self,
                           SmLabel       *label)
{
  g_return_if_fail (SM_IS_LABEL_SWATCH (self));
  g_return_if_fail (label == NULL || SM_IS_LABEL (label));

  if (self->label == label)
    return;

  if (self->label)
    g_signal_handlers_disconnect_by_func (self->label, on_label_color_changed, self);

  g_set_object (&self->label, label);

  if (label)
    g_signal_connect_object (label, "notify::color",
                             G_CALLBACK (on_label_color_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}
