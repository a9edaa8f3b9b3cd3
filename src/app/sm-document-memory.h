/* sm-document-memory.h: what the window remembers of each document.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sm_document_memory_lookup (const char *uri,
                                    const char *key,
                                    gint       *value);
void     sm_document_memory_set    (const char *uri,
                                    const char *key,
                                    gint        value);
void     sm_document_memory_flush  (void);

G_END_DECLS
