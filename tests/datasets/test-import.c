/* test-import.c: brat, doccano JSON Lines and plain articles as Spanmark documents.
 *
 * Every bad input a user can hand the importers gets a test asserting the
 * exact message, and that nothing is made of it (or written over).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "datasets-fixtures.h"
#include "sm-brat-names.h"
#include "sm-import-private.h"

static SmDocument *
import_brat (const char  *text,
             const char  *ann,
             GPtrArray   *warnings,
             GError     **error)
{
  g_autoptr(GBytes) text_bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) ann_bytes = g_bytes_new (ann, strlen (ann));

  return _sm_import_brat (text_bytes, ann_bytes, NULL, "doc", "doc.txt", "doc.ann", warnings, error);
}

static SmDocument *
import_brat_fixture (const char *folder,
                     const char *name,
                     GPtrArray  *warnings)
{
  g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (name, ".ann", NULL);
  g_autofree char *txt_path = fixture_data_path ("brat", folder, txt_name, NULL);
  g_autofree char *ann_path = fixture_data_path ("brat", folder, ann_name, NULL);
  gsize txt_length, ann_length;
  g_autofree char *txt = fixture_read (txt_path, &txt_length);
  g_autofree char *ann = fixture_read (ann_path, &ann_length);
  g_autoptr(GBytes) text_bytes = g_bytes_new (txt, txt_length);
  g_autoptr(GBytes) ann_bytes = g_bytes_new (ann, ann_length);
  g_autoptr(GError) error = NULL;
  SmDocument *document;

  document = _sm_import_brat (text_bytes, ann_bytes, NULL, name, txt_name, ann_name, warnings, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_brat_introduction (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(SmDocument) document = import_brat_fixture ("news", "000-introduction", warnings);
  g_autofree char *described = fixture_describe (document, TRUE);
  g_autofree char *text = NULL;
  const char * const expected[] = {
    "000-introduction.ann:4:1: 1 event (E line) is not imported, E1 on this line: Spanmark has spans"
    " and relations, not events (the spans of their triggers are imported)",
    "000-introduction.ann:12:1: 5 attributes (A lines) are not imported, the first A1 on this line:"
    " Spanmark spans have no attributes",
    "000-introduction.ann:17:1: 1 normalization (N line) is not imported, N1 on this line: Spanmark"
    " spans have no references to databases",
    NULL
  };

  text = g_strconcat ("text: ", sm_text_get_utf8 (sm_document_get_text (document)), "\n", NULL);
  g_assert_true (g_str_has_prefix (described, text));
  g_assert_cmpstr (described + strlen (text), ==,
                   "relation R1 Family Person [473, 496) -> Person [511, 535)\n"
                   "relation R2 Origin Organization [540, 545) -> GPE [549, 560)\n"
                   "span T1 Organization [418, 426) note=-\n"
                   "span T2 Money [456, 468) note=100000000 USD\n"
                   "span T3 Transfer-money [443, 449) note=-\n"
                   "span T4 Person [473, 496) note=-\n"
                   "span T5 Person [511, 535) note=-\n"
                   "span T6 Organization [540, 545) note=-\n"
                   "span T7 GPE [549, 560) note=-\n");
  fixture_assert_messages (warnings, expected);

  /* Labels the default set lacks are added, after it, in order of use */
  g_assert_nonnull (sm_document_find_label (document, "Organization"));
  g_assert_cmpstr (sm_label_get_key (sm_document_find_label (document, "Organization")), ==, "4");
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_labels (document)), ==, 3 + 5);
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_IN_PROGRESS);
}

static void
test_brat_notes_and_equivalences (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(SmDocument) notes = import_brat_fixture ("news", "110-note_annotation", warnings);
  g_autoptr(SmDocument) relations = import_brat_fixture ("news", "060-relation_annotation", warnings);
  g_autoptr(SmDocument) empty = import_brat_fixture ("news", "010-navigation", warnings);
  const char * const expected[] = {
    "110-note_annotation.ann:7:1: 2 events (E lines) are not imported, the first E1 on this line:"
    " Spanmark has spans and relations, not events (the spans of their triggers are imported)",
    "110-note_annotation.ann:8:1: 2 notes are not imported, the first on E1 on this line: Spanmark"
    " keeps notes on spans only",
    "060-relation_annotation.ann:6:1: 1 equivalence (* line) is not imported, * on this line:"
    " Spanmark has no equivalence sets",
    NULL
  };

  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (notes, "T1")), ==,
                   "Should fictional places be annotated?");
  g_assert_cmpuint (sm_document_get_n_spans (notes), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (notes)), ==, 2);
  g_assert_cmpuint (sm_document_get_n_spans (relations), ==, 10);
  g_assert_cmpuint (sm_document_get_n_spans (empty), ==, 0);
  g_assert_cmpint (sm_document_get_status (empty), ==, SM_DOCUMENT_STATUS_NEW);
  fixture_assert_messages (warnings, expected);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *ann;
  gint        code;
  const char *message;
} BadBrat;

