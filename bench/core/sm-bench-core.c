/* sm-bench-core.c: times the core at the sizes issue 7 sets targets for,
 * and prints a Markdown table.
 *
 * Every figure is a median over repeated runs (the machines are shared
 * and noisy), with the best and the worst run beside it; edits and
 * lookups are timed one call at a time. Nothing here asserts a time: the
 * table says whether each target was met.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "sm-bench-article.h"
#include "sm-format.h"
#include "sm-span-index.h"

#define MS 1e6
#define US 1e3

static gint n_runs = 21;
static gint n_edits = 2000;
static gint n_lookups = 100000;
static gboolean quick = FALSE;
static char *keep_dir = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Loads and saves to time (default 21)", "N" },
  { "edits", 'e', 0, G_OPTION_ARG_INT, &n_edits, "Edits of each kind to time (default 2000)", "N" },
  { "lookups", 'l', 0, G_OPTION_ARG_INT, &n_lookups, "Pointer lookups to time (default 100000)", "N" },
  { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, "A few runs only, to check that it works", NULL },
  { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep_dir, "Write the generated files to DIR and keep them", "DIR" },
  { NULL }
};

typedef struct
{
  const char *name;
  const char *target;
  gdouble     median_limit;  /* ns; 0 for a row without a target */
  gdouble     worst_limit;   /* ns; 0 if the target says nothing of the worst */
  GArray     *samples;       /* gdouble, ns */
} Row;

static GPtrArray *rows;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Row *
row_new (const char *name,
         const char *target,
         gdouble     median_limit,
         gdouble     worst_limit)
{
  Row *row = g_new0 (Row, 1);

  row->name = name;
  row->target = target;
  row->median_limit = median_limit;
  row->worst_limit = worst_limit;
  row->samples = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_ptr_array_add (rows, row);

  return row;
}

static void
row_add (Row    *row,
         gint64  ns)
{
  gdouble value = (gdouble) ns;

  g_array_append_val (row->samples, value);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a;
  gdouble y = *(const gdouble *) b;

  return x < y ? -1 : x > y;
}

static gdouble
quantile (GArray  *sorted,
          gdouble  q)
{
  guint i = (guint) (q * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, gdouble, i);
}

static char *
format_time (gdouble ns)
{
  if (ns >= MS)
    return g_strdup_printf ("%.1f ms", ns / MS);
  if (ns >= US)
    return g_strdup_printf ("%.1f µs", ns / US);
  return g_strdup_printf ("%.0f ns", ns);
}

static void
print_table (void)
{
  g_print ("| case | target | median | best | p99 | worst | samples | met |\n");
  g_print ("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *median = NULL;
      g_autofree char *best = NULL;
      g_autofree char *p99 = NULL;
      g_autofree char *worst = NULL;
      const char *met = "—";
      gdouble m, w;

      g_array_sort (row->samples, compare_doubles);
      m = quantile (row->samples, 0.5);
      w = g_array_index (row->samples, gdouble, row->samples->len - 1);
      median = format_time (m);
      best = format_time (g_array_index (row->samples, gdouble, 0));
      p99 = format_time (quantile (row->samples, 0.99));
      worst = format_time (w);

      if (row->median_limit > 0)
        met = m < row->median_limit && (row->worst_limit == 0 || w < row->worst_limit) ? "yes" : "**no**";

      g_print ("| %s | %s | %s | %s | %s | %s | %u | %s |\n",
               row->name, row->target, median, best, p99, worst, row->samples->len, met);
    }
}

/* Resident memory in bytes, from /proc */
static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  gulong size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;

  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  struct utsname uts;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *line = strstr (cpuinfo, "model name");
      const char *colon = line ? strchr (line, ':') : NULL;

      if (colon)
        model = g_strndup (colon + 2, strcspn (colon + 2, "\n"));
    }
  uname (&uts);

  g_print ("Machine: %s, %u cores; %s %s; built with %s (%s); GLib %u.%u.%u, json-glib %s\n",
           model ? model : "unknown CPU", g_get_num_processors (), uts.sysname, uts.release,
           "gcc " __VERSION__, SM_BENCH_BUILDTYPE,
           glib_major_version, glib_minor_version, glib_micro_version, JSON_VERSION_S);
}

