/* temp-folder.c: the throwaway folders tests write their files into.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "temp-folder.h"

/* A new empty folder under the temporary folder, "spanmark-@name-XXXXXX" */
char *
temp_folder_new (const char *name)
{
  g_autofree char *template = g_strdup_printf ("spanmark-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);

  return path;
}

/* Removes @path and all below it; follows no symbolic link */
void
temp_folder_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        temp_folder_remove (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* Writes @relative under @folder, making the folders on the way */
char *
temp_folder_write (const char *folder,
                   const char *relative,
                   const char *contents,
                   gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  char *path = g_build_filename (folder, relative, NULL);

  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

char *
temp_folder_read (const char *folder,
                  const char *relative)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

void
temp_folder_set_mtime (const char *folder,
                       const char *relative,
                       gint64      unix_usec)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_info_new ();
  g_autoptr(GError) error = NULL;

  /* All in one go: GIO sets the fraction only along with the seconds, and
   * since 2.74 takes it from the nanoseconds */
  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, unix_usec / G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, unix_usec % G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC, (unix_usec % G_USEC_PER_SEC) * 1000);
  g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (temp_folder_get_mtime (folder, relative), ==, unix_usec);
}

gint64
temp_folder_get_mtime (const char *folder,
                       const char *relative)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, "time::modified,time::modified-usec", G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  return (gint64) g_file_info_get_attribute_uint64 (info, "time::modified") * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, "time::modified-usec");
}
