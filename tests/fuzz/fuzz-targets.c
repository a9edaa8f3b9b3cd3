/* fuzz-targets.c: what each file loader must survive, whatever the bytes.
 *
 * Beyond "no crash, no sanitizer report", each target checks what a user
 * relies on: a refused file gives one readable message; a loaded document
 * is consistent, saves, and loads back to the same bytes.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-targets.h"
#include "sm-document.h"
#include "sm-format.h"
#include "sm-import-private.h"
#include "sm-project.h"

/* Offsets are checked one by one up to here, then sampled */
#define MAX_CHECKED_OFFSETS 20000

static const SmFuzzTarget targets[] = {
  { "format", sm_fuzz_format },
  { "article", sm_fuzz_article },
  { "brat", sm_fuzz_brat },
  { "jsonl", sm_fuzz_jsonl },
  { "project", sm_fuzz_project },
};

const SmFuzzTarget *
sm_fuzz_get_targets (guint *n_targets)
{
  *n_targets = G_N_ELEMENTS (targets);
  return targets;
}

/**
 * sm_fuzz_init:
 *
 * Makes a critical or a warning fatal: a loader must answer bad input with
 * a #GError, so a failed precondition on the way is a bug like a crash.
 */
void
sm_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* The message a refused file gives is what the user reads in the window */
static void
check_error (const GError *error,
             const char   *prefix)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
  if (prefix != NULL)
    g_assert_true (g_str_has_prefix (error->message, prefix));
}

static guint
n_relations (SmDocument *document)
{
  return g_list_model_get_n_items (sm_document_get_relations (document));
}

/* The spans are in document order, findable by id and by position, and
 * cover the text they say they cover */
static void
check_spans (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  SmText *text = sm_document_get_text (document);
  guint n = g_list_model_get_n_items (spans);
  g_autoptr(SmSpan) previous = NULL;

  g_assert_cmpuint (n, ==, sm_document_get_n_spans (document));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
      g_autoptr(GPtrArray) here = NULL;
      guint start = sm_span_get_start (span);
      guint end = sm_span_get_end (span);

      g_assert_true (sm_document_find_span (document, sm_span_get_id (span)) == span);
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, sm_document_get_length (document));
      g_assert_true (sm_text_slice_equal (text, start, end, sm_span_get_text (span)));
      g_assert_true (sm_document_find_exact_span (document, start, end, sm_span_get_label (span)) == span);

      here = sm_document_get_spans_at (document, start);
      g_assert_true (g_ptr_array_find (here, span, NULL));

      if (previous != NULL)
        g_assert_cmpint (sm_span_compare (previous, span), <, 0);
      g_set_object (&previous, span);
    }
}

/* Saving and loading again gives the same document and the same bytes */
static void
check_round_trip (SmDocument *document)
{
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(SmDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  again = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (again)), ==,
                   sm_text_get_utf8 (sm_document_get_text (document)));
  g_assert_cmpstr (sm_document_get_name (again), ==, sm_document_get_name (document));
  g_assert_cmpint (sm_document_get_status (again), ==, sm_document_get_status (document));
  g_assert_cmpuint (sm_document_get_n_spans (again), ==, sm_document_get_n_spans (document));
  g_assert_cmpuint (n_relations (again), ==, n_relations (document));
  g_assert_false (sm_document_get_modified (again));

  again_bytes = sm_format_serialize (again);
  g_assert_cmpmem (g_bytes_get_data (again_bytes, NULL), g_bytes_get_size (again_bytes),
                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Deleting the first span takes its relations with it; undo brings all back */
static void
check_remove_and_undo (SmDocument *document)
{
  g_autoptr(SmSpan) first = NULL;
  guint n_spans = sm_document_get_n_spans (document);
  guint n_before = n_relations (document);

  if (n_spans == 0)
    return;

  first = g_list_model_get_item (sm_document_get_spans (document), 0);
  sm_document_remove_span (document, first);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, n_spans - 1);
  g_assert_null (sm_document_find_span (document, sm_span_get_id (first)));

  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, n_spans);
  g_assert_cmpuint (n_relations (document), ==, n_before);
  g_assert_true (sm_document_find_span (document, sm_span_get_id (first)) == first);
  g_assert_false (sm_document_get_modified (document));
  check_spans (document);
}

/**
 * sm_fuzz_format:
 *
 * The Spanmark JSON loader, sm_format_parse().
 */
void
sm_fuzz_format (const guint8 *data,
                gsize         size)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = sm_format_parse ((const char *) data, size, &error);
  if (document == NULL)
    {
      check_error (error, NULL);
      return;
    }

  g_assert_no_error (error);
  g_assert_false (sm_document_get_modified (document));
  check_spans (document);
  check_round_trip (document);
  check_remove_and_undo (document);
}

