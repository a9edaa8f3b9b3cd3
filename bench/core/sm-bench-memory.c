/* sm-bench-memory.c: where a loaded document's memory goes, in the core.
 *
 *   spanmark-bench-memory [--suggest] article.json
 *
 * Loads a Spanmark file as the window does (sm_document_new_from_file())
 * and prints the heap in use (glibc's mallinfo2(): arena plus mmapped
 * blocks) after each stage, then builds the parts of a document one by one
 * beside it, each measured on its own and freed: the text (SmText), the
 * span records with their strings, the span index over them, and the
 * id table. What the document holds beyond those is the rest (labels,
 * relations, label counts, undo history).
 *
 * With --suggest it then runs the suggester as the window does (learns
 * the document, runs, takes the results in by sm_suggestions_update_step())
 * and prints what that left: the pending suggestions in the document, and
 * the suggester's learned strings. The pending suggestions, from the file
 * or the run, are then built beside the document in parts, as for the
 * spans: the suggestion objects with their strings, a store over them,
 * and a learned table of the document's spans.
 *
 * GLib's slice allocator keeps what is freed for itself, which would hide
 * the parts built beside: the program runs itself again with
 * G_SLICE=always-malloc, so every block is malloc()'s. Prints Markdown;
 * nothing here is a test.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sm-document.h"
#include "sm-learned.h"
#include "sm-span-index.h"
#include "sm-span-private.h"
#include "sm-suggester.h"
#include "sm-suggestion-private.h"
#include "sm-suggestion-store.h"

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

static gsize
less (gsize a,
      gsize b)
{
  return a - MIN (a, b);
}

/* What the suggester's run leaves: @document with the run's results taken
 * in as the window takes them (in steps), and the suggester, which keeps
 * the learned strings */
static SmSuggester *
suggest (SmDocument *document)
{
  SmSuggester *suggester = sm_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(SmSuggestionsUpdate) update = NULL;

  sm_suggester_learn_document (suggester, document);
  suggestions = sm_suggester_run (suggester, document, NULL, NULL);
  update = sm_suggester_begin_update (suggester, document, suggestions);
  while (!sm_suggestions_update_step (update, g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND))
    ;
  printf ("The run proposed %u suggestions and the document took %u in.\n\n",
          suggestions->len, sm_suggestions_update_get_n_taken (update));

  return suggester;
}

/* A copy of each pending suggestion of @document, as the document keeps
 * it (id, text, who said it) */
static GPtrArray *
copy_suggestions (SmDocument *document)
{
  GListModel *pending = sm_document_get_suggestions (document);
  guint n = g_list_model_get_n_items (pending);
  GPtrArray *copies = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (pending, i);
      SmSuggestion *copy;

      copy = sm_suggestion_new (sm_suggestion_get_label (suggestion),
                                sm_suggestion_get_start (suggestion),
                                sm_suggestion_get_end (suggestion),
                                sm_suggestion_get_source (suggestion));
      _sm_suggestion_set_said_by (copy, sm_suggestion_get_said_by (suggestion));
      _sm_suggestion_set_id (copy, sm_suggestion_get_id (suggestion));
      _sm_suggestion_set_text (copy, sm_document_get_text (document));
      g_ptr_array_add (copies, copy);
    }

  return copies;
}

/* A learned table of @document's spans, as the suggester learns them */
static SmLearned *
learn_spans (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  SmLearned *learned = sm_learned_new ();

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *string = NULL;

      if (sm_span_get_n_fragments (span) != 1)
        continue;
      string = sm_text_dup_slice (sm_document_get_text (document),
                                  sm_span_get_start (span), sm_span_get_end (span));
      sm_learned_add (learned, string, sm_span_get_label (span), 1);
    }

  return learned;
}

/* Builds the pending suggestions of @document beside it, part by part,
 * and prints their rows; @taken_in is what they took in the document
 * (0 if unknown) */