static const BadBrat bad_brat[] = {
  { "offset-past-text", "Raisi said.\n", "T1\tSPEAKER 0 5\tRaisi\nT2\tCLAIM 6 500\tsaid.\n",
    SM_IMPORT_ERROR_MISMATCH,
    "doc.ann:2:10: span T2: the end 500 is past the end of the text (12 characters in doc.txt)" },
  { "text-mismatch", "Lukashenko said.\n", "T1\tSPEAKER 0 9\tLukashenko\n",
    SM_IMPORT_ERROR_MISMATCH,
    "doc.ann:1:16: span T1: the .ann has “Lukashenko” but doc.txt has “Lukashenk” at [0, 9)" },
  { "text-mismatch-crlf", "Line\r\nRaisi said.\r\n", "T1\tSPEAKER 5 10\tRaisi\n",
    SM_IMPORT_ERROR_MISMATCH,
    "doc.ann:1:17: span T1: the .ann has “Raisi” but doc.txt has “ Rais” at [5, 10) (the text has"
    " CR LF line ends: were the offsets counted with LF only?)" },
  { "byte-order-mark", "\xEF\xBB\xBFRaisi said.\n", "T1\tSPEAKER 0 5\tRaisi\n",
    SM_IMPORT_ERROR_MISMATCH,
    "doc.ann:1:16: span T1: the .ann has “Raisi” but doc.txt has “\xEF\xBB\xBFRais” at [0, 5) (the text"
    " starts with a byte order mark, U+FEFF, which these offsets seem not to count)" },
  { "unknown-relation-argument", "Raisi said it.\n",
    "T1\tSPEAKER 0 5\tRaisi\nT2\tCLAIM 11 13\tit\nR1\tsaid_by Arg1:T2 Arg2:T99\t\n",
    SM_IMPORT_ERROR_REFERENCE,
    "doc.ann:3:25: relation R1: Arg2 refers to T99, which is not in doc.ann" },
  { "offsets-not-numbers", "Raisi said.\n", "T1\tSPEAKER 0 five\tRaisi\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:1:12: span T1: expected a start and an end offset, whole numbers such as “0 5”"
    " (fragments separated by “;”)" },
  { "no-tab", "Raisi said.\n", "T1 SPEAKER 0 5 Raisi\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:1:1: a span line is an id, a tab, the label and offsets, a tab and the text, such as"
    " “T1<TAB>SPEAKER 0 5<TAB>Raisi”; this line has no tab" },
  { "no-text", "Raisi said.\n", "T1\tSPEAKER 0 5\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:1:15: span T1: there is no tab and text after the offsets; without the text the offsets"
    " cannot be checked" },
  { "empty-span", "Raisi said.\n", "T1\tSPEAKER 3 3\t\n",
    SM_IMPORT_ERROR_MISMATCH,
    "doc.ann:1:12: span T1: the span [3, 3) is empty" },
  { "id-twice", "Raisi said.\n", "T1\tSPEAKER 0 5\tRaisi\n\nT1\tCLAIM 6 10\tsaid\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:3:1: the id T1 is given twice (first on line 1)" },
  { "one-argument", "Raisi said.\n", "T1\tSPEAKER 0 5\tRaisi\nR1\tsaid_by Arg1:T1\t\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:2:19: relation R1: expected two arguments such as “Arg1:T4 Arg2:T1”" },
  { "ann-not-utf8", "Raisi said.\n", "T1\tSPEAKER 0 5\tRa\xE9si\n",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.ann:1:18: not valid UTF-8: byte 0xE9 at byte offset 17 cannot start or continue a character."
    " The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it to UTF-8"
    " first, for example with: iconv -f WINDOWS-1252 -t UTF-8" },
  { "txt-empty", "", "",
    SM_IMPORT_ERROR_SYNTAX,
    "doc.txt: the file is empty: there is no text to annotate" },
};

