/* sm-bench-stalls.c: the longest time the window's main loop is blocked
 * during each thing a user does with a large article, and until the loop is
 * idle again.
 *
 *   spanmark-bench-stalls [--runs N] ARTICLE.json CORPUS-FOLDER
 *
 * A probe on the main loop, a timeout at G_PRIORITY_HIGH every millisecond
 * (SmBenchMeter), notes the time between its calls: while anything else runs on the main
 * thread (a key's handler, a frame, an idle laying out text) it cannot run,
 * so the longest gap is the longest the window could not answer. The
 * longest frame (the frame clock's before-paint to after-paint) is noted
 * beside it, and the processor time of the busiest iteration of the loop,
 * which the machine's load does not lengthen. Each action starts with the probe reset and ends once only
 * low-priority work is left (an idle at G_PRIORITY_LOW has run: GtkTextView
 * lays out the text off screen above that priority).
 *
 * The actions go through the code paths their keys use: Ctrl+End, Ctrl+Home
 * and Page Down/Up emit the text view's move-cursor signal as its key
 * bindings do; scrolling moves the view's adjustment down a page a frame to
 * the bottom or for --scroll-pages pages, as a scroll bar dragged or a
 * wheel does; tagging selects a
 * word's range and activates win.tag as a label's key does; a relabel is
 * what the span editor's label choice calls (sm_document_set_span_label);
 * switching documents opens CORPUS-FOLDER (two documents) and activates
 * win.next-document, then win.previous-document.
 *
 * Prints a Markdown table of medians over --runs runs. It needs a display;
 * run-stalls-bench.sh starts an Xvfb and runs it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "sm-bench-window.h"

static gint n_runs = 5;
static gint scroll_pages = 300;
static gboolean only_open;
static gboolean only_corpus;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs of every action (default 5)", "N" },
  { "scroll-pages", 's', 0, G_OPTION_ARG_INT, &scroll_pages, "Pages to scroll down, a page a frame (default 300)", "N" },
  { "only-open", 0, 0, G_OPTION_ARG_NONE, &only_open, "Open the document, nothing else (to profile it)", NULL },
  { "only-corpus", 0, 0, G_OPTION_ARG_NONE, &only_corpus, "Switch documents in the corpus, nothing else (to profile it)", NULL },
  { NULL }
};

typedef enum
{
  ACTION_OPEN,
  ACTION_SCROLL,
  ACTION_END,
  ACTION_HOME,
  ACTION_PAGE_DOWN,
  ACTION_PAGE_UP,
  ACTION_TAG,
  ACTION_RELABEL,
  ACTION_SWITCH,
  N_ACTIONS
} Action;

static const char *action_names[N_ACTIONS] = {
  "open (load to idle)",
  "scroll a page a frame",
  "Ctrl+End",
  "Ctrl+Home",
  "Page Down",
  "Page Up",
  "tag a selection",
  "relabel a span",
  "switch documents in a corpus",
};

/* One action measured, in ms */
typedef struct
{
  double stall;    /* the longest gap between the probe's calls */
  double frame;    /* the longest frame */
  double idle;     /* from the action to the main loop idle */
  double busiest;  /* the busiest iteration's processor time */
} Sample;

static GArray *samples[N_ACTIONS];
static SmApplication *app;

/* The probe */

typedef struct
{
  SmBenchMeter   meter;
  gint64         frame_begin;
  gint64         longest_frame;
  GdkFrameClock *clock;
  gulong         before_paint;
  gulong         after_paint;
} Probe;

static Probe probe;

static void
on_probe_before_paint (GdkFrameClock *clock,
                       gpointer       user_data)
{
  probe.frame_begin = g_get_monotonic_time ();
}

static void
on_probe_after_paint (GdkFrameClock *clock,
                      gpointer       user_data)
{
  if (probe.frame_begin != 0)
    probe.longest_frame = MAX (probe.longest_frame, g_get_monotonic_time () - probe.frame_begin);
  probe.frame_begin = 0;
}

