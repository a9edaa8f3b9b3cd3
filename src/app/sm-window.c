/* sm-window.c: a window annotating one document.
 *
 * The window opens a document (in a worker thread, so a large article never
 * freezes it), shows it in an SmAnnotationView with the label palette, the
 * span list and the search bar, and takes care that no work is lost: it
 * asks before unsaved changes would go, writes a draft a few seconds after
 * each change, and keeps everything in memory when a save fails.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-annotator-dialog.h"
#include "sm-drafts.h"
#include "sm-document-memory.h"
#include "sm-window-private.h"

/* Seconds after a change before a draft is written */
#define DRAFT_DELAY 3
/* A load that takes longer than this shows a spinner, in milliseconds */
#define LOADING_DELAY 250
/* Recent files offered by the Open button */
#define MAX_RECENT 10

G_DEFINE_FINAL_TYPE (SmWindow, sm_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  SmWindow             *self;
  SmWindowContinuation  then;
  gpointer              data;
  GDestroyNotify        destroy;
} Continuation;

static Continuation *
continuation_new (SmWindow             *self,
                  SmWindowContinuation  then,
                  gpointer              data,
                  GDestroyNotify        destroy)
{
  Continuation *continuation = g_new0 (Continuation, 1);

  continuation->self = g_object_ref (self);
  continuation->then = then;
  continuation->data = data;
  continuation->destroy = destroy;

  return continuation;
}

static void
continuation_free (Continuation *continuation)
{
  if (continuation->destroy && continuation->data)
    continuation->destroy (continuation->data);
  g_clear_object (&continuation->self);
  g_free (continuation);
}

static void
continuation_run (Continuation *continuation)
{
  if (continuation->then)
    continuation->then (continuation->self, continuation->data);
}

static const char *
status_label (SmDocumentStatus status)
{
  switch (status)
    {
    case SM_DOCUMENT_STATUS_NEW:
      return _("New");
    case SM_DOCUMENT_STATUS_IN_PROGRESS:
      return _("In Progress");
    case SM_DOCUMENT_STATUS_DONE:
      return _("Done");
    default:
      g_return_val_if_reached ("");
    }
}

static void
update_title (SmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n_spans;
  guint position;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Spanmark"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Spanmark"));
      return;
    }

  /* "•" marks unsaved changes, as in GNOME Text Editor */
  if (sm_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", sm_document_get_name (self->document));
  else
    title = g_strdup (sm_document_get_name (self->document));

  n_spans = sm_document_get_n_spans (self->document);
  if (self->corpus != NULL && self->entry != NULL &&
      sm_corpus_folder_get_position (self->corpus, self->entry, &position))
    /* Translators: the subtitle in a corpus, e.g. "3 of 40 · In Progress · 14 spans" */
    subtitle = g_strdup_printf (ngettext ("%u of %u · %s · %u span", "%u of %u · %s · %u spans", n_spans),
                                position + 1, g_list_model_get_n_items (G_LIST_MODEL (self->corpus)),
                                status_label (sm_document_get_status (self->document)), n_spans);
  else
    /* Translators: the window's subtitle, e.g. "In Progress · 14 spans" */
    subtitle = g_strdup_printf (ngettext ("%s · %u span", "%s · %u spans", n_spans),
                                status_label (sm_document_get_status (self->document)), n_spans);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

}

static void start_draft (SmWindow *self);

static void
on_draft_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SmWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A draft that cannot be written is worth saying once, not fatal */
  if (!sm_drafts_save_finish (result, &error))
    g_warning ("Could not write the draft: %s", error->message);

  self->draft_writing = FALSE;
  if (self->draft_wanted)
    start_draft (self);
}

/* Where the document is to be saved: its file, or for a new curation
 * the file its first save proposes, so that its draft has a home */
static GFile *
get_target (SmWindow *self)
{
  if (self->file == NULL && self->curation != NULL &&
      sm_curation_get_document (self->curation) == self->document)
    return self->curation_file;

  return self->file;
}

/* The document is copied here and written in a worker thread. One draft
 * is written at a time: a change made meanwhile is written once that one
 * is done, as a draft of the document as it is then. */