static void
test_brat_bad_input (gconstpointer data)
{
  const BadBrat *bad = data;
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = import_brat (bad->text, bad->ann, warnings, &error);

  g_assert_null (document);
  g_assert_error (error, SM_IMPORT_ERROR, bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
  /* A refused file gets its error, and no warning about what was in it */
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_brat_fragments (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autofree char *described = NULL;
  const char * const expected[] = {
    "doc.ann:2:10: span T2 is in 2 fragments, and a Spanmark span is one stretch of text: it is"
    " imported as the spans T2, T4 (its relations and notes go with T2)",
    NULL
  };

  /* T3's fragments are apart only by a line break: one span, as Spanmark
   * writes it; T2 is discontinuous */
  document = import_brat ("Raisi said\r\nit was good.\n",
                          "T1\tSPEAKER 0 5\tRaisi\n"
                          "T2\tCLAIM 6 10;15 19\tsaid was \n"
                          "T3\tCLAIM 6 10;12 24\tsaid it was good.\n"
                          "R1\tsaid_by Arg1:T2 Arg2:T1\t\n"
                          "#1\tAnnotatorNotes T2\tsplit\n",
                          warnings, &error);
  g_assert_no_error (error);
  fixture_assert_messages (warnings, expected);

  described = fixture_describe (document, TRUE);
  g_assert_true (g_str_has_suffix (described,
                                   "relation R1 said_by CLAIM [6, 10) -> SPEAKER [0, 5)\n"
                                   "span T1 SPEAKER [0, 5) note=-\n"
                                   "span T2 CLAIM [6, 10) note=split\n"
                                   "span T3 CLAIM [6, 24) note=-\n"
                                   "span T4 CLAIM [15, 19) note=-\n"));
}

static void
test_brat_odd_but_valid (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autofree char *described = NULL;
  const char * const expected[] = {
    "doc.ann:1:4: the label “1st-type” cannot be a label id as it is (a letter, then letters, digits,"
    " “_”, “-” or “.”): it is imported as L1st-type, named “1st-type”",
    "doc.ann:3:1: span T3 has the same label and range as span T1; Spanmark keeps one span of a label"
    " on a range, so it is imported as T1",
    "doc.ann:4:1: relation R1 is not imported: span T1 is labelled L1st-type, but a said_by relation goes to SPEAKER",
    "doc.ann:5:1: relation R2 is not imported: span T1 cannot be related to itself",
    "doc.ann:6:1: 1 line is not a brat annotation that Spanmark knows and is not imported: “X1” on this line",
    NULL
  };

  /* A byte order mark that brat counts, CR LF line ends in the .ann, a
   * label that is no label id, a duplicate span, an unknown line, a
   * said_by to what is not a speaker */
  document = import_brat ("\xEF\xBB\xBFRaisi said.\n",
                          "T1\t1st-type 1 6\tRaisi\r\n"
                          "T2\tCLAIM 7 11\tsaid\r\n"
                          "T3\t1st-type 1 6\tRaisi\r\n"
                          "R1\tsaid_by Arg1:T2 Arg2:T3\r\n"
                          "R2\tsame Arg1:T3 Arg2:T1\r\n"
                          "X1\twhat is this\r\n",
                          warnings, &error);
  g_assert_no_error (error);
  fixture_assert_messages (warnings, expected);

  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (document)), ==, "\xEF\xBB\xBFRaisi said.\n");
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (document, "L1st-type")), ==, "1st-type");
  described = fixture_describe (document, TRUE);
  /* R1 goes to T3, imported as T1, which is not a speaker: a claim is
   * never said by anything else */
  g_assert_true (g_str_has_suffix (described,
                                   "\nspan T1 L1st-type [1, 6) note=-\n"
                                   "span T2 CLAIM [7, 11) note=-\n"));
}

/* An .ann without its .txt, a .txt without its .ann, in a folder */
static void
test_brat_missing_files (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lonely_ann = fixture_path (fixture, "lonely.ann");
  g_autofree char *lonely_txt = fixture_path (fixture, "alone.txt");
  g_autofree char *good_txt = fixture_path (fixture, "good.txt");
  g_autofree char *good_ann = fixture_path (fixture, "good.ann");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) alone = g_file_new_for_path (lonely_txt);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/x.ann");
  const char * const expected[] = {
    "in/lonely.ann: there is no lonely.txt beside it: brat needs the text of x.ann in x.txt",
    "alone.txt: there is no alone.ann beside it: brat keeps the annotations of x.txt in x.ann",
    NULL
  };

  fixture_write (lonely_ann, "T1\tSPEAKER 0 5\tRaisi\n", -1);
  fixture_write (lonely_txt, "Nobody annotated this.\n", -1);
  fixture_write (good_txt, "Raisi said.\n", -1);
  fixture_write (good_ann, "T1\tSPEAKER 0 5\tRaisi\n", -1);

  g_assert_false (sm_importer_add_file (importer, nowhere, "/nonexistent/x.ann", NULL, &error));
  g_assert_cmpstr (error->message, ==, "/nonexistent/x.ann: could not open: the file does not exist");
  g_clear_error (&error);

  g_assert_true (sm_importer_add_file (importer, folder, "in/", NULL, &error));
  g_assert_true (sm_importer_add_file (importer, alone, "alone.txt", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_importer_get_n_inputs (importer), ==, 3);

  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (sm_document_get_name (g_ptr_array_index (documents, 0)), ==, "good");
  fixture_assert_messages (errors, expected);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static SmDocument *
find_document (GPtrArray  *documents,
               const char *name)
{
  for (guint i = 0; i < documents->len; i++)
    {
      if (strcmp (sm_document_get_name (g_ptr_array_index (documents, i)), name) == 0)
        return g_ptr_array_index (documents, i);
    }

  g_assert_not_reached ();
}

static GPtrArray *
import_jsonl (const char *contents,
              GPtrArray  *warnings,
              GPtrArray  *errors)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  _sm_import_jsonl (bytes, "in.jsonl", "in", documents, warnings, errors);

  return documents;
}

