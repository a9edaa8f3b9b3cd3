/* sm-bench-search.c: how long the window's main loop stalls while someone
 * searches a large article as they type, tags all the matches, undoes and
 * redoes that.
 *
 *   spanmark-bench-search [--runs N] [--word WORD] [--label ID] ARTICLE.json
 *
 * Each run opens ARTICLE.json in a real SmWindow and waits until the main
 * loop is idle (the text view has laid out the whole text). Then, with a
 * high-priority timeout every 5 ms noting the gaps between its calls (a
 * gap is a stall: nothing else, not a frame, not a key, ran in it), it
 *
 *   type     types WORD into the search bar a letter every 200 ms, as
 *            someone typing would, until the count of matches of the
 *            whole word is shown and the loop is idle again;
 *   tag-all  activates win.tag-all with the label, answers "Tag All" in
 *            the dialog that asks first, and waits for idle;
 *   undo     activates win.undo, and waits for idle;
 *   redo     activates win.redo, and waits for idle;
 *   list     selects the row of the last span Tag All made, as a click
 *            would, then types WORD into the span list's search, a letter
 *            every 200 ms, until the list has searched for the whole word
 *            and the loop is idle again;
 *   edit     with that search still typed, deletes the selected span (the
 *            list filters every span again on a change to the document),
 *            and waits for idle;
 *   clear    empties the span list's search, and waits for idle.
 *
 * After each step the meter runs 4 s more, as a row of its own: a change
 * schedules a draft (written 3 s later) and suggestions, whose stalls are
 * not the step's own. --no-suggestions turns suggestions off.
 *
 * It prints, for each step, the median over the runs of the longest stall,
 * of the processor time of the busiest iteration of the main loop (which
 * the machine's load does not lengthen, see SmBenchMeter) and of the
 * step's time from start to idle. It needs a display (Xvfb).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sm-bench-window.h"
#include "sm-span-list.h"

#define TICK_MS 5
#define KEY_INTERVAL_MS 200

static gint n_runs = 3;
static char *word = NULL;
static char *label_id = NULL;
static gboolean no_suggestions = FALSE;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs (default 3)", "N" },
  { "word", 'w', 0, G_OPTION_ARG_STRING, &word, "The word typed and tagged (default \"envoy\")", "WORD" },
  { "label", 'l', 0, G_OPTION_ARG_STRING, &label_id, "The label's id (default: the document's first label)", "ID" },
  { "no-suggestions", 0, 0, G_OPTION_ARG_NONE, &no_suggestions, "Turn suggestions off", NULL },
  { NULL }
};

typedef enum
{
  STEP_TYPE,
  STEP_TAG_ALL,
  STEP_TAG_ALL_AFTER,
  STEP_UNDO,
  STEP_UNDO_AFTER,
  STEP_REDO,
  STEP_REDO_AFTER,
  STEP_LIST_TYPE,
  STEP_LIST_EDIT,
  STEP_LIST_CLEAR,
  N_STEPS
} Step;

static const char *step_names[N_STEPS] = {
  "type the word, a key every 200 ms",
  "Tag All Matches",
  "the 4 s after it (draft, suggestions)",
  "undo",
  "the 4 s after it (draft, suggestions)",
  "redo",
  "the 4 s after it (draft, suggestions)",
  "span list: type the word, a key every 200 ms",
  "span list, searched: delete a span",
  "span list: clear the search",
};

/* Runs the meter for the 4 s after @step, as the row after it */
static void measure_after (Step step);

static GArray *longest[N_STEPS];  /* double ms, one a run */
static GArray *longest_cpu[N_STEPS];  /* double ms: the busiest iteration's processor time */
static GArray *elapsed[N_STEPS];  /* double ms, one a run */
static SmApplication *app;

/* Steps */

/* Ends a step: records its longest stall and how long it took */
static void
meter_stop (SmBenchMeter *meter,
            Step          step,
            gint64        began)
{
  double longest_ms, elapsed_ms, cpu_ms;

  /* The gap up to now counts too */
  sm_bench_meter_note (meter);
  sm_bench_meter_stop (meter);

  longest_ms = meter->longest / 1000.0;
  elapsed_ms = (g_get_monotonic_time () - began) / 1000.0;
  cpu_ms = meter->longest_cpu / 1000.0;
  g_array_append_val (longest[step], longest_ms);
  g_array_append_val (longest_cpu[step], cpu_ms);
  g_array_append_val (elapsed[step], elapsed_ms);
  /* The stall's end in CLOCK_MONOTONIC seconds, as `perf record -k
   * CLOCK_MONOTONIC` stamps its samples */
  g_printerr ("  %-36s longest stall %8.1f ms, busiest iteration %.1f ms of processor time, took %8.1f ms"
              " (they ended at %.6f and %.6f s)\n",
              step_names[step], longest_ms, cpu_ms, elapsed_ms, meter->longest_end / 1e6, meter->longest_cpu_end / 1e6);
}