static void
start_draft (SmWindow *self)
{
  self->draft_wanted = FALSE;

  if (self->draft_writing)
    {
      self->draft_wanted = TRUE;
      return;
    }

  if (self->document != NULL && self->draft_key != NULL &&
      sm_document_get_modified (self->document))
    {
      self->draft_writing = TRUE;
      sm_drafts_save_async (self->draft_key, self->document, get_target (self), self->article,
                            NULL, on_draft_saved, g_object_ref (self));
    }
}

static gboolean
write_draft (gpointer user_data)
{
  SmWindow *self = user_data;

  self->draft_timeout = 0;
  start_draft (self);

  return G_SOURCE_REMOVE;
}

static void
update_draft_key (SmWindow *self)
{
  g_clear_pointer (&self->draft_key, g_free);

  if (get_target (self) != NULL || self->article != NULL)
    self->draft_key = sm_drafts_make_key (get_target (self), self->article);
}

static void
forget_draft (SmWindow *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_wanted = FALSE;

  if (self->draft_key != NULL)
    sm_drafts_discard (self->draft_key);
}

static void
on_document_changed (SmWindow   *self,
                     SmDocument *document)
{
  update_title (self);
  _sm_window_actions_update (self);

  /* Back at the saved state (by undo): nothing to keep */
  if (!sm_document_get_modified (document))
    {
      forget_draft (self);
      return;
    }

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_timeout = g_timeout_add_seconds (DRAFT_DELAY, write_draft, self);
}

static void
update_whole_words (SmWindow *self)
{
  sm_search_bar_set_whole_words (self->search_bar,
                                 g_settings_get_boolean (self->settings, "snap-to-words"));
}

static void
update_font (SmWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "font");

  if (self->view != NULL)
    sm_annotation_view_set_font (self->view, font);
}

static void
add_to_recent (SmWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (self->recent, uri);
}

/* Watching the Spanmark file for changes made by other programs */

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
changed_on_disk (SmWindow *self)
{
  g_autofree char *etag = NULL;

  if (self->file == NULL || self->disk_etag == NULL)
    return FALSE;

  etag = query_etag (self->file);
  return g_strcmp0 (etag, self->disk_etag) != 0;
}

static void
remember_disk_state (SmWindow *self)
{
  g_free (self->disk_etag);
  self->disk_etag = query_etag (self->file);
  sm_banner_set_revealed (self->disk_banner, FALSE);
}

static void
on_file_changed (SmWindow          *self,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Our own saves change the file too; they are remembered once done */
  if (self->saving > 0 || !changed_on_disk (self))
    return;

  name = g_file_get_basename (self->file);
  if (g_file_query_exists (self->file, NULL))
    message = g_strdup_printf (_("“%s” was changed by another program. Reload it, or keep your version: saving will ask before replacing theirs."),
                               name);
  else
    message = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving will write it again."),
                               name);

  sm_banner_set_title (self->disk_banner, message);
  sm_banner_set_revealed (self->disk_banner, TRUE);
  _sm_window_actions_update (self);
}

static void
watch_file (SmWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_file_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  remember_disk_state (self);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed),
                             self, G_CONNECT_SWAPPED);
}

/**
 * sm_window_get_changed_on_disk:
 *
 * Returns: whether another program changed the document's file since it
 *   was opened or saved here
 */
gboolean
sm_window_get_changed_on_disk (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), FALSE);

  return changed_on_disk (self);
}

/**
 * _sm_window_dup_document_key:
 *
 * Returns: (nullable): what the window remembers the document shown by
 *   (its place, whether it shows suggestions; sm-document-memory.c): its
 *   file's URI, or its article's
 */
char *
_sm_window_dup_document_key (SmWindow *self)
{
  GFile *file = self->file != NULL ? self->file : self->article;

  return file != NULL ? g_file_get_uri (file) : NULL;
}

/* Remembers where the user is in the document shown, to come back there */
static void
remember_place (SmWindow *self)
{
  g_autofree char *key = _sm_window_dup_document_key (self);
  GdkRectangle visible;
  GtkTextIter top;

  if (key == NULL || self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &top, visible.x, visible.y);
  sm_document_memory_set (key, "place", gtk_text_iter_get_offset (&top));
}

