/* sm-thread.h: work beside the window runs below it, and gives back what it freed.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  sm_thread_lower_priority             (void);
int   sm_thread_get_priority               (void);
void  sm_thread_give_back_memory_when_idle (void);

G_END_DECLS
