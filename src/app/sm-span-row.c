/* sm-span-row.c: one span in the span list.
 *
 * Shows the label's colour and name, the span's text, for a claim who
 * said it, and the span's note. GTK 4.8's list view builds about two hundred rows for the dozen
 * on screen, so a row is two widgets, the swatch and itself, and draws its
 * text from three layouts rather than holding a box of three labels.
 * Rows are recycled by the list view; the document tells the list when a
 * row's content changes, and the row is bound again.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-label-swatch.h"
#include "sm-span-row.h"

/* The longest excerpt a row shows, in characters */
#define EXCERPT_LENGTH 160

/* Room above and below the text, between the swatch and the text, and
 * between the paragraphs, in pixels */
#define MARGIN   6
#define SPACING 10
#define LEADING  2

/* As libadwaita's .caption and .dim-label */
#define CAPTION_SIZE (9 * PANGO_SCALE)
#define DIM_ALPHA    (0.55 * G_MAXUINT16)

/* The narrowest the text is asked to be, in pixels */
#define MIN_TEXT_WIDTH 120

enum {
  HEADING,
  EXCERPT,
  DETAIL,
  N_PARAGRAPHS
};

struct _SmSpanRow
{
  GtkWidget    parent_instance;
  GtkWidget   *swatch;
  /* Each paragraph wrapped to at most two lines; the detail may be empty,
   * or hold two paragraphs: who said a claim, and its note */
  PangoLayout *paragraphs[N_PARAGRAPHS];
};

G_DEFINE_FINAL_TYPE (SmSpanRow, sm_span_row, GTK_TYPE_WIDGET)

static int
get_swatch_width (SmSpanRow *self)
{
  int width;

  gtk_widget_measure (self->swatch, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);

  return width;
}

static gboolean
paragraph_is_empty (SmSpanRow *self,
                    guint      i)
{
  return pango_layout_get_character_count (self->paragraphs[i]) == 0;
}

/* The width the text has in a row @width wide */
static int
get_text_width (SmSpanRow *self,
                int        width)
{
  return MAX (1, width - get_swatch_width (self) - SPACING);
}

/* Wraps the paragraphs to the row's @width, and returns their height */
static int
set_width (SmSpanRow *self,
           int        width)
{
  int text_width = get_text_width (self, width);
  int height = 0;

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      int paragraph_height;

      if (paragraph_is_empty (self, i))
        continue;

      pango_layout_set_width (self->paragraphs[i], text_width * PANGO_SCALE);
      pango_layout_get_pixel_size (self->paragraphs[i], NULL, &paragraph_height);
      height += (height > 0 ? LEADING : 0) + paragraph_height;
    }

  return height;
}

static GtkSizeRequestMode
sm_span_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sm_span_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SmSpanRow *self = SM_SPAN_ROW (widget);
  /* Wrapped text has no width of its own: ask for a little, and take what
   * the list gives */
  int width = get_swatch_width (self) + SPACING + MIN_TEXT_WIDTH;
  int swatch_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = width;
      return;
    }

  if (for_size < 0)
    for_size = width;

  gtk_widget_measure (self->swatch, GTK_ORIENTATION_VERTICAL, -1, NULL, &swatch_height, NULL, NULL);
  *minimum = *natural = 2 * MARGIN + MAX (set_width (self, for_size), swatch_height);
}

static void
sm_span_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SmSpanRow *self = SM_SPAN_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int swatch_width = get_swatch_width (self);
  int swatch_height;
  int line_height = 0;
  PangoLayoutIter *iter;

  set_width (self, width);

  /* The swatch sits beside the heading's first line */
  iter = pango_layout_get_iter (self->paragraphs[HEADING]);
  pango_layout_iter_get_line_yrange (iter, NULL, &line_height);
  pango_layout_iter_free (iter);
  gtk_widget_measure (self->swatch, GTK_ORIENTATION_VERTICAL, -1, NULL, &swatch_height, NULL, NULL);
  gtk_widget_size_allocate (self->swatch,
                            &(GtkAllocation) {
                              rtl ? width - swatch_width : 0,
                              MARGIN + MAX (0, PANGO_PIXELS (line_height) - swatch_height) / 2,
                              swatch_width,
                              swatch_height,
                            },
                            -1);
}

static void
sm_span_row_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SmSpanRow *self = SM_SPAN_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width = get_text_width (self, gtk_widget_get_width (widget));
  int y = MARGIN;
  GdkRGBA color;

  gtk_widget_snapshot_child (widget, self->swatch, snapshot);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      PangoRectangle extents;
      float x;

      if (paragraph_is_empty (self, i))
        continue;

      /* Like a label that starts at the row's start: the paragraph's lines
       * keep their own alignment, and the block of them sits at the start
       * (the right, right to left) */
      pango_layout_get_pixel_extents (self->paragraphs[i], NULL, &extents);
      if (rtl)
        x = text_width - extents.width - extents.x;
      else
        x = gtk_widget_get_width (widget) - text_width - extents.x;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, self->paragraphs[i], &color);
      gtk_snapshot_restore (snapshot);

      y += extents.height + LEADING;
    }
}

