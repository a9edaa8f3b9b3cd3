/* sm-bench-window.c: what the window benchmarks share (sm-bench-window.h).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "sm-bench-window.h"

/**
 * sm_bench_make_home:
 * @name: what the benchmark is called, for the folder's name
 *
 * Makes a home of the benchmark's own, as the app tests have: recent
 * files, drafts and settings stay out of the user's.
 *
 * Returns: (transfer full): its path, for sm_bench_remove_tree()
 */
char *
sm_bench_make_home (const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp (template, &error);

  if (home == NULL)
    g_error ("%s", error->message);

  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  return home;
}

/* Removes the bench's home and whatever the window left in it */
void
sm_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
      (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sm_bench_remove_tree (child);
        }
    }

  g_remove (path);
}

/* After gtk_init(): the application the windows belong to, registered */
SmApplication *
sm_bench_application_new (void)
{
  g_autoptr(GError) error = NULL;
  SmApplication *app;

  adw_init ();

  app = g_object_new (SM_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/spanmark/Spanmark",
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  return app;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
sm_bench_wait_until (SmBenchCondition  condition,
                     gpointer          data,
                     const char       *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (SM_BENCH_WAIT_SECONDS, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Gave up waiting for %s", what);

  g_source_remove (id);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_painted (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for the end of the next frame @widget's window paints */
void
sm_bench_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  id = g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_painted), &painted);
  gtk_widget_queue_draw (widget);
  sm_bench_wait_until (flag_is_set, &painted, "a frame");
  g_signal_handler_disconnect (clock, id);
}

/* Waits until nothing but low-priority work is left: GtkTextView lays out
 * the lines off screen in idles above G_PRIORITY_LOW */
void
sm_bench_wait_until_idle (void)
{
  gboolean idle = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, set_flag, &idle, NULL);
  sm_bench_wait_until (flag_is_set, &idle, "the main loop to go idle");
}

/* Waits @ms milliseconds, the main loop running */
void
sm_bench_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  sm_bench_wait_until (flag_is_set, &done, "a pause");
}

/* The document is open and its view in the window */
gboolean
sm_bench_window_shows_document (gpointer data)
{
  SmWindow *window = data;
  SmAnnotationView *view = sm_window_get_view (window);

  return !sm_window_is_busy (window) && view != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

/* A new window, shown, with the document at @path open in it */
SmWindow *
sm_bench_open_window (SmApplication *app,
                      const char    *path)
{
  SmWindow *window = sm_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  sm_window_open_file (window, file);
  sm_bench_wait_until (sm_bench_window_shows_document, window, "the document to open");

  return window;
}

/* The stall meter */

static SmBenchMeter *running_meter;
static gint64 cpu_after_poll;

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The main context's poll: what the thread spent between two polls is one
 * iteration of the loop */
static gint
meter_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 cpu_before_poll = thread_cpu_us ();
  gint result;

  if (running_meter != NULL && cpu_after_poll != 0 &&
      cpu_before_poll - cpu_after_poll > running_meter->longest_cpu)
    {
      running_meter->longest_cpu = cpu_before_poll - cpu_after_poll;
      running_meter->longest_cpu_end = g_get_monotonic_time ();
    }

  result = g_poll (fds, n_fds, timeout);
  cpu_after_poll = thread_cpu_us ();

  return result;
}

static gboolean
on_meter_tick (gpointer data)
{
  sm_bench_meter_note (data);

  return G_SOURCE_CONTINUE;
}

/**
 * sm_bench_meter_start:
 * @meter: a meter, zeroed before its first start
 * @interval_ms: how often its timeout is called
 *
 * Resets @meter: what follows is the action measured. Its timeout starts
 * unless it runs already.
 */
void
sm_bench_meter_start (SmBenchMeter *meter,
                      guint         interval_ms)
{
  meter->start = meter->last = g_get_monotonic_time ();
  meter->longest = 0;
  meter->longest_end = meter->start;
  meter->longest_cpu = 0;

  if (meter->source == 0)
    meter->source = g_timeout_add_full (G_PRIORITY_HIGH, interval_ms, on_meter_tick, meter, NULL);

  running_meter = meter;
  cpu_after_poll = 0;
  g_main_context_set_poll_func (NULL, meter_poll);
}

/* Notes the gap up to now, as a call of the timeout does: the gap before
 * the end of an action counts too. Returns now. */
gint64
sm_bench_meter_note (SmBenchMeter *meter)
{
  gint64 now = g_get_monotonic_time ();

  if (now - meter->last > meter->longest)
    {
      meter->longest = now - meter->last;
      meter->longest_end = now;
    }
  meter->last = now;

  return now;
}

/* Stops the meter's timeout; what it noted stays */
void
sm_bench_meter_stop (SmBenchMeter *meter)
{
  g_clear_handle_id (&meter->source, g_source_remove);
  if (running_meter == meter)
    running_meter = NULL;
}

/* Statistics */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts an array of doubles, lowest first */
void
sm_bench_sort_doubles (GArray *values)
{
  g_array_sort (values, compare_doubles);
}

/**
 * sm_bench_median:
 * @values: doubles, in any order (left so)
 * @low: (out) (optional): the lowest value
 * @high: (out) (optional): the highest value
 *
 * Returns: the median of @values (the mean of the middle two for an even
 *   number), or 0 if there are none
 */
double
sm_bench_median (GArray *values,
                 double *low,
                 double *high)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    {
      if (low != NULL)
        *low = 0;
      if (high != NULL)
        *high = 0;
      return 0;
    }

  sm_bench_sort_doubles (sorted);
  if (low != NULL)
    *low = g_array_index (sorted, double, 0);
  if (high != NULL)
    *high = g_array_index (sorted, double, n - 1);

  if (n % 2)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}
