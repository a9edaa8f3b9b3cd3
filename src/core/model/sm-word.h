/* sm-word.h: what a word is, for everything that works on whole words.
 *
 * Snapping a selection, double-click, whole-word search and the CoNLL
 * tokenizer all cut the text here; the rules are documented for users in
 * docs/conll.md.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-text.h"

G_BEGIN_DECLS

gboolean  sm_word_is_separator (gunichar         c);
guint     sm_word_scan         (const gunichar  *chars,
                                guint            n_chars,
                                guint            start,
                                gboolean        *is_word);
gboolean  sm_word_find         (SmText          *text,
                                guint            offset,
                                guint           *start,
                                guint           *end);
gboolean  sm_word_snap         (SmText          *text,
                                guint           *start,
                                guint           *end);
gboolean  sm_word_is_whole     (SmText          *text,
                                guint            start,
                                guint            end);

G_END_DECLS
