/* sm-search-bar.c: finds text in the article, and tags every match.
 *
 * Matching is GtkSourceSearchContext's, on the view's buffer. Whole-word
 * matches are the ones that cut no word of the core's (sm-word.c), the
 * words that selections snap to; while they are asked for, the bar
 * highlights them itself, since the context would show the others too.
 * "Tag All Matches" offers the labels; win.tag-all asks this bar for the
 * matches and tags them as one undoable action.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-search-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-search-bar.h"
#include "sm-word.h"

struct _SmSearchBar
{
  GtkWidget               parent_instance;

  SmAnnotationView       *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext *context;

  GtkSearchBar           *search_bar;
  GtkSearchEntry         *entry;
  GtkLabel               *count;
  GtkMenuButton          *tag_all_button;

  GtkTextTag             *match_tag;    /* whole-word matches, in the view's buffer */
  guint                   whole_words : 1;
};

G_DEFINE_FINAL_TYPE (SmSearchBar, sm_search_bar, GTK_TYPE_WIDGET)

/* Whether a match of the context counts: with whole words, one that cuts
 * no word */
static gboolean
is_counted (SmSearchBar       *self,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  SmText *text;

  if (!self->whole_words)
    return TRUE;

  text = sm_document_get_text (sm_annotation_view_get_document (self->view));
  return sm_word_is_whole (text, gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end));
}

static void
update_highlight (SmSearchBar *self,
                  GArray      *matches)
{
  gboolean shown = gtk_search_bar_get_search_mode (self->search_bar);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->context == NULL)
    return;

  gtk_source_search_context_set_highlight (self->context, shown && !self->whole_words);

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  if (self->match_tag == NULL)
    {
      GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer));
      GtkSourceStyle *style = scheme ? gtk_source_style_scheme_get_style (scheme, "search-match") : NULL;

      self->match_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      if (style != NULL)
        gtk_source_style_apply (style, self->match_tag);
      else
        g_object_set (self->match_tag, "background", "yellow", NULL);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);

  if (!shown || !self->whole_words || matches == NULL)
    return;

  for (guint i = 0; i + 1 < matches->len; i += 2)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (matches, guint, i));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (matches, guint, i + 1));
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
    }
}

static void
update_count (SmSearchBar *self)
{
  int occurrences = self->context ? gtk_source_search_context_get_occurrences_count (self->context) : 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GArray) matches = NULL;
  g_autofree char *label = NULL;

  /* The context counts every match; with whole words, fewer count */
  if (occurrences > 0 && self->whole_words)
    {
      matches = sm_search_bar_get_matches (self);
      occurrences = (int) (matches->len / 2);
    }
  update_highlight (self, matches);

  /* -1 while the context is still counting */
  if (text[0] == '\0' || occurrences < 0)
    label = g_strdup ("");
  else if (occurrences == 0)
    label = g_strdup (_("No matches"));
  else
    label = g_strdup_printf (ngettext ("%d match", "%d matches", occurrences), occurrences);

  gtk_label_set_label (self->count, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_all_button), occurrences > 0);
}

static void
rebuild_tag_all_menu (SmSearchBar *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *labels;

  if (self->view != NULL)
    {
      labels = sm_document_get_labels (sm_annotation_view_get_document (self->view));
      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *text = NULL;

          /* Translators: %s is a label's name */
          text = g_strdup_printf (_("Tag All as %s"), sm_label_get_name (label));
          item = g_menu_item_new (text, NULL);
          g_menu_item_set_action_and_target_value (item, "win.tag-all",
                                                   g_variant_new_string (sm_label_get_id (label)));
          g_menu_append_item (menu, item);
        }
    }

  gtk_menu_button_set_menu_model (self->tag_all_button, G_MENU_MODEL (menu));
}

static void
move (SmSearchBar *self,
      gboolean     forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;
  gboolean found;
  int first = -1;

  if (self->context == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  /* Past the matches that do not count, until one does or the search
   * comes back to where it started */
  for (;;)
    {
      if (forward)
        found = gtk_source_search_context_forward (self->context, &end, &match_start, &match_end, &wrapped);
      else
        found = gtk_source_search_context_backward (self->context, &start, &match_start, &match_end, &wrapped);

      if (!found || is_counted (self, &match_start, &match_end))
        break;

      if (first == gtk_text_iter_get_offset (&match_start))
        {
          found = FALSE;
          break;
        }
      if (first < 0)
        first = gtk_text_iter_get_offset (&match_start);

      start = match_start;
      end = match_end;
    }

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                    gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
    }
}

