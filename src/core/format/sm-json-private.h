/* sm-json-private.h: what sm_json_parse() and SmJsonReader share.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _sm_json_check_text (const char  *data,
                              gsize        length,
                              GError     **error);

G_END_DECLS
