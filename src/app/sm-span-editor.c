/* sm-span-editor.c: edits one span: its label, speaker, note, or deletes it.
 *
 * A span of several fragments (a quotation around its attribution) is
 * one annotation here: its text reads with its gaps marked, and its parts
 * are listed, each with a button that removes it.
 *
 * Every change goes straight to the document as one undoable action; the
 * note is committed when the entry is activated or loses focus, so typing
 * a note is one step, not one per letter.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-dropdown-items.h"
#include "sm-label-swatch.h"
#include "sm-span-editor.h"
#include "sm-span-row.h"
#include "sm-window.h"

struct _SmSpanEditor
{
  GtkWidget      parent_instance;

  SmDocument    *document;
  SmSpan        *span;
  /* The speakers offered, in the dropdown's order after "Nobody" */
  GPtrArray     *speakers;

  SmLabelSwatch *swatch;
  GtkLabel      *title;
  GtkLabel      *excerpt;
  GtkBox        *parts_box;
  GtkWidget     *parts_caption;
  GtkDropDown   *label_dropdown;
  GtkLabel      *speaker_caption;
  GtkDropDown   *speaker_dropdown;
  GtkEntry      *note_entry;

  guint          update_source;
  guint          updating : 1;
};

G_DEFINE_FINAL_TYPE (SmSpanEditor, sm_span_editor, GTK_TYPE_WIDGET)

static void
report_error (SmSpanEditor *self,
              GError       *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SM_TYPE_WINDOW);

  if (window != NULL)
    sm_window_show_toast (SM_WINDOW (window), error->message);
  else
    g_warning ("%s", error->message);
}

static guint
label_position (SmSpanEditor *self)
{
  GListModel *labels = sm_document_get_labels (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_id (label), sm_span_get_label (self->span)) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
same_spans (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;

  return TRUE;
}

/* Offers the document's speakers, in document order, after "Nobody" */
static void
collect_speakers (SmSpanEditor *self)
{
  GListModel *spans = sm_document_get_spans (self->document);
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_object_unref);
  SmSpan *speaker = sm_document_get_speaker (self->document, self->span);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (g_strcmp0 (sm_span_get_label (span), SM_LABEL_SPEAKER) != 0)
        continue;

      if (span == speaker)
        selected = speakers->len + 1;

      g_ptr_array_add (speakers, g_object_ref (span));
    }

  if (!same_spans (speakers, self->speakers) ||
      gtk_drop_down_get_model (self->speaker_dropdown) == NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("Nobody"));
      for (guint i = 0; i < speakers->len; i++)
        {
          SmSpan *span = g_ptr_array_index (speakers, i);
          g_autofree char *text = sm_span_dup_shown_text (self->document, span);
          /* Translators: a speaker in a list: its text, then its id */
          g_autofree char *name = g_strdup_printf (_("%s (%s)"), text, sm_span_get_id (span));

          gtk_string_list_append (names, name);
        }

      g_ptr_array_unref (self->speakers);
      self->speakers = g_steal_pointer (&speakers);
      gtk_drop_down_set_model (self->speaker_dropdown, G_LIST_MODEL (names));
    }

  if (gtk_drop_down_get_selected (self->speaker_dropdown) != selected)
    gtk_drop_down_set_selected (self->speaker_dropdown, selected);
}

static void
on_remove_part_clicked (SmSpanEditor *self,
                        GtkButton    *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sm-fragment"));
  g_autoptr(GError) error = NULL;

  if (index < sm_span_get_n_fragments (self->span) &&
      !sm_document_remove_fragment (self->document, self->span, index, &error))
    report_error (self, error);
}

/* One row per fragment, in text order, while there are several: the
 * last but one removed leaves a continuous span, with no parts to list */
static void
update_parts (SmSpanEditor *self)
{
  guint n_fragments = sm_span_get_n_fragments (self->span);
  SmText *text = sm_document_get_text (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_next_sibling (self->parts_caption)) != NULL)
    gtk_box_remove (self->parts_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->parts_box), n_fragments > 1);
  if (n_fragments < 2)
    return;

  for (guint i = 0; i < n_fragments; i++)
    {
      g_autofree char *part = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label;
      GtkWidget *button;
      guint start, end;

      sm_span_get_fragment (self->span, i, &start, &end);
      /* Unquoted: a part of a quotation often starts or ends with its
       * own quotation mark */
      part = sm_text_dup_slice (text, start, end);
      shown = g_strdelimit (g_strdup (part), "\r\n\t", ' ');

      label = gtk_label_new (shown);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, part);
      gtk_widget_add_css_class (label, "span-part");
      gtk_box_append (GTK_BOX (row), label);

      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "remove-part");
      gtk_widget_set_tooltip_text (button, _("Remove Part"));
      /* Translators: the accessible name of a button; %s is a part of a span's text */
      accessible = g_strdup_printf (_("Remove Part “%s”"), part);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data (G_OBJECT (button), "sm-fragment", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (on_remove_part_clicked), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (row), button);

      gtk_box_append (self->parts_box, row);
    }
}

