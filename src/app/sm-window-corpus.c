/* sm-window-corpus.c: a folder of articles, worked through in turn.
 *
 * With a folder open, the window lists its documents in the corpus sidebar
 * and moves between them without asking: the document being left is saved
 * first, as <article>.json beside its article. Each document shown is
 * brought in line with the corpus's label schema; labels it has that the
 * schema lacks are kept and offered for mapping, never dropped.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-corpus"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-window-private.h"

static void
show_corpus_ui (SmWindow *self,
                gboolean  shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_separator), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_nav), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_button), shown);
  if (shown)
    self->documents_wanted = TRUE;
  _sm_window_show_documents (self);
}

static void apply_schema (SmWindow            *self,
                          SmProjectApplyFlags  flags);

/* spanmark-project.json, changed by another program (a colleague's edit
 * pulled with git, say): the corpus has read it again */
static void
on_project_replaced (SmWindow  *self,
                     SmProject *project)
{
  /* Links the new schema no longer allows go, as a step undo takes back */
  if (self->entry != NULL && self->document != NULL)
    apply_schema (self, SM_PROJECT_APPLY_REMOVE_BROKEN);
  _sm_window_actions_update (self);
  sm_window_show_toast (self, _("The corpus’s labels were changed on disk, and are applied"));
}

static void
on_project_error (SmWindow       *self,
                  const GError   *error,
                  SmCorpusFolder *corpus)
{
  /* Translators: %s says what is wrong with spanmark-project.json, and where */
  g_autofree char *message = g_strdup_printf (_("%s. The corpus keeps the labels it had."), error->message);

  sm_window_show_toast (self, message);
}

static void
leave_corpus (SmWindow *self)
{
  if (self->corpus_loading != NULL)
    g_cancellable_cancel (self->corpus_loading);
  g_clear_object (&self->corpus_loading);

  if (self->corpus != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->corpus, _sm_window_actions_update, self);
      g_signal_handlers_disconnect_by_func (self->corpus, on_project_error, self);
      g_signal_handlers_disconnect_by_func (sm_corpus_folder_get_project (self->corpus),
                                            on_project_replaced, self);
    }

  g_clear_object (&self->entry);
  g_clear_object (&self->corpus);
  sm_corpus_sidebar_set_corpus (self->corpus_sidebar, NULL);
  sm_banner_set_revealed (self->labels_banner, FALSE);
  show_corpus_ui (self, FALSE);
  _sm_window_actions_update (self);
}

void
_sm_window_corpus_dispose (SmWindow *self)
{
  if (self->corpus_loading != NULL)
    g_cancellable_cancel (self->corpus_loading);
  g_clear_object (&self->corpus_loading);
  g_clear_object (&self->entry);
  g_clear_object (&self->corpus);
}

static void
describe_kept_labels (SmWindow    *self,
                      const char **kept)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; kept[i] != NULL; i++)
    {
      guint n = sm_document_count_spans_with_label (self->document, kept[i]);

      /* Translators: a label's id and how many spans have it, in a list */
      g_string_append_printf (list, ngettext ("%s%s (%u span)", "%s%s (%u spans)", n),
                              i > 0 ? ", " : "", kept[i], n);
    }

  /* Translators: %s is a list such as "PERSON (3 spans), ORG (1 span)" */
  message = g_strdup_printf (_("This document has labels the corpus’s schema lacks: %s. They are kept; map them to the schema’s labels, or keep them as they are."),
                             list->str);
  sm_banner_set_title (self->labels_banner, message);
  sm_banner_set_revealed (self->labels_banner, TRUE);
}

/* Brings the document in line with the corpus's schema. Taking it on is
 * not the user's work: nothing to undo and nothing to save for it. */
static void
apply_schema (SmWindow            *self,
              SmProjectApplyFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;

  kept = sm_project_apply_to_document (sm_corpus_folder_get_project (self->corpus),
                                       self->document, flags, &error);
  _sm_window_relations_update (self);
  if (kept == NULL)
    {
      sm_window_show_toast (self, error->message);
      return;
    }

  if (kept[0] != NULL)
    describe_kept_labels (self, (const char **) kept);
  else
    sm_banner_set_revealed (self->labels_banner, FALSE);
}

/**
 * _sm_window_corpus_document_shown:
 *
 * Called once a document is shown: finds its entry in the corpus, or
 * leaves the corpus if the document is not one of its own.
 */