static void
assert_spans (SmDocument *document,
              const char *expected)
{
  g_autofree char *described = fixture_describe (document, FALSE);
  const char *spans = strstr (described, "\nrelation ");

  if (spans == NULL)
    spans = strstr (described, "\nspan ");
  g_assert_nonnull (spans);
  g_assert_cmpstr (spans + 1, ==, expected);
}

static void
test_jsonl_forms (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  const char * const expected[] = {
    "in.jsonl:3: 1 record has categories of the whole text in “label”, which Spanmark does not"
    " import: it annotates spans",
    "in.jsonl:2: “cats” is not imported (1 record has it): a Spanmark document has no place for it",
    "in.jsonl:1: “meta” is not imported (2 records have it, the first here): a Spanmark document has"
    " no place for it",
    NULL
  };

  documents = import_jsonl (
    /* Sequence labelling, as doccano exports it */
    "{\"id\": 7, \"text\": \"EU rejects German call\", \"label\": [[0, 2, \"ORG\"], [11, 17, \"MISC\"]],"
    " \"meta\": {\"a\": 1}}\n"
    /* The list form, with categories doccano exports in "cats" */
    "{\"text\": \"Find a flight to Tacoma\", \"entities\": [[17, 23, \"City\"]], \"cats\": [\"flight\"]}\n"
    /* Categories in "label": text classification */
    "{\"text\": \"Good news\", \"label\": [\"positive\"], \"meta\": {}, \"Comments\": []}\n"
    "\n"
    /* Relation extraction, ids from 0 as doccano writes them */
    "{\"text\": \"Google was founded by Larry Page.\", \"entities\": [{\"id\": 0, \"start_offset\": 0,"
    " \"end_offset\": 6, \"label\": \"ORG\"}, {\"id\": 1, \"start_offset\": 22, \"end_offset\": 32,"
    " \"label\": \"PERSON\"}], \"relations\": [{\"from_id\": 0, \"to_id\": 1, \"type\": \"foundedBy\"}],"
    " \"meta\": {\"b\": 2}}\n"
    /* Both forms, as Spanmark exports: each span once */
    "{\"id\": \"both\", \"text\": \"Raisi said it\", \"label\": [[0, 5, \"SPEAKER\"], [11, 13, \"CLAIM\"]],"
    " \"entities\": [{\"id\": 1, \"label\": \"SPEAKER\", \"start_offset\": 0, \"end_offset\": 5},"
    " {\"id\": 2, \"label\": \"CLAIM\", \"start_offset\": 11, \"end_offset\": 13}],"
    " \"relations\": [{\"id\": 1, \"from_id\": 2, \"to_id\": 1, \"type\": \"said_by\"}]}\n"
    /* doccano 1.x's "data", and its import examples' column names */
    "{\"id\": 101319, \"data\": \"This is New Berlin\", \"label\": [[8, 18, \"LOC\"]]}\n"
    "{\"column_data\": \"Peter Blackburn\", \"column_label\": [[0, 15, \"PERSON\"]]}",
    warnings, errors);

  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 7);
  fixture_assert_messages (warnings, expected);

  assert_spans (find_document (documents, "7"), "span MISC [11, 17)\nspan ORG [0, 2)\n");
  assert_spans (find_document (documents, "in-2"), "span City [17, 23)\n");
  g_assert_cmpuint (sm_document_get_n_spans (find_document (documents, "in-3")), ==, 0);
  assert_spans (find_document (documents, "in-5"),
                "relation foundedBy ORG [0, 6) -> PERSON [22, 32)\nspan ORG [0, 6)\nspan PERSON [22, 32)\n");
  assert_spans (find_document (documents, "both"),
                "relation said_by CLAIM [11, 13) -> SPEAKER [0, 5)\nspan CLAIM [11, 13)\nspan SPEAKER [0, 5)\n");
  assert_spans (find_document (documents, "101319"), "span LOC [8, 18)\n");
  assert_spans (find_document (documents, "in-8"), "span PERSON [0, 15)\n");
}

