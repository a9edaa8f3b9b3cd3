/* sm-corpus-private.h: what exporters and importers share of a corpus's insides.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-corpus.h"

G_BEGIN_DECLS

/* Runs in a worker thread for each document that could be read; what it
 * returns is handed to the reduce function. */
typedef gpointer (*SmCorpusMapFunc)    (guint         position,
                                        SmDocument   *document,
                                        const char   *display_name,
                                        GPtrArray    *warnings,
                                        gpointer      user_data);

/* Runs in the calling thread for each input, in input order. @warnings
 * are those the map function added. Returning FALSE with @error set
 * stops the run. */
typedef gboolean (*SmCorpusReduceFunc) (guint         position,
                                        SmDocument   *document,
                                        gpointer      mapped,
                                        GPtrArray    *warnings,
                                        const GError *load_error,
                                        gpointer      user_data,
                                        GError      **error);

/* SM_CORPUS_RUN_DROP_DOCUMENTS: the thread that read a document frees it
 * after @map, and @reduce gets %NULL for it: freeing a document in another
 * thread than the one that built it costs both threads (malloc's arenas,
 * GObject's locks), and the reading threads are where the work is. */
typedef enum
{
  SM_CORPUS_RUN_NONE           = 0,
  SM_CORPUS_RUN_DROP_DOCUMENTS = 1 << 0,
} SmCorpusRunFlags;

gboolean   _sm_corpus_run          (SmCorpus            *self,
                                    SmCorpusRunFlags     flags,
                                    SmCorpusMapFunc      map,
                                    SmCorpusReduceFunc   reduce,
                                    GDestroyNotify       mapped_free,
                                    gpointer             user_data,
                                    GCancellable        *cancellable,
                                    GError             **error);

gboolean   _sm_corpus_find_files   (GFile               *file,
                                    const char          *display_name,
                                    const char * const  *suffixes,
                                    GPtrArray           *files,
                                    GPtrArray           *display_names,
                                    GCancellable        *cancellable,
                                    GError             **error);

gboolean   _sm_corpus_read_folder_project (GFile         *folder,
                                           const char    *display_name,
                                           SmProject    **project,
                                           GCancellable  *cancellable,
                                           GError       **error);
char      *_sm_corpus_quote        (const char          *text);
char      *_sm_corpus_file_name    (const char          *name);
gboolean   _sm_corpus_write_file   (GFile               *file,
                                    const char          *display_name,
                                    GBytes              *contents,
                                    gboolean             overwrite,
                                    GQuark               exists_domain,
                                    gint                 exists_code,
                                    GCancellable        *cancellable,
                                    GError             **error);

G_END_DECLS
