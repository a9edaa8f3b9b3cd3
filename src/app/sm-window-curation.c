/* sm-window-curation.c: a curator decides, in the window, where versions disagree.
 *
 * The versions of one document (spanmark --curate A.json B.json, or Curate
 * Versions… on a corpus document) are read in turn and handed to an
 * SmCuration, whose new document already holds what they all agree on; a
 * file that a merge left with conflicts, or a curation saved unfinished,
 * is curated in place as it opens. A bar (SmCurationBar) steps through
 * the disagreements: one button per side takes it, Drop keeps none, Edited
 * by Hand keeps what the curator made of it. The curation makes each
 * decision an undoable edit of the document, so the window's Undo and
 * Redo take them back; the disagreement an undo reopens becomes the one
 * at hand again. The sides of the one at hand are drawn over the article
 * (sm_annotation_view_set_marks()), and moving the cursor into another,
 * by a click or the keys, makes that one current.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-curation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-format.h"
#include "sm-merge.h"
#include "sm-text.h"
#include "sm-window-private.h"

/* The disagreement at hand and its sides' spans, drawn over the article */
static void
draw_item (SmWindow *self)
{
  SmCurationItem *item = self->curation_item;
  GArray *marks;
  guint start, end;

  if (self->view == NULL)
    return;

  if (item == NULL)
    {
      sm_annotation_view_set_marks (self->view, 0, 0, NULL);
      return;
    }

  marks = sm_annotation_view_new_marks ();
  sm_curation_item_get_range (item, &start, &end);
  for (guint side = 0; side < sm_curation_item_get_n_sides (item); side++)
    {
      g_autofree char *who = sm_curation_bar_dup_side_text (item, side);

      for (guint i = 0; i < sm_curation_item_get_side_n_spans (item, side); i++)
        {
          SmViewMark mark = { 0 };
          const char *label = sm_curation_item_get_side_span (item, side, i, &mark.start, &mark.end);

          if (label == NULL)
            continue;
          mark.label = g_strdup (label);
          /* Translators: a tooltip over a side's span; %u is its number
           * (its key with Alt), %s says who tagged what */
          mark.tooltip = g_strdup_printf (_("Side %u (Alt+%u): %s"), side + 1, side + 1, who);
          g_array_append_val (marks, mark);
        }
    }

  sm_annotation_view_set_marks (self->view, start, end, marks);
}

static gboolean
is_current_at (SmWindow *self,
               guint     offset)
{
  return self->curation != NULL &&
         sm_curation_get_item_at (self->curation, offset) == self->curation_item;
}

static void
set_current (SmWindow       *self,
             SmCurationItem *item,
             gboolean        reveal)
{
  g_set_object (&self->curation_item, item);
  sm_curation_bar_set_item (self->curation_bar, item);
  draw_item (self);
  _sm_window_curation_update (self);

  if (item != NULL && reveal && self->view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
      GtkTextIter iter;
      guint start, end;

      /* A status or a label's definition is about no stretch of text */
      sm_curation_item_get_range (item, &start, &end);
      if (start == end)
        return;

      /* The cursor goes there too, unless another disagreement begins
       * there (a span's links after the span): it would pick that one */
      sm_annotation_view_fill_to (self->view, end);
      if (is_current_at (self, start))
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
          gtk_text_buffer_place_cursor (buffer, &iter);
        }
      sm_annotation_view_scroll_to_offset (self->view, start, 0.2, FALSE, 0.0);
    }
}

/* The next item after the one at hand, going round; only undecided
 * ones if @undecided: NULL when there is none */
static SmCurationItem *
find_item (SmWindow *self,
           gboolean  forward,
           gboolean  undecided)
{
  GListModel *items = sm_curation_get_items (self->curation);
  guint n = g_list_model_get_n_items (items);
  guint current = n;

  for (guint i = 0; self->curation_item != NULL && i < n; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (items, i);

      if (item == self->curation_item)
        current = i;
    }

  for (guint step = 1; step <= n; step++)
    {
      guint position;
      g_autoptr(SmCurationItem) item = NULL;

      if (current == n)
        position = forward ? step - 1 : n - step;
      else
        position = forward ? (current + step) % n : (current + n - step) % n;

      item = g_list_model_get_item (items, position);
      if (!undecided || sm_curation_item_get_state (item, NULL) == SM_CURATION_UNDECIDED)
        return g_steal_pointer (&item);
    }

  return NULL;
}

