/* sm-corpus-sidebar.h: the documents of a corpus, like a to-do list.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-corpus-folder.h"

G_BEGIN_DECLS

#define SM_TYPE_CORPUS_SIDEBAR (sm_corpus_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SmCorpusSidebar, sm_corpus_sidebar, SM, CORPUS_SIDEBAR, GtkWidget)

GtkWidget      *sm_corpus_sidebar_new             (void);
void            sm_corpus_sidebar_set_corpus      (SmCorpusSidebar *self,
                                                   SmCorpusFolder  *corpus);
void            sm_corpus_sidebar_set_current     (SmCorpusSidebar *self,
                                                   SmCorpusEntry   *entry);
void            sm_corpus_sidebar_set_search      (SmCorpusSidebar *self,
                                                   const char      *search);
void            sm_corpus_sidebar_set_status_filter (SmCorpusSidebar *self,
                                                   int              status);
GListModel     *sm_corpus_sidebar_get_shown       (SmCorpusSidebar *self);

G_END_DECLS
