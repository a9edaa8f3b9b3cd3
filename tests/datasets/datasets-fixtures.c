/* datasets-fixtures.c: documents and files the dataset tests share.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "datasets-fixtures.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = temp_folder_new ("datasets");
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
}

/* @name in the fixture's folder */
char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The warnings or errors an import or export gave, exactly and in order */
void
fixture_assert_messages (GPtrArray          *messages,
                         const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, messages->len); i++)
    g_assert_cmpstr (g_ptr_array_index (messages, i), ==, expected[i]);
  g_assert_cmpuint (messages->len, ==, n);
}

char *
fixture_read (const char *path,
              gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

void
fixture_write (const char *path,
               const char *contents,
               gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A file in tests/datasets/data/ */
char *
fixture_data_path (const char *first,
                   ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "data");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

SmDocument *
fixture_new_document (const char *name,
                      const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) sm_text = sm_text_new (text, -1, &error);

  g_assert_no_error (error);

  return sm_document_new (sm_text, name);
}

/**
 * fixture_tag:
 * @needle: text to find in the document, in UTF-8
 * @nth: which occurrence, from 0
 *
 * Returns: (transfer none): a new span on the @nth occurrence of @needle
 */
SmSpan *
fixture_tag (SmDocument *document,
             const char *label,
             const char *needle,
             guint       nth)
{
  g_autoptr(GError) error = NULL;
  SmText *text = sm_document_get_text (document);
  const char *utf8 = sm_text_get_utf8 (text);
  const char *found = utf8 - 1;
  guint start, end;
  SmSpan *span;

  for (guint i = 0; i <= nth; i++)
    {
      found = strstr (found + 1, needle);
      g_assert_nonnull (found);
    }

  start = sm_text_get_char_offset (text, found - utf8);
  end = start + (guint) g_utf8_strlen (needle, -1);
  span = sm_document_add_span (document, label, start, end, &error);
  g_assert_no_error (error);

  return span;
}

void
fixture_said_by (SmDocument *document,
                 SmSpan     *claim,
                 SmSpan     *speaker)
{
  g_autoptr(GError) error = NULL;

  sm_document_add_relation (document, "said_by", claim, speaker, &error);
  g_assert_no_error (error);
}

/* The sample article with speakers, claims (one unattributed, one with a
 * note on two lines), figures (one inside a claim) and attributions */
SmDocument *
fixture_sample_document (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SmDocument *document;
  SmSpan *khamenei, *leader, *lukashenko, *raisi, *claim;

  path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                "belarus-iran-sanctions.txt", NULL);
  text = fixture_read (path, NULL);
  document = fixture_new_document ("belarus-iran-sanctions", text);

  khamenei = fixture_tag (document, "SPEAKER", "Ayatollah Seyyed Ali Khamenei", 0);
  claim = fixture_tag (document, "CLAIM", "countries sanctioned by the U.S. must join hands to neutralize the weapon", 0);
  fixture_said_by (document, claim, khamenei);

  leader = fixture_tag (document, "SPEAKER", "the Leader", 0);
  claim = fixture_tag (document, "CLAIM", "Countries that are sanctioned by the U.S. must work together and form a joint"
                                          " collective to eliminate the weapon of sanctions, and we believe this is doable", 0);
  sm_document_set_span_note (document, claim, "direct quote, \"verbatim\"\nchecked twice");
  fixture_said_by (document, claim, leader);

  lukashenko = fixture_tag (document, "SPEAKER", "Lukashenko", 5);
  claim = fixture_tag (document, "CLAIM", "Iran and Belarus both want to see a just, multipolar world", 0);
  fixture_said_by (document, claim, lukashenko);
  claim = fixture_tag (document, "CLAIM", "The two countries fully trust each other and their two nations also support"
                                          " expanding relations", 0);
  fixture_said_by (document, claim, lukashenko);

  raisi = fixture_tag (document, "SPEAKER", "President Raisi", 0);
  claim = fixture_tag (document, "CLAIM", "Today we achieved an agreement on a comprehensive roadmap between Iran and"
                                          " Belarus", 0);
  fixture_said_by (document, claim, raisi);

  fixture_tag (document, "CLAIM", "The two agreed to set a target of $100 million for bilateral trade this year", 0);
  fixture_tag (document, "FIGURE", "$100 million", 0);
  fixture_tag (document, "FIGURE", "30 years", 0);
  fixture_tag (document, "FIGURE", "eight", 0);

  sm_document_set_status (document, SM_DOCUMENT_STATUS_DONE);

  return document;
}