/* After a decision: on to the next undecided one, as after answering a
 * suggestion; the last stays at hand, for the bar to say all are done */
static void
go_on (SmWindow *self)
{
  g_autoptr(SmCurationItem) next = find_item (self, TRUE, TRUE);

  if (next != NULL)
    set_current (self, next, TRUE);
  else
    _sm_window_curation_update (self);
}

/* An undo reopened @item: it is the one to decide again */
static void
on_item_state (SmWindow       *self,
               GParamSpec     *pspec,
               SmCurationItem *item)
{
  if (sm_curation_item_get_state (item, NULL) == SM_CURATION_UNDECIDED && item != self->curation_item)
    set_current (self, item, TRUE);
  else
    _sm_window_curation_update (self);
}

static void
watch_items (SmWindow   *self,
             GListModel *items,
             guint       position,
             guint       n_added)
{
  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (items, i);

      g_signal_connect_object (item, "notify::state", G_CALLBACK (on_item_state), self, G_CONNECT_SWAPPED);
    }
}

static void
on_items_changed (SmWindow   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *items)
{
  watch_items (self, items, position, added);
}

/* A click, or the keys, moved the cursor into another disagreement */
static void
on_cursor_moved (SmWindow      *self,
                 GParamSpec    *pspec,
                 GtkTextBuffer *buffer)
{
  SmCurationItem *item;
  int offset;

  if (self->curation == NULL)
    return;

  g_object_get (buffer, "cursor-position", &offset, NULL);
  item = sm_curation_get_item_at (self->curation, offset);
  if (item != NULL && item != self->curation_item)
    set_current (self, item, FALSE);
}

/* Whether @document has a merge's conflicts to decide, so named: a
 * curation saved unfinished is of disagreements */
static gboolean
is_from_merge (SmDocument *document)
{
  JsonNode *conflicts = sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER);

  return conflicts != NULL && JSON_NODE_HOLDS_ARRAY (conflicts) &&
         json_array_get_length (json_node_get_array (conflicts)) > 0;
}

static void
end_curation (SmWindow *self)
{
  if (self->curation == NULL)
    return;

  g_signal_handlers_disconnect_by_func (sm_curation_get_items (self->curation), on_items_changed, self);
  for (guint i = 0; i < g_list_model_get_n_items (sm_curation_get_items (self->curation)); i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (sm_curation_get_items (self->curation), i);

      g_signal_handlers_disconnect_by_func (item, on_item_state, self);
    }

  g_clear_object (&self->curation_item);
  g_clear_object (&self->curation);
  g_clear_object (&self->curation_file);
  sm_curation_bar_set_curation (self->curation_bar, NULL, FALSE);
  gtk_revealer_set_reveal_child (self->curation_revealer, FALSE);
}

/* Versions of the corpus document shown: files of the same name in
 * other folders (ana/a.json, ben/a.json); their texts are compared when
 * they are read. Adds their files to @files (the one shown first), or
 * without @files only says whether there are two. */
