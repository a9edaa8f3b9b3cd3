/* sm-bench-scroll.c: scrolls an annotated article through the real window, a
 * page a frame from top to bottom, and prints its frame times beside those
 * of the same text without highlights.
 *
 *   spanmark-bench-scroll [--rounds N] [--view VIEW...] ARTICLE.json ARTICLE.txt
 *
 * Three views take turns in each round: the Spanmark window with the
 * annotated document, the Spanmark window with the plain text (no spans,
 * so no tags), and a plain GtkSourceView set up as the annotation view is,
 * with the same text, in a window sized to the same text area. Each is
 * scrolled twice: first as soon as the document has painted (while the text
 * view is still laying out the rest of the text in the background, as when
 * someone scrolls straight after opening), then again from the top once the
 * main loop has gone idle. When frames are slow the background layout falls
 * behind, and a frame can only scroll to the end of what is laid out: the
 * first pass then takes more frames than the document has pages.
 *
 * It needs a display; run-window-bench.sh starts an Xvfb and runs it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sm-bench-window.h"

/* No document is this many pages long: stop rather than scroll forever */
#define MAX_FRAMES 20000

static gint n_rounds = 3;
static char **view_options;

static const GOptionEntry entries[] = {
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Rounds of the three views (default 3)", "N" },
  { "view", 'v', 0, G_OPTION_ARG_STRING_ARRAY, &view_options, "Only this view: annotated, no-spans or plain (repeatable)", "VIEW" },
  { NULL }
};

typedef enum
{
  VIEW_ANNOTATED,
  VIEW_NO_SPANS,
  VIEW_PLAIN,
  N_VIEWS
} View;

static const char *view_ids[N_VIEWS] = {
  "annotated",
  "no-spans",
  "plain",
};

static const char *view_names[N_VIEWS] = {
  "Spanmark window, 10,000 spans",
  "Spanmark window, no spans",
  "plain GtkSourceView, no tags",
};

typedef enum
{
  PASS_FIRST,
  PASS_AGAIN,
  N_PASSES
} Pass;

static const char *pass_names[N_PASSES] = {
  "first",
  "again",
};

/* One frame painted while scrolling, in milliseconds */
typedef struct
{
  double interval;  /* since the previous frame began */
  double work;      /* before-paint to after-paint: the frame's main thread time */
  double update;    /* the update phase: tick callbacks, so the scroll itself */
  double layout;    /* the layout phase: size allocation, laying out new lines */
  double paint;     /* the paint phase: snapshot and render */
} Frame;

static gboolean view_shown[N_VIEWS];
static GArray *results[N_VIEWS][N_PASSES];  /* Frame, pooled over rounds */
static SmApplication *app;
static char *renderer_name;
static int text_width, text_height;

/* Scrolling */

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *frames;
  gint64         begin;
  gint64         previous_begin;
  gint64         update_end;
  gint64         layout_end;
  gint64         paint_end;
  guint          at_bottom;
  guint          recording : 1;
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
  if (value >= bottom - 0.5 || scroll->frames->len >= MAX_FRAMES)
    {
      if (++scroll->at_bottom >= 2 || scroll->frames->len >= MAX_FRAMES)
        {
          scroll->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  scroll->at_bottom = 0;
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + page, bottom));

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Scroll        *scroll)
{
  scroll->previous_begin = scroll->begin;
  scroll->begin = g_get_monotonic_time ();
  scroll->update_end = scroll->layout_end = scroll->paint_end = 0;
}

static void
on_update (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->update_end = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->layout_end = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Scroll        *scroll)
{
  scroll->paint_end = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Scroll        *scroll)
{
  gint64 end = g_get_monotonic_time ();
  gint64 update_end, layout_end, paint_end;
  Frame frame;

  if (!scroll->recording)
    return;

  /* A phase with nothing to do is not emitted: it took no time */
  update_end = scroll->update_end ? scroll->update_end : scroll->begin;
  layout_end = scroll->layout_end ? scroll->layout_end : update_end;
  paint_end = scroll->paint_end ? scroll->paint_end : layout_end;

  frame.interval = scroll->previous_begin ? (scroll->begin - scroll->previous_begin) / 1000.0 : -1.0;
  frame.work = (end - scroll->begin) / 1000.0;
  frame.update = (update_end - scroll->begin) / 1000.0;
  frame.layout = (layout_end - update_end) / 1000.0;
  frame.paint = (paint_end - layout_end) / 1000.0;
  g_array_append_val (scroll->frames, frame);

  if (scroll->done)
    scroll->recording = FALSE;
}

