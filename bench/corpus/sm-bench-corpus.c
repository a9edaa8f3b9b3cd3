/* sm-bench-corpus.c: times opening a corpus folder of ten thousand documents,
 * and prints a Markdown table.
 *
 * A corpus is generated once (articles, Spanmark files and both, in
 * subfolders), then opened the way the window opens it, cold (without the
 * index file) and warm (with it): how long until the list is shown, until
 * every entry's status and counts are known, and until the index is
 * written; and the longest stretch the main thread was busy meanwhile, as
 * a ticker on the main loop sees it. A window redraws each 16.7 ms at
 * 60 Hz: the stall says whether the list stays responsive. On a busy
 * machine that gap also counts the time the thread waited for a
 * processor, so the main thread's own work between two ticks is given
 * too, from its CPU clock. The same
 * opening, blocking, as spanmark-cli would do it, is timed too. Every
 * figure is a median over the runs, with the best and the worst beside it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sm-bench-article.h"
#include "sm-corpus-folder.h"
#include "sm-format.h"

#define MS 1e3  /* in microseconds */

static gint n_documents = 10000;
static gint n_runs = 7;
static gboolean quick = FALSE;
static char *keep_dir = NULL;

static const GOptionEntry entries[] = {
  { "documents", 'n', 0, G_OPTION_ARG_INT, &n_documents, "Documents in the corpus (default 10000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Openings of each kind to time (default 7)", "N" },
  { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, "A small corpus and few runs, to check that it works", NULL },
  { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep_dir, "Generate the corpus in DIR and keep it", "DIR" },
  { NULL }
};

/* The corpus */

#define N_SUBFOLDERS 20

static void
write_file (const char *folder,
            const char *relative,
            const char *contents,
            gsize       length,
            gint64      mtime)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_info_new ();
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);

  /* Files older than a few seconds, as a corpus on disk is: the index
   * leaves out files too young to be trusted on a coarse clock */
  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime / G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, mtime % G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC, (mtime % G_USEC_PER_SEC) * 1000);
  if (!g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error))
    g_error ("%s", error->message);
}

/* A third are articles only, a third articles with their Spanmark files,
 * a third Spanmark files only; the annotated ones have 2 to 13 spans and
 * every status. */
static void
generate (const char *folder,
          guint       n,
          guint      *n_articles,
          guint      *n_annotated)
{
  gint64 mtime = g_get_real_time () - (gint64) 3600 * G_USEC_PER_SEC;

  *n_articles = *n_annotated = 0;

  for (guint i = 0; i < N_SUBFOLDERS; i++)
    {
      g_autofree char *subfolder = g_strdup_printf ("%s/part-%02u", folder, i);

      if (g_mkdir_with_parents (subfolder, 0755) != 0)
        g_error ("Cannot make %s", subfolder);
    }

  for (guint i = 0; i < n; i++)
    {
      SmBenchArticle article = { .seed = i + 1, .n_bytes = 1500, .n_spans = 2 + i % 12, .crlf = FALSE };
      g_autofree char *stem = g_strdup_printf ("part-%02u/article-%05u", i % N_SUBFOLDERS, i);
      guint kind = i % 3;

      if (kind != 2)
        {
          g_autoptr(SmText) text = sm_bench_article_new_text (&article);
          g_autofree char *name = g_strconcat (stem, ".txt", NULL);

          write_file (folder, name, sm_text_get_utf8 (text), sm_text_get_n_bytes (text), mtime);
          (*n_articles)++;
        }

      if (kind != 0)
        {
          g_autoptr(SmDocument) document = sm_bench_article_new_document (&article, stem);
          g_autofree char *name = g_strconcat (stem, ".json", NULL);
          g_autoptr(GBytes) bytes = NULL;

          sm_document_set_status (document, (SmDocumentStatus) ((i / 3) % 3));
          bytes = sm_format_serialize (document);
          write_file (folder, name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), mtime);
          (*n_annotated)++;
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
remove_index (const char *folder)
{
  g_autofree char *index = g_build_filename (folder, SM_CORPUS_INDEX_FILE_NAME, NULL);

  g_unlink (index);
}

/* Timing the window's way: asynchronously, with a ticker on the main loop */

typedef struct
{
  gint64          start;
  gint64          last_tick;
  gint64          last_tick_cpu;
  gint64          longest_stall;
  gint64          longest_work;
  SmCorpusFolder *corpus;
  gint64          shown;
  gint64          complete;
  gint64          settled;
} Opening;

/* The calling thread's own processor time, in microseconds */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer data)
{
  Opening *opening = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  opening->longest_stall = MAX (opening->longest_stall, now - opening->last_tick);
  opening->longest_work = MAX (opening->longest_work, cpu - opening->last_tick_cpu);
  opening->last_tick = now;
  opening->last_tick_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(GError) error = NULL;

  opening->corpus = sm_corpus_folder_open_finish (result, &error);
  if (opening->corpus == NULL)
    g_error ("%s", error->message);
  opening->shown = g_get_monotonic_time ();
}

static void
open_async (const char *folder,
            Opening    *opening)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  guint ticker;

  memset (opening, 0, sizeof *opening);
  opening->start = opening->last_tick = g_get_monotonic_time ();
  opening->last_tick_cpu = thread_cpu_time ();

  /* Above the corpus's own work, so that a late tick means a busy thread */
  ticker = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, opening, NULL);
  sm_corpus_folder_open_async (file, NULL, on_opened, opening);

  while (opening->settled == 0)
    {
      g_main_context_iteration (NULL, TRUE);

      if (opening->corpus == NULL)
        continue;
      if (opening->complete == 0 && sm_corpus_folder_get_n_pending (opening->corpus) == 0)
        opening->complete = g_get_monotonic_time ();
      if (opening->complete != 0 && !sm_corpus_folder_get_loading (opening->corpus))
        opening->settled = g_get_monotonic_time ();
    }

  g_source_remove (ticker);

  if ((gint) g_list_model_get_n_items (G_LIST_MODEL (opening->corpus)) != n_documents)
    g_error ("The corpus lists %u documents, not %d",
             g_list_model_get_n_items (G_LIST_MODEL (opening->corpus)), n_documents);
  g_clear_object (&opening->corpus);
}

