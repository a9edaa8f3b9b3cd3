/* test-kill-save.c: a save killed at any moment loses nothing.
 *
 * sm-fault-saver opens a document and saves it in a loop, alternating
 * between two versions. This test kills it with SIGKILL at random moments,
 * many times, and opens the file after each kill: it must always be one of
 * the two versions, whole: never a mix of them, never cut short.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "fault-batch.h"

#define N_KILLS 80

/* At most this many "saving" announcements before a kill, and at most this
 * long after the last one (a save of this document takes a few ms) */
#define MAX_SAVES_BEFORE_KILL 4
#define MAX_DELAY_US 12000

/* 240 KB of article with 3,000 spans and their relations */
static SmDocument *
new_article (void)
{
  static const char paragraph[] =
    "Raisi said: “Trade between Iran and Belarus will reach $500 million.” 🇮🇷🇧🇾 "
    "Лукашенко ответил, что «санкции не помеха». رئیس‌جمهور گفت: «تجارت رشد می‌کند.»\r\n";
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  SmDocument *document;
  guint paragraph_length = g_utf8_strlen (paragraph, -1);
  guint n_paragraphs = 0;

  for (; n_paragraphs < 1000; n_paragraphs++)
    g_string_append (string, paragraph);
  text = sm_text_new (string->str, string->len, NULL);
  document = sm_document_new (text, "article");

  for (guint i = 0; i < n_paragraphs; i++)
    {
      guint at = i * paragraph_length;
      SmSpan *speaker = sm_document_add_span (document, SM_LABEL_SPEAKER, at, at + 5, NULL);
      SmSpan *claim = sm_document_add_span (document, SM_LABEL_CLAIM, at + 12, at + 70, NULL);

      sm_document_add_span (document, SM_LABEL_FIGURE, at + 54, at + 66, NULL);
      g_assert_true (sm_document_set_speaker (document, claim, speaker, NULL));
    }
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 3000);

  return document;
}

static SmDocument *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sm_document_new_from_file (file, NULL, error);
}

/* Reads lines from the saver until @n_lines of them were @line */
static gboolean
wait_for_lines (FILE       *out,
                const char *line,
                guint       n_lines)
{
  char buffer[64];

  while (n_lines > 0 && fgets (buffer, sizeof buffer, out) != NULL)
    {
      if (strcmp (g_strchomp (buffer), line) == 0)
        n_lines--;
    }

  return n_lines == 0;
}

/* Removes what a killed save left besides the file (GIO's temporary
 * file); returns how many there were */
static guint
remove_leftovers (const char *dir,
                  const char *keep)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *path = NULL;

      if (strcmp (name, keep) == 0)
        continue;
      path = g_build_filename (dir, name, NULL);
      g_unlink (path);
      n++;
    }

  return n;
}

static void
test_kill_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("spanmark-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "article.json", NULL);
  g_autofree char *saver = g_test_build_filename (G_TEST_BUILT, "faults", "sm-fault-saver", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SmDocument) article = new_article ();
  g_autoptr(SmDocument) reopened = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autofree char *original = NULL;
  gsize original_length;
  guint n_first = 0, n_second = 0, n_during_write = 0;

  g_assert_no_error (error);
  g_test_message ("random seed for the kill times: see g_rand_new(); saver: %s", saver);

  g_assert_true (sm_document_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);

  /* The two versions a save may leave */
  g_assert_true (g_file_get_contents (path, &original, &original_length, NULL));
  reopened = open_path (path, &error);
  g_assert_no_error (error);
  first = fault_dup_signature (reopened);
  fault_add_batch (reopened);
  second = fault_dup_signature (reopened);
  g_assert_cmpstr (first, !=, second);

  for (guint i = 0; i < N_KILLS; i++)
    {
      const char *argv[] = { saver, path, NULL };
      g_autoptr(SmDocument) document = NULL;
      g_autofree char *signature = NULL;
      GPid pid;
      gint out_fd;
      gint status;
      FILE *out;

      /* Each saver starts from the first version */
      g_assert_true (g_file_set_contents (path, original, original_length, NULL));

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (out);

      g_assert_true (wait_for_lines (out, "ready", 1));
      g_assert_true (wait_for_lines (out, "saving", g_rand_int_range (rand, 1, MAX_SAVES_BEFORE_KILL + 1)));
      g_usleep (g_rand_int_range (rand, 0, MAX_DELAY_US));

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      fclose (out);
      g_spawn_close_pid (pid);

      /* Killed by us, not ended by an error of its own */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      n_during_write += remove_leftovers (dir, "article.json") > 0;

      document = open_path (path, &error);
      g_assert_no_error (error);
      signature = fault_dup_signature (document);
      if (strcmp (signature, first) == 0)
        n_first++;
      else if (strcmp (signature, second) == 0)
        n_second++;
      else
        {
          /* Neither version: show where it parts from the first */
          const char *a = signature, *b = first;

          while (*a && *a == *b)
            a++, b++;
          while (a > signature && a[-1] != '\n')
            a--;
          g_error ("kill %u left a file that is neither version, from: %.200s", i, a);
        }
    }

  g_test_message ("%u kills: the file was the first version %u times, the second %u times;"
                  " %u kills came during a write (a temporary file was left beside it)",
                  N_KILLS, n_first, n_second, n_during_write);

  remove_leftovers (dir, "");
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