static void
test_jsonl_bad_records (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  const char * const expected[] = {
    "in.jsonl:2:41: the line ends before its record does, so it was cut short (or the record goes on"
    " over several lines, which JSON Lines does not allow): unterminated string constant",
    "in.jsonl:3: the record has no “text”",
    "in.jsonl:4: label 1: “end” 50 is past the end of the text (5 characters)",
    "in.jsonl:5: relation 1: “to_id” is 9, which is not the id of an entity of this record",
    "in.jsonl:6: entity 1: the start 3 is after the end 1",
    "in.jsonl:7: entity 1: “start_offset” must be a whole number of characters",
    "in.jsonl:8: a record must be a JSON object, {…}",
    "in.jsonl:9: label 1 must be [start, end, \"LABEL\"]",
    "in.jsonl:10: “text” is empty: there is nothing to annotate",
    "in.jsonl:11:1: unexpected character `]', expected value",
    NULL
  };

  documents = import_jsonl (
    "{\"text\": \"fine\", \"label\": [[0, 4, \"OK\"]]}\n"
    "{\"text\": \"truncated\", \"label\": [[0, 5, \"\n"
    "{\"label\": [[0, 1, \"PER\"]]}\n"
    "{\"text\": \"short\", \"label\": [[0, 50, \"PER\"]]}\n"
    "{\"text\": \"Raisi said\", \"entities\": [{\"id\": 1, \"label\": \"S\", \"start_offset\": 0,"
    " \"end_offset\": 5}], \"relations\": [{\"from_id\": 1, \"to_id\": 9, \"type\": \"said_by\"}]}\n"
    "{\"text\": \"abc\", \"entities\": [[3, 1, \"X\"]]}\n"
    "{\"text\": \"abc\", \"entities\": [{\"label\": \"X\", \"start_offset\": 0.5, \"end_offset\": 1}]}\n"
    "[1, 2]\n"
    "{\"text\": \"abc\", \"label\": [{\"start\": 0}]}\n"
    "{\"text\": \"\"}\n"
    "]\n"
    "{\"text\": \"also fine\"}\n",
    warnings, errors);

  /* The good records around the bad ones are imported */
  g_assert_cmpuint (documents->len, ==, 2);
  fixture_assert_messages (errors, expected);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_jsonl_not_jsonl (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) pretty = NULL;
  g_autoptr(GPtrArray) array = NULL;
  g_autoptr(GPtrArray) binary = NULL;
  const char * const expected_warnings[] = {
    "in.jsonl: this is one JSON record over several lines, not JSON Lines (a record per line); it is"
    " read as one record",
    "in.jsonl: this is a JSON array of records, not JSON Lines (a record per line); its 2 records are"
    " read in order",
    NULL
  };
  const char * const expected_errors[] = {
    "in.jsonl: record 2: the record has no “text”",
    "in.jsonl:1:3: not valid UTF-8: byte 0xFF at byte offset 2 cannot start or continue a character."
    " The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it to UTF-8"
    " first, for example with: iconv -f WINDOWS-1252 -t UTF-8",
    NULL
  };

  pretty = import_jsonl ("{\n  \"text\": \"Google\",\n  \"label\": [[0, 6, \"ORG\"]]\n}\n", warnings, errors);
  array = import_jsonl ("[{\"text\": \"a\"},\n {\"txt\": \"b\"}]\n", warnings, errors);
  binary = import_jsonl ("{\"\xFF", warnings, errors);

  g_assert_cmpuint (pretty->len, ==, 1);
  g_assert_cmpuint (array->len, ==, 1);
  g_assert_cmpuint (binary->len, ==, 0);
  fixture_assert_messages (warnings, expected_warnings);
  fixture_assert_messages (errors, expected_errors);
}

static void
test_jsonl_labels_and_duplicates (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  SmDocument *document;
  const char * const expected[] = {
    "in.jsonl:1: the label “Product name” cannot be a label id as it is (a letter, then letters,"
    " digits, “_”, “-” or “.”): it is imported as Product_name, named “Product name”",
    "in.jsonl:1: label 2 [0, 4) Product name is given twice; it is imported once",
    "in.jsonl:1: the relation type “made by” is not valid in Spanmark (a letter, then letters, digits,"
    " “_”, “-” or “.”): it is imported as made_by",
    NULL
  };

  documents = import_jsonl ("{\"text\": \"Wine from France\", \"label\": [[0, 4, \"Product name\"],"
                            " [0, 4, \"Product name\"]], \"entities\": [{\"id\": \"a\", \"label\": \"Product name\","
                            " \"start_offset\": 0, \"end_offset\": 4}, {\"id\": \"b\", \"label\": \"Land\","
                            " \"start_offset\": 10, \"end_offset\": 16}], \"relations\": [{\"from_id\": \"a\","
                            " \"to_id\": \"b\", \"type\": \"made by\"}]}\n",
                            warnings, errors);

  g_assert_cmpuint (errors->len, ==, 0);
  fixture_assert_messages (warnings, expected);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (document, "Product_name")), ==, "Product name");
  assert_spans (document, "relation made_by Product_name [0, 4) -> Land [10, 16)\n"
                          "span Land [10, 16)\nspan Product_name [0, 4)\n");
}

/* A name is changed only where it must be: "_question_" needs a letter
 * first, and keeps its own underscores */
