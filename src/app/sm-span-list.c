/* sm-span-list.c: every span of the document, filtered by label and searched.
 *
 * The document's spans are already a GListModel in document order; the
 * list filters them by the labels switched on and by the search text (found
 * in a span's text, its note or its speaker's name), and shows the count of
 * each label on its filter button. Activating a row
 * asks the window to reveal the span; Delete removes the selected one.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sm-label-swatch.h"
#include "sm-search.h"
#include "sm-span-list.h"
#include "sm-span-row.h"

struct _SmSpanList
{
  GtkWidget           parent_instance;

  SmDocument         *document;
  GHashTable         *hidden_labels;   /* label ids switched off */
  char               *search_text;     /* as typed, or NULL */
  gunichar           *search;          /* folded (sm-search.h), or NULL */
  guint               n_search;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkFlowBox         *label_filters;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (SmSpanList, sm_span_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  SPAN_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
matches_search (SmSpanList *self,
                const char *text)
{
  return sm_search_is_in (self->search, self->n_search, text);
}

/* A span is found by its text, its note, or the name of who said it */
static gboolean
filter_span (gpointer item,
             gpointer user_data)
{
  SmSpanList *self = user_data;
  SmSpan *span = item;
  SmSpan *speaker;

  if (g_hash_table_contains (self->hidden_labels, sm_span_get_label (span)))
    return FALSE;

  if (self->search == NULL)
    return TRUE;

  if (matches_search (self, sm_span_get_text (span)) ||
      matches_search (self, sm_span_get_note (span)))
    return TRUE;

  speaker = sm_document_get_speaker (self->document, span);
  return speaker != NULL && matches_search (self, sm_span_get_text (speaker));
}

/* With no label switched off and no search, every span shows: then the
 * list has no filter at all and passes the document's spans through, so
 * that showing a document of 100,000 spans tests none of them (it took a
 * fifth of a second of the main thread on switching documents) */
static void
refilter (SmSpanList      *self,
          GtkFilterChange  change)
{
  gboolean filtering = self->search != NULL || g_hash_table_size (self->hidden_labels) > 0;

  if (!filtering)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/* Where the list shows @span, if it does: the list keeps the document's
 * order (sm_span_compare()), so a binary search finds it */
static gboolean
find_shown (SmSpanList *self,
            SmSpan     *span,
            guint      *position)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint low = 0;
  guint high = g_list_model_get_n_items (shown);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(SmSpan) item = g_list_model_get_item (shown, middle);
      gint cmp = item == span ? 0 : sm_span_compare (item, span);

      if (cmp == 0)
        {
          *position = middle;
          return item == span;
        }

      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/* A filter the user changed: the list shows its new rows from the top.
 * GTK 4.8's list view looks for the rows it tracks (the one at the top,
 * the focused one) among every row a change adds when one of them went:
 * the first letter typed into the search of 106,000 spans spent 20 of the
 * 45 samples of a 112 ms iteration there (perf, bench/window's
 * spanmark-bench-search). Without its model while the filter changes, the
 * list view has nothing to look for, and starts again at the top. GTK's
 * single selection looks for its row among them too, one by one. */
static void
refilter_from_top (SmSpanList      *self,
                   GtkFilterChange  change)
{
  SmSpan *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(SmSpan) kept = selected ? g_object_ref (selected) : NULL;
  guint position;

  /* The selection looks for its row the same way: it is put back after */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, NULL);
  refilter (self, change);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  if (kept != NULL && find_shown (self, kept, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
update_page (SmSpanList *self)
{
  const char *page;

  if (self->document == NULL || sm_document_get_n_spans (self->document) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  else
    page = "spans";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
on_filter_toggled (SmSpanList      *self,
                   GtkToggleButton *button)
{
  const char *label = g_object_get_data (G_OBJECT (button), "label-id");

  sm_span_list_set_label_shown (self, label, gtk_toggle_button_get_active (button));
}

/* Shows @label's name and @count on its filter @button */
static void
set_filter_count (GtkWidget *button,
                  SmLabel   *label,
                  guint      count)
{
  GtkWidget *name = g_object_get_data (G_OBJECT (button), "name");
  g_autofree char *text = g_strdup_printf ("%s %u", sm_label_get_name (label), count);
  g_autofree char *description = NULL;

  gtk_label_set_label (GTK_LABEL (name), text);

  /* Translators: a filter button; %s is a label's name, %u its number of spans */
  description = g_strdup_printf (_("Show %s spans (%u)"), sm_label_get_name (label), count);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/* The filter buttons, if they are still one for each of @labels in order */
static gboolean
filters_match_labels (SmSpanList *self,
                      GListModel *labels)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->label_filters));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      GtkWidget *button;

      if (child == NULL)
        return FALSE;

      button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "label-id"), sm_label_get_id (label)) != 0 ||
          sm_label_swatch_get_label (g_object_get_data (G_OBJECT (button), "swatch")) != label)
        return FALSE;

      child = gtk_widget_get_next_sibling (child);
    }

  return child == NULL;
}

