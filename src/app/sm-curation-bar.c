/* sm-curation-bar.c: the bar over the article while a curator decides.
 *
 * Says which disagreement is at hand and how many are decided, and offers
 * one button per side (who tagged it how), Drop and Edited by Hand. The
 * buttons only name the window's actions (sm-window-curation.c), which
 * decide; the bar follows the curation as undo and redo change it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-curation-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-curation-bar.h"

/* Sides with a key of their own: Alt+1 to Alt+9 */
#define MAX_KEYED_SIDES 9

struct _SmCurationBar
{
  GtkWidget       parent_instance;

  SmCuration     *curation;
  SmCurationItem *item;
  gboolean        from_merge;

  GtkBox         *box;
  GtkLabel       *status_label;
  GtkLevelBar    *level_bar;
  GtkBox         *sides_box;
  GtkButton      *drop_button;
  GtkButton      *edited_button;
  GtkButton      *save_button;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (SmCurationBar, sm_curation_bar, GTK_TYPE_WIDGET)

/**
 * sm_curation_bar_dup_side_text:
 *
 * Returns: (transfer full): who tagged @side of @item how, in a line
 */
char *
sm_curation_bar_dup_side_text (SmCurationItem *item,
                               guint           side)
{
  const char * const *annotators = sm_curation_item_get_side_annotators (item, side);
  g_autofree char *summary = sm_curation_item_dup_side_summary (item, side);
  g_autofree char *names = NULL;

  if (annotators == NULL || annotators[0] == NULL)
    return g_steal_pointer (&summary);

  /* The summary may say whose it is already */
  names = g_strjoinv (", ", (char **) annotators);
  if (g_str_has_prefix (summary, names))
    return g_steal_pointer (&summary);

  /* Translators: a side of a disagreement: who, then what they tagged,
   * e.g. "Ana, Chris: Speaker “the minister”" */
  return g_strdup_printf (_("%s: %s"), names, summary);
}

static guint
find_position (SmCurationBar *self,
               guint         *n_items)
{
  GListModel *items = sm_curation_get_items (self->curation);

  *n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < *n_items; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (items, i);

      if (item == self->item)
        return i;
    }

  return G_MAXUINT;
}

static void
rebuild_sides (SmCurationBar *self)
{
  GtkWidget *child;
  guint taken = 0;
  SmCurationState state = SM_CURATION_UNDECIDED;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sides_box))) != NULL)
    gtk_box_remove (self->sides_box, child);

  if (self->item == NULL)
    return;

  state = sm_curation_item_get_state (self->item, &taken);
  for (guint i = 0; i < sm_curation_item_get_n_sides (self->item); i++)
    {
      g_autofree char *side = sm_curation_bar_dup_side_text (self->item, i);
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *button;
      GtkWidget *label;

      /* Translators: a button taking one side; %u is its number, its key with Alt */
      text = g_strdup_printf (_("%u · %s"), i + 1, side);
      if (i < MAX_KEYED_SIDES)
        /* Translators: a tooltip; %s says who tagged what, %u is the side's number */
        tooltip = g_strdup_printf (_("Take This Side: %s (Alt+%u)"), side, i + 1);
      else
        /* Translators: a tooltip; %s says who tagged what */
        tooltip = g_strdup_printf (_("Take This Side: %s"), side);

      /* Versions mostly differ at a span's ends: keep both in sight */
      label = gtk_label_new (text);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.take-side");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i + 1);
      gtk_widget_add_css_class (button, "curation-side");
      /* The side taken stands out, as a choice made */
      if (state == SM_CURATION_TAKEN && taken == i)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (self->sides_box, button);
    }
}

static void
update (SmCurationBar *self)
{
  g_autofree char *text = NULL;
  guint n_items = 0, n_decided = 0, position;
  SmCurationState state = SM_CURATION_UNDECIDED;
  guint taken = 0;

  if (self->curation == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }

  position = find_position (self, &n_items);
  n_decided = sm_curation_get_n_decided (self->curation);
  if (self->item != NULL)
    state = sm_curation_item_get_state (self->item, &taken);

  gtk_level_bar_set_max_value (self->level_bar, MAX (n_items, 1));
  gtk_level_bar_set_value (self->level_bar, n_decided);

  if (n_items > 0 && n_decided == n_items)
    text = self->from_merge
      /* Translators: every conflict of a merged file is decided */
      ? g_strdup_printf (ngettext ("The conflict is decided", "All %u conflicts decided", n_items), n_items)
      /* Translators: every disagreement between the versions is decided;
       * a Save button follows */
      : g_strdup_printf (ngettext ("The disagreement is decided", "All %u disagreements decided", n_items), n_items);
  else if (self->item != NULL && position != G_MAXUINT)
    text = self->from_merge
      /* Translators: e.g. "Conflict 3 of 12 · 5 decided" */
      ? g_strdup_printf (_("Conflict %u of %u · %u decided"), position + 1, n_items, n_decided)
      /* Translators: e.g. "Disagreement 3 of 12 · 5 decided" */
      : g_strdup_printf (_("Disagreement %u of %u · %u decided"), position + 1, n_items, n_decided);
  else if (self->from_merge)
    /* Translators: shown when a merged file opens */
    text = g_strdup_printf (ngettext ("%u conflict from a merge to decide", "%u conflicts from a merge to decide",
                                      n_items - n_decided), n_items - n_decided);
  else
    text = g_strdup_printf (ngettext ("%u disagreement to decide", "%u disagreements to decide",
                                      n_items - n_decided), n_items - n_decided);

  if (self->item != NULL && position != G_MAXUINT && !(n_items > 0 && n_decided == n_items))
    {
      g_autofree char *with_state = NULL;

      if (state == SM_CURATION_DROPPED)
        /* Translators: after "Disagreement 3 of 12 · 5 decided" */
        with_state = g_strdup_printf (_("%s · dropped"), text);
      else if (state == SM_CURATION_EDITED)
        /* Translators: after "Disagreement 3 of 12 · 5 decided" */
        with_state = g_strdup_printf (_("%s · edited by hand"), text);
      else if (state == SM_CURATION_TAKEN)
        /* Translators: after "Disagreement 3 of 12 · 5 decided"; %u is a side's number */
        with_state = g_strdup_printf (_("%s · side %u taken"), text, taken + 1);

      if (with_state != NULL)
        {
          g_free (text);
          text = g_steal_pointer (&with_state);
        }
    }

  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), n_items > 0 && n_decided == n_items);
  gtk_widget_set_visible (GTK_WIDGET (self->sides_box), self->item != NULL);
  rebuild_sides (self);
}

