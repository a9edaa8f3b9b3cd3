/* sm-labels-dialog.c: adds, renames, recolours, reorders and removes labels.
 *
 * Edits the document's label set through the document, so each edit is
 * one undoable step like any other. With a corpus open, edits the
 * corpus's schema (spanmark-project.json) instead, saves it, and brings
 * the document in line with it; labels the document has and the schema
 * lacks are kept, never dropped. Keys are checked as they are typed: two
 * labels cannot share a key, nor take one the window uses. A renamed
 * label that no span uses takes its id from its name; one that spans use
 * keeps its id, and its row says so. Uses count over the whole corpus.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-labels-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-labels-dialog.h"
#include "sm-project.h"

struct _SmLabelsDialog
{
  AdwPreferencesWindow  parent_instance;

  SmDocument           *document;
  SmCorpusFolder       *corpus;         /* the document's corpus, or NULL */
  SmCorpusEntry        *entry;          /* the document's entry in it, or NULL */
  SmProject            *project;        /* the corpus's schema, or NULL */
  GFile                *project_file;

  AdwPreferencesGroup  *group;
  GtkListBox           *list;
  guint                 rebuilding : 1;
};

G_DEFINE_FINAL_TYPE (SmLabelsDialog, sm_labels_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROJECT_SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void rebuild (SmLabelsDialog *self);

static GListModel *
edited_labels (SmLabelsDialog *self)
{
  return self->project ? sm_project_get_labels (self->project)
                       : sm_document_get_labels (self->document);
}

static void
report (SmLabelsDialog *self,
        GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_project_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SmLabelsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sm_project_save_to_file_finish (SM_PROJECT (source), result, &error))
    report (self, error);
  else
    g_signal_emit (self, signals [PROJECT_SAVED], 0);
}

/* After an edit of the schema: write it, and bring the document in line */
static void
commit_project (SmLabelsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;

  if (self->project == NULL)
    return;

  sm_project_save_to_file_async (self->project, self->project_file, NULL,
                                 on_project_saved, g_object_ref (self));

  /* The user's edit: one undo step, with the links it breaks */
  kept = sm_project_apply_to_document (self->project, self->document,
                                       SM_PROJECT_APPLY_AS_EDIT | SM_PROJECT_APPLY_REMOVE_BROKEN,
                                       &error);
  if (kept == NULL)
    report (self, error);
}

/* Applies one edit to the schema or the document; says why if refused */
typedef gboolean (*ProjectEdit)  (SmProject  *project,
                                  const char *id,
                                  const char *value,
                                  GError    **error);
typedef gboolean (*DocumentEdit) (SmDocument *document,
                                  const char *id,
                                  const char *value,
                                  GError    **error);

static gboolean
edit (SmLabelsDialog *self,
      ProjectEdit     project_edit,
      DocumentEdit    document_edit,
      const char     *id,
      const char     *value)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->project != NULL)
    done = project_edit (self->project, id, value, &error);
  else
    done = document_edit (self->document, id, value, &error);

  if (!done)
    {
      report (self, error);
      return FALSE;
    }

  commit_project (self);
  return TRUE;
}

/* Why a label's id does not follow its name, or NULL if it does or will */
static char *
id_note (SmLabelsDialog *self,
         SmLabel        *label)
{
  const char *id = sm_label_get_id (label);
  g_autofree char *from_name = sm_label_propose_id (sm_label_get_name (label), NULL);
  guint n_spans = 0;
  guint n_documents = 0;
  gboolean keeps;

  if (g_strcmp0 (from_name, id) == 0)
    return NULL;

  if (self->corpus != NULL)
    keeps = sm_corpus_folder_label_keeps_id (self->corpus, id, self->entry, self->document,
                                             &n_spans, &n_documents);
  else
    keeps = sm_document_label_keeps_id (self->document, id, &n_spans);

  if (!keeps)
    return NULL;

  if (n_spans > 0 && self->corpus != NULL)
    {
      /* Translators: the end of "Id X is kept: 12 spans in 3 documents use it" */
      g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents),
                                                    n_documents);

      /* Translators: %s is a label's id, %u a count, the last %s "3 documents" */
      return g_strdup_printf (ngettext ("Id %s is kept: %u span in %s uses it",
                                        "Id %s is kept: %u spans in %s use it", n_spans),
                              id, n_spans, documents);
    }

  if (n_spans > 0)
    return g_strdup_printf (ngettext ("Id %s is kept: %u span uses it",
                                      "Id %s is kept: %u spans use it", n_spans),
                            id, n_spans);

  if (sm_label_id_is_builtin (id))
    return g_strdup_printf (_("Id %s is kept: it is one of Spanmark’s own labels"), id);

  if (self->corpus == NULL)
    return g_strdup_printf (_("Id %s is kept: a relation type of the document names it"), id);

  return g_strdup_printf (_("Id %s is kept while the corpus is being read"), id);
}