static void
update (SmSpanEditor *self)
{
  SmLabel *label = sm_document_find_label (self->document, sm_span_get_label (self->span));
  gboolean is_claim = g_strcmp0 (sm_span_get_label (self->span), SM_LABEL_CLAIM) == 0;
  g_autofree char *title = NULL;
  g_autofree char *excerpt = NULL;
  const char *note = sm_span_get_note (self->span);
  gboolean exists = sm_document_find_span (self->document, sm_span_get_id (self->span)) == self->span;

  /* Undone or deleted elsewhere: show it, but it can no longer be edited */
  gtk_widget_set_sensitive (GTK_WIDGET (self), exists);

  self->updating = TRUE;

  sm_label_swatch_set_label (self->swatch, label);
  /* Translators: a span's label name and its id, e.g. "Claim · T4" */
  title = g_strdup_printf (_("%s · %s"), label ? sm_label_get_name (label) : sm_span_get_label (self->span),
                           sm_span_get_id (self->span));
  gtk_label_set_label (self->title, title);

  {
    g_autofree char *text = sm_span_dup_shown_text (self->document, self->span);

    excerpt = g_strdup_printf ("“%s”", text);
  }
  gtk_label_set_label (self->excerpt, excerpt);
  update_parts (self);

  if (gtk_drop_down_get_selected (self->label_dropdown) != label_position (self))
    gtk_drop_down_set_selected (self->label_dropdown, label_position (self));

  gtk_widget_set_visible (GTK_WIDGET (self->speaker_caption), is_claim);
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_dropdown), is_claim);
  if (is_claim)
    collect_speakers (self);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->note_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");

  self->updating = FALSE;
}

static gboolean
update_in_idle (gpointer user_data)
{
  SmSpanEditor *self = user_data;

  self->update_source = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

/* Changes are shown once the change that caused them is over: a dropdown
 * must not be given a new model while it is still selecting in the old */
static void
queue_update (SmSpanEditor *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_in_idle, self);
}

static void
on_label_selected (SmSpanEditor *self)
{
  g_autoptr(GError) error = NULL;
  SmLabel *label;

  if (self->updating)
    return;

  label = gtk_drop_down_get_selected_item (self->label_dropdown);
  if (label != NULL &&
      !sm_document_set_span_label (self->document, self->span, sm_label_get_id (label), &error))
    {
      report_error (self, error);
      update (self);
    }
}

static void
on_speaker_selected (SmSpanEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;
  SmSpan *speaker = NULL;

  if (self->updating)
    return;

  selected = gtk_drop_down_get_selected (self->speaker_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    speaker = g_ptr_array_index (self->speakers, selected - 1);

  if (!sm_document_set_speaker (self->document, self->span, speaker, &error))
    {
      report_error (self, error);
      update (self);
    }
}

static void
commit_note (SmSpanEditor *self)
{
  sm_document_set_span_note (self->document, self->span,
                             gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

static void
on_note_activate (SmSpanEditor *self)
{
  commit_note (self);
}

static void
on_note_focus_leave (SmSpanEditor *self)
{
  commit_note (self);
}

static void
on_delete_clicked (SmSpanEditor *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  sm_document_remove_span (self->document, self->span);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Focus goes to the label, never first to Delete */
static gboolean
sm_span_editor_grab_focus (GtkWidget *widget)
{
  SmSpanEditor *self = SM_SPAN_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->label_dropdown));
}

static void
sm_span_editor_dispose (GObject *object)
{
  SmSpanEditor *self = (SmSpanEditor *)object;
  GtkWidget *child;

  /* A note typed and left by closing the popover is still kept */
  if (self->span != NULL && self->note_entry != NULL &&
      sm_document_find_span (self->document, sm_span_get_id (self->span)) == self->span)
    commit_note (self);

  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SPAN_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->note_entry = NULL;

  g_clear_pointer (&self->speakers, g_ptr_array_unref);
  g_clear_object (&self->span);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sm_span_editor_parent_class)->dispose (object);
}

static void
sm_span_editor_class_init (SmSpanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_span_editor_dispose;

  widget_class->grab_focus = sm_span_editor_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-span-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, swatch);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, title);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, excerpt);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, parts_box);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, speaker_caption);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmSpanEditor, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spaneditor");
}

static void
sm_span_editor_init (SmSpanEditor *self)
{
  g_autoptr(GtkExpression) name = NULL;
  GtkEventController *focus;

  g_type_ensure (SM_TYPE_LABEL_SWATCH);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->speakers = g_ptr_array_new_with_free_func (g_object_unref);
  self->parts_caption = gtk_widget_get_first_child (GTK_WIDGET (self->parts_box));

  name = gtk_property_expression_new (SM_TYPE_LABEL, NULL, "name");
  gtk_drop_down_set_expression (self->label_dropdown, name);

  g_clear_pointer (&name, gtk_expression_unref);
  name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->speaker_dropdown, name);
  sm_dropdown_type_to_search (self->speaker_dropdown);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_note_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
}

GtkWidget *
sm_span_editor_new (SmDocument *document,
                    SmSpan     *span)
{
  SmSpanEditor *self;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SM_IS_SPAN (span), NULL);

  self = g_object_new (SM_TYPE_SPAN_EDITOR, NULL);
  self->document = g_object_ref (document);
  self->span = g_object_ref (span);

  gtk_drop_down_set_model (self->label_dropdown, sm_document_get_labels (document));
  update (self);

  g_signal_connect_object (self->label_dropdown, "notify::selected",
                           G_CALLBACK (on_label_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_dropdown, "notify::selected",
                           G_CALLBACK (on_speaker_selected), self, G_CONNECT_SWAPPED);
  /* Undo, or a change made elsewhere, shows here */
  g_signal_connect_object (document, "changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

SmSpan *
sm_span_editor_get_span (SmSpanEditor *self)
{
  g_return_val_if_fail (SM_IS_SPAN_EDITOR (self), NULL);

  return self->span;
}
