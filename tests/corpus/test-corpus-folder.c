/* test-corpus-folder.c: a folder of articles, its list, its index, and changes on disk.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "corpus-fixtures.h"
#include "sm-corpus-folder.h"
#include "sm-format.h"

/* How long to wait for something that must happen; reaching it is a failure */
#define PATIENCE_USEC (30 * G_USEC_PER_SEC)

static const char article[] = "Raisi said trade grew by 5 percent, Lukashenko said.";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = temp_folder_new ("corpus");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  const char *label;
  guint       start;
  guint       end;
} Span;

static SmDocument *
make_document (const char       *name,
               SmDocumentStatus  status,
               const Span       *spans)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);
  SmDocument *document = sm_document_new (text, name);

  for (guint i = 0; spans && spans[i].label; i++)
    {
      g_autoptr(GError) error = NULL;

      if (sm_document_find_label (document, spans[i].label) == NULL)
        {
          g_autoptr(SmLabel) label = sm_label_new (spans[i].label, NULL, NULL, NULL);

          sm_document_add_label (document, label, &error);
        }
      sm_document_add_span (document, spans[i].label, spans[i].start, spans[i].end, &error);
      g_assert_no_error (error);
    }
  sm_document_set_status (document, status);

  return document;
}

static void
write_document (Fixture          *fixture,
                const char       *relative,
                SmDocumentStatus  status,
                const Span       *spans)
{
  g_autoptr(SmDocument) document = make_document ("doc", status, spans);
  g_autoptr(GBytes) bytes = sm_format_serialize (document);

  g_free (temp_folder_write (fixture->dir, relative, g_bytes_get_data (bytes, NULL),
                             g_bytes_get_size (bytes)));
}

static const char broken[] = "{\"format\": \"spanmark\", \"version\": 1,,}";

/*
 * a.txt                 article only            new
 * b.txt, b.json         2 SPEAKER, 1 CLAIM      in progress
 * doc2.json             1 FIGURE                done
 * doc10.json            nothing                 new
 * e.json                not JSON                unreadable
 * sub/c.txt, sub/c.json 1 CLAIM, 1 PERSON       done
 * sub/deeper/d.txt      article only            new
 * and what is no document: notes.md, .hidden/x.txt, the project file, a link back up
 */
static void
make_corpus (Fixture *fixture)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "sub", "up", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;

  g_free (temp_folder_write (fixture->dir, "a.txt", article, -1));
  g_free (temp_folder_write (fixture->dir, "b.txt", article, -1));
  write_document (fixture, "b.json", SM_DOCUMENT_STATUS_IN_PROGRESS,
                  (Span[]) { { "SPEAKER", 0, 5 }, { "SPEAKER", 36, 46 }, { "CLAIM", 11, 34 }, { NULL } });
  write_document (fixture, "doc2.json", SM_DOCUMENT_STATUS_DONE,
                  (Span[]) { { "FIGURE", 25, 34 }, { NULL } });
  write_document (fixture, "doc10.json", SM_DOCUMENT_STATUS_NEW, NULL);
  g_free (temp_folder_write (fixture->dir, "e.json", broken, -1));
  g_free (temp_folder_write (fixture->dir, "sub/c.txt", article, -1));
  write_document (fixture, "sub/c.json", SM_DOCUMENT_STATUS_DONE,
                  (Span[]) { { "CLAIM", 11, 34 }, { "PERSON", 36, 46 }, { NULL } });
  g_free (temp_folder_write (fixture->dir, "sub/deeper/d.txt", article, -1));

  g_free (temp_folder_write (fixture->dir, "notes.md", "# Notes\n", -1));
  g_free (temp_folder_write (fixture->dir, ".hidden/x.txt", article, -1));
  g_file_make_symbolic_link (link, "..", NULL, &error);
  g_assert_no_error (error);
}

/* Files written a second ago may change again unseen on a coarse clock,
 * so the index leaves them out; these tests want them in. */
static void
age_files (Fixture    *fixture,
           const char *relative)
{
  temp_folder_set_mtime (fixture->dir, relative, g_get_real_time () - (gint64) 3600 * G_USEC_PER_SEC);
}

static void
age_corpus (Fixture *fixture)
{
  static const char * const files[] = { "b.json", "doc2.json", "doc10.json", "e.json", "sub/c.json", NULL };

  for (guint i = 0; files[i]; i++)
    age_files (fixture, files[i]);
}