static void
show_id_note (SmLabelsDialog *self,
              GtkWidget      *row,
              SmLabel        *label)
{
  GtkLabel *note = g_object_get_data (G_OBJECT (row), "note");
  g_autofree char *text = label ? id_note (self, label) : NULL;

  gtk_label_set_label (note, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (note), text != NULL);
}

static void
tag_with_id (GtkWidget  *widget,
             const char *id)
{
  g_object_set_data_full (G_OBJECT (widget), "label-id", g_strdup (id), g_free);
}

/* A label that took a new id: its row's widgets act on that id now */
static void
retag (GtkWidget  *widget,
       const char *id)
{
  if (g_object_get_data (G_OBJECT (widget), "label-id") != NULL)
    tag_with_id (widget, id);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    retag (child, id);
}

static SmLabel *
find_edited_label (SmLabelsDialog *self,
                   const char     *id)
{
  return self->project ? sm_project_find_label (self->project, id)
                       : sm_document_find_label (self->document, id);
}

/* A rename is one step, committed when the entry is left, not per letter */
static void
commit_name (GtkEditable    *entry,
             SmLabelsDialog *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (entry), "label-id"));
  const char *name = gtk_editable_get_text (entry);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW);
  SmLabel *label = find_edited_label (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  gboolean done;

  if (self->rebuilding || label == NULL || g_strcmp0 (sm_label_get_name (label), name) == 0)
    return;

  if (self->corpus != NULL)
    done = sm_corpus_folder_rename_label (self->corpus, id, name, self->entry, self->document,
                                          &new_id, &error);
  else
    done = sm_document_rename_label (self->document, id, name, &new_id, &error);

  if (!done)
    {
      report (self, error);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  commit_project (self);

  if (row != NULL && g_strcmp0 (new_id, id) != 0)
    {
      g_autofree char *name_label = g_strdup_printf (_("Name of %s"), new_id);

      retag (row, new_id);
      gtk_label_set_label (g_object_get_data (G_OBJECT (row), "caption"), new_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
    }

  if (row != NULL)
    show_id_note (self, row, find_edited_label (self, new_id));
}

/**
 * sm_labels_dialog_rename_label:
 * @id: a label's id
 * @name: its new name
 *
 * Renames a label, as typing in its name entry and leaving it does.
 *
 * Returns: whether the name was taken
 */
gboolean
sm_labels_dialog_rename_label (SmLabelsDialog *self,
                               const char     *id,
                               const char     *name)
{
  g_return_val_if_fail (SM_IS_LABELS_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL && name != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "name-entry");

      if (entry == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (row), "label-id"), id) != 0)
        continue;

      gtk_editable_set_text (GTK_EDITABLE (entry), name);
      commit_name (GTK_EDITABLE (entry), self);
      return !gtk_widget_has_css_class (entry, "error");
    }

  g_return_val_if_reached (FALSE);
}

static void
on_name_focus_leave (GtkEditable *entry)
{
  commit_name (entry, g_object_get_data (G_OBJECT (entry), "dialog"));
}

