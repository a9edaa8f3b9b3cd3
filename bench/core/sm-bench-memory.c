/* sm-bench-memory.c: where a loaded document's memory goes, in the core.
 *
 *   spanmark-bench-memory article.json
 *
 * Loads a Spanmark file as the window does (sm_document_new_from_file())
 * and prints the heap in use (glibc's mallinfo2(): arena plus mmapped
 * blocks) after each stage, then builds the parts of a document one by one
 * beside it, each measured on its own and freed: the text (SmText), the
 * span records with their strings, the span index over them, and the
 * id table. What the document holds beyond those is the rest (labels,
 * relations, label counts, undo history). Prints Markdown; nothing here is
 * a test.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "sm-document.h"
#include "sm-span-index.h"
#include "sm-span-private.h"

static gsize
heap_in_use (void)
{
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

static gsize
resident_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return 0;
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

static void
print_row (const char *what,
           gsize       bytes,
           guint       n_spans)
{
  if (n_spans > 0)
    printf ("| %s | %.1f | %.0f |\n", what, bytes / 1e6, (double) bytes / n_spans);
  else
    printf ("| %s | %.1f | |\n", what, bytes / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SmDocument) document = NULL;
  gsize base, with_bytes, with_document, document_only;
  gsize text_bytes, span_bytes, index_bytes, ids_bytes;
  GListModel *spans;
  guint n_spans;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("Usage: %s ARTICLE.json\n", argv[0]);
      return 2;
    }

  base = heap_in_use ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  with_bytes = heap_in_use ();

  if (!(document = sm_document_new_from_file (file, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  with_document = heap_in_use ();
  g_clear_pointer (&bytes, g_bytes_unref);
  document_only = heap_in_use () - base;

  spans = sm_document_get_spans (document);
  n_spans = g_list_model_get_n_items (spans);

  /* The text alone */
  {
    SmText *text;
    gsize before = heap_in_use ();

    text = sm_text_new (sm_text_get_utf8 (sm_document_get_text (document)),
                        sm_text_get_n_bytes (sm_document_get_text (document)), NULL);
    text_bytes = heap_in_use () - before;
    sm_text_unref (text);
  }

  /* Span records as the format makes them, then an index over them, then
   * a table by id, as the document has them */
  {
    g_autoptr(GPtrArray) copies = g_ptr_array_new_full (n_spans, g_object_unref);
    g_autoptr(SmSpanIndex) index = NULL;
    g_autoptr(GHashTable) ids = NULL;
    gsize before, after_spans, after_index;

    before = heap_in_use ();
    for (guint i = 0; i < n_spans; i++)
      {
        g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
        const guint *bounds;
        guint n_fragments;

        bounds = _sm_span_get_bounds (span, &n_fragments);
        g_ptr_array_add (copies,
                         _sm_span_new_with_fragments (sm_span_get_id (span), sm_span_get_label (span),
                                                      bounds, n_fragments, sm_span_get_text (span)));
      }
    after_spans = heap_in_use ();
    /* less the array that holds them here */
    span_bytes = after_spans - before - n_spans * sizeof (gpointer);

    index = sm_span_index_new ();
    for (guint i = 0; i < n_spans; i++)
      sm_span_index_insert (index, g_ptr_array_index (copies, i));
    after_index = heap_in_use ();
    index_bytes = after_index - after_spans;

    ids = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; i < n_spans; i++)
      {
        SmSpan *span = g_ptr_array_index (copies, i);

        g_hash_table_insert (ids, (gpointer) sm_span_get_id (span), span);
      }
    ids_bytes = heap_in_use () - after_index;
  }

  printf ("Document: %s, %zu bytes of text, %u characters, %u spans, %u relations\n\n",
          argv[1], sm_text_get_n_bytes (sm_document_get_text (document)),
          sm_document_get_length (document), n_spans,
          g_list_model_get_n_items (sm_document_get_relations (document)));
  printf ("Heap in use (mallinfo2 after malloc_trim), MB; bytes a span where it is per span.\n\n");
  printf ("| stage or part | MB | bytes a span |\n");
  printf ("| --- | ---: | ---: |\n");
  print_row ("the file's bytes, read (freed after loading)", with_bytes - base, 0);
  print_row ("the document, while the file's bytes are alive", with_document - with_bytes, 0);
  print_row ("**the document, loaded**", document_only, n_spans);
  print_row ("of which: the text (SmText: UTF-8, offsets)", text_bytes, 0);
  print_row ("of which: span records with their id, label, text", span_bytes, n_spans);
  print_row ("of which: the span index (treap nodes)", index_bytes, n_spans);
  print_row ("of which: spans by id (hash table)", ids_bytes, n_spans);
  print_row ("of which: the rest (labels, relations, counts, history)",
             document_only - MIN (document_only, text_bytes + span_bytes + index_bytes + ids_bytes), 0);
  printf ("\nProcess: VmHWM %.1f MB (the peak, loading included), VmRSS %.1f MB at the end\n",
          resident_kb ("VmHWM:") / 1e3, resident_kb ("VmRSS:") / 1e3);

  return 0;
}
