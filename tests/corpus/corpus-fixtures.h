/* corpus-fixtures.h: what the corpus tests build and check: folders of files, label lists.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "temp-folder.h"

G_BEGIN_DECLS

char  *describe_labels        (GListModel *labels);

G_END_DECLS