static void
measure_after (Step step)
{
  SmBenchMeter meter = { 0 };
  gint64 began = g_get_monotonic_time ();

  sm_bench_meter_start (&meter, TICK_MS);
  sm_bench_wait_ms (4000);
  sm_bench_wait_until_idle ();
  meter_stop (&meter, step, began);
}

/* The window */

/* The first label under @widget whose text gives a number of matches
 * ("No matches" can show for a moment while the count is under way) */
static GtkLabel *
find_count_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (strstr (text, "match") != NULL && strpbrk (text, "0123456789") != NULL)
        return GTK_LABEL (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_count_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* The first widget of @type under @widget, or @widget itself */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *search_bar;
  GtkWidget *entry;
  gboolean   searched;
} Typing;

static gboolean
count_is_shown (gpointer data)
{
  Typing *typing = data;

  return typing->searched && find_count_label (typing->search_bar) != NULL;
}

/* The search for the whole word, not one for a part of it still to come */
static void
on_search_changed (Typing *typing)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (typing->entry)), word) == 0)
    typing->searched = TRUE;
}

static gboolean
has_searched (gpointer data)
{
  Typing *typing = data;

  return typing->searched;
}

/* Types @word at the end of @entry a letter every KEY_INTERVAL_MS, as a
 * key would (replacing the whole text would empty the entry first, and
 * an empty search entry searches for nothing at once), and waits until
 * the entry has asked for the search of the whole word */
static void
type_word (GtkWidget *entry,
           Typing    *typing)
{
  gulong id;

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  typing->entry = entry;
  typing->searched = FALSE;
  id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (on_search_changed), typing);
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (entry), p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (GTK_EDITABLE (entry), -1);
      if (*g_utf8_next_char (p) != '\0')
        sm_bench_wait_ms (KEY_INTERVAL_MS);
    }
  sm_bench_wait_until (has_searched, typing, "the search of the whole word");
  g_signal_handler_disconnect (entry, id);
}