/* A document opens where the user last was in it (sm-document-memory.c),
 * or at its top (set_document() gives each view fresh adjustments). The
 * cursor goes there too, so that the keys go on from where the user reads. */
static void
restore_place (SmWindow *self)
{
  g_autofree char *key = _sm_window_dup_document_key (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  GtkTextIter iter;
  gint place;

  if (key == NULL || !sm_document_memory_lookup (key, "place", &place) || place <= 0)
    return;

  /* A long article goes into the view in slices: its place may not be
   * there yet. Waiting for it keeps the window free meanwhile, and is
   * short: the text is in long before GTK has laid out its lines. A view
   * tells "filled" once. */
  if (!sm_annotation_view_get_filled (self->view))
    {
      g_signal_connect_object (self->view, "notify::filled",
                               G_CALLBACK (restore_place), self, G_CONNECT_SWAPPED);
      return;
    }

  /* Unless the user has scrolled or moved the cursor meanwhile */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if ((vadjustment != NULL && gtk_adjustment_get_value (vadjustment) > 0) ||
      gtk_text_iter_get_offset (&iter) > 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, place);
  gtk_text_iter_set_line_offset (&iter, 0);
  gtk_text_buffer_place_cursor (buffer, &iter);
  sm_annotation_view_scroll_to_offset (self->view, gtk_text_iter_get_offset (&iter), 0.0, TRUE, 0.0);
}

static gboolean
unref_in_idle (gpointer object)
{
  g_object_unref (object);

  return G_SOURCE_REMOVE;
}

static void
set_document (SmWindow   *self,
              SmDocument *document,
              GFile      *file,
              GFile      *article)
{
  g_autoptr(SmDocument) previous = NULL;

  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
      g_signal_handlers_disconnect_by_func (self->document, update_title, self);
    }

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  remember_place (self);
  previous = g_steal_pointer (&self->document);
  self->document = g_object_ref (document);
  g_set_object (&self->file, file);
  g_set_object (&self->article, article);
  update_draft_key (self);
  watch_file (self);

  /* The previous view goes in an iteration of its own: GtkTextView
   * letting go of a 20 MB article's buffer (its data for every line; the
   * buffer itself goes in slices, see release_in_idle()) was 14 of the
   * 113 samples of a switch's (perf) */
  if (self->view != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, unref_in_idle, g_object_ref (self->view), NULL);
  self->view = sm_annotation_view_new (document);
  g_settings_bind (self->settings, "snap-to-words", self->view, "snap-to-words", G_SETTINGS_BIND_GET);
  update_font (self);
  g_signal_connect_object (self->view, "notify::has-selection",
                           G_CALLBACK (_sm_window_actions_update), self, G_CONNECT_SWAPPED);
  /* Fresh adjustments: the old ones hold the previous document's place */
  gtk_scrolled_window_set_child (self->scroller, NULL);
  gtk_scrolled_window_set_hadjustment (self->scroller, NULL);
  gtk_scrolled_window_set_vadjustment (self->scroller, NULL);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  restore_place (self);

  sm_label_palette_set_document (self->palette, document);
  sm_span_list_set_document (self->span_list, document);
  sm_search_bar_set_view (self->search_bar, self->view);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "document");
  update_title (self);
  _sm_window_actions_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));

  _sm_window_corpus_document_shown (self);
  _sm_window_relations_document_set (self);
  _sm_window_suggestions_document_set (self, previous);
  _sm_window_curation_document_set (self);
  update_title (self);

  /* A restored draft is unsaved work: keep a draft of it from the start */
  if (sm_document_get_modified (document))
    on_document_changed (self, document);
}

static void
stop_loading (SmWindow *self)
{
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);
}

static gboolean
show_loading (gpointer user_data)
{
  SmWindow *self = user_data;

  self->loading_timeout = 0;

  /* Only while still loading: never over a document already shown */
  if (self->loading == NULL)
    return G_SOURCE_REMOVE;

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  return G_SOURCE_REMOVE;
}

typedef struct
{
  SmWindow *self;
  GFile    *file;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->file);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static gboolean
is_spanmark_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".json");
}

