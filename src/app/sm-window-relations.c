/* sm-window-relations.c: relations whose ends break their type, in the window.
 *
 * The document keeps the rule and removes the links an edit breaks; the
 * window says how many went, with a way back. A file (or a corpus's
 * schema) can still bring relations that break it: they are kept and
 * shown in a banner, to be removed, or fixed by relabelling their spans.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-relations"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-window-private.h"

/* Shows the banner while relations break their type, unless the user
 * chose to keep just these */
static void
update_now (SmWindow *self)
{
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_clear_handle_id (&self->relations_source, g_source_remove);
  if (self->document == NULL ||
      (broken = sm_document_dup_broken_relations (self->document))->len == 0 ||
      broken->len == self->n_broken_relations_kept)
    {
      if (broken == NULL || broken->len == 0)
        self->n_broken_relations_kept = 0;
      sm_banner_set_revealed (self->relations_banner, FALSE);
      return;
    }

  sm_document_check_relations (self->document, &error);
  if (broken->len == 1)
    /* Translators: %s says what is wrong, such as "relation R1: span T1 is
     * labelled CLAIM, but a said_by relation goes to SPEAKER" */
    message = g_strdup_printf (_("A relation links spans its type does not allow (%s). Remove it, or relabel its spans."),
                               error->message);
  else
    /* Translators: %s says what is wrong with the first of them */
    message = g_strdup_printf (ngettext ("%u relation links spans its type does not allow, such as %s. Remove them, or relabel their spans.",
                                         "%u relations link spans their type does not allow, such as %s. Remove them, or relabel their spans.",
                                         broken->len),
                               broken->len, error->message);
  sm_banner_set_title (self->relations_banner, message);
  sm_banner_set_revealed (self->relations_banner, TRUE);
}

static void
on_relations_dropped (SmWindow   *self,
                      guint       n_relations,
                      SmDocument *document)
{
  g_autofree char *message = NULL;

  if (document != self->document)
    return;

  message = g_strdup_printf (ngettext ("Removed %u relation whose spans no longer fit its type",
                                       "Removed %u relations whose spans no longer fit their type",
                                       n_relations),
                             n_relations);
  _sm_window_show_toast_full (self, message, _("_Undo"), "win.undo");
}

static gboolean
update_in_idle (gpointer user_data)
{
  SmWindow *self = user_data;

  self->relations_source = 0;
  update_now (self);

  return G_SOURCE_REMOVE;
}

/**
 * _sm_window_relations_update:
 *
 * Looks at the relations again in an idle, once for a burst of changes:
 * the 20 MB article's 36,208 were a sixth of the iteration that showed
 * it (perf, 4 of 27 samples), and came again with each edit and with
 * each project schema applied to a document.
 */
void
_sm_window_relations_update (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->relations_source == 0)
    self->relations_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_in_idle, self, NULL);
}

static void
on_document_changed (SmWindow   *self,
                     SmDocument *document)
{
  if (document == self->document)
    _sm_window_relations_update (self);
}

/**
 * _sm_window_relations_document_set:
 *
 * Follows the document just shown.
 */
void
_sm_window_relations_document_set (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_DOCUMENT (self->document));

  g_signal_connect_object (self->document, "relations-dropped", G_CALLBACK (on_relations_dropped),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed),
                           self, G_CONNECT_SWAPPED);
  self->n_broken_relations_kept = 0;
  sm_banner_set_revealed (self->relations_banner, FALSE);
  _sm_window_relations_update (self);
}

void
_sm_window_relations_dispose (SmWindow *self)
{
  g_clear_handle_id (&self->relations_source, g_source_remove);
}

static void
remove_broken_relations_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->document != NULL)
    sm_document_remove_broken_relations (self->document);
  update_now (self);
}

static void
keep_broken_relations_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(GPtrArray) broken = NULL;

  if (self->document != NULL)
    {
      broken = sm_document_dup_broken_relations (self->document);
      self->n_broken_relations_kept = broken->len;
    }
  sm_banner_set_revealed (self->relations_banner, FALSE);
}

void
_sm_window_relations_class_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, SmWindow, relations_banner);
  gtk_widget_class_install_action (widget_class, "win.remove-broken-relations", NULL,
                                   remove_broken_relations_action);
  gtk_widget_class_install_action (widget_class, "win.keep-broken-relations", NULL,
                                   keep_broken_relations_action);
}
