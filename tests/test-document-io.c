/* test-document-io.c: opening files, saving them, and losing nothing when either fails.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sm-document.h"
#include "temp-folder.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = temp_folder_new ("io");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static SmDocument *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sm_document_new_from_file (file, NULL, error);
}

static gboolean
save_path (SmDocument  *document,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sm_document_save_to_file (document, file, NULL, error);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;

  return n;
}

static void
test_open_sample_article (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autofree char *contents = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = open_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sm_document_get_name (document), ==, "belarus-iran-sanctions");
  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (document)), ==, contents);
  g_assert_cmpuint (sm_document_get_length (document), ==, g_utf8_strlen (contents, -1));
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_NEW);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
  g_assert_false (sm_document_get_modified (document));
}

static void
test_bad_articles (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    gssize      length;
    const char *message;
  } cases[] = {
    { "latin1.txt", "Minsk\nA caf\xE9.", 12,
      "latin1.txt:2:6: not valid UTF-8: byte 0xE9 at byte offset 11 cannot start or continue a character."
      " The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it to UTF-8"
      " first, for example with: iconv -f WINDOWS-1252 -t UTF-8" },
    { "image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16,
      "image.txt: this is not a text file: it contains a NUL byte at byte offset 8 (a binary file, or text in UTF-16)" },
    { "utf16.txt", "\xFF\xFEH\0i\0", 6,
      "utf16.txt: this is not a text file: it contains a NUL byte at byte offset 3 (a binary file, or text in UTF-16)" },
    { "empty.txt", "", 0,
      "empty.txt: the file is empty: there is no text to annotate" },
    { "broken.json", "{\"format\": \"spanmark\",\n \"version\": 1,,}", -1,
      "broken.json:2:14: unexpected character `,', expected string constant" },
    { "wrong.json", "{\"format\": \"spanmark\", \"version\": 7}", -1,
      "wrong.json: the file was written by a newer Spanmark (format version 7); this version reads"
      " format version 2. Update Spanmark to open it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (fixture, cases[i].name, cases[i].contents, cases[i].length);
      gsize length = cases[i].length < 0 ? strlen (cases[i].contents) : (gsize) cases[i].length;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmDocument) document = open_path (path, &error);
      g_autofree char *after = NULL;
      gsize after_length;

      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      /* Opening never touches the file */
      g_file_get_contents (path, &after, &after_length, NULL);
      g_assert_cmpmem (after, after_length, cases[i].contents, length);
    }
}

static void
test_missing_and_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "gone.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;

  document = open_path (missing, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "gone.txt: could not open: the file does not exist");
  g_clear_error (&error);

  document = open_path (fixture->dir, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_suffix (error->message, ": could not open: it is a folder, not a file"));
}

static SmDocument *
annotated_document (void)
{
  g_autoptr(SmText) text = sm_text_new ("Raisi said: “Trade will reach $100 million.” 🇮🇷\r\n", -1, NULL);
  SmDocument *document = sm_document_new (text, "article");
  SmSpan *speaker, *claim;

  speaker = sm_document_add_span (document, "SPEAKER", 0, 5, NULL);
  claim = sm_document_add_span (document, "CLAIM", 12, 44, NULL);
  sm_document_add_span (document, "FIGURE", 30, 42, NULL);
  sm_document_set_speaker (document, claim, speaker, NULL);
  sm_document_set_span_note (document, speaker, "President of Iran");

  return document;
}

static void
test_save_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SmDocument) document = annotated_document ();
  g_autoptr(SmDocument) reopened = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "article.json", NULL);
  g_autoptr(GError) error = NULL;
  SmSpan *claim;

  g_assert_true (sm_document_get_modified (document));
  g_assert_true (save_path (document, path, &error));
  g_assert_no_error (error);
  g_assert_false (sm_document_get_modified (document));

  reopened = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_spans (reopened), ==, 3);
  claim = sm_document_find_span (reopened, "T2");
  g_assert_cmpstr (sm_span_get_text (claim), ==, "“Trade will reach $100 million.”");
  g_assert_cmpstr (sm_span_get_id (sm_document_get_speaker (reopened, claim)), ==, "T1");
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (reopened, "T1")), ==, "President of Iran");
  g_assert_cmpstr (sm_span_get_text (sm_document_find_span (reopened, "T3")), ==, "$100 million");

  /* Saving over the file leaves no temporary files behind */
  sm_document_add_span (reopened, "FIGURE", 45, 46, NULL);
  g_assert_true (save_path (reopened, path, &error));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_save_into_missing_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SmDocument) document = annotated_document ();
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "article.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (save_path (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "article.json: could not save: the folder does not exist");

  /* The work is still there, and still unsaved */
  g_assert_true (sm_document_get_modified (document));
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 3);
}