static void
print_suggestion_rows (SmDocument *document,
                       gsize       taken_in,
                       gsize       suggester_bytes)
{
  guint n = sm_document_get_n_suggestions (document);
  gsize before, objects_bytes, store_bytes, learned_bytes;
  g_autoptr(GPtrArray) copies = NULL;
  SmSuggestionStore *store;
  g_autoptr(SmLearned) learned = NULL;
  guint n_learned;

  before = heap_in_use ();
  copies = copy_suggestions (document);
  /* less the array that holds them here */
  objects_bytes = less (heap_in_use () - before, n * sizeof (gpointer));

  before = heap_in_use ();
  store = sm_suggestion_store_new ();
  sm_suggestion_store_begin_batch (store);
  for (guint i = 0; i < copies->len; i++)
    sm_suggestion_store_insert (store, g_ptr_array_index (copies, i));
  sm_suggestion_store_end_batch (store);
  g_assert (g_list_model_get_n_items (sm_suggestion_store_get_pending (store)) == n);
  store_bytes = heap_in_use () - before;
  sm_suggestion_store_free (store);
  g_clear_pointer (&copies, g_ptr_array_unref);

  before = heap_in_use ();
  learned = learn_spans (document);
  learned_bytes = heap_in_use () - before;
  n_learned = sm_learned_get_size (learned);

  printf ("\nPending suggestions: %u. Heap in use, MB; bytes a suggestion where it is per suggestion.\n\n", n);
  printf ("| stage or part | MB | bytes a suggestion |\n");
  printf ("| --- | ---: | ---: |\n");
  if (taken_in > 0)
    print_row ("**the run's suggestions in the document** (the run and its results freed)", taken_in, n);
  print_row ("of which: suggestion objects with their id, text, said_by", objects_bytes, n);
  print_row ("of which: the store (the list, lookups by id and by place, known)", store_bytes, n);
  if (taken_in > 0)
    print_row ("of which: the rest", less (taken_in, objects_bytes + store_bytes), n);
  if (suggester_bytes > 0)
    print_row ("**the suggester** (its learned strings, word lists)", suggester_bytes, 0);
  printf ("| a learned table of the document's spans (%u strings) | %.1f | %.0f a string |\n",
          n_learned, learned_bytes / 1e6, n_learned > 0 ? (double) learned_bytes / n_learned : 0.0);
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
  g_autoptr(SmSuggester) suggester = NULL;
  gsize taken_in = 0, suggester_bytes = 0;
  gboolean run_suggester;
  GListModel *spans;
  guint n_spans;

  if (g_getenv ("G_SLICE") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
      g_printerr ("Could not run itself again: %s\n", g_strerror (errno));
      return 1;
    }

  setlocale (LC_ALL, "");

  run_suggester = argc == 3 && strcmp (argv[1], "--suggest") == 0;
  if (argc != 2 && !run_suggester)
    {
      g_printerr ("Usage: %s [--suggest] ARTICLE.json\n", argv[0]);
      return 2;
    }

  base = heap_in_use ();
  file = g_file_new_for_commandline_arg (argv[argc - 1]);
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
          argv[argc - 1], sm_text_get_n_bytes (sm_document_get_text (document)),
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

  if (run_suggester)
    {
      gsize before = heap_in_use (), with_suggester;

      printf ("\n");
      suggester = suggest (document);
      with_suggester = heap_in_use ();
      g_clear_object (&suggester);
      suggester_bytes = less (with_suggester, heap_in_use ());
      taken_in = less (heap_in_use (), before);
    }
  if (sm_document_get_n_suggestions (document) > 0)
    print_suggestion_rows (document, taken_in, suggester_bytes);

  printf ("\nProcess: VmHWM %.1f MB (the peak, loading included), VmRSS %.1f MB at the end\n",
          resident_kb ("VmHWM:") / 1e3, resident_kb ("VmRSS:") / 1e3);

  return 0;
}