static void
on_key_changed (GtkEditable    *entry,
                SmLabelsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (entry), "label-id");
  const char *key = gtk_editable_get_text (entry);

  if (self->rebuilding)
    return;

  if (!edit (self, sm_project_set_label_key, sm_document_set_label_key, id, key))
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_color_set (GtkColorChooser *button,
              SmLabelsDialog  *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "label-id");
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (button, &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (rgba.red * 255 + 0.5),
                           (guint) (rgba.green * 255 + 0.5),
                           (guint) (rgba.blue * 255 + 0.5));
  edit (self, sm_project_set_label_color, sm_document_set_label_color, id, color);
}

static void
move (SmLabelsDialog *self,
      const char     *id,
      int             delta)
{
  GListModel *labels = edited_labels (self);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_id (label), id) != 0)
        continue;

      if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
        return;

      if (self->project != NULL)
        sm_project_move_label (self->project, id, i + delta);
      else
        sm_document_move_label (self->document, id, i + delta);
      commit_project (self);
      rebuild (self);
      return;
    }
}

static void
on_up_clicked (GtkButton      *button,
               SmLabelsDialog *self)
{
  move (self, g_object_get_data (G_OBJECT (button), "label-id"), -1);
}

static void
on_down_clicked (GtkButton      *button,
                 SmLabelsDialog *self)
{
  move (self, g_object_get_data (G_OBJECT (button), "label-id"), 1);
}

static void
remove_label (SmLabelsDialog *self,
              const char     *id)
{
  if (self->project != NULL)
    {
      /* The schema loses it; the document keeps spans that use it, and
       * the window offers to map them */
      sm_project_remove_label (self->project, id);
      commit_project (self);
    }
  else
    sm_document_remove_label (self->document, id);

  rebuild (self);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  SmLabelsDialog *self = SM_LABELS_DIALOG (user_data);

  if (g_strcmp0 (response, "remove") == 0)
    remove_label (self, g_object_get_data (G_OBJECT (dialog), "label-id"));
}

/**
 * sm_labels_dialog_remove_label:
 * @id: a label's id
 *
 * Removes a label, as its Remove button does: at once if no span uses
 * it, after asking (and saying how many spans go) otherwise.
 */
void
sm_labels_dialog_remove_label (SmLabelsDialog *self,
                               const char     *id)
{
  SmLabel *label;
  guint n_relations = 0;
  guint n_documents = 0;
  guint n_spans;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SM_IS_LABELS_DIALOG (self));
  g_return_if_fail (id != NULL);

  /* In a corpus, every document's spans count, not only the open one's */
  if (self->corpus != NULL)
    n_spans = sm_corpus_folder_count_label_uses (self->corpus, id, self->entry, self->document, &n_documents);
  else
    n_spans = sm_document_count_label_uses (self->document, id, &n_relations);

  label = find_edited_label (self, id);
  if (n_spans == 0)
    {
      remove_label (self, id);
      return;
    }

  /* Say what goes with it before it goes */
  heading = g_strdup_printf (_("Remove “%s”?"), label ? sm_label_get_name (label) : id);
  if (self->corpus != NULL)
    {
      /* Translators: the end of "14 spans in 3 documents use it" */
      g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents),
                                                    n_documents);

      /* Translators: %s is "3 documents" */
      body = g_strdup_printf (ngettext ("%u span in %s uses it. The corpus’s schema will no longer have it; the document keeps the span until you map it to another label.",
                                        "%u spans in %s use it. The corpus’s schema will no longer have it; documents keep their spans until you map them to another label.",
                                        n_spans),
                              n_spans, documents);
    }
  else
    body = g_strdup_printf (ngettext ("%u span uses it, with %u relation; they will be removed too. Undo brings them back.",
                                      "%u spans use it, with %u relations; they will be removed too. Undo brings them back.",
                                      n_spans),
                            n_spans, n_relations);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "label-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked (GtkButton      *button,
                   SmLabelsDialog *self)
{
  sm_labels_dialog_remove_label (self, g_object_get_data (G_OBJECT (button), "label-id"));
}

