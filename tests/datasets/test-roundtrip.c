/* test-roundtrip.c: Spanmark -> each format -> Spanmark keeps what the format can hold.
 *
 * Byte-identical text, identical offsets, every span and relation the
 * format has room for; on the sample article and on a text of emoji,
 * combining marks, right-to-left scripts and CR LF line ends. And the
 * brat and doccano files other projects wrote go through import and
 * export unchanged.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "datasets-fixtures.h"
#include "sm-import-private.h"
#include "sm-tokenizer.h"

typedef SmDocument *(*MakeDocument) (void);

static void
test_jsonl (Fixture       *fixture,
            gconstpointer  data)
{
  MakeDocument make = data;
  g_autoptr(SmDocument) document = make ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *jsonl = fixture_export (SM_EXPORT_FORMAT_JSONL, document, NULL, warnings);
  g_autoptr(GBytes) bytes = g_bytes_new (jsonl, strlen (jsonl));
  SmDocument *back;

  _sm_import_jsonl (bytes, "out.jsonl", "out", documents, warnings, errors);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);

  back = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (sm_document_get_name (back), ==, sm_document_get_name (document));
  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (back)), ==,
                   sm_text_get_utf8 (sm_document_get_text (document)));
  /* JSON Lines has no room for span ids and notes; all else comes back */
  fixture_assert_same (document, back, FALSE);
}

/* brat holds everything, ids included, but a note's line breaks */
static void
test_brat (Fixture       *fixture,
           gconstpointer  data)
{
  MakeDocument make = data;
  g_autoptr(SmDocument) document = make ();
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  GListModel *spans = sm_document_get_spans (document);

  sm_corpus_add_document (corpus, document, NULL);
  g_assert_true (sm_exporter_export_to_file (exporter, corpus, folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);

  g_assert_true (sm_importer_add_file (importer, folder, NULL, NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *one_line = g_strdup (sm_span_get_note (span));

      if (one_line != NULL)
        {
          g_strdelimit (one_line, "\r\n", ' ');
          sm_document_set_span_note (document, span, one_line);
        }
    }

  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (g_ptr_array_index (documents, 0))), ==,
                   sm_text_get_utf8 (sm_document_get_text (document)));
  fixture_assert_same (document, g_ptr_array_index (documents, 0), TRUE);
}

/* RFC 4180, as a reader would take it: fields, quotes doubled */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p++);
        }
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  MakeDocument make = data;
  g_autoptr(SmDocument) document = make ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *csv = fixture_export (SM_EXPORT_FORMAT_CSV, document, NULL, warnings);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  SmText *text = sm_document_get_text (document);
  GPtrArray *header = g_ptr_array_index (rows, 0);

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (rows->len, ==, sm_document_get_n_spans (document) + 1);
  g_assert_cmpuint (header->len, ==, 10);

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      SmSpan *span = sm_document_find_span (document, g_ptr_array_index (row, 1));
      SmSpan *speaker;
      guint start = (guint) g_ascii_strtoull (g_ptr_array_index (row, 3), NULL, 10);
      guint end = (guint) g_ascii_strtoull (g_ptr_array_index (row, 4), NULL, 10);
      g_auto(GStrv) fragments = g_strsplit (g_ptr_array_index (row, 9), ";", -1);
      g_autoptr(GString) slices = g_string_new (NULL);

      g_assert_cmpuint (row->len, ==, 10);
      g_assert_cmpuint (g_strv_length (fragments), ==, sm_span_get_n_fragments (span));
      for (guint f = 0; fragments[f] != NULL; f++)
        {
          guint fragment_start, fragment_end;
          g_autofree char *expected = NULL;
          g_autofree char *slice = NULL;

          sm_span_get_fragment (span, f, &fragment_start, &fragment_end);
          expected = g_strdup_printf ("%u %u", fragment_start, fragment_end);
          g_assert_cmpstr (fragments[f], ==, expected);
          slice = sm_text_dup_slice (text, fragment_start, fragment_end);
          g_string_append_printf (slices, "%s%s", f > 0 ? " " : "", slice);
        }

      g_assert_nonnull (span);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, sm_document_get_name (document));
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, sm_span_get_label (span));
      g_assert_cmpuint (start, ==, sm_span_get_start (span));
      g_assert_cmpuint (end, ==, sm_span_get_end (span));
      g_assert_cmpstr (g_ptr_array_index (row, 5), ==, slices->str);
      g_assert_cmpstr (g_ptr_array_index (row, 6), ==, sm_span_get_note (span) ? sm_span_get_note (span) : "");

      speaker = sm_document_get_speaker (document, span);
      g_assert_cmpstr (g_ptr_array_index (row, 7), ==, speaker ? sm_span_get_id (speaker) : "");
      g_assert_cmpstr (g_ptr_array_index (row, 8), ==, speaker ? sm_span_get_text (speaker) : "");
    }
}