/* x.txt is annotated in x.json beside it */
static GFile *
annotation_file_for (GFile *article)
{
  g_autofree char *name = g_file_get_basename (article);
  g_autoptr(GFile) parent = g_file_get_parent (article);
  char *dot = strrchr (name, '.');
  g_autofree char *json = NULL;

  if (parent == NULL)
    return NULL;

  if (dot != NULL && dot != name)
    *dot = '\0';
  json = g_strconcat (name, ".json", NULL);

  return g_file_get_child (parent, json);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  SmWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autofree char *name = g_file_get_basename (load->file);

  document = sm_document_new_from_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_loading (self);

  if (document == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      /* What was open before is still there, untouched */
      gtk_stack_set_visible_child_name (self->stack, self->document ? "document" : "empty");
      _sm_window_show_error (self, title, error->message);
      _sm_window_actions_update (self);
      return;
    }

  {
    gint64 begin = g_get_monotonic_time ();

    if (is_spanmark_file (load->file))
      set_document (self, document, load->file, NULL);
    else
      set_document (self, document, NULL, load->file);

    g_debug ("Showing “%s” (%u spans) took %.1f ms on the main thread",
             name, sm_document_get_n_spans (document),
             (g_get_monotonic_time () - begin) / 1000.0);
  }

  add_to_recent (self, load->file);
}

void
_sm_window_start_loading (SmWindow *self,
                          GFile    *file)
{
  g_autoptr(GFile) annotations = NULL;
  Load *load;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Opening x.txt opens the annotations in x.json if there are some */
  if (!is_spanmark_file (file))
    {
      annotations = annotation_file_for (file);

      if (annotations != NULL && g_file_query_exists (annotations, NULL))
        {
          g_autofree char *json_name = g_file_get_basename (annotations);
          g_autofree char *toast = g_strdup_printf (_("Opened your annotations in “%s”"), json_name);

          sm_window_show_toast (self, toast);
          file = annotations;
        }
    }

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  stop_loading (self);

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->loading_label, message);

  self->loading = g_cancellable_new ();
  self->loading_timeout = g_timeout_add (LOADING_DELAY, show_loading, self);

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  sm_document_new_from_file_async (file, self->loading, on_loaded, load);
  _sm_window_actions_update (self);
}

static void
open_after_asking (SmWindow *self,
                   gpointer  data)
{
  forget_draft (self);
  _sm_window_start_loading (self, data);
}

/**
 * sm_window_open_file:
 * @file: a plain-text article or a Spanmark file
 *
 * Opens @file in the window, first asking what to do with unsaved changes.
 * Errors are shown in the window, which keeps what it had.
 */
void
sm_window_open_file (SmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document != NULL && sm_document_get_modified (self->document))
    _sm_window_ask_to_save (self, open_after_asking, g_object_ref (file), g_object_unref);
  else
    _sm_window_start_loading (self, file);
}

static void
show_after_asking (SmWindow *self,
                   gpointer  data)
{
  forget_draft (self);
  set_document (self, data, NULL, NULL);
}

/**
 * _sm_window_show_unsaved:
 * @document: a document not saved anywhere yet
 *
 * Shows @document here, in place of what was shown, without asking.
 */
void
_sm_window_show_unsaved (SmWindow   *self,
                         SmDocument *document)
{
  show_after_asking (self, document);
}

/**
 * sm_window_show_document:
 * @document: a document not saved anywhere yet, such as an imported one
 *
 * Shows @document, in this window if it is empty and in a new one
 * otherwise. Its first save asks where.
 */
void
sm_window_show_document (SmWindow   *self,
                         SmDocument *document)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  if (!sm_window_is_empty (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self = sm_window_new (SM_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (self));
    }

  /* Unsaved work: it gets a draft like any other */
  sm_document_set_modified (document, TRUE);
  show_after_asking (self, document);
}

/* Saving */

typedef struct
{
  Continuation *continuation;
  GFile        *file;
} Save;

