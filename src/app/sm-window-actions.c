/* sm-window-actions.c: what the window can do, as actions.
 *
 * Buttons, menus, popovers and shortcuts all activate these; each is
 * enabled only when it can do something (_sm_window_actions_update()).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-export-dialog.h"
#include "sm-import-dialog.h"
#include "sm-labels-dialog.h"
#include "sm-statistics-dialog.h"
#include "sm-window-private.h"

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _sm_window_choose_file (SM_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  sm_window_open_file (SM_WINDOW (widget), file);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) sample = sm_application_get_sample (SM_APPLICATION (app));

  if (sample == NULL)
    {
      _sm_window_show_error (self, _("Could Not Find the Sample Article"),
                             _("The sample article is not installed with this copy of Spanmark."));
      return;
    }

  sm_window_open_file (self, sample);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _sm_window_save (SM_WINDOW (widget), FALSE, NULL, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _sm_window_save (SM_WINDOW (widget), TRUE, NULL, NULL, NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->document != NULL)
    {
      sm_document_undo (self->document);
      _sm_window_suggestions_undone (self, FALSE);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->document != NULL)
    {
      sm_document_redo (self->document);
      _sm_window_suggestions_undone (self, TRUE);
    }
}

static char *
describe_refusal (SmWindow   *self,
                  GError     *error,
                  const char *label_id,
                  guint       start,
                  guint       end)
{
  SmLabel *label = sm_document_find_label (self->document, label_id);

  if (g_error_matches (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE))
    {
      g_autofree char *text = sm_text_dup_slice (sm_document_get_text (self->document), start, end);

      /* Translators: a toast; %s are the selected text and a label's name */
      return g_strdup_printf (_("“%s” is already tagged as %s"), text,
                              label ? sm_label_get_name (label) : label_id);
    }

  return g_strdup (error->message);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end_iter;
  guint start, end;

  if (self->view == NULL)
    return;

  sm_annotation_view_snap_selection (self->view);
  if (!sm_annotation_view_get_selection (self->view, &start, &end))
    {
      sm_window_show_toast (self, _("Select some text first"));
      return;
    }

  if (sm_document_add_span (self->document, label, start, end, &error) == NULL)
    {
      g_autofree char *message = describe_refusal (self, error, label, start, end);

      sm_window_show_toast (self, message);
      return;
    }

  /* Drop the selection so the new highlight shows */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_place_cursor (buffer, &end_iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Tagging more matches than this at once asks first */
#define TAG_ALL_WITHOUT_ASKING 5

static void
tag_matches (SmWindow   *self,
             const char *label_id,
             GArray     *matches)
{
  SmLabel *label = sm_document_find_label (self->document, label_id);
  const char *name = label ? sm_label_get_name (label) : label_id;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_tagged = 0, n_inside = 0;

  if (!sm_document_tag_matches (self->document, label_id, matches, &n_tagged, &n_inside, &error))
    {
      sm_window_show_toast (self, error->message);
      return;
    }

  /* Translators: a toast after "Tag All Matches"; %s is a label's name */
  message = g_strdup_printf (ngettext ("Tagged %u match as %s", "Tagged %u matches as %s", n_tagged),
                             n_tagged, name);
  if (n_inside > 0)
    {
      g_autofree char *tagged = g_steal_pointer (&message);

      /* Translators: a toast after "Tag All Matches": the first %s is
       * "Tagged 3 matches as Speaker", the second a label's name:
       * "…; 2 were already inside a Speaker span" */
      message = g_strdup_printf (ngettext ("%s; %u was already inside a %s span",
                                           "%s; %u were already inside a %s span", n_inside),
                                 tagged, n_inside, name);
    }
  sm_window_show_toast (self, message);
}

static void
on_tag_all_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SmWindow         *self)
{
  SmDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  /* The document may have changed under the dialog */
  if (g_strcmp0 (response, "tag") != 0 || document != self->document)
    return;

  tag_matches (self, g_object_get_data (G_OBJECT (dialog), "label-id"),
               g_object_get_data (G_OBJECT (dialog), "matches"));
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *label_id = g_variant_get_string (parameter, NULL);
  SmLabel *label = sm_document_find_label (self->document, label_id);
  const char *name = label ? sm_label_get_name (label) : label_id;
  g_autoptr(GArray) matches = sm_search_bar_get_matches (self->search_bar);
  guint n_matches = matches->len / 2;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n_matches <= TAG_ALL_WITHOUT_ASKING)
    {
      tag_matches (self, label_id, matches);
      return;
    }

  /* Many spans at once: say how many before making them */
  /* Translators: %u is a number of matches, %s a label's name */
  heading = g_strdup_printf (ngettext ("Tag %u Match as %s?", "Tag %u Matches as %s?", n_matches),
                             n_matches, name);
  /* Translators: %s is a label's name */
  body = g_strdup_printf (_("Each match becomes a %s span, except those already inside one. "
                            "Undo takes them all back in one step."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "tag", _("_Tag All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "tag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "tag");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (self->document), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "label-id", g_strdup (label_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "matches", g_steal_pointer (&matches),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_tag_all_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sm_search_bar_begin (SM_WINDOW (widget)->search_bar);
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  SmDocumentStatus status;

  if (self->document != NULL &&
      sm_document_status_from_string (g_variant_get_string (parameter, NULL), &status))
    sm_document_set_status (self->document, status);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->document != NULL)
    {
      sm_document_set_status (self->document, SM_DOCUMENT_STATUS_DONE);
      sm_window_show_toast (self, _("Marked as done"));
    }
}

static void
show_export_dialog (SmWindow *self,
                    gpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  SmExportDialog *dialog;

  if (self->corpus != NULL)
    folder = g_object_ref (sm_corpus_folder_get_folder (self->corpus));
  else if (self->file != NULL || self->article != NULL)
    folder = g_file_get_parent (self->file ? self->file : self->article);

  dialog = sm_export_dialog_new (self, self->document, folder, self->corpus != NULL, self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* A corpus is exported as saved: save this document first, so it is
   * exported as it is on screen */
  if (self->corpus != NULL && sm_document_get_modified (self->document))
    _sm_window_save (self, FALSE, show_export_dialog, NULL, NULL);
  else
    show_export_dialog (self, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (sm_import_dialog_new (SM_WINDOW (widget))));
}

static void
labels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  SmLabelsDialog *dialog;

  if (self->document == NULL)
    return;

  /* In a corpus, the labels are the corpus's: its spanmark-project.json */
  dialog = sm_labels_dialog_new (GTK_WINDOW (self), self->document, self->corpus, self->entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sm_window_choose_folder (SM_WINDOW (widget));
}

static void
go (SmWindow      *self,
    SmCorpusEntry *entry,
    const char    *nothing_there)
{
  if (entry != NULL)
    _sm_window_go_to (self, entry);
  else
    sm_window_show_toast (self, nothing_there);
}

static void
next_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  go (self, sm_corpus_folder_get_next (self->corpus, self->entry), _("This is the last document"));
}

static void
previous_document_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  go (self, sm_corpus_folder_get_previous (self->corpus, self->entry), _("This is the first document"));
}

