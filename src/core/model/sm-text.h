/* sm-text.h: an article's text, validated, with fast code point <-> byte offsets.
 *
 * Spans address the text in Unicode code points (half-open, like Python
 * strings); GLib works in bytes. SmText keeps a sparse table so converting
 * between the two costs a short walk instead of a scan from the start.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_TEXT_ERROR (sm_text_error_quark ())

typedef enum
{
  SM_TEXT_ERROR_EMPTY,
  SM_TEXT_ERROR_BINARY,
  SM_TEXT_ERROR_ENCODING,
} SmTextError;

#define SM_TYPE_TEXT (sm_text_get_type ())

typedef struct _SmText SmText;

GQuark       sm_text_error_quark         (void);
GType        sm_text_get_type            (void) G_GNUC_CONST;
SmText      *sm_text_new                 (const char  *data,
                                          gssize       length,
                                          GError     **error);
SmText      *sm_text_ref                 (SmText      *self);
void         sm_text_unref               (SmText      *self);
const char  *sm_text_get_utf8            (SmText      *self);
gsize        sm_text_get_n_bytes         (SmText      *self);
guint        sm_text_get_length          (SmText      *self);
const char  *sm_text_get_sha256          (SmText      *self);
gsize        sm_text_get_byte_offset     (SmText      *self,
                                          guint        offset);
guint        sm_text_get_char_offset     (SmText      *self,
                                          gsize        byte_offset);
char        *sm_text_dup_slice           (SmText      *self,
                                          guint        start,
                                          guint        end);
char        *sm_text_dup_slices          (SmText      *self,
                                          const guint *bounds,
                                          guint        n_slices,
                                          const char  *joiner);
gboolean     sm_text_slice_equal         (SmText      *self,
                                          guint        start,
                                          guint        end,
                                          const char  *expected);
gboolean     sm_text_check_utf8          (const char  *data,
                                          gsize        length,
                                          GError     **error);
char        *sm_text_escape_controls     (const char  *string);
gboolean     sm_text_is_line_break       (gunichar     c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmText, sm_text_unref)

G_END_DECLS