/* FIXTURE_UNICODE_TEXT with spans on emoji, combining marks, right-to-left
 * text and across a CR LF */
SmDocument *
fixture_unicode_document (void)
{
  SmDocument *document = fixture_new_document ("unicode", FIXTURE_UNICODE_TEXT);
  SmSpan *raisi, *claim, *speaker;

  raisi = fixture_tag (document, "SPEAKER", "Raisi", 0);
  claim = fixture_tag (document, "CLAIM", "Trade grew \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD by 5 per cent.", 0);
  fixture_said_by (document, claim, raisi);
  fixture_tag (document, "FIGURE", "5 per cent", 0);

  speaker = fixture_tag (document, "SPEAKER", "Cafe\xCC\x81 owners", 0);
  claim = fixture_tag (document, "CLAIM",
                       "Z\xC3\xBCrich \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 said "
                       "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 families paid"
                       " $100.\r\n\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB", 0);
  fixture_said_by (document, claim, speaker);
  sm_document_set_span_note (document, claim, "over a line break \xF0\x9F\x91\x8D\nsecond line");
  fixture_tag (document, "FIGURE", "$100", 0);

  speaker = fixture_tag (document, "SPEAKER", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB", 0);
  claim = fixture_tag (document, "CLAIM",
                       "\xD8\xA7\xD9\x84\xD8\xB5\xD8\xA7\xD8\xAF\xD8\xB1\xD8\xA7\xD8\xAA "
                       "\xD8\xA7\xD8\xB1\xD8\xAA\xD9\x81\xD8\xB9\xD8\xAA 12 \xD9\x81\xD9\x8A "
                       "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA6\xD8\xA9", 0);
  fixture_said_by (document, claim, speaker);
  fixture_tag (document, "FIGURE", "12", 0);

  speaker = fixture_tag (document, "SPEAKER", "\xD9\x88\xD8\xB2\xDB\x8C\xD8\xB1", 0);
  claim = fixture_tag (document, "CLAIM",
                       "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF "
                       "\xDB\xB5\xDB\xB1\xDB\xB0 \xD9\x87\xD8\xB2\xD8\xA7\xD8\xB1 \xD8\xA8\xD8\xB4\xDA\xA9\xD9\x87", 0);
  fixture_said_by (document, claim, speaker);
  fixture_tag (document, "FIGURE", "\xDB\xB5\xDB\xB1\xDB\xB0 \xD9\x87\xD8\xB2\xD8\xA7\xD8\xB1", 0);

  return document;
}

/* A span on the occurrence of @needle, and fragments added to it on the
 * first occurrence of each of @more, a NULL-terminated list */
SmSpan *
fixture_tag_fragments (SmDocument *document,
                       const char *label,
                       const char *needle,
                       ...)
{
  SmText *text = sm_document_get_text (document);
  const char *utf8 = sm_text_get_utf8 (text);
  SmSpan *span = fixture_tag (document, label, needle, 0);
  const char *more;
  va_list args;

  va_start (args, needle);
  while ((more = va_arg (args, const char *)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *found = strstr (utf8, more);
      guint start;

      g_assert_nonnull (found);
      start = sm_text_get_char_offset (text, found - utf8);
      sm_document_add_fragment (document, span, start, start + (guint) g_utf8_strlen (more, -1), &error);
      g_assert_no_error (error);
    }
  va_end (args);

  return span;
}

/* Discontinuous spans: a quotation interrupted by its attribution, with a
 * note, a figure inside one fragment, a claim in three fragments with a
 * line break inside one, and CR LF line ends */
SmDocument *
fixture_fragments_document (void)
{
  SmDocument *document = fixture_new_document ("fragments", FIXTURE_FRAGMENTS_TEXT);
  SmSpan *claim, *speaker;

  speaker = fixture_tag (document, "SPEAKER", "Lukashenko", 0);
  claim = fixture_tag_fragments (document, "CLAIM", "\xE2\x80\x9CWe have come to know our true friends,\xE2\x80\x9D",
                                 "\xE2\x80\x9C" "and we are determined to trade $100 million with them.\xE2\x80\x9D",
                                 NULL);
  sm_document_set_span_note (document, claim, "one claim, interrupted by its attribution");
  fixture_said_by (document, claim, speaker);
  fixture_tag (document, "FIGURE", "$100 million", 0);

  speaker = fixture_tag (document, "SPEAKER", "Raisi", 0);
  claim = fixture_tag_fragments (document, "CLAIM", "Trade", "grew 5%\r\nlast year", "and will grow", NULL);
  fixture_said_by (document, claim, speaker);

  return document;
}

/* A short document whose every export fits in a test */
SmDocument *
fixture_small_document (void)
{
  SmDocument *document = fixture_new_document ("small", "Raisi said trade grew 5%.\n\xE2\x80\x9C" "Fine,\xE2\x80\x9D Ana said.\n");
  SmSpan *raisi, *claim;

  raisi = fixture_tag (document, "SPEAKER", "Raisi", 0);
  claim = fixture_tag (document, "CLAIM", "trade grew 5%", 0);
  fixture_tag (document, "FIGURE", "5%", 0);
  fixture_said_by (document, claim, raisi);
  sm_document_set_span_note (document, claim, "paraphrase, \"loose\"");

  return document;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* "[6, 10)", or "[6, 10) [15, 19)" for a span of two fragments */
static char *
describe_fragments (SmSpan *span)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sm_span_get_n_fragments (span); i++)
    {
      guint start, end;

      sm_span_get_fragment (span, i, &start, &end);
      g_string_append_printf (out, "%s[%u, %u)", i > 0 ? " " : "", start, end);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_span (SmSpan   *span,
               gboolean  with_ids)
{
  g_autofree char *fragments = describe_fragments (span);

  if (with_ids)
    return g_strdup_printf ("%s %s %s note=%s", sm_span_get_id (span), sm_span_get_label (span),
                            fragments, sm_span_get_note (span) ? sm_span_get_note (span) : "-");

  return g_strdup_printf ("%s %s", sm_span_get_label (span), fragments);
}

/**
 * fixture_describe:
 *
 * Returns: the document's name, text, spans and relations as lines, in an
 *   order that does not depend on ids, so two documents compare as strings
 */
char *
fixture_describe (SmDocument *document,
                  gboolean    with_ids)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *spans = sm_document_get_spans (document);
  GListModel *relations = sm_document_get_relations (document);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "text: %s\n", sm_text_get_utf8 (sm_document_get_text (document)));

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *described = describe_span (span, with_ids);

      g_ptr_array_add (lines, g_strdup_printf ("span %s\n", described));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *from = describe_span (sm_relation_get_from (relation), FALSE);
      g_autofree char *to = describe_span (sm_relation_get_to (relation), FALSE);

      g_ptr_array_add (lines, g_strdup_printf ("relation %s%s%s %s -> %s\n",
                                               with_ids ? sm_relation_get_id (relation) : "",
                                               with_ids ? " " : "",
                                               sm_relation_get_type_name (relation), from, to));
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

void
fixture_assert_same (SmDocument *expected,
                     SmDocument *actual,
                     gboolean    with_ids)
{
  g_autofree char *a = fixture_describe (expected, with_ids);
  g_autofree char *b = fixture_describe (actual, with_ids);

  g_assert_cmpstr (b, ==, a);
}

GPtrArray *
fixture_strings (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/**
 * fixture_export:
 *
 * Returns: @document exported in a single-file @format, as a string
 */
char *
fixture_export (SmExportFormat      format,
                SmDocument         *document,
                const char * const *labels,
                GPtrArray          *warnings)
{
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (format);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;

  sm_corpus_add_document (corpus, document, NULL);
  sm_exporter_set_labels (exporter, labels);
  sm_exporter_export_to_stream (exporter, corpus, out, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);

  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

void
fixture_save (SmDocument *document,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  sm_document_save_to_file (document, file, NULL, &error);
  g_assert_no_error (error);
}

SmDocument *
fixture_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);

  return document;
}
