/* sm-json.h: writing JSON with json-glib.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sm-label.h"
#include "sm-span.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  SM_JSON_WRITE_COMPACT = 0,       /* one line, no spaces */
  SM_JSON_WRITE_PRETTY  = 1 << 0,  /* a member or element per line, two-space indent */
  SM_JSON_WRITE_ASCII   = 1 << 1,  /* every non-ASCII character as \uXXXX */
} SmJsonWriteFlags;

void        sm_json_write_object       (GString            *out,
                                        JsonObject         *object,
                                        SmJsonWriteFlags    flags);
void        sm_json_append_string      (GString            *out,
                                        const char         *string,
                                        SmJsonWriteFlags    flags);
void        sm_json_append_uint        (GString            *out,
                                        guint64             value);
void        sm_json_object_add_members (JsonObject         *object,
                                        JsonObject         *members);
JsonObject *sm_json_object_copy        (JsonObject         *object);
JsonArray  *sm_json_fragments_new      (SmSpan             *span);
JsonObject *sm_json_label_new          (SmLabel            *label,
                                        JsonObject         *extra);
JsonObject *sm_json_relation_type_new  (const char         *type,
                                        const char * const *from,
                                        const char * const *to,
                                        JsonObject         *extra);

G_END_DECLS
