/* sm-format.h: the Spanmark JSON file format, version 1 (docs/format.md).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_FORMAT_VERSION 1

SmDocument *sm_format_parse     (const char  *data,
                                 gsize        length,
                                 GError     **error);
GBytes     *sm_format_serialize (SmDocument  *document);

G_END_DECLS