static SmDocument *
generate (const char *dir,
          const char *name,
          gsize       n_bytes,
          guint       n_spans,
          GFile     **file)
{
  SmBenchArticle article = { 7, n_bytes, n_spans, FALSE };
  g_autoptr(SmDocument) generated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  SmDocument *document;
  gint64 start;

  start = now_ns ();
  generated = sm_bench_article_new_document (&article, name);
  *file = g_file_new_for_path (path);
  if (!sm_document_save_to_file (generated, *file, NULL, &error))
    g_error ("%s", error->message);

  /* Edits are timed on a document as the window has it: loaded from a file */
  if (!(document = sm_document_new_from_file (*file, NULL, &error)))
    g_error ("%s", error->message);

  g_printerr ("generated %s: %lu bytes of text, %u characters, %u spans, %u relations (%.1f s)\n",
              path, (gulong) sm_text_get_n_bytes (sm_document_get_text (document)),
              sm_document_get_length (document), sm_document_get_n_spans (document),
              g_list_model_get_n_items (sm_document_get_relations (document)),
              (now_ns () - start) / 1e9);

  return document;
}

static void
bench_load_and_save (const char *dir)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(SmDocument) document = generate (dir, "article-1mb", 1000000, 10000, &file);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "article-1mb-saved.json", NULL);
  Row *load = row_new ("load a 1 MB article with 10,000 spans (file → document)", "< 100 ms", 100 * MS, 0);
  Row *save = row_new ("save it (document → file, atomic, fsync)", "< 100 ms", 100 * MS, 0);
  Row *parse = row_new ("… of which: parse and check the JSON (bytes → document)", "", 0, 0);
  Row *serialize = row_new ("… of which: write the JSON (document → bytes)", "", 0, 0);

  copy = g_file_new_for_path (copy_path);
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  for (gint i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmDocument) loaded = NULL;
      g_autoptr(SmDocument) parsed = NULL;
      g_autoptr(GBytes) written = NULL;
      gint64 start;

      start = now_ns ();
      loaded = sm_document_new_from_file (file, NULL, &error);
      row_add (load, now_ns () - start);
      g_assert_no_error (error);

      start = now_ns ();
      parsed = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      row_add (parse, now_ns () - start);
      g_assert_no_error (error);

      start = now_ns ();
      written = sm_format_serialize (document);
      row_add (serialize, now_ns () - start);

      /* Over an existing file, as every save but the first is */
      start = now_ns ();
      sm_document_save_to_file (document, copy, NULL, &error);
      row_add (save, now_ns () - start);
      g_assert_no_error (error);
    }
}

static const char * const labels[] = { SM_LABEL_SPEAKER, SM_LABEL_CLAIM, SM_LABEL_FIGURE };

