/* sm-bench-suggest.c: how long suggestions take for an article.
 *
 * For each FILE (an article, .txt) it times, --runs times each: the figure
 * recognizer, the quotation recognizer, the learned strings (with every
 * recognizer hit learned first, as if the annotator had tagged them all:
 * a worst case for the string matcher), and a whole run of the suggester
 * as the window and `spanmark-cli suggest` make it, and the document taking
 * that run's suggestions in (what the window does on its main thread when
 * a run ends): at once, and by steps of 15 ms as the window does, timed by
 * its longest step (the longest the window waits). It prints the median,
 * best and worst of each, in milliseconds.
 *
 * A FILE ending in .json is a Spanmark document: its spans are learned
 * first, as the window learns the document it shows, and the suggestions
 * go into a copy of it, spans and all.
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
#include "sm-format.h"
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
#define PART_TAKE_IN_STEPS (SM_BENCH_N_PARTS + 1)
#define N_PARTS (SM_BENCH_N_PARTS + 2)

/* What the window gives a step of taking a run in (sm-window-suggestions.c) */
#define STEP_USEC 15000

static const char * const part_names[] = {
  "figures", "quotes", "learned strings", "whole suggester run", "into the document",
  "longest 15 ms step"
};

/* A new document of @path's: its text, or the document a .json holds */
static SmDocument *
read_document (const char  *path,
               const char  *data,
               gsize        length,
               SmText      *text)
{
  g_autoptr(GError) error = NULL;
  SmDocument *document;

  if (!g_str_has_suffix (path, ".json"))
    return sm_document_new (text, "bench");

  if ((document = sm_format_parse (data, length, &error)) == NULL)
    g_error ("%s: %s", path, error->message);

  return document;
}

/* Takes @suggestions into @document by steps; returns the longest, in ms */
static double
take_in_by_steps (SmSuggester *suggester,
                  SmDocument  *document,
                  GPtrArray   *suggestions,
                  guint       *n_taken)
{
  g_autoptr(SmSuggestionsUpdate) update = sm_suggester_begin_update (suggester, document, suggestions);
  gint64 longest = 0;
  gboolean done = FALSE;

  while (!done)
    {
      gint64 start = g_get_monotonic_time ();

      done = sm_suggestions_update_step (update, start + STEP_USEC);
      longest = MAX (longest, g_get_monotonic_time () - start);
    }
  *n_taken = sm_suggestions_update_get_n_taken (update);

  return longest / 1e3;
}

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

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s: %s", path, error->message);
  if (g_str_has_suffix (path, ".json"))
    {
      document = read_document (path, data, length, NULL);
      text = sm_text_ref (sm_document_get_text (document));
      sm_suggester_learn_document (suggester, document);
    }
  else
    {
      if ((text = sm_text_new (data, length, &error)) == NULL)
        g_error ("%s: %s", path, error->message);
      document = read_document (path, data, length, text);
    }
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
          if (part >= PART_TAKE_IN)
            {
              fresh = read_document (path, data, length, text);
              suggestions = sm_suggester_run (suggester, fresh, NULL, NULL);
            }

          start = g_get_monotonic_time ();
          if (part == PART_TAKE_IN_STEPS)
            {
              times[i] = take_in_by_steps (suggester, fresh, suggestions, &n_found);
              continue;
            }
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
