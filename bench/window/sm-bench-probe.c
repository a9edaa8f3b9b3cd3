/* sm-bench-probe.c: an LD_PRELOAD module that says when a GTK 4 window first
 * paints a whole document, so that Spanmark and GNOME Text Editor are timed
 * by the same rule, without changing either of them.
 *
 * It wraps gtk_window_present(), which both applications call on their
 * window, and watches that window's frame clock. At the end of each frame
 * (after-paint) it looks for a mapped GtkTextView whose buffer holds at
 * least SM_BENCH_PROBE_CHARS characters: the first frame painted with the
 * whole text in the view is the moment the user sees the document. Both
 * applications fill their buffer between frames (Spanmark in one main loop
 * callback, with the highlights; Text Editor in chunks as it reads), so
 * that frame is the first one that shows all of it.
 *
 * Events are written as lines to the file or FIFO SM_BENCH_PROBE_OUTPUT,
 * with times in microseconds since the epoch (g_get_real_time()), the
 * clock of bash's $EPOCHREALTIME:
 *
 *   loaded TIME                  the module's constructor, before main()
 *   first-frame TIME             the window's first frame painted
 *   document-frame BEGIN END WxH VWxVH RENDERER
 *                                the first frame with the whole document:
 *                                when that frame began and ended, the
 *                                window's and the text view's size, and
 *                                the GSK renderer
 *   trimmed TIME                 after SIGUSR1, once malloc_trim() has
 *                                given the allocator's free memory back:
 *                                what stays is memory in use
 *   stall LONGEST SINCE          with SM_BENCH_PROBE_STALLS set, after
 *                                SIGUSR2, once the window has painted
 *                                a frame and the main loop is idle (an idle
 *                                at G_PRIORITY_LOW has run): the longest gap,
 *                                in microseconds, between the calls of a
 *                                G_PRIORITY_HIGH timeout every millisecond
 *                                since the last report (or since the window
 *                                was presented), and the time since then.
 *                                The same rule as spanmark-bench-stalls:
 *                                whatever else runs on the main thread
 *                                keeps the timeout from running.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <glib-unix.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <gtk/gtk.h>

static FILE *output;
static gint64 expected_chars;
static gboolean watching;
static gboolean painted_once;
static gint64 frame_begin;

/* The stall probe */
static GtkWidget *watched;
static gint64 stall_since;
static gint64 stall_last;
static gint64 stall_longest;
static gboolean stall_reporting;

static void
emit (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
emit (const char *format,
      ...)
{
  va_list args;

  if (output == NULL)
    return;

  va_start (args, format);
  vfprintf (output, format, args);
  va_end (args);
  fputc ('\n', output);
  fflush (output);
}

__attribute__((constructor)) static void
probe_init (void)
{
  const char *path = g_getenv ("SM_BENCH_PROBE_OUTPUT");
  const char *chars = g_getenv ("SM_BENCH_PROBE_CHARS");

  if (path == NULL || chars == NULL)
    return;

  expected_chars = g_ascii_strtoll (chars, NULL, 10);
  output = fopen (path, "a");
  emit ("loaded %" G_GINT64_FORMAT, g_get_real_time ());
}

static GtkTextView *
find_document_view (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      if (gtk_text_buffer_get_char_count (buffer) >= expected_chars)
        return GTK_TEXT_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *view = find_document_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

static void
on_before_paint (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  frame_begin = g_get_real_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 end = g_get_real_time ();
  GtkTextView *view;
  GskRenderer *renderer;

  if (!painted_once)
    {
      painted_once = TRUE;
      emit ("first-frame %" G_GINT64_FORMAT, end);
    }

  if ((view = find_document_view (window)) == NULL)
    return;

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  emit ("document-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %dx%d %dx%d %s",
        frame_begin, end,
        gtk_widget_get_width (window), gtk_widget_get_height (window),
        gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)),
        renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");

  g_signal_handlers_disconnect_by_func (clock, on_before_paint, window);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
}

/* On the main loop, as the application's own frees are */
static gboolean
on_trim_requested (gpointer user_data)
{
  malloc_trim (0);
  emit ("trimmed %" G_GINT64_FORMAT, g_get_real_time ());

  return G_SOURCE_CONTINUE;
}

static gboolean
on_stall_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  stall_longest = MAX (stall_longest, now - stall_last);
  stall_last = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
report_stall (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  stall_longest = MAX (stall_longest, now - stall_last);
  emit ("stall %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, stall_longest, now - stall_since);
  stall_since = stall_last = now;
  stall_longest = 0;
  stall_reporting = FALSE;

  return G_SOURCE_REMOVE;
}

static void
on_stall_frame (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_stall_frame, user_data);
  g_idle_add_full (G_PRIORITY_LOW, report_stall, NULL, NULL);
}

/* Once the frame asked for has painted, then once idle */
static gboolean
on_stall_requested (gpointer user_data)
{
  GdkFrameClock *clock = watched ? gtk_widget_get_frame_clock (watched) : NULL;

  if (stall_reporting)
    return G_SOURCE_CONTINUE;
  stall_reporting = TRUE;

  if (clock == NULL)
    {
      g_idle_add_full (G_PRIORITY_LOW, report_stall, NULL, NULL);
      return G_SOURCE_CONTINUE;
    }

  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_stall_frame), NULL);
  gtk_widget_queue_draw (watched);

  return G_SOURCE_CONTINUE;
}

static void
watch (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock == NULL)
    return;

  watching = TRUE;
  watched = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &watched);
  g_unix_signal_add (SIGUSR1, on_trim_requested, NULL);
  /* Only when asked for: run-window-bench.sh times start-up without it */
  if (g_getenv ("SM_BENCH_PROBE_STALLS") != NULL)
    {
      g_unix_signal_add (SIGUSR2, on_stall_requested, NULL);
      stall_since = stall_last = g_get_monotonic_time ();
      g_timeout_add_full (G_PRIORITY_HIGH, 1, on_stall_tick, NULL, NULL);
    }
  g_signal_connect_object (clock, "before-paint", G_CALLBACK (on_before_paint), window, 0);
  /* Connected after GTK's own handlers, so the frame is painted by then */
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, G_CONNECT_AFTER);
}

/* The one entry point both applications share: gtk_window_present()
 * realizes the window, so its frame clock exists once this returns. */
void
gtk_window_present (GtkWindow *window)
{
  static void (*present) (GtkWindow *window);

  if (present == NULL)
    present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  present (window);

  if (output != NULL && !watching && GTK_IS_WINDOW (window))
    watch (GTK_WIDGET (window));
}
