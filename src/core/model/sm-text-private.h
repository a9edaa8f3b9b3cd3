/* sm-text-private.h: for the format reader, which has checked the text.
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

G_END_DECLS
