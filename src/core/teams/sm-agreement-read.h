/* sm-agreement-read.h: annotators' versions, read from files and folders.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-agreement.h"

G_BEGIN_DECLS

/**
 * SmAgreementReadFunc:
 * @outcome: what became of the file
 * @display_name: how messages name it
 * @annotator: (nullable): whose version it is; %NULL if unreadable
 * @error: (nullable): why it could not be read
 * @done: how many of the input's files have been read
 * @total: how many files the input has
 *
 * Called for each file of an input, in order, in the reading thread.
 */
typedef void (*SmAgreementReadFunc) (SmAgreementReadOutcome  outcome,
                                     const char             *display_name,
                                     const char             *annotator,
                                     const GError           *error,
                                     guint                   done,
                                     guint                   total,
                                     gpointer                user_data);

char     *sm_agreement_dup_folder_annotator (GFile                *input);
gboolean  sm_agreement_read_input           (SmAgreement          *self,
                                             GFile                *input,
                                             const char           *display_name,
                                             SmAgreementReadFunc   func,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean  sm_agreement_read_team_folder     (SmAgreement          *self,
                                             GFile                *folder,
                                             SmAgreementReadFunc   func,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);

G_END_DECLS