/* "Take the Majority's Sides", and each annotator's, for what is undecided */
static void
rebuild_menu (SmCurationBar *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) annotators = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *items = self->curation != NULL ? sm_curation_get_items (self->curation) : NULL;

  g_menu_append (menu, _("Take the _Majority’s Sides"), "win.take-majority");

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (items, i);

      for (guint side = 0; side < sm_curation_item_get_n_sides (item); side++)
        {
          const char * const *names = sm_curation_item_get_side_annotators (item, side);

          for (guint j = 0; names != NULL && names[j] != NULL; j++)
            {
              g_autoptr(GMenuItem) entry = NULL;
              g_autofree char *text = NULL;

              if (!g_hash_table_add (seen, (gpointer) names[j]))
                continue;

              /* Translators: a menu item; %s is an annotator's name */
              text = g_strdup_printf (_("Take %s’s Sides"), names[j]);
              entry = g_menu_item_new (text, NULL);
              g_menu_item_set_action_and_target_value (entry, "win.take-annotator",
                                                       g_variant_new_string (names[j]));
              g_menu_append_item (annotators, entry);
            }
        }
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (annotators));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
on_item_state (SmCurationBar *self)
{
  update (self);
}

void
sm_curation_bar_set_item (SmCurationBar  *self,
                          SmCurationItem *item)
{
  g_return_if_fail (SM_IS_CURATION_BAR (self));
  g_return_if_fail (item == NULL || SM_IS_CURATION_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_state, self);

  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify::state", G_CALLBACK (on_item_state), self, G_CONNECT_SWAPPED);

  update (self);
}

SmCurationItem *
sm_curation_bar_get_item (SmCurationBar *self)
{
  g_return_val_if_fail (SM_IS_CURATION_BAR (self), NULL);

  return self->item;
}

/**
 * sm_curation_bar_set_curation:
 * @curation: (nullable): what is curated, or %NULL when nothing is
 * @from_merge: whether its items are a merge's conflicts, so named
 */
void
sm_curation_bar_set_curation (SmCurationBar *self,
                              SmCuration    *curation,
                              gboolean       from_merge)
{
  g_return_if_fail (SM_IS_CURATION_BAR (self));
  g_return_if_fail (curation == NULL || SM_IS_CURATION (curation));

  if (self->curation != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->curation, update, self);
      g_signal_handlers_disconnect_by_func (sm_curation_get_items (self->curation), update, self);
    }

  sm_curation_bar_set_item (self, NULL);
  g_set_object (&self->curation, curation);
  self->from_merge = !!from_merge;
  rebuild_menu (self);

  if (curation != NULL)
    {
      g_signal_connect_object (curation, "notify::n-decided", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sm_curation_get_items (curation), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
}

/**
 * sm_curation_bar_get_status:
 *
 * Returns: what the bar says, as "Disagreement 3 of 12 · 5 decided"
 */
const char *
sm_curation_bar_get_status (SmCurationBar *self)
{
  g_return_val_if_fail (SM_IS_CURATION_BAR (self), NULL);

  return gtk_label_get_label (self->status_label);
}

static void
sm_curation_bar_dispose (GObject *object)
{
  SmCurationBar *self = (SmCurationBar *)object;

  if (self->curation != NULL)
    sm_curation_bar_set_curation (self, NULL, FALSE);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_CURATION_BAR);

  G_OBJECT_CLASS (sm_curation_bar_parent_class)->dispose (object);
}

static void
sm_curation_bar_class_init (SmCurationBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_curation_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/spanmark/Spanmark/sm-curation-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, box);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, level_bar);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, sides_box);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, drop_button);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, edited_button);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmCurationBar, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "curationbar");
}

static void
sm_curation_bar_init (SmCurationBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
