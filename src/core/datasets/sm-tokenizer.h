/* sm-tokenizer.h: splitting an article into tokens and sentences for CoNLL.
 *
 * The rules are documented for dataset users in docs/conll.md.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-text.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;          /* first code point */
  guint end;            /* code point after the token */
  guint sentence_end : 1;  /* a sentence may end after this token */
} SmToken;

GArray  *sm_tokenize         (SmText *text);
SmToken *sm_tokenize_compact (SmText *text,
                              guint  *n_tokens);

G_END_DECLS
