/* sm-export-dialog.h: exports this document, or its folder, as a dataset.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-export.h"
#include "sm-window.h"

G_BEGIN_DECLS

#define SM_TYPE_EXPORT_DIALOG (sm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SmExportDialog, sm_export_dialog, SM, EXPORT_DIALOG, AdwWindow)

SmExportDialog *sm_export_dialog_new (SmWindow   *window,
                                      SmDocument *document,
                                      GFile      *folder,
                                      gboolean    is_corpus,
                                      GSettings  *settings);
void            sm_export_dialog_set_format (SmExportDialog *self,
                                             SmExportFormat  format);
gboolean        sm_export_dialog_get_ascii  (SmExportDialog *self);
void            sm_export_dialog_set_ascii  (SmExportDialog *self,
                                             gboolean        ascii);
void            sm_export_dialog_export_to  (SmExportDialog *self,
                                             GFile          *destination);

G_END_DECLS
