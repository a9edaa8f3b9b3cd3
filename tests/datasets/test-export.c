/* test-export.c: every export format, its warnings, and where exports may write.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sched_setaffinity() and the CPU_* macros */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#ifdef HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif

#include "datasets-fixtures.h"

static void
test_jsonl (void)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *jsonl = fixture_export (SM_EXPORT_FORMAT_JSONL, document, NULL, warnings);

  g_assert_cmpstr (jsonl, ==,
                   "{\"id\":\"small\",\"text\":\"Raisi said trade grew 5%.\\n\xE2\x80\x9C" "Fine,\xE2\x80\x9D Ana said.\\n\","
                   "\"label\":[[0,5,\"SPEAKER\"],[11,24,\"CLAIM\"],[22,24,\"FIGURE\"]],"
                   "\"entities\":[{\"id\":1,\"label\":\"SPEAKER\",\"start_offset\":0,\"end_offset\":5},"
                   "{\"id\":2,\"label\":\"CLAIM\",\"start_offset\":11,\"end_offset\":24},"
                   "{\"id\":3,\"label\":\"FIGURE\",\"start_offset\":22,\"end_offset\":24}],"
                   "\"relations\":[{\"id\":1,\"from_id\":2,\"to_id\":1,\"type\":\"said_by\"}]}\n");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_csv (void)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *csv = fixture_export (SM_EXPORT_FORMAT_CSV, document, NULL, warnings);

  g_assert_cmpstr (csv, ==,
                   "document,span,label,start,end,text,note,speaker,speaker_text,fragments\r\n"
                   "small,T1,SPEAKER,0,5,Raisi,,,,0 5\r\n"
                   "small,T2,CLAIM,11,24,trade grew 5%,\"paraphrase, \"\"loose\"\"\",T1,Raisi,11 24\r\n"
                   "small,T3,FIGURE,22,24,5%,,,,22 24\r\n");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_conll (void)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *conll = fixture_export (SM_EXPORT_FORMAT_CONLL, document, NULL, warnings);
  const char * const figure[] = { "FIGURE", NULL };
  g_autofree char *layer = fixture_export (SM_EXPORT_FORMAT_CONLL, document, figure, warnings);

  g_assert_cmpstr (conll, ==,
                   "-DOCSTART-\tO\tO\tO\n\n"
                   "Raisi\tB-SPEAKER\tO\tO\n"
                   "said\tO\tO\tO\n"
                   "trade\tO\tB-CLAIM\tO\n"
                   "grew\tO\tI-CLAIM\tO\n"
                   "5%\tO\tI-CLAIM\tB-FIGURE\n"
                   ".\tO\tO\tO\n\n"
                   "\xE2\x80\x9C\tO\tO\tO\n"
                   "Fine\tO\tO\tO\n"
                   ",\tO\tO\tO\n"
                   "\xE2\x80\x9D\tO\tO\tO\n"
                   "Ana\tO\tO\tO\n"
                   "said\tO\tO\tO\n"
                   ".\tO\tO\tO\n\n");
  g_assert_cmpstr (layer, ==,
                   "-DOCSTART-\tO\n\n"
                   "Raisi\tO\nsaid\tO\ntrade\tO\ngrew\tO\n5%\tB-FIGURE\n.\tO\n\n"
                   "\xE2\x80\x9C\tO\nFine\tO\n,\tO\n\xE2\x80\x9D\tO\nAna\tO\nsaid\tO\n.\tO\n\n");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Spans that do not fit tokens or one IOB2 column are named, never moved
 * or dropped in silence */
static void
test_conll_warnings (void)
{
  g_autoptr(SmDocument) document = fixture_new_document ("deal", "The US$5bn deal ended.   Ana said it held.\n");
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *conll = NULL;
  const char * const expected[] = {
    "deal: span T3 (SPEAKER “eal end”) starts and ends inside tokens, and CoNLL tags whole tokens: it is"
    " tagged as “deal ended”",
    "deal: span T2 (SPEAKER “na”) starts inside a token, and CoNLL tags whole tokens: it is tagged as “Ana”",
    "deal: span T5 (CLAIM) shares tokens with span T4, and a CoNLL column holds one CLAIM at a time, so T5"
    " is left out",
    "deal: span T1 (FIGURE “$5”) starts and ends inside tokens, and CoNLL tags whole tokens: it is tagged"
    " as “US$5bn”",
    "deal: span T6 (FIGURE) covers no token, only spaces or invisible characters, so it is left out",
    NULL
  };

  fixture_tag (document, "FIGURE", "$5", 0);
  fixture_tag (document, "SPEAKER", "na", 0);
  fixture_tag (document, "SPEAKER", "eal end", 0);
  fixture_tag (document, "CLAIM", "The US$5bn deal ended.   Ana said it held.", 0);
  fixture_tag (document, "CLAIM", "Ana said", 0);
  fixture_tag (document, "FIGURE", "  ", 0);

  conll = fixture_export (SM_EXPORT_FORMAT_CONLL, document, NULL, warnings);
  fixture_assert_messages (warnings, expected);

  /* The CLAIM over two sentences keeps them one sentence, all I- tags */
  g_assert_cmpstr (conll, ==,
                   "-DOCSTART-\tO\tO\tO\n\n"
                   "The\tO\tB-CLAIM\tO\n"
                   "US$5bn\tO\tI-CLAIM\tB-FIGURE\n"
                   "deal\tB-SPEAKER\tI-CLAIM\tO\n"
                   "ended\tI-SPEAKER\tI-CLAIM\tO\n"
                   ".\tO\tI-CLAIM\tO\n"
                   "Ana\tB-SPEAKER\tI-CLAIM\tO\n"
                   "said\tO\tI-CLAIM\tO\n"
                   "it\tO\tI-CLAIM\tO\n"
                   "held\tO\tI-CLAIM\tO\n"
                   ".\tO\tI-CLAIM\tO\n\n");
}