void
_sm_window_corpus_document_shown (SmWindow *self)
{
  SmCorpusEntry *entry = NULL;

  if (self->corpus == NULL)
    return;

  if (self->file != NULL)
    entry = sm_corpus_folder_find_entry (self->corpus, self->file);
  if (entry == NULL && self->article != NULL)
    entry = sm_corpus_folder_find_entry (self->corpus, self->article);

  if (entry == NULL)
    {
      leave_corpus (self);
      return;
    }

  g_set_object (&self->entry, entry);
  sm_corpus_sidebar_set_current (self->corpus_sidebar, entry);
  /* Nothing is dropped on opening: links that break the schema are shown */
  apply_schema (self, SM_PROJECT_APPLY_NONE);
  _sm_window_actions_update (self);
}

/**
 * _sm_window_corpus_document_saved:
 *
 * Tells the corpus, so its list shows the new status and counts at once.
 */
void
_sm_window_corpus_document_saved (SmWindow *self,
                                  GFile    *file)
{
  if (self->corpus != NULL && self->document != NULL)
    sm_corpus_folder_document_saved (self->corpus, self->document, file);
}

static void
load_entry (SmWindow      *self,
            SmCorpusEntry *entry)
{
  _sm_window_start_loading (self, sm_corpus_entry_get_file (entry));
}

static void
go_after_saving (SmWindow *self,
                 gpointer  data)
{
  load_entry (self, data);
}

/**
 * _sm_window_go_to:
 * @entry: a document of the corpus
 *
 * Shows @entry, saving the document being left first: moving through a
 * corpus never loses work and never asks.
 */
void
_sm_window_go_to (SmWindow      *self,
                  SmCorpusEntry *entry)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_CORPUS_ENTRY (entry));

  if (entry == self->entry && self->document != NULL)
    return;

  if (self->document != NULL && sm_document_get_modified (self->document))
    _sm_window_save (self, FALSE, go_after_saving, g_object_ref (entry), g_object_unref);
  else
    load_entry (self, entry);
}

static void
on_entry_activated (SmWindow        *self,
                    SmCorpusEntry   *entry,
                    SmCorpusSidebar *sidebar)
{
  _sm_window_go_to (self, entry);
}

static void
on_corpus_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmCorpusFolder) corpus = sm_corpus_folder_open_finish (result, &error);
  g_autoptr(SmCorpusEntry) first = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->corpus_loading);

  if (corpus == NULL)
    {
      _sm_window_show_error (self, _("Could Not Open the Folder"), error->message);
      return;
    }

  g_set_object (&self->corpus, corpus);
  g_clear_object (&self->entry);
  sm_corpus_sidebar_set_corpus (self->corpus_sidebar, corpus);
  g_signal_connect_object (corpus, "changed", G_CALLBACK (_sm_window_actions_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (corpus, "project-error", G_CALLBACK (on_project_error),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sm_corpus_folder_get_project (corpus), "replaced",
                           G_CALLBACK (on_project_replaced), self, G_CONNECT_SWAPPED);
  show_corpus_ui (self, TRUE);
  _sm_window_actions_update (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (corpus)) == 0)
    {
      g_autofree char *name = g_file_get_basename (sm_corpus_folder_get_folder (corpus));
      g_autofree char *message = g_strdup_printf (_("“%s” has no articles (.txt) or Spanmark files (.json) yet"), name);

      sm_window_show_toast (self, message);
      return;
    }

  first = g_list_model_get_item (G_LIST_MODEL (corpus), 0);
  load_entry (self, first);
}

static void
open_folder_after_asking (SmWindow *self,
                          gpointer  data)
{
  GFile *folder = data;

  if (self->corpus_loading != NULL)
    g_cancellable_cancel (self->corpus_loading);
  g_clear_object (&self->corpus_loading);

  self->corpus_loading = g_cancellable_new ();
  sm_corpus_folder_open_async (folder, self->corpus_loading, on_corpus_opened, g_object_ref (self));
}

/**
 * sm_window_open_folder:
 * @folder: a folder of articles and Spanmark files
 *
 * Opens @folder as a corpus, asking first about unsaved changes to a
 * document from elsewhere, and shows its first document.
 */
void
sm_window_open_folder (SmWindow *self,
                       GFile    *folder)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->document != NULL && sm_document_get_modified (self->document))
    _sm_window_ask_to_save (self, open_folder_after_asking, g_object_ref (folder), g_object_unref);
  else
    open_folder_after_asking (self, folder);
}

/**
 * sm_window_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus open in the window
 */
SmCorpusFolder *
sm_window_get_corpus (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->corpus;
}

/**
 * sm_window_get_corpus_entry:
 *
 * Returns: (transfer none) (nullable): the corpus's entry for the
 *   document shown
 */
