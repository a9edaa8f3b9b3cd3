/* sm-window-suggestions.c: what Spanmark proposes, reviewed in the window.
 *
 * The window's suggester runs in a worker (sm_suggester_run_async()) when
 * a document is shown and again shortly after each edit, the run before
 * cancelled: what the annotator tags is learned and proposed elsewhere at
 * once, and nothing waits for it. The suggester learns every document
 * opened or saved in the window, so names tagged in one article are
 * proposed in the next.
 *
 * A run's results are taken in by steps of a few milliseconds, in idles
 * (sm_suggestions_update_step()): a long article's hundreds of thousands
 * held the window up more than a second at once.
 *
 * A bar over the article counts the pending suggestions, steps through
 * them and accepts or rejects the current one, or all of a label. The
 * document makes each answer an undoable edit. A toggle turns suggestions
 * off for a document (not computed, not drawn; those in its file stay),
 * remembered for it across sessions as its place is (sm-document-memory.c).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-suggestions"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-document-memory.h"
#include "sm-thread.h"
#include "sm-window-private.h"

/* Milliseconds after an edit before suggestions are computed again: a
 * burst of tagging computes once */
#define SUGGEST_DELAY 400

/* Microseconds a step of taking a run's results in may take, about */
#define TAKE_IN_STEP_USEC 15000

/* Whether suggestions are on for the document shown: as the user left
 * them for it, or as Preferences say for a document not seen yet */
static gboolean
wants_suggestions (SmWindow *self)
{
  g_autofree char *key = _sm_window_dup_document_key (self);
  gint shown;

  if (key != NULL && sm_document_memory_lookup (key, "suggestions", &shown))
    return shown != 0;

  return g_settings_get_boolean (self->settings, "suggestions");
}

static void
stop_taking_in (SmWindow *self)
{
  g_clear_handle_id (&self->take_in_source, g_source_remove);
  g_clear_pointer (&self->taking_in, sm_suggestions_update_free);
}

static void
stop_suggesting (SmWindow *self)
{
  stop_taking_in (self);
  g_clear_handle_id (&self->suggest_timeout, g_source_remove);
  if (self->suggesting != NULL)
    g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
}

typedef struct
{
  SmWindow   *self;
  SmDocument *document;
  gint64      started;
  gint64      finished;
  gint64      longest;  /* step, in µs */
  gint64      total;    /* of the steps, in µs */
  guint       n_steps;
  guint       n_suggestions;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->document);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* One step of taking a finished run's results in */
static gboolean
take_in_step (gpointer user_data)
{
  Run *run = user_data;
  SmWindow *self = run->self;
  gint64 start = g_get_monotonic_time ();
  gboolean done;

  done = sm_suggestions_update_step (self->taking_in, start + TAKE_IN_STEP_USEC);
  run->n_steps++;
  run->total += g_get_monotonic_time () - start;
  run->longest = MAX (run->longest, g_get_monotonic_time () - start);
  if (!done)
    return G_SOURCE_CONTINUE;

  g_debug ("%u suggestions came %.1f ms after the run began; taking them in took %.1f ms "
           "on the main thread in %u steps, the longest %.1f ms, done %.1f ms after they came",
           run->n_suggestions, (run->finished - run->started) / 1000.0, run->total / 1000.0,
           run->n_steps, run->longest / 1000.0, (g_get_monotonic_time () - run->finished) / 1000.0);
  g_clear_pointer (&self->taking_in, sm_suggestions_update_free);
  self->take_in_source = 0;
  /* What the run worked with was freed in its thread */
  sm_thread_give_back_memory_when_idle ();

  return G_SOURCE_REMOVE;
}

static void
on_suggested (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  SmWindow *self = run->self;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 finished = g_get_monotonic_time ();

  suggestions = sm_suggester_run_finish (SM_SUGGESTER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Only the last run for the document still shown counts */
  if (run->document != self->document || !self->suggestions_on)
    return;
  g_clear_object (&self->suggesting);

  if (suggestions == NULL)
    {
      g_warning ("Could not compute suggestions: %s", error->message);
      return;
    }

  stop_taking_in (self);
  self->taking_in = sm_suggester_begin_update (self->suggester, self->document, suggestions);
  run->finished = finished;
  run->n_suggestions = suggestions->len;
  if (take_in_step (run))
    self->take_in_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, take_in_step,
                                            g_steal_pointer (&run), (GDestroyNotify) run_free);
}

