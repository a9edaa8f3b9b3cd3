/* sm-export-dialog.c: exports this document, or its folder, as a dataset.
 *
 * The choices are the ones spanmark-cli offers, and the work is done by
 * the same SmExporter, in a worker thread, so the files and the messages
 * are the same as the command line's. The document open in the window is
 * exported as it is now, unsaved changes included, from a copy the worker
 * owns; a folder is exported as saved on disk.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-dropdown-items.h"
#include "sm-export-dialog.h"
#include "sm-export.h"
#include "sm-messages-dialog.h"
#include "sm-thread.h"
#include "sm-window.h"

typedef enum
{
  SCOPE_DOCUMENT,
  SCOPE_FOLDER,
} Scope;

struct _SmExportDialog
{
  AdwWindow     parent_instance;

  SmWindow     *window;
  SmDocument   *document;
  GFile        *folder;
  GSettings    *settings;
  GCancellable *cancellable;
  GtkStringList *label_ids;   /* "" for every label, then the label ids */

  GtkButton    *cancel_button;
  GtkButton    *export_button;
  GtkStack     *stack;
  AdwComboRow  *format_row;
  AdwComboRow  *scope_row;
  AdwActionRow *done_row;
  GtkSwitch    *done_switch;
  AdwActionRow *ascii_row;
  GtkCheckButton *ascii_check;
  AdwComboRow  *labels_row;
  GtkLabel     *description;
  GtkSpinner   *spinner;
  GtkLabel     *progress_label;
};

G_DEFINE_FINAL_TYPE (SmExportDialog, sm_export_dialog, ADW_TYPE_WINDOW)

/* The work a worker thread does, and what it found */
typedef struct
{
  SmExporter *exporter;
  SmCorpus   *corpus;
  GFile      *destination;
  SmExportFlags flags;
  GPtrArray  *warnings;
  GPtrArray  *errors;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->exporter);
  g_clear_object (&export->corpus);
  g_clear_object (&export->destination);
  g_clear_pointer (&export->warnings, g_ptr_array_unref);
  g_clear_pointer (&export->errors, g_ptr_array_unref);
  g_free (export);
}

