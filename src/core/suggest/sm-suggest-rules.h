/* sm-suggest-rules.h: what the rule recognizers find in an article.
 *
 * Each recognizer reads an article and appends hits: a role (what the span
 * would be: a speaker, a claim, a figure) over a range of code points. A
 * claim's hit may point at the speaker hit that said it. The suggester
 * (sm-suggester.c) maps roles to the document's labels, drops what is
 * already tagged or was rejected, and turns the rest into suggestions.
 *
 * Recognizers are pure functions of the text and the word lists: no
 * globals, safe to run in a worker thread, the same output every run.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-lexicon.h"
#include "sm-text.h"

G_BEGIN_DECLS

typedef enum
{
  SM_ROLE_SPEAKER,
  SM_ROLE_CLAIM,
  SM_ROLE_FIGURE,
} SmRole;

typedef struct
{
  guint  start;    /* first code point */
  guint  end;      /* code point after the hit */
  SmRole role;
  int    said_by;  /* a CLAIM's speaker: index of a SPEAKER hit in the same
                    * array, or -1 when none was found */
} SmHit;

const char *sm_role_to_label  (SmRole      role);

/* Figures: money, percentages, quantities with units, counts, durations
 * (sm-suggest-figures.c) */
void        sm_find_figures   (SmText     *text,
                               SmLexicon  *lexicon,
                               GArray     *hits);

/* Quotations and reported speech, their speakers and who said what
 * (sm-suggest-quotes.c) */
void        sm_find_quotes    (SmText     *text,
                               SmLexicon  *lexicon,
                               GArray     *hits);

G_END_DECLS