static void
save_free (Save *save)
{
  g_clear_pointer (&save->continuation, continuation_free);
  g_clear_object (&save->file);
  g_free (save);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  SmWindow *self = save->continuation->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (save->file);

  self->saving--;
  _sm_window_actions_update (self);

  if (!sm_document_save_to_file_finish (SM_DOCUMENT (source), result, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nYour work is still here, unsaved. Save it somewhere else with Save As."),
                                               error->message);

      _sm_window_show_error (self, title, body);
      save_free (save);
      return;
    }

  /* Saved somewhere new: the draft now belongs to the new place */
  if (self->file == NULL || !g_file_equal (save->file, self->file))
    {
      forget_draft (self);
      g_set_object (&self->file, save->file);
      update_draft_key (self);
      watch_file (self);
    }
  else
    remember_disk_state (self);

  if (!sm_document_get_modified (SM_DOCUMENT (source)))
    forget_draft (self);

  add_to_recent (self, save->file);
  _sm_window_corpus_document_saved (self, save->file);
  _sm_window_suggestions_document_saved (self);
  {
    g_autofree char *toast = g_strdup_printf (_("Saved “%s”"), name);
    sm_window_show_toast (self, toast);
  }

  update_title (self);
  continuation_run (save->continuation);
  save_free (save);
}

static void
save_to (SmWindow     *self,
         GFile        *file,
         Continuation *continuation)
{
  Save *save = g_new0 (Save, 1);
  g_autofree char *annotator = g_settings_get_string (self->settings, "annotator");

  /* Who annotated, if they said so and the file does not say already: a
   * curator saving someone else's work does not take it over */
  sm_document_set_default_annotator (self->document, annotator);

  save->continuation = continuation;
  save->file = g_object_ref (file);

  self->saving++;
  _sm_window_actions_update (self);
  sm_document_save_to_file_async (self->document, file, NULL, on_saved, save);
}

static void
on_save_dialog_response (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  Continuation *continuation = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    save_to (continuation->self, file, continuation);
  else
    continuation_free (continuation);

  g_object_unref (dialog);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Continuation *continuation = user_data;

  g_signal_handlers_disconnect_by_func (dialog, on_replace_response, user_data);

  if (g_strcmp0 (response, "replace") == 0)
    save_to (continuation->self, continuation->self->file, continuation);
  else
    continuation_free (continuation);
}

