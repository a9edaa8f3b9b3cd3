/* sm-corpus-entry.h: one document of a corpus folder, as its list shows it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_CORPUS_ENTRY (sm_corpus_entry_get_type ())

G_DECLARE_FINAL_TYPE (SmCorpusEntry, sm_corpus_entry, SM, CORPUS_ENTRY, GObject)

const char       *sm_corpus_entry_get_name               (SmCorpusEntry *self);
const char       *sm_corpus_entry_get_path               (SmCorpusEntry *self);
GFile            *sm_corpus_entry_get_article_file       (SmCorpusEntry *self);
GFile            *sm_corpus_entry_get_annotation_file    (SmCorpusEntry *self);
gboolean          sm_corpus_entry_get_has_annotations    (SmCorpusEntry *self);
GFile            *sm_corpus_entry_get_file               (SmCorpusEntry *self);
gboolean          sm_corpus_entry_get_loaded             (SmCorpusEntry *self);
SmDocumentStatus  sm_corpus_entry_get_status             (SmCorpusEntry *self);
gboolean          sm_corpus_entry_is_unfinished          (SmCorpusEntry *self);
guint             sm_corpus_entry_get_n_spans            (SmCorpusEntry *self);
guint             sm_corpus_entry_count_spans_with_label (SmCorpusEntry *self,
                                                          const char    *label);
GHashTable       *sm_corpus_entry_get_label_counts       (SmCorpusEntry *self);
const char       *sm_corpus_entry_get_error              (SmCorpusEntry *self);

G_END_DECLS