static guint
find_corpus_versions (SmWindow  *self,
                      GPtrArray *files)
{
  GListModel *entries;
  g_autofree char *name = NULL;
  guint n_versions = 0;

  if (self->corpus == NULL || self->entry == NULL || !sm_corpus_entry_get_has_annotations (self->entry))
    return 0;

  if (files != NULL)
    g_ptr_array_add (files, g_object_ref (sm_corpus_entry_get_annotation_file (self->entry)));

  entries = G_LIST_MODEL (self->corpus);
  name = g_file_get_basename (sm_corpus_entry_get_annotation_file (self->entry));
  for (guint i = 0; i < g_list_model_get_n_items (entries) && (files != NULL || n_versions < 1); i++)
    {
      g_autoptr(SmCorpusEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *other = NULL;

      if (entry == self->entry || !sm_corpus_entry_get_has_annotations (entry))
        continue;
      other = g_file_get_basename (sm_corpus_entry_get_annotation_file (entry));
      if (!g_str_equal (name, other))
        continue;

      n_versions++;
      if (files != NULL)
        g_ptr_array_add (files, g_object_ref (sm_corpus_entry_get_annotation_file (entry)));
    }

  return n_versions + 1;
}

/**
 * _sm_window_curation_document_set:
 *
 * Follows the document just shown: goes on curating it if it is the
 * curation's, curates it in place if its file asks for it (a merge's
 * conflicts, a curation saved unfinished), and stops curating otherwise.
 */
void
_sm_window_curation_document_set (SmWindow *self)
{
  g_autoptr(SmCurationItem) first = NULL;
  GListModel *items;

  /* Counted once as the document is shown, not at every edit */
  self->n_corpus_versions = find_corpus_versions (self, NULL);

  if (self->curation != NULL && sm_curation_get_document (self->curation) != self->document)
    end_curation (self);

  if (self->curation == NULL && self->document != NULL && sm_curation_has_record (self->document))
    {
      g_autoptr(GError) error = NULL;

      self->curation_from_merge = is_from_merge (self->document);
      self->curation = sm_curation_new_for_document (self->document, &error);
      if (self->curation == NULL)
        {
          /* The file is shown as it is: nothing in it is lost */
          sm_window_show_toast (self, error->message);
          _sm_window_curation_update (self);
          return;
        }
    }

  if (self->curation == NULL)
    {
      _sm_window_curation_update (self);
      return;
    }

  /* Suggestions would be one more thing drawn over the sides to decide */
  _sm_window_suggestions_set_on (self, FALSE);

  items = sm_curation_get_items (self->curation);
  watch_items (self, items, 0, g_list_model_get_n_items (items));
  g_signal_connect_object (items, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);

  sm_curation_bar_set_curation (self->curation_bar, self->curation, self->curation_from_merge);
  gtk_revealer_set_reveal_child (self->curation_revealer, TRUE);

  if (self->curation_from_merge)
    {
      guint n = g_list_model_get_n_items (items);
      g_autofree char *message = NULL;

      /* Translators: a toast as a merged file opens */
      message = g_strdup_printf (ngettext ("%u conflict from a merge to decide", "%u conflicts from a merge to decide", n), n);
      sm_window_show_toast (self, message);
    }

  first = find_item (self, TRUE, TRUE);
  if (first == NULL)
    first = g_list_model_get_item (items, 0);
  set_current (self, first, TRUE);
}

/**
 * _sm_window_curation_update:
 *
 * Enables the curation's actions for what is at hand.
 */
void
_sm_window_curation_update (SmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean curating = self->curation != NULL &&
                      g_list_model_get_n_items (sm_curation_get_items (self->curation)) > 0;
  gboolean current = curating && self->curation_item != NULL;

  gtk_widget_action_set_enabled (widget, "win.next-disagreement", curating);
  gtk_widget_action_set_enabled (widget, "win.previous-disagreement", curating);
  gtk_widget_action_set_enabled (widget, "win.take-side", current);
  gtk_widget_action_set_enabled (widget, "win.drop-disagreement", current);
  gtk_widget_action_set_enabled (widget, "win.mark-edited", current);
  gtk_widget_action_set_enabled (widget, "win.take-majority", curating);
  gtk_widget_action_set_enabled (widget, "win.take-annotator", curating);

  gtk_widget_action_set_enabled (widget, "win.curate-versions",
                                 self->curation == NULL && self->n_corpus_versions >= 2);
}

/* Reading the versions, one after the other */

typedef struct
{
  SmWindow  *self;
  GPtrArray *files;
  GPtrArray *versions;
  guint      next;
  /* Versions of another text are left out, not refused: the corpus's
   * files of one name may annotate different articles */
  char      *sha256;
} Gather;

static void
gather_free (Gather *gather)
{
  g_clear_object (&gather->self);
  g_clear_pointer (&gather->files, g_ptr_array_unref);
  g_clear_pointer (&gather->versions, g_ptr_array_unref);
  g_clear_pointer (&gather->sha256, g_free);
  g_free (gather);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gather, gather_free)

/* NAME-curated.json beside the first version */
static GFile *
curated_file_for (GFile *version)
{
  g_autofree char *name = g_file_get_basename (version);
  g_autoptr(GFile) parent = g_file_get_parent (version);
  g_autofree char *curated = NULL;
  char *dot = strrchr (name, '.');

  if (parent == NULL)
    return NULL;
  if (dot != NULL && dot != name)
    *dot = '\0';
  /* Translators: the file name proposed for a curated document; %s is
   * the first version's, without ".json" */
  curated = g_strdup_printf (_("%s-curated.json"), name);

  return g_file_get_child (parent, curated);
}

static void
show_curation (SmWindow   *self,
               SmCuration *curation,
               GFile      *first)
{
  g_set_object (&self->curation, curation);
  self->curation_from_merge = FALSE;
  g_clear_object (&self->curation_file);
  self->curation_file = curated_file_for (first);
  /* Unsaved work from the start: closing asks to save it */
  sm_document_set_modified (sm_curation_get_document (curation), TRUE);
  _sm_window_show_unsaved (self, sm_curation_get_document (curation));
}

static void gather_next (Gather *gather);

static void
refuse_one_file (SmWindow  *self,
                 GPtrArray *files)
{
  g_autofree char *name = files->len > 0 ? g_file_get_basename (g_ptr_array_index (files, 0)) : NULL;
  g_autofree char *message = NULL;

  if (name != NULL)
    /* Translators: %s is the one file given */
    message = g_strdup_printf (_("Only “%s” was given. Curating compares the versions of one document: give two files or more, such as ana/a.json and ben/a.json."),
                               name);
  else
    message = g_strdup (_("No file was given. Curating compares the versions of one document: give two files or more, such as ana/a.json and ben/a.json."));

  _sm_window_show_error (self, _("Could Not Curate These Versions"), message);
}

static gboolean
gather_first (gpointer data)
{
  gather_next (data);
  return G_SOURCE_REMOVE;
}

static void
on_version_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Gather) gather = user_data;
  SmWindow *self = gather->self;
  GFile *file = g_ptr_array_index (gather->files, gather->next);
  g_autoptr(SmDocument) version = NULL;
  g_autoptr(GError) error = NULL;

  version = sm_document_new_from_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (version == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      g_clear_object (&self->curation_loading);
      _sm_window_show_error (self, title, error->message);
      return;
    }

  if (gather->sha256 == NULL ||
      g_strcmp0 (sm_text_get_sha256 (sm_document_get_text (version)), gather->sha256) == 0)
    g_ptr_array_add (gather->versions, g_steal_pointer (&version));

  gather->next++;
  gather_next (g_steal_pointer (&gather));
}

