/* sm-suggest-batch.h: suggestions for many files at once.
 *
 * What `spanmark-cli suggest` does: read articles (.txt) and Spanmark
 * files, learn the strings tagged in all of them, then suggest for each
 * and write it as a Spanmark file, the suggestions pending or made spans.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-corpus.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  SM_SUGGEST_BATCH_NONE      = 0,
  SM_SUGGEST_BATCH_AS_SPANS  = 1 << 0,  /* accept the new suggestions as spans */
  SM_SUGGEST_BATCH_OVERWRITE = 1 << 1,  /* replace files that exist */
} SmSuggestBatchFlags;

#define SM_TYPE_SUGGEST_BATCH (sm_suggest_batch_get_type ())

G_DECLARE_FINAL_TYPE (SmSuggestBatch, sm_suggest_batch, SM, SUGGEST_BATCH, GObject)

SmSuggestBatch *sm_suggest_batch_new             (void);
gboolean        sm_suggest_batch_add_file        (SmSuggestBatch       *self,
                                                  GFile                *file,
                                                  const char           *display_name,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
guint           sm_suggest_batch_get_n_inputs    (SmSuggestBatch       *self);
void            sm_suggest_batch_set_labels      (SmSuggestBatch       *self,
                                                  const char * const   *labels);
void            sm_suggest_batch_set_annotator   (SmSuggestBatch       *self,
                                                  const char           *annotator);
void            sm_suggest_batch_set_n_threads   (SmSuggestBatch       *self,
                                                  guint                 n_threads);
void            sm_suggest_batch_set_progress_func (SmSuggestBatch     *self,
                                                  SmProgressFunc        func,
                                                  gpointer              user_data,
                                                  GDestroyNotify        destroy);
gboolean        sm_suggest_batch_run             (SmSuggestBatch       *self,
                                                  GFile                *folder,
                                                  SmSuggestBatchFlags   flags,
                                                  GPtrArray            *errors,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
guint           sm_suggest_batch_get_n_written   (SmSuggestBatch       *self);
guint           sm_suggest_batch_get_n_existing  (SmSuggestBatch       *self);
char          **sm_suggest_batch_dup_labels      (SmSuggestBatch       *self);
guint64         sm_suggest_batch_get_n_suggested (SmSuggestBatch       *self,
                                                  const char           *label);

G_END_DECLS
