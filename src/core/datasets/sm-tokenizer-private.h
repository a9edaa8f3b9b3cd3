/* sm-tokenizer-private.h: the tokenizer's pieces, for its tests.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-tokenizer.h"

G_BEGIN_DECLS

SmToken *_sm_tokenize_in_pieces (SmText *text,
                                 gsize   piece_bytes,
                                 guint  *n_tokens);

G_END_DECLS