static void
test_brat (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = fixture_path (fixture, "brat");
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  g_autofree char *ann_path = g_build_filename (out, "small.ann", NULL);
  g_autofree char *txt_path = g_build_filename (out, "small.txt", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (out, "visual.conf", NULL);
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *visual = NULL;

  sm_corpus_add_document (corpus, document, NULL);
  g_assert_true (sm_exporter_export_to_file (exporter, corpus, destination, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (errors->len, ==, 0);

  ann = fixture_read (ann_path, NULL);
  txt = fixture_read (txt_path, NULL);
  conf = fixture_read (conf_path, NULL);
  visual = fixture_read (visual_path, NULL);

  g_assert_cmpstr (ann, ==,
                   "T1\tSPEAKER 0 5\tRaisi\n"
                   "T2\tCLAIM 11 24\ttrade grew 5%\n"
                   "T3\tFIGURE 22 24\t5%\n"
                   "R1\tsaid_by Arg1:T2 Arg2:T1\t\n"
                   "#1\tAnnotatorNotes T2\tparaphrase, \"loose\"\n");
  g_assert_cmpstr (txt, ==, sm_text_get_utf8 (sm_document_get_text (document)));
  g_assert_nonnull (strstr (conf, "\n[entities]\n\nSPEAKER\nCLAIM\nFIGURE\n"));
  g_assert_nonnull (strstr (conf, "\nsaid_by\tArg1:CLAIM, Arg2:SPEAKER\n"));
  g_assert_nonnull (strstr (conf, "\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"));
  g_assert_nonnull (strstr (visual, "\nCLAIM | Claim\n"));
  g_assert_nonnull (strstr (visual, "\nCLAIM\tbgColor:#e5a50a, fgColor:black, borderColor:darken\n"));
  g_assert_nonnull (strstr (visual, "\nSPEAKER\tbgColor:#9141ac, fgColor:white, borderColor:darken\n"));
}

/* Exports @corpus as brat to the folder @out, with the @expected warnings */
static void
export_brat (SmCorpus           *corpus,
             const char         *out,
             const char * const *expected)
{
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_exporter_export_to_file (exporter, corpus, destination, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  fixture_assert_messages (warnings, expected);
}

/* Imports the brat folder @out, which holds one document and nothing to warn about */
static SmDocument *
import_brat_folder (const char *out)
{
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(SmImporter) importer = sm_importer_new (SM_IMPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_importer_add_file (importer, folder, NULL, NULL, &error));
  documents = sm_importer_import (importer, warnings, errors, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);

  return g_object_ref (g_ptr_array_index (documents, 0));
}

/* brat has no escapes: a span over a line break is written in fragments,
 * a note's line breaks as spaces, and ids that are not brat's renamed */
static void
test_brat_line_breaks_and_ids (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *input = fixture_path (fixture, "odd.json");
  g_autofree char *out = fixture_path (fixture, "brat");
  g_autofree char *ann_path = g_build_filename (out, "odd.ann", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = NULL;
  const char * const expected[] = {
    "odd.json: brat ids are T or R and a number; these were renamed: who → T11, claim → T12, r → R1",
    "odd.json: span who starts or ends with a line break, which brat cannot mark; it is written as [0, 3)",
    "odd.json: span T7: its note has line breaks, and a brat note is one line: they were written as spaces",
    "odd.json: span T10 has a fragment that starts or ends with a line break, which brat cannot mark;"
    " it is written as 0 3;9 13;14 17",
    NULL
  };

  fixture_write (input,
                 "{\"format\": \"spanmark\", \"version\": 2,"
                 " \"document\": {\"name\": \"odd\", \"text\": \"Ana\\r\\nsaid it.\\nYes\"},"
                 " \"labels\": [{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}],"
                 " \"spans\": ["
                 "  {\"id\": \"who\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 4},"
                 "  {\"id\": \"claim\", \"label\": \"CLAIM\", \"start\": 5, \"end\": 17},"
                 "  {\"id\": \"T7\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 13, \"note\": \"one\\ntwo\"},"
                 "  {\"id\": \"T10\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 17, \"fragments\": [[0, 5], [9, 17]]}],"
                 " \"relations\": [{\"id\": \"r\", \"type\": \"said_by\", \"from\": \"claim\", \"to\": \"who\"}]}",
                 -1);

  g_assert_true (sm_corpus_add_file (corpus, input_file, NULL, NULL, &error));
  export_brat (corpus, out, expected);

  ann = fixture_read (ann_path, NULL);
  g_assert_cmpstr (ann, ==,
                   "T11\tSPEAKER 0 3\tAna\n"
                   "T7\tCLAIM 0 3;5 13\tAna said it.\n"
                   "T10\tCLAIM 0 3;9 13;14 17\tAna  it. Yes\n"
                   "T12\tCLAIM 5 13;14 17\tsaid it. Yes\n"
                   "R1\tsaid_by Arg1:T12 Arg2:T11\t\n"
                   "#1\tAnnotatorNotes T7\tone two\n");
}

/* brat reads .ann files with Python's str.splitlines(), which also ends
 * lines at VT, FF, U+001C–U+001E, U+0085, U+2028 and U+2029: a span over
 * one is written in fragments around it, and a note has it as a space.
 * Spanmark's import joins the fragments back into one span. */
static void
test_brat_python_line_breaks (Fixture       *fixture,
                              gconstpointer  data)
{
  /* a VT b FF c FS d GS e RS f NEL g LS h PS i */
  g_autoptr(SmDocument) document = fixture_new_document ("breaks",
                                                         "a\vb\fc\x1C" "d\x1D" "e\x1E" "f\xC2\x85g"
                                                         "\xE2\x80\xA8h\xE2\x80\xA9i");
  g_autofree char *out = fixture_path (fixture, "brat");
  g_autofree char *ann_path = g_build_filename (out, "breaks.ann", NULL);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmDocument) imported = NULL;
  g_autoptr(SmSpan) back = NULL;
  g_autofree char *ann = NULL;
  SmSpan *span = fixture_tag (document, "CLAIM", "b\fc", 0);
  const char * const expected[] = {
    "breaks: span T1: its note has line breaks, and a brat note is one line: they were written as spaces",
    NULL
  };

  sm_document_set_span_note (document, span, "x\vy\xE2\x80\xA8z\x1E!");
  fixture_tag (document, "SPEAKER", "a\vb\fc\x1C" "d\x1D" "e\x1E" "f\xC2\x85g" "\xE2\x80\xA8h\xE2\x80\xA9i", 0);

  sm_corpus_add_document (corpus, document, NULL);
  export_brat (corpus, out, expected);

  ann = fixture_read (ann_path, NULL);
  g_assert_cmpstr (ann, ==,
                   "T2\tSPEAKER 0 1;2 3;4 5;6 7;8 9;10 11;12 13;14 15;16 17\ta b c d e f g h i\n"
                   "T1\tCLAIM 2 3;4 5\tb c\n"
                   "#1\tAnnotatorNotes T1\tx y z !\n");

  imported = import_brat_folder (out);
  g_assert_cmpuint (sm_document_get_n_spans (imported), ==, 2);
  back = g_list_model_get_item (sm_document_get_spans (imported), 0);
  g_assert_cmpstr (sm_span_get_label (back), ==, "SPEAKER");
  g_assert_cmpuint (sm_span_get_start (back), ==, 0);
  g_assert_cmpuint (sm_span_get_end (back), ==, 17);
}

/* brat type names hold only letters, digits, "_" and "-": a name with
 * other characters is written so that no two names become one, with a
 * warning, and annotation.conf keeps the name, which the import restores */
static void
test_brat_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *input = fixture_path (fixture, "names.json");
  g_autofree char *out = fixture_path (fixture, "brat");
  g_autofree char *ann_path = g_build_filename (out, "names.ann", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (out, "visual.conf", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *visual = NULL;
  g_autofree char *described = NULL;
  const char * const expected[] = {
    "label Q.A is written as Q__2E_A: brat type names hold only letters, digits, “_” and “-”;"
    " annotation.conf keeps the name for Spanmark's import",
    "label a__b is written as a__5F__b: brat type names hold only letters, digits, “_” and “-”;"
    " annotation.conf keeps the name for Spanmark's import",
    "relation type cites.by is written as cites__2E_by: brat type names hold only letters, digits,"
    " “_” and “-”; annotation.conf keeps the name for Spanmark's import",
    NULL
  };

  fixture_write (input,
                 "{\"format\": \"spanmark\", \"version\": 1,"
                 " \"document\": {\"name\": \"names\", \"text\": \"Who asked? Ana did.\"},"
                 " \"labels\": [{\"id\": \"Q.A\", \"name\": \"Question\"}, {\"id\": \"Q_A\"}, {\"id\": \"a__b\"}],"
                 " \"relation_types\": [{\"type\": \"cites.by\", \"from\": [\"Q.A\"], \"to\": [\"Q_A\"]},"
                 "  {\"type\": \"cites_by\", \"from\": [\"Q_A\"], \"to\": [\"a__b\"]}],"
                 " \"spans\": ["
                 "  {\"id\": \"T1\", \"label\": \"Q.A\", \"start\": 0, \"end\": 10},"
                 "  {\"id\": \"T2\", \"label\": \"Q_A\", \"start\": 11, \"end\": 19},"
                 "  {\"id\": \"T3\", \"label\": \"a__b\", \"start\": 11, \"end\": 14}],"
                 " \"relations\": [{\"id\": \"R1\", \"type\": \"cites.by\", \"from\": \"T1\", \"to\": \"T2\"},"
                 "  {\"id\": \"R2\", \"type\": \"cites_by\", \"from\": \"T2\", \"to\": \"T3\"}]}",
                 -1);

  g_assert_true (sm_corpus_add_file (corpus, input_file, NULL, NULL, &error));
  export_brat (corpus, out, expected);

  ann = fixture_read (ann_path, NULL);
  g_assert_cmpstr (ann, ==,
                   "T1\tQ__2E_A 0 10\tWho asked?\n"
                   "T3\ta__5F__b 11 14\tAna\n"
                   "T2\tQ_A 11 19\tAna did.\n"
                   "R1\tcites__2E_by Arg1:T1 Arg2:T2\t\n"
                   "R2\tcites_by Arg1:T2 Arg2:T3\t\n");
  conf = fixture_read (conf_path, NULL);
  g_assert_nonnull (strstr (conf, "\n[entities]\n\n"
                                  "# spanmark-name Q__2E_A Q.A\nQ__2E_A\n"
                                  "Q_A\n"
                                  "# spanmark-name a__5F__b a__b\na__5F__b\n"));
  g_assert_nonnull (strstr (conf, "\n# spanmark-name cites__2E_by cites.by\n"
                                  "cites__2E_by\tArg1:Q__2E_A, Arg2:Q_A\n"
                                  "cites_by\tArg1:Q_A, Arg2:a__5F__b\n"));
  /* brat shows a label's name, and a renamed relation type as it was */
  visual = fixture_read (visual_path, NULL);
  g_assert_nonnull (strstr (visual, "\nQ__2E_A | Question\nQ_A | Q_A\na__5F__b | a__b\n"
                                    "cites__2E_by | cites.by\n"));

  /* The import restores the names where annotation.conf says so */
  imported = import_brat_folder (out);
  described = fixture_describe (imported, TRUE);
  g_assert_cmpstr (described, ==,
                   "text: Who asked? Ana did.\n"
                   "relation R1 cites.by Q.A [0, 10) -> Q_A [11, 19)\n"
                   "relation R2 cites_by Q_A [11, 19) -> a__b [11, 14)\n"
                   "span T1 Q.A [0, 10) note=-\n"
                   "span T2 Q_A [11, 19) note=-\n"
                   "span T3 a__b [11, 14) note=-\n");
  g_assert_nonnull (sm_document_find_label (imported, "Q.A"));
  g_assert_nonnull (sm_document_find_label (imported, "Q_A"));
  g_assert_nonnull (sm_document_find_label (imported, "a__b"));
  g_assert_null (sm_document_find_label (imported, "Q__2E_A"));
}

/* Returns the text content of the page's first article text, unescaped */
static char *
html_text_content (const char *page)
{
  const char *start = strstr (page, "<div class=\"text\">");
  const char *end;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (start);
  start += strlen ("<div class=\"text\">");
  end = strstr (start, "</div>");
  g_assert_nonnull (end);

  for (const char *p = start; p < end; p++)
    {
      if (*p == '<')
        {
          p = strchr (p, '>');
          continue;
        }

      if (*p == '&')
        {
          const char *semicolon = strchr (p, ';');
          g_autofree char *entity = g_strndup (p + 1, semicolon - p - 1);

          if (strcmp (entity, "amp") == 0)
            g_string_append_c (out, '&');
          else if (strcmp (entity, "lt") == 0)
            g_string_append_c (out, '<');
          else if (strcmp (entity, "gt") == 0)
            g_string_append_c (out, '>');
          else if (entity[0] == '#')
            g_string_append_unichar (out, (gunichar) g_ascii_strtoull (entity + 1, NULL, 10));
          else
            g_assert_not_reached ();
          p = semicolon;
          continue;
        }

      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_html_escapes_everything (void)
{
  g_autoptr(SmDocument) document = fixture_new_document ("<script>alert(1)</script>",
                                                         "a < b && \"c\" > d\r\n<i>'e'</i>\x01!\n");
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *page = NULL;
  g_autofree char *text = NULL;
  SmSpan *claim, *speaker;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmLabel) label = sm_label_new ("QUOTE", "<b>Quote</b> & \"more\"", "#ff7800", "");

  claim = fixture_tag (document, "CLAIM", "\"c\" > d\r\n<i>", 0);
  speaker = fixture_tag (document, "SPEAKER", "a <", 0);
  fixture_said_by (document, claim, speaker);
  sm_document_set_span_note (document, claim, "<img src=x onerror=alert(1)>");
  sm_document_add_label (document, label, &error);
  g_assert_no_error (error);
  fixture_tag (document, "QUOTE", "'e'", 0);

  page = fixture_export (SM_EXPORT_FORMAT_HTML, document, NULL, warnings);

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n"));
  g_assert_true (g_str_has_suffix (page, "</html>\n"));
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "<img"));
  g_assert_null (strstr (page, "<i>"));
  g_assert_null (strstr (page, "<b>"));
  /* Self-contained: nothing is fetched */
  g_assert_null (strstr (page, " src=\""));
  g_assert_null (strstr (page, "<link"));
  g_assert_null (strstr (page, "href=\"http"));
  g_assert_nonnull (strstr (page, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
  g_assert_nonnull (strstr (page, "&lt;b&gt;Quote&lt;/b&gt; &amp; \"more\" <code>QUOTE</code><span class=\"count\">1</span>"));
  g_assert_nonnull (strstr (page, "<dd>&lt;img src=x onerror=alert(1)&gt;</dd>"));
  g_assert_nonnull (strstr (page, "title=\"T1 Claim\""));
  g_assert_nonnull (strstr (page, "<tr><td><a href=\"#d0-s1\">T1</a> “\"c\" &gt; d&#13;\n&lt;i&gt;”</td>"
                                  "<td><a href=\"#d0-s0\">T2</a> “a &lt;”</td></tr>"));

  /* The article is the text content of its element, CR and all */
  text = html_text_content (page);
  g_assert_cmpstr (text, ==, sm_text_get_utf8 (sm_document_get_text (document)));
}

/* A quotation interrupted by its attribution in every single-file format */
#define INTERRUPTED_TEXT "“We know friends,” Ana said, “and trade.”\n"

static SmDocument *
interrupted_document (void)
{
  SmDocument *document = fixture_new_document ("interrupted", INTERRUPTED_TEXT);
  SmSpan *speaker = fixture_tag (document, "SPEAKER", "Ana", 0);
  SmSpan *claim = fixture_tag_fragments (document, "CLAIM", "“We know friends,”", "“and trade.”", NULL);

  fixture_said_by (document, claim, speaker);
  return document;
}

static void
test_fragments (void)
{
  g_autoptr(SmDocument) document = interrupted_document ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autofree char *jsonl = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *conll = NULL;
  g_autofree char *page = NULL;
  g_autofree char *text = NULL;
  const char * const conll_warnings[] = {
    "interrupted: span T2 (CLAIM ““We know friends,” “and trade.””) is in 2 fragments, and CoNLL has no"
    " discontinuous spans: each fragment is tagged as a span of its own",
    NULL
  };
  const char *claim_mark;

  jsonl = fixture_export (SM_EXPORT_FORMAT_JSONL, document, NULL, warnings);
  g_assert_cmpstr (jsonl, ==,
                   "{\"id\":\"interrupted\",\"text\":\"“We know friends,” Ana said, “and trade.”\\n\","
                   "\"label\":[[0,18,\"CLAIM\"],[29,41,\"CLAIM\"],[19,22,\"SPEAKER\"]],"
                   "\"entities\":[{\"id\":1,\"label\":\"CLAIM\",\"start_offset\":0,\"end_offset\":41,"
                   "\"fragments\":[[0,18],[29,41]]},"
                   "{\"id\":2,\"label\":\"SPEAKER\",\"start_offset\":19,\"end_offset\":22}],"
                   "\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"said_by\"}]}\n");

  csv = fixture_export (SM_EXPORT_FORMAT_CSV, document, NULL, warnings);
  g_assert_cmpstr (csv, ==,
                   "document,span,label,start,end,text,note,speaker,speaker_text,fragments\r\n"
                   "interrupted,T2,CLAIM,0,41,\"“We know friends,” “and trade.”\",,T1,Ana,0 18;29 41\r\n"
                   "interrupted,T1,SPEAKER,19,22,Ana,,,,19 22\r\n");
  g_assert_cmpuint (warnings->len, ==, 0);

  /* Each fragment a span of its own: the attribution between them is O */
  conll = fixture_export (SM_EXPORT_FORMAT_CONLL, document, NULL, warnings);
  g_assert_cmpstr (conll, ==,
                   "-DOCSTART-\tO\tO\tO\n\n"
                   "“\tO\tB-CLAIM\tO\n"
                   "We\tO\tI-CLAIM\tO\n"
                   "know\tO\tI-CLAIM\tO\n"
                   "friends\tO\tI-CLAIM\tO\n"
                   ",\tO\tI-CLAIM\tO\n"
                   "”\tO\tI-CLAIM\tO\n"
                   "Ana\tB-SPEAKER\tO\tO\n"
                   "said\tO\tO\tO\n"
                   ",\tO\tO\tO\n"
                   "“\tO\tB-CLAIM\tO\n"
                   "and\tO\tI-CLAIM\tO\n"
                   "trade\tO\tI-CLAIM\tO\n"
                   ".\tO\tI-CLAIM\tO\n"
                   "”\tO\tI-CLAIM\tO\n\n");
  fixture_assert_messages (warnings, conll_warnings);

  /* Both fragments marked with the claim's id, the attribution not */
  page = fixture_export (SM_EXPORT_FORMAT_HTML, document, NULL, warnings);
  claim_mark = strstr (page, "title=\"T2 Claim\" data-start=\"CLAIM\">“We know friends,”</mark>");
  g_assert_nonnull (claim_mark);
  g_assert_nonnull (strstr (claim_mark + 1, "title=\"T2 Claim\" data-start=\"CLAIM\">“and trade.”</mark>"));
  g_assert_nonnull (strstr (page, "</mark> <span id=\"d0-s1\"></span><mark style=\"background: #"));
  g_assert_nonnull (strstr (page, "title=\"T1 Speaker\" data-start=\"SPEAKER\">Ana</mark> said, <mark"));
  text = html_text_content (page);
  g_assert_cmpstr (text, ==, INTERRUPTED_TEXT);
}

static void
save_corpus (Fixture *fixture,
             guint    n_documents)
{
  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%03u", i);
      g_autofree char *text = g_strdup_printf ("Speaker %u said \xE2\x80\x9Csales grew %u%%\xE2\x80\x9D in %s.\r\n"
                                               "Caf\xC3\xA9 \xF0\x9F\x91\x8D line %u.\n",
                                               i, i * 7, i % 2 ? "Z\xC3\xBCrich" : "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF", i);
      g_autofree char *file_name = g_strconcat (name, ".json", NULL);
      g_autofree char *path = fixture_path (fixture, file_name);
      g_autoptr(SmDocument) document = fixture_new_document (name, text);
      SmSpan *speaker = fixture_tag (document, "SPEAKER", "Speaker", 0);
      SmSpan *claim = fixture_tag (document, "CLAIM", "sales grew", 0);

      fixture_said_by (document, claim, speaker);
      if (i % 3 == 0)
        fixture_tag (document, "FIGURE", "%", 0);
      sm_document_set_status (document, i % 3);
      fixture_save (document, path);
    }
}

/* The fixture's folder as a corpus read on @n_threads */
static SmCorpus *
folder_corpus (Fixture *fixture,
               guint    n_threads)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  SmCorpus *corpus = sm_corpus_new ();
  g_autoptr(GError) error = NULL;

  sm_corpus_set_n_threads (corpus, n_threads);
  g_assert_true (sm_corpus_add_file (corpus, folder, "corpus", NULL, &error));
  g_assert_no_error (error);

  return corpus;
}

/* What @corpus exports as, with its messages in @errors; returns how many
 * documents it exported in @n_exported */
static char *
export_corpus (SmCorpus       *corpus,
               SmExportFormat  format,
               GPtrArray      *errors,
               guint          *n_exported)
{
  g_autoptr(SmExporter) exporter = sm_exporter_new (format);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_exporter_export_to_stream (exporter, corpus, out, warnings, errors, NULL, &error));
  g_assert_no_error (error);
  *n_exported = sm_exporter_get_n_exported (exporter);

  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_folder (Fixture        *fixture,
               SmExportFormat  format,
               guint           n_threads)
{
  g_autoptr(SmCorpus) corpus = folder_corpus (fixture, n_threads);
  g_autoptr(GPtrArray) errors = fixture_strings ();
  guint n_exported;
  char *exported;

  exported = export_corpus (corpus, format, errors, &n_exported);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (n_exported, ==, sm_corpus_get_n_inputs (corpus));

  return exported;
}

/* Documents are read on several threads and written in input order: the
 * same bytes whatever the number of threads */
static void
test_parallel_export_keeps_order (Fixture       *fixture,
                                  gconstpointer  data)
{
  const SmExportFormat formats[] = {
    SM_EXPORT_FORMAT_JSONL, SM_EXPORT_FORMAT_CSV, SM_EXPORT_FORMAT_CONLL, SM_EXPORT_FORMAT_HTML,
  };

  save_corpus (fixture, 300);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *one = export_folder (fixture, formats[i], 1);
      g_autofree char *four = export_folder (fixture, formats[i], 4);

      g_assert_cmpstr (four, ==, one);
    }

  {
    g_autofree char *jsonl = export_folder (fixture, SM_EXPORT_FORMAT_JSONL, 3);
    g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 301);
    for (guint i = 0; i < 300; i++)
      {
        g_autofree char *prefix = g_strdup_printf ("{\"id\":\"doc-%03u\",", i);

        g_assert_true (g_str_has_prefix (lines[i], prefix));
      }
  }
}

typedef struct
{
  gint     *freed;         /* for each input, whether its document was freed */
  GString  *seen;
  guint     stop_at;
} Mapping;

static void
note_freed (gpointer  data,
            GObject  *where_the_object_was)
{
  g_atomic_int_set ((gint *) data, TRUE);
}

static gpointer
name_document (SmCorpus   *corpus,
               guint       position,
               SmDocument *document,
               gpointer    user_data)
{
  Mapping *mapping = user_data;

  g_object_weak_ref (G_OBJECT (document), note_freed, &mapping->freed[position]);

  return g_strdup (sm_document_get_name (document));
}

static gboolean
collect_name (SmCorpus     *corpus,
              guint         position,
              gpointer      result,
              const GError *error,
              gpointer      user_data)
{
  Mapping *mapping = user_data;

  g_assert_no_error (error);
  /* The reading thread freed the document before handing on the result */
  g_assert_true (g_atomic_int_get (&mapping->freed[position]));
  g_string_append_printf (mapping->seen, "%s%s", mapping->seen->len ? " " : "", (const char *) result);

  return position + 1 != mapping->stop_at;
}

/* sm_corpus_map() works on each document in the thread that read it, which
 * frees it, and hands the results over in input order, whatever the
 * number of threads; a result function that says stop stops the run */
static void
test_map_keeps_order (Fixture       *fixture,
                      gconstpointer  data)
{
  const guint n_threads[] = { 1, 2, 3, 5 };
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GString) expected = g_string_new (NULL);

  save_corpus (fixture, 37);
  for (guint i = 0; i < 37; i++)
    g_string_append_printf (expected, "%sdoc-%03u", i ? " " : "", i);

  for (guint i = 0; i < G_N_ELEMENTS (n_threads); i++)
    {
      for (guint stop_at = 0; stop_at <= 20; stop_at += 20)
        {
          g_autoptr(SmCorpus) corpus = sm_corpus_new ();
          g_autoptr(GString) seen = g_string_new (NULL);
          g_autofree gint *freed = g_new0 (gint, 37);
          Mapping mapping = { freed, seen, stop_at };
          g_autoptr(GError) error = NULL;
          gboolean ok;

          sm_corpus_set_n_threads (corpus, n_threads[i]);
          g_assert_true (sm_corpus_add_file (corpus, folder, "corpus", NULL, &error));
          ok = sm_corpus_map (corpus, name_document, collect_name, g_free, &mapping, NULL, &error);

          if (stop_at == 0)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpstr (seen->str, ==, expected->str);
            }
          else
            {
              g_autofree char *first = g_strndup (expected->str, strlen ("doc-000 ") * stop_at - 1);

              g_assert_false (ok);
              g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
              g_assert_cmpstr (seen->str, ==, first);
            }

          /* Inputs read ahead of a stop are freed too */
          g_clear_object (&corpus);
          for (guint j = 0; j < 37; j++)
            g_assert_true (stop_at > 0 || freed[j]);
        }
    }
}

