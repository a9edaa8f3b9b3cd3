/* sm-thread.c: work beside the window runs below it, and gives back what it freed.
 *
 * The window's workers (a suggestion run, drafts and saves, counting
 * search matches, loading a document, reading a corpus folder) run in
 * threads beside the one that draws the window, and so, under a software
 * renderer, do the renderer's own threads: the frame waits for them. On a
 * machine with two cores, two busy workers shared the processor with
 * llvmpipe's threads in even 4 ms slices, and a frame of 13 ms of
 * rendering took 51 ms (`perf sched timehist` of bench/window's
 * `spanmark-bench-search`, undo of Tag All on the 20 MB article; the main
 * thread's scheduling delay was under 6 ms, its waits for the frame up to
 * 55 ms). A worker lowers its own priority first, so that the window and
 * what renders it get the processor when they want it and the workers get
 * the rest, which on an idle machine is all of it.
 *
 * The price is paid when other busy programs share the worker's
 * scheduling group: Linux's autogroups put each session (a terminal's tab,
 * say) in one of its own, and within one a nice-10 thread gets about a
 * tenth of a core a busy one wants. A thread doing 0.5 s of work beside
 * two busy processes of its own session took 7.0 s at nice 10 and 1.1 s
 * at nice 0; with the two in a session of their own, 0.67 s and 0.50 s
 * (a test program, 7 December 2026, one run each).
 *
 * Lowering is for good: an unprivileged process cannot raise a thread's
 * priority again. So only threads that never do the window's work call
 * this: our own threads, and GLib's pool threads, which run nothing but
 * work handed to them with g_task_run_in_thread() and the like.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-thread"

/* syscall() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>

/* Where glibc's malloc() is the one in use: the sanitizers bring their
 * own, and glibc's malloc_trim() then walks arenas never set up (it
 * crashed test-window under ASan) */
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define HAVE_GLIBC_MALLOC 1
#include <malloc.h>
#endif

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "sm-thread.h"

/* Where a busy worker gets about a tenth of a core the window wants */
#define BACKGROUND_NICE 10

/**
 * sm_thread_get_priority:
 *
 * Returns: the calling thread's nice value: 0 by default, higher for
 *   lower priority; 0 where threads have no priority of their own
 */
int
sm_thread_get_priority (void)
{
#ifdef __linux__
  int nice;

  /* On Linux the nice value is the thread's, named by its id */
  errno = 0;
  nice = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));

  return errno == 0 ? nice : 0;
#else
  return 0;
#endif
}

/**
 * sm_thread_lower_priority:
 *
 * Lowers the calling thread's priority below the window's, for work the
 * user is not waiting on frame by frame. A thread already as low or lower
 * stays as it is. Call it only in a thread that does nothing else: it
 * cannot be undone.
 */
void
sm_thread_lower_priority (void)
{
#ifdef __linux__
  id_t tid = (id_t) syscall (SYS_gettid);

  if (sm_thread_get_priority () >= BACKGROUND_NICE)
    return;

  if (setpriority (PRIO_PROCESS, tid, BACKGROUND_NICE) != 0)
    g_debug ("Could not lower the priority of thread %ld: %s",
             (long) tid, g_strerror (errno));
#endif
}

#ifdef HAVE_GLIBC_MALLOC
/* Gives the pages the process has freed back to the system. glibc keeps
 * freed memory for the next allocation and returns it only from the top
 * of each heap, so without this the window's resident memory stays at
 * the peak of its last suggestion run: on the 20 MB article, 44 MB of
 * freed pages (471 MB settled, 426 MB after a trim from gdb). It walks
 * every heap with its lock held in turn: 2 to 31 ms there. */
static gpointer
give_back_in_thread (gpointer data)
{
  gint64 start;
  gboolean gave;

  sm_thread_lower_priority ();
  start = g_get_monotonic_time ();
  gave = malloc_trim (0) != 0;
  g_debug ("%s freed memory back in %.1f ms",
           gave ? "Gave" : "Had no", (g_get_monotonic_time () - start) / 1000.0);

  return NULL;
}

static gint give_back_queued;

static gboolean
give_back_when_idle (gpointer data)
{
  GThread *thread;

  g_atomic_int_set (&give_back_queued, FALSE);
  thread = g_thread_try_new ("sm-give-back", give_back_in_thread, NULL, NULL);
  if (thread != NULL)
    g_thread_unref (thread);

  return G_SOURCE_REMOVE;
}
#endif

/**
 * sm_thread_give_back_memory_when_idle:
 *
 * Once the default main context has nothing else to do, gives the memory
 * the process has freed back to the system, in a thread of its own: for
 * after a great deal was freed (a suggestion run taken in, a long document
 * let go of); where no main loop runs, nothing is. Waiting for the
 * window to be idle keeps the trim, which holds each heap's lock in turn,
 * away from the window's own work. Trimming in the worker as soon as a
 * run ended, on the 20 MB article, made the 4 s after a redo (where the
 * run is taken in) stall 61 ms against 41, and deleting a span with the
 * span list searched 107 against 51 (medians of 3). Any thread may call
 * it; the calls before the trim make one. Where another malloc() than
 * glibc's is in use (a sanitizer's), it does nothing.
 */
void
sm_thread_give_back_memory_when_idle (void)
{
#ifdef HAVE_GLIBC_MALLOC
  if (g_atomic_int_compare_and_exchange (&give_back_queued, FALSE, TRUE))
    g_idle_add_full (G_PRIORITY_LOW, give_back_when_idle, NULL, NULL);
#endif
}
