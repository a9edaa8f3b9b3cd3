/* temp-folder.h: the throwaway folders tests write their files into.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *temp_folder_new        (const char *name);
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

G_END_DECLS