static void
gather_next (Gather *gather)
{
  SmWindow *self = gather->self;
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *curator = NULL;
  gint64 begin;

  if (gather->next < gather->files->len)
    {
      sm_document_new_from_file_async (g_ptr_array_index (gather->files, gather->next),
                                       self->curation_loading, on_version_loaded, gather);
      return;
    }

  g_clear_object (&self->curation_loading);

  if (gather->files->len < 2)
    {
      refuse_one_file (self, gather->files);
      gather_free (gather);
      return;
    }

  curator = g_settings_get_string (self->settings, "annotator");
  begin = g_get_monotonic_time ();
  curation = sm_curation_new (gather->versions, curator, &error);
  g_debug ("Comparing %u versions took %.1f ms on the main thread",
           gather->versions->len, (g_get_monotonic_time () - begin) / 1000.0);
  if (curation == NULL)
    {
      _sm_window_show_error (self, _("Could Not Curate These Versions"), error->message);
      gather_free (gather);
      return;
    }

  show_curation (self, curation, g_ptr_array_index (gather->files, 0));
  gather_free (gather);
}

static void
curate (SmWindow   *self,
        GPtrArray  *files,
        const char *sha256)
{
  Gather *gather;

  /* Unsaved work stays where it is: the curation goes to a window of its own */
  if (self->document != NULL && sm_document_get_modified (self->document))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self = sm_window_new (SM_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (self));
    }

  if (self->curation_loading != NULL)
    g_cancellable_cancel (self->curation_loading);
  g_clear_object (&self->curation_loading);
  self->curation_loading = g_cancellable_new ();

  gather = g_new0 (Gather, 1);
  gather->self = g_object_ref (self);
  gather->files = g_ptr_array_ref (files);
  gather->versions = g_ptr_array_new_with_free_func (g_object_unref);
  gather->sha256 = g_strdup (sha256);
  /* Once the window is on the screen: a message about the files goes
   * over it, not under it */
  g_idle_add (gather_first, gather);
}

/**
 * sm_window_curate_files:
 * @files: (element-type GFile): the versions of one document, two or more
 *
 * Reads @files and curates them: what they all agree on is in a new
 * document shown here, and the bar steps through where they disagree.
 * Errors (a file that cannot be read, versions of different texts, only
 * one version) are shown in the window, which keeps what it had.
 */
void
sm_window_curate_files (SmWindow  *self,
                        GPtrArray *files)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  curate (self, files, NULL);
}

