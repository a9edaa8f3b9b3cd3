/* sm-corpus-folder-private.h: what a corpus folder's files share of its insides.
 *
 * A record is what the corpus knows of one document on disk. Worker
 * threads make records; the main thread gives them to entries. A record
 * never changes once made, so threads share it by reference, unlocked.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-corpus-folder.h"

G_BEGIN_DECLS

typedef struct
{
  char             *path;             /* "world/x": the pair's stem, '/'-separated */
  char             *article_path;     /* "world/x.txt", or NULL if there is none */
  char             *annotation_path;  /* "world/x.json", whether it exists yet or not */
  gboolean          has_annotations;  /* the annotation file exists */
  guint64           size;             /* of the annotation file when it was read */
  gint64            mtime;            /* its modification time, in microseconds */
  gboolean          stamp_pending;    /* known from the window's save, stamp not taken yet */
  gboolean          loaded;           /* status and counts are known */
  gboolean          removed;          /* as an update: the document is gone */
  SmDocumentStatus  status;
  guint             n_spans;
  GHashTable       *label_counts;     /* label id -> GUINT_TO_POINTER (count) */
  char             *error;            /* why the annotation file cannot be read */
  guint             base_version;     /* the entry's version the update was made from */
} SmCorpusRecord;

struct _SmCorpusEntry
{
  GObject          parent_instance;

  GFile           *folder;
  SmCorpusRecord  *record;
  char            *name;
  char            *sort_key;          /* natural order: "doc2" before "doc10" */
  GFile           *article_file;      /* made when asked for */
  GFile           *annotation_file;

  /* Kept by the folder, on the main thread */
  guint            position;
  /* Raised by each change the main thread makes itself (a save), so that
   * a worker's older view of the entry is not applied over it. */
  guint            version;
};

SmCorpusRecord *_sm_corpus_record_new           (const char            *path);
SmCorpusRecord *_sm_corpus_record_copy          (const SmCorpusRecord  *record);
SmCorpusRecord *_sm_corpus_record_ref           (SmCorpusRecord        *record);
void            _sm_corpus_record_unref         (SmCorpusRecord        *record);
void            _sm_corpus_record_set_document  (SmCorpusRecord        *record,
                                                 SmDocument            *document);
gboolean        _sm_corpus_record_same_stamp    (const SmCorpusRecord  *a,
                                                 const SmCorpusRecord  *b);
gboolean        _sm_corpus_record_equal         (const SmCorpusRecord  *a,
                                                 const SmCorpusRecord  *b);

char           *_sm_corpus_stem                 (const char            *relative);

/* On disk (sm-corpus-index.c); these block, so run them in a worker */
gboolean        _sm_corpus_scan                 (GFile                 *folder,
                                                 const char            *dir,
                                                 GHashTable            *known_dirs,
                                                 GHashTable            *records,
                                                 GPtrArray             *dirs,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
void            _sm_corpus_record_finish_scan   (SmCorpusRecord        *record);
SmCorpusRecord *_sm_corpus_record_read          (GFile                 *folder,
                                                 const SmCorpusRecord  *scanned);
GHashTable     *_sm_corpus_index_load           (GFile                 *folder,
                                                 GCancellable          *cancellable);
gboolean        _sm_corpus_index_save           (GFile                 *folder,
                                                 GPtrArray             *records,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

/* Entries (sm-corpus-entry.c) */
SmCorpusEntry  *_sm_corpus_entry_new            (GFile                 *folder,
                                                 SmCorpusRecord        *record);
void            _sm_corpus_entry_set_record     (SmCorpusEntry         *self,
                                                 SmCorpusRecord        *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmCorpusRecord, _sm_corpus_record_unref)

G_END_DECLS