/* A process allowed one processor (taskset -c 0, a container) reads its
 * documents in one thread: more would only take turns on it */
static void
test_threads_fit_the_processors_allowed (void)
{
#ifdef HAVE_SCHED_GETAFFINITY
  g_autoptr(SmCorpus) corpus = NULL;
  cpu_set_t allowed, one;
  guint first = 0;

  g_assert_cmpint (sched_getaffinity (0, sizeof allowed, &allowed), ==, 0);
  if (CPU_COUNT (&allowed) < 2)
    {
      g_test_skip ("this process may use one processor only");
      return;
    }

  while (!CPU_ISSET (first, &allowed))
    first++;
  CPU_ZERO (&one);
  CPU_SET (first, &one);
  g_assert_cmpint (sched_setaffinity (0, sizeof one, &one), ==, 0);
  corpus = sm_corpus_new ();
  g_assert_cmpint (sched_setaffinity (0, sizeof allowed, &allowed), ==, 0);

  g_assert_cmpuint (sm_corpus_get_n_threads (corpus), ==, 1);
#else
  g_test_skip ("no sched_getaffinity() here");
#endif
}

/* What a folder search finds: ".json" files in byte order of their paths,
 * in subfolders too; a link to a file as the file; not a link to a
 * folder, a broken link, a hidden file or folder, or another ending */
