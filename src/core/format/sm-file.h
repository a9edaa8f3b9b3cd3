/* sm-file.h: replacing a file's contents so that a failure never loses the old ones.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sm_file_replace        (GFile                *file,
                                 GBytes               *contents,
                                 GCancellable         *cancellable,
                                 GError              **error);
void     sm_file_replace_async  (GFile                *file,
                                 GBytes               *contents,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean sm_file_replace_finish (GAsyncResult         *result,
                                 GError              **error);
void     sm_file_run_in_order   (GTask                *task,
                                 GTaskThreadFunc       func);
void     sm_file_set_io_error   (GError              **error,
                                 GError               *io_error,
                                 const char           *file_name,
                                 gboolean              writing);

G_END_DECLS