static void
bench_edits (const char *dir)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  Row *load = row_new ("load a 10 MB article with 100,000 spans (file → document)", "", 0, 0);
  Row *add = row_new ("add one span to a document with 100,000 spans", "median < 1 ms, worst < 16 ms", 1 * MS, 16 * MS);
  Row *relabel = row_new ("relabel one span there", "median < 1 ms, worst < 16 ms", 1 * MS, 16 * MS);
  Row *remove = row_new ("delete one span there (and its relations)", "median < 1 ms, worst < 16 ms", 1 * MS, 16 * MS);
  Row *undo = row_new ("undo one of those edits", "", 0, 0);
  Row *lookup = row_new ("find the spans under the pointer there", "< 50 µs", 50 * US, 0);
  gsize resident_before, resident_after;
  guint length;
  gint64 start;

  resident_before = resident_bytes ();
  document = generate (dir, "article-10mb", 10000000, 100000, &file);
  resident_after = resident_bytes ();
  length = sm_document_get_length (document);

  for (gint i = 0; i < MAX (3, n_runs / 4); i++)
    {
      g_autoptr(SmDocument) loaded = NULL;

      start = now_ns ();
      loaded = sm_document_new_from_file (file, NULL, NULL);
      row_add (load, now_ns () - start);
      g_assert_nonnull (loaded);
    }

  for (gint i = 0; i < n_lookups; i++)
    {
      guint offset = g_rand_int_range (rand, 0, length);
      g_autoptr(GPtrArray) spans = NULL;

      start = now_ns ();
      spans = sm_document_get_spans_at (document, offset);
      row_add (lookup, now_ns () - start);
    }

  for (gint i = 0; i < n_edits; i++)
    {
      const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
      guint span_start, span_end;
      SmSpan *span;

      do
        {
          span_start = g_rand_int_range (rand, 0, length - 1);
          span_end = MIN (length, span_start + g_rand_int_range (rand, 1, 40));
        }
      while (sm_document_find_exact_span (document, span_start, span_end, label) != NULL);

      start = now_ns ();
      span = sm_document_add_span (document, label, span_start, span_end, NULL);
      row_add (add, now_ns () - start);
      g_assert_nonnull (span);
    }

  for (gint i = 0; i < n_edits; i++)
    {
      guint n = sm_document_get_n_spans (document);
      SmSpan *span = sm_span_index_get_nth (SM_SPAN_INDEX (sm_document_get_spans (document)),
                                            g_rand_int_range (rand, 0, n));
      const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
      gboolean done;

      if (g_strcmp0 (label, sm_span_get_label (span)) == 0 ||
          sm_document_find_exact_span (document, sm_span_get_start (span), sm_span_get_end (span), label))
        {
          i--;
          continue;
        }

      start = now_ns ();
      done = sm_document_set_span_label (document, span, label, NULL);
      row_add (relabel, now_ns () - start);
      g_assert_true (done);
    }

  for (gint i = 0; i < n_edits; i++)
    {
      guint n = sm_document_get_n_spans (document);
      SmSpan *span = sm_span_index_get_nth (SM_SPAN_INDEX (sm_document_get_spans (document)),
                                            g_rand_int_range (rand, 0, n));

      start = now_ns ();
      sm_document_remove_span (document, span);
      row_add (remove, now_ns () - start);
    }

  for (gint i = 0; i < n_edits; i++)
    {
      start = now_ns ();
      sm_document_undo (document);
      row_add (undo, now_ns () - start);
    }

  g_printerr ("memory: the 10 MB / 100,000-span document took %.0f MB resident to generate and load\n",
              (resident_after - resident_before) / 1e6);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  struct rusage usage;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— time loading, saving, editing and looking up spans");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (quick)
    {
      n_runs = 3;
      n_edits = 50;
      n_lookups = 1000;
    }
  n_runs = MAX (n_runs, 1);
  n_edits = MAX (n_edits, 1);
  n_lookups = MAX (n_lookups, 1);

  if (keep_dir != NULL)
    {
      g_mkdir_with_parents (keep_dir, 0755);
      dir = g_strdup (keep_dir);
    }
  else if (!(dir = g_dir_make_tmp ("spanmark-bench-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  rows = g_ptr_array_new_with_free_func (NULL);

  bench_load_and_save (dir);
  bench_edits (dir);

  print_machine ();
  g_print ("\n");
  print_table ();

  getrusage (RUSAGE_SELF, &usage);
  g_print ("\nPeak resident memory of the whole run: %ld MB\n", usage.ru_maxrss / 1024);

  if (keep_dir == NULL)
    remove_tree (dir);

  return EXIT_SUCCESS;
}
