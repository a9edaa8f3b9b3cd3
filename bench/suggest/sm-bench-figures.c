/* sm-bench-figures.c: runs the figure recognizer over articles, for the
 * quality script (figures-quality.py) and to time it.
 *
 * Each FILE is an article (.txt), or with --jsonl one text per line as a
 * JSON string. For each text it prints one JSON line: the figures found,
 * as [start, end] code point pairs. With --time N it instead runs the
 * recognizer N times over each FILE and prints the median, best and
 * worst time. The language is guessed from each text unless --language
 * says it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sm-lexicon.h"
#include "sm-suggest-rules.h"

static char *language = NULL;
static gboolean jsonl = FALSE;
static gint n_runs = 0;

static const GOptionEntry entries[] = {
  { "language", 'l', 0, G_OPTION_ARG_STRING, &language, "The word lists to use (default: guessed)", "LANG" },
  { "jsonl", 'j', 0, G_OPTION_ARG_NONE, &jsonl, "Each FILE holds one JSON string a line", NULL },
  { "time", 't', 0, G_OPTION_ARG_INT, &n_runs, "Time N runs over each FILE instead", "N" },
  { NULL }
};

static SmLexicon *
lexicon_for (GHashTable *lexicons,
             SmText     *text)
{
  g_autofree char *guessed = language == NULL ? sm_lexicon_guess_language (text) : NULL;
  const char *code = language != NULL ? language : guessed;
  SmLexicon *lexicon = g_hash_table_lookup (lexicons, code);

  if (lexicon == NULL)
    {
      lexicon = sm_lexicon_new_from_dirs (code, NULL);
      g_hash_table_insert (lexicons, g_strdup (code), lexicon);
    }

  return lexicon;
}

static void
print_figures (GHashTable *lexicons,
               const char *data,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new (data, length, &error);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  GString *line = g_string_new ("{\"figures\": [");

  if (text != NULL)
    sm_find_figures (text, lexicon_for (lexicons, text), hits);

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);

      g_string_append_printf (line, "%s[%u, %u]", i > 0 ? ", " : "", hit->start, hit->end);
    }
  g_string_append (line, "]}");
  puts (line->str);
  g_string_free (line, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
time_figures (GHashTable *lexicons,
              const char *name,
              const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new (data, length, &error);
  g_autofree double *times = g_new (double, n_runs);
  SmLexicon *lexicon;
  guint n_hits = 0;

  if (text == NULL)
    g_error ("%s: %s", name, error->message);
  lexicon = lexicon_for (lexicons, text);

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
      gint64 start = g_get_monotonic_time ();

      sm_find_figures (text, lexicon, hits);
      times[i] = (g_get_monotonic_time () - start) / 1e3;
      n_hits = hits->len;
    }

  qsort (times, n_runs, sizeof (double), compare_doubles);
  printf ("%s: %zu bytes, %u figures; %d runs: median %.1f ms, best %.1f ms, worst %.1f ms\n",
          name, length, n_hits, n_runs, times[n_runs / 2], times[0], times[n_runs - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GHashTable) lexicons = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) sm_lexicon_unref);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      g_auto(GStrv) lines = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &data, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (n_runs > 0)
        {
          time_figures (lexicons, argv[i], data, length);
          continue;
        }

      if (!jsonl)
        {
          print_figures (lexicons, data, length);
          continue;
        }

      lines = g_strsplit (data, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        {
          g_autoptr(JsonNode) node = NULL;
          const char *string;

          if (lines[k][0] == '\0')
            continue;
          if ((node = json_from_string (lines[k], &error)) == NULL ||
              (string = json_node_get_string (node)) == NULL)
            {
              g_printerr ("%s, line %u: not a JSON string\n", argv[i], k + 1);
              return 1;
            }
          print_figures (lexicons, string, strlen (string));
        }
    }

  return 0;
}
