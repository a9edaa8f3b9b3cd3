/* sm-bench-generate.c: writes synthetic annotated articles for benchmarks.
 *
 *   spanmark-bench-generate --bytes 1000000 --spans 10000 article.json
 *   spanmark-bench-generate --bytes 1000000 --text article.txt
 *   spanmark-bench-generate --documents 10000 --bytes 4000 --spans 40 corpus/
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sm-bench-article.h"

static gint64 n_bytes = 1000000;
static gint n_spans = 10000;
static gint seed = 1;
static gint n_documents = 0;
static gboolean crlf = FALSE;
static gboolean text_only = FALSE;

static const GOptionEntry entries[] = {
  { "bytes", 'b', 0, G_OPTION_ARG_INT64, &n_bytes, "Size of each article's text in bytes (default 1000000)", "N" },
  { "spans", 's', 0, G_OPTION_ARG_INT, &n_spans, "Spans in each document (default 10000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed; the same seed gives the same files (default 1)", "N" },
  { "crlf", 0, 0, G_OPTION_ARG_NONE, &crlf, "End paragraphs with CR LF (in a corpus: every fifth document does)", NULL },
  { "text", 't', 0, G_OPTION_ARG_NONE, &text_only, "Write the plain-text article only (.txt)", NULL },
  { "documents", 'd', 0, G_OPTION_ARG_INT, &n_documents, "Write N documents into the folder OUTPUT", "N" },
  { NULL }
};

static gboolean
write_one (const SmBenchArticle  *article,
           const char            *path,
           GError               **error)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmText) text = NULL;

  if (text_only)
    {
      text = sm_bench_article_new_text (article);
      return g_file_set_contents (path, sm_text_get_utf8 (text), sm_text_get_n_bytes (text), error);
    }

  if (dot != NULL && dot != base)
    *dot = '\0';
  document = sm_bench_article_new_document (article, base);
  if (sm_document_get_n_spans (document) < article->n_spans)
    g_printerr ("%s: the text has room for %u spans only\n", path, sm_document_get_n_spans (document));

  return sm_document_save_to_file (document, file, NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SmBenchArticle article;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("OUTPUT — write a synthetic annotated article (or a corpus of them)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      n_bytes <= 0 || n_spans < 0 || n_documents < 0)
    {
      g_printerr ("%s\n", error ? error->message : "give one OUTPUT, and sizes above zero");
      return EXIT_FAILURE;
    }

  article.seed = (guint32) seed;
  article.n_bytes = (gsize) n_bytes;
  article.n_spans = (guint) n_spans;
  article.crlf = crlf;

  if (n_documents == 0)
    {
      if (!write_one (&article, argv[1], &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    {
      g_printerr ("%s: cannot create the folder\n", argv[1]);
      return EXIT_FAILURE;
    }

  for (gint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%05d.%s", i + 1, text_only ? "txt" : "json");
      g_autofree char *path = g_build_filename (argv[1], name, NULL);

      article.seed = (guint32) (seed + i);
      article.crlf = crlf && i % 5 == 4;
      if (!write_one (&article, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}