SmCorpusEntry *
sm_window_get_corpus_entry (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->entry;
}

static void
on_folder_chosen (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(SmWindow) self = user_data;
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    sm_window_open_folder (self, folder);

  g_object_unref (dialog);
}

void
_sm_window_choose_folder (SmWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open a Folder of Articles"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Mapping labels the schema lacks */

typedef struct
{
  SmWindow  *self;
  GPtrArray *kept;       /* label ids the schema lacks */
  GPtrArray *dropdowns;  /* one per kept label: "Keep", then the schema's labels */
} Mapping;

static void
mapping_free (Mapping *mapping)
{
  g_clear_object (&mapping->self);
  g_clear_pointer (&mapping->kept, g_ptr_array_unref);
  g_clear_pointer (&mapping->dropdowns, g_ptr_array_unref);
  g_free (mapping);
}

static void
on_map_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  Mapping *mapping = user_data;
  SmWindow *self = mapping->self;
  GListModel *schema = sm_project_get_labels (sm_corpus_folder_get_project (self->corpus));
  guint n_spans = 0;

  g_signal_handlers_disconnect_by_func (dialog, on_map_response, user_data);

  if (g_strcmp0 (response, "map") != 0)
    {
      mapping_free (mapping);
      return;
    }

  /* One undoable step for every mapping */
  sm_document_begin_user_action (self->document);
  for (guint i = 0; i < mapping->kept->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (g_ptr_array_index (mapping->dropdowns, i));
      g_autoptr(SmLabel) to = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        continue;

      to = g_list_model_get_item (schema, selected - 1);
      if (!sm_document_relabel_spans (self->document, g_ptr_array_index (mapping->kept, i),
                                      sm_label_get_id (to), &n, &error))
        sm_window_show_toast (self, error->message);
      n_spans += n;
    }
  sm_document_end_user_action (self->document);

  /* Labels no span uses any more leave the document, as a step of the
   * history: undoing the mapping needs them back */
  apply_schema (self, SM_PROJECT_APPLY_AS_EDIT);

  {
    g_autofree char *toast = g_strdup_printf (ngettext ("Relabelled %u span", "Relabelled %u spans", n_spans), n_spans);

    sm_window_show_toast (self, toast);
  }

  mapping_free (mapping);
}

void
_sm_window_map_labels (SmWindow *self)
{
  GListModel *schema;
  GListModel *labels;
  Mapping *mapping;
  GtkWidget *dialog;
  GtkWidget *grid;
  guint row = 0;

  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->corpus == NULL || self->document == NULL)
    return;

  schema = sm_project_get_labels (sm_corpus_folder_get_project (self->corpus));
  labels = sm_document_get_labels (self->document);

  mapping = g_new0 (Mapping, 1);
  mapping->self = g_object_ref (self);
  mapping->kept = g_ptr_array_new_with_free_func (g_free);
  mapping->dropdowns = g_ptr_array_new ();

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *caption = NULL;
      const char *id = sm_label_get_id (label);
      GtkWidget *dropdown;
      guint n = sm_document_count_spans_with_label (self->document, id);

      if (sm_project_find_label (sm_corpus_folder_get_project (self->corpus), id) != NULL)
        continue;

      gtk_string_list_append (choices, _("Keep as it is"));
      for (guint j = 0; j < g_list_model_get_n_items (schema); j++)
        {
          g_autoptr(SmLabel) target = g_list_model_get_item (schema, j);
          /* Translators: a choice in the label mapping, %s a label's name */
          g_autofree char *choice = g_strdup_printf (_("Make it %s"), sm_label_get_name (target));

          gtk_string_list_append (choices, choice);
        }

      caption = g_strdup_printf (ngettext ("%s (%u span)", "%s (%u spans)", n), id, n);
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
      gtk_widget_set_hexpand (dropdown, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
      gtk_grid_attach (GTK_GRID (grid), gtk_label_new (caption), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);
      row++;

      g_ptr_array_add (mapping->kept, g_strdup (id));
      g_ptr_array_add (mapping->dropdowns, dropdown);
    }

  if (mapping->kept->len == 0)
    {
      mapping_free (mapping);
      g_object_ref_sink (grid);
      g_object_unref (grid);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Map Labels"),
                                   _("Give each span of these labels one of the corpus’s labels instead. Undo takes it back."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "map", _("_Relabel"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "map", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_map_response), mapping);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sm_window_corpus_class_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
}

void
_sm_window_keep_labels (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  sm_banner_set_revealed (self->labels_banner, FALSE);
}