static void
test_names_kept_where_valid (void)
{
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  const char * const expected[] = {
    "in.jsonl:1: the label “_question_” cannot be a label id as it is (a letter, then letters,"
    " digits, “_”, “-” or “.”): it is imported as L_question_, named “_question_”",
    "in.jsonl:1: the label “who is ” cannot be a label id as it is (a letter, then letters,"
    " digits, “_”, “-” or “.”): it is imported as who_is, named “who is ”",
    NULL
  };

  documents = import_jsonl ("{\"text\": \"Who asked?\", \"label\": [[0, 3, \"_question_\"],"
                            " [4, 9, \"who is \"]]}\n", warnings, errors);

  g_assert_cmpuint (errors->len, ==, 0);
  fixture_assert_messages (warnings, expected);
  assert_spans (g_ptr_array_index (documents, 0), "span L_question_ [0, 3)\nspan who_is [4, 9)\n");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_TEXT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *article = fixture_path (fixture, "article.txt");
  g_autofree char *latin1 = fixture_path (fixture, "latin1.txt");
  g_autofree char *empty = fixture_path (fixture, "empty.txt");
  g_autofree char *ignored = fixture_path (fixture, "notes.md");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  const char * const expected[] = {
    "articles/empty.txt: the file is empty: there is no text to annotate",
    "articles/latin1.txt:1:4: not valid UTF-8: byte 0xE9 at byte offset 3 cannot start or continue a"
    " character. The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it"
    " to UTF-8 first, for example with: iconv -f WINDOWS-1252 -t UTF-8",
    NULL
  };
  SmDocument *document;

  fixture_write (article, "\xEF\xBB\xBFRaisi said trade grew.\r\n", -1);
  fixture_write (latin1, "Caf\xE9", -1);
  fixture_write (empty, "", 0);
  fixture_write (ignored, "not an article", -1);

  g_assert_true (sm_importer_add_file (importer, folder, "articles", NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (sm_document_get_name (document), ==, "article");
  /* As when the window opens it: the byte order mark goes, CR LF stays */
  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (document)), ==, "Raisi said trade grew.\r\n");
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
  g_assert_cmpint (sm_document_get_status (document), ==, SM_DOCUMENT_STATUS_NEW);
  fixture_assert_messages (errors, expected);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Saving never replaces a file unless asked, and gives every document a
 * name of its own */
/* Only a line whose type is what the export makes of its name counts: a
 * hand-edited annotation.conf cannot make a type stand for another name */
static void
test_brat_names_parse (void)
{
  const char *conf =
    "# spanmark-name Q__2E_A Q.A\n"
    "# spanmark-name a__5F__b a__b\r\n"
    "# spanmark-name PER Person\n"          /* not what Person becomes */
    "# spanmark-name Q_A Q_A\n"             /* a name that is its own type */
    "# spanmark-name x__2E_y x.y extra\n"
    "#spanmark-name b__2E_c b.c\n"
    "[entities]\nQ__2E_A\n";
  g_autoptr(GHashTable) names = _sm_brat_names_parse (conf, strlen (conf));
  const char * const names_in[] = { "Q.A", "Q_A", "a__b", "a_b", "a_", "x-y", "a.__b", NULL };
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (g_hash_table_size (names), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (names, "Q__2E_A"), ==, "Q.A");
  g_assert_cmpstr (g_hash_table_lookup (names, "a__5F__b"), ==, "a__b");

  /* No two names become one type, and every type is one brat takes */
  for (guint i = 0; names_in[i] != NULL; i++)
    {
      char *type = _sm_brat_names_encode (names_in[i]);

      g_assert_true (g_regex_match_simple ("^[A-Za-z0-9_-]+$", type, 0, 0));
      g_assert_false (g_hash_table_contains (types, type));
      g_hash_table_add (types, type);
    }
}

/* brat reads the annotation.conf of a document's folder, or the nearest
 * one above it; so does the import */
static void
test_brat_names_from_parent_folder (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *root = fixture_path (fixture, "corpus");
  g_autofree char *folder = g_build_filename (root, "part", NULL);
  g_autofree char *conf = g_build_filename (root, "annotation.conf", NULL);
  g_autofree char *txt = g_build_filename (folder, "a.txt", NULL);
  g_autofree char *ann = g_build_filename (folder, "a.ann", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  g_mkdir_with_parents (folder, 0755);
  fixture_write (conf, "[entities]\n# spanmark-name Q__2E_A Q.A\nQ__2E_A\n"
                       "[relations]\n# spanmark-name r__2E_s r.s\nr__2E_s\tArg1:Q__2E_A, Arg2:Q__2E_A\n", -1);
  fixture_write (txt, "Who? Me.", -1);
  fixture_write (ann, "T1\tQ__2E_A 0 4\tWho?\nT2\tQ__2E_A 5 8\tMe.\nR1\tr__2E_s Arg1:T1 Arg2:T2\t\n", -1);

  g_assert_true (sm_importer_add_file (importer, root_file, NULL, NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);
  described = fixture_describe (g_ptr_array_index (documents, 0), TRUE);
  g_assert_cmpstr (described, ==,
                   "text: Who? Me.\n"
                   "relation R1 r.s Q.A [0, 4) -> Q.A [5, 8)\n"
                   "span T1 Q.A [0, 4) note=-\n"
                   "span T2 Q.A [5, 8) note=-\n");
}

static void
test_import_to_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *input = fixture_path (fixture, "in.jsonl");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *first = g_build_filename (out, "101319.json", NULL);
  g_autofree char *second = g_build_filename (out, "101319-2.json", NULL);
  g_autofree char *beside = fixture_path (fixture, "in-3.json");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  const char * const expected_warnings[] = {
    "in.jsonl:2: another document of this import is named “101319”: this one is named “101319-2”",
    NULL
  };
  const char * const expected_errors[] = {
    "out/101319.json already exists; it was not replaced",
    NULL
  };

  fixture_write (input,
                 "{\"id\": 101319, \"data\": \"This is New Berlin\", \"label\": [[8, 18, \"LOC\"]]}\n"
                 "{\"id\": 101319, \"data\": \"This is New Berlin.\", \"label\": [[8, 19, \"LOC\"]]}\n"
                 "{\"text\": \"No id\"}\n",
                 -1);
  g_mkdir (out, 0755);
  fixture_write (first, "precious", -1);

  {
    g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_JSONL);
    g_autoptr(GPtrArray) warnings = fixture_strings ();
    g_autoptr(GPtrArray) errors = fixture_strings ();

    g_assert_true (sm_importer_add_file (importer, input_file, NULL, NULL, &error));
    g_assert_true (sm_importer_import_to_folder (importer, out_folder, SM_IMPORT_FLAGS_NONE,
                                                 warnings, errors, NULL, &error));
    g_assert_no_error (error);
    fixture_assert_messages (warnings, expected_warnings);
    fixture_assert_messages (errors, expected_errors);
    g_assert_cmpuint (sm_importer_get_n_imported (importer), ==, 2);
  }

  contents = fixture_read (first, NULL);
  g_assert_cmpstr (contents, ==, "precious");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));

  {
    g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_JSONL);
    g_autoptr(GPtrArray) warnings = fixture_strings ();
    g_autoptr(GPtrArray) errors = fixture_strings ();
    g_autoptr(SmDocument) saved = NULL;

    g_assert_true (sm_importer_add_file (importer, input_file, NULL, NULL, &error));
    g_assert_true (sm_importer_import_to_folder (importer, out_folder, SM_IMPORT_FLAGS_OVERWRITE,
                                                 warnings, errors, NULL, &error));
    g_assert_cmpuint (errors->len, ==, 0);
    saved = fixture_load (first);
    g_assert_cmpuint (sm_document_get_n_spans (saved), ==, 1);
  }

  /* Without a folder, beside the input */
  {
    g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_JSONL);
    g_autoptr(GPtrArray) warnings = fixture_strings ();
    g_autoptr(GPtrArray) errors = fixture_strings ();

    g_assert_true (sm_importer_add_file (importer, input_file, NULL, NULL, &error));
    g_assert_true (sm_importer_import_to_folder (importer, NULL, SM_IMPORT_FLAGS_NONE,
                                                 warnings, errors, NULL, &error));
    g_assert_cmpuint (errors->len, ==, 0);
    g_assert_true (g_file_test (beside, G_FILE_TEST_EXISTS));
  }
}