static gboolean
suggest (gpointer user_data)
{
  SmWindow *self = user_data;
  Run *run;

  self->suggest_timeout = 0;
  if (self->document == NULL || !self->suggestions_on)
    return G_SOURCE_REMOVE;

  if (self->suggesting != NULL)
    g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
  self->suggesting = g_cancellable_new ();

  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->document = g_object_ref (self->document);
  run->started = g_get_monotonic_time ();
  sm_suggester_run_async (self->suggester, self->document, NULL, self->suggesting, on_suggested, run);

  return G_SOURCE_REMOVE;
}

static void
suggest_later (SmWindow *self,
               guint     delay)
{
  g_clear_handle_id (&self->suggest_timeout, g_source_remove);
  if (self->suggestions_on)
    self->suggest_timeout = g_timeout_add (delay, suggest, self);
}

/* The bar: how many are pending, which is current */

static void
update_bar (SmWindow *self)
{
  SmAnnotationView *view = self->view;
  guint n = self->document != NULL ? sm_document_get_n_suggestions (self->document) : 0;
  gboolean shown = self->document != NULL && self->suggestions_on && n > 0;
  g_autofree char *text = NULL;
  SmSuggestion *current;
  guint position;

  gtk_revealer_set_reveal_child (self->suggestion_bar, shown);
  if (!shown)
    return;

  if (view != NULL && (current = sm_annotation_view_get_current_suggestion (view)) != NULL &&
      sm_annotation_view_get_suggestion_position (view, &position))
    {
      SmLabel *label = sm_document_find_label (self->document, sm_suggestion_get_label (current));

      /* Translators: e.g. "Suggestion 3 of 42: Claim" */
      text = g_strdup_printf (_("Suggestion %u of %u: %s"), position + 1, n,
                              label != NULL ? sm_label_get_name (label) : sm_suggestion_get_label (current));
    }
  else
    /* Translators: shown over the article until one is stepped to */
    text = g_strdup_printf (ngettext ("%u suggestion to review", "%u suggestions to review", n), n);

  gtk_label_set_label (self->suggestion_label, text);
}

/**
 * _sm_window_suggestions_update:
 *
 * Enables the suggestions' actions for what is pending and current.
 */
void
_sm_window_suggestions_update (SmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean on = self->document != NULL && self->suggestions_on;
  gboolean pending = on && sm_document_get_n_suggestions (self->document) > 0;
  gboolean current = pending && self->view != NULL &&
                     sm_annotation_view_get_current_suggestion (self->view) != NULL;
  GAction *toggle = g_action_map_lookup_action (G_ACTION_MAP (self), "show-suggestions");

  gtk_widget_action_set_enabled (widget, "win.next-suggestion", pending);
  gtk_widget_action_set_enabled (widget, "win.previous-suggestion", pending);
  gtk_widget_action_set_enabled (widget, "win.accept-suggestion", current);
  gtk_widget_action_set_enabled (widget, "win.reject-suggestion", current);
  gtk_widget_action_set_enabled (widget, "win.accept-suggestions", pending);
  gtk_widget_action_set_enabled (widget, "win.reject-suggestions", pending);
  if (toggle != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (toggle), self->document != NULL);

  update_bar (self);
}