static gboolean
scroll_is_over (gpointer data)
{
  Scroll *scroll = data;

  return !scroll->recording;
}

/* Scrolls @view from where it is to the bottom, a page a frame, and adds
 * each frame to @frames */
static void
scroll_through (GtkWidget *view,
                GArray    *frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);
  Scroll scroll = { 0 };
  gulong ids[5];

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  scroll.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  scroll.recording = TRUE;

  gtk_widget_add_tick_callback (view, scroll_a_page, &scroll, NULL);
  /* After GTK's handlers, the tick callbacks' among them: each marks the
   * end of its phase */
  ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &scroll);
  ids[1] = g_signal_connect_after (clock, "update", G_CALLBACK (on_update), &scroll);
  ids[2] = g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), &scroll);
  ids[3] = g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint), &scroll);
  ids[4] = g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &scroll);

  sm_bench_wait_until (scroll_is_over, &scroll, "the scroll to reach the bottom");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);

  /* The first frame has no interval: it is the one the scroll started in */
  g_array_append_vals (frames, scroll.frames->data, scroll.frames->len);
  g_array_unref (scroll.frames);
}

/* Scrolls @view through twice: straight away, and again once idle */
static void
measure (View       view_kind,
         GtkWidget *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  sm_bench_wait_for_frame (view);
  scroll_through (view, results[view_kind][PASS_FIRST]);

  sm_bench_wait_until_idle ();
  gtk_adjustment_set_value (adjustment, 0);
  sm_bench_wait_for_frame (view);
  sm_bench_wait_until_idle ();
  scroll_through (view, results[view_kind][PASS_AGAIN]);
}

/* The views */

static void
measure_window (View        view_kind,
                const char *path)
{
  SmWindow *window = sm_bench_open_window (app, path);
  GtkWidget *view;
  GtkWidget *scroller;

  view = GTK_WIDGET (sm_window_get_view (window));
  scroller = gtk_widget_get_parent (view);
  g_assert (GTK_IS_SCROLLED_WINDOW (scroller));

  if (renderer_name == NULL)
    renderer_name = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* Opened only for its size */
  if (view_shown[view_kind])
    measure (view_kind, view);
  else
    sm_bench_wait_for_frame (view);

  text_width = gtk_widget_get_width (scroller);
  text_height = gtk_widget_get_height (scroller);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A GtkSourceView set up as SmAnnotationView sets itself up (see
 * sm_annotation_view_init()), in a window whose text area is as large as
 * the Spanmark window's, so that only the tags and the window around differ */
static void
measure_plain (const char *text,
               gsize       length)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new (NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_source_view_new_with_buffer (buffer);
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter start;

  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, (int) length);
  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes, "Adwaita"));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_monospace (text_view, FALSE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (text_view, 10);
  gtk_text_view_set_pixels_inside_wrap (text_view, 4);
  gtk_text_view_set_left_margin (text_view, 48);
  gtk_text_view_set_right_margin (text_view, 48);
  gtk_text_view_set_top_margin (text_view, 32);
  gtk_text_view_set_bottom_margin (text_view, 48);
  /* The app's style sheet gives the article its size */
  gtk_widget_add_css_class (view, "annotation-view");

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), text_width, text_height);
  gtk_window_present (GTK_WINDOW (window));
  sm_bench_wait_until (widget_is_mapped, view, "the plain view to show");

  measure (VIEW_PLAIN, view);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Statistics */

typedef struct
{
  guint  n;
  double mean;
  double median;
  double p95;
  double max;
  guint  over;   /* values over the threshold given */
} Stats;

/* @offset: where the field is in Frame */
static Stats
frame_stats (GArray *frames,
             gsize   offset,
             double  threshold)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  Stats stats = { 0 };
  double sum = 0;

  for (guint i = 0; i < frames->len; i++)
    {
      const Frame *frame = &g_array_index (frames, Frame, i);
      double value = *(const double *) ((const char *) frame + offset);

      /* A scroll's first frame has no interval */
      if (value < 0)
        continue;
      g_array_append_val (values, value);
      sum += value;
      if (value > threshold)
        stats.over++;
    }

  if (values->len == 0)
    return stats;

  sm_bench_sort_doubles (values);
  stats.n = values->len;
  stats.mean = sum / values->len;
  stats.median = g_array_index (values, double, values->len / 2);
  stats.p95 = g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * 0.95)));
  stats.max = g_array_index (values, double, values->len - 1);

  return stats;
}