/* The last span of @label whose text is the word, as Tag All made it */
static SmSpan *
find_last_tagged (SmDocument *document,
                  const char *label)
{
  GListModel *spans = sm_document_get_spans (document);

  for (guint i = g_list_model_get_n_items (spans); i > 0; i--)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i - 1);

      if (g_strcmp0 (sm_span_get_label (span), label) == 0 &&
          g_ascii_strcasecmp (sm_span_get_text (span), word) == 0)
        return span;  /* the document holds it */
    }

  g_error ("No span of %s holds “%s”", label, word);
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
run_once (const char *path)
{
  SmWindow *window;
  SmDocument *document;
  GtkWidget *focus;
  GtkWidget *entry;
  Typing typing = { 0 };
  const char *label;
  guint n_spans;
  GtkWidget *span_list;
  GtkWidget *list_entry;
  GListModel *shown;
  SmSpan *last_tagged;
  SmBenchMeter meter = { 0 };
  gint64 began;

  window = sm_bench_open_window (app, path);
  sm_bench_wait_until_idle ();

  document = sm_window_get_document (window);
  if (label_id != NULL)
    label = label_id;
  else
    {
      g_autoptr(SmLabel) first = g_list_model_get_item (sm_document_get_labels (document), 0);

      label = g_intern_string (sm_label_get_id (first));
    }

  /* The search bar, opened as Ctrl+F does */
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL))
    g_error ("win.find is not enabled");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  typing.search_bar = gtk_widget_get_ancestor (entry, g_type_from_name ("SmSearchBar"));
  g_assert (entry != NULL && typing.search_bar != NULL);
  sm_bench_wait_until_idle ();

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  type_word (entry, &typing);
  sm_bench_wait_until (count_is_shown, &typing, "the count of matches");
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_TYPE, began);
  g_printerr ("  (%s)\n", gtk_label_get_label (find_count_label (typing.search_bar)));

  n_spans = sm_document_get_n_spans (document);
  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-all", "s", label))
    g_error ("win.tag-all is not enabled");
  if (find_dialog () != NULL)
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog ()), "tag");
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_TAG_ALL, began);
  g_printerr ("  (%u spans added)\n", sm_document_get_n_spans (document) - n_spans);
  measure_after (STEP_TAG_ALL_AFTER);

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_UNDO, began);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, n_spans);
  measure_after (STEP_UNDO_AFTER);

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_REDO, began);
  measure_after (STEP_REDO_AFTER);

  /* The span list, searched by typing into its own entry */
  span_list = find_widget (GTK_WIDGET (window), g_type_from_name ("SmSpanList"));
  g_assert (span_list != NULL && gtk_widget_get_mapped (span_list));
  list_entry = find_widget (span_list, GTK_TYPE_SEARCH_ENTRY);
  g_assert (list_entry != NULL);
  shown = sm_span_list_get_shown_spans (SM_SPAN_LIST (span_list));
  last_tagged = find_last_tagged (document, label);
  sm_span_list_select_span (SM_SPAN_LIST (span_list), last_tagged);
  g_assert (sm_span_list_get_selected (SM_SPAN_LIST (span_list)) == last_tagged);
  sm_bench_wait_until_idle ();

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  type_word (list_entry, &typing);
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_LIST_TYPE, began);
  g_printerr ("  (%u spans shown, the row selected %s)\n", g_list_model_get_n_items (shown),
              sm_span_list_get_selected (SM_SPAN_LIST (span_list)) == last_tagged ? "still" : "no longer");

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  sm_document_remove_span (document, last_tagged);
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_LIST_EDIT, began);
  g_printerr ("  (%u spans shown)\n", g_list_model_get_n_items (shown));

  began = g_get_monotonic_time ();
  sm_bench_meter_start (&meter, TICK_MS);
  gtk_editable_set_text (GTK_EDITABLE (list_entry), "");
  sm_bench_wait_until_idle ();
  meter_stop (&meter, STEP_LIST_CLEAR, began);
  g_printerr ("  (%u spans shown)\n", g_list_model_get_n_items (shown));

  /* Closed without asking to save */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sm_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  sm_bench_wait_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *load = NULL;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("ARTICLE.json — search, tag all matches, undo and redo in the window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "give an annotated document, and at least one run");
      return EXIT_FAILURE;
    }
  if (word == NULL)
    word = g_strdup ("envoy");

  home = sm_bench_make_home ("spanmark-bench-search");
  gtk_init ();

  if (no_suggestions)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_boolean (settings, "suggestions", FALSE);
    }

  app = sm_bench_application_new ();

  for (guint s = 0; s < N_STEPS; s++)
    {
      longest[s] = g_array_new (FALSE, FALSE, sizeof (double));
      longest_cpu[s] = g_array_new (FALSE, FALSE, sizeof (double));
      elapsed[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (gint run = 0; run < n_runs; run++)
    {
      g_printerr ("Run %d of %d…\n", run + 1, n_runs);
      run_once (argv[1]);
    }

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_strchomp (load);
  g_print ("%s, word “%s”, %d runs%s; /proc/loadavg at the end: %s\n\n",
           argv[1], word, n_runs, no_suggestions ? ", suggestions off" : "", load ? load : "unknown");
  g_print ("| step | longest stall, median (ms) | runs (ms) | busiest iteration, processor time, median (ms) | time to idle, median (ms) |\n");
  g_print ("| --- | ---: | --- | ---: | ---: |\n");
  for (guint s = 0; s < N_STEPS; s++)
    {
      g_autoptr(GString) runs = g_string_new (NULL);

      for (guint i = 0; i < longest[s]->len; i++)
        g_string_append_printf (runs, "%s%.0f", i ? ", " : "", g_array_index (longest[s], double, i));
      g_print ("| %s | %.1f | %s | %.1f | %.1f |\n", step_names[s], sm_bench_median (longest[s], NULL, NULL), runs->str,
               sm_bench_median (longest_cpu[s], NULL, NULL), sm_bench_median (elapsed[s], NULL, NULL));
    }

  sm_bench_remove_tree (home);
  g_clear_object (&app);

  return EXIT_SUCCESS;
}
