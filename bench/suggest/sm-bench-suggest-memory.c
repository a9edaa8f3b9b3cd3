/* sm-bench-suggest-memory.c: the memory a suggestion run takes on a long
 * article, and its time.
 *
 *   spanmark-bench-suggest-memory [--runs 3] article.json
 *
 * Loads a Spanmark file (or an article, .txt) and runs, --runs times each,
 * the parts of a suggestion run on it: the figure recognizer, the
 * quotation recognizer, the learned strings (the document's spans, learned
 * as the suggester learns them, found again in the text), and the whole
 * run as the window's worker and `spanmark-cli suggest` make it
 * (sm_suggester_run()). For each it prints the peak of the heap in use
 * during the run above what was in use before it, what the run left in use
 * (its result), and the median, best and worst time: processor time of
 * the thread (which the load of a shared machine disturbs less) and wall
 * clock time.
 *
 * The heap is counted exactly, not sampled: this program wraps glibc's
 * malloc() and its kin (so every allocation of GLib and of the core goes
 * through them) and adds up malloc_usable_size() of the blocks in use.
 * The counting costs a few percent of time, the same before and after a
 * change; compare times with `spanmark-bench-suggest` or the CLI too. The
 * process's peak resident memory (VmHWM) and the load average are printed
 * at the end. Prints Markdown; nothing here is a test.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* posix_memalign(), CLOCK_THREAD_CPUTIME_ID */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sm-bench-parts.h"
#include "sm-document.h"
#include "sm-learned.h"
#include "sm-lexicon.h"
#include "sm-span.h"
#include "sm-suggest-rules.h"
#include "sm-suggester.h"

/* The heap counter */

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *block, size_t size);
extern void *__libc_memalign (size_t alignment, size_t size);
extern void *__libc_valloc (size_t size);
extern void *__libc_pvalloc (size_t size);
extern void  __libc_free (void *block);

static gint64 heap_in_use;
static gint64 heap_peak;

static void
count (gint64 delta)
{
  gint64 now = __atomic_add_fetch (&heap_in_use, delta, __ATOMIC_RELAXED);
  gint64 peak = __atomic_load_n (&heap_peak, __ATOMIC_RELAXED);

  while (now > peak &&
         !__atomic_compare_exchange_n (&heap_peak, &peak, now, TRUE, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    ;
}

static void *
counted (void *block)
{
  if (block != NULL)
    count ((gint64) malloc_usable_size (block));
  return block;
}

void *
malloc (size_t size)
{
  return counted (__libc_malloc (size));
}

void *
calloc (size_t n,
        size_t size)
{
  return counted (__libc_calloc (n, size));
}

void *
realloc (void   *block,
         size_t  size)
{
  gint64 before = block != NULL ? (gint64) malloc_usable_size (block) : 0;
  void *moved = __libc_realloc (block, size);

  if (moved != NULL)
    count ((gint64) malloc_usable_size (moved) - before);
  else if (size == 0)
    count (-before);  /* glibc's realloc (p, 0) frees p */
  return moved;
}

void *
memalign (size_t alignment,
          size_t size)
{
  return counted (__libc_memalign (alignment, size));
}

void *
aligned_alloc (size_t alignment,
               size_t size)
{
  return counted (__libc_memalign (alignment, size));
}

int
posix_memalign (void   **block,
                size_t   alignment,
                size_t   size)
{
  void *aligned = counted (__libc_memalign (alignment, size));

  if (aligned == NULL)
    return ENOMEM;
  *block = aligned;
  return 0;
}

void *
valloc (size_t size)
{
  return counted (__libc_valloc (size));
}

void *
pvalloc (size_t size)
{
  return counted (__libc_pvalloc (size));
}

void
free (void *block)
{
  if (block != NULL)
    count (-(gint64) malloc_usable_size (block));
  __libc_free (block);
}

/* The benchmark */

static gint n_runs = 3;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Run each part N times (default 3)", "N" },
  { NULL }
};

static const char * const part_names[] = {
  "figures (sm_find_figures)",
  "quotations (sm_find_quotes)",
  "learned strings (sm_learned_find)",
  "whole suggester run (sm_suggester_run)",
};

static double
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}