static int
compare_label_pointers (gconstpointer a,
                        gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* Each entry as "path:status:n_spans[:LABEL=n...][!]" in list order; "!" if unreadable */
static char *
describe (SmCorpusFolder *corpus)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *model = G_LIST_MODEL (corpus);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmCorpusEntry) entry = g_list_model_get_item (model, i);
      GHashTable *counts = sm_corpus_entry_get_label_counts (entry);
      g_autofree gpointer *labels = g_hash_table_get_keys_as_array (counts, NULL);
      guint n_labels = g_hash_table_size (counts);

      g_string_append_printf (out, "%s%s:%s:%u", i ? " " : "", sm_corpus_entry_get_path (entry),
                              sm_document_status_to_string (sm_corpus_entry_get_status (entry)),
                              sm_corpus_entry_get_n_spans (entry));
      qsort (labels, n_labels, sizeof (gpointer), compare_label_pointers);
      for (guint j = 0; j < n_labels; j++)
        g_string_append_printf (out, ":%s=%u", (char *) labels[j],
                                sm_corpus_entry_count_spans_with_label (entry, labels[j]));
      if (sm_corpus_entry_get_error (entry))
        g_string_append_c (out, '!');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define BY_NAME \
  "a:new:0 b:in-progress:3:CLAIM=1:SPEAKER=2 doc2:done:1:FIGURE=1 doc10:new:0 e:new:0! " \
  "sub/c:done:2:CLAIM=1:PERSON=1 sub/deeper/d:new:0"
#define BY_STATUS \
  "b:in-progress:3:CLAIM=1:SPEAKER=2 a:new:0 doc10:new:0 sub/deeper/d:new:0 doc2:done:1:FIGURE=1 " \
  "sub/c:done:2:CLAIM=1:PERSON=1 e:new:0!"

static SmCorpusFolder *
open_sync (Fixture  *fixture,
           GError  **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

  return sm_corpus_folder_open (folder, NULL, error);
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SmCorpusFolder **corpus = user_data;
  g_autoptr(GError) error = NULL;

  *corpus = sm_corpus_folder_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*corpus);
}

/* Runs the main loop a little: at least until a short timeout */
static gboolean
wake_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_briefly (void)
{
  gboolean woken = FALSE;

  g_timeout_add (10, wake_up, &woken);
  while (!woken)
    g_main_context_iteration (NULL, TRUE);
}

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + PATIENCE_USEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("gave up waiting for %s", #condition); \
        iterate_briefly (); \
      } \
  } G_STMT_END

static SmCorpusFolder *
open_async (Fixture *fixture)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  SmCorpusFolder *corpus = NULL;

  /* Stop as soon as it is open, before any update from the background reads */
  sm_corpus_folder_open_async (folder, NULL, on_opened, &corpus);
  while (corpus == NULL)
    g_main_context_iteration (NULL, TRUE);

  return corpus;
}

static SmCorpusEntry *
entry_at (SmCorpusFolder *corpus,
          const char     *path)
{
  g_autofree char *full = g_build_filename (g_file_peek_path (sm_corpus_folder_get_folder (corpus)),
                                            path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);

  return sm_corpus_folder_find_entry (corpus, file);
}

static void
test_open_sync (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *index = NULL;
  SmCorpusEntry *entry;

  make_corpus (fixture);
  age_corpus (fixture);
  corpus = open_sync (fixture, &error);
  g_assert_no_error (error);

  listed = describe (corpus);
  g_assert_cmpstr (listed, ==, BY_NAME);
  g_assert_false (sm_corpus_folder_get_loading (corpus));
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_NEW), ==, 3);
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_DONE), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_get_n_unreadable (corpus), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_get_n_pending (corpus), ==, 0);

  /* What the window opens and where it saves */
  entry = entry_at (corpus, "a.txt");
  g_assert_cmpstr (sm_corpus_entry_get_name (entry), ==, "a");
  g_assert_false (sm_corpus_entry_get_has_annotations (entry));
  g_assert_true (sm_corpus_entry_get_file (entry) == sm_corpus_entry_get_article_file (entry));
  g_assert_true (g_str_has_suffix (g_file_peek_path (sm_corpus_entry_get_annotation_file (entry)), "/a.json"));
  entry = entry_at (corpus, "sub/c.json");
  g_assert_cmpstr (sm_corpus_entry_get_name (entry), ==, "c");
  g_assert_true (sm_corpus_entry_get_file (entry) == sm_corpus_entry_get_annotation_file (entry));
  g_assert_true (g_str_has_suffix (g_file_peek_path (sm_corpus_entry_get_article_file (entry)), "/sub/c.txt"));
  entry = entry_at (corpus, "doc2.json");
  g_assert_null (sm_corpus_entry_get_article_file (entry));
  g_assert_true (entry_at (corpus, "doc2.txt") == entry);
  g_assert_null (entry_at (corpus, "notes.md"));

  /* An unreadable file says why, as opening it would */
  entry = entry_at (corpus, "e.json");
  g_assert_cmpstr (sm_corpus_entry_get_error (entry), ==,
                   "e.json:1:36: unexpected character `,', expected string constant");
  g_assert_false (sm_corpus_entry_is_unfinished (entry));

  /* The index was written for next time */
  index = temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
  g_assert_nonnull (strstr (index, "\"path\":\"sub/c.json\""));
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autofree char *listed = NULL;

  make_corpus (fixture);
  corpus = open_async (fixture);

  /* Listed at once; the five Spanmark files are read after */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 7);
  g_assert_cmpuint (sm_corpus_folder_get_n_pending (corpus), ==, 5);
  g_assert_true (sm_corpus_folder_get_loading (corpus));
  g_assert_false (sm_corpus_entry_get_loaded (entry_at (corpus, "b.json")));
  g_assert_true (sm_corpus_entry_get_loaded (entry_at (corpus, "a.txt")));

  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));
  g_assert_cmpuint (sm_corpus_folder_get_n_pending (corpus), ==, 0);
  listed = describe (corpus);
  g_assert_cmpstr (listed, ==, BY_NAME);

  /* The project of the folder came with it */
  g_assert_nonnull (sm_project_find_label (sm_corpus_folder_get_project (corpus), "FIGURE"));
}