/* Reads a CoNLL export back onto its text: each token is found where the
 * text has it, and each column's B- and I- runs are spans again */
static void
test_conll (Fixture       *fixture,
            gconstpointer  data)
{
  MakeDocument make = data;
  g_autoptr(SmDocument) document = make ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *conll = fixture_export (SM_EXPORT_FORMAT_CONLL, document, NULL, warnings);
  g_auto(GStrv) lines = g_strsplit (conll, "\n", -1);
  g_autoptr(SmDocument) back = NULL;
  SmText *text = sm_document_get_text (document);
  const char *utf8 = sm_text_get_utf8 (text);
  const char *columns[] = { NULL, "SPEAKER", "CLAIM", "FIGURE" };
  guint open_start[4] = { 0, };
  gboolean open[4] = { FALSE, };
  guint last_end = 0;
  gsize byte = 0;
  g_autoptr(SmDocument) expected_document = fixture_new_document ("back", utf8);
  GListModel *spans = sm_document_get_spans (document);
  guint n_discontinuous = 0;

  /* CoNLL has no discontinuous spans: each fragment comes back as a span,
   * and each such span is said in a warning */
  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      n_discontinuous += sm_span_get_n_fragments (span) > 1;
      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          g_autoptr(GError) error = NULL;
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          sm_document_add_span (expected_document, sm_span_get_label (span), start, end, &error);
          g_assert_no_error (error);
        }
    }

  g_assert_cmpuint (warnings->len, ==, n_discontinuous);
  g_assert_cmpstr (lines[0], ==, "-DOCSTART-\tO\tO\tO");
  back = fixture_new_document ("back", utf8);

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *found;
      guint start, end;

      if (lines[i][0] == '\0')
        {
          /* A sentence ends: no span may be open across it */
          for (guint c = 1; c < 4; c++)
            {
              if (open[c])
                {
                  g_autoptr(GError) error = NULL;

                  sm_document_add_span (back, columns[c], open_start[c], last_end, &error);
                  g_assert_no_error (error);
                  open[c] = FALSE;
                }
            }
          continue;
        }

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);

      found = strstr (utf8 + byte, fields[0]);
      g_assert_nonnull (found);
      start = sm_text_get_char_offset (text, found - utf8);
      end = start + (guint) g_utf8_strlen (fields[0], -1);
      byte = (found - utf8) + strlen (fields[0]);

      for (guint c = 1; c < 4; c++)
        {
          g_autofree char *b = g_strconcat ("B-", columns[c], NULL);
          g_autofree char *in = g_strconcat ("I-", columns[c], NULL);
          gboolean continues = strcmp (fields[c], in) == 0;

          /* Strict IOB2: I- only after B- or I- of the same label */
          g_assert_true (strcmp (fields[c], "O") == 0 || strcmp (fields[c], b) == 0 || continues);
          g_assert_true (!continues || open[c]);

          if (open[c] && !continues)
            {
              g_autoptr(GError) error = NULL;

              sm_document_add_span (back, columns[c], open_start[c], last_end, &error);
              g_assert_no_error (error);
              open[c] = FALSE;
            }

          if (strcmp (fields[c], b) == 0)
            {
              open[c] = TRUE;
              open_start[c] = start;
            }
        }

      last_end = end;
    }

  g_assert_false (open[1] || open[2] || open[3]);

  /* Every span is on token edges, so CoNLL holds every fragment; no relations */
  {
    g_autofree char *expected = fixture_describe (expected_document, FALSE);
    g_autofree char *actual = fixture_describe (back, FALSE);

    g_assert_cmpstr (actual, ==, expected);
  }
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  MakeDocument make = data;
  g_autoptr(SmDocument) document = make ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *page = fixture_export (SM_EXPORT_FORMAT_HTML, document, NULL, warnings);
  guint n_anchors = 0;
  guint n_marks = 0;

  for (const char *p = page; (p = strstr (p, "<span id=\"d0-s")); p++)
    n_anchors++;
  for (const char *p = page; (p = strstr (p, "<mark ")); p++)
    n_marks++;

  /* Every span has its anchor; every claim is in the attributions */
  g_assert_cmpuint (n_anchors, ==, sm_document_get_n_spans (document));
  g_assert_cmpuint (n_marks, >=, sm_document_get_n_spans (document));
  g_assert_nonnull (strstr (page, "<h2>Who said what</h2>"));
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* brat files from other projects: import, export, the same lines back */
static GPtrArray *
brat_lines (const char *ann)
{
  g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);

      g_strchomp (line);
      /* What Spanmark holds: spans, relations between spans, notes on spans */
      if ((line[0] == 'T') ||
          (line[0] == 'R' && strstr (line, ":E") == NULL) ||
          (line[0] == '#' && strstr (line, "\tAnnotatorNotes T") != NULL))
        g_ptr_array_add (kept, g_steal_pointer (&line));
    }

  return kept;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