/* Another program changed the file: saving would lose its changes */
static void
ask_to_replace (SmWindow     *self,
                Continuation *continuation)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Another program changed the file since you opened it. Saving replaces its changes with yours.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), continuation);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_where (SmWindow     *self,
            gboolean      save_as,
            Continuation *continuation)
{
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;

  /* In a corpus, annotations go beside their article, without asking
   * (a curation of its versions is a new file: that asks) */
  if (!save_as && self->file == NULL && self->entry != NULL && self->curation_file == NULL)
    {
      save_to (self, sm_corpus_entry_get_annotation_file (self->entry), continuation);
      return;
    }

  if (!save_as && self->file != NULL)
    {
      if (changed_on_disk (self) && g_file_query_exists (self->file, NULL))
        ask_to_replace (self, continuation);
      else
        save_to (self, self->file, continuation);
      return;
    }

  dialog = gtk_file_chooser_native_new (save_as ? _("Save As") : _("Save Annotations"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else if (self->curation_file != NULL)
    {
      /* NAME-curated.json beside the first version */
      g_autoptr(GFile) folder = g_file_get_parent (self->curation_file);
      g_autofree char *name = g_file_get_basename (self->curation_file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      g_autoptr(GFile) suggestion = self->article ? annotation_file_for (self->article) : NULL;

      if (suggestion != NULL)
        {
          g_autoptr(GFile) folder = g_file_get_parent (suggestion);
          g_autofree char *name = g_file_get_basename (suggestion);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
        }
      else
        {
          suggested = g_strconcat (sm_document_get_name (self->document), ".json", NULL);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
        }
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_dialog_response), continuation);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  Continuation *continuation;
  gboolean      save_as;
} AskAnnotator;

static void
on_annotator_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  AskAnnotator *ask = user_data;

  g_signal_handlers_disconnect_by_func (dialog, on_annotator_response, user_data);

  /* Named or skipped, the settings have the answer: save as asked */
  save_where (ask->continuation->self, ask->save_as, ask->continuation);
  g_free (ask);
}

/**
 * _sm_window_save:
 * @save_as: ask where, even if the document has a file
 * @then: (nullable): what to do once saved; not called if saving fails or
 *   is cancelled
 *
 * The first save of an article asks where, suggesting "<article>.json"
 * beside it. The first file that would be saved naming no annotator asks
 * for the user's name first, once.
 */
void
_sm_window_save (SmWindow             *self,
                 gboolean              save_as,
                 SmWindowContinuation  then,
                 gpointer              data,
                 GDestroyNotify        destroy)
{
  Continuation *continuation;

  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->document == NULL)
    {
      if (destroy && data)
        destroy (data);
      return;
    }

  continuation = continuation_new (self, then, data, destroy);

  /* Asked when the name would be written: a file that names its own
   * annotator keeps it, so asking then would say nothing about it */
  if (sm_document_get_annotator (self->document)[0] == '\0' &&
      sm_annotator_dialog_should_ask (self->settings))
    {
      AdwMessageDialog *dialog = sm_annotator_dialog_new (GTK_WINDOW (self), self->settings);
      AskAnnotator *ask = g_new0 (AskAnnotator, 1);

      ask->continuation = continuation;
      ask->save_as = save_as;
      g_signal_connect (dialog, "response", G_CALLBACK (on_annotator_response), ask);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  save_where (self, save_as, continuation);
}

static gboolean
run_continuation_once (gpointer user_data)
{
  continuation_run (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_ask_to_save_response (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  Continuation *continuation = user_data;
  SmWindow *self = continuation->self;

  /* One answer only: closing the dialog afterwards may answer "cancel" again */
  g_signal_handlers_disconnect_by_func (dialog, on_ask_to_save_response, user_data);

  if (g_strcmp0 (response, "save") == 0)
    {
      /* Continue only once the save has succeeded */
      _sm_window_save (self, FALSE, continuation->then,
                       g_steal_pointer (&continuation->data), continuation->destroy);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      /* After the dialog is gone: what follows may close the window under it */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_continuation_once, continuation,
                       (GDestroyNotify) continuation_free);
      return;
    }

  continuation_free (continuation);
}

/**
 * _sm_window_ask_to_save:
 * @then: what to do once the changes are saved or discarded; not called
 *   if the user cancels
 *
 * Asks Save / Discard / Cancel about the document's unsaved changes.
 */
void
_sm_window_ask_to_save (SmWindow             *self,
                        SmWindowContinuation  then,
                        gpointer              data,
                        GDestroyNotify        destroy)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  g_return_if_fail (SM_IS_WINDOW (self));

  heading = g_strdup_printf (_("Save Changes to “%s”?"), sm_document_get_name (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Your annotations will be lost if you don’t save them.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_to_save_response),
                    continuation_new (self, then, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _sm_window_show_error:
 *
 * Says what went wrong in a dialog over the window, and keeps the message
 * for tests to read.
 */
void
_sm_window_show_error (SmWindow   *self,
                       const char *title,
                       const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (SM_IS_WINDOW (self));

  g_free (self->last_error);
  self->last_error = g_strdup (message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sm_window_show_toast (SmWindow   *self,
                      const char *message)
{
  _sm_window_show_toast_full (self, message, NULL, NULL);
}

static void
on_toast_dismissed (SmWindow *self,
                    AdwToast *toast)
{
  if (self->toast == toast)
    self->toast = NULL;
}

/**
 * _sm_window_show_toast_full:
 * @button_label: (nullable): the toast's button, with a mnemonic
 * @action_name: (nullable): what the button does
 *
 * Shows @message in a toast. A message without a button takes the place
 * of the last one if that had none either, in the same toast; one with a
 * button comes after those before it, each in its toast, so that no
 * Undo goes unseen. libadwaita 1.2 (Debian 12) puts a toast of high
 * priority before the one showing and can then free the one it put off
 * while its animation still runs: the window crashed a frame later
 * (test-window, after a burst of four "Exported" toasts, about one run in
 * four).
 */
void
_sm_window_show_toast_full (SmWindow   *self,
                            const char *message,
                            const char *button_label,
                            const char *action_name)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->toast != NULL && button_label == NULL &&
      adw_toast_get_button_label (self->toast) == NULL)
    {
      adw_toast_set_title (self->toast, message);
      return;
    }

  self->toast = adw_toast_new (message);
  adw_toast_set_button_label (self->toast, button_label);
  adw_toast_set_action_name (self->toast, action_name);
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->toast);
}

static void
on_open_dialog_response (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  SmWindow *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    sm_window_open_file (self, file);

  g_object_unref (dialog);
  g_object_unref (self);
}

void
_sm_window_choose_file (SmWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open an Article or a Spanmark File"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (articles, _("Articles and Spanmark Files"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "application/json");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_dialog_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
update_recent_menu (SmWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint n = 0;

  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) &&
          !gtk_recent_info_has_application (info, g_get_prgname ()))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Files"), "win.no-recent");
      g_menu_append_item (menu, item);
    }

  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
}

static gboolean
on_drop (SmWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) &&
      (files = gdk_file_list_get_files (g_value_get_boxed (value))) != NULL)
    {
      sm_window_open_file (self, files->data);

      /* Further files each get a window of their own */
      for (GSList *l = files->next; l != NULL; l = l->next)
        {
          SmWindow *other = sm_window_new (SM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

          sm_window_open_file (other, l->data);
          gtk_window_present (GTK_WINDOW (other));
        }

      g_slist_free (files);
      return TRUE;
    }

  return FALSE;
}