/* One toggle per label, "● Speaker 12", that shows or hides its spans.
 * While the labels stay the same only the counts change, so a button with
 * the keyboard focus keeps it. */
static void
update_label_filters (SmSpanList *self)
{
  GListModel *labels = self->document ? sm_document_get_labels (self->document) : NULL;
  GtkWidget *child;

  if (labels != NULL && filters_match_labels (self, labels))
    {
      child = gtk_widget_get_first_child (GTK_WIDGET (self->label_filters));
      for (guint i = 0; child != NULL; i++, child = gtk_widget_get_next_sibling (child))
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

          set_filter_count (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)), label,
                            sm_document_count_spans_with_label (self->document, sm_label_get_id (label)));
        }
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->label_filters))))
    gtk_flow_box_remove (self->label_filters, child);

  if (labels == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      const char *id = sm_label_get_id (label);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = sm_label_swatch_new (label);
      GtkWidget *name = gtk_label_new (NULL);

      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), name);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    !g_hash_table_contains (self->hidden_labels, id));
      gtk_widget_add_css_class (button, "label-filter");

      g_object_set_data_full (G_OBJECT (button), "label-id", g_strdup (id), g_free);
      g_object_set_data (G_OBJECT (button), "swatch", swatch);
      g_object_set_data (G_OBJECT (button), "name", name);
      set_filter_count (button, label, sm_document_count_spans_with_label (self->document, id));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_filter_toggled), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->label_filters, button);
    }
}

