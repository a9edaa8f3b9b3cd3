/* sm-labels-dialog.h: adds, renames, recolours, reorders and removes labels.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-corpus-folder.h"
#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_LABELS_DIALOG (sm_labels_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SmLabelsDialog, sm_labels_dialog, SM, LABELS_DIALOG, AdwPreferencesWindow)

SmLabelsDialog *sm_labels_dialog_new       (GtkWindow      *parent,
                                            SmDocument     *document,
                                            SmCorpusFolder *corpus,
                                            SmCorpusEntry  *entry);
gboolean        sm_labels_dialog_add_label (SmLabelsDialog *self,
                                            const char     *name);
gboolean        sm_labels_dialog_rename_label (SmLabelsDialog *self,
                                               const char     *id,
                                               const char     *name);
void            sm_labels_dialog_remove_label (SmLabelsDialog *self,
                                               const char     *id);

G_END_DECLS
