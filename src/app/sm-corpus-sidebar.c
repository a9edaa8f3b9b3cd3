/* sm-corpus-sidebar.c: the documents of a corpus, like a to-do list.
 *
 * The corpus folder is already a GListModel of entries, in its order, read
 * in the background; the sidebar filters it by status and name (only
 * while asked to), shows how much is done, and says when a document is
 * activated. Rows are recycled, so ten thousand documents cost what a
 * screenful does.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-corpus-row.h"
#include "sm-corpus-sidebar.h"

/* The status filter: ALL, or a SmDocumentStatus + 1 */
#define FILTER_ALL 0

struct _SmCorpusSidebar
{
  GtkWidget           parent_instance;

  SmCorpusFolder     *corpus;
  SmCorpusEntry      *current;
  char               *search;           /* casefolded, or NULL */
  int                 status_filter;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GtkLabel           *title;
  GtkProgressBar     *progress;
  GtkLabel           *progress_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (SmCorpusSidebar, sm_corpus_sidebar, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void select_current (SmCorpusSidebar *self);

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  SmCorpusSidebar *self = user_data;
  SmCorpusEntry *entry = item;

  if (self->status_filter != FILTER_ALL &&
      (!sm_corpus_entry_get_loaded (entry) ||
       (int) sm_corpus_entry_get_status (entry) != self->status_filter - 1))
    return FALSE;

  if (self->search != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (sm_corpus_entry_get_path (entry), -1);

      return strstr (folded, self->search) != NULL;
    }

  return TRUE;
}

static void
update_progress (SmCorpusSidebar *self)
{
  guint total, done, in_progress, pending;
  g_autofree char *text = NULL;

  if (self->corpus == NULL)
    return;

  total = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
  done = sm_corpus_folder_get_n_with_status (self->corpus, SM_DOCUMENT_STATUS_DONE);
  in_progress = sm_corpus_folder_get_n_with_status (self->corpus, SM_DOCUMENT_STATUS_IN_PROGRESS);
  pending = sm_corpus_folder_get_n_pending (self->corpus);

  gtk_progress_bar_set_fraction (self->progress, total ? (double) done / total : 0);

  if (pending > 0)
    /* Translators: while the corpus is read; %u documents, of %u */
    text = g_strdup_printf (_("%u of %u done · reading %u…"), done, total, pending);
  else
    /* Translators: %u documents done, of %u, and %u in progress */
    text = g_strdup_printf (_("%u of %u done · %u in progress"), done, total, in_progress);

  gtk_label_set_label (self->progress_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

/* Filters only while a status or a search is chosen, so that the whole
 * list, the common case, costs nothing to show however long it is */
static void
refilter (SmCorpusSidebar *self)
{
  gboolean filtering = self->status_filter != FILTER_ALL || self->search != NULL;
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  if (!filtering)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (filter == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_corpus_changed (SmCorpusSidebar *self)
{
  update_progress (self);

  /* A status changed: what the status filter shows may have too */
  if (self->status_filter != FILTER_ALL)
    refilter (self);
}

static void
on_search_changed (SmCorpusSidebar *self,
                   GtkSearchEntry  *entry)
{
  sm_corpus_sidebar_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_status_selected (SmCorpusSidebar *self)
{
  /* "All Documents" first, then New, In Progress, Done */
  sm_corpus_sidebar_set_status_filter (self, (int) gtk_drop_down_get_selected (self->status_dropdown) - 1);
}

static void
on_sort_selected (SmCorpusSidebar *self)
{
  if (self->corpus != NULL)
    sm_corpus_folder_set_sort (self->corpus, gtk_drop_down_get_selected (self->sort_dropdown));
}

static void
on_activate (SmCorpusSidebar *self,
             guint            position,
             GtkListView     *list_view)
{
  g_autoptr(SmCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entry != NULL)
    g_signal_emit (self, signals [ENTRY_ACTIVATED], 0, entry);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SmCorpusSidebar          *self)
{
  gtk_list_item_set_child (item, sm_corpus_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SmCorpusSidebar          *self)
{
  sm_corpus_row_set_entry (SM_CORPUS_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item),
                           self->corpus ? sm_corpus_folder_get_project (self->corpus) : NULL);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SmCorpusSidebar          *self)
{
  sm_corpus_row_set_entry (SM_CORPUS_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
sm_corpus_sidebar_dispose (GObject *object)
{
  SmCorpusSidebar *self = (SmCorpusSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_CORPUS_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->current);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sm_corpus_sidebar_parent_class)->dispose (object);
}

static void
sm_corpus_sidebar_class_init (SmCorpusSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_corpus_sidebar_dispose;

  /**
   * SmCorpusSidebar::entry-activated:
   * @entry: the document the user chose
   */
  signals [ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SM_TYPE_CORPUS_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-corpus-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, title);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, progress);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmCorpusSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "corpussidebar");
}

static void
sm_corpus_sidebar_init (SmCorpusSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  /* No filter until one is asked for: the corpus's own list passes through */
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* The current document stays selected as the list is filtered or sorted */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (select_current),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
sm_corpus_sidebar_new (void)
{
  return g_object_new (SM_TYPE_CORPUS_SIDEBAR, NULL);
}

void
sm_corpus_sidebar_set_corpus (SmCorpusSidebar *self,
                              SmCorpusFolder  *corpus)
{
  g_return_if_fail (SM_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (corpus == NULL || SM_IS_CORPUS_FOLDER (corpus));

  if (self->corpus == corpus)
    return;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_func (self->corpus, on_corpus_changed, self);

  g_set_object (&self->corpus, corpus);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (corpus));

  if (corpus != NULL)
    {
      g_autofree char *name = g_file_get_basename (sm_corpus_folder_get_folder (corpus));

      gtk_label_set_label (self->title, name);
      gtk_drop_down_set_selected (self->sort_dropdown, sm_corpus_folder_get_sort (corpus));
      g_signal_connect_object (corpus, "changed", G_CALLBACK (on_corpus_changed),
                               self, G_CONNECT_SWAPPED);
      update_progress (self);
    }
}

static void
select_current (SmCorpusSidebar *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);
  guint n = g_list_model_get_n_items (shown);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->current == NULL || selected == self->current)
    return;

  /* Unfiltered, the list is the corpus's order: no need to look */
  if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    sm_corpus_folder_get_position (self->corpus, self->current, &position);
  else
    for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
      {
        g_autoptr(SmCorpusEntry) item = g_list_model_get_item (shown, i);

        if (item == self->current)
          position = i;
      }

  if (position == GTK_INVALID_LIST_POSITION || position >= n)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * sm_corpus_sidebar_set_current:
 * @entry: (nullable): the document open in the window
 *
 * Selects @entry's row and scrolls to it, now or as soon as the filters
 * show it.
 */
void
sm_corpus_sidebar_set_current (SmCorpusSidebar *self,
                               SmCorpusEntry   *entry)
{
  g_return_if_fail (SM_IS_CORPUS_SIDEBAR (self));

  if (!g_set_object (&self->current, entry))
    return;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  select_current (self);
}

void
sm_corpus_sidebar_set_search (SmCorpusSidebar *self,
                              const char      *search)
{
  g_return_if_fail (SM_IS_CORPUS_SIDEBAR (self));

  g_clear_pointer (&self->search, g_free);
  if (search != NULL && search[0] != '\0')
    self->search = g_utf8_casefold (search, -1);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search ? search : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");

  refilter (self);
}

/**
 * sm_corpus_sidebar_set_status_filter:
 * @status: -1 for every document, or a #SmDocumentStatus
 */
void
sm_corpus_sidebar_set_status_filter (SmCorpusSidebar *self,
                                     int              status)
{
  int filter;

  g_return_if_fail (SM_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (status >= -1 && status <= SM_DOCUMENT_STATUS_DONE);

  filter = status < 0 ? FILTER_ALL : status + 1;
  if ((int) gtk_drop_down_get_selected (self->status_dropdown) != filter)
    gtk_drop_down_set_selected (self->status_dropdown, filter);

  if (self->status_filter == filter)
    return;

  self->status_filter = filter;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * sm_corpus_sidebar_get_shown:
 *
 * Returns: (transfer none): the entries the list shows, after filtering
 */
GListModel *
sm_corpus_sidebar_get_shown (SmCorpusSidebar *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