test_real_brat (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const folders[] = { "news", "commodity", "conll2002" };
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) documents = NULL;
  guint n_compared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = fixture_data_path ("brat", folders[i], NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (path);

      g_assert_true (sm_importer_add_file (importer, folder, folders[i], NULL, &error));
    }

  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 8);

  for (guint i = 0; i < documents->len; i++)
    sm_corpus_add_document (corpus, g_ptr_array_index (documents, i), NULL);
  g_ptr_array_set_size (warnings, 0);
  g_assert_true (sm_exporter_export_to_file (exporter, corpus, out_folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = fixture_data_path ("brat", folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *original_path = NULL;
          g_autofree char *exported_path = NULL;
          g_autofree char *original = NULL;
          g_autofree char *exported = NULL;
          gsize original_length, exported_length;

          if (!g_str_has_suffix (name, ".ann") && !g_str_has_suffix (name, ".txt"))
            continue;

          original_path = g_build_filename (path, name, NULL);
          exported_path = g_build_filename (out, name, NULL);
          original = fixture_read (original_path, &original_length);
          exported = fixture_read (exported_path, &exported_length);

          if (g_str_has_suffix (name, ".txt"))
            {
              /* The text, byte for byte */
              g_assert_cmpmem (exported, exported_length, original, original_length);
            }
          else
            {
              g_autoptr(GPtrArray) a = brat_lines (original);
              g_autoptr(GPtrArray) b = brat_lines (exported);
              g_autoptr(GPtrArray) unique = g_ptr_array_new ();

              /* The commodity corpus gives one relation twice; Spanmark keeps it once */
              g_ptr_array_sort (a, compare_strings);
              g_ptr_array_sort (b, compare_strings);
              for (guint j = 0; j < a->len; j++)
                {
                  const char *line = g_ptr_array_index (a, j);
                  const char *tab = strchr (line, '\t');

                  if (line[0] == 'R' && unique->len > 0 &&
                      strcmp (strchr (g_ptr_array_index (unique, unique->len - 1), '\t'), tab) == 0)
                    continue;
                  g_ptr_array_add (unique, (gpointer) line);
                }

              g_assert_cmpuint (b->len, <=, unique->len);
              for (guint j = 0; j < b->len; j++)
                {
                  const char *line = g_ptr_array_index (b, j);

                  /* Notes are numbered anew: compare what follows the id */
                  if (line[0] == '#')
                    continue;
                  g_assert_true (g_ptr_array_find_with_equal_func (unique, line, g_str_equal, NULL));
                }
              for (guint j = 0; j < unique->len; j++)
                {
                  const char *line = g_ptr_array_index (unique, j);
                  gboolean found = FALSE;

                  for (guint k = 0; k < b->len && !found; k++)
                    found = line[0] == '#' ? strcmp (strchr (line, '\t'), strchr (g_ptr_array_index (b, k), '\t')) == 0
                                           : strcmp (line, g_ptr_array_index (b, k)) == 0;
                  if (!found && line[0] == 'R')
                    {
                      /* A relation duplicated under another id */
                      for (guint k = 0; k < b->len && !found; k++)
                        found = strcmp (strchr (line, '\t'), strchr (g_ptr_array_index (b, k), '\t')) == 0;
                    }
                  g_assert_true (found);
                }
            }
          n_compared++;
        }
    }

  g_assert_cmpuint (n_compared, ==, 16);
}