static GtkWidget *
icon_button (const char     *icon,
             const char     *tooltip,
             const char     *id,
             GCallback       callback,
             SmLabelsDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  tag_with_id (button, id);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
label_row (SmLabelsDialog *self,
           SmLabel        *label,
           gboolean        first,
           gboolean        last)
{
  const char *id = sm_label_get_id (label);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *key = gtk_entry_new ();
  GtkWidget *caption = gtk_label_new (id);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *note = gtk_label_new (NULL);
  g_autofree char *name_label = NULL;
  GtkEventController *focus;
  GdkRGBA rgba;
  GtkWidget *button;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gdk_rgba_parse (&rgba, sm_label_get_color (label));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, _("Colour"));
  tag_with_id (color, id);
  g_signal_connect_object (color, "color-set", G_CALLBACK (on_color_set), self, 0);

  gtk_editable_set_text (GTK_EDITABLE (name), sm_label_get_name (label));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a label's name entry, %s its id */
  name_label = g_strdup_printf (_("Name of %s"), id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
  tag_with_id (name, id);
  g_signal_connect_object (name, "activate", G_CALLBACK (commit_name), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_name_focus_leave), name, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (name), "dialog", self);
  gtk_widget_add_controller (name, focus);

  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_width_chars (GTK_LABEL (caption), 8);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);

  gtk_editable_set_text (GTK_EDITABLE (key), sm_label_get_key (label));
  gtk_editable_set_width_chars (GTK_EDITABLE (key), 2);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (key), 2);
  gtk_entry_set_max_length (GTK_ENTRY (key), 1);
  gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (key, _("Key that tags the selection with this label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key"), -1);
  tag_with_id (key, id);
  g_signal_connect_object (key, "changed", G_CALLBACK (on_key_changed), self, 0);

  /* Says why the id does not follow the name */
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "label-id-note");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_box_append (GTK_BOX (name_box), name);
  gtk_box_append (GTK_BOX (name_box), note);
  gtk_widget_set_hexpand (name_box, TRUE);
  gtk_widget_set_valign (name_box, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), color);
  gtk_box_append (GTK_BOX (box), name_box);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), key);

  button = icon_button ("go-up-symbolic", _("Move Up"), id, G_CALLBACK (on_up_clicked), self);
  gtk_widget_set_sensitive (button, !first);
  gtk_box_append (GTK_BOX (box), button);
  button = icon_button ("go-down-symbolic", _("Move Down"), id, G_CALLBACK (on_down_clicked), self);
  gtk_widget_set_sensitive (button, !last);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box),
                  icon_button ("user-trash-symbolic", _("Remove Label"), id,
                               G_CALLBACK (on_remove_clicked), self));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  tag_with_id (row, id);
  g_object_set_data (G_OBJECT (row), "name-entry", name);
  g_object_set_data (G_OBJECT (row), "caption", caption);
  g_object_set_data (G_OBJECT (row), "note", note);
  show_id_note (self, row, label);

  return row;
}

static void
rebuild (SmLabelsDialog *self)
{
  GListModel *labels = edited_labels (self);
  guint n = g_list_model_get_n_items (labels);
  GtkWidget *child;

  self->rebuilding = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      gtk_list_box_append (self->list, label_row (self, label, i == 0, i + 1 == n));
    }

  self->rebuilding = FALSE;
}

/**
 * sm_labels_dialog_add_label:
 * @name: what people will read
 *
 * Adds a label with an id made from @name, the next free key and a
 * colour, as the Add button does.
 *
 * Returns: whether it was added
 */