/* The clock of a window destroyed has dropped its handlers already */
static void
forget_clock (void)
{
  if (probe.clock == NULL)
    return;

  if (g_signal_handler_is_connected (probe.clock, probe.before_paint))
    g_signal_handler_disconnect (probe.clock, probe.before_paint);
  if (g_signal_handler_is_connected (probe.clock, probe.after_paint))
    g_signal_handler_disconnect (probe.clock, probe.after_paint);
  g_clear_object (&probe.clock);
}

/* Resets the probe on @window's main loop: what follows is the action */
static void
probe_begin (SmWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  sm_bench_meter_start (&probe.meter, 1);
  probe.longest_frame = probe.frame_begin = 0;

  if (clock != probe.clock)
    {
      forget_clock ();
      probe.clock = g_object_ref (clock);
      probe.before_paint = g_signal_connect (clock, "before-paint", G_CALLBACK (on_probe_before_paint), NULL);
      probe.after_paint = g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_probe_after_paint), NULL);
    }
}

/* Waits for the frame the action asked for and then for the main loop to
 * go idle, and adds what the probe saw. (A frame waits for the frame
 * clock's next tick: without the wait the loop is idle before it.) */
static void
probe_end (SmWindow *window,
           Action    action)
{
  Sample sample;
  gint64 now;

  sm_bench_wait_for_frame (GTK_WIDGET (window));
  sm_bench_wait_until_idle ();
  now = sm_bench_meter_note (&probe.meter);

  sample.stall = probe.meter.longest / 1000.0;
  sample.frame = probe.longest_frame / 1000.0;
  sample.idle = (now - probe.meter.start) / 1000.0;
  sample.busiest = probe.meter.longest_cpu / 1000.0;
  g_array_append_val (samples[action], sample);

  /* The ends in CLOCK_MONOTONIC seconds, as `perf record -k
   * CLOCK_MONOTONIC` stamps its samples */
  g_printerr ("  %-34s longest stall %8.1f ms, longest frame %8.1f ms, idle after %8.1f ms,"
              " busiest iteration %.1f ms of processor time (they ended at %.6f and %.6f s)\n",
              action_names[action], sample.stall, sample.frame, sample.idle, sample.busiest,
              probe.meter.longest_end / 1e6, probe.meter.longest_cpu_end / 1e6);
}

static void
probe_stop (void)
{
  sm_bench_meter_stop (&probe.meter);
  forget_clock ();
}

/* The actions */

static GtkTextView *
get_text_view (SmWindow *window)
{
  return GTK_TEXT_VIEW (sm_window_get_view (window));
}

/* As the text view's key bindings do */
static void
move_cursor (SmWindow        *window,
             GtkMovementStep  step,
             int              count)
{
  g_signal_emit_by_name (get_text_view (window), "move-cursor", step, count, FALSE);
}

typedef struct
{
  GtkAdjustment *adjustment;
  guint          pages;
  guint          at_bottom;
  guint          done : 1;
} Scroll;

static gboolean
scroll_a_page (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double page = gtk_adjustment_get_page_size (scroll->adjustment);
  double bottom = gtk_adjustment_get_upper (scroll->adjustment) - page;

  /* The text view estimates the height of lines it has not laid out yet,
   * so the bottom may move once reached: stop after two frames there */
  if (value >= bottom - 0.5 || scroll->pages >= (guint) scroll_pages)
    {
      if (++scroll->at_bottom >= 2 || scroll->pages >= (guint) scroll_pages)
        {
          scroll->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  scroll->at_bottom = 0;
  scroll->pages++;
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + page, bottom));

  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_is_done (gpointer data)
{
  return ((Scroll *) data)->done;
}

/* A page a frame, --scroll-pages of them or to the end: on llvmpipe a frame
 * of the window takes tens of milliseconds, and a 20 MB article has
 * thousands of pages */
static void
scroll_down (SmWindow *window)
{
  GtkWidget *view = GTK_WIDGET (get_text_view (window));
  Scroll scroll = { 0 };

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_widget_add_tick_callback (view, scroll_a_page, &scroll, NULL);
  sm_bench_wait_until (scroll_is_done, &scroll, "the scroll to reach the bottom");
}

/* The first word after the middle of what the view shows */
static void
get_visible_word (SmWindow *window,
                  guint    *start,
                  guint    *end)
{
  GtkTextView *view = get_text_view (window);
  GdkRectangle visible;
  GtkTextIter iter, word_end;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x + visible.width / 2,
                                      visible.y + visible.height / 2);
  if (!gtk_text_iter_starts_word (&iter))
    gtk_text_iter_forward_word_end (&iter);
  while (!gtk_text_iter_starts_word (&iter) && !gtk_text_iter_is_end (&iter))
    gtk_text_iter_forward_char (&iter);
  word_end = iter;
  gtk_text_iter_forward_word_end (&word_end);

  *start = gtk_text_iter_get_offset (&iter);
  *end = gtk_text_iter_get_offset (&word_end);
}

