/* sm-bench-quotes.c: runs the quotation recognizer (sm_find_quotes) on
 * articles and prints its hits as JSON lines, for scoring against gold
 * annotations with a script; with --runs, times it instead and prints the
 * median (and best and worst) run.
 *
 *   spanmark-bench-quotes [--language L] ARTICLE.txt...
 *   spanmark-bench-quotes --runs 21 --size 1000000 ARTICLE.txt
 *
 * --size repeats the article, paragraph after paragraph, to that many
 * bytes: a long article made of real sentences.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sm-suggest-rules.h"

static char *language = NULL;
static gint n_runs = 0;
static gint size = 0;

static const GOptionEntry entries[] = {
  { "language", 'l', 0, G_OPTION_ARG_STRING, &language, "Word lists to use (default: guessed)", "LANG" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Time this many runs instead of printing hits", "N" },
  { "size", 's', 0, G_OPTION_ARG_INT, &size, "Repeat the article to this many bytes", "BYTES" },
  { NULL }
};

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y;
}

static void
print_hits (const char *file,
            SmText     *text,
            GArray     *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *slice = sm_text_dup_slice (text, hit->start, hit->end);
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, i);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, sm_role_to_label (hit->role));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, hit->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, hit->end);
      json_builder_set_member_name (builder, "said_by");
      json_builder_add_int_value (builder, hit->said_by);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, slice);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      line = json_to_string (root, FALSE);
      printf ("%s\n", line);
    }
}

static gboolean
run_file (const char  *file,
          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmLexicon) lexicon = NULL;
  g_autofree char *guessed = NULL;

  if (!g_file_get_contents (file, &data, &length, error))
    return FALSE;

  if (size > 0 && length > 0)
    {
      GString *long_text = g_string_sized_new (size + length);

      while (long_text->len < (gsize) size)
        {
          g_string_append_len (long_text, data, length);
          if (data[length - 1] != '\n')
            g_string_append_c (long_text, '\n');
        }
      g_free (data);
      length = long_text->len;
      data = g_string_free (long_text, FALSE);
    }

  if ((text = sm_text_new (data, length, error)) == NULL)
    return FALSE;

  guessed = language != NULL ? g_strdup (language) : sm_lexicon_guess_language (text);
  lexicon = sm_lexicon_new_from_dirs (guessed, NULL);

  if (n_runs <= 0)
    {
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));

      sm_find_quotes (text, lexicon, hits);
      print_hits (file, text, hits);
      return TRUE;
    }

  {
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gdouble));
    guint n_hits = 0;

    for (gint r = 0; r < n_runs; r++)
      {
        g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
        gint64 start = now_ns ();
        gdouble ms;

        sm_find_quotes (text, lexicon, hits);
        ms = (now_ns () - start) / 1e6;
        g_array_append_val (samples, ms);
        n_hits = hits->len;
      }
    g_array_sort (samples, compare_doubles);
    printf ("%s: %zu bytes, %u hits, %d runs: median %.1f ms (best %.1f, worst %.1f)\n",
            file, length, n_hits, n_runs,
            g_array_index (samples, gdouble, samples->len / 2),
            g_array_index (samples, gdouble, 0),
            g_array_index (samples, gdouble, samples->len - 1));
  }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ARTICLE…");
  g_autoptr(GError) error = NULL;
  int status = EXIT_SUCCESS;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    if (!run_file (argv[i], &error))
      {
        g_printerr ("%s: %s\n", argv[i], error->message);
        g_clear_error (&error);
        status = EXIT_FAILURE;
      }

  return status;
}
