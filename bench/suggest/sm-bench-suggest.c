/* sm-bench-suggest.c: how long suggestions take for an article.
 *
 * For each FILE (an article, .txt) it times, --runs times each: the figure
 * recognizer, the quotation recognizer, the learned strings (with every
 * recognizer hit learned first, as if the annotator had tagged them all:
 * a worst case for the string matcher), and a whole run of the suggester
 * as the window and `spanmark-cli suggest` make it, and the document taking
 * that run's suggestions in (what the window does on its main thread when
 * a run ends). It prints the median,
 * best and worst of each, in milliseconds.
 *
 *   spanmark-bench-suggest --runs 11 article.txt
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sm-bench-parts.h"
#include "sm-learned.h"
#include "sm-lexicon.h"
#include "sm-suggest-rules.h"
#include "sm-suggester.h"

static gint n_runs = 11;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Time each part N times (default 11)", "N" },
  { NULL }
};

/* The parts of a run, and then the document taking its suggestions in */
#define PART_TAKE_IN SM_BENCH_N_PARTS
#define N_PARTS (SM_BENCH_N_PARTS + 1)

static const char * const part_names[] = {
  "figures", "quotes", "learned strings", "whole suggester run", "into the document"
};

static void
time_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmLexicon) lexicon = NULL;
  g_autoptr(SmLearned) learned = sm_learned_new ();
  g_autoptr(SmSuggester) suggester = sm_suggester_new ();
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  g_autofree char *language = NULL;
  g_autofree double *times = g_new (double, n_runs);
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error) ||
      (text = sm_text_new (data, length, &error)) == NULL)
    g_error ("%s: %s", path, error->message);

  document = sm_document_new (text, "bench");
  language = sm_lexicon_guess_language (text);
  lexicon = sm_lexicon_new_from_dirs (language, NULL);

  /* Everything the rules find, learned as if tagged */
  sm_find_figures (text, lexicon, hits);
  sm_find_quotes (text, lexicon, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      g_autofree char *slice = sm_text_dup_slice (text, hit->start, hit->end);

      sm_learned_add (learned, slice, sm_role_to_label (hit->role), 1);
    }

  printf ("%s: %zu bytes, %u characters, language %s, %u strings learned\n",
          path, length, sm_text_get_length (text), language, sm_learned_get_size (learned));

  for (guint part = 0; part < N_PARTS; part++)
    {
      guint n_found = 0;

      for (int i = 0; i < n_runs; i++)
        {
          g_autoptr(SmDocument) fresh = NULL;
          g_autoptr(GPtrArray) suggestions = NULL;
          gint64 start;

          /* Taking in is timed apart from the run that made them */
          if (part == PART_TAKE_IN)
            {
              fresh = sm_document_new (text, "bench");
              suggestions = sm_suggester_run (suggester, fresh, NULL, NULL);
            }

          start = g_get_monotonic_time ();
          if (part == PART_TAKE_IN)
            n_found = sm_suggester_update_document (suggester, fresh, suggestions);
          else
            n_found = sm_bench_run_part (part, document, lexicon, learned, suggester);
          times[i] = (g_get_monotonic_time () - start) / 1e3;
        }

      qsort (times, n_runs, sizeof (double), sm_bench_compare_doubles);
      printf ("  %-20s %7u found  median %8.1f ms  best %8.1f ms  worst %8.1f ms\n",
              part_names[part], n_found, times[n_runs / 2], times[0], times[n_runs - 1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1 || argc < 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: spanmark-bench-suggest [--runs N] FILE…");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    time_file (argv[i]);

  return 0;
}
