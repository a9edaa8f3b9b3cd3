/* sm-suggester.h: what Spanmark proposes for a document.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_SUGGESTER (sm_suggester_get_type ())

G_DECLARE_FINAL_TYPE (SmSuggester, sm_suggester, SM, SUGGESTER, GObject)

SmSuggester *sm_suggester_new                (void);
void         sm_suggester_learn_document     (SmSuggester          *self,
                                              SmDocument           *document);
void         sm_suggester_learn_document_in_thread (SmSuggester    *self,
                                                    SmDocument     *document);
guint        sm_suggester_get_n_learned      (SmSuggester          *self);
GPtrArray   *sm_suggester_run                (SmSuggester          *self,
                                              SmDocument           *document,
                                              const char * const   *labels,
                                              GCancellable         *cancellable);
void         sm_suggester_run_async          (SmSuggester          *self,
                                              SmDocument           *document,
                                              const char * const   *labels,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray   *sm_suggester_run_finish         (SmSuggester          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
guint        sm_suggester_update_document    (SmSuggester          *self,
                                              SmDocument           *document,
                                              GPtrArray            *suggestions);
SmSuggestionsUpdate *sm_suggester_begin_update (SmSuggester        *self,
                                                SmDocument         *document,
                                                GPtrArray          *suggestions);

G_END_DECLS
