/* sm-messages-dialog.h: the problems an export or an import reported.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *sm_messages_dialog_show (GtkWindow  *parent,
                                    const char *heading,
                                    const char *body,
                                    GPtrArray  *errors,
                                    GPtrArray  *warnings);

G_END_DECLS