static void
on_span_activated (SmWindow   *self,
                   SmSpan     *span,
                   SmSpanList *span_list)
{
  if (self->view == NULL)
    return;

  sm_annotation_view_reveal_span (self->view, span);

  /* The keyboard follows to the article, so that Shift and the arrows
   * resize the span at once. Only activation (Enter, a click) moves it:
   * Up and Down keep moving along the list. A list folded over the
   * article steps aside to show the span. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
close_after_asking (SmWindow *self,
                    gpointer  data)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sm_window_close_request (GtkWindow *window)
{
  SmWindow *self = SM_WINDOW (window);
  int width, height;

  if (!self->closing_confirmed && self->document != NULL &&
      sm_document_get_modified (self->document))
    {
      _sm_window_ask_to_save (self, close_after_asking, NULL, NULL);
      return TRUE;
    }

  /* Where the user leaves the document, to open it there next time */
  remember_place (self);

  /* Saved or deliberately discarded: no draft to offer next time */
  forget_draft (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (sm_window_parent_class)->close_request (window);
}

static void
sm_window_dispose (GObject *object)
{
  SmWindow *self = (SmWindow *)object;

  if (self->loading)
    g_cancellable_cancel (self->loading);
  stop_loading (self);
  g_clear_handle_id (&self->draft_timeout, g_source_remove);

  _sm_window_corpus_dispose (self);
  _sm_window_relations_dispose (self);
  _sm_window_suggestions_dispose (self);
  _sm_window_curation_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_WINDOW);

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->article);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_window_parent_class)->dispose (object);
}

static void
sm_window_finalize (GObject *object)
{
  SmWindow *self = (SmWindow *)object;

  g_clear_pointer (&self->draft_key, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->disk_etag, g_free);

  G_OBJECT_CLASS (sm_window_parent_class)->finalize (object);
}

static void
sm_window_class_init (SmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sm_window_dispose;
  object_class->finalize = sm_window_finalize;

  window_class->close_request = sm_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, documents_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, draft_banner);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, labels_banner);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, corpus_flap);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, corpus_sidebar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, corpus_separator);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, corpus_nav);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, span_list);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, snap_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, done_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_span_activated);

  _sm_window_class_actions_init (klass);
  _sm_window_corpus_class_init (klass);
  _sm_window_relations_class_init (klass);
  _sm_window_suggestions_class_init (klass);
  _sm_window_curation_class_init (klass);
}

static void
sm_window_init (SmWindow *self)
{
  GtkDropTarget *drop;


  g_type_ensure (SM_TYPE_BANNER);
  g_type_ensure (SM_TYPE_CORPUS_SIDEBAR);
  g_type_ensure (SM_TYPE_LABEL_PALETTE);
  g_type_ensure (SM_TYPE_SEARCH_BAR);
  g_type_ensure (SM_TYPE_SPAN_LIST);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::font", G_CALLBACK (update_font),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::snap-to-words", G_CALLBACK (update_whole_words),
                           self, G_CONNECT_SWAPPED);
  update_whole_words (self);

  _sm_window_actions_init (self);
  _sm_window_suggestions_init (self);
  _sm_window_actions_update (self);

  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (update_recent_menu),
                           self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