static guint
position_of (SmCorpusFolder *corpus,
             const char     *path)
{
  guint position = G_MAXUINT;

  g_assert_true (sm_corpus_folder_get_position (corpus, entry_at (corpus, path), &position));
  return position;
}

static const char *
path_of (SmCorpusEntry *entry)
{
  return entry ? sm_corpus_entry_get_path (entry) : "(none)";
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->n_signals++;
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *by_status = NULL;
  g_autofree char *by_name = NULL;
  ItemsChanged changed = { 0 };
  SmCorpusEntry *entry;

  make_corpus (fixture);
  corpus = open_sync (fixture, &error);
  g_assert_no_error (error);
  g_signal_connect (corpus, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* By name: next and previous walk the list, and stop at its ends */
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next (corpus, NULL)), ==, "a");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next (corpus, entry_at (corpus, "doc2.json"))), ==, "doc10");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_previous (corpus, entry_at (corpus, "doc2.json"))), ==, "b");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_previous (corpus, NULL)), ==, "sub/deeper/d");
  g_assert_null (sm_corpus_folder_get_next (corpus, entry_at (corpus, "sub/deeper/d.txt")));
  g_assert_null (sm_corpus_folder_get_previous (corpus, entry_at (corpus, "a.txt")));

  /* Next unfinished skips done and unreadable documents, and goes round */
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next_unfinished (corpus, entry_at (corpus, "b.txt"))), ==, "doc10");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next_unfinished (corpus, entry_at (corpus, "doc10.json"))), ==, "sub/deeper/d");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next_unfinished (corpus, entry_at (corpus, "sub/deeper/d.txt"))), ==, "a");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_next_unfinished (corpus, NULL)), ==, "a");

  /* By status: in progress, new, done, unreadable */
  sm_corpus_folder_set_sort (corpus, SM_CORPUS_FOLDER_SORT_STATUS);
  by_status = describe (corpus);
  g_assert_cmpstr (by_status, ==, BY_STATUS);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 7);
  g_assert_cmpuint (changed.added, ==, 7);
  g_assert_cmpuint (position_of (corpus, "e.json"), ==, 6);

  g_assert_cmpstr (path_of (sm_corpus_folder_get_next (corpus, entry_at (corpus, "sub/deeper/d.txt"))), ==, "doc2");
  g_assert_cmpstr (path_of (sm_corpus_folder_get_previous (corpus, entry_at (corpus, "a.txt"))), ==, "b");
  entry = sm_corpus_folder_get_next_unfinished (corpus, entry_at (corpus, "sub/deeper/d.txt"));
  g_assert_cmpstr (path_of (entry), ==, "b");

  /* Back by name, and the order is as before */
  sm_corpus_folder_set_sort (corpus, SM_CORPUS_FOLDER_SORT_NAME);
  by_name = describe (corpus);
  g_assert_cmpstr (by_name, ==, BY_NAME);
  g_assert_cmpuint (changed.n_signals, ==, 2);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(SmCorpusFolderStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  const guint *per_document;
  guint n_documents = 0;
  guint n_with = 0;

  make_corpus (fixture);
  corpus = open_sync (fixture, &error);
  g_assert_no_error (error);
  stats = sm_corpus_folder_get_stats (corpus);

  g_assert_cmpuint (sm_corpus_folder_stats_get_n_documents (stats), ==, 7);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_NEW), ==, 3);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_DONE), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_unreadable (stats), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_pending (stats), ==, 0);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_spans (stats), ==, 6);

  /* The project's labels first, used or not; then those it lacks */
  g_assert_cmpstrv (sm_corpus_folder_stats_get_labels (stats),
                    ((const char * const[]) { "SPEAKER", "CLAIM", "FIGURE", "PERSON", NULL }));
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_spans_with_label (stats, "SPEAKER"), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_spans_with_label (stats, "CLAIM"), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_documents_with_label (stats, "CLAIM"), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_documents_with_label (stats, "SPEAKER"), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_stats_get_n_spans_with_label (stats, "PERSON"), ==, 1);

  /* Spans per readable document, smallest first */
  per_document = sm_corpus_folder_stats_get_spans_per_document (stats, &n_documents);
  g_assert_cmpuint (n_documents, ==, 6);
  g_assert_cmpmem (per_document, n_documents * sizeof (guint),
                   ((guint[]) { 0, 0, 0, 1, 2, 3 }), 6 * sizeof (guint));
  g_assert_cmpuint (sm_corpus_folder_stats_get_spans_percentile (stats, 0), ==, 0);
  g_assert_cmpuint (sm_corpus_folder_stats_get_spans_percentile (stats, 50), ==, 0);
  g_assert_cmpuint (sm_corpus_folder_stats_get_spans_percentile (stats, 75), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_stats_get_spans_percentile (stats, 100), ==, 3);

  /* What removing a label from the project would affect, corpus-wide */
  g_assert_cmpuint (sm_corpus_folder_count_spans_with_label (corpus, "CLAIM", &n_with), ==, 2);
  g_assert_cmpuint (n_with, ==, 2);
  g_assert_cmpuint (sm_corpus_folder_count_spans_with_label (corpus, "QUOTE", &n_with), ==, 0);
  g_assert_cmpuint (n_with, ==, 0);
}

