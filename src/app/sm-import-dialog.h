/* sm-import-dialog.h: reads brat, doccano or plain-text files as documents.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-import.h"
#include "sm-window.h"

G_BEGIN_DECLS

#define SM_TYPE_IMPORT_DIALOG (sm_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SmImportDialog, sm_import_dialog, SM, IMPORT_DIALOG, AdwWindow)

SmImportDialog *sm_import_dialog_new    (SmWindow       *window);
void            sm_import_dialog_import (SmImportDialog *self,
                                         SmImportFormat  format,
                                         GListModel     *inputs);

G_END_DECLS