static SmDocument *
load (const char  *path,
      GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;

  if (!g_str_has_suffix (path, ".txt"))
    {
      file = g_file_new_for_commandline_arg (path);
      return sm_document_new_from_file (file, NULL, error);
    }

  if (!g_file_get_contents (path, &data, &length, error) ||
      (text = sm_text_new (data, length, error)) == NULL)
    return NULL;
  return sm_document_new (text, "bench");
}

static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ARTICLE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmLexicon) lexicon = NULL;
  g_autoptr(SmLearned) learned = sm_learned_new ();
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autofree char *language = NULL;
  g_autofree char *loadavg = NULL;
  g_autofree double *times = NULL;
  g_autofree double *walls = NULL;
  GListModel *spans;
  SmText *text;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1 || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message :
                  "usage: spanmark-bench-suggest-memory [--runs N] ARTICLE.json");
      return 2;
    }

  if ((document = load (argv[1], &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  text = sm_document_get_text (document);
  language = sm_lexicon_guess_language (text);
  lexicon = sm_lexicon_new (language);

  /* The document's spans, learned as the suggester learns them */
  spans = sm_document_get_spans (document);
  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (sm_span_get_n_fragments (span) == 1)
        sm_learned_add (learned, sm_span_get_text (span), sm_span_get_label (span), 1);
    }

  /* Word lists compiled, lexicons cached: what a window has after its
   * first run */
  for (SmBenchPart part = 0; part < SM_BENCH_N_PARTS; part++)
    sm_bench_run_part (part, document, lexicon, learned, suggester);
  malloc_trim (0);

  printf ("%s: %zu bytes, %u characters, %u spans, language %s; "
          "heap in use before the runs %.1f MB\n\n",
          argv[1], sm_text_get_n_bytes (text), sm_text_get_length (text),
          g_list_model_get_n_items (spans), language, heap_in_use / 1e6);
  printf ("| part | found | peak heap above start | left in use | processor median | best | worst | wall median | runs |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

  times = g_new (double, n_runs);
  walls = g_new (double, n_runs);
  for (SmBenchPart part = 0; part < SM_BENCH_N_PARTS; part++)
    {
      gint64 peak = 0, left = 0;
      guint n_found = 0;

      for (int i = 0; i < n_runs; i++)
        {
          gint64 start_heap = __atomic_load_n (&heap_in_use, __ATOMIC_RELAXED);
          gint64 start_time;
          double start_cpu;

          __atomic_store_n (&heap_peak, start_heap, __ATOMIC_RELAXED);
          start_time = g_get_monotonic_time ();
          start_cpu = thread_seconds ();
          n_found = sm_bench_run_part (part, document, lexicon, learned, suggester);
          times[i] = (thread_seconds () - start_cpu) * 1e3;
          walls[i] = (g_get_monotonic_time () - start_time) / 1e3;
          peak = MAX (peak, __atomic_load_n (&heap_peak, __ATOMIC_RELAXED) - start_heap);
          left = __atomic_load_n (&heap_in_use, __ATOMIC_RELAXED) - start_heap;
        }

      qsort (times, n_runs, sizeof (double), sm_bench_compare_doubles);
      qsort (walls, n_runs, sizeof (double), sm_bench_compare_doubles);
      printf ("| %s | %u | %.1f MB | %.1f MB | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d |\n",
              part_names[part], n_found, peak / 1e6, left / 1e6,
              times[n_runs / 2], times[0], times[n_runs - 1], walls[n_runs / 2], n_runs);
    }

  g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);
  printf ("\nPeak resident memory of the process: %.0f MB; load average %s",
          status_kb ("VmHWM:") / 1e3, loadavg != NULL ? loadavg : "?\n");

  return 0;
}
