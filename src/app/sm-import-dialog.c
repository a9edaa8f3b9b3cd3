/* sm-import-dialog.c: reads brat, doccano or plain-text files as documents.
 *
 * The same SmImporter as spanmark-cli's does the work, in a worker
 * thread, and its messages are shown as they are. One imported document
 * opens in a window, unsaved; several are saved as Spanmark files in a
 * folder the user chooses.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-dropdown-items.h"
#include "sm-import-dialog.h"
#include "sm-import.h"
#include "sm-messages-dialog.h"
#include "sm-thread.h"

struct _SmImportDialog
{
  AdwWindow     parent_instance;

  SmWindow     *window;
  GCancellable *cancellable;

  GtkStack     *stack;
  AdwComboRow  *format_row;
  GtkSwitch    *suggestions_switch;
  GtkSpinner   *spinner;
  GtkLabel     *progress_label;
};

G_DEFINE_FINAL_TYPE (SmImportDialog, sm_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  SmImporter *importer;
  GPtrArray  *inputs;      /* GFile */
  GFile      *folder;      /* where to save several documents, or NULL */
  GPtrArray  *documents;
  GPtrArray  *warnings;
  GPtrArray  *errors;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->importer);
  g_clear_pointer (&import->inputs, g_ptr_array_unref);
  g_clear_object (&import->folder);
  g_clear_pointer (&import->documents, g_ptr_array_unref);
  g_clear_pointer (&import->warnings, g_ptr_array_unref);
  g_clear_pointer (&import->errors, g_ptr_array_unref);
  g_free (import);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Import *import = task_data;
  GError *error = NULL;

  sm_thread_lower_priority ();

  /* Reading again on the second pass is simpler than keeping two paths */
  if (import->folder == NULL)
    {
      for (guint i = 0; i < import->inputs->len; i++)
        {
          if (!sm_importer_add_file (import->importer, g_ptr_array_index (import->inputs, i),
                                     NULL, cancellable, &error))
            {
              g_task_return_error (task, error);
              return;
            }
        }

      import->documents = sm_importer_import (import->importer, import->warnings,
                                              import->errors, cancellable, &error);
      if (import->documents == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (!sm_importer_import_to_folder (import->importer, import->folder, SM_IMPORT_FLAGS_NONE,
                                          import->warnings, import->errors, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void run_import (SmImportDialog *self,
                        Import         *import);

static void
report (SmImportDialog *self,
        SmWindow       *window,
        const char     *heading,
        const char     *body,
        Import         *import)
{
  if (import->errors->len > 0 || import->warnings->len > 0)
    sm_messages_dialog_show (GTK_WINDOW (window), heading, body, import->errors, import->warnings);
  else
    sm_window_show_toast (window, body);
}

static void
on_folder_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  SmImportDialog *self = SM_IMPORT_DIALOG (g_object_get_data (G_OBJECT (chooser), "dialog"));
  Import *import = user_data;
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      import->folder = g_steal_pointer (&folder);
      g_ptr_array_set_size (import->warnings, 0);
      g_ptr_array_set_size (import->errors, 0);
      run_import (self, import);
    }
  else
    {
      import_free (import);
      gtk_stack_set_visible_child_name (self->stack, "options");
    }

  g_object_unref (chooser);
}

static void
choose_folder_for (SmImportDialog *self,
                   Import         *import)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;

  /* Translators: %u is a number of documents */
  title = g_strdup_printf (ngettext ("Save the %u Imported Document In", "Save the %u Imported Documents In",
                                     import->documents->len),
                           import->documents->len);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "dialog", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), import);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SmImportDialog) self = user_data;
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(SmWindow) window = self->window ? g_object_ref (self->window) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || window == NULL)
        return;

      gtk_window_close (GTK_WINDOW (self));
      sm_messages_dialog_show (GTK_WINDOW (window), _("Could Not Import"), error->message,
                               import->errors, import->warnings);
      return;
    }

  /* Second pass: the documents are saved in the chosen folder */
  if (import->folder != NULL)
    {
      guint n = sm_importer_get_n_imported (import->importer);
      g_autofree char *folder_name = g_file_get_basename (import->folder);

      gtk_window_close (GTK_WINDOW (self));
      /* Translators: %u documents, saved in the folder %s */
      body = g_strdup_printf (ngettext ("Saved %u imported document in “%s”",
                                        "Saved %u imported documents in “%s”", n),
                              n, folder_name);
      report (self, window, _("Imported with Problems"), body, import);
      return;
    }

  if (import->documents->len == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      sm_messages_dialog_show (GTK_WINDOW (window), _("Nothing Was Imported"),
                               _("No document could be read from what you chose."),
                               import->errors, import->warnings);
      return;
    }

  if (import->documents->len > 1)
    {
      /* The importer, with its inputs, reads them again to save them */
      Import *saving = g_new0 (Import, 1);

      saving->importer = g_steal_pointer (&import->importer);
      saving->documents = g_steal_pointer (&import->documents);
      saving->warnings = g_steal_pointer (&import->warnings);
      saving->errors = g_steal_pointer (&import->errors);
      choose_folder_for (self, saving);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
  sm_window_show_document (window, g_ptr_array_index (import->documents, 0));
  body = g_strdup_printf (_("Imported “%s”"),
                          sm_document_get_name (g_ptr_array_index (import->documents, 0)));
  report (self, window, _("Imported with Problems"), body, import);
}