/* doccano files: import, export, import again: the same documents */
static void
test_real_doccano (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder_path = fixture_data_path ("doccano", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_JSONL);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonl = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_JSONL);

  g_assert_true (sm_importer_add_file (importer, folder, "doccano", NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  /* Only the record with no text is refused */
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpuint (documents->len, ==, 14);

  for (guint i = 0; i < documents->len; i++)
    sm_corpus_add_document (corpus, g_ptr_array_index (documents, i), NULL);
  g_assert_true (sm_exporter_export_to_stream (exporter, corpus, out, warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_ptr_array_set_size (warnings, 0);
  g_ptr_array_set_size (errors, 0);
  _sm_import_jsonl (bytes, "again.jsonl", "again", again, warnings, errors);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (again->len, ==, documents->len);

  for (guint i = 0; i < documents->len; i++)
    {
      g_assert_cmpstr (sm_document_get_name (g_ptr_array_index (again, i)), ==,
                       sm_document_get_name (g_ptr_array_index (documents, i)));
      fixture_assert_same (g_ptr_array_index (documents, i), g_ptr_array_index (again, i), FALSE);
    }
}

/* An interrupted quotation, as quotation corpora annotate it: one claim in
 * two fragments, said by the speaker between them, with a note; and a
 * claim over a line break, which brat writes as a fragment per line. The
 * .ann is written in the order Spanmark writes one. */
#define QUOTE_TXT \
  "Belarus and Iran sign trade deal\n\n" \
  "“We have come to know our true friends,” Lukashenko said, “and we are determined to stand with" \
  " them.” The two presidents met in Minsk.\n" \
  "Raisi said trade would\nreach $100 million.\n"
#define QUOTE_ANN \
  "T2\tCLAIM 34 74;92 135\t“We have come to know our true friends,” “and we are determined to stand" \
  " with them.”\n" \
  "T1\tSPEAKER 75 85\tLukashenko\n" \
  "T3\tSPEAKER 169 174\tRaisi\n" \
  "T4\tCLAIM 180 191;192 210\ttrade would reach $100 million\n" \
  "T5\tFIGURE 198 210\t$100 million\n" \
  "R1\tsaid_by Arg1:T2 Arg2:T1\t\n" \
  "R2\tsaid_by Arg1:T4 Arg2:T3\t\n" \
  "#1\tAnnotatorNotes T2\tone claim, interrupted by its attribution\n"

static void
test_brat_fragments (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *in = g_build_filename (fixture->dir, "in", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *txt_path = g_build_filename (in, "quote.txt", NULL);
  g_autofree char *ann_path = g_build_filename (in, "quote.ann", NULL);
  g_autofree char *exported_path = g_build_filename (out, "quote.ann", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GFile) in_folder = g_file_new_for_path (in);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out);
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  SmDocument *document;
  SmSpan *claim, *over_break;
  guint start, end;

  g_assert_cmpint (g_mkdir (in, 0700), ==, 0);
  g_assert_true (g_file_set_contents (txt_path, QUOTE_TXT, -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, QUOTE_ANN, -1, NULL));

  g_assert_true (sm_importer_add_file (importer, in_folder, NULL, NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);

  /* One claim, its speaker and its note with it */
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 5);
  claim = sm_document_find_span (document, "T2");
  g_assert_cmpuint (sm_span_get_n_fragments (claim), ==, 2);
  sm_span_get_fragment (claim, 0, &start, &end);
  g_assert_cmpuint (start, ==, 34);
  g_assert_cmpuint (end, ==, 74);
  sm_span_get_fragment (claim, 1, &start, &end);
  g_assert_cmpuint (start, ==, 92);
  g_assert_cmpuint (end, ==, 135);
  g_assert_true (sm_document_get_speaker (document, claim) == sm_document_find_span (document, "T1"));
  g_assert_cmpstr (sm_span_get_note (claim), ==, "one claim, interrupted by its attribution");

  /* Over the line break: one stretch of text */
  over_break = sm_document_find_span (document, "T4");
  g_assert_cmpuint (sm_span_get_n_fragments (over_break), ==, 1);
  g_assert_cmpuint (sm_span_get_start (over_break), ==, 180);
  g_assert_cmpuint (sm_span_get_end (over_break), ==, 210);

  /* And brat again: the same T lines, fragments and all */
  sm_corpus_add_document (corpus, document, NULL);
  g_assert_true (sm_exporter_export_to_file (exporter, corpus, out_folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  exported = fixture_read (exported_path, NULL);
  g_assert_cmpstr (exported, ==, QUOTE_ANN);
}

static void
add_roundtrips (const char   *name,
                MakeDocument  make)
{
  const struct { const char *format; void (*test) (Fixture *, gconstpointer); } tests[] = {
    { "jsonl", test_jsonl }, { "brat", test_brat }, { "csv", test_csv },
    { "conll", test_conll }, { "html", test_html },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/roundtrip/%s/%s", name, tests[i].format);

      g_test_add (path, Fixture, make, fixture_set_up, tests[i].test, fixture_tear_down);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_roundtrips ("sample", fixture_sample_document);
  add_roundtrips ("unicode", fixture_unicode_document);
  add_roundtrips ("fragments", fixture_fragments_document);
  g_test_add ("/roundtrip/real/brat", Fixture, NULL, fixture_set_up, test_real_brat, fixture_tear_down);
  g_test_add ("/roundtrip/brat-fragments", Fixture, NULL, fixture_set_up, test_brat_fragments, fixture_tear_down);
  g_test_add ("/roundtrip/real/doccano", Fixture, NULL, fixture_set_up, test_real_doccano, fixture_tear_down);

  return g_test_run ();
}