static void
print_tables (void)
{
  g_print ("\nFrame work: from the start of the frame (before-paint) to its end (after-paint)\n"
           "on the main thread, in ms: the scroll, layout of the new lines, snapshot and render.\n\n");
  g_print ("| view | pass | frames | mean | median | p95 | max | over 16 ms | layout mean | paint mean |\n");
  g_print ("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (guint v = 0; v < N_VIEWS; v++)
    for (guint p = 0; p < N_PASSES && view_shown[v]; p++)
      {
        Stats work = frame_stats (results[v][p], G_STRUCT_OFFSET (Frame, work), 16.0);
        Stats layout = frame_stats (results[v][p], G_STRUCT_OFFSET (Frame, layout), 16.0);
        Stats paint = frame_stats (results[v][p], G_STRUCT_OFFSET (Frame, paint), 16.0);

        g_print ("| %s | %s | %u | %.1f | %.1f | %.1f | %.1f | %u (%.0f%%) | %.1f | %.1f |\n",
                 view_names[v], pass_names[p], work.n, work.mean, work.median, work.p95, work.max,
                 work.over, work.n ? 100.0 * work.over / work.n : 0.0,
                 layout.mean, paint.mean);
      }

  g_print ("\nFrame interval: from the start of one frame to the start of the next, in ms:\n"
           "what the eye sees, with whatever ran between frames (the text view lays out\n"
           "the lines off screen in idles). The frame clock paces frames at 60 Hz, so\n"
           "16.7 ms is the floor; a frame more than 1 ms past it is counted late.\n\n");
  g_print ("| view | pass | frames | mean | median | p95 | max | late (over 17.7 ms) |\n");
  g_print ("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (guint v = 0; v < N_VIEWS; v++)
    for (guint p = 0; p < N_PASSES && view_shown[v]; p++)
      {
        Stats interval = frame_stats (results[v][p], G_STRUCT_OFFSET (Frame, interval), 1000.0 / 60 + 1);

        g_print ("| %s | %s | %u | %.1f | %.1f | %.1f | %.1f | %u (%.0f%%) |\n",
                 view_names[v], pass_names[p], interval.n, interval.mean, interval.median,
                 interval.p95, interval.max, interval.over,
                 interval.n ? 100.0 * interval.over / interval.n : 0.0);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_path = NULL;
  gsize length;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("ARTICLE.json ARTICLE.txt — scroll a document through the window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || n_rounds < 1)
    {
      g_printerr ("%s\n", error ? error->message : "give an annotated document and its text, and at least one round");
      return EXIT_FAILURE;
    }

  for (guint v = 0; v < N_VIEWS; v++)
    view_shown[v] = view_options == NULL || g_strv_contains ((const char * const *) view_options, view_ids[v]);

  if (!g_file_get_contents (argv[2], &text, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  home = sm_bench_make_home ("spanmark-bench-scroll");

  /* The text alone, where no annotations sit beside it */
  plain_path = g_build_filename (home, "article-text.txt", NULL);
  if (!g_file_set_contents (plain_path, text, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  gtk_init ();
  app = sm_bench_application_new ();

  for (guint v = 0; v < N_VIEWS; v++)
    {
      for (guint p = 0; p < N_PASSES; p++)
        results[v][p] = g_array_new (FALSE, FALSE, sizeof (Frame));
    }

  for (gint round = 0; round < n_rounds; round++)
    {
      g_printerr ("Round %d of %d…\n", round + 1, n_rounds);
      /* The plain view takes its size from a window: one opens even if
       * only the plain view is measured */
      if (view_shown[VIEW_ANNOTATED] || !view_shown[VIEW_NO_SPANS])
        measure_window (VIEW_ANNOTATED, argv[1]);
      if (view_shown[VIEW_NO_SPANS])
        measure_window (VIEW_NO_SPANS, plain_path);
      if (view_shown[VIEW_PLAIN])
        measure_plain (text, length);
    }

  g_print ("Scrolled %s a page a frame, top to bottom, %d rounds; text area %dx%d; renderer %s; GTK %u.%u.%u\n",
           argv[1], n_rounds, text_width, text_height, renderer_name,
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());
  print_tables ();

  sm_bench_remove_tree (home);
  g_clear_pointer (&view_options, g_strfreev);
  g_clear_object (&app);

  return EXIT_SUCCESS;
}