/* Fill the disk mid-save: a file size limit makes every write past it fail,
 * the way a full disk does, in a child process so the limit stays there. */
static void
test_save_fails_midway (Fixture       *fixture,
                        gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (fixture->dir, "article.json", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(SmDocument) document = annotated_document ();
      g_autoptr(GString) big = g_string_new (NULL);
      g_autoptr(SmText) text = NULL;
      g_autoptr(SmDocument) large = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      g_assert_true (save_path (document, path, NULL));
      before = read_file (path);

      while (big->len < 100000)
        g_string_append (big, "A long article that no longer fits on the disk. ");
      text = sm_text_new (big->str, big->len, NULL);
      large = sm_document_new (text, "article");
      sm_document_add_span (large, "CLAIM", 0, 10, NULL);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (save_path (large, path, &error));
      g_assert_error (error, G_IO_ERROR, (gint) g_io_error_from_errno (EFBIG));
      g_assert_true (g_str_has_prefix (error->message, "article.json: could not save: "));
      g_assert_true (sm_document_get_modified (large));

      /* The old file is whole, and the half-written one is gone */
      after = read_file (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (count_files (fixture->dir), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A real full disk and a read-only folder, on small tmpfs mounts, where we
 * may mount (as root, which CI is) */
static gboolean
try_mount_tmpfs (const char *path,
                 const char *options,
                 gulong      flags)
{
  return mount ("tmpfs", path, "tmpfs", flags, options) == 0;
}

static void
test_full_disk_and_read_only (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *mount_point = g_build_filename (fixture->dir, "small", NULL);
  g_autofree char *path = g_build_filename (mount_point, "article.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SmDocument) document = annotated_document ();
  g_autoptr(SmDocument) large = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir (mount_point, 0755);
  if (!try_mount_tmpfs (mount_point, "size=64k", 0))
    {
      g_test_skip_printf ("cannot mount a tmpfs here (%s); the file size limit test covers a failed write",
                          g_strerror (errno));
      return;
    }

  g_assert_true (save_path (document, path, &error));
  before = read_file (path);

  while (big->len < 200000)
    g_string_append (big, "An article longer than the free space. ");
  text = sm_text_new (big->str, big->len, NULL);
  large = sm_document_new (text, "article");
  sm_document_add_span (large, "CLAIM", 0, 10, NULL);

  g_assert_false (save_path (large, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "article.json: could not save: the disk is full");
  g_clear_error (&error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (mount_point), ==, 1);
  g_assert_true (sm_document_get_modified (large));

  /* Read-only */
  g_assert_cmpint (mount ("tmpfs", mount_point, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64k"), ==, 0);
  g_assert_false (save_path (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "article.json: could not save: the disk or folder is read-only");
  g_free (after);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (umount (mount_point), ==, 0);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SmDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = sm_document_new_from_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = sm_document_save_to_file_finish (SM_DOCUMENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SmDocument) document = annotated_document ();
  g_autoptr(SmDocument) loaded = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "article.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean saved = FALSE;

  sm_document_save_to_file_async (document, file, NULL, on_saved, &saved);
  /* A change while the save runs is not in the file: still modified after */
  sm_document_add_span (document, "FIGURE", 45, 46, NULL);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sm_document_get_modified (document));

  sm_document_new_from_file_async (file, NULL, on_loaded, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sm_document_get_n_spans (loaded), ==, 3);

  saved = FALSE;
  sm_document_save_to_file_async (document, file, NULL, on_saved, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sm_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document-io/open-sample-article", test_open_sample_article);
  ADD ("/document-io/bad-articles", test_bad_articles);
  ADD ("/document-io/missing-and-folder", test_missing_and_folder);
  ADD ("/document-io/save-and-reopen", test_save_and_reopen);
  ADD ("/document-io/save-into-missing-folder", test_save_into_missing_folder);
  ADD ("/document-io/save-fails-midway", test_save_fails_midway);
  ADD ("/document-io/full-disk-and-read-only", test_full_disk_and_read_only);
  ADD ("/document-io/async", test_async);
#undef ADD

  return g_test_run ();
}
