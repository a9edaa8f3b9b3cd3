/* sm-thread.c: work beside the window runs below it.
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