/* The files other projects wrote import whole: every T, every relation
 * between spans, every AnnotatorNotes on a span */
static void
test_real_brat_data (void)
{
  const char * const pairs[][2] = {
    { "news", "000-introduction" }, { "news", "010-navigation" },
    { "news", "060-relation_annotation" }, { "news", "110-note_annotation" },
    { "commodity", "Oil-drops-7%-on-Europe-vaccine-snag-US" }, { "commodity", "movement_down_loss" },
    { "conll2002", "esp.train-doc-423" }, { "conll2002", "ned.train-doc-27" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GPtrArray) warnings = fixture_strings ();
      g_autoptr(SmDocument) document = import_brat_fixture (pairs[i][0], pairs[i][1], warnings);
      g_autofree char *ann_name = g_strconcat (pairs[i][1], ".ann", NULL);
      g_autofree char *ann_path = fixture_data_path ("brat", pairs[i][0], ann_name, NULL);
      g_autofree char *ann = fixture_read (ann_path, NULL);
      g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
      guint n_notes = 0;

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[j], "\t", 3);

          if (lines[j][0] == 'T')
            {
              SmSpan *span = sm_document_find_span (document, fields[0]);
              g_auto(GStrv) type_and_offsets = g_strsplit (fields[1], " ", 3);

              g_assert_nonnull (span);
              g_assert_cmpstr (sm_span_get_label (span), ==, type_and_offsets[0]);
              g_assert_cmpuint (sm_span_get_start (span), ==, g_ascii_strtoull (type_and_offsets[1], NULL, 10));
              g_assert_cmpuint (sm_span_get_end (span), ==, g_ascii_strtoull (type_and_offsets[2], NULL, 10));
              g_assert_cmpstr (sm_span_get_text (span), ==, fields[2]);
            }
          else if (lines[j][0] == 'R' && strstr (fields[1], ":E") == NULL)
            {
              SmRelation *relation = sm_document_find_relation (document, fields[0]);
              g_autofree char *line = NULL;

              /* The commodity corpus has one relation twice; the copy is not kept */
              if (relation == NULL)
                continue;
              line = g_strdup_printf ("%s Arg1:%s Arg2:%s", sm_relation_get_type_name (relation),
                                      sm_span_get_id (sm_relation_get_from (relation)),
                                      sm_span_get_id (sm_relation_get_to (relation)));
              g_assert_cmpstr (line, ==, fields[1]);
            }
          else if (g_str_has_prefix (lines[j], "#") && g_str_has_prefix (fields[1], "AnnotatorNotes T"))
            {
              SmSpan *span = sm_document_find_span (document, fields[1] + strlen ("AnnotatorNotes "));

              g_assert_cmpstr (sm_span_get_note (span), ==, fields[2]);
              n_notes++;
            }
        }

      g_test_message ("%s: %u spans, %u notes, %u warnings", pairs[i][1],
                      sm_document_get_n_spans (document), n_notes, warnings->len);
    }
}