/* Code point and byte offsets agree with a plain walk through the text */
static void
check_offsets (SmText *text)
{
  const char *utf8 = sm_text_get_utf8 (text);
  gsize n_bytes = sm_text_get_n_bytes (text);
  guint length = sm_text_get_length (text);
  guint step = length > MAX_CHECKED_OFFSETS ? length / MAX_CHECKED_OFFSETS + 1 : 1;
  const char *p = utf8;
  guint offset = 0;

  g_assert_cmpuint (strlen (utf8), ==, n_bytes);
  g_assert_cmpint (g_utf8_strlen (utf8, n_bytes), ==, length);

  for (; p < utf8 + n_bytes; p = g_utf8_next_char (p), offset++)
    {
      if (offset % step != 0)
        continue;
      g_assert_cmpuint (sm_text_get_byte_offset (text, offset), ==, p - utf8);
      g_assert_cmpuint (sm_text_get_char_offset (text, p - utf8), ==, offset);
    }

  g_assert_cmpuint (offset, ==, length);
  g_assert_cmpuint (sm_text_get_byte_offset (text, length), ==, n_bytes);
  g_assert_cmpuint (sm_text_get_char_offset (text, n_bytes), ==, length);
}

/**
 * sm_fuzz_article:
 *
 * The plain-text article loader: sm_document_new_from_bytes() with a
 * ".txt" name, which is sm_text_new() and a new document.
 */
void
sm_fuzz_article (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  SmText *text;
  guint length;
  gsize n_bytes;

  document = sm_document_new_from_bytes (bytes, "article.txt", &error);
  if (document == NULL)
    {
      check_error (error, "article.txt");
      g_assert_true (error->domain == SM_TEXT_ERROR);
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpstr (sm_document_get_name (document), ==, "article");

  /* Everything is kept but a leading byte order mark */
  text = sm_document_get_text (document);
  n_bytes = sm_text_get_n_bytes (text);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    g_assert_cmpmem (sm_text_get_utf8 (text), n_bytes, data + 3, size - 3);
  else
    g_assert_cmpmem (sm_text_get_utf8 (text), n_bytes, data, size);

  check_offsets (text);

  /* A span over the start, one over the end, and a nested one */
  length = sm_text_get_length (text);
  g_assert_nonnull (sm_document_add_span (document, "CLAIM", 0, MIN (length, 12), &error));
  g_assert_no_error (error);
  g_assert_nonnull (sm_document_add_span (document, "SPEAKER", length - MIN (length, 5), length, &error));
  g_assert_no_error (error);
  if (length > 2)
    {
      g_assert_nonnull (sm_document_add_span (document, "FIGURE", 1, MAX (MIN (length, 12) - 1, 2), &error));
      g_assert_no_error (error);
    }

  check_spans (document);
  check_round_trip (document);
}

/* Every message the user reads from an import is one valid UTF-8 line or more */
static void
check_messages (GPtrArray *messages)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      g_assert_nonnull (message);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (strlen (message), >, 0);
    }
}

/**
 * sm_fuzz_brat:
 *
 * The brat importer, _sm_import_brat(). An input is the .txt, then
 * %SM_FUZZ_BRAT_SEPARATOR, then the .ann; without the separator it is
 * all .ann, over a short fixed text.
 */
void
sm_fuzz_brat (const guint8 *data,
              gsize         size)
{
  static const char fixed_text[] = "Raisi said trade grew by 5%.\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) annotations = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *separator = NULL;
  gsize separator_length = strlen (SM_FUZZ_BRAT_SEPARATOR);

  for (gsize i = 0; i + separator_length <= size && separator == NULL; i++)
    {
      if (memcmp (data + i, SM_FUZZ_BRAT_SEPARATOR, separator_length) == 0)
        separator = data + i;
    }

  if (separator != NULL)
    {
      text = g_bytes_new_static (data, separator - data);
      annotations = g_bytes_new_static (separator + separator_length,
                                        size - (separator - data) - separator_length);
    }
  else
    {
      text = g_bytes_new_static (fixed_text, strlen (fixed_text));
      annotations = g_bytes_new_static (data, size);
    }

  document = _sm_import_brat (text, annotations, NULL, "article", "article.txt", "article.ann",
                              warnings, &error);
  check_messages (warnings);
  if (document == NULL)
    {
      check_error (error, NULL);
      return;
    }

  g_assert_no_error (error);
  check_spans (document);
  check_round_trip (document);
}

/**
 * sm_fuzz_jsonl:
 *
 * The doccano JSON Lines importer, _sm_import_jsonl().
 */
void
sm_fuzz_jsonl (const guint8 *data,
               gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);

  _sm_import_jsonl (bytes, "corpus.jsonl", "corpus", documents, warnings, errors);
  check_messages (warnings);
  check_messages (errors);

  for (guint i = 0; i < documents->len; i++)
    {
      SmDocument *document = g_ptr_array_index (documents, i);

      check_spans (document);
      check_round_trip (document);
    }
}

/**
 * sm_fuzz_project:
 *
 * The project schema loader, sm_project_new_from_bytes(): what loads saves
 * and loads back to the same bytes.
 */
void
sm_fuzz_project (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SmProject) project = NULL;
  g_autoptr(SmProject) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  project = sm_project_new_from_bytes (bytes, SM_PROJECT_FILE_NAME, &error);
  if (project == NULL)
    {
      check_error (error, SM_PROJECT_FILE_NAME);
      return;
    }

  g_assert_no_error (error);
  saved = sm_project_serialize (project);
  again = sm_project_new_from_bytes (saved, SM_PROJECT_FILE_NAME, &error);
  g_assert_no_error (error);
  saved_again = sm_project_serialize (again);
  g_assert_cmpmem (g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again),
                   g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
}