static const char *
get_label_id (SmDocument *document,
              guint       position)
{
  GListModel *labels = sm_document_get_labels (document);
  g_autoptr(SmLabel) label = g_list_model_get_item (labels, position % g_list_model_get_n_items (labels));

  return sm_label_get_id (label);
}

/* Tags a word in view with the first label; returns the new span */
static SmSpan *
tag_a_word (SmWindow *window)
{
  SmDocument *document = sm_window_get_document (window);
  SmAnnotationView *view = sm_window_get_view (window);
  guint n_spans = sm_document_get_n_spans (document);
  g_autoptr(GPtrArray) spans = NULL;
  guint start, end;

  get_visible_word (window, &start, &end);
  sm_annotation_view_select_range (view, start, end);

  probe_begin (window);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", get_label_id (document, 0)))
    g_error ("win.tag is not enabled");
  probe_end (window, ACTION_TAG);

  if (sm_document_get_n_spans (document) != n_spans + 1)
    g_error ("Tagging added no span");

  spans = sm_document_get_spans_in_range (document, start, end);
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (sm_span_get_start (span) == start && sm_span_get_end (span) == end)
        return span;
    }

  g_error ("The new span is not where it was tagged");
}

static void
relabel (SmWindow *window,
         SmSpan   *span)
{
  SmDocument *document = sm_window_get_document (window);
  g_autoptr(GError) error = NULL;

  probe_begin (window);
  if (!sm_document_set_span_label (document, span, get_label_id (document, 1), &error))
    g_error ("%s", error->message);
  probe_end (window, ACTION_RELABEL);
}

static void
measure_document (const char *path)
{
  SmWindow *window = sm_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmSpan *span;

  gtk_window_present (GTK_WINDOW (window));
  sm_bench_wait_until_idle ();

  probe_begin (window);
  sm_window_open_file (window, file);
  sm_bench_wait_until (sm_bench_window_shows_document, window, "the document to open");
  probe_end (window, ACTION_OPEN);

  if (only_open)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  probe_begin (window);
  scroll_down (window);
  probe_end (window, ACTION_SCROLL);

  /* Back to the top the way a key would, measured as Ctrl+Home */
  probe_begin (window);
  move_cursor (window, GTK_MOVEMENT_BUFFER_ENDS, -1);
  probe_end (window, ACTION_HOME);

  probe_begin (window);
  move_cursor (window, GTK_MOVEMENT_BUFFER_ENDS, 1);
  probe_end (window, ACTION_END);

  probe_begin (window);
  move_cursor (window, GTK_MOVEMENT_BUFFER_ENDS, -1);
  probe_end (window, ACTION_HOME);

  /* Pages down and up, from a few pages in */
  for (guint i = 0; i < 3; i++)
    {
      probe_begin (window);
      move_cursor (window, GTK_MOVEMENT_PAGES, 1);
      probe_end (window, ACTION_PAGE_DOWN);
    }
  for (guint i = 0; i < 3; i++)
    {
      probe_begin (window);
      move_cursor (window, GTK_MOVEMENT_PAGES, -1);
      probe_end (window, ACTION_PAGE_UP);
    }

  span = tag_a_word (window);
  relabel (window, span);

  /* Closing would ask about the changes */
  sm_document_set_modified (sm_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  sm_bench_wait_until_idle ();
}

static gboolean
is_showing_entry (gpointer data)
{
  SmWindow *window = data;
  SmCorpusFolder *corpus = sm_window_get_corpus (window);
  SmCorpusEntry *entry = sm_window_get_corpus_entry (window);
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "wanted"));
  g_autoptr(SmCorpusEntry) shown = NULL;

  if (corpus == NULL || entry == NULL || !sm_bench_window_shows_document (window))
    return FALSE;

  shown = g_list_model_get_item (G_LIST_MODEL (corpus), wanted);
  return shown == entry;
}

