/* test-format-fragments.c: discontinuous spans in the Spanmark file:
 * format version 2, its "fragments" member, and every bad one named.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sm-document.h"
#include "sm-format.h"

/* A quotation interrupted by its attribution: one claim in two fragments */
#define FRAGMENTS_FILE \
  "{\n" \
  "  \"format\": \"spanmark\",\n" \
  "  \"version\": 2,\n" \
  "  \"document\": {\n" \
  "    \"name\": \"interrupted\",\n" \
  "    \"text\": \"“We know our friends,” Lukashenko said, “and we are determined.”\",\n" \
  "    \"length\": 64,\n" \
  "    \"sha256\": \"633e479b335afb7546b2d3a476d72cc3838339ed22c708ef022828ea62c93419\"\n" \
  "  },\n" \
  "  \"labels\": [\n" \
  "    {\"id\": \"SPEAKER\", \"name\": \"Speaker\", \"color\": \"#9141ac\", \"key\": \"1\"},\n" \
  "    {\"id\": \"CLAIM\", \"name\": \"Claim\", \"color\": \"#e5a50a\", \"key\": \"2\"}\n" \
  "  ],\n" \
  "  \"spans\": [\n" \
  "    {\"id\": \"T1\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 64, \"fragments\": [[0, 22], [40, 64]], " \
  "\"text\": \"“We know our friends,” “and we are determined.”\", \"note\": \"one claim\"},\n" \
  "    {\"id\": \"T2\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33, \"text\": \"Lukashenko\"}\n" \
  "  ],\n" \
  "  \"relations\": [\n" \
  "    {\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T1\", \"to\": \"T2\"}\n" \
  "  ],\n" \
  "  \"status\": \"in-progress\",\n" \
  "  \"meta\": {\n" \
  "    \"annotator\": \"\",\n" \
  "    \"created\": \"2026-12-05T10:00:00Z\",\n" \
  "    \"modified\": \"2026-12-05T10:00:00Z\",\n" \
  "    \"next_span\": 3,\n" \
  "    \"next_relation\": 2\n" \
  "  }\n" \
  "}\n"

static SmDocument *
parse (const char  *file,
       GError     **error)
{
  return sm_format_parse (file, strlen (file), error);
}

static void
test_read_fragments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = parse (FRAGMENTS_FILE, &error);
  SmSpan *claim;
  guint start, end;

  g_assert_no_error (error);
  claim = sm_document_find_span (document, "T1");
  g_assert_cmpuint (sm_span_get_n_fragments (claim), ==, 2);
  sm_span_get_fragment (claim, 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 22);
  sm_span_get_fragment (claim, 1, &start, &end);
  g_assert_cmpuint (start, ==, 40);
  g_assert_cmpuint (end, ==, 64);
  g_assert_cmpstr (sm_span_get_text (claim), ==, "“We know our friends,” “and we are determined.”");
  g_assert_cmpstr (sm_span_get_note (claim), ==, "one claim");
  g_assert_true (sm_document_get_speaker (document, claim) == sm_document_find_span (document, "T2"));
  g_assert_false (sm_document_get_modified (document));
}

/* "text" may be left out, as in version 1: the fragments' texts are taken */
static void
test_text_is_optional (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = g_string_new (FRAGMENTS_FILE);
  g_autoptr(SmDocument) document = NULL;

  g_string_replace (file, ", \"text\": \"“We know our friends,” “and we are determined.”\"", "", 1);
  document = parse (file->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_span_get_text (sm_document_find_span (document, "T1")), ==,
                   "“We know our friends,” “and we are determined.”");
}

typedef struct
{
  const char *find;
  const char *replace;
  gint        code;
  const char *message;
} BadEdit;

#define FRAGMENTS "\"fragments\": [[0, 22], [40, 64]]"