static void
test_folder_search_finds_the_documents (void)
{
  g_autofree char *dir = temp_folder_new ("search");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  const char * const files[] = {
    "b.json", "A.JSON", "a.json", "notes.txt", ".hidden.json",
    "sub/c.json", "sub/deeper/d.json", ".git/e.json", "z/x.json",
  };
  const char * const links[][2] = {
    { "a.json", "link.json" }, { "sub", "linked-folder" }, { "nowhere.json", "broken.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *path = g_build_filename (dir, links[i][1], NULL);
      g_autoptr(GFile) link = g_file_new_for_path (path);

      g_assert_true (g_file_make_symbolic_link (link, links[i][0], NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_true (sm_corpus_add_file (corpus, folder, "corpus", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < sm_corpus_get_n_inputs (corpus); i++)
    g_ptr_array_add (names, g_strdup (sm_corpus_get_display_name (corpus, i)));
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);

  g_assert_cmpstr (joined, ==,
                   "corpus/A.JSON corpus/a.json corpus/b.json corpus/link.json"
                   " corpus/sub/c.json corpus/sub/deeper/d.json corpus/z/x.json");

  /* The file of each, made only when asked for, is the one in the folder */
  for (guint i = 0; i < sm_corpus_get_n_inputs (corpus); i++)
    {
      const char *display_name = sm_corpus_get_display_name (corpus, i);
      g_autoptr(GFile) expected = g_file_resolve_relative_path (folder, display_name + strlen ("corpus/"));
      GFile *file = sm_corpus_get_file (corpus, i);

      g_assert_true (g_file_equal (file, expected));
      g_assert_true (sm_corpus_get_file (corpus, i) == file);
    }

  temp_folder_remove (dir);
}

static void
test_status_and_label_filters (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_JSONL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  const char * const labels[] = { "FIGURE", "FIGUER", NULL };
  const char * const expected[] = { "no document exported has the label FIGUER", NULL };
  char *data_out;

  save_corpus (fixture, 6);
  g_assert_true (sm_corpus_add_file (corpus, folder, "corpus", NULL, &error));

  sm_exporter_set_statuses (exporter, SM_EXPORT_STATUS (SM_DOCUMENT_STATUS_NEW));
  sm_exporter_set_labels (exporter, labels);
  g_assert_true (sm_exporter_export_to_stream (exporter, corpus, out, warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_exporter_get_n_exported (exporter), ==, 2);
  fixture_assert_messages (warnings, expected);

  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  data_out = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));

  /* doc-000 and doc-003 are new; only their FIGURE spans, no relations */
  g_assert_true (g_str_has_prefix (data_out, "{\"id\":\"doc-000\","));
  g_assert_nonnull (strstr (data_out, "\n{\"id\":\"doc-003\","));
  g_assert_nonnull (strstr (data_out, "\"label\":[[28,29,\"FIGURE\"]],\"entities\":[{\"id\":1,\"label\":\"FIGURE\","
                                      "\"start_offset\":28,\"end_offset\":29}],\"relations\":[]}\n"));
  g_assert_null (strstr (data_out, "SPEAKER"));
  g_assert_null (strstr (data_out, "said_by"));
}

static void
test_unreadable_inputs_are_left_out (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *good = fixture_path (fixture, "a-good.json");
  g_autofree char *bad = fixture_path (fixture, "b-bad.json");
  g_autofree char *missing = fixture_path (fixture, "c-missing.json");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) empty_folder = NULL;
  g_autofree char *empty = fixture_path (fixture, "empty");
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = sm_exporter_new (SM_EXPORT_FORMAT_CSV);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = fixture_small_document ();
  const char * const expected[] = {
    "data/b-bad.json: span T1: end 99 is past the end of the text (2 characters)",
    NULL
  };

  fixture_save (document, good);
  fixture_write (bad,
                 "{\"format\": \"spanmark\", \"version\": 1, \"document\": {\"name\": \"b\", \"text\": \"ab\"},"
                 " \"labels\": [{\"id\": \"X\"}], \"spans\": [{\"id\": \"T1\", \"label\": \"X\", \"start\": 0, \"end\": 99}]}",
                 -1);

  g_assert_false (sm_corpus_add_file (corpus, missing_file, "c-missing.json", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "c-missing.json: could not open: the file does not exist");
  g_clear_error (&error);

  g_mkdir (empty, 0755);
  empty_folder = g_file_new_for_path (empty);
  g_assert_false (sm_corpus_add_file (corpus, empty_folder, "empty/", NULL, &error));
  g_assert_cmpstr (error->message, ==, "empty/: there is no Spanmark file (.json) in this folder");
  g_clear_error (&error);

  g_assert_true (sm_corpus_add_file (corpus, folder, "data", NULL, &error));
  g_assert_cmpuint (sm_corpus_get_n_inputs (corpus), ==, 2);
  g_assert_true (sm_exporter_export_to_stream (exporter, corpus, out, warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_exporter_get_n_exported (exporter), ==, 1);
  g_assert_cmpuint (warnings->len, ==, 0);

  /* The message names the file as the folder's display name leads to it */
  fixture_assert_messages (errors, expected);
}

/* Files in several folders, some changed after they were found: each is
 * read as it is when the export comes to it (grown, shrunk, gone, made a
 * folder), with the same messages on any number of threads */
static void
save_named (Fixture    *fixture,
            const char *relative,
            const char *name,
            guint       n_lines)
{
  g_autofree char *path = fixture_path (fixture, relative);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SmDocument) document = NULL;

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "Line %u of %s: Speaker said \xE2\x80\x9Csales grew\xE2\x80\x9D.\n", i, name);
  document = fixture_new_document (name, text->str);
  fixture_tag (document, "SPEAKER", "Speaker", 0);
  g_mkdir_with_parents (folder, 0755);
  fixture_save (document, path);
}

static void
test_files_changed_after_found (Fixture       *fixture,
                                gconstpointer  data)
{
  const guint n_threads[] = { 1, 2, 3 };
  const char * const expected_errors[] = {
    "corpus/a/b/3.json: could not open: the file does not exist",
    "corpus/a/b/4.json: could not open: it is a folder, not a file",
    NULL
  };
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (n_threads); i++)
    {
      g_autoptr(SmCorpus) corpus = NULL;
      g_autoptr(GPtrArray) errors = fixture_strings ();
      guint n_exported;
      g_autofree char *gone = fixture_path (fixture, "a/b/3.json");
      g_autofree char *made_folder = fixture_path (fixture, "a/b/4.json");
      g_autofree char *jsonl = NULL;
      g_auto(GStrv) lines = NULL;

      save_named (fixture, "a/1.json", "one", 2);
      save_named (fixture, "a/b/2.json", "two", 300);
      save_named (fixture, "a/b/3.json", "three", 1);
      save_named (fixture, "a/b/4.json", "four", 1);
      save_named (fixture, "c/5.json", "five", 1);
      save_named (fixture, "c/6.json", "six", 3);
      save_named (fixture, "c/d/7.json", "seven", 1);

      corpus = folder_corpus (fixture, n_threads[i]);
      g_assert_cmpuint (sm_corpus_get_n_inputs (corpus), ==, 7);

      /* After the search: one gone, one a folder, one much longer, one shorter */
      g_assert_cmpint (g_remove (gone), ==, 0);
      g_assert_cmpint (g_remove (made_folder), ==, 0);
      g_assert_cmpint (g_mkdir (made_folder, 0755), ==, 0);
      save_named (fixture, "c/5.json", "five", 2000);
      save_named (fixture, "c/6.json", "six", 1);

      jsonl = export_corpus (corpus, SM_EXPORT_FORMAT_JSONL, errors, &n_exported);
      fixture_assert_messages (errors, expected_errors);
      g_assert_cmpuint (n_exported, ==, 5);

      lines = g_strsplit (jsonl, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 6);
      g_assert_true (g_str_has_prefix (lines[0], "{\"id\":\"one\","));
      g_assert_true (g_str_has_prefix (lines[1], "{\"id\":\"two\","));
      g_assert_true (g_str_has_prefix (lines[2], "{\"id\":\"five\","));
      g_assert_nonnull (strstr (lines[2], "Line 1999 of five"));
      g_assert_true (g_str_has_prefix (lines[3], "{\"id\":\"six\","));
      g_assert_null (strstr (lines[3], "Line 1 of six"));
      g_assert_true (g_str_has_prefix (lines[4], "{\"id\":\"seven\","));

      if (expected == NULL)
        expected = g_steal_pointer (&jsonl);
      else
        g_assert_cmpstr (jsonl, ==, expected);

      g_assert_cmpint (g_rmdir (made_folder), ==, 0);
    }
}

static void
test_destinations (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) jsonl = sm_exporter_new (SM_EXPORT_FORMAT_JSONL);
  g_autoptr(SmExporter) brat = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(SmExporter) html = sm_exporter_new (SM_EXPORT_FORMAT_HTML);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = fixture_path (fixture, "out.jsonl");
  g_autofree char *folder_path = fixture_path (fixture, "pages");
  g_autofree char *page_path = g_build_filename (folder_path, "small.html", NULL);
  g_autofree char *brat_path = fixture_path (fixture, "brat");
  g_autofree char *ann_path = g_build_filename (brat_path, "small.ann", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) brat_folder = g_file_new_for_path (brat_path);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autofree char *contents = NULL;

  sm_corpus_add_document (corpus, document, NULL);

  /* An existing file is left as it is without OVERWRITE, and replaced with it */
  fixture_write (out_path, "precious", -1);
  g_assert_false (sm_exporter_export_to_file (jsonl, corpus, out, SM_EXPORT_FLAGS_NONE,
                                              warnings, errors, NULL, &error));
  g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "out.jsonl already exists; it was not replaced");
  g_clear_error (&error);
  contents = fixture_read (out_path, NULL);
  g_assert_cmpstr (contents, ==, "precious");
  g_clear_pointer (&contents, g_free);

  g_assert_true (sm_exporter_export_to_file (jsonl, corpus, out, SM_EXPORT_FLAGS_OVERWRITE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  contents = fixture_read (out_path, NULL);
  g_assert_true (g_str_has_prefix (contents, "{\"id\":\"small\""));
  g_clear_pointer (&contents, g_free);

  /* One file formats refuse a folder; brat refuses a stream and a file */
  g_mkdir (folder_path, 0755);
  g_assert_false (sm_exporter_export_to_file (jsonl, corpus, folder, SM_EXPORT_FLAGS_OVERWRITE,
                                              warnings, errors, NULL, &error));
  g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION);
  g_assert_cmpstr (error->message, ==, "pages is a folder; jsonl writes one file: give the name of a file to write");
  g_clear_error (&error);

  g_assert_false (sm_exporter_export_to_stream (brat, corpus, stream, warnings, errors, NULL, &error));
  g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION);
  g_clear_error (&error);

  g_assert_false (sm_exporter_export_to_file (brat, corpus, out, SM_EXPORT_FLAGS_OVERWRITE,
                                              warnings, errors, NULL, &error));
  g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION);
  g_assert_cmpstr (error->message, ==, "out.jsonl is a file; brat writes a .txt and an .ann file for each"
                                       " document: choose a folder to write them in");
  g_clear_error (&error);

  /* HTML into an existing folder: a page per document */
  g_assert_true (sm_exporter_export_to_file (html, corpus, folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  contents = fixture_read (page_path, NULL);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "<title>small</title>"));
  g_clear_pointer (&contents, g_free);

  /* brat makes its folder, and leaves a file that exists as it is */
  g_assert_true (sm_exporter_export_to_file (brat, corpus, brat_folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  fixture_write (ann_path, "mine", -1);
  g_assert_false (sm_exporter_export_to_file (brat, corpus, brat_folder, SM_EXPORT_FLAGS_NONE,
                                              warnings, errors, NULL, &error));
  g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "brat/annotation.conf already exists; it was not replaced");
  g_clear_error (&error);
  contents = fixture_read (ann_path, NULL);
  g_assert_cmpstr (contents, ==, "mine");
  g_clear_pointer (&contents, g_free);

  /* Another export's folder: nothing is written when its configuration is there */
  {
    g_autofree char *conf_path = g_build_filename (brat_path, "annotation.conf", NULL);
    g_autofree char *visual_path = g_build_filename (brat_path, "visual.conf", NULL);
    g_autofree char *txt_path = g_build_filename (brat_path, "small.txt", NULL);

    g_unlink (ann_path);
    g_unlink (txt_path);
    g_assert_false (sm_exporter_export_to_file (brat, corpus, brat_folder, SM_EXPORT_FLAGS_NONE,
                                                warnings, errors, NULL, &error));
    g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_false (g_file_test (ann_path, G_FILE_TEST_EXISTS));

    /* and a document file that exists is found when the configuration is not */
    g_unlink (conf_path);
    g_unlink (visual_path);
    fixture_write (ann_path, "mine", -1);
    g_assert_false (sm_exporter_export_to_file (brat, corpus, brat_folder, SM_EXPORT_FLAGS_NONE,
                                                warnings, errors, NULL, &error));
    g_assert_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS);
    g_assert_cmpstr (error->message, ==, "brat/small.ann already exists; it was not replaced");
    g_clear_error (&error);
    contents = fixture_read (ann_path, NULL);
    g_assert_cmpstr (contents, ==, "mine");
  }

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_name_clash_in_a_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SmDocument) first = fixture_small_document ();
  g_autoptr(SmDocument) second = fixture_small_document ();
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) brat = sm_exporter_new (SM_EXPORT_FORMAT_BRAT);
  g_autoptr(GPtrArray) warnings = fixture_strings ();
  g_autoptr(GPtrArray) errors = fixture_strings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *brat_path = fixture_path (fixture, "brat");
  g_autoptr(GFile) brat_folder = g_file_new_for_path (brat_path);
  const char * const expected[] = {
    "b/small.json: the document is named “small” like a/small.json, and both would be written to"
    " the same files; it was not exported",
    NULL
  };

  sm_corpus_add_document (corpus, first, "a/small.json");
  sm_corpus_add_document (corpus, second, "b/small.json");
  g_assert_true (sm_exporter_export_to_file (brat, corpus, brat_folder, SM_EXPORT_FLAGS_NONE,
                                             warnings, errors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_exporter_get_n_exported (brat), ==, 1);
  fixture_assert_messages (errors, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/jsonl", test_jsonl);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/conll", test_conll);
  g_test_add_func ("/export/conll/warnings", test_conll_warnings);
  g_test_add ("/export/brat", Fixture, NULL, fixture_set_up, test_brat, fixture_tear_down);
  g_test_add ("/export/brat/line-breaks-and-ids", Fixture, NULL,
              fixture_set_up, test_brat_line_breaks_and_ids, fixture_tear_down);
  g_test_add ("/export/brat/python-line-breaks", Fixture, NULL,
              fixture_set_up, test_brat_python_line_breaks, fixture_tear_down);
  g_test_add ("/export/brat/names", Fixture, NULL, fixture_set_up, test_brat_names, fixture_tear_down);
  g_test_add_func ("/export/html/escapes-everything", test_html_escapes_everything);
  g_test_add_func ("/export/fragments", test_fragments);
  g_test_add ("/export/parallel-keeps-order", Fixture, NULL,
              fixture_set_up, test_parallel_export_keeps_order, fixture_tear_down);
  g_test_add ("/export/map-keeps-order", Fixture, NULL,
              fixture_set_up, test_map_keeps_order, fixture_tear_down);
  g_test_add_func ("/export/threads-fit-the-processors-allowed",
                   test_threads_fit_the_processors_allowed);
  g_test_add_func ("/export/folder-search-finds-the-documents",
                   test_folder_search_finds_the_documents);
  g_test_add ("/export/status-and-label-filters", Fixture, NULL,
              fixture_set_up, test_status_and_label_filters, fixture_tear_down);
  g_test_add ("/export/unreadable-inputs-are-left-out", Fixture, NULL,
              fixture_set_up, test_unreadable_inputs_are_left_out, fixture_tear_down);
  g_test_add ("/export/files-changed-after-found", Fixture, NULL,
              fixture_set_up, test_files_changed_after_found, fixture_tear_down);
  g_test_add ("/export/destinations", Fixture, NULL,
              fixture_set_up, test_destinations, fixture_tear_down);
  g_test_add ("/export/name-clash-in-a-folder", Fixture, NULL,
              fixture_set_up, test_name_clash_in_a_folder, fixture_tear_down);

  return g_test_run ();
}