static void
next_unfinished_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  go (self, sm_corpus_folder_get_next_unfinished (self->corpus, self->entry),
      _("Every other document is done"));
}

static void
done_and_next_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  SmCorpusEntry *next;

  /* Which one is next, before marking: sorted by status, this document
   * moves as soon as it is done */
  next = sm_corpus_folder_get_next_unfinished (self->corpus, self->entry);
  sm_document_set_status (self->document, SM_DOCUMENT_STATUS_DONE);
  go (self, next != self->entry ? next : NULL,
      _("Marked as done; every other document is done too"));
}

static void
map_labels_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _sm_window_map_labels (SM_WINDOW (widget));
}

static void
keep_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sm_window_keep_labels (SM_WINDOW (widget));
}

/* A document of the Agreement page: opened as the corpus list opens one */
static void
on_statistics_open_document (SmWindow *self,
                             GFile    *file)
{
  SmCorpusEntry *entry = self->corpus != NULL ? sm_corpus_folder_find_entry (self->corpus, file) : NULL;

  if (entry != NULL)
    _sm_window_go_to (self, entry);
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  SmStatisticsDialog *dialog;

  if (self->corpus != NULL)
    {
      dialog = sm_statistics_dialog_new_for_corpus (GTK_WINDOW (self), self->corpus);
      g_signal_connect_object (dialog, "open-document", G_CALLBACK (on_statistics_open_document),
                               self, G_CONNECT_SWAPPED);
    }
  else if (self->document != NULL)
    dialog = sm_statistics_dialog_new_for_document (GTK_WINDOW (self), self->document);
  else
    return;

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _sm_window_reload (SM_WINDOW (widget));
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _sm_window_keep_mine (SM_WINDOW (widget));
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _sm_window_restore_draft (SM_WINDOW (widget));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _sm_window_discard_draft (SM_WINDOW (widget));
}

