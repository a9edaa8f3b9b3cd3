/* sm-agreement.h: how far annotators of the same articles agree.
 *
 * Versions of one article are paired by their text's checksum; each
 * version belongs to an annotator. docs/agreement.md defines every figure
 * with a worked example.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

/**
 * SmAgreementFigures:
 * @f1_exact: F1 of spans matched by label and offsets
 * @f1_overlap: F1 of spans matched by overlap (as evaluate does)
 * @kappa: Cohen's κ over tokens
 * @alpha: Krippendorff's nominal α over tokens
 * @alpha_u: Krippendorff's unitizing α over characters
 *
 * A label's figures; each is NAN where it is undefined.
 */
typedef struct
{
  double f1_exact;
  double f1_overlap;
  double kappa;
  double alpha;
  double alpha_u;
} SmAgreementFigures;

/**
 * SmAgreementReadOutcome:
 * @SM_AGREEMENT_READ_ADDED: the file's version was added
 * @SM_AGREEMENT_READ_UNREADABLE: the file could not be read
 * @SM_AGREEMENT_READ_DUPLICATE: its annotator has a version of the same
 *   text already; this one is left out
 * @SM_AGREEMENT_READ_CURATED: it is a curator's result of several
 *   versions, not one annotator's; it is left out
 */
typedef enum
{
  SM_AGREEMENT_READ_ADDED,
  SM_AGREEMENT_READ_UNREADABLE,
  SM_AGREEMENT_READ_DUPLICATE,
  SM_AGREEMENT_READ_CURATED,
} SmAgreementReadOutcome;

#define SM_TYPE_AGREEMENT (sm_agreement_get_type ())

G_DECLARE_FINAL_TYPE (SmAgreement, sm_agreement, SM, AGREEMENT, GObject)

SmAgreement *sm_agreement_new                  (const char * const *labels);
gboolean     sm_agreement_add_document         (SmAgreement        *self,
                                                const char         *annotator,
                                                SmDocument         *document);
SmAgreementReadOutcome
             sm_agreement_add_version          (SmAgreement        *self,
                                                const char         *annotator,
                                                SmDocument         *document,
                                                GFile              *file);
guint        sm_agreement_get_n_documents      (SmAgreement        *self);
char       **sm_agreement_dup_annotators       (SmAgreement        *self);
char       **sm_agreement_dup_labels           (SmAgreement        *self);
char       **sm_agreement_dup_relation_types   (SmAgreement        *self);
void         sm_agreement_get_figures          (SmAgreement        *self,
                                                const char         *label,
                                                SmAgreementFigures *figures);
double       sm_agreement_get_relation_f1      (SmAgreement        *self,
                                                const char         *type);
guint        sm_agreement_get_n_pairs          (SmAgreement        *self);
void         sm_agreement_get_pair             (SmAgreement        *self,
                                                guint               position,
                                                const char        **a,
                                                const char        **b);
void         sm_agreement_get_pair_figures     (SmAgreement        *self,
                                                guint               position,
                                                const char         *label,
                                                SmAgreementFigures *figures);

/* Per document: positions below sm_agreement_get_n_documents(), the
 * document with most disagreement first */
char        *sm_agreement_dup_document_name         (SmAgreement        *self,
                                                     guint               position);
const char  *sm_agreement_get_document_sha256       (SmAgreement        *self,
                                                     guint               position);
char       **sm_agreement_dup_document_annotators   (SmAgreement        *self,
                                                     guint               position);
GFile       *sm_agreement_get_document_file         (SmAgreement        *self,
                                                     guint               position,
                                                     const char         *annotator);
guint        sm_agreement_get_document_disagreement (SmAgreement        *self,
                                                     guint               position);
void         sm_agreement_get_document_figures      (SmAgreement        *self,
                                                     guint               position,
                                                     const char         *label,
                                                     SmAgreementFigures *figures);

G_END_DECLS
