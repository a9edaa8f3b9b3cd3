/* sm-suggestion-store.h: a document's pending and rejected suggestions.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-suggestion.h"

G_BEGIN_DECLS

typedef struct _SmSuggestionStore SmSuggestionStore;

SmSuggestionStore *sm_suggestion_store_new          (void);
void               sm_suggestion_store_free         (SmSuggestionStore *self);
GListModel        *sm_suggestion_store_get_pending  (SmSuggestionStore *self);
char              *sm_suggestion_store_next_id      (SmSuggestionStore *self);
void               sm_suggestion_store_reserve_id   (SmSuggestionStore *self,
                                                     const char        *id);
void               sm_suggestion_store_make_room    (SmSuggestionStore *self,
                                                     guint              n);
guint              sm_suggestion_store_get_room     (SmSuggestionStore *self);
void               sm_suggestion_store_insert       (SmSuggestionStore *self,
                                                     SmSuggestion      *suggestion);
void               sm_suggestion_store_begin_batch  (SmSuggestionStore *self);
void               sm_suggestion_store_end_batch    (SmSuggestionStore *self);
void               sm_suggestion_store_remove       (SmSuggestionStore *self,
                                                     SmSuggestion      *suggestion);
SmSuggestion      *sm_suggestion_store_find         (SmSuggestionStore *self,
                                                     const char        *id);
SmSuggestion      *sm_suggestion_store_find_known   (SmSuggestionStore *self,
                                                     const char        *id);
SmSuggestion      *sm_suggestion_store_find_at      (SmSuggestionStore *self,
                                                     const char        *label,
                                                     guint              start,
                                                     guint              end);
GPtrArray         *sm_suggestion_store_get_in_range (SmSuggestionStore *self,
                                                     guint              start,
                                                     guint              end);
void               sm_suggestion_store_reject       (SmSuggestionStore *self,
                                                     SmSuggestion      *suggestion);
void               sm_suggestion_store_unreject     (SmSuggestionStore *self,
                                                     SmSuggestion      *suggestion);
gboolean           sm_suggestion_store_is_rejected  (SmSuggestionStore *self,
                                                     const char        *label,
                                                     guint              start,
                                                     guint              end);
GPtrArray         *sm_suggestion_store_dup_rejected (SmSuggestionStore *self);

G_END_DECLS
