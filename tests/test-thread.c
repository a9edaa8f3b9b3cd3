/* test-thread.c: work the core does beside the window runs below it.
 *
 * Each asynchronous operation runs in a process of its own (a subprocess
 * of the test), so that a pool thread lowered by one cannot stand in for
 * another; afterwards at least one of the process's threads must run at a
 * lower priority than the main thread, and the main thread must not.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sm-corpus-folder.h"
#include "sm-document.h"
#include "sm-format.h"
#include "sm-suggester.h"
#include "sm-thread.h"
#include "temp-folder.h"

#define SAMPLE_TEXT \
  "\"We will not accept new sanctions,\" Aliaksandr Kovalenko said on Monday. " \
  "The ministry said 40 flights a week had stopped since March."

/* The nice value of each of this process's threads, from /proc */
static GArray *
list_thread_priorities (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  GArray *priorities = g_array_new (FALSE, FALSE, sizeof (int));
  const char *tid;

  g_assert_nonnull (dir);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after_name;
      int nice;

      /* A thread that ended since the listing */
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;

      /* The name, in parentheses, may hold spaces; the nice value is the
       * 19th field, the 17th after the name */
      after_name = strrchr (stat, ')');
      g_assert_nonnull (after_name);
      fields = g_strsplit (after_name + 2, " ", -1);
      g_assert_cmpuint (g_strv_length (fields), >, 16);
      nice = atoi (fields[16]);
      g_array_append_val (priorities, nice);
    }

  return priorities;
}

static guint
count_threads_below (int nice)
{
  g_autoptr(GArray) priorities = list_thread_priorities ();
  guint n = 0;

  for (guint i = 0; i < priorities->len; i++)
    if (g_array_index (priorities, int, i) > nice)
      n++;

  return n;
}

static gpointer
lower_in_thread (gpointer data)
{
  int *seen = data;

  sm_thread_lower_priority ();
  seen[0] = sm_thread_get_priority ();
  /* Once more changes nothing */
  sm_thread_lower_priority ();
  seen[1] = sm_thread_get_priority ();
  seen[2] = (int) count_threads_below (0);

  return NULL;
}

static void
test_thread_lower_priority (void)
{
  int seen[3] = { 0, };
  GThread *thread;

  if (sm_thread_get_priority () != 0)
    {
      g_test_skip ("The test itself runs at a lowered priority");
      return;
    }

  thread = g_thread_new ("lower", lower_in_thread, seen);
  g_thread_join (thread);

  g_assert_cmpint (seen[0], >, 0);
  g_assert_cmpint (seen[1], ==, seen[0]);
  g_assert_cmpint (seen[2], ==, 1);
  /* The thread that asked for it only */
  g_assert_cmpint (sm_thread_get_priority (), ==, 0);
}

/* The operations, each started and waited for in a process of its own */

typedef struct
{
  char *dir;
  SmDocument *document;
  SmSuggester *suggester;
  gboolean done;
} Work;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Work *work = user_data;

  work->done = TRUE;
}

static void
start_load (Work *work)
{
  g_autofree char *path = g_build_filename (work->dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  sm_document_save_to_file (work->document, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_threads_below (0), ==, 0);
  sm_document_new_from_file_async (file, NULL, on_done, work);
}

static void
start_save (Work *work)
{
  g_autofree char *path = g_build_filename (work->dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sm_document_save_to_file_async (work->document, file, NULL, on_done, work);
}

static void
start_serialize (Work *work)
{
  sm_format_serialize_async (work->document, NULL, on_done, work);
}

static void
start_find_matches (Work *work)
{
  sm_document_find_matches_async (work->document, "said", FALSE, NULL, on_done, work);
}

static void
start_suggest (Work *work)
{
  sm_suggester_run_async (work->suggester, work->document, NULL, NULL, on_done, work);
}

static void
start_open_folder (Work *work)
{
  g_autofree char *path = g_build_filename (work->dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (work->dir);
  g_autoptr(GError) error = NULL;

  sm_document_save_to_file (work->document, file, NULL, &error);
  g_assert_no_error (error);
  sm_corpus_folder_open_async (folder, NULL, on_done, work);
}

/* Learning has no callback: the lesson is handed to a thread */
static void
start_learn (Work *work)
{
  g_autoptr(GError) error = NULL;

  sm_document_add_span (work->document, "SPEAKER", 36, 56, &error);
  g_assert_no_error (error);
  sm_suggester_learn_document_in_thread (work->suggester, work->document);
  work->done = TRUE;
}

typedef struct
{
  const char *name;
  void (*start) (Work *work);
} Operation;

static const Operation operations[] = {
  { "load", start_load },
  { "save", start_save },
  { "serialize", start_serialize },
  { "find-matches", start_find_matches },
  { "suggest", start_suggest },
  { "learn", start_learn },
  { "open-folder", start_open_folder },
};

static void
test_thread_below_the_window (gconstpointer data)
{
  const Operation *operation = data;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) error = NULL;
  Work work = { 0, };
  gint64 deadline;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (sm_thread_get_priority () != 0)
    {
      g_test_skip ("The test itself runs at a lowered priority");
      return;
    }

  work.dir = temp_folder_new ("thread");
  text = sm_text_new (SAMPLE_TEXT, -1, &error);
  g_assert_no_error (error);
  work.document = sm_document_new (text, "sample");
  work.suggester = sm_suggester_new ();
  g_assert_cmpuint (count_threads_below (0), ==, 0);

  operation->start (&work);
  while (!work.done)
    g_main_context_iteration (NULL, TRUE);

  /* A thread that finished its work waits in GLib's pool a while; one
   * given work with no callback may not have started it yet */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_threads_below (0) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10000);

  g_assert_cmpuint (count_threads_below (0), >, 0);
  g_assert_cmpint (sm_thread_get_priority (), ==, 0);

  g_object_unref (work.suggester);
  g_object_unref (work.document);
  temp_folder_remove (work.dir);
  g_free (work.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/thread/lower-priority", test_thread_lower_priority);
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strconcat ("/thread/below-the-window/", operations[i].name, NULL);

      g_test_add_data_func (path, &operations[i], test_thread_below_the_window);
    }

  return g_test_run ();
}