static gint64
open_sync (const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!(corpus = sm_corpus_folder_open (file, NULL, &error)))
    g_error ("%s", error->message);

  return g_get_monotonic_time () - start;
}

/* The table */

typedef struct
{
  const char *name;
  GArray     *samples;  /* gdouble, microseconds */
} Row;

static GPtrArray *rows;

static Row *
row_new (const char *name)
{
  Row *row = g_new0 (Row, 1);

  row->name = name;
  row->samples = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_ptr_array_add (rows, row);

  return row;
}

static void
add (Row    *row,
     gint64  usec)
{
  gdouble value = usec;

  g_array_append_val (row->samples, value);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble da = *(const gdouble *) a;
  gdouble db = *(const gdouble *) b;

  return da < db ? -1 : da > db;
}

static void
print_table (void)
{
  printf ("| %-48s | %10s | %10s | %10s |\n", "Corpus", "median", "best", "worst");
  printf ("|%s|-----------:|-----------:|-----------:|\n", "--------------------------------------------------");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      GArray *samples = row->samples;
      gdouble median;

      g_array_sort (samples, compare_doubles);
      median = samples->len % 2
               ? g_array_index (samples, gdouble, samples->len / 2)
               : (g_array_index (samples, gdouble, samples->len / 2 - 1) +
                  g_array_index (samples, gdouble, samples->len / 2)) / 2;

      printf ("| %-48s | %7.1f ms | %7.1f ms | %7.1f ms |\n", row->name, median / MS,
              g_array_index (samples, gdouble, 0) / MS,
              g_array_index (samples, gdouble, samples->len - 1) / MS);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  Row *cold_shown, *cold_complete, *cold_settled, *cold_stall, *cold_work;
  Row *warm_shown, *warm_complete, *warm_settled, *warm_stall, *warm_work;
  Row *sync_cold, *sync_warm;
  guint n_articles, n_annotated;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times opening a corpus folder, cold and warm.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (quick)
    {
      n_documents = 1000;
      n_runs = 2;
    }

  if (keep_dir != NULL)
    folder = g_strdup (keep_dir);
  else if (!(folder = g_dir_make_tmp ("spanmark-bench-corpus-XXXXXX", &error)))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  generate (folder, n_documents, &n_articles, &n_annotated);
  printf ("Generated %d documents (%u articles, %u Spanmark files) in %s in %.1f s.\n"
          "Medians of %d runs; %u processors. \"Cold\" is without the index file (the files\n"
          "themselves are in the page cache either way).\n\n",
          n_documents, n_articles, n_annotated, folder,
          (g_get_monotonic_time () - start) / 1e6, n_runs, g_get_num_processors ());

  rows = g_ptr_array_new ();
  cold_shown = row_new ("cold: list shown");
  cold_complete = row_new ("cold: list complete (every status and count)");
  cold_settled = row_new ("cold: index written");
  cold_stall = row_new ("cold: longest main-thread stall");
  cold_work = row_new ("cold: most main-thread work between two ticks");
  warm_shown = row_new ("warm: list shown");
  warm_complete = row_new ("warm: list complete");
  warm_settled = row_new ("warm: settled");
  warm_stall = row_new ("warm: longest main-thread stall");
  warm_work = row_new ("warm: most main-thread work between two ticks");
  sync_cold = row_new ("blocking open, as the CLI does: cold");
  sync_warm = row_new ("blocking open, as the CLI does: warm");

  for (gint i = 0; i < n_runs; i++)
    {
      Opening opening;

      remove_index (folder);
      open_async (folder, &opening);
      add (cold_shown, opening.shown - opening.start);
      add (cold_complete, opening.complete - opening.start);
      add (cold_settled, opening.settled - opening.start);
      add (cold_stall, opening.longest_stall);
      add (cold_work, opening.longest_work);

      open_async (folder, &opening);
      add (warm_shown, opening.shown - opening.start);
      add (warm_complete, opening.complete - opening.start);
      add (warm_settled, opening.settled - opening.start);
      add (warm_stall, opening.longest_stall);
      add (warm_work, opening.longest_work);

      remove_index (folder);
      add (sync_cold, open_sync (folder));
      add (sync_warm, open_sync (folder));
    }

  print_table ();

  if (keep_dir == NULL)
    remove_tree (folder);

  return 0;
}
