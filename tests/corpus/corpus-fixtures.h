/* corpus-fixtures.h: what the corpus tests build and check: folders of files, label lists.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char  *temp_folder_new        (void);
void   temp_folder_remove     (const char *path);
char  *temp_folder_write      (const char *folder,
                               const char *relative,
                               const char *contents,
                               gssize      length);
char  *temp_folder_read       (const char *folder,
                               const char *relative);
void   temp_folder_set_mtime  (const char *folder,
                               const char *relative,
                               gint64      unix_usec);
gint64 temp_folder_get_mtime  (const char *folder,
                               const char *relative);
char  *describe_labels        (GListModel *labels);

G_END_DECLS
