/* sm-corpus-folder.h: a folder of articles to annotate, worked through like a to-do list.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-corpus-entry.h"
#include "sm-document.h"
#include "sm-project.h"

G_BEGIN_DECLS

/* Where a corpus folder caches what it read of each annotation file */
#define SM_CORPUS_INDEX_FILE_NAME ".spanmark-index.json"

typedef enum
{
  SM_CORPUS_FOLDER_SORT_NAME,    /* by path; numbers in names in numeric order */
  SM_CORPUS_FOLDER_SORT_STATUS,  /* in progress, new, done, unreadable; then by name */
} SmCorpusFolderSort;

#define SM_TYPE_CORPUS_FOLDER_SORT  (sm_corpus_folder_sort_get_type ())
#define SM_TYPE_CORPUS_FOLDER       (sm_corpus_folder_get_type ())
#define SM_TYPE_CORPUS_FOLDER_STATS (sm_corpus_folder_stats_get_type ())

/* A #GListModel of #SmCorpusEntry, in the current order */
G_DECLARE_FINAL_TYPE (SmCorpusFolder, sm_corpus_folder, SM, CORPUS_FOLDER, GObject)

typedef struct _SmCorpusFolderStats SmCorpusFolderStats;

GType                sm_corpus_folder_sort_get_type           (void) G_GNUC_CONST;

/* Opening */
void                 sm_corpus_folder_open_async              (GFile               *folder,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
SmCorpusFolder      *sm_corpus_folder_open_finish             (GAsyncResult        *result,
                                                               GError             **error);
SmCorpusFolder      *sm_corpus_folder_open                    (GFile               *folder,
                                                               GCancellable        *cancellable,
                                                               GError             **error);
GFile               *sm_corpus_folder_get_folder              (SmCorpusFolder      *self);
SmProject           *sm_corpus_folder_get_project             (SmCorpusFolder      *self);
GFile               *sm_corpus_folder_get_project_file        (SmCorpusFolder      *self);
gboolean             sm_corpus_folder_get_loading             (SmCorpusFolder      *self);
gboolean             sm_corpus_folder_document_saved          (SmCorpusFolder      *self,
                                                               SmDocument          *document,
                                                               GFile               *file);

/* Order, and moving through it */
SmCorpusFolderSort   sm_corpus_folder_get_sort                (SmCorpusFolder      *self);
void                 sm_corpus_folder_set_sort                (SmCorpusFolder      *self,
                                                               SmCorpusFolderSort   sort);
SmCorpusEntry       *sm_corpus_folder_find_entry              (SmCorpusFolder      *self,
                                                               GFile               *file);
gboolean             sm_corpus_folder_get_position            (SmCorpusFolder      *self,
                                                               SmCorpusEntry       *entry,
                                                               guint               *position);
SmCorpusEntry       *sm_corpus_folder_get_next                (SmCorpusFolder      *self,
                                                               SmCorpusEntry       *entry);
SmCorpusEntry       *sm_corpus_folder_get_previous            (SmCorpusFolder      *self,
                                                               SmCorpusEntry       *entry);
SmCorpusEntry       *sm_corpus_folder_get_next_unfinished     (SmCorpusFolder      *self,
                                                               SmCorpusEntry       *entry);

/* Counts, kept up to date (each a property that notifies) */
guint                sm_corpus_folder_get_n_with_status       (SmCorpusFolder      *self,
                                                               SmDocumentStatus     status);
guint                sm_corpus_folder_get_n_unreadable        (SmCorpusFolder      *self);
guint                sm_corpus_folder_get_n_pending           (SmCorpusFolder      *self);
guint                sm_corpus_folder_count_spans_with_label  (SmCorpusFolder      *self,
                                                               const char          *label,
                                                               guint               *n_documents);

/* Editing the schema: what a label's change affects over the corpus, the
 * open document counted as it is in memory */
guint                sm_corpus_folder_count_label_uses        (SmCorpusFolder      *self,
                                                               const char          *label,
                                                               SmCorpusEntry       *open_entry,
                                                               SmDocument          *open_document,
                                                               guint               *n_documents);
gboolean             sm_corpus_folder_label_keeps_id          (SmCorpusFolder      *self,
                                                               const char          *label,
                                                               SmCorpusEntry       *open_entry,
                                                               SmDocument          *open_document,
                                                               guint               *n_spans,
                                                               guint               *n_documents);
gboolean             sm_corpus_folder_rename_label            (SmCorpusFolder      *self,
                                                               const char          *label,
                                                               const char          *name,
                                                               SmCorpusEntry       *open_entry,
                                                               SmDocument          *open_document,
                                                               char               **new_id,
                                                               GError             **error);

/* Statistics: a snapshot, taken on demand */
GType                sm_corpus_folder_stats_get_type          (void) G_GNUC_CONST;
SmCorpusFolderStats *sm_corpus_folder_get_stats               (SmCorpusFolder      *self);
SmCorpusFolderStats *sm_corpus_folder_stats_ref               (SmCorpusFolderStats *stats);
void                 sm_corpus_folder_stats_unref             (SmCorpusFolderStats *stats);
guint                sm_corpus_folder_stats_get_n_documents   (SmCorpusFolderStats *stats);
guint                sm_corpus_folder_stats_get_n_with_status (SmCorpusFolderStats *stats,
                                                               SmDocumentStatus     status);
guint                sm_corpus_folder_stats_get_n_unreadable  (SmCorpusFolderStats *stats);
guint                sm_corpus_folder_stats_get_n_pending     (SmCorpusFolderStats *stats);
guint                sm_corpus_folder_stats_get_n_spans       (SmCorpusFolderStats *stats);
const char * const  *sm_corpus_folder_stats_get_labels        (SmCorpusFolderStats *stats);
guint                sm_corpus_folder_stats_get_n_spans_with_label     (SmCorpusFolderStats *stats,
                                                                        const char          *label);
guint                sm_corpus_folder_stats_get_n_documents_with_label (SmCorpusFolderStats *stats,
                                                                        const char          *label);
const guint         *sm_corpus_folder_stats_get_spans_per_document     (SmCorpusFolderStats *stats,
                                                                        guint               *n_documents);
guint                sm_corpus_folder_stats_get_spans_percentile       (SmCorpusFolderStats *stats,
                                                                        guint                percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmCorpusFolderStats, sm_corpus_folder_stats_unref)

G_END_DECLS
