/* sm-agreement-page.h: how far a corpus's annotators agree, as a page of Statistics.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-agreement.h"
#include "sm-corpus-folder.h"

G_BEGIN_DECLS

#define SM_TYPE_AGREEMENT_PAGE (sm_agreement_page_get_type ())

G_DECLARE_FINAL_TYPE (SmAgreementPage, sm_agreement_page, SM, AGREEMENT_PAGE, AdwPreferencesPage)

/* How many of the documents that disagree most the page lists */
#define SM_AGREEMENT_PAGE_N_DOCUMENTS 10

GtkWidget   *sm_agreement_page_new           (SmCorpusFolder  *corpus);
gboolean     sm_agreement_page_get_computing (SmAgreementPage *self);
SmAgreement *sm_agreement_page_get_agreement (SmAgreementPage *self);

G_END_DECLS