static void
on_document_changed (SmSpanList *self)
{
  update_label_filters (self);
  /* A note or a speaker changed may make a span match the search, or not */
  if (self->search != NULL)
    refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SmSpanList               *self)
{
  gtk_list_item_set_child (item, sm_span_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SmSpanList               *self)
{
  sm_span_row_bind (SM_SPAN_ROW (gtk_list_item_get_child (item)),
                    self->document, gtk_list_item_get_item (item));
}

static void
on_search_changed (SmSpanList     *self,
                   GtkSearchEntry *entry)
{
  sm_span_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_activate (SmSpanList  *self,
             guint        position,
             GtkListView *list_view)
{
  g_autoptr(SmSpan) span = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (span != NULL)
    g_signal_emit (self, signals [SPAN_ACTIVATED], 0, span);
}

static gboolean
on_list_key_pressed (SmSpanList            *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  SmSpan *span;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete && keyval != GDK_KEY_BackSpace)
    return FALSE;

  if ((span = sm_span_list_get_selected (self)) == NULL)
    return FALSE;

  sm_document_remove_span (self->document, span);
  return TRUE;
}

static void
sm_span_list_dispose (GObject *object)
{
  SmSpanList *self = (SmSpanList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SPAN_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  /* Ours: the list holds it only while something filters */
  g_clear_object (&self->filter);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sm_span_list_parent_class)->dispose (object);
}

static void
sm_span_list_finalize (GObject *object)
{
  SmSpanList *self = (SmSpanList *)object;

  g_clear_pointer (&self->hidden_labels, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sm_span_list_parent_class)->finalize (object);
}

static void
sm_span_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SmSpanList *self = SM_SPAN_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_span_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SmSpanList *self = SM_SPAN_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      sm_span_list_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_span_list_class_init (SmSpanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_span_list_dispose;
  object_class->finalize = sm_span_list_finalize;
  object_class->get_property = sm_span_list_get_property;
  object_class->set_property = sm_span_list_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmSpanList::span-activated:
   * @span: the span of the activated row
   */
  signals [SPAN_ACTIVATED] =
    g_signal_new ("span-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SM_TYPE_SPAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-span-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSpanList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmSpanList, label_filters);
  gtk_widget_class_bind_template_child (widget_class, SmSpanList, stack);
  gtk_widget_class_bind_template_child (widget_class, SmSpanList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanlist");
}

static void
sm_span_list_init (SmSpanList *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (filter_span, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_list_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  update_page (self);
}

GtkWidget *
sm_span_list_new (void)
{
  return g_object_new (SM_TYPE_SPAN_LIST, NULL);
}

SmDocument *
sm_span_list_get_document (SmSpanList *self)
{
  g_return_val_if_fail (SM_IS_SPAN_LIST (self), NULL);

  return self->document;
}

void
sm_span_list_set_document (SmSpanList *self,
                           SmDocument *document)
{
  g_return_if_fail (SM_IS_SPAN_LIST (self));
  g_return_if_fail (document == NULL || SM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);

  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->hidden_labels);
  /* The old spans go, then the new ones come: when one change swaps them,
   * GTK 4.8's list view looks for the rows it tracks (the one at the top,
   * the focused one) among all the new spans, 100,000 lookups and a third
   * of a switch's busiest iteration between two 20 MB documents (perf,
   * 38 of 129 samples in gtk_filter_list_model_set_model()) */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  /* Before the spans come in: only a search still filters them */
  refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);

  gtk_filter_list_model_set_model (self->filtered,
                                   document ? sm_document_get_spans (document) : NULL);

  if (document)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed),
                             self, G_CONNECT_SWAPPED);

  on_document_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * sm_span_list_get_shown_spans:
 *
 * Returns: (transfer none): the spans the list shows, after filtering
 */
GListModel *
sm_span_list_get_shown_spans (SmSpanList *self)
{
  g_return_val_if_fail (SM_IS_SPAN_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
sm_span_list_set_search (SmSpanList *self,
                         const char *search)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (SM_IS_SPAN_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  /* A search that holds the one before finds fewer spans, none it did
   * not find before: only those it found are looked at again */
  if (search == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (self->search_text == NULL || sm_search_is_in (self->search, self->n_search, search))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    {
      g_autofree gunichar *folded = NULL;
      guint n_folded;

      folded = sm_search_fold (search, &n_folded);
      if (sm_search_is_in (folded, n_folded, self->search_text))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search, g_free);
  self->n_search = 0;
  if (search != NULL)
    {
      self->search_text = g_strdup (search);
      self->search = sm_search_fold (search, &self->n_search);
    }

  /* Replacing the entry's text empties it first, and an empty search
   * entry says so at once: not a search to follow */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search ? search : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }

  refilter_from_top (self, change);
  update_page (self);
}

void
sm_span_list_set_label_shown (SmSpanList *self,
                              const char *label,
                              gboolean    shown)
{
  g_return_if_fail (SM_IS_SPAN_LIST (self));
  g_return_if_fail (label != NULL);

  if (shown == !g_hash_table_contains (self->hidden_labels, label))
    return;

  if (shown)
    {
      g_hash_table_remove (self->hidden_labels, label);
      refilter_from_top (self, GTK_FILTER_CHANGE_LESS_STRICT);
    }
  else
    {
      g_hash_table_add (self->hidden_labels, g_strdup (label));
      refilter_from_top (self, GTK_FILTER_CHANGE_MORE_STRICT);
    }

  update_page (self);
}

/**
 * sm_span_list_select_span:
 *
 * Selects @span's row and scrolls to it, if the filters show it.
 */
void
sm_span_list_select_span (SmSpanList *self,
                          SmSpan     *span)
{
  guint position;

  g_return_if_fail (SM_IS_SPAN_LIST (self));
  g_return_if_fail (SM_IS_SPAN (span));

  if (find_shown (self, span, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
}

/**
 * sm_span_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the span of the selected row
 */
SmSpan *
sm_span_list_get_selected (SmSpanList *self)
{
  g_return_val_if_fail (SM_IS_SPAN_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}
