/* sm-statistics-dialog.h: counts of a corpus's or a document's annotations.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-agreement-page.h"
#include "sm-corpus-folder.h"
#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_STATISTICS_DIALOG (sm_statistics_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SmStatisticsDialog, sm_statistics_dialog, SM, STATISTICS_DIALOG, AdwPreferencesWindow)

SmStatisticsDialog *sm_statistics_dialog_new_for_corpus   (GtkWindow      *parent,
                                                           SmCorpusFolder *corpus);
SmStatisticsDialog *sm_statistics_dialog_new_for_document (GtkWindow      *parent,
                                                           SmDocument     *document);
SmAgreementPage    *sm_statistics_dialog_get_agreement_page (SmStatisticsDialog *self);

G_END_DECLS
