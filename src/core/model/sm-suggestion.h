/* sm-suggestion.h: a span Spanmark proposes, not yet the annotator's.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a suggestion came from, as files store it */
#define SM_SUGGESTION_SOURCE_RULES    "rules"     /* the recognizers */
#define SM_SUGGESTION_SOURCE_LEARNED  "learned"   /* strings the annotator tagged */
#define SM_SUGGESTION_SOURCE_IMPORTED "imported"  /* another tool's predictions */

#define SM_TYPE_SUGGESTION (sm_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (SmSuggestion, sm_suggestion, SM, SUGGESTION, GObject)

SmSuggestion *sm_suggestion_new          (const char   *label,
                                          guint         start,
                                          guint         end,
                                          const char   *source);
const char   *sm_suggestion_get_id       (SmSuggestion *self);
const char   *sm_suggestion_get_label    (SmSuggestion *self);
guint         sm_suggestion_get_start    (SmSuggestion *self);
guint         sm_suggestion_get_end      (SmSuggestion *self);
const char   *sm_suggestion_get_text     (SmSuggestion *self);
const char   *sm_suggestion_get_source   (SmSuggestion *self);
const char   *sm_suggestion_get_said_by  (SmSuggestion *self);
SmSuggestion *sm_suggestion_get_speaker  (SmSuggestion *self);
void          sm_suggestion_set_speaker  (SmSuggestion *self,
                                          SmSuggestion *speaker);
gboolean      sm_suggestion_is_at        (SmSuggestion *self,
                                          const char   *label,
                                          guint         start,
                                          guint         end);
gint          sm_suggestion_compare      (SmSuggestion *a,
                                          SmSuggestion *b);

G_END_DECLS