static SmExportFormat
selected_format (SmExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

static Scope
selected_scope (SmExportDialog *self)
{
  return self->folder != NULL ? adw_combo_row_get_selected (self->scope_row) : SCOPE_DOCUMENT;
}

static const char *
format_description (SmExportFormat format)
{
  switch (format)
    {
    case SM_EXPORT_FORMAT_JSONL:
      return _("One line per document, with the text, its spans and the claim–speaker relations, as doccano and any JSON Lines reader load them.");
    case SM_EXPORT_FORMAT_BRAT:
      return _("A folder with a .txt and an .ann file per document, and an annotation.conf, which opens in brat as it is.");
    case SM_EXPORT_FORMAT_CONLL:
      return _("One token per line with an IOB2 tag per label, a blank line between sentences. A span edge inside a token is reported, never moved.");
    case SM_EXPORT_FORMAT_CSV:
      return _("One row per span, with its document, label, offsets, text, note and, for a claim, its speaker.");
    case SM_EXPORT_FORMAT_HTML:
      return _("A page to look at: the articles with their spans highlighted, a legend, counts and who said what.");
    default:
      g_return_val_if_reached ("");
    }
}

static void
on_options_changed (SmExportDialog *self)
{
  SmExportFormat format = selected_format (self);

  gtk_label_set_label (self->description, format_description (format));
  gtk_widget_set_visible (GTK_WIDGET (self->labels_row), format == SM_EXPORT_FORMAT_CONLL);
  gtk_widget_set_visible (GTK_WIDGET (self->ascii_row), format == SM_EXPORT_FORMAT_JSONL);
  gtk_widget_set_visible (GTK_WIDGET (self->done_row), selected_scope (self) == SCOPE_FOLDER);
}

static void
on_cancel_clicked (SmExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_window_close (GTK_WINDOW (self));
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  sm_thread_lower_priority ();
  if (sm_exporter_export_to_file (export->exporter, export->corpus, export->destination,
                                  export->flags, export->warnings, export->errors,
                                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_export (SmExportDialog *self,
                          GFile          *destination,
                          SmExportFlags   flags);

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  SmExportDialog *self = SM_EXPORT_DIALOG (user_data);
  GFile *destination = g_object_get_data (G_OBJECT (dialog), "destination");

  if (g_strcmp0 (response, "overwrite") == 0)
    start_export (self, destination, SM_EXPORT_FLAGS_OVERWRITE);
  else
    gtk_stack_set_visible_child_name (self->stack, "options");
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SmExportDialog) self = user_data;
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->destination);
  guint n_exported = sm_exporter_get_n_exported (export->exporter);
  g_autoptr(SmWindow) window = self->window ? g_object_ref (self->window) : NULL;
  GtkWindow *parent = GTK_WINDOW (window);

  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || window == NULL)
        return;

      /* The one thing worth asking: may existing files be replaced? */
      if (g_error_matches (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Existing Files?"),
                                                      error->message);

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "overwrite", _("_Replace"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          g_object_set_data_full (G_OBJECT (dialog), "destination",
                                  g_object_ref (export->destination), g_object_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      gtk_window_close (GTK_WINDOW (self));
      sm_messages_dialog_show (parent, _("Could Not Export"), error->message,
                               export->errors, export->warnings);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));

  if (export->errors->len > 0 || export->warnings->len > 0)
    {
      /* Translators: %u is a number of documents, %s where they went */
      g_autofree char *body = g_strdup_printf (ngettext ("Exported %u document to “%s”, with the problems below.",
                                                         "Exported %u documents to “%s”, with the problems below.",
                                                         n_exported),
                                               n_exported, name);

      sm_messages_dialog_show (parent, _("Exported with Problems"), body,
                               export->errors, export->warnings);
    }
  else
    {
      g_autofree char *toast = g_strdup_printf (ngettext ("Exported %u document to “%s”",
                                                          "Exported %u documents to “%s”",
                                                          n_exported),
                                                n_exported, name);

      sm_window_show_toast (window, toast);
    }
}

static void
start_export (SmExportDialog *self,
              GFile          *destination,
              SmExportFlags   flags)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Export *export;
  SmExportFormat format = selected_format (self);
  guint label = adw_combo_row_get_selected (self->labels_row);

  export = g_new0 (Export, 1);
  export->exporter = sm_exporter_new (format);
  export->corpus = sm_corpus_new ();
  export->destination = g_object_ref (destination);
  export->flags = flags;
  export->warnings = g_ptr_array_new_with_free_func (g_free);
  export->errors = g_ptr_array_new_with_free_func (g_free);

  if (format == SM_EXPORT_FORMAT_CONLL && label > 0 && label != GTK_INVALID_LIST_POSITION)
    {
      const char *labels[] = { gtk_string_list_get_string (self->label_ids, label), NULL };

      sm_exporter_set_labels (export->exporter, labels);
    }

  if (format == SM_EXPORT_FORMAT_JSONL)
    {
      gboolean ascii = gtk_check_button_get_active (self->ascii_check);

      sm_exporter_set_ascii (export->exporter, ascii);
      /* Whoever needs it once needs it for every export to the same tool */
      g_settings_set_boolean (self->settings, "last-export-ascii", ascii);
    }

  if (selected_scope (self) == SCOPE_FOLDER)
    {
      if (gtk_switch_get_active (self->done_switch))
        sm_exporter_set_statuses (export->exporter, SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_DONE));

      if (!sm_corpus_add_file (export->corpus, self->folder, NULL, NULL, &error))
        {
          export_free (export);
          sm_messages_dialog_show (GTK_WINDOW (self), _("Could Not Export"), error->message, NULL, NULL);
          return;
        }
    }
  else
    {
      /* The corpus takes a copy, serialised and read in its worker: the
       * window may go on editing */
      g_autofree char *display = g_strconcat (sm_document_get_name (self->document), ".json", NULL);

      sm_corpus_add_document (export->corpus, self->document, display);
    }

  g_settings_set_string (self->settings, "last-export-format", sm_export_format_to_string (format));
  {
    g_autoptr(GFile) parent = sm_export_format_writes_folder (format) ? g_object_ref (destination)
                                                                      : g_file_get_parent (destination);
    g_autofree char *uri = parent ? g_file_get_uri (parent) : g_strdup ("");

    g_settings_set_string (self->settings, "last-export-folder", uri);
  }

  gtk_label_set_label (self->progress_label, _("Exporting…"));
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_exported, g_object_ref (self));
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * sm_export_dialog_export_to:
 * @destination: a file, or a folder for formats that write folders
 *
 * Exports with the chosen options, as the Export button does once the
 * destination is chosen. A file is replaced (the file chooser has asked);
 * a folder with files in it is asked about.
 */
void
sm_export_dialog_export_to (SmExportDialog *self,
                            GFile          *destination)
{
  SmExportFlags flags;

  g_return_if_fail (SM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (destination));

  flags = sm_export_format_writes_folder (selected_format (self)) ? SM_EXPORT_FLAGS_NONE
                                                                  : SM_EXPORT_FLAGS_OVERWRITE;
  start_export (self, destination, flags);
}

static void
on_destination_chosen (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(SmExportDialog) self = user_data;
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    sm_export_dialog_export_to (self, destination);

  g_object_unref (chooser);
}

