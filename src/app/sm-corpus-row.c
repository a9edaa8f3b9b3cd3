/* sm-corpus-row.c: one document in the corpus sidebar.
 *
 * Its status as an icon, its path in the corpus, and its spans per label, following the
 * entry as the corpus reads it in the background or the window saves it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-corpus-row.h"

struct _SmCorpusRow
{
  GtkWidget      parent_instance;

  SmCorpusEntry *entry;
  SmProject     *project;

  GtkBox        *box;
  GtkImage      *status;
  GtkLabel      *name;
  GtkLabel      *counts;
};

G_DEFINE_FINAL_TYPE (SmCorpusRow, sm_corpus_row, GTK_TYPE_WIDGET)

static const char *
status_icon (SmCorpusEntry *entry,
             const char   **description)
{
  if (sm_corpus_entry_get_error (entry) != NULL)
    {
      *description = _("Cannot be read");
      return "dialog-warning-symbolic";
    }

  if (!sm_corpus_entry_get_loaded (entry))
    {
      *description = _("Reading…");
      return "content-loading-symbolic";
    }

  switch (sm_corpus_entry_get_status (entry))
    {
    case SM_DOCUMENT_STATUS_DONE:
      *description = _("Done");
      return "object-select-symbolic";
    case SM_DOCUMENT_STATUS_IN_PROGRESS:
      *description = _("In progress");
      return "document-edit-symbolic";
    case SM_DOCUMENT_STATUS_NEW:
    default:
      *description = _("New");
      return "document-new-symbolic";
    }
}

static char *
describe_counts (SmCorpusRow *self)
{
  GHashTable *counts = sm_corpus_entry_get_label_counts (self->entry);
  GListModel *labels = self->project ? sm_project_get_labels (self->project) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (sm_corpus_entry_get_error (self->entry) != NULL)
    return g_strdup (sm_corpus_entry_get_error (self->entry));

  if (!sm_corpus_entry_get_loaded (self->entry))
    return g_strdup ("");

  if (sm_corpus_entry_get_n_spans (self->entry) == 0)
    return g_strdup (_("No spans yet"));

  /* In the schema's order, with its names; labels it lacks after */
  for (guint i = 0; labels && i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      guint n = sm_corpus_entry_count_spans_with_label (self->entry, sm_label_get_id (label));

      if (n > 0)
        g_string_append_printf (text, "%s%s %u", text->len ? " · " : "", sm_label_get_name (label), n);
    }

  if (counts != NULL)
    {
      GHashTableIter iter;
      const char *id;
      gpointer value;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, &value))
        {
          if (labels == NULL || self->project == NULL || sm_project_find_label (self->project, id) == NULL)
            g_string_append_printf (text, "%s%s %u", text->len ? " · " : "", id, GPOINTER_TO_UINT (value));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (SmCorpusRow *self)
{
  const char *description = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;

  if (self->entry == NULL)
    return;

  gtk_image_set_from_icon_name (self->status, status_icon (self->entry, &description));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status), description);
  /* Its folder in the corpus too: one annotator's a.json from another's */
  gtk_label_set_label (self->name, sm_corpus_entry_get_path (self->entry));

  counts = describe_counts (self);
  gtk_label_set_label (self->counts, counts);

  accessible = g_strdup_printf ("%s, %s. %s", sm_corpus_entry_get_path (self->entry), description, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
sm_corpus_row_dispose (GObject *object)
{
  SmCorpusRow *self = (SmCorpusRow *)object;

  sm_corpus_row_set_entry (self, NULL, NULL);

  if (self->box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->box));
      self->box = NULL;
    }

  G_OBJECT_CLASS (sm_corpus_row_parent_class)->dispose (object);
}

static void
sm_corpus_row_class_init (SmCorpusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_corpus_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "corpusrow");
}

static void
sm_corpus_row_init (SmCorpusRow *self)
{
  GtkBox *text = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 6);
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));

  self->status = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->status), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (self->box, GTK_WIDGET (self->status));

  self->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0);
  gtk_label_set_ellipsize (self->name, PANGO_ELLIPSIZE_MIDDLE);

  self->counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->counts, 0);
  gtk_label_set_ellipsize (self->counts, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "dim-label");

  gtk_box_append (text, GTK_WIDGET (self->name));
  gtk_box_append (text, GTK_WIDGET (self->counts));
  gtk_widget_set_hexpand (GTK_WIDGET (text), TRUE);
  gtk_box_append (self->box, GTK_WIDGET (text));
}

GtkWidget *
sm_corpus_row_new (void)
{
  return g_object_new (SM_TYPE_CORPUS_ROW, NULL);
}

/**
 * sm_corpus_row_set_entry:
 * @entry: (nullable): the document to show
 * @project: (nullable): the corpus's schema, for label names and order
 */
void
sm_corpus_row_set_entry (SmCorpusRow   *self,
                         SmCorpusEntry *entry,
                         SmProject     *project)
{
  g_return_if_fail (SM_IS_CORPUS_ROW (self));

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, update, self);

  g_set_object (&self->entry, entry);
  g_set_object (&self->project, project);

  if (entry != NULL)
    {
      g_signal_connect_object (entry, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

SmCorpusEntry *
sm_corpus_row_get_entry (SmCorpusRow *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ROW (self), NULL);

  return self->entry;
}
