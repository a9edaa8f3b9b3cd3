/* sm-json.h: writing JSON by hand where layout matters.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void      sm_json_append_string (GString      *out,
                                 const char   *string);
void      sm_json_append_member (GString      *out,
                                 const char   *name);

G_END_DECLS
