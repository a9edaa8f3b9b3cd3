/* sm-bar-chart.c: a small horizontal bar chart of named counts.
 *
 * One bar per row: the name, a bar as long as its share of the largest
 * value in its colour (or the accent colour), and the count. Screen
 * readers get the same as text.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-bar-chart"

#include "config.h"

#include "sm-bar-chart.h"

#define ROW_HEIGHT 26
#define BAR_HEIGHT 14
#define NAME_WIDTH 140
#define VALUE_WIDTH 64
#define GAP 8

typedef struct
{
  char    *name;
  guint    value;
  GdkRGBA  color;
  gboolean has_color;
} Bar;

struct _SmBarChart
{
  GtkWidget  parent_instance;
  GArray    *bars;
};

G_DEFINE_FINAL_TYPE (SmBarChart, sm_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (Bar *bar)
{
  g_clear_pointer (&bar->name, g_free);
}

static guint
largest (SmBarChart *self)
{
  guint max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).value);

  return max;
}

static void
append_text (SmBarChart  *self,
             GtkSnapshot *snapshot,
             const char  *text,
             float        x,
             float        y,
             int          width,
             gboolean     right_aligned)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA color;
  int text_width, text_height;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - text_height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);

  g_object_unref (layout);
}

static void
sm_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SmBarChart *self = SM_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int bar_space = MAX (width - NAME_WIDTH - VALUE_WIDTH - 2 * GAP, 10);
  guint max = largest (self);
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1.f };

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      float y = i * ROW_HEIGHT;
      float length = max ? (float) bar_space * bar->value / max : 0;
      g_autofree char *value = g_strdup_printf ("%u", bar->value);
      GskRoundedRect rect;

      append_text (self, snapshot, bar->name, 0, y, NAME_WIDTH, FALSE);

      gsk_rounded_rect_init_from_rect (&rect,
                                       &GRAPHENE_RECT_INIT (NAME_WIDTH + GAP, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.f,
                                                            MAX (length, bar->value ? 2.f : 0.f), BAR_HEIGHT),
                                       3);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, bar->has_color ? &bar->color : &accent, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      append_text (self, snapshot, value, width - VALUE_WIDTH, y, VALUE_WIDTH, TRUE);
    }
}

static void
sm_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SmBarChart *self = SM_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH + VALUE_WIDTH + 2 * GAP + 40;
      *natural = *minimum + 200;
    }
  else
    *minimum = *natural = self->bars->len * ROW_HEIGHT;
}

static void
update_accessible (SmBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      g_string_append_printf (text, "%s%s: %u", i ? ", " : "", bar->name, bar->value);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
sm_bar_chart_finalize (GObject *object)
{
  SmBarChart *self = (SmBarChart *)object;

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (sm_bar_chart_parent_class)->finalize (object);
}

static void
sm_bar_chart_class_init (SmBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sm_bar_chart_finalize;

  widget_class->snapshot = sm_bar_chart_snapshot;
  widget_class->measure = sm_bar_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sm_bar_chart_init (SmBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
}

GtkWidget *
sm_bar_chart_new (void)
{
  return g_object_new (SM_TYPE_BAR_CHART, NULL);
}

/**
 * sm_bar_chart_add_bar:
 * @color: (nullable): "#RRGGBB", or %NULL for the accent colour
 */
void
sm_bar_chart_add_bar (SmBarChart *self,
                      const char *name,
                      guint       value,
                      const char *color)
{
  Bar bar = { 0 };

  g_return_if_fail (SM_IS_BAR_CHART (self));
  g_return_if_fail (name != NULL);

  bar.name = g_strdup (name);
  bar.value = value;
  bar.has_color = color != NULL && gdk_rgba_parse (&bar.color, color);
  g_array_append_val (self->bars, bar);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sm_bar_chart_get_n_bars (SmBarChart *self)
{
  g_return_val_if_fail (SM_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