void
_sm_window_class_actions_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all", "s", tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.status", "s", status_action);
  gtk_widget_class_install_action (widget_class, "win.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.labels", NULL, labels_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL, next_document_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL, previous_document_action);
  gtk_widget_class_install_action (widget_class, "win.next-unfinished", NULL, next_unfinished_action);
  gtk_widget_class_install_action (widget_class, "win.done-and-next", NULL, done_and_next_action);
  gtk_widget_class_install_action (widget_class, "win.map-labels", NULL, map_labels_action);
  gtk_widget_class_install_action (widget_class, "win.keep-labels", NULL, keep_labels_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, discard_draft_action);
}

/* The sidebars, the document list at the start and the span list at the
 * end, each in an AdwFlap. Each is shown beside the article while the
 * window has room for it and the user wants it; without room it folds
 * away (the span list first), and its toggle brings it back over the
 * article. The toggles' state is always what is on screen: the flaps are
 * locked, so only these functions reveal or hide them. */

static void
set_state (SmWindow   *self,
           const char *name,
           gboolean    shown)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);
  g_autoptr(GVariant) state = g_action_get_state (action);

  if (g_variant_get_boolean (state) != shown)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
}

static void
on_span_list_revealed (SmWindow *self)
{
  set_state (self, "show-sidebar", adw_flap_get_reveal_flap (self->flap));
}

static void
on_document_list_revealed (SmWindow *self)
{
  set_state (self, "show-documents", adw_flap_get_reveal_flap (self->corpus_flap));
}

/* Folded, a sidebar hides; unfolded, it is back if the user wants it */
static void
on_span_list_folded (SmWindow *self)
{
  adw_flap_set_reveal_flap (self->flap,
                            !adw_flap_get_folded (self->flap) &&
                            g_settings_get_boolean (self->settings, "show-sidebar"));
}

static void
on_document_list_folded (SmWindow *self)
{
  adw_flap_set_reveal_flap (self->corpus_flap,
                            !adw_flap_get_folded (self->corpus_flap) &&
                            self->corpus != NULL && self->documents_wanted);
}

/* What the user asks for beside the article is remembered; over it, it
 * is for the moment */
static void
change_show_sidebar (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  SmWindow *self = user_data;
  gboolean shown = g_variant_get_boolean (state);

  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-sidebar", shown);
  adw_flap_set_reveal_flap (self->flap, shown);
}

static void
change_show_documents (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  SmWindow *self = user_data;
  gboolean shown = g_variant_get_boolean (state);

  if (!adw_flap_get_folded (self->corpus_flap))
    self->documents_wanted = shown;
  adw_flap_set_reveal_flap (self->corpus_flap, shown);
}

/* Another window changed the setting */
static void
on_show_sidebar_changed (SmWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-sidebar"));
}

static void
add_sidebar_action (SmWindow   *self,
                    const char *name,
                    AdwFlap    *flap,
                    GCallback   change_state,
                    GCallback   revealed,
                    GCallback   folded)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

  g_signal_connect_object (action, "change-state", change_state, self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  adw_flap_set_locked (flap, TRUE);
  g_signal_connect_object (flap, "notify::reveal-flap", revealed, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flap, "notify::folded", folded, self, G_CONNECT_SWAPPED);
}

