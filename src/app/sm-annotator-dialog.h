/* sm-annotator-dialog.h: asks once for the name saved as the annotator.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean          sm_annotator_dialog_should_ask (GSettings *settings);
AdwMessageDialog *sm_annotator_dialog_new        (GtkWindow *parent,
                                                  GSettings *settings);

G_END_DECLS
