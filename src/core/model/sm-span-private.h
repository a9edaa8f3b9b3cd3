/* sm-span-private.h: what SmDocument and the format need of a span's insides.
 *
 * Spans change only through their document, so that every change is
 * validated, undoable and signalled; these setters are for the document.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-span.h"

G_BEGIN_DECLS

SmSpan     *_sm_span_new       (const char *id,
                                const char *label,
                                guint       start,
                                guint       end,
                                const char *text);
void        _sm_span_set_label (SmSpan     *self,
                                const char *label);
void        _sm_span_set_range (SmSpan     *self,
                                guint       start,
                                guint       end,
                                const char *text);
void        _sm_span_set_note  (SmSpan     *self,
                                const char *note);

G_END_DECLS
