/* fault-batch.h: the edit that sm-fault-saver makes and undoes, so that
 * test-kill-save knows both versions a save can leave.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

#define FAULT_BATCH_SIZE 400

void  fault_add_batch      (SmDocument *document);
char *fault_dup_signature  (SmDocument *document);

G_END_DECLS