static void
on_export_clicked (SmExportDialog *self)
{
  SmExportFormat format = selected_format (self);
  gboolean folder = sm_export_format_writes_folder (format);
  g_autofree char *last = g_settings_get_string (self->settings, "last-export-folder");
  g_autofree char *name = NULL;
  g_autoptr(GFile) start = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Export to a Folder") : _("Export As"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (last[0] != '\0')
    start = g_file_new_for_uri (last);
  else if (self->folder != NULL)
    start = g_object_ref (self->folder);
  if (start != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);

  if (!folder)
    {
      g_autofree char *stem = selected_scope (self) == SCOPE_FOLDER
                              ? g_file_get_basename (self->folder)
                              : g_strdup (sm_document_get_name (self->document));

      name = g_strdup_printf ("%s.%s", stem, sm_export_format_get_extension (format));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_destination_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sm_export_dialog_dispose (GObject *object)
{
  SmExportDialog *self = (SmExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->label_ids);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_object (&self->document);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (sm_export_dialog_parent_class)->dispose (object);
}

static void
sm_export_dialog_class_init (SmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, done_row);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, done_switch);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, ascii_row);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, ascii_check);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, labels_row);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, description);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmExportDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sm_export_dialog_init (SmExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  sm_dropdown_show_whole_items (GTK_WIDGET (self->format_row));
  sm_dropdown_show_whole_items (GTK_WIDGET (self->scope_row));
  sm_dropdown_show_whole_items (GTK_WIDGET (self->labels_row));

  for (SmExportFormat format = 0; format < SM_EXPORT_N_FORMATS; format++)
    gtk_string_list_append (formats, sm_export_format_get_title (format));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
}

void
sm_export_dialog_set_format (SmExportDialog *self,
                             SmExportFormat  format)
{
  g_return_if_fail (SM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < SM_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

gboolean
sm_export_dialog_get_ascii (SmExportDialog *self)
{
  g_return_val_if_fail (SM_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->ascii_check);
}

/* As the "Escape Non-ASCII Characters" check box does, for JSON Lines */
void
sm_export_dialog_set_ascii (SmExportDialog *self,
                            gboolean        ascii)
{
  g_return_if_fail (SM_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (self->ascii_check, ascii);
}

/**
 * sm_export_dialog_new:
 * @window: the window whose document is exported
 * @folder: (nullable): the folder the document is saved in, to offer
 *   exporting every document there
 * @is_corpus: whether @folder is the corpus open in the window
 */
SmExportDialog *
sm_export_dialog_new (SmWindow   *window,
                      SmDocument *document,
                      GFile      *folder,
                      gboolean    is_corpus,
                      GSettings  *settings)
{
  SmExportDialog *self;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) label_names = gtk_string_list_new (NULL);
  g_autofree char *last_format = NULL;
  GListModel *labels;
  SmExportFormat format;

  g_return_val_if_fail (SM_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  self = g_object_new (SM_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);
  self->document = g_object_ref (document);
  self->folder = folder ? g_object_ref (folder) : NULL;
  self->settings = g_object_ref (settings);

  gtk_string_list_append (scopes, _("This Document"));
  if (folder != NULL && is_corpus)
    gtk_string_list_append (scopes, _("The Whole Corpus, as Saved"));
  else if (folder != NULL)
    {
      g_autofree char *folder_name = g_file_get_basename (folder);
      /* Translators: %s is a folder's name */
      g_autofree char *every = g_strdup_printf (_("Every Saved Document in “%s”"), folder_name);

      gtk_string_list_append (scopes, every);
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), folder != NULL);

  /* CoNLL: a column per label, or one label's layer */
  self->label_ids = gtk_string_list_new (NULL);
  gtk_string_list_append (self->label_ids, "");
  gtk_string_list_append (label_names, _("Every Label, One Column Each"));
  labels = sm_document_get_labels (document);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      /* Translators: %s is a label's name */
      g_autofree char *only = g_strdup_printf (_("Only %s"), sm_label_get_name (label));

      gtk_string_list_append (self->label_ids, sm_label_get_id (label));
      gtk_string_list_append (label_names, only);
    }
  adw_combo_row_set_model (self->labels_row, G_LIST_MODEL (label_names));

  last_format = g_settings_get_string (settings, "last-export-format");
  if (!sm_export_format_from_string (last_format, &format))
    format = SM_EXPORT_FORMAT_JSONL;
  adw_combo_row_set_selected (self->format_row, format);
  gtk_check_button_set_active (self->ascii_check, g_settings_get_boolean (settings, "last-export-ascii"));

  on_options_changed (self);

  return self;
}