SmWindow *
sm_window_new (SmApplication *application)
{
  return g_object_new (SM_TYPE_WINDOW, "application", application, NULL);
}

/**
 * sm_window_is_empty:
 *
 * Returns: whether the window has no document and is not opening one
 */
gboolean
sm_window_is_empty (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->loading == NULL;
}

/**
 * sm_window_is_busy:
 *
 * Returns: whether a document is being opened or saved
 */
gboolean
sm_window_is_busy (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), FALSE);

  return self->loading != NULL || self->saving > 0;
}

SmDocument *
sm_window_get_document (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * sm_window_get_file:
 *
 * Returns: (nullable): the Spanmark file the document is saved in
 */
GFile *
sm_window_get_file (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->file;
}

SmAnnotationView *
sm_window_get_view (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->view;
}

SmSpanList *
sm_window_get_span_list (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->span_list;
}

static void
reload_after_asking (SmWindow *self,
                     gpointer  data)
{
  forget_draft (self);
  sm_banner_set_revealed (self->disk_banner, FALSE);
  _sm_window_start_loading (self, self->file);
}

/**
 * _sm_window_reload:
 *
 * Reads the document's file again, after asking about unsaved changes.
 */
void
_sm_window_reload (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->file == NULL)
    return;

  if (self->document != NULL && sm_document_get_modified (self->document))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Your Changes?"),
                                                           _("Reloading shows the file as the other program left it; your unsaved changes will be lost.")));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard and Reload"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_ask_to_save_response),
                        continuation_new (self, reload_after_asking, NULL, NULL));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    reload_after_asking (self, NULL);
}

void
_sm_window_keep_mine (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  /* Saving will still ask before replacing their version */
  sm_banner_set_revealed (self->disk_banner, FALSE);
}

/* Drafts left by a crash */

static void
show_next_draft (SmWindow *self)
{
  SmDraft *draft;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->offered_drafts == NULL || self->offered_drafts->len == 0)
    {
      sm_banner_set_revealed (self->draft_banner, FALSE);
      g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);
      _sm_window_actions_update (self);
      return;
    }

  draft = g_ptr_array_index (self->offered_drafts, 0);
  now = g_date_time_new_now_local ();
  when = sm_drafts_format_time (draft->saved, now);
  /* Translators: %s is a document's name, then when, as "today at 10:42" */
  message = g_strdup_printf (_("Unsaved changes to “%s” from %s were kept when Spanmark stopped unexpectedly."),
                             draft->name, when);
  sm_banner_set_title (self->draft_banner, message);
  sm_banner_set_revealed (self->draft_banner, TRUE);
  _sm_window_actions_update (self);
}

/**
 * sm_window_offer_drafts:
 *
 * Offers to restore drafts that a crash or a kill left behind.
 */
void
sm_window_offer_drafts (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);
  self->offered_drafts = sm_drafts_list ();
  show_next_draft (self);
}

static void
restore_after_asking (SmWindow *self,
                      gpointer  data)
{
  SmDraft *draft = g_ptr_array_index (self->offered_drafts, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;

  forget_draft (self);

  if ((document = sm_drafts_load (draft, &error)) == NULL)
    {
      _sm_window_show_error (self, _("Could Not Restore the Draft"), error->message);
      return;
    }

  set_document (self, document, draft->target, draft->article);
  /* The restored work is kept under its own draft from now on */
  g_ptr_array_remove_index (self->offered_drafts, 0);
  show_next_draft (self);
}

void
_sm_window_restore_draft (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->offered_drafts == NULL || self->offered_drafts->len == 0)
    return;

  if (self->document != NULL && sm_document_get_modified (self->document))
    _sm_window_ask_to_save (self, restore_after_asking, NULL, NULL);
  else
    restore_after_asking (self, NULL);
}

void
_sm_window_discard_draft (SmWindow *self)
{
  SmDraft *draft;

  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->offered_drafts == NULL || self->offered_drafts->len == 0)
    return;

  draft = g_ptr_array_index (self->offered_drafts, 0);
  sm_drafts_discard (draft->key);
  g_ptr_array_remove_index (self->offered_drafts, 0);
  show_next_draft (self);
}