gboolean
sm_labels_dialog_add_label (SmLabelsDialog *self,
                            const char     *name)
{
  static const char *palette[] = { "#3584e4", "#e01b24", "#9141ac", "#ff7800", "#986a44", "#33d17a", "#c061cb", "#1c71d8" };
  GListModel *labels;
  g_autoptr(SmProject) scratch = NULL;
  g_autoptr(SmLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *key;
  guint n;
  gboolean added;

  g_return_val_if_fail (SM_IS_LABELS_DIALOG (self), FALSE);

  if (!sm_label_check_name (name, &error))
    {
      report (self, error);
      return FALSE;
    }

  labels = edited_labels (self);
  n = g_list_model_get_n_items (labels);

  /* An id that no label of the document or the schema has */
  if (self->project == NULL)
    {
      scratch = sm_project_new ();
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmLabel) existing = g_list_model_get_item (labels, i);

          g_autoptr(SmLabel) copy = sm_label_new (sm_label_get_id (existing), NULL, NULL, NULL);

          sm_project_add_label (scratch, copy, NULL);
        }
    }
  id = sm_project_propose_label_id (self->project ? self->project : scratch, name);
  key = sm_label_find_free_key (labels);
  label = sm_label_new (id, name, palette[n % G_N_ELEMENTS (palette)], key ? key : "");

  if (self->project != NULL)
    added = sm_project_add_label (self->project, label, &error);
  else
    added = sm_document_insert_label (self->document, label, G_MAXUINT, &error);

  if (!added)
    {
      report (self, error);
      return FALSE;
    }

  commit_project (self);
  rebuild (self);
  return TRUE;
}

static void
on_add_clicked (SmLabelsDialog *self)
{
  GListModel *labels = edited_labels (self);
  /* Translators: the name a new label starts with; %u counts up */
  g_autofree char *name = g_strdup_printf (_("Label %u"), g_list_model_get_n_items (labels) + 1);

  sm_labels_dialog_add_label (self, name);
}

static void
sm_labels_dialog_dispose (GObject *object)
{
  SmLabelsDialog *self = (SmLabelsDialog *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->corpus);
  g_clear_object (&self->entry);
  g_clear_object (&self->project);
  g_clear_object (&self->project_file);

  G_OBJECT_CLASS (sm_labels_dialog_parent_class)->dispose (object);
}

static void
sm_labels_dialog_class_init (SmLabelsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_labels_dialog_dispose;

  /**
   * SmLabelsDialog::project-saved:
   *
   * The corpus's schema was written to spanmark-project.json.
   */
  signals [PROJECT_SAVED] =
    g_signal_new ("project-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sm_labels_dialog_init (SmLabelsDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Label"));

  gtk_window_set_title (GTK_WINDOW (self), _("Labels"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 520);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));

  gtk_widget_add_css_class (add, "pill");
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (add, 12);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->group, add);

  adw_preferences_page_add (page, self->group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * sm_labels_dialog_new:
 * @corpus: (nullable): the corpus the document belongs to, whose schema
 *   (spanmark-project.json) the dialog then edits
 * @entry: (nullable): the document's entry in @corpus
 */
SmLabelsDialog *
sm_labels_dialog_new (GtkWindow      *parent,
                      SmDocument     *document,
                      SmCorpusFolder *corpus,
                      SmCorpusEntry  *entry)
{
  SmLabelsDialog *self;
  SmProject *project;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (corpus == NULL || SM_IS_CORPUS_FOLDER (corpus), NULL);
  g_return_val_if_fail (entry == NULL || SM_IS_CORPUS_ENTRY (entry), NULL);

  self = g_object_new (SM_TYPE_LABELS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  if (corpus != NULL)
    {
      self->corpus = g_object_ref (corpus);
      self->entry = entry ? g_object_ref (entry) : NULL;
      self->project = g_object_ref (sm_corpus_folder_get_project (corpus));
      self->project_file = sm_corpus_folder_get_project_file (corpus);
    }
  project = self->project;

  if (project != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (self->project_file);
      g_autofree char *description = g_strdup_printf (_("The corpus’s labels, saved in %s for everyone who annotates it"), where);

      adw_preferences_group_set_title (self->group, _("Corpus Labels"));
      adw_preferences_group_set_description (self->group, description);

      /* Another program changed the file, and the corpus read it again */
      g_signal_connect_object (project, "replaced", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  else
    {
      adw_preferences_group_set_title (self->group, _("This Document’s Labels"));
      adw_preferences_group_set_description (self->group,
                                             _("Keys tag the selection: 1 to 9, then letters. Every change can be undone in the window."));
    }

  rebuild (self);

  return self;
}
