/* sm-search-bar.c: finds text in the article, and tags every match.
 *
 * The matches are found in a worker thread over the document's text
 * (sm_document_find_matches_async()), as GNOME Text Editor counts in the
 * background: typing a letter cancels the search of the text before, and
 * the window never waits on a search of a long article. Once found, only
 * the matches on screen, and a screen above and below, are highlighted,
 * again as the view scrolls. Whole-word matches are the ones that cut no
 * word of the core's (sm-word.c), the words that selections snap to.
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

struct _SmSearchBar
{
  GtkWidget               parent_instance;

  SmAnnotationView       *view;
  GtkAdjustment          *vadjustment;  /* the view's, followed to highlight what shows */

  GtkSearchBar           *search_bar;
  GtkSearchEntry         *entry;
  GtkLabel               *count;
  GtkMenuButton          *tag_all_button;

  GtkTextTag             *match_tag;    /* in the view's buffer */
  GCancellable           *cancellable;  /* the search under way */
  char                   *searched;     /* what @matches are of */
  GArray                 *matches;      /* guint pairs; NULL while searching */
  /* the matches highlighted: indices in @matches, pairs [first, last) */
  guint                   highlight_first;
  guint                   highlight_last;
  /* a move asked for while searching: +1 next, -1 previous */
  int                     pending_move;
  guint                   whole_words : 1;
};

G_DEFINE_FINAL_TYPE (SmSearchBar, sm_search_bar, GTK_TYPE_WIDGET)

static GtkTextBuffer *
get_buffer (SmSearchBar *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

static guint
n_matches (SmSearchBar *self)
{
  return self->matches ? self->matches->len / 2 : 0;
}

static void
match_bounds (SmSearchBar *self,
              guint        index,
              GtkTextIter *start,
              GtkTextIter *end)
{
  GtkTextBuffer *buffer = get_buffer (self);

  gtk_text_buffer_get_iter_at_offset (buffer, start, g_array_index (self->matches, guint, 2 * index));
  gtk_text_buffer_get_iter_at_offset (buffer, end, g_array_index (self->matches, guint, 2 * index + 1));
}

/* The first match that ends after @offset */
static guint
first_match_ending_after (SmSearchBar *self,
                          guint        offset)
{
  guint low = 0, high = n_matches (self);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->matches, guint, 2 * middle + 1) <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
unhighlight (SmSearchBar *self,
             guint        first,
             guint        last)
{
  GtkTextIter start, end;

  for (guint i = first; i < last; i++)
    {
      match_bounds (self, i, &start, &end);
      gtk_text_buffer_remove_tag (get_buffer (self), self->match_tag, &start, &end);
    }
}

static void
highlight (SmSearchBar *self,
           guint        first,
           guint        last)
{
  GtkTextIter start, end;

  for (guint i = first; i < last; i++)
    {
      match_bounds (self, i, &start, &end);
      gtk_text_buffer_apply_tag (get_buffer (self), self->match_tag, &start, &end);
    }
}

static void
clear_highlight (SmSearchBar *self)
{
  if (self->matches != NULL && self->match_tag != NULL)
    unhighlight (self, self->highlight_first, self->highlight_last);
  self->highlight_first = self->highlight_last = 0;
}

/* Highlights the matches on screen and a screen above and below it, and
 * no others, changing only the ones that come or go */
static void
update_highlight (SmSearchBar *self)
{
  gboolean open = gtk_search_bar_get_search_mode (self->search_bar);
  GdkRectangle visible;
  GtkTextIter iter;
  guint screen, shown, top, bottom;
  guint first, last;

  if (self->view == NULL || self->matches == NULL || !open)
    {
      clear_highlight (self);
      return;
    }

  if (self->match_tag == NULL)
    {
      GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (get_buffer (self));
      GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (buffer);
      GtkSourceStyle *style = scheme ? gtk_source_style_scheme_get_style (scheme, "search-match") : NULL;

      self->match_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), NULL, NULL);
      if (style != NULL)
        gtk_source_style_apply (style, self->match_tag);
      else
        g_object_set (self->match_tag, "background", "yellow", NULL);
    }

  /* Lines not laid out yet take no room: no more than a screen of
   * characters of at least 4 by 8 pixels above the top line on screen,
   * and two below it, whatever the view says. Measured from the top line,
   * not from a screen above it: those lines may be estimated, a screen of
   * them much of the article, and the cap would leave out what shows. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  screen = (guint) MAX (visible.width / 4, 1) * (guint) MAX (visible.height / 8, 1);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, 0, MAX (0, visible.y));
  shown = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter,
                                      0, MAX (0, visible.y - visible.height));
  top = MAX ((guint) gtk_text_iter_get_offset (&iter), shown - MIN (shown, screen));
  first = first_match_ending_after (self, top);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter,
                                      visible.x + visible.width, visible.y + 2 * visible.height);
  gtk_text_iter_forward_line (&iter);
  bottom = MIN ((guint) gtk_text_iter_get_offset (&iter), shown + 2 * screen);
  last = first_match_ending_after (self, bottom);

  if (last <= self->highlight_first || first >= self->highlight_last)
    {
      clear_highlight (self);
      highlight (self, first, last);
    }
  else
    {
      unhighlight (self, self->highlight_first, first);
      unhighlight (self, last, self->highlight_last);
      highlight (self, first, self->highlight_first);
      highlight (self, self->highlight_last, last);
    }

  self->highlight_first = first;
  self->highlight_last = MAX (first, last);
}

static void
update_count (SmSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint n = n_matches (self);
  g_autofree char *label = NULL;

  /* Nothing while the search is under way */
  if (text[0] == '\0' || self->matches == NULL)
    label = g_strdup ("");
  else if (n == 0)
    label = g_strdup (_("No matches"));
  else
    label = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);

  gtk_label_set_label (self->count, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_all_button), n > 0);
}