static const BadEdit bad_edits[] = {
  /* A version 1 file cannot have them: a reader of version 1 would show the hull */
  { "\"version\": 2", "\"version\": 1", SM_DOCUMENT_ERROR_INVALID,
    "span T1: “fragments” is a member of format version 2, but the file says version 1" },
  { "\"version\": 2", "\"version\": 3", SM_DOCUMENT_ERROR_VERSION,
    "the file was written by a newer Spanmark (format version 3); this version reads format version 2. "
    "Update Spanmark to open it." },
  { FRAGMENTS, "\"fragments\": [[0, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: “fragments” must list at least two [start, end] pairs; "
    "a span of one fragment has only “start” and “end”" },
  { FRAGMENTS, "\"fragments\": []", SM_DOCUMENT_ERROR_INVALID,
    "span T1: “fragments” must list at least two [start, end] pairs; "
    "a span of one fragment has only “start” and “end”" },
  { FRAGMENTS, "\"fragments\": \"0-22,40-64\"", SM_DOCUMENT_ERROR_INVALID,
    "span T1: “fragments” must be an array of [start, end] pairs" },
  { FRAGMENTS, "\"fragments\": [[0, 22], 40, 64]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2 must be a pair of offsets, [start, end]" },
  { FRAGMENTS, "\"fragments\": [[0, 22], [40, 64, 65]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2 must be a pair of offsets, [start, end]" },
  { FRAGMENTS, "\"fragments\": [[0, 22.0], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 1: the end must be a whole number, written without a decimal point or an exponent" },
  { FRAGMENTS, "\"fragments\": [[\"0\", 22], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 1: the start must be a whole number, written without a decimal point or an exponent" },
  { FRAGMENTS, "\"fragments\": [[-1, 22], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 1: the start is out of range: it must be a whole number from 0 up to the text’s length" },
  { FRAGMENTS, "\"fragments\": [[0, 22], [40, 99999999999999999999]]", SM_DOCUMENT_ERROR_INVALID,
    "15:87: “fragments”: the number 99999999999999999999 is too large to keep; the largest whole number is"
    " 9223372036854775807" },
  { FRAGMENTS, "\"fragments\": [[0, 22], [40, 65]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2: end 65 is past the end of the text (64 characters)" },
  { FRAGMENTS, "\"fragments\": [[0, 22], [40, 40], [50, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2: empty span at 40: a span must cover at least one character" },
  { FRAGMENTS, "\"fragments\": [[22, 0], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 1: start 22 is after end 0" },
  /* Unsorted, overlapping, touching */
  { FRAGMENTS, "\"fragments\": [[40, 64], [0, 22]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2, [0, 22), does not start after fragment 1 ends (64): "
    "fragments are in order and apart by at least one character" },
  { FRAGMENTS, "\"fragments\": [[0, 41], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2, [40, 64), does not start after fragment 1 ends (41): "
    "fragments are in order and apart by at least one character" },
  { FRAGMENTS, "\"fragments\": [[0, 40], [40, 64]]", SM_DOCUMENT_ERROR_INVALID,
    "span T1: fragment 2, [40, 64), does not start after fragment 1 ends (40): "
    "fragments are in order and apart by at least one character" },
  /* The hull and the text say the same as the fragments */
  { FRAGMENTS, "\"fragments\": [[0, 22], [40, 63]]", SM_DOCUMENT_ERROR_MISMATCH,
    "span T1: “start” and “end” are [0, 64) but the fragments go from 0 to 63" },
  { FRAGMENTS, "\"fragments\": [[0, 21], [40, 64]]", SM_DOCUMENT_ERROR_MISMATCH,
    "span T1: “text” is ““We know our friends,” “and we are deter…” but the document has "
    "““We know our friends, “and we are determ…” at its 2 fragments, joined by a space" },
  { "“We know our friends,” “and", "“We know our friends,”“and", SM_DOCUMENT_ERROR_MISMATCH,
    "span T1: “text” is ““We know our friends,”“and we are determ…” but the document has "
    "““We know our friends,” “and we are deter…” at its 2 fragments, joined by a space" },
  /* Rules of the model: a known label, no duplicate */
  { "\"label\": \"CLAIM\", \"start\": 0", "\"label\": \"QUOTE\", \"start\": 0", SM_DOCUMENT_ERROR_INVALID,
    "span T1: unknown label “QUOTE”; the document’s labels do not include it" },
  { "{\"id\": \"T2\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33, \"text\": \"Lukashenko\"}",
    "{\"id\": \"T2\", \"label\": \"SPEAKER\", \"start\": 23, \"end\": 33, \"text\": \"Lukashenko\"}, "
    "{\"id\": \"T3\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 64, " FRAGMENTS "}",
    SM_DOCUMENT_ERROR_DUPLICATE,
    "span T3: span T1 already has label CLAIM on the same 2 fragments" },
};