/* "Accept All Claim Suggestions" and so on, for the labels there are */
static void
rebuild_menu (SmWindow *self)
{
  GListModel *labels = self->document != NULL ? sm_document_get_labels (self->document) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) accept = g_menu_new ();
  g_autoptr(GMenu) reject = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();

  for (guint i = 0; labels != NULL && i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *text = NULL;

      /* Translators: a menu item; %s is a label's name, such as Claim */
      text = g_strdup_printf (_("Accept All %s Suggestions"), sm_label_get_name (label));
      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target_value (item, "win.accept-suggestions",
                                               g_variant_new_string (sm_label_get_id (label)));
      g_menu_append_item (accept, item);
      g_clear_object (&item);
      g_clear_pointer (&text, g_free);

      /* Translators: a menu item; %s is a label's name, such as Claim */
      text = g_strdup_printf (_("Reject All %s Suggestions"), sm_label_get_name (label));
      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target_value (item, "win.reject-suggestions",
                                               g_variant_new_string (sm_label_get_id (label)));
      g_menu_append_item (reject, item);
    }

  g_menu_append (all, _("Accept _All Suggestions"), "win.accept-suggestions('')");
  g_menu_append (all, _("_Reject All Suggestions"), "win.reject-suggestions('')");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (accept));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (reject));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));
  gtk_menu_button_set_menu_model (self->suggestion_menu_button, G_MENU_MODEL (menu));
}

/* Actions */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->view == NULL)
    return;

  sm_annotation_view_step_suggestion (self->view, g_str_equal (action_name, "win.next-suggestion"));
  /* The keyboard goes to the article, where Return and Backspace answer */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* @parameter: whether to go on to the next suggestion afterwards, as the
 * keys and the bar do; a click on a suggestion stays where it is */
static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(SmSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  SmSuggestion *current;

  if (self->view == NULL ||
      (current = sm_annotation_view_get_current_suggestion (self->view)) == NULL)
    return;

  /* Kept, to find the next after it once it is gone */
  suggestion = g_object_ref (current);
  if (sm_document_accept_suggestion (self->document, suggestion, &error) == NULL)
    {
      gtk_widget_error_bell (widget);
      sm_window_show_toast (self, error->message);
      return;
    }

  g_set_object (&self->answered, suggestion);
  if (g_variant_get_boolean (parameter))
    sm_annotation_view_step_after_answer (self->view, suggestion);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(SmSuggestion) suggestion = NULL;
  SmSuggestion *current;

  if (self->view == NULL ||
      (current = sm_annotation_view_get_current_suggestion (self->view)) == NULL)
    return;

  suggestion = g_object_ref (current);
  sm_document_reject_suggestion (self->document, suggestion);
  g_set_object (&self->answered, suggestion);
  sm_annotation_view_step_after_answer (self->view, suggestion);
}

/**
 * _sm_window_suggestions_undone:
 * @redone: whether it was a redo
 *
 * Follows an undo that brought back the suggestion answered last: it is
 * current again, to answer anew. A redo answers it again and goes on.
 */
void
_sm_window_suggestions_undone (SmWindow *self,
                               gboolean  redone)
{
  SmSuggestion *answered = self->answered;
  gboolean pending;

  if (answered == NULL || self->view == NULL || !self->suggestions_on)
    return;

  pending = sm_document_find_suggestion (self->document, sm_suggestion_get_id (answered)) == answered;
  if (!redone && pending)
    sm_annotation_view_set_current_suggestion (self->view, answered);
  else if (redone && !pending && sm_annotation_view_get_current_suggestion (self->view) == NULL)
    sm_annotation_view_step_after_answer (self->view, answered);
}

/* @parameter: a label's id, or "" for every label */
static void
answer_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;
  guint n;

  if (self->document == NULL)
    return;

  if (label[0] == '\0')
    label = NULL;

  if (g_str_equal (action_name, "win.accept-suggestions"))
    {
      n = sm_document_accept_suggestions (self->document, label);
      /* Translators: a toast after Accept All */
      message = g_strdup_printf (ngettext ("%u span added", "%u spans added", n), n);
    }
  else
    {
      n = sm_document_reject_suggestions (self->document, label);
      /* Translators: a toast after Reject All */
      message = g_strdup_printf (ngettext ("%u suggestion rejected", "%u suggestions rejected", n), n);
    }

  sm_window_show_toast (self, message);
}

