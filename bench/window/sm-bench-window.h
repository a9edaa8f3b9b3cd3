/* sm-bench-window.h: what the window benchmarks share: a home and an
 * application of their own, waiting on the main loop, and a real SmWindow
 * with a document open in it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-application.h"
#include "sm-window.h"

G_BEGIN_DECLS

/* A view that has not opened or finished in this long has failed */
#define SM_BENCH_WAIT_SECONDS 300

typedef gboolean (*SmBenchCondition) (gpointer data);

char          *sm_bench_make_home              (const char       *name);
void           sm_bench_remove_tree            (const char       *path);
SmApplication *sm_bench_application_new        (void);

void           sm_bench_wait_until             (SmBenchCondition  condition,
                                                gpointer          data,
                                                const char       *what);
void           sm_bench_wait_for_frame         (GtkWidget        *widget);
void           sm_bench_wait_until_idle        (void);

gboolean       sm_bench_window_shows_document  (gpointer          window);
SmWindow      *sm_bench_open_window            (SmApplication    *app,
                                                const char       *path);

G_END_DECLS
