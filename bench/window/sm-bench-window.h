/* sm-bench-window.h: what the window benchmarks share: a home and an
 * application of their own, waiting on the main loop, a real SmWindow
 * with a document open in it, the stall meter and medians.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-application.h"
#include "sm-window.h"

G_BEGIN_DECLS

/* A view that has not opened or a step that has not finished in this
 * long has failed */
#define SM_BENCH_WAIT_SECONDS 600

typedef gboolean (*SmBenchCondition) (gpointer data);

/* The longest gap between the calls of a G_PRIORITY_HIGH timeout: while
 * anything else runs on the main thread it cannot run, so the gap is how
 * long the window could not answer. Times in µs, monotonic.
 *
 * On a shared machine that gap also counts the time the main thread waits
 * for a processor, so the meter keeps beside it the processor time of the
 * longest iteration of the main loop (from one poll to the next: every
 * source it dispatched), which the load does not lengthen. */
typedef struct
{
  gint64 start;    /* when sm_bench_meter_start() last reset it */
  gint64 last;     /* the last call noted */
  gint64 longest;  /* the longest gap since the reset */
  gint64 longest_end; /* when it ended, to find it in a profile */
  gint64 longest_cpu; /* processor time of the longest iteration */
  gint64 longest_cpu_end; /* when it ended */
  guint  source;
} SmBenchMeter;

char          *sm_bench_make_home              (const char       *name);
void           sm_bench_remove_tree            (const char       *path);
SmApplication *sm_bench_application_new        (void);

void           sm_bench_wait_until             (SmBenchCondition  condition,
                                                gpointer          data,
                                                const char       *what);
void           sm_bench_wait_for_frame         (GtkWidget        *widget);
void           sm_bench_wait_until_idle        (void);
void           sm_bench_wait_ms                (guint             ms);

gboolean       sm_bench_window_shows_document  (gpointer          window);
SmWindow      *sm_bench_open_window            (SmApplication    *app,
                                                const char       *path);

void           sm_bench_meter_start            (SmBenchMeter     *meter,
                                                guint             interval_ms);
gint64         sm_bench_meter_note             (SmBenchMeter     *meter);
void           sm_bench_meter_stop             (SmBenchMeter     *meter);

void           sm_bench_sort_doubles           (GArray           *values);
double         sm_bench_median                 (GArray           *values,
                                                double           *low,
                                                double           *high);

G_END_DECLS