static void
replace_in_file (Fixture    *fixture,
                 const char *relative,
                 const char *from,
                 const char *to)
{
  g_autofree char *contents = temp_folder_read (fixture->dir, relative);
  g_autofree char *changed = NULL;
  char *found = strstr (contents, from);

  g_assert_nonnull (found);
  *found = '\0';
  changed = g_strconcat (contents, to, found + strlen (from), NULL);
  g_free (temp_folder_write (fixture->dir, relative, changed, -1));
}

static void
remove_file (Fixture    *fixture,
             const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Makes the corpus and opens it once, which writes its index: returns
 * the index */
static char *
make_indexed_corpus (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  make_corpus (fixture);
  age_corpus (fixture);
  {
    g_autoptr(SmCorpusFolder) corpus = open_sync (fixture, &error);

    g_assert_no_error (error);
  }

  return temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
}

static void
test_index_reused_and_rebuilt (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *index = NULL;
  g_autofree char *rebuilt = NULL;

  index = make_indexed_corpus (fixture);
  g_assert_nonnull (strstr (index, "\"path\":\"b.json\","));

  /* Reopened, the index is what counts: a line it vouches for is not
   * read again. Tell it b.json has a hundred claims and see it believed. */
  replace_in_file (fixture, SM_CORPUS_INDEX_FILE_NAME, "{\"CLAIM\":1,\"SPEAKER\":2}", "{\"CLAIM\":100}");
  {
    g_autoptr(SmCorpusFolder) corpus = open_sync (fixture, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry_at (corpus, "b.json")), ==, 100);
    g_assert_cmpuint (sm_corpus_entry_count_spans_with_label (entry_at (corpus, "b.json"), "CLAIM"), ==, 100);
  }

  /* Once b.json changes (a new time), its line no longer holds: read again */
  age_files (fixture, "b.json");
  {
    g_autoptr(SmCorpusFolder) corpus = open_sync (fixture, &error);

    g_assert_no_error (error);
    listed = describe (corpus);
    g_assert_cmpstr (listed, ==, BY_NAME);
  }
  rebuilt = temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
  /* The counts, not any "100": a size or a time in microseconds may hold one */
  g_assert_null (strstr (rebuilt, "{\"CLAIM\":100}"));
  g_assert_nonnull (strstr (rebuilt, "{\"CLAIM\":1,\"SPEAKER\":2}"));

  /* A removed file leaves the index; a damaged index is rebuilt */
  remove_file (fixture, "doc2.json");
  g_free (temp_folder_write (fixture->dir, SM_CORPUS_INDEX_FILE_NAME, "{\"format\": \"spanmark-index\", [", -1));
  {
    g_autoptr(SmCorpusFolder) corpus = open_sync (fixture, &error);

    g_assert_no_error (error);
    g_assert_null (entry_at (corpus, "doc2.json"));
    g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry_at (corpus, "b.json")), ==, 3);
  }
  g_clear_pointer (&rebuilt, g_free);
  rebuilt = temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
  g_assert_null (strstr (rebuilt, "doc2.json"));
  g_assert_nonnull (strstr (rebuilt, "\"path\":\"sub/c.json\""));
}

/* A size past 64 bits in the index is no size: the index is refused as
 * a whole, with the place of the number (json-glib 1.6 read 2^64 as -1
 * and only that line was read again), and rebuilt; the hundred claims it
 * makes up are not believed. */
