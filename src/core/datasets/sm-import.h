/* sm-import.h: reading datasets written by other tools as Spanmark documents.
 *
 * The window's Import… and `spanmark-cli import` both go through an
 * SmImporter. An importer checks every span's offsets and text against
 * the document's text and refuses an input rather than shift a span;
 * whatever the input holds that Spanmark cannot (brat attributes, events,
 * doccano categories) is reported, never dropped in silence. It never
 * prints, never exits and keeps no global state: problems are added to
 * the caller's lists of messages, which name the file and the line
 * ("x.ann:12:4: ..."), and only a destination that cannot be written is
 * a GError.
 *
 *   g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
 *
 *   sm_importer_add_file (importer, folder, NULL, cancellable, &error);
 *   documents = sm_importer_import (importer, warnings, errors, cancellable, &error);
 *
 * An input is a file or a folder searched (with its subfolders) for the
 * format's files: ".ann" for brat, ".jsonl" for jsonl, ".txt" for text.
 * sm_importer_import_to_folder() saves each document as "<name>.json" in
 * a folder, or beside the file it came from if the folder is %NULL.
 * Call both from a worker thread (a GTask) in the window.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-corpus.h"
#include "sm-document.h"

G_BEGIN_DECLS

#define SM_IMPORT_ERROR (sm_import_error_quark ())

typedef enum
{
  SM_IMPORT_ERROR_SYNTAX,       /* a line is not in the input format */
  SM_IMPORT_ERROR_MISMATCH,     /* a span's offsets or text disagree with the text */
  SM_IMPORT_ERROR_REFERENCE,    /* a relation or note names an annotation that is not there */
  SM_IMPORT_ERROR_MISSING,      /* a file the format needs is not there (the .txt of an .ann) */
  SM_IMPORT_ERROR_EXISTS,       /* a document file exists and overwriting was not asked for */
  SM_IMPORT_ERROR_FAILED,       /* writing failed: a full disk, no permission, … */
} SmImportError;

typedef enum
{
  SM_IMPORT_FORMAT_BRAT,        /* brat standoff: .txt and .ann pairs */
  SM_IMPORT_FORMAT_JSONL,       /* doccano JSON Lines */
  SM_IMPORT_FORMAT_TEXT,        /* plain articles, imported with no spans */
} SmImportFormat;

#define SM_IMPORT_N_FORMATS (SM_IMPORT_FORMAT_TEXT + 1)

typedef enum /*< flags >*/
{
  SM_IMPORT_FLAGS_NONE      = 0,
  SM_IMPORT_FLAGS_OVERWRITE = 1 << 0,  /* replace Spanmark files that exist (spanmark-cli --force) */
} SmImportFlags;

#define SM_TYPE_IMPORT_FORMAT (sm_import_format_get_type ())
#define SM_TYPE_IMPORTER (sm_importer_get_type ())

G_DECLARE_FINAL_TYPE (SmImporter, sm_importer, SM, IMPORTER, GObject)

GQuark          sm_import_error_quark          (void);
GType           sm_import_format_get_type      (void) G_GNUC_CONST;
const char     *sm_import_format_to_string     (SmImportFormat   format);
gboolean        sm_import_format_from_string   (const char      *string,
                                                SmImportFormat  *format);
const char     *sm_import_format_get_title     (SmImportFormat   format);

SmImporter     *sm_importer_new                (SmImportFormat   format);
SmImportFormat  sm_importer_get_format         (SmImporter      *self);
gboolean        sm_importer_add_file           (SmImporter      *self,
                                                GFile           *file,
                                                const char      *display_name,
                                                GCancellable    *cancellable,
                                                GError         **error);
guint           sm_importer_get_n_inputs       (SmImporter      *self);
void            sm_importer_set_as_suggestions (SmImporter      *self,
                                                gboolean         as_suggestions);
void            sm_importer_set_annotator      (SmImporter      *self,
                                                const char      *annotator);
void            sm_importer_set_progress_func  (SmImporter      *self,
                                                SmProgressFunc   func,
                                                gpointer         user_data,
                                                GDestroyNotify   destroy);
GPtrArray      *sm_importer_import             (SmImporter      *self,
                                                GPtrArray       *warnings,
                                                GPtrArray       *errors,
                                                GCancellable    *cancellable,
                                                GError         **error);
gboolean        sm_importer_import_to_folder   (SmImporter      *self,
                                                GFile           *folder,
                                                SmImportFlags    flags,
                                                GPtrArray       *warnings,
                                                GPtrArray       *errors,
                                                GCancellable    *cancellable,
                                                GError         **error);
guint           sm_importer_get_n_imported     (SmImporter      *self);

G_END_DECLS
