/* sm-merge.h: three-way merge of Spanmark documents, for git's merge driver.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_MERGE_ERROR (sm_merge_error_quark ())

typedef enum
{
  SM_MERGE_ERROR_TEXT,   /* the versions are not of one article text */
} SmMergeError;

/* The top-level member where a merge records its conflicts (docs/format.md) */
#define SM_MERGE_CONFLICTS_MEMBER "conflicts"

GQuark      sm_merge_error_quark   (void);
SmDocument *sm_merge_documents     (SmDocument  *base,
                                    SmDocument  *ours,
                                    SmDocument  *theirs,
                                    guint       *n_conflicts,
                                    GError     **error);
guint       sm_merge_count_conflicts (SmDocument *document);
gboolean    sm_merge_get_conflict    (SmDocument  *document,
                                      guint        index,
                                      const char **kind,
                                      const char **span);

G_END_DECLS
