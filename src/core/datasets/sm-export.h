/* sm-export.h: writing a corpus as a dataset other tools read.
 *
 * The window's Export… and `spanmark-cli export` both go through an
 * SmExporter, so they write the same bytes and say the same things. An
 * export never prints, never exits and keeps no global state: what a user
 * should know is added to the caller's lists of messages, and only a
 * destination that cannot be written is a GError.
 *
 * Call the export functions from a worker thread (a GTask) in the window:
 * they load and write files, and use every core while they do.
 *
 *   g_autoptr(SmCorpus) corpus = sm_corpus_new ();
 *   g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
 *   g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
 *   g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
 *
 *   sm_corpus_add_document (corpus, document, NULL);    (or sm_corpus_add_file)
 *   if (!sm_exporter_export_to_file (exporter, corpus, destination,
 *                                    SM_EXPORT_FLAGS_NONE, warnings, errors,
 *                                    cancellable, &error))
 *     … @error says why nothing (or not everything) was written …
 *   … each string in @errors is an input that was skipped, in @warnings
 *     something the format could not hold …
 *
 * Destinations: brat writes a folder (made if missing); html writes one
 * page per document into @destination if it is an existing folder, and
 * one page for the whole corpus otherwise; jsonl, conll and csv write one
 * file. Files that exist are replaced only with SM_EXPORT_FLAGS_OVERWRITE.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-corpus.h"
#include "sm-document.h"

G_BEGIN_DECLS

#define SM_EXPORT_ERROR (sm_export_error_quark ())

typedef enum
{
  SM_EXPORT_ERROR_EXISTS,       /* the destination exists and overwriting was not asked for */
  SM_EXPORT_ERROR_DESTINATION,  /* the destination does not suit the format */
  SM_EXPORT_ERROR_FAILED,       /* writing failed: a full disk, no permission, … */
} SmExportError;

typedef enum
{
  SM_EXPORT_FORMAT_JSONL,       /* JSON Lines, read by doccano */
  SM_EXPORT_FORMAT_BRAT,        /* brat standoff: a folder of .txt and .ann pairs */
  SM_EXPORT_FORMAT_CONLL,       /* CoNLL, IOB2 tags, one column per label */
  SM_EXPORT_FORMAT_CSV,         /* one row per span, RFC 4180 */
  SM_EXPORT_FORMAT_HTML,        /* a page to look at the annotations */
} SmExportFormat;

#define SM_EXPORT_N_FORMATS (SM_EXPORT_FORMAT_HTML + 1)

typedef enum /*< flags >*/
{
  SM_EXPORT_FLAGS_NONE      = 0,
  SM_EXPORT_FLAGS_OVERWRITE = 1 << 0,  /* replace files that exist (spanmark-cli --force) */
} SmExportFlags;

/* For sm_exporter_set_statuses(): SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_DONE) | … */
#define SM_EXPORT_STATUS(status) (1u << (status))
#define SM_EXPORT_ALL_STATUSES   (SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_NEW) | \
                                  SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_IN_PROGRESS) | \
                                  SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_DONE))

#define SM_TYPE_EXPORT_FORMAT (sm_export_format_get_type ())
#define SM_TYPE_EXPORTER (sm_exporter_get_type ())

G_DECLARE_FINAL_TYPE (SmExporter, sm_exporter, SM, EXPORTER, GObject)

GQuark               sm_export_error_quark           (void);
GType                sm_export_format_get_type       (void) G_GNUC_CONST;
const char          *sm_export_format_to_string      (SmExportFormat     format);
gboolean             sm_export_format_from_string    (const char        *string,
                                                      SmExportFormat    *format);
const char          *sm_export_format_get_title      (SmExportFormat     format);
const char          *sm_export_format_get_extension  (SmExportFormat     format);
gboolean             sm_export_format_writes_folder  (SmExportFormat     format);

SmExporter          *sm_exporter_new                 (SmExportFormat     format);
SmExportFormat       sm_exporter_get_format          (SmExporter        *self);
const char * const  *sm_exporter_get_labels          (SmExporter        *self);
void                 sm_exporter_set_labels          (SmExporter        *self,
                                                      const char * const *labels);
guint                sm_exporter_get_statuses        (SmExporter        *self);
void                 sm_exporter_set_statuses        (SmExporter        *self,
                                                      guint              statuses);
gboolean             sm_exporter_get_ascii           (SmExporter        *self);
void                 sm_exporter_set_ascii           (SmExporter        *self,
                                                      gboolean           ascii);
void                 sm_exporter_set_progress_func   (SmExporter        *self,
                                                      SmProgressFunc     func,
                                                      gpointer           user_data,
                                                      GDestroyNotify     destroy);
gboolean             sm_exporter_export_to_stream    (SmExporter        *self,
                                                      SmCorpus          *corpus,
                                                      GOutputStream     *stream,
                                                      GPtrArray         *warnings,
                                                      GPtrArray         *errors,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
gboolean             sm_exporter_export_to_file      (SmExporter        *self,
                                                      SmCorpus          *corpus,
                                                      GFile             *destination,
                                                      SmExportFlags      flags,
                                                      GPtrArray         *warnings,
                                                      GPtrArray         *errors,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
guint                sm_exporter_get_n_exported      (SmExporter        *self);

G_END_DECLS
