/* sm-dropdown-items.c: a dropdown's items, shown whole, and searched by typing.
 *
 * AdwComboRow's own items are cut at twenty characters ("The Whole
 * Corpus, as Sa…"), in the row and in its list alike. These factories show
 * an item's text whole, and in the list a check beside the chosen one, for
 * a GtkDropDown or an AdwComboRow: both have an expression or string items,
 * and a selected item.
 *
 * GTK 4.8's GtkDropDown shows a search entry in its list, but typing goes
 * elsewhere: the list's first row has the focus. sm_dropdown_type_to_search()
 * sends what is typed to the entry, finds it anywhere in an item, and Enter
 * chooses the first match.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-dropdown-items"

#include "config.h"

#include <adwaita.h>

#include "sm-dropdown-items.h"

static char *
get_item_text (GObject  *chooser,
               gpointer  item)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (chooser, "expression", &expression, NULL);
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  return g_strdup ("");
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  in_list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (in_list)
    {
      GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "object-select-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_NONE,
                                       NULL);

      gtk_box_append (GTK_BOX (box), check);
    }

  gtk_list_item_set_child (list_item, box);
}

static void
update_check (GtkListItem *list_item,
              GParamSpec  *pspec,
              GObject     *chooser)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));
  g_autoptr(GObject) selected = NULL;

  g_object_get (chooser, "selected-item", &selected, NULL);
  gtk_widget_set_opacity (check, selected != NULL && selected == gtk_list_item_get_item (list_item));
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  in_list)
{
  GObject *chooser = g_object_get_data (G_OBJECT (factory), "chooser");
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *text = get_item_text (chooser, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);

  if (in_list)
    {
      g_signal_connect_object (chooser, "notify::selected-item",
                               G_CALLBACK (update_check), list_item, G_CONNECT_SWAPPED);
      update_check (list_item, NULL, chooser);
    }
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  in_list)
{
  GObject *chooser = g_object_get_data (G_OBJECT (factory), "chooser");

  if (in_list)
    g_signal_handlers_disconnect_by_func (chooser, update_check, list_item);
}

static GtkListItemFactory *
factory_new (GtkWidget *chooser,
             gboolean   in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* The chooser holds the factory, not the other way round */
  g_object_set_data (G_OBJECT (factory), "chooser", chooser);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), GINT_TO_POINTER (in_list));

  return factory;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* GtkDropDown keeps its list's popover private; it is its child */
static GtkWidget *
get_popover (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;

  return NULL;
}

static void
on_popover_visible (GtkWidget      *popover,
                    GParamSpec     *pspec,
                    GtkSearchEntry *entry)
{
  if (gtk_widget_get_visible (popover))
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* A letter typed on the closed dropdown opens it and starts a search */
static gboolean
on_key_pressed (GtkDropDown           *dropdown,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *popover = get_popover (dropdown);
  GtkWidget *entry = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[7] = { 0 };

  if (gtk_widget_get_visible (popover) || !gtk_drop_down_get_enable_search (dropdown) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      c == 0 || !g_unichar_isgraph (c))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate (GTK_WIDGET (dropdown));
  g_unichar_to_utf8 (c, text);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);

  return GDK_EVENT_STOP;
}

/* Enter in the search chooses the first item it found */
static void
on_search_activate (GtkDropDown    *dropdown,
                    GtkSearchEntry *entry)
{
  GtkWidget *popover = get_popover (dropdown);
  GtkListView *list = GTK_LIST_VIEW (find_descendant (popover, GTK_TYPE_LIST_VIEW));
  GListModel *found = G_LIST_MODEL (gtk_list_view_get_model (list));
  GListModel *items = gtk_drop_down_get_model (dropdown);
  g_autoptr(GObject) first = NULL;

  if (found == NULL || items == NULL || (first = g_list_model_get_item (found, 0)) == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (popover));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (item == first)
        {
          gtk_drop_down_set_selected (dropdown, i);
          break;
        }
    }
}

/* GtkDropDown finds items that start with the search; a name is also
 * found by a later word ("Lukashenko" in "Alexander Lukashenko"). It makes
 * its filter anew with each model. */
static void
search_inside_items (GtkDropDown *dropdown)
{
  GtkWidget *list = find_descendant (get_popover (dropdown), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  GListModel *found = selection ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;
  GtkFilter *filter = GTK_IS_FILTER_LIST_MODEL (found) ? gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (found)) : NULL;

  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

/**
 * sm_dropdown_type_to_search:
 * @dropdown: a #GtkDropDown with #GtkDropDown:enable-search
 *
 * Sends what is typed on @dropdown, or in its open list, to its search
 * entry, finds it anywhere in an item's text, and makes Enter there choose
 * the first item found.
 */
void
sm_dropdown_type_to_search (GtkDropDown *dropdown)
{
  GtkWidget *popover;
  GtkWidget *entry;
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  popover = get_popover (dropdown);
  entry = popover ? find_descendant (popover, GTK_TYPE_SEARCH_ENTRY) : NULL;
  g_return_if_fail (entry != NULL);

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (entry), popover);
  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (on_popover_visible), entry, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_search_activate), dropdown, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), dropdown, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (dropdown), controller);

  g_signal_connect (dropdown, "notify::model", G_CALLBACK (search_inside_items), NULL);
  g_signal_connect (dropdown, "notify::expression", G_CALLBACK (search_inside_items), NULL);
  search_inside_items (dropdown);
}

/**
 * sm_dropdown_show_whole_items:
 * @chooser: a #GtkDropDown or an #AdwComboRow
 *
 * Shows @chooser's items whole, never cut short with an ellipsis.
 */
void
sm_dropdown_show_whole_items (GtkWidget *chooser)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (chooser) || ADW_IS_COMBO_ROW (chooser));

  factory = factory_new (chooser, FALSE);
  list_factory = factory_new (chooser, TRUE);
  g_object_set (chooser,
                "factory", factory,
                "list-factory", list_factory,
                NULL);
}