static void
test_index_number_past_64_bits (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char prefix[] = "{\"path\":\"b.json\",\"size\":";
  g_autofree char *index = NULL;
  g_autofree char *size = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *rebuilt = NULL;
  const char *line;
  const char *newline;
  guint column;

  index = make_indexed_corpus (fixture);
  line = strstr (index, prefix);
  g_assert_nonnull (line);
  size = g_strndup (line + strlen (prefix), strspn (line + strlen (prefix), "0123456789"));
  /* ASCII, and the index is written compact, on one line: the column of
   * the number is its distance from the line break before it, if any */
  newline = g_strrstr_len (index, line - index, "\n");
  column = (guint) (line + strlen (prefix) - (newline != NULL ? newline : index - 1));

  from = g_strdup_printf ("\"b.json\",\"size\":%s,", size);
  to = g_strdup ("\"b.json\",\"size\":18446744073709551616,");
  replace_in_file (fixture, SM_CORPUS_INDEX_FILE_NAME, from, to);
  replace_in_file (fixture, SM_CORPUS_INDEX_FILE_NAME, "{\"CLAIM\":1,\"SPEAKER\":2}", "{\"CLAIM\":100}");
  {
    g_autofree char *expected = g_strdup_printf ("Ignoring the corpus index: *:%u: “size”: the number"
                                                 " 18446744073709551616 is too large to keep; the largest"
                                                 " whole number is 9223372036854775807",
                                                 column);
    g_autoptr(SmCorpusFolder) corpus = NULL;

    g_test_expect_message ("sm-corpus-index", G_LOG_LEVEL_DEBUG, expected);
    corpus = open_sync (fixture, &error);
    g_test_assert_expected_messages ();

    g_assert_no_error (error);
    g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry_at (corpus, "b.json")), ==, 3);
    g_assert_cmpuint (sm_corpus_entry_count_spans_with_label (entry_at (corpus, "b.json"), "CLAIM"), ==, 1);
  }
  rebuilt = temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
  g_assert_null (strstr (rebuilt, "18446744073709551616"));
  g_assert_nonnull (strstr (rebuilt, "{\"CLAIM\":1,\"SPEAKER\":2}"));
}

/* The async opening writes the index too, once it has read everything */
static void
test_index_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(SmCorpusFolder) again = NULL;
  g_autofree char *index = NULL;

  make_corpus (fixture);
  age_corpus (fixture);
  corpus = open_async (fixture);
  g_assert_true (sm_corpus_folder_get_loading (corpus));
  g_assert_cmpuint (sm_corpus_folder_get_n_pending (corpus), ==, 5);
  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));

  index = temp_folder_read (fixture->dir, SM_CORPUS_INDEX_FILE_NAME);
  g_assert_nonnull (strstr (index, "\"path\":\"e.json\","));

  /* Reopened: nothing left to read, the list complete at once */
  again = open_async (fixture);
  g_assert_cmpuint (sm_corpus_folder_get_n_pending (again), ==, 0);
  g_assert_false (sm_corpus_folder_get_loading (again));
}

typedef struct
{
  GPtrArray *mirror;
} Mirror;