static void
switch_to (SmWindow   *window,
           const char *action,
           guint       wanted)
{
  g_object_set_data (G_OBJECT (window), "wanted", GUINT_TO_POINTER (wanted));

  probe_begin (window);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), action, NULL))
    g_error ("%s is not enabled", action);
  sm_bench_wait_until (is_showing_entry, window, "the other document");
  probe_end (window, ACTION_SWITCH);
}

static void
measure_corpus (const char *path)
{
  SmWindow *window = sm_window_new (app);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  sm_window_open_folder (window, folder);
  g_object_set_data (G_OBJECT (window), "wanted", GUINT_TO_POINTER (0));
  sm_bench_wait_until (is_showing_entry, window, "the corpus to open");
  sm_bench_wait_until_idle ();

  switch_to (window, "win.next-document", 1);
  switch_to (window, "win.previous-document", 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sm_bench_wait_until_idle ();
}

/* Statistics */

/* The median of the field at @offset in Sample, and its range */
static double
median (GArray *array,
        gsize   offset,
        double *low,
        double *high)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < array->len; i++)
    g_array_append_val (values, *(double *) ((char *) &g_array_index (array, Sample, i) + offset));

  return sm_bench_median (values, low, high);
}

static void
print_table (const char *path)
{
  g_print ("Medians over %d runs of %s (lowest–highest in brackets), in ms; GTK %u.%u.%u\n\n",
           n_runs, path, gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());
  g_print ("| action | samples | longest stall | longest frame | idle after | busiest iteration, processor time |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: |\n");

  for (guint a = 0; a < N_ACTIONS; a++)
    {
      double stall, stall_low, stall_high, frame, frame_low, frame_high, idle, idle_low, idle_high;
      double busiest, busiest_low, busiest_high;

      if (samples[a]->len == 0)
        continue;

      stall = median (samples[a], G_STRUCT_OFFSET (Sample, stall), &stall_low, &stall_high);
      frame = median (samples[a], G_STRUCT_OFFSET (Sample, frame), &frame_low, &frame_high);
      idle = median (samples[a], G_STRUCT_OFFSET (Sample, idle), &idle_low, &idle_high);
      busiest = median (samples[a], G_STRUCT_OFFSET (Sample, busiest), &busiest_low, &busiest_high);
      g_print ("| %s | %u | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) |\n",
               action_names[a], samples[a]->len,
               stall, stall_low, stall_high, frame, frame_low, frame_high, idle, idle_low, idle_high,
               busiest, busiest_low, busiest_high);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("ARTICLE.json CORPUS-FOLDER — the window's longest stalls");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || n_runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "give a document, a folder of two documents, and at least one run");
      return EXIT_FAILURE;
    }

  home = sm_bench_make_home ("spanmark-bench-stalls");
  gtk_init ();
  app = sm_bench_application_new ();

  for (guint a = 0; a < N_ACTIONS; a++)
    samples[a] = g_array_new (FALSE, FALSE, sizeof (Sample));

  for (gint run = 0; run < n_runs; run++)
    {
      g_printerr ("Run %d of %d…\n", run + 1, n_runs);
      if (!only_corpus)
        measure_document (argv[1]);
      if (!only_open)
        measure_corpus (argv[2]);
    }

  probe_stop ();
  print_table (argv[1]);

  for (guint a = 0; a < N_ACTIONS; a++)
    g_array_unref (samples[a]);
  sm_bench_remove_tree (home);
  g_clear_object (&app);

  return EXIT_SUCCESS;
}