/**
 * _sm_window_actions_init:
 *
 * Adds the actions that have a state: the sidebars shown, and the
 * settings that menus show as toggles.
 */
void
_sm_window_actions_init (SmWindow *self)
{
  g_autoptr(GAction) snap = g_settings_create_action (self->settings, "snap-to-words");

  g_action_map_add_action (G_ACTION_MAP (self), snap);

  add_sidebar_action (self, "show-sidebar", self->flap, G_CALLBACK (change_show_sidebar),
                      G_CALLBACK (on_span_list_revealed), G_CALLBACK (on_span_list_folded));
  g_signal_connect_object (self->settings, "changed::show-sidebar",
                           G_CALLBACK (on_show_sidebar_changed), self, G_CONNECT_SWAPPED);
  on_span_list_folded (self);
  on_span_list_revealed (self);

  /* The document list shows once a folder is open */
  add_sidebar_action (self, "show-documents", self->corpus_flap, G_CALLBACK (change_show_documents),
                      G_CALLBACK (on_document_list_revealed), G_CALLBACK (on_document_list_folded));
  self->documents_wanted = TRUE;
}

/**
 * _sm_window_show_documents:
 *
 * Shows the document list if there is room, or hides it when no folder is
 * open.
 */
void
_sm_window_show_documents (SmWindow *self)
{
  on_document_list_folded (self);
}

void
_sm_window_actions_update (SmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->document != NULL;
  gboolean has_selection = has_document && self->view != NULL &&
                           sm_annotation_view_get_selection (self->view, NULL, NULL);
  gboolean has_drafts = self->offered_drafts != NULL && self->offered_drafts->len > 0;
  gboolean in_corpus = self->corpus != NULL && self->entry != NULL;
  gboolean done = has_document &&
                  sm_document_get_status (self->document) == SM_DOCUMENT_STATUS_DONE;

  gtk_widget_action_set_enabled (widget, "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (widget, "win.save", has_document && self->saving == 0);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_document && self->saving == 0);
  gtk_widget_action_set_enabled (widget, "win.undo", has_document && sm_document_can_undo (self->document));
  gtk_widget_action_set_enabled (widget, "win.redo", has_document && sm_document_can_redo (self->document));
  gtk_widget_action_set_enabled (widget, "win.tag", has_selection);
  gtk_widget_action_set_enabled (widget, "win.tag-all", has_document);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  gtk_widget_action_set_enabled (widget, "win.status", has_document);
  gtk_widget_action_set_enabled (widget, "win.mark-done", has_document && !done);
  gtk_widget_action_set_enabled (widget, "win.export", has_document);
  gtk_widget_action_set_enabled (widget, "win.reload", self->file != NULL);
  gtk_widget_action_set_enabled (widget, "win.labels", has_document);
  gtk_widget_action_set_enabled (widget, "win.statistics", has_document || self->corpus != NULL);
  gtk_widget_action_set_enabled (widget, "win.next-document", in_corpus);
  gtk_widget_action_set_enabled (widget, "win.previous-document", in_corpus);
  gtk_widget_action_set_enabled (widget, "win.next-unfinished", in_corpus);
  gtk_widget_action_set_enabled (widget, "win.done-and-next", in_corpus && has_document);
  gtk_widget_action_set_enabled (widget, "win.map-labels", in_corpus && has_document);
  {
    GAction *show_documents = g_action_map_lookup_action (G_ACTION_MAP (self), "show-documents");

    if (show_documents != NULL)
      g_simple_action_set_enabled (G_SIMPLE_ACTION (show_documents), self->corpus != NULL);
  }
  gtk_widget_action_set_enabled (widget, "win.restore-draft", has_drafts);
  gtk_widget_action_set_enabled (widget, "win.discard-draft", has_drafts);
  _sm_window_suggestions_update (self);
  _sm_window_curation_update (self);
}
