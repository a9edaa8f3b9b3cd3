/* sm-suggestion-private.h: what SmDocument and the format set on a suggestion.
 *
 * A suggestion in a document does not change: these are for the document
 * as it takes one in, and for the loader.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-suggestion.h"
#include "sm-text.h"

G_BEGIN_DECLS

void _sm_suggestion_set_id      (SmSuggestion *self,
                                 const char   *id);
void _sm_suggestion_set_text    (SmSuggestion *self,
                                 SmText       *text);
void _sm_suggestion_set_said_by (SmSuggestion *self,
                                 const char   *said_by);

G_END_DECLS