static void
test_bad_fragments (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_edits); i++)
    {
      g_autoptr(GString) file = g_string_new (FRAGMENTS_FILE);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmDocument) document = NULL;

      g_test_message ("edit %u: %s", i, bad_edits[i].replace);
      g_assert_cmpuint (g_string_replace (file, bad_edits[i].find, bad_edits[i].replace, 1), ==, 1);
      document = parse (file->str, &error);
      g_assert_null (document);
      g_assert_error (error, SM_DOCUMENT_ERROR, bad_edits[i].code);
      g_assert_cmpstr (error->message, ==, bad_edits[i].message);
    }
}

/* A version 2 file whose spans are all continuous is read as it is */
static void
test_version_2_without_fragments (void)
{
  g_autoptr(GString) file = g_string_new (FRAGMENTS_FILE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;

  g_string_replace (file, ", " FRAGMENTS ", \"text\": \"“We know our friends,” “and we are determined.”\"", "", 1);
  document = parse (file->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_span_get_n_fragments (sm_document_find_span (document, "T1")), ==, 1);
}

/* The file as JSON, whatever its layout */
static JsonObject *
written (SmDocument *document)
{
  g_autoptr(GBytes) bytes = sm_format_serialize (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
written_span (JsonObject *file,
              guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (file, "spans"), index);
}

/* The file written is the file read: version 2, and the fragments besides
 * the hull and the joined text */
static void
test_write_fragments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = parse (FRAGMENTS_FILE, &error);
  g_autoptr(SmDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(JsonObject) file = NULL;
  g_autofree char *fragments = NULL;
  JsonObject *claim;

  g_assert_no_error (error);
  file = written (document);
  g_assert_cmpint (json_object_get_int_member (file, "version"), ==, 2);
  claim = written_span (file, 0);
  g_assert_cmpint (json_object_get_int_member (claim, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (claim, "end"), ==, 64);
  fragments = json_to_string (json_object_get_member (claim, "fragments"), FALSE);
  g_assert_cmpstr (fragments, ==, "[[0,22],[40,64]]");
  g_assert_cmpstr (json_object_get_string_member (claim, "text"), ==,
                   "“We know our friends,” “and we are determined.”");
  g_assert_false (json_object_has_member (written_span (file, 1), "fragments"));

  /* And read back, the same bytes again */
  bytes = sm_format_serialize (document);
  again = sm_format_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_span_get_n_fragments (sm_document_find_span (again, "T1")), ==, 2);
  again_bytes = sm_format_serialize (again);
  g_assert_true (g_bytes_equal (bytes, again_bytes));
}

/* Once no span has several fragments, the file is version 1 again: a
 * Spanmark that knows only version 1 opens it */
static void
test_write_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = parse (FRAGMENTS_FILE, &error);
  g_autoptr(JsonObject) file = NULL;
  JsonObject *claim;

  g_assert_no_error (error);
  g_assert_true (sm_document_remove_fragment (document, sm_document_find_span (document, "T1"), 1, &error));
  g_assert_no_error (error);

  file = written (document);
  g_assert_cmpint (json_object_get_int_member (file, "version"), ==, 1);
  claim = written_span (file, 0);
  g_assert_false (json_object_has_member (claim, "fragments"));
  g_assert_cmpint (json_object_get_int_member (claim, "end"), ==, 22);
  g_assert_cmpstr (json_object_get_string_member (claim, "text"), ==, "“We know our friends,”");
  g_assert_cmpstr (json_object_get_string_member (claim, "note"), ==, "one claim");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-fragments/read", test_read_fragments);
  g_test_add_func ("/format-fragments/text-is-optional", test_text_is_optional);
  g_test_add_func ("/format-fragments/bad-fragments", test_bad_fragments);
  g_test_add_func ("/format-fragments/version-2-without-fragments", test_version_2_without_fragments);
  g_test_add_func ("/format-fragments/write", test_write_fragments);
  g_test_add_func ("/format-fragments/write-version-1", test_write_version_1);

  return g_test_run ();
}