static void
sm_span_row_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  SmSpanRow *self = SM_SPAN_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    pango_layout_set_alignment (self->paragraphs[i], rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  GTK_WIDGET_CLASS (sm_span_row_parent_class)->direction_changed (widget, previous);
}

static void
sm_span_row_dispose (GObject *object)
{
  SmSpanRow *self = (SmSpanRow *)object;

  g_clear_pointer (&self->swatch, gtk_widget_unparent);
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    g_clear_object (&self->paragraphs[i]);

  G_OBJECT_CLASS (sm_span_row_parent_class)->dispose (object);
}

static void
sm_span_row_class_init (SmSpanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_span_row_dispose;

  widget_class->get_request_mode = sm_span_row_get_request_mode;
  widget_class->measure = sm_span_row_measure;
  widget_class->size_allocate = sm_span_row_size_allocate;
  widget_class->snapshot = sm_span_row_snapshot;
  widget_class->direction_changed = sm_span_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "spanrow");
}

static void
sm_span_row_init (SmSpanRow *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  self->swatch = sm_label_swatch_new (NULL);
  gtk_widget_set_parent (self->swatch, GTK_WIDGET (self));

  /* Made from the widget's own context, the layouts follow the font of the
   * theme and of the settings */
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -2);
      pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      self->paragraphs[i] = layout;
    }
}

GtkWidget *
sm_span_row_new (void)
{
  return g_object_new (SM_TYPE_SPAN_ROW, NULL);
}

/* @text on one line: its line breaks and tabs made spaces */
static char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text ? text : ""), "\r\n\t", ' ');
}

/* Shows @text as paragraph @i, in a caption's size if @caption and bold if
 * @bold, dimmed from byte @dim_from on (-1: not dimmed) */
static void
set_paragraph (SmSpanRow  *self,
               guint       i,
               const char *text,
               gboolean    caption,
               gboolean    bold,
               int         dim_from)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (caption)
    pango_attr_list_insert (attributes, pango_attr_size_new (CAPTION_SIZE));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (dim_from >= 0)
    {
      PangoAttribute *dim = pango_attr_foreground_alpha_new (DIM_ALPHA);

      dim->start_index = dim_from;
      pango_attr_list_insert (attributes, dim);
    }

  pango_layout_set_text (self->paragraphs[i], text ? text : "", -1);
  pango_layout_set_attributes (self->paragraphs[i], attributes);
}

/**
 * sm_span_dup_shown_text:
 *
 * The text of @span as the window shows it, in the span list and its
 * popover: a span interrupted by other text reads with its gaps marked.
 *
 * Returns: (transfer full): the text
 */
char *
sm_span_dup_shown_text (SmDocument *document,
                        SmSpan     *span)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SM_IS_SPAN (span), NULL);

  /* Translators: between the parts of a span interrupted by other
   * text, as in "…true friends,” … “and we are…" */
  return sm_document_dup_span_text (document, span, _(" … "));
}

void
sm_span_row_bind (SmSpanRow  *self,
                  SmDocument *document,
                  SmSpan     *span)
{
  SmLabel *label;
  SmSpan *speaker;
  g_autofree char *heading = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *said_by = NULL;
  g_autofree char *note = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *text = NULL;
  int dim_from = 0;

  g_return_if_fail (SM_IS_SPAN_ROW (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));
  g_return_if_fail (SM_IS_SPAN (span));

  label = sm_document_find_label (document, sm_span_get_label (span));
  speaker = sm_document_get_speaker (document, span);
  note = sm_span_get_note (span) ? one_line (sm_span_get_note (span)) : NULL;
  text = sm_span_dup_shown_text (document, span);

  sm_label_swatch_set_label (SM_LABEL_SWATCH (self->swatch), label);

  heading = g_strdup_printf ("%s · %s",
                             label ? sm_label_get_name (label) : sm_span_get_label (span),
                             sm_span_get_id (span));

  if (g_utf8_strlen (text, -1) > EXCERPT_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (text, 0, EXCERPT_LENGTH);

      excerpt = g_strconcat (start, "…", NULL);
    }
  else
    excerpt = g_strdup (text);
  g_strdelimit (excerpt, "\r\n\t", ' ');

  /* Who said a claim, then the note, dimmed, on a line of its own: one
   * layout for both, as rows are many */
  if (speaker != NULL)
    {
      g_autofree char *shown = sm_span_dup_shown_text (document, speaker);
      g_autofree char *name = one_line (shown);

      /* Translators: under a claim in the span list */
      said_by = g_strdup_printf (_("Said by %s"), name);
      dim_from = note != NULL ? (int) strlen (said_by) + 1 : -1;
    }
  else if (g_strcmp0 (sm_span_get_label (span), SM_LABEL_CLAIM) == 0)
    said_by = g_strdup (_("No speaker yet"));

  if (said_by != NULL && note != NULL)
    detail = g_strconcat (said_by, "\n", note, NULL);
  else
    detail = g_strdup (said_by != NULL ? said_by : note);

  set_paragraph (self, HEADING, heading, TRUE, TRUE, 0);
  set_paragraph (self, EXCERPT, excerpt, FALSE, FALSE, -1);
  set_paragraph (self, DETAIL, detail, TRUE, FALSE, dim_from);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  accessible = g_strdup_printf ("%s: %s%s%s", heading, excerpt, detail ? ". " : "", detail ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
