/* sm-format.h: the Spanmark JSON file format, versions 1 and 2 (docs/format.md).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sm-document.h"

G_BEGIN_DECLS

/* The newest version read. A document is written in the oldest version
 * that holds it: 1, or 2 when a span has several fragments. */
#define SM_FORMAT_VERSION 2
#define SM_FORMAT_VERSION_CONTINUOUS 1
#define SM_FORMAT_VERSION_FRAGMENTS 2

SmDocument *sm_format_parse            (const char           *data,
                                        gsize                 length,
                                        GError              **error);
GBytes     *sm_format_serialize        (SmDocument           *document);
void        sm_format_serialize_async  (SmDocument           *document,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GBytes     *sm_format_serialize_finish (GAsyncResult         *result,
                                        GError              **error);

/* A document as it is at one moment, copied to be written in another
 * thread while the document goes on changing */
typedef struct _SmFormatSnapshot SmFormatSnapshot;

SmFormatSnapshot *sm_format_snapshot_new       (SmDocument       *document);
GBytes           *sm_format_snapshot_serialize (SmFormatSnapshot *snapshot);
void              sm_format_snapshot_free      (SmFormatSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmFormatSnapshot, sm_format_snapshot_free)

/* A top-level member the format does not define (kept and written back
 * after the known ones), such as the "conflicts" a merge records */
JsonNode   *sm_format_get_extra_member (SmDocument  *document,
                                        const char  *name);
void        sm_format_set_extra_member (SmDocument  *document,
                                        const char  *name,
                                        JsonNode    *node);

G_END_DECLS
