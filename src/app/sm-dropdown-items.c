/* sm-dropdown-items.c: a dropdown's items, shown whole.
 *
 * AdwComboRow's own items are cut at twenty characters ("The Whole
 * Corpus, as Sa…"), in the row and in its list alike. These factories show
 * an item's text whole, and in the list a check beside the chosen one, for
 * a GtkDropDown or an AdwComboRow: both have an expression or string items,
 * and a selected item.
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