static void
run_import (SmImportDialog *self,
            Import         *import)
{
  g_autoptr(GTask) task = NULL;

  gtk_label_set_label (self->progress_label, import->folder ? _("Saving…") : _("Importing…"));
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "working");

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_imported, g_object_ref (self));
  g_task_set_source_tag (task, run_import);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_in_thread);
}

/**
 * sm_import_dialog_import:
 * @format: what the inputs are
 * @inputs: (element-type GFile): files, or folders to search
 *
 * Imports, as the dialog does once the inputs are chosen.
 */
void
sm_import_dialog_import (SmImportDialog *self,
                         SmImportFormat  format,
                         GListModel     *inputs)
{
  Import *import;

  g_return_if_fail (SM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (inputs));

  adw_combo_row_set_selected (self->format_row, format);

  import = g_new0 (Import, 1);
  import->importer = sm_importer_new (format);
  sm_importer_set_as_suggestions (import->importer, gtk_switch_get_active (self->suggestions_switch));
  import->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  import->warnings = g_ptr_array_new_with_free_func (g_free);
  import->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    g_ptr_array_add (import->inputs, g_list_model_get_item (inputs, i));

  run_import (self, import);
}

static void
on_inputs_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(SmImportDialog) self = user_data;
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser))) != NULL &&
      g_list_model_get_n_items (files) > 0)
    sm_import_dialog_import (self, adw_combo_row_get_selected (self->format_row), files);

  g_object_unref (chooser);
}

static void
choose_inputs (SmImportDialog *self,
               gboolean        folder)
{
  SmImportFormat format = adw_combo_row_get_selected (self->format_row);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder") : _("Import Files"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      static const char *suffixes[] = { "ann", "jsonl", "txt" };

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      gtk_file_filter_set_name (filter, sm_import_format_get_title (format));
      gtk_file_filter_add_suffix (filter, suffixes[format]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_inputs_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_choose_files_clicked (SmImportDialog *self)
{
  choose_inputs (self, FALSE);
}

static void
on_choose_folder_clicked (SmImportDialog *self)
{
  choose_inputs (self, TRUE);
}

static void
on_cancel_clicked (SmImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_window_close (GTK_WINDOW (self));
}

static void
sm_import_dialog_dispose (GObject *object)
{
  SmImportDialog *self = (SmImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (sm_import_dialog_parent_class)->dispose (object);
}

static void
sm_import_dialog_class_init (SmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SmImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SmImportDialog, suggestions_switch);
  gtk_widget_class_bind_template_child (widget_class, SmImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmImportDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_files_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sm_import_dialog_init (SmImportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  sm_dropdown_show_whole_items (GTK_WIDGET (self->format_row));

  for (SmImportFormat format = 0; format < SM_IMPORT_N_FORMATS; format++)
    gtk_string_list_append (formats, sm_import_format_get_title (format));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
}

SmImportDialog *
sm_import_dialog_new (SmWindow *window)
{
  SmImportDialog *self;

  g_return_val_if_fail (SM_IS_WINDOW (window), NULL);

  self = g_object_new (SM_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);

  return self;
}