static void
on_next (SmSearchBar *self)
{
  move (self, TRUE);
}

static void
on_previous (SmSearchBar *self)
{
  move (self, FALSE);
}

static void
on_search_changed (SmSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_source_search_settings_set_search_text (self->settings, text[0] ? text : NULL);
  update_count (self);
}

static void
on_stop_search (SmSearchBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->view)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_search_mode_changed (SmSearchBar *self)
{
  /* Matches are highlighted only while the bar is open */
  update_count (self);
}

static void
sm_search_bar_dispose (GObject *object)
{
  SmSearchBar *self = (SmSearchBar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SEARCH_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (sm_search_bar_parent_class)->dispose (object);
}

static void
sm_search_bar_class_init (SmSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_search_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, SmSearchBar, count);
  gtk_widget_class_bind_template_child (widget_class, SmSearchBar, tag_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_next);
  gtk_widget_class_bind_template_callback (widget_class, on_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sm_search_bar_init (SmSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_case_sensitive (self->settings, FALSE);
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  update_count (self);
}

GtkWidget *
sm_search_bar_new (void)
{
  return g_object_new (SM_TYPE_SEARCH_BAR, NULL);
}

void
sm_search_bar_set_view (SmSearchBar      *self,
                        SmAnnotationView *view)
{
  g_return_if_fail (SM_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || SM_IS_ANNOTATION_VIEW (view));

  if (self->view == view)
    return;

  /* The tag belongs to the old view's buffer */
  if (self->match_tag != NULL && self->context != NULL)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (
                                 GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context))),
                               self->match_tag);
  self->match_tag = NULL;
  g_clear_object (&self->context);
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

      self->context = gtk_source_search_context_new (buffer, self->settings);
      g_signal_connect_object (self->context, "notify::occurrences-count",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sm_document_get_labels (sm_annotation_view_get_document (view)),
                               "items-changed", G_CALLBACK (rebuild_tag_all_menu), self,
                               G_CONNECT_SWAPPED);
    }

  rebuild_tag_all_menu (self);
  update_count (self);
}

void
sm_search_bar_set_text (SmSearchBar *self,
                        const char  *text)
{
  g_return_if_fail (SM_IS_SEARCH_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  on_search_changed (self);
}

/**
 * sm_search_bar_set_whole_words:
 *
 * Matches only whole words ("Iran", not inside "Iranian" or "Iran’s";
 * "3.3%", not "3.3" inside it), as the window does while selections snap
 * to words: the words of sm-word.c.
 */
void
sm_search_bar_set_whole_words (SmSearchBar *self,
                               gboolean     whole_words)
{
  g_return_if_fail (SM_IS_SEARCH_BAR (self));

  whole_words = !!whole_words;
  if (self->whole_words == whole_words)
    return;

  self->whole_words = whole_words;
  update_count (self);
}

/**
 * sm_search_bar_begin:
 *
 * Opens the bar, searching for the selection if there is a short one.
 */
void
sm_search_bar_begin (SmSearchBar *self)
{
  guint start, end;

  g_return_if_fail (SM_IS_SEARCH_BAR (self));

  if (self->view != NULL && sm_annotation_view_get_selection (self->view, &start, &end) &&
      end - start < 100)
    {
      SmText *text = sm_document_get_text (sm_annotation_view_get_document (self->view));
      g_autofree char *selected = sm_text_dup_slice (text, start, end);

      if (strchr (selected, '\n') == NULL)
        sm_search_bar_set_text (self, selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/**
 * sm_search_bar_get_matches:
 *
 * Returns: (transfer full): the ranges of every match, pairs of guint
 *   code point offsets [start, end) in document order
 */
GArray *
sm_search_bar_get_matches (SmSearchBar *self)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkTextIter iter, match_start, match_end;
  GtkTextBuffer *buffer;
  gboolean wrapped = FALSE;

  g_return_val_if_fail (SM_IS_SEARCH_BAR (self), matches);

  if (self->context == NULL || gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return matches;

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  gtk_text_buffer_get_start_iter (buffer, &iter);

  while (gtk_source_search_context_forward (self->context, &iter, &match_start, &match_end, &wrapped) &&
         !wrapped)
    {
      guint start = gtk_text_iter_get_offset (&match_start);
      guint end = gtk_text_iter_get_offset (&match_end);

      if (end <= start)
        break;

      if (is_counted (self, &match_start, &match_end))
        {
          g_array_append_val (matches, start);
          g_array_append_val (matches, end);
        }
      iter = match_end;
    }

  return matches;
}