static void
change_show_suggestions (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  SmWindow *self = user_data;
  gboolean on = g_variant_get_boolean (state);
  g_autofree char *key = _sm_window_dup_document_key (self);

  if (self->document == NULL)
    return;

  if (key != NULL)
    sm_document_memory_set (key, "suggestions", on);
  _sm_window_suggestions_set_on (self, on);
}

/**
 * _sm_window_suggestions_set_on:
 *
 * Computes and shows suggestions for the document shown, or stops.
 */
void
_sm_window_suggestions_set_on (SmWindow *self,
                               gboolean  on)
{
  GAction *toggle = g_action_map_lookup_action (G_ACTION_MAP (self), "show-suggestions");

  self->suggestions_on = !!on;
  g_simple_action_set_state (G_SIMPLE_ACTION (toggle), g_variant_new_boolean (on));

  if (self->view != NULL)
    sm_annotation_view_set_show_suggestions (self->view, on);

  if (on)
    suggest_later (self, 0);
  else
    stop_suggesting (self);

  _sm_window_suggestions_update (self);
}

static void
on_document_changed (SmWindow *self)
{
  /* What the annotator tagged is learned, and proposed elsewhere */
  suggest_later (self, SUGGEST_DELAY);
}

/* Learns the document shown, for the next ones */
static gboolean
learn_shown (gpointer user_data)
{
  SmWindow *self = user_data;

  self->learn_source = 0;
  if (self->document != NULL)
    sm_suggester_learn_document_in_thread (self->suggester, self->document);

  return G_SOURCE_REMOVE;
}

/**
 * _sm_window_suggestions_document_set:
 *
 * Learns the document just shown and computes its suggestions, if they
 * are on for it.
 */
void
_sm_window_suggestions_document_set (SmWindow   *self,
                                     SmDocument *previous)
{
  stop_suggesting (self);
  g_clear_object (&self->answered);

  if (previous != NULL)
    {
      g_signal_handlers_disconnect_by_func (previous, on_document_changed, self);
      g_signal_handlers_disconnect_by_func (previous, _sm_window_suggestions_update, self);
      g_signal_handlers_disconnect_by_func (sm_document_get_labels (previous), rebuild_menu, self);
    }

  /* In an iteration of its own: taking the 20 MB article's 100,000 spans
   * was a quarter of the one that shows it (perf, 8 of 27 samples) */
  g_clear_handle_id (&self->learn_source, g_source_remove);
  self->learn_source = g_idle_add_full (G_PRIORITY_DEFAULT, learn_shown, self, NULL);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::n-suggestions",
                           G_CALLBACK (_sm_window_suggestions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sm_document_get_labels (self->document), "items-changed",
                           G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::current-suggestion",
                           G_CALLBACK (_sm_window_suggestions_update), self, G_CONNECT_SWAPPED);

  rebuild_menu (self);
  _sm_window_suggestions_set_on (self, wants_suggestions (self));
}

/**
 * _sm_window_suggestions_document_saved:
 *
 * Learns what the saved document has tagged, for the next documents.
 */
void
_sm_window_suggestions_document_saved (SmWindow *self)
{
  if (self->document != NULL)
    sm_suggester_learn_document_in_thread (self->suggester, self->document);
}

void
_sm_window_suggestions_init (SmWindow *self)
{
  g_autoptr(GSimpleAction) toggle = NULL;

  self->suggester = sm_suggester_new ();

  toggle = g_simple_action_new_stateful ("show-suggestions", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (toggle, "change-state", G_CALLBACK (change_show_suggestions), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (toggle));

  rebuild_menu (self);
}

void
_sm_window_suggestions_dispose (SmWindow *self)
{
  stop_suggesting (self);
  g_clear_handle_id (&self->learn_source, g_source_remove);
  g_clear_object (&self->answered);
  g_clear_object (&self->suggester);
}

void
_sm_window_suggestions_class_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, SmWindow, suggestion_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, suggestion_menu_button);

  gtk_widget_class_install_action (widget_class, "win.next-suggestion", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-suggestion", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", "b", accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.accept-suggestions", "s", answer_all_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestions", "s", answer_all_action);
}