static void move (SmSearchBar *self,
                  gboolean     forward);

static void
on_found (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SmSearchBar) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *matches = sm_document_find_matches_finish (SM_DOCUMENT (object), result, &error);
  int pending_move;

  /* Cancelled: a newer search, or another document, took its place */
  if (matches == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->matches = matches;
  update_count (self);
  update_highlight (self);

  pending_move = self->pending_move;
  self->pending_move = 0;
  if (pending_move != 0)
    move (self, pending_move > 0);
}

/* Searches the entry's text anew, dropping the search before */
static void
search (SmSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_highlight (self);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->searched, g_free);
  self->pending_move = 0;

  if (self->view != NULL && text[0] != '\0')
    {
      self->searched = g_strdup (text);
      self->cancellable = g_cancellable_new ();
      sm_document_find_matches_async (sm_annotation_view_get_document (self->view), text,
                                      self->whole_words, self->cancellable, on_found,
                                      g_object_ref (self));
    }
  else
    self->matches = g_array_new (FALSE, FALSE, sizeof (guint));

  update_count (self);
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
  GtkTextIter start, end;
  guint n = n_matches (self);
  guint index;

  if (self->view == NULL)
    return;

  /* Still searching: moved once the matches are known */
  if (self->matches == NULL)
    {
      self->pending_move = forward ? 1 : -1;
      return;
    }
  if (n == 0)
    return;

  buffer = get_buffer (self);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  /* The next match from the selection's end, or the one before its
   * start, going round at either end */
  if (forward)
    {
      guint from = gtk_text_iter_get_offset (&end);

      index = first_match_ending_after (self, from);
      while (index < n && g_array_index (self->matches, guint, 2 * index) < from)
        index++;
      if (index == n)
        index = 0;
    }
  else
    {
      index = first_match_ending_after (self, gtk_text_iter_get_offset (&start));
      index = index > 0 ? index - 1 : n - 1;
    }

  sm_annotation_view_fill_to (self->view, g_array_index (self->matches, guint, 2 * index + 1));
  match_bounds (self, index, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  sm_annotation_view_scroll_to_offset (self->view, gtk_text_iter_get_offset (&start), 0.2, FALSE, 0.0);
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
  search (self);
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
  update_highlight (self);
}

static void
sm_search_bar_dispose (GObject *object)
{
  SmSearchBar *self = (SmSearchBar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SEARCH_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->searched, g_free);
  g_clear_object (&self->vadjustment);
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

static void
on_vadjustment_changed (SmSearchBar *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      g_signal_connect_object (vadjustment, "value-changed",
                               G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vadjustment, "changed",
                               G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
    }
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
  if (self->view != NULL)
    {
      clear_highlight (self);
      if (self->match_tag != NULL)
        gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (get_buffer (self)), self->match_tag);
      g_signal_handlers_disconnect_by_data (self->view, self);
      if (self->vadjustment != NULL)
        g_signal_handlers_disconnect_by_data (self->vadjustment, self);
      g_clear_object (&self->vadjustment);
    }
  self->match_tag = NULL;
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      g_signal_connect_object (view, "notify::vadjustment",
                               G_CALLBACK (on_vadjustment_changed), self, G_CONNECT_SWAPPED);
      on_vadjustment_changed (self);
      g_signal_connect_object (sm_document_get_labels (sm_annotation_view_get_document (view)),
                               "items-changed", G_CALLBACK (rebuild_tag_all_menu), self,
                               G_CONNECT_SWAPPED);
    }

  rebuild_tag_all_menu (self);
  search (self);
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
  search (self);
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
 * The matches of the search, at once: if the worker has not found them
 * yet, they are found here and now.
 *
 * Returns: (transfer full): the ranges of every match, pairs of guint
 *   code point offsets [start, end) in document order
 */
GArray *
sm_search_bar_get_matches (SmSearchBar *self)
{
  const char *text;

  g_return_val_if_fail (SM_IS_SEARCH_BAR (self), g_array_new (FALSE, FALSE, sizeof (guint)));

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (self->matches != NULL && g_strcmp0 (self->searched, text) == 0)
    return g_array_copy (self->matches);

  if (self->view == NULL || text[0] == '\0')
    return g_array_new (FALSE, FALSE, sizeof (guint));

  return sm_document_find_matches (sm_annotation_view_get_document (self->view), text,
                                   self->whole_words, NULL);
}
