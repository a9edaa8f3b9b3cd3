/* sm-json-reader.h: a pull reader of strict JSON (RFC 8259) in a buffer.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper nesting than any file we read needs */
#define SM_JSON_MAX_DEPTH 512

typedef enum
{
  SM_JSON_TOKEN_ERROR,
  SM_JSON_TOKEN_END,
  SM_JSON_TOKEN_BEGIN_OBJECT,
  SM_JSON_TOKEN_END_OBJECT,
  SM_JSON_TOKEN_BEGIN_ARRAY,
  SM_JSON_TOKEN_END_ARRAY,
  SM_JSON_TOKEN_MEMBER,
  SM_JSON_TOKEN_STRING,
  SM_JSON_TOKEN_INT,
  SM_JSON_TOKEN_DOUBLE,
  SM_JSON_TOKEN_TRUE,
  SM_JSON_TOKEN_FALSE,
  SM_JSON_TOKEN_NULL,
} SmJsonToken;

typedef struct _SmJsonReader SmJsonReader;

SmJsonReader *sm_json_reader_new        (const char    *data,
                                         gsize          length);
void          sm_json_reader_free       (SmJsonReader  *self);
SmJsonToken   sm_json_reader_next       (SmJsonReader  *self,
                                         GError       **error);
const char   *sm_json_reader_get_string (SmJsonReader  *self,
                                         gsize         *length);
gint64        sm_json_reader_get_int    (SmJsonReader  *self);
gdouble       sm_json_reader_get_double (SmJsonReader  *self);
guint         sm_json_reader_get_depth  (SmJsonReader  *self);
gsize         sm_json_reader_get_offset (SmJsonReader  *self);
gboolean      sm_json_reader_skip       (SmJsonReader  *self,
                                         GError       **error);
JsonNode     *sm_json_reader_read_node  (SmJsonReader  *self,
                                         GError       **error);

JsonNode     *sm_json_read              (const char    *data,
                                         gsize          length,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmJsonReader, sm_json_reader_free)

G_END_DECLS
