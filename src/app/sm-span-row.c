/* sm-span-row.c: one span in the span list.
 *
 * Shows the label's colour and name, the span's text, and for a claim who
 * said it. Rows are recycled by the list view; the document tells the list
 * when a row's content changes, and the row is bound again.
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

struct _SmSpanRow
{
  GtkWidget      parent_instance;
  GtkBox        *box;
  SmLabelSwatch *swatch;
  GtkLabel      *heading;
  GtkLabel      *excerpt;
  GtkLabel      *detail;
};

G_DEFINE_FINAL_TYPE (SmSpanRow, sm_span_row, GTK_TYPE_WIDGET)

static void
sm_span_row_dispose (GObject *object)
{
  SmSpanRow *self = (SmSpanRow *)object;

  if (self->box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->box));
      self->box = NULL;
    }

  G_OBJECT_CLASS (sm_span_row_parent_class)->dispose (object);
}

static void
sm_span_row_class_init (SmSpanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_span_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanrow");
}

static void
sm_span_row_init (SmSpanRow *self)
{
  GtkBox *text = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 6);
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));

  self->swatch = SM_LABEL_SWATCH (sm_label_swatch_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->swatch), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->swatch), 2);
  gtk_box_append (self->box, GTK_WIDGET (self->swatch));

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "dim-label");

  self->excerpt = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->excerpt, 0);
  gtk_label_set_wrap (self->excerpt, TRUE);
  gtk_label_set_wrap_mode (self->excerpt, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->excerpt, 2);
  gtk_label_set_ellipsize (self->excerpt, PANGO_ELLIPSIZE_END);

  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail, 0);
  gtk_label_set_ellipsize (self->detail, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "caption");

  gtk_box_append (text, GTK_WIDGET (self->heading));
  gtk_box_append (text, GTK_WIDGET (self->excerpt));
  gtk_box_append (text, GTK_WIDGET (self->detail));
  gtk_widget_set_hexpand (GTK_WIDGET (text), TRUE);
  gtk_box_append (self->box, GTK_WIDGET (text));
}

GtkWidget *
sm_span_row_new (void)
{
  return g_object_new (SM_TYPE_SPAN_ROW, NULL);
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
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  const char *text;
  const char *note;

  g_return_if_fail (SM_IS_SPAN_ROW (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));
  g_return_if_fail (SM_IS_SPAN (span));

  label = sm_document_find_label (document, sm_span_get_label (span));
  speaker = sm_document_get_speaker (document, span);
  note = sm_span_get_note (span);
  text = sm_span_get_text (span);

  sm_label_swatch_set_label (self->swatch, label);

  heading = g_strdup_printf ("%s · %s",
                             label ? sm_label_get_name (label) : sm_span_get_label (span),
                             sm_span_get_id (span));
  gtk_label_set_label (self->heading, heading);

  if (g_utf8_strlen (text, -1) > EXCERPT_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (text, 0, EXCERPT_LENGTH);

      excerpt = g_strconcat (start, "…", NULL);
    }
  else
    excerpt = g_strdup (text);
  /* One paragraph per row, however many the span covers */
  g_strdelimit (excerpt, "\r\n\t", ' ');
  gtk_label_set_label (self->excerpt, excerpt);

  if (speaker != NULL)
    /* Translators: under a claim in the span list */
    detail = g_strdup_printf (_("Said by %s"), sm_span_get_text (speaker));
  else if (g_strcmp0 (sm_span_get_label (span), SM_LABEL_CLAIM) == 0)
    detail = g_strdup (_("No speaker yet"));
  else if (note != NULL)
    detail = g_strdup (note);

  gtk_label_set_label (self->detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), detail != NULL);
  if (speaker == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "dim-label");

  accessible = g_strdup_printf ("%s: %s%s%s", heading, excerpt, detail ? ". " : "", detail ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
