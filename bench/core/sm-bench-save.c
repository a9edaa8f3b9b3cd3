/* sm-bench-save.c: what saving a large document costs the main thread.
 *
 *   spanmark-bench-save [--runs N] [--out FILE] ARTICLE.json
 *
 * Opens ARTICLE.json (made by spanmark-bench-generate) and times, over N
 * runs each: the snapshot a save or a draft takes on the main thread
 * (sm_format_snapshot_new), serialising that snapshot (what the worker
 * thread does), and sm_format_serialize, the two at once. It prints the
 * median, best and worst of each. With --out it writes the serialised
 * bytes to FILE, to compare with another build's.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sm-format.h"

static gint n_runs = 11;
static char *out = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each step (default 11)", "N" },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the serialised bytes to FILE", "FILE" },
  { NULL }
};

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Row;

typedef struct
{
  gint64 wall;
  double cpu;
} Start;

static Start
start_timing (void)
{
  Start start = { g_get_monotonic_time (), cpu_ms () };

  return start;
}

static void
stop_timing (Row   *row,
             Start  start)
{
  double wall = (g_get_monotonic_time () - start.wall) / 1000.0;
  double cpu = cpu_ms () - start.cpu;

  g_array_append_val (row->wall, wall);
  g_array_append_val (row->cpu, cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_row (const char *name,
           Row        *row)
{
  g_array_sort (row->wall, compare_doubles);
  g_array_sort (row->cpu, compare_doubles);
  printf ("| %-40s | %9.1f | %9.1f | %9.1f | %9.1f | %9.1f |\n", name,
          g_array_index (row->cpu, double, row->cpu->len / 2),
          g_array_index (row->cpu, double, 0),
          g_array_index (row->wall, double, row->wall->len / 2),
          g_array_index (row->wall, double, 0),
          g_array_index (row->wall, double, row->wall->len - 1));
  g_array_unref (row->wall);
  g_array_unref (row->cpu);
}

static void
row_init (Row *row)
{
  row->wall = g_array_new (FALSE, FALSE, sizeof (double));
  row->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ARTICLE.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SmDocument) document = NULL;
  Row snapshot_row, write_row, serialize_row;
  g_autoptr(GBytes) bytes = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: spanmark-bench-save [--runs N] [--out FILE] ARTICLE.json");
      return EXIT_FAILURE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(document = sm_document_new_from_file (file, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  row_init (&snapshot_row);
  row_init (&write_row);
  row_init (&serialize_row);

  for (gint i = 0; i < n_runs; i++)
    {
      g_autoptr(SmFormatSnapshot) snapshot = NULL;
      g_autoptr(GBytes) written = NULL;
      Start start = start_timing ();

      snapshot = sm_format_snapshot_new (document);
      stop_timing (&snapshot_row, start);

      start = start_timing ();
      written = sm_format_snapshot_serialize (snapshot);
      stop_timing (&write_row, start);
    }

  for (gint i = 0; i < n_runs; i++)
    {
      Start start = start_timing ();

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = sm_format_serialize (document);
      stop_timing (&serialize_row, start);
    }

  printf ("%u spans, %zu bytes written, %d runs\n\n", sm_document_get_n_spans (document),
          g_bytes_get_size (bytes), n_runs);
  printf ("| %-40s | %9s | %9s | %9s | %9s | %9s |\n", "step (ms)",
          "CPU med.", "CPU best", "wall med.", "wall best", "wall worst");
  printf ("|------------------------------------------|-----------|-----------|-----------|-----------|-----------|\n");
  print_row ("snapshot (main thread)", &snapshot_row);
  print_row ("serialise the snapshot (worker thread)", &write_row);
  print_row ("sm_format_serialize (both at once)", &serialize_row);

  if (out != NULL &&
      !g_file_set_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