/**
 * sm_window_get_curation:
 *
 * Returns: (transfer none) (nullable): what is being curated in the window
 */
SmCuration *
sm_window_get_curation (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->curation;
}

/**
 * sm_window_get_curation_bar:
 *
 * Returns: (transfer none): the bar that steps through the disagreements
 */
SmCurationBar *
sm_window_get_curation_bar (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->curation_bar;
}

/* Actions */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(SmCurationItem) item = NULL;

  if (self->curation == NULL)
    return;

  item = find_item (self, g_str_equal (action_name, "win.next-disagreement"), FALSE);
  if (item != NULL)
    set_current (self, item, TRUE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* @parameter: the side's number, from 1 as the keys and buttons say it */
static void
take_side_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  guint side = g_variant_get_uint32 (parameter);
  g_autoptr(SmCurationItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (self->curation == NULL || self->curation_item == NULL)
    return;

  item = g_object_ref (self->curation_item);
  if (side == 0 || side > sm_curation_item_get_n_sides (item))
    {
      g_autofree char *message = NULL;
      guint n = sm_curation_item_get_n_sides (item);

      gtk_widget_error_bell (widget);
      /* Translators: a toast after Alt and a digit with no such side */
      message = g_strdup_printf (ngettext ("This disagreement has %u side", "This disagreement has %u sides", n), n);
      sm_window_show_toast (self, message);
      return;
    }

  if (!sm_curation_take_side (self->curation, item, side - 1, &error))
    {
      gtk_widget_error_bell (widget);
      sm_window_show_toast (self, error->message);
      return;
    }

  go_on (self);
}

static void
drop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(SmCurationItem) item = NULL;

  if (self->curation == NULL || self->curation_item == NULL)
    return;

  item = g_object_ref (self->curation_item);
  if (g_str_equal (action_name, "win.drop-disagreement"))
    sm_curation_drop (self->curation, item);
  else
    sm_curation_mark_edited (self->curation, item);

  go_on (self);
}

/* @parameter: for win.take-annotator, whose sides */
static void
take_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autofree char *message = NULL;
  guint n;

  if (self->curation == NULL)
    return;

  if (parameter != NULL)
    n = sm_curation_take_annotator (self->curation, g_variant_get_string (parameter, NULL));
  else
    n = sm_curation_take_majority (self->curation);

  if (n == 0 && parameter == NULL)
    /* Translators: a toast; with two versions there is never a majority */
    message = g_strdup (_("No disagreement has a side that most versions took"));
  else
    /* Translators: a toast after taking the majority's or one annotator's sides */
    message = g_strdup_printf (ngettext ("%u disagreement decided", "%u disagreements decided", n), n);
  sm_window_show_toast (self, message);

  go_on (self);
}

static void
curate_versions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  SmWindow *window;

  if (self->corpus == NULL || self->entry == NULL || self->document == NULL)
    return;

  /* The document shown first: its name and folder are the curation's */
  find_corpus_versions (self, files);

  /* In a window of its own: this one stays in the corpus, where it was.
   * The versions are read from their files, as saved */
  window = sm_window_new (SM_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  curate (window, files, sm_text_get_sha256 (sm_document_get_text (self->document)));
}

void
_sm_window_curation_dispose (SmWindow *self)
{
  if (self->curation_loading != NULL)
    g_cancellable_cancel (self->curation_loading);
  g_clear_object (&self->curation_loading);
  g_clear_object (&self->curation_item);
  g_clear_object (&self->curation);
  g_clear_object (&self->curation_file);
}

void
_sm_window_curation_class_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SM_TYPE_CURATION_BAR);

  gtk_widget_class_bind_template_child (widget_class, SmWindow, curation_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, curation_bar);

  gtk_widget_class_install_action (widget_class, "win.next-disagreement", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-disagreement", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.take-side", "u", take_side_action);
  gtk_widget_class_install_action (widget_class, "win.drop-disagreement", NULL, drop_action);
  gtk_widget_class_install_action (widget_class, "win.mark-edited", NULL, drop_action);
  gtk_widget_class_install_action (widget_class, "win.take-majority", NULL, take_all_action);
  gtk_widget_class_install_action (widget_class, "win.take-annotator", "s", take_all_action);
  gtk_widget_class_install_action (widget_class, "win.curate-versions", NULL, curate_versions_action);
}