static void
test_real_doccano_data (void)
{
  const char * const files[][3] = {
    { "doccano", "export-intent-detection.jsonl", "2" },
    { "doccano", "export-relation-extraction.jsonl", "1" },
    { "doccano", "export-sequence-labeling.jsonl", "3" },
    { "doccano", "import-relation-extraction.jsonl", "1" },
    { "doccano", "import-sequence-labeling.jsonl", "3" },
    { "doccano", "test-relation-extraction.jsonl", "1" },
    { "doccano", "test-sequence-labeling.jsonl", "2" },
    { "doccano", "test-overlapping.jsonl", "1" },
    { "flair", "train.jsonl", "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture_data_path (files[i][0], files[i][1], NULL);
      gsize length;
      g_autofree char *contents = fixture_read (path, &length);
      g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) warnings = fixture_strings ();
      g_autoptr(GPtrArray) errors = fixture_strings ();

      _sm_import_jsonl (bytes, files[i][1], "x", documents, warnings, errors);
      g_assert_cmpuint (documents->len, ==, g_ascii_strtoull (files[i][2], NULL, 10));

      /* The one doccano test record with no text is refused, and said so */
      if (strcmp (files[i][1], "test-sequence-labeling.jsonl") == 0)
        {
          const char * const expected[] = { "test-sequence-labeling.jsonl:3: the record has no “text”", NULL };

          fixture_assert_messages (errors, expected);
        }
      else
        g_assert_cmpuint (errors->len, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/brat/introduction", test_brat_introduction);
  g_test_add_func ("/import/brat/notes-and-equivalences", test_brat_notes_and_equivalences);
  for (guint i = 0; i < G_N_ELEMENTS (bad_brat); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/brat/bad/%s", bad_brat[i].name);

      g_test_add_data_func (path, &bad_brat[i], test_brat_bad_input);
    }
  g_test_add_func ("/import/brat/fragments", test_brat_fragments);
  g_test_add_func ("/import/brat/odd-but-valid", test_brat_odd_but_valid);
  g_test_add ("/import/brat/missing-files", Fixture, NULL,
              fixture_set_up, test_brat_missing_files, fixture_tear_down);
  g_test_add_func ("/import/brat/real-data", test_real_brat_data);
  g_test_add_func ("/import/brat/names-parse", test_brat_names_parse);
  g_test_add ("/import/brat/names-from-parent-folder", Fixture, NULL,
              fixture_set_up, test_brat_names_from_parent_folder, fixture_tear_down);
  g_test_add_func ("/import/jsonl/forms", test_jsonl_forms);
  g_test_add_func ("/import/jsonl/bad-records", test_jsonl_bad_records);
  g_test_add_func ("/import/jsonl/not-jsonl", test_jsonl_not_jsonl);
  g_test_add_func ("/import/jsonl/labels-and-duplicates", test_jsonl_labels_and_duplicates);
  g_test_add_func ("/import/names-kept-where-valid", test_names_kept_where_valid);
  g_test_add_func ("/import/jsonl/real-data", test_real_doccano_data);
  g_test_add ("/import/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/import/to-folder", Fixture, NULL, fixture_set_up, test_import_to_folder, fixture_tear_down);

  return g_test_run ();
}
