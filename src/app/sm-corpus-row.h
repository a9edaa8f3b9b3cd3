/* sm-corpus-row.h: one document in the corpus sidebar.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-corpus-entry.h"
#include "sm-project.h"

G_BEGIN_DECLS

#define SM_TYPE_CORPUS_ROW (sm_corpus_row_get_type ())

G_DECLARE_FINAL_TYPE (SmCorpusRow, sm_corpus_row, SM, CORPUS_ROW, GtkWidget)

GtkWidget     *sm_corpus_row_new       (void);
void           sm_corpus_row_set_entry (SmCorpusRow   *self,
                                        SmCorpusEntry *entry,
                                        SmProject     *project);
SmCorpusEntry *sm_corpus_row_get_entry (SmCorpusRow   *self);

G_END_DECLS
