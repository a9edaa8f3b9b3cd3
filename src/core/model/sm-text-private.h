/* sm-text-private.h: for the format reader, which has checked the text,
 * and for the benchmark that times the checksum on its own.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-text.h"

G_BEGIN_DECLS

SmText *_sm_text_new_valid (const char  *data,
                            gssize       length,
                            GError     **error);

char   *_sm_text_compute_sha256 (const char *data,
                                 gsize       length);

G_END_DECLS
