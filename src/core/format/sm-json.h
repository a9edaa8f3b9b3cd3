/* sm-json.h: writing JSON by hand where layout matters, and reading it safely.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper nesting than any file we read needs; json-glib recurses per level */
#define SM_JSON_MAX_DEPTH 512

void      sm_json_append_string (GString      *out,
                                 const char   *string);
void      sm_json_append_member (GString      *out,
                                 const char   *name);
gboolean  sm_json_check_depth   (const char   *data,
                                 gsize         length,
                                 guint         max_depth,
                                 GError      **error);
JsonNode *sm_json_parse         (const char   *data,
                                 gsize         length,
                                 GError      **error);

G_END_DECLS