/* Keeps a copy of the list by its items-changed signals alone */
static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GPtrArray  *mirror)
{
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_mirror (GListModel *model,
               GPtrArray  *mirror)
{
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == mirror->pdata[i]);
    }
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmDocument) document = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *a_json = g_build_filename (fixture->dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (a_json);
  g_autoptr(GError) error = NULL;
  SmCorpusEntry *a;

  make_corpus (fixture);
  corpus = open_async (fixture);
  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));
  on_mirror_changed (G_LIST_MODEL (corpus), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (corpus)), mirror);
  g_signal_connect (corpus, "items-changed", G_CALLBACK (on_mirror_changed), mirror);
  sm_corpus_folder_set_sort (corpus, SM_CORPUS_FOLDER_SORT_STATUS);

  /* Another program annotates a.txt: a.json appears, the entry follows,
   * and moves to the done documents */
  a = entry_at (corpus, "a.txt");
  document = make_document ("a", SM_DOCUMENT_STATUS_DONE, (Span[]) { { "SPEAKER", 0, 5 }, { NULL } });
  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (sm_corpus_entry_get_status (a) == SM_DOCUMENT_STATUS_DONE);
  g_assert_true (sm_corpus_entry_get_has_annotations (a));
  g_assert_cmpuint (sm_corpus_entry_count_spans_with_label (a, "SPEAKER"), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_DONE), ==, 3);
  g_assert_cmpuint (position_of (corpus, "a.json"), ==, 3);

  /* A file changed in place, not atomically */
  replace_in_file (fixture, "doc10.json", "\"status\" : \"new\"", "\"status\" : \"in-progress\"");
  WAIT_UNTIL (sm_corpus_entry_get_status (entry_at (corpus, "doc10.json")) == SM_DOCUMENT_STATUS_IN_PROGRESS);

  /* Added and removed articles */
  g_free (temp_folder_write (fixture->dir, "f.txt", article, -1));
  WAIT_UNTIL (entry_at (corpus, "f.txt") != NULL);
  remove_file (fixture, "b.json");
  WAIT_UNTIL (!sm_corpus_entry_get_has_annotations (entry_at (corpus, "b.txt")));
  g_assert_cmpint (sm_corpus_entry_get_status (entry_at (corpus, "b.txt")), ==, SM_DOCUMENT_STATUS_NEW);
  g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry_at (corpus, "b.txt")), ==, 0);

  /* A new folder is looked into and watched */
  g_free (temp_folder_write (fixture->dir, "new/g.txt", article, -1));
  WAIT_UNTIL (entry_at (corpus, "new/g.txt") != NULL);
  g_free (temp_folder_write (fixture->dir, "new/h.txt", article, -1));
  WAIT_UNTIL (entry_at (corpus, "new/h.txt") != NULL);

  /* A folder removed takes its documents with it */
  temp_folder_remove (sub);
  WAIT_UNTIL (entry_at (corpus, "sub/c.json") == NULL && entry_at (corpus, "sub/deeper/d.txt") == NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 8);
  assert_mirror (G_LIST_MODEL (corpus), mirror);

  /* The counts follow too */
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_DONE), ==, 2);
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_NEW), ==, 4);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_document_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmDocument) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_build_filename (g_get_tmp_dir (), "spanmark-not-in-corpus.json", NULL);
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  g_autofree char *new_path = temp_folder_write (fixture->dir, "later/x.json", "", 0);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  SmCorpusEntry *entry;
  GFile *file;
  guint notified = 0;

  make_corpus (fixture);
  corpus = open_async (fixture);
  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));

  /* The window opens a.txt, annotates it and saves it where the entry says */
  entry = entry_at (corpus, "a.txt");
  g_signal_connect (entry, "notify::n-spans", G_CALLBACK (count_notify), &notified);
  document = sm_document_new_from_file (sm_corpus_entry_get_file (entry), NULL, &error);
  g_assert_no_error (error);
  sm_document_add_span (document, "CLAIM", 11, 34, &error);
  sm_document_add_span (document, "SPEAKER", 0, 5, &error);
  file = sm_corpus_entry_get_annotation_file (entry);
  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);

  /* Told, the entry changes at once: no main loop, no read */
  g_assert_true (sm_corpus_folder_document_saved (corpus, document, file));
  g_assert_cmpint (sm_corpus_entry_get_status (entry), ==, SM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry), ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sm_corpus_entry_get_has_annotations (entry));
  g_assert_true (sm_corpus_entry_get_file (entry) == sm_corpus_entry_get_annotation_file (entry));
  g_assert_cmpuint (sm_corpus_folder_get_n_with_status (corpus, SM_DOCUMENT_STATUS_IN_PROGRESS), ==, 2);

  /* The file change it causes does not undo it */
  iterate_briefly ();
  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));
  g_assert_cmpuint (sm_corpus_entry_get_n_spans (entry), ==, 2);

  /* Saved into the folder for the first time: a new entry */
  elsewhere = make_document ("x", SM_DOCUMENT_STATUS_DONE, NULL);
  g_assert_true (sm_document_save_to_file (elsewhere, new_file, NULL, &error));
  g_assert_true (sm_corpus_folder_document_saved (corpus, elsewhere, new_file));
  entry = entry_at (corpus, "later/x.json");
  g_assert_nonnull (entry);
  g_assert_cmpint (sm_corpus_entry_get_status (entry), ==, SM_DOCUMENT_STATUS_DONE);

  /* Saved outside the folder: none of the corpus's business */
  g_assert_false (sm_corpus_folder_document_saved (corpus, elsewhere, outside_file));
}

