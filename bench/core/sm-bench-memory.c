/* sm-bench-memory.c: where a loaded document's memory goes, in the core.
 *
 *   spanmark-bench-memory [--suggest [--slice]] article.json
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
 * G_SLICE=always-malloc, so every block is malloc()'s. With --slice it
 * keeps GLib's slice allocator, as the window has it (GLib 2.74 and
 * older: a slab with one live chunk stays whole), and prints only the
 * stages of the run: heap and VmRSS when the run is done, once its
 * suggestions are in (settled), and the peak VmRSS of the run and update.
 * Both modes print how many suggestion objects the run made. Prints
 * Markdown; nothing here is a test.
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

/* So that VmHWM says the peak from now on (Linux 4.0 and later) */
static void
reset_peak (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
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

/* The figures of a run's stages */
typedef struct
{
  gsize heap_before;
  gsize rss_before;
  gsize heap_ran;       /* the run done, its suggestions alive */
  gsize rss_ran;
  gsize heap_settled;   /* taken in, the run's array let go */
  gsize rss_settled;
  gsize rss_peak;       /* VmHWM from the run's start to the end of the update */
  guint n_objects;      /* suggestion objects the run made */
} Stages;

/* The suggestion objects a run made: those it returns, and the speakers
 * its claims point at that it does not return */
static guint
count_objects (GPtrArray *suggestions)
{
  g_autoptr(GHashTable) objects = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_hash_table_add (objects, suggestion);
      if (sm_suggestion_get_speaker (suggestion) != NULL)
        g_hash_table_add (objects, sm_suggestion_get_speaker (suggestion));
    }

  return g_hash_table_size (objects);
}

/* What the suggester's run leaves: @document with the run's results taken
 * in as the window takes them (in steps), and the suggester, which keeps
 * the learned strings */
static SmSuggester *
suggest (SmDocument *document,
         Stages     *stages)
{
  SmSuggester *suggester = sm_suggester_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(SmSuggestionsUpdate) update = NULL;
  guint n_proposed;

  sm_suggester_learn_document (suggester, document);
  stages->heap_before = heap_in_use ();
  stages->rss_before = resident_kb ("VmRSS:");
  reset_peak ();
  suggestions = sm_suggester_run (suggester, document, NULL, NULL);
  stages->heap_ran = heap_in_use ();
  stages->rss_ran = resident_kb ("VmRSS:");
  stages->n_objects = count_objects (suggestions);
  n_proposed = suggestions->len;
  update = sm_suggester_begin_update (suggester, document, suggestions);
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  while (!sm_suggestions_update_step (update, g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND))
    ;
  printf ("The run proposed %u suggestions (%u objects made) and the document took %u in.\n\n",
          n_proposed, stages->n_objects, sm_suggestions_update_get_n_taken (update));
  g_clear_pointer (&update, sm_suggestions_update_free);
  stages->heap_settled = heap_in_use ();
  stages->rss_settled = resident_kb ("VmRSS:");
  stages->rss_peak = resident_kb ("VmHWM:");

  return suggester;
}

static void
print_stages (const Stages *stages,
              gboolean      slice)
{
  printf ("\nThe run's stages, %s; heap (mallinfo2 after malloc_trim) and VmRSS, MB:\n\n",
          slice ? "GLib's slice allocator" : "G_SLICE=always-malloc");
  printf ("| stage | heap | VmRSS |\n");
  printf ("| --- | ---: | ---: |\n");
  printf ("| document loaded and learned | %.1f | %.1f |\n",
          stages->heap_before / 1e6, stages->rss_before / 1e3);
  printf ("| run done, its %u objects alive | %.1f | %.1f |\n", stages->n_objects,
          stages->heap_ran / 1e6, stages->rss_ran / 1e3);
  printf ("| taken in, the run let go of (settled) | %.1f | %.1f |\n",
          stages->heap_settled / 1e6, stages->rss_settled / 1e3);
  printf ("| peak VmRSS during the run and update | | %.1f |\n", stages->rss_peak / 1e3);
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
  gsize text_bytes = 0, span_bytes = 0, index_bytes = 0, ids_bytes = 0;
  g_autoptr(SmSuggester) suggester = NULL;
  gsize taken_in = 0, suggester_bytes = 0;
  gboolean run_suggester, slice;
  Stages stages = { 0 };
  GListModel *spans;
  guint n_spans;

  run_suggester = (argc == 3 || argc == 4) && strcmp (argv[1], "--suggest") == 0;
  slice = run_suggester && argc == 4 && strcmp (argv[2], "--slice") == 0;
  if (argc != 2 && !(run_suggester && (argc == 3 || slice)))
    {
      g_printerr ("Usage: %s [--suggest [--slice]] ARTICLE.json\n", argv[0]);
      return 2;
    }

  if (g_getenv ("G_SLICE") == NULL && !slice)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
      g_printerr ("Could not run itself again: %s\n", g_strerror (errno));
      return 1;
    }

  setlocale (LC_ALL, "");

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

  /* The parts built beside are left out with the slice allocator: what
   * they free would be its, for the run's objects to reuse. The text
   * alone: */
  if (!slice)
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
  if (!slice)
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
  if (!slice)
    {
      print_row ("of which: the text (SmText: UTF-8, offsets)", text_bytes, 0);
      print_row ("of which: span records with their id, label, text", span_bytes, n_spans);
      print_row ("of which: the span index (treap nodes)", index_bytes, n_spans);
      print_row ("of which: spans by id (hash table)", ids_bytes, n_spans);
      print_row ("of which: the rest (labels, relations, counts, history)",
                 document_only - MIN (document_only, text_bytes + span_bytes + index_bytes + ids_bytes), 0);
    }

  if (run_suggester)
    {
      gsize before = heap_in_use (), with_suggester;

      printf ("\n");
      suggester = suggest (document, &stages);
      with_suggester = heap_in_use ();
      g_clear_object (&suggester);
      suggester_bytes = less (with_suggester, heap_in_use ());
      taken_in = less (heap_in_use (), before);
    }
  if (run_suggester)
    print_stages (&stages, slice);
  if (sm_document_get_n_suggestions (document) > 0 && !slice)
    print_suggestion_rows (document, taken_in, suggester_bytes);

  printf ("\nProcess: VmHWM %.1f MB (the peak, %s), VmRSS %.1f MB at the end\n",
          resident_kb ("VmHWM:") / 1e3, run_suggester ? "from the run's start" : "loading included",
          resident_kb ("VmRSS:") / 1e3);

  return 0;
}
