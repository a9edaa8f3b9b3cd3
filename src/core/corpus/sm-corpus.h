/* sm-corpus.h: the documents an export, a validation or a count works on.
 *
 * A corpus is a list of inputs: Spanmark files, folders searched for them,
 * and documents open in the window. It loads them on every core and hands
 * them back in input order, with each problem as a message that names the
 * file ("x.json:12:4: ..." or "x.json: span T7: ...").
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-document.h"
#include "sm-project.h"

G_BEGIN_DECLS

#define SM_TYPE_CORPUS (sm_corpus_get_type ())

G_DECLARE_FINAL_TYPE (SmCorpus, sm_corpus, SM, CORPUS, GObject)

/**
 * SmProgressFunc:
 * @done: inputs finished so far
 * @total: all inputs
 * @user_data: what was given with the function
 *
 * Told after each input, in the thread that runs the work (not
 * necessarily the main thread).
 */
typedef void (*SmProgressFunc) (guint    done,
                                guint    total,
                                gpointer user_data);

/**
 * SmCorpusFunc:
 * @corpus: the corpus
 * @position: the input's position in the corpus
 * @document: (nullable): the document, or %NULL if it could not be read
 * @error: (nullable): why it could not be read, the message naming the file
 * @user_data: what was given with the function
 *
 * Called for each input in input order, in the thread that called
 * sm_corpus_foreach().
 *
 * Returns: %FALSE to stop
 */
typedef gboolean (*SmCorpusFunc) (SmCorpus     *corpus,
                                  guint         position,
                                  SmDocument   *document,
                                  const GError *error,
                                  gpointer      user_data);

/**
 * SmCorpusDocumentFunc:
 * @corpus: the corpus
 * @position: the input's position in the corpus
 * @document: the document read
 * @user_data: what was given with the function
 *
 * Called for each document read, in the thread that read it: any thread,
 * several at once. It may not keep @document, which is freed after it.
 *
 * Returns: (nullable) (transfer full): what the #SmCorpusResultFunc gets
 */
typedef gpointer (*SmCorpusDocumentFunc) (SmCorpus   *corpus,
                                          guint       position,
                                          SmDocument *document,
                                          gpointer    user_data);

/**
 * SmCorpusResultFunc:
 * @corpus: the corpus
 * @position: the input's position in the corpus
 * @result: (nullable): what the #SmCorpusDocumentFunc returned, or %NULL
 *   if the input could not be read
 * @error: (nullable): why it could not be read, the message naming the file
 * @user_data: what was given with the function
 *
 * Called for each input in input order, in the thread that called
 * sm_corpus_map().
 *
 * Returns: %FALSE to stop
 */
typedef gboolean (*SmCorpusResultFunc) (SmCorpus     *corpus,
                                        guint         position,
                                        gpointer      result,
                                        const GError *error,
                                        gpointer      user_data);

SmCorpus   *sm_corpus_new              (void);
gboolean    sm_corpus_add_file         (SmCorpus      *self,
                                        GFile         *file,
                                        const char    *display_name,
                                        GCancellable  *cancellable,
                                        GError       **error);
void        sm_corpus_add_document     (SmCorpus      *self,
                                        SmDocument    *document,
                                        const char    *display_name);
guint       sm_corpus_get_n_inputs     (SmCorpus      *self);
const char *sm_corpus_get_display_name (SmCorpus      *self,
                                        guint          position);
GFile      *sm_corpus_get_file         (SmCorpus      *self,
                                        guint          position);
SmProject  *sm_corpus_get_project      (SmCorpus      *self,
                                        guint          position);
guint       sm_corpus_get_n_threads    (SmCorpus      *self);
void        sm_corpus_set_n_threads    (SmCorpus      *self,
                                        guint          n_threads);
gboolean    sm_corpus_foreach          (SmCorpus      *self,
                                        SmCorpusFunc   func,
                                        gpointer       user_data,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean    sm_corpus_map              (SmCorpus              *self,
                                        SmCorpusDocumentFunc   document_func,
                                        SmCorpusResultFunc     result_func,
                                        GDestroyNotify         result_free,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        GError               **error);

G_END_DECLS