static void
test_bad_folders (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "gone", NULL);
  g_autofree char *file = temp_folder_write (fixture->dir, "article.txt", article, -1);
  g_autoptr(GFile) missing_folder = g_file_new_for_path (missing);
  g_autoptr(GFile) file_folder = g_file_new_for_path (file);
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  g_autofree char *index = g_build_filename (fixture->dir, SM_CORPUS_INDEX_FILE_NAME, NULL);

  corpus = sm_corpus_folder_open (missing_folder, NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "gone: could not open: the folder does not exist");
  g_clear_error (&error);

  corpus = sm_corpus_folder_open (file_folder, NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpstr (error->message, ==,
                   "article.txt: could not open as a corpus: it is a file, not a folder; open it as a document instead");
  g_clear_error (&error);

  /* A schema the team cannot read stops the opening, and is left alone */
  g_free (temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                             "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": [{\"id\": \"A\", \"key\": \"!\"}]}", -1));
  corpus = open_sync (fixture, &error);
  g_assert_null (corpus);
  g_assert_cmpstr (error->message, ==,
                   "spanmark-project.json: label A: key “!” cannot apply a label: use a digit from 1 to 9 or a"
                   " letter from a to z (the window keeps the other keys for its own shortcuts)");
  project = temp_folder_read (fixture->dir, SM_PROJECT_FILE_NAME);
  g_assert_cmpstr (project, ==,
                   "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": [{\"id\": \"A\", \"key\": \"!\"}]}");
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
}

static void
test_project_from_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = NULL;
  SmProject *project;

  g_free (temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                             "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": ["
                             "{\"id\": \"QUOTE\", \"key\": \"q\"}]}", -1));
  g_free (temp_folder_write (fixture->dir, "a.txt", article, -1));
  corpus = open_sync (fixture, &error);
  g_assert_no_error (error);

  project = sm_corpus_folder_get_project (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (sm_project_get_labels (project)), ==, 1);
  g_assert_nonnull (sm_project_find_label_by_key (project, "q"));
  project_file = sm_corpus_folder_get_project_file (corpus);
  g_assert_true (g_str_has_suffix (g_file_peek_path (project_file), "/" SM_PROJECT_FILE_NAME));

  /* The schema is not a document */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
}

/* What a label's edit affects counts over the whole corpus, with the open
 * document as it is in memory rather than as last saved; a label no span
 * of the corpus uses takes its id from its new name, the others keep it */
static void
test_label_uses_and_rename (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(SmDocument) open = NULL;
  g_autoptr(GFile) b_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  SmCorpusEntry *b;
  SmProject *project;
  char *new_id = NULL;
  guint n_documents = 99;
  guint n_spans = 99;

  make_corpus (fixture);
  corpus = open_sync (fixture, &error);
  g_assert_no_error (error);
  project = sm_corpus_folder_get_project (corpus);

  /* Over the corpus: CLAIM in b.json and sub/c.json */
  g_assert_cmpuint (sm_corpus_folder_count_label_uses (corpus, "CLAIM", NULL, NULL, &n_documents), ==, 2);
  g_assert_cmpuint (n_documents, ==, 2);

  /* b open, with a second claim not saved yet, then with none */
  b_json = g_file_get_child (sm_corpus_folder_get_folder (corpus), "b.json");
  b = sm_corpus_folder_find_entry (corpus, b_json);
  g_assert_nonnull (b);
  open = make_document ("b", SM_DOCUMENT_STATUS_IN_PROGRESS,
                        (Span[]) { { "CLAIM", 11, 34 }, { "CLAIM", 0, 5 }, { NULL } });
  g_assert_cmpuint (sm_corpus_folder_count_label_uses (corpus, "CLAIM", b, open, &n_documents), ==, 3);
  g_assert_cmpuint (n_documents, ==, 2);
  g_clear_object (&open);
  open = make_document ("b", SM_DOCUMENT_STATUS_IN_PROGRESS, NULL);
  g_assert_cmpuint (sm_corpus_folder_count_label_uses (corpus, "CLAIM", b, open, &n_documents), ==, 1);
  g_assert_cmpuint (n_documents, ==, 1);
  g_assert_cmpuint (sm_corpus_folder_count_label_uses (corpus, "SPEAKER", b, open, &n_documents), ==, 0);

  /* A label added to the schema and renamed before any span uses it */
  {
    g_autoptr(SmLabel) added = sm_label_new ("LABEL_4", "Label 4", "#3584e4", "4");
    const char * const from[] = { "LABEL_4", NULL };
    const char * const to[] = { SM_LABEL_SPEAKER, NULL };

    g_assert_true (sm_project_add_label (project, added, &error));
    g_assert_true (sm_project_set_relation_type (project, "cites", from, to, &error));
    g_assert_no_error (error);
  }
  g_assert_false (sm_corpus_folder_label_keeps_id (corpus, "LABEL_4", b, open, &n_spans, &n_documents));
  g_assert_true (sm_corpus_folder_rename_label (corpus, "LABEL_4", "Source", b, open, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "SOURCE");
  g_clear_pointer (&new_id, g_free);
  labels = describe_labels (sm_project_get_labels (project));
  g_assert_cmpstr (labels, ==,
                   "SPEAKER:Speaker:#9141ac:1 CLAIM:Claim:#e5a50a:2 FIGURE:Figure:#2ec27e:3 "
                   "SOURCE:Source:#3584e4:4");
  g_assert_true (sm_project_allows_relation (project, "cites", "SOURCE", SM_LABEL_SPEAKER));
  g_assert_false (sm_project_allows_relation (project, "cites", "LABEL_4", SM_LABEL_SPEAKER));

  /* Never an id that a document of the corpus uses, in the schema or not */
  g_assert_true (sm_corpus_folder_rename_label (corpus, "SOURCE", "Person", b, open, &new_id, &error));
  g_assert_cmpstr (new_id, ==, "PERSON_2");
  g_clear_pointer (&new_id, g_free);

  /* Used in a document that is not open: the id stays, and says why */
  g_assert_true (sm_corpus_folder_label_keeps_id (corpus, "FIGURE", b, open, &n_spans, &n_documents));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (n_documents, ==, 1);
  {
    g_autoptr(SmLabel) quote = sm_label_new ("PERSON", "Person", "#c061cb", "p");

    g_assert_true (sm_project_add_label (project, quote, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sm_corpus_folder_label_keeps_id (corpus, "PERSON", b, open, &n_spans, &n_documents));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_true (sm_corpus_folder_rename_label (corpus, "PERSON", "Someone", b, open, &new_id, &error));
  g_assert_cmpstr (new_id, ==, "PERSON");
  g_clear_pointer (&new_id, g_free);
  g_assert_cmpstr (sm_label_get_name (sm_project_find_label (project, "PERSON")), ==, "Someone");

  /* Used only in the open document, not saved yet */
  {
    g_autoptr(SmLabel) person = sm_label_new ("PERSON_2", NULL, NULL, NULL);

    g_assert_true (sm_document_add_label (open, person, NULL));
  }
  g_assert_nonnull (sm_document_add_span (open, "PERSON_2", 0, 5, NULL));
  g_assert_true (sm_corpus_folder_label_keeps_id (corpus, "PERSON_2", b, open, &n_spans, &n_documents));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (n_documents, ==, 1);
}

static void
count_replaced (SmProject *project,
                guint     *count)
{
  (*count)++;
}

static void
keep_project_error (SmCorpusFolder  *corpus,
                    const GError    *error,
                    char           **message)
{
  g_free (*message);
  *message = g_strdup (error->message);
}

static void
on_project_saved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_project_save_to_file_finish (SM_PROJECT (object), result, &error));
  g_assert_no_error (error);
  *saved = TRUE;
}

/* Lets the main loop run for @msec, for what must not happen */
static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    iterate_briefly ();
}

/* spanmark-project.json changed by another program while the corpus is
 * open: read again; broken, reported with the schema kept; our own save
 * and a removal change nothing */
static void
test_project_follows_the_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SmCorpusFolder) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) project_file = NULL;
  SmProject *project;
  guint replaced = 0;
  gboolean saved = FALSE;

  path = temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                            "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": ["
                            "{\"id\": \"QUOTE\", \"key\": \"q\"}]}", -1);
  g_free (temp_folder_write (fixture->dir, "a.txt", article, -1));
  corpus = open_async (fixture);
  WAIT_UNTIL (!sm_corpus_folder_get_loading (corpus));
  project = sm_corpus_folder_get_project (corpus);
  g_signal_connect (project, "replaced", G_CALLBACK (count_replaced), &replaced);
  g_signal_connect (corpus, "project-error", G_CALLBACK (keep_project_error), &message);

  /* A colleague's new label arrives */
  g_free (temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                             "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": ["
                             "{\"id\": \"QUOTE\", \"key\": \"q\"}, "
                             "{\"id\": \"SOURCE\", \"name\": \"Source\", \"key\": \"s\"}]}", -1));
  WAIT_UNTIL (replaced == 1);
  g_assert_true (sm_corpus_folder_get_project (corpus) == project);
  g_assert_cmpuint (g_list_model_get_n_items (sm_project_get_labels (project)), ==, 2);
  g_assert_nonnull (sm_project_find_label_by_key (project, "s"));

  /* A broken file is reported, saying where, and the schema stays */
  g_free (temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                             "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": [", -1));
  WAIT_UNTIL (message != NULL);
  g_assert_true (g_str_has_prefix (message, SM_PROJECT_FILE_NAME ":1:"));
  g_assert_cmpuint (g_list_model_get_n_items (sm_project_get_labels (project)), ==, 2);
  g_assert_cmpuint (replaced, ==, 1);

  /* Our own save writes what the project holds: nothing to read back */
  g_assert_true (sm_project_set_label_name (project, "SOURCE", "Source document", &error));
  g_assert_no_error (error);
  project_file = sm_corpus_folder_get_project_file (corpus);
  sm_project_save_to_file_async (project, project_file, NULL, on_project_saved, &saved);
  WAIT_UNTIL (saved);
  iterate_for (1000);
  g_assert_cmpuint (replaced, ==, 1);
  g_assert_cmpstr (sm_label_get_name (sm_project_find_label (project, "SOURCE")), ==, "Source document");

  /* Removed, perhaps for a moment: the schema stays */
  g_assert_cmpint (g_remove (path), ==, 0);
  iterate_for (1000);
  g_assert_cmpuint (replaced, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sm_project_get_labels (project)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/corpus-folder/label-uses-and-rename", test_label_uses_and_rename);
  ADD ("/corpus-folder/open-sync", test_open_sync);
  ADD ("/corpus-folder/open-async", test_open_async);
  ADD ("/corpus-folder/order", test_order);
  ADD ("/corpus-folder/stats", test_stats);
  ADD ("/corpus-folder/index-reused-and-rebuilt", test_index_reused_and_rebuilt);
  ADD ("/corpus-folder/index-number-past-64-bits", test_index_number_past_64_bits);
  ADD ("/corpus-folder/index-async", test_index_async);
  ADD ("/corpus-folder/follows-changes", test_follows_changes);
  ADD ("/corpus-folder/document-saved", test_document_saved);
  ADD ("/corpus-folder/bad-folders", test_bad_folders);
  ADD ("/corpus-folder/project-from-folder", test_project_from_folder);
  ADD ("/corpus-folder/project-follows-the-file", test_project_follows_the_file);
#undef ADD

  return g_test_run ();
}
