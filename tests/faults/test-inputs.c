/* test-inputs.c: files nobody should hand Spanmark, opened from disk.
 *
 * Each bad input gets the exact message the user reads, and opening a file,
 * good or bad, never changes anything in its folder.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sm-document.h"
#include "sm-format.h"
#include "temp-folder.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = temp_folder_new ("faults");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (length < 0)
    length = strlen (contents);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every file under @path with its size, modification time and checksum,
 * so that any change on disk shows */
static char *
snapshot (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (child);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inside = snapshot (child);

          g_ptr_array_add (lines, g_strdup_printf ("%s/\n%s", name, inside));
          continue;
        }

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      g_assert_nonnull (info);
      g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %lu %" G_GUINT64_FORMAT ".%09u %s", name, (gulong) length,
                                               g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                                               g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
                                               checksum));
    }

  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static SmDocument *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sm_document_new_from_file (file, NULL, error);
}

/* Opens @path, which must fail with exactly @message, changing nothing in its folder */
static void
assert_refused (const char *path,
                const char *message)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *before = snapshot (folder);
  g_autofree char *after = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = open_path (path, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);

  after = snapshot (folder);
  g_assert_cmpstr (after, ==, before);
}

/* Each file of the fuzz corpora and regressions, opened as a user would */

typedef struct
{
  const char *name;
  const char *message;  /* NULL: it opens */
} Expected;

#define NOT_UTF8 ": not valid UTF-8: byte 0x%02X at byte offset %u cannot start or continue a character." \
  " The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it to UTF-8" \
  " first, for example with: iconv -f WINDOWS-1252 -t UTF-8"

static const Expected expected_corpus[] = {
  { "bad-duplicate-ids.json", "bad-duplicate-ids.json: span T1: the id T1 is used by another span" },
  { "bad-not-object.json", "bad-not-object.json: this is not a Spanmark file: it is JSON, but not an object" },
  { "bad-offsets.json", "bad-offsets.json: span T1: “end” is out of range: it must be a whole number from 0 up to the text’s length" },
  { "bad-offset-past-64-bits.json", "bad-offset-past-64-bits.json:6:65: “end”: the number 18446744073709551616 is too large to keep;"
    " the largest whole number is 9223372036854775807" },
  { "bad-relation-target.json", "bad-relation-target.json: relation R1: “to” refers to span T7, which does not exist" },
  { "bad-sha256.json", "bad-sha256.json: document: the text’s SHA-256 is c5678d71b430d0fafdfc721f3f069066b75f6068de8b833a693bfc0d41e9b5f4,"
    " not b5796343ddd905241e742cbd670f6c46f36d06dec049ae544efd902687d76b7d as recorded: the text was changed after the file was written" },
  { "bad-span-text.json", "bad-span-text.json: span T1: “text” is “Rais” but the document has “Raisi” at [0, 5)" },
  { "bad-syntax.json", "bad-syntax.json:1:36: unexpected character `,', expected string constant" },
  { "bad-version-3.json", "bad-version-3.json: the file was written by a newer Spanmark (format version 3);"
    " this version reads format version 2. Update Spanmark to open it." },
  { "edge-fragments.json", NULL },
  { "edge-bom-only.txt", "edge-bom-only.txt: the file is empty: there is no text to annotate" },
  { "edge-empty.txt", "edge-empty.txt: the file is empty: there is no text to annotate" },
  { "edge-nul.txt", "edge-nul.txt:1:16: this is not a text file: it contains a NUL byte at byte offset 15 (a binary file, or text in UTF-16)" },
  { "edge-utf16be.txt", "edge-utf16be.txt: this is not a text file: it contains a NUL byte at byte offset 2 (a binary file, or text in UTF-16)" },
  { "edge-utf16le.txt", "edge-utf16le.txt: this is not a text file: it contains a NUL byte at byte offset 3 (a binary file, or text in UTF-16)" },
  { "parser-message-cut-in-a-character.json",
    "parser-message-cut-in-a-character.json:1:34: invalid string constant \"mallksandra Kovalenko sid: \xEF\xBF\xBD\xEF\xBF\xBD\", expected valid string constant" },
};

static const struct {
  const char *name;
  guint       line, column, byte, offset;
} not_utf8_corpus[] = {
  { "edge-latin1.txt", 2, 6, 0xE9, 11 },
  { "edge-overlong.txt", 1, 16, 0xC0, 15 },
  { "edge-surrogate.txt", 1, 16, 0xED, 15 },
  { "edge-too-large-codepoint.txt", 1, 18, 0xF4, 17 },
  { "edge-truncated.txt", 1, 25, 0xC3, 24 },
};

static char *
expected_message (const char *name,
                  gboolean   *known)
{
  *known = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (expected_corpus); i++)
    {
      if (strcmp (expected_corpus[i].name, name) == 0)
        return g_strdup (expected_corpus[i].message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_utf8_corpus); i++)
    {
      if (strcmp (not_utf8_corpus[i].name, name) == 0)
        return g_strdup_printf ("%s:%u:%u" NOT_UTF8, name, not_utf8_corpus[i].line,
                                not_utf8_corpus[i].column, not_utf8_corpus[i].byte,
                                not_utf8_corpus[i].offset);
    }

  *known = FALSE;
  return NULL;
}

static void
open_corpus_folder (const char *tmp,
                    const char *kind,
                    const char *target,
                    guint      *n_files)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fuzz", kind, target, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  /* The loader goes by the name: Spanmark files are .json, anything else an article */
  const char *suffix = strcmp (target, "format") == 0 ? ".json" : ".txt";
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *source = g_build_filename (folder, name, NULL);
      g_autofree char *file_name = g_str_has_suffix (name, suffix) ? g_strdup (name)
                                                                   : g_strconcat (name, suffix, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *path = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *message = NULL;
      g_autoptr(SmDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gboolean known;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      path = write_file (tmp, file_name, contents, length);
      before = snapshot (tmp);

      document = open_path (path, &error);
      message = expected_message (file_name, &known);

      if (known && message == NULL)
        g_assert_no_error (error);
      else if (known)
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, message);
        }
      else if (error != NULL)
        {
          /* A file added to the corpora since: what any message must be */
          g_assert_true (g_str_has_prefix (error->message, file_name));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_null (strchr (error->message, '\n'));
        }

      g_assert_true ((document == NULL) == (error != NULL));
      after = snapshot (tmp);
      g_assert_cmpstr (after, ==, before);
      g_unlink (path);
      (*n_files)++;
    }
}

static void
test_fuzz_corpora (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n_files = 0;

  open_corpus_folder (fixture->dir, "corpus", "format", &n_files);
  open_corpus_folder (fixture->dir, "corpus", "article", &n_files);
  open_corpus_folder (fixture->dir, "regressions", "format", &n_files);
  open_corpus_folder (fixture->dir, "regressions", "article", &n_files);

  /* The corpora are there: this test cannot pass on nothing */
  g_assert_cmpuint (n_files, >=, 50);
}

static void
test_empty_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *json = write_file (fixture->dir, "empty.json", "", 0);
  g_autofree char *upper = write_file (fixture->dir, "EMPTY.JSON", "", 0);
  g_autofree char *no_suffix = write_file (fixture->dir, "README", "", 0);
  g_autofree char *blank = write_file (fixture->dir, "blank.json", " \r\n\t\n", -1);

  /* (an empty .txt is in test-document-io) */
  assert_refused (json, "empty.json: the file is empty: there is no text to annotate");
  assert_refused (upper, "EMPTY.JSON: the file is empty: there is no text to annotate");
  assert_refused (no_suffix, "README: the file is empty: there is no text to annotate");
  assert_refused (blank, "blank.json: there is no JSON value in the file");
}

/* A paragraph with something of everything, 180 bytes */
#define PARAGRAPH "Raisi said: “Trade will reach $100 million” 🇮🇷; Lukašenka agreed. " \
                  "تحریم‌ها اثری ندارند. Cafe\xCC\x81 owners 👍🏽 disagree.\r\n"

static GString *
repeat_paragraph (gsize n_bytes)
{
  GString *text = g_string_sized_new (n_bytes + sizeof PARAGRAPH);

  while (text->len < n_bytes)
    g_string_append (text, PARAGRAPH);

  return text;
}

/* A 50 MB article opens, is annotated at its far end, saves and reopens */
static void
test_fifty_megabytes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) text = repeat_paragraph (50 * 1000 * 1000);
  g_autofree char *path = write_file (fixture->dir, "big.txt", text->str, text->len);
  g_autofree char *json = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *before = snapshot (fixture->dir);
  g_autofree char *after = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  guint length = g_utf8_strlen (text->str, text->len);
  guint last_paragraph = length - g_utf8_strlen (PARAGRAPH, -1);
  SmSpan *span;

  document = open_path (path, &error);
  g_assert_no_error (error);
  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpuint (sm_document_get_length (document), ==, length);
  g_assert_cmpuint (sm_text_get_n_bytes (sm_document_get_text (document)), ==, text->len);

  /* The last "Raisi" of the text */
  span = sm_document_add_span (document, "SPEAKER", last_paragraph, last_paragraph + 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_span_get_text (span), ==, "Raisi");

  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);
  reopened = open_path (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_length (reopened), ==, length);
  g_assert_cmpstr (sm_span_get_text (sm_document_find_span (reopened, "T1")), ==, "Raisi");
}

/* One line of a megabyte: positions in messages count characters on it */
static void
test_one_megabyte_line (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) broken = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *message = NULL;
  guint length;

  while (line->len < 1000 * 1000)
    g_string_append (line, "Minsk und Tehran: “Handel” wächst 🇧🇾🇮🇷 — ");
  length = g_utf8_strlen (line->str, line->len);

  path = write_file (fixture->dir, "line.txt", line->str, line->len);
  document = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_length (document), ==, length);

  /* A Latin-1 byte at its very end */
  broken = g_string_new_len (line->str, line->len);
  g_string_append_c (broken, '\xFC');
  broken_path = write_file (fixture->dir, "broken line.txt", broken->str, broken->len);
  message = g_strdup_printf ("broken line.txt:1:%u" NOT_UTF8, length + 1, 0xFC, (guint) line->len);
  assert_refused (broken_path, message);

  /* The same line as a document's text, with a span at its end whose
   * recorded text disagrees */
  json = g_string_new ("{\"format\": \"spanmark\", \"version\": 1, \"document\": {\"name\": \"line\", \"text\": \"");
  g_string_append (json, line->str);
  g_string_append_printf (json, "\"}, \"labels\": [{\"id\": \"CLAIM\"}], \"spans\": "
                          "[{\"id\": \"T1\", \"label\": \"CLAIM\", \"start\": %u, \"end\": %u, \"text\": \"🇧🇾🇮🇷\"}]}",
                          length - 6, length - 2);
  json_path = write_file (fixture->dir, "line.json", json->str, json->len);
  g_free (message);
  message = g_strdup_printf ("line.json: span T1: “text” is “🇧🇾🇮🇷” but the document has “🇾🇮🇷 ” at [%u, %u)",
                             length - 6, length - 2);
  assert_refused (json_path, message);
}

#define VALID_FILE \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"x\", \"text\": \"Raisi said trade grew.\", \"length\": 22," \
  " \"sha256\": \"b41e54cac3faac2e3c5730ad4fcd331dcc2c583ea954cace78307553c5aebad5\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\", \"name\": \"Speaker\", \"color\": \"#3584e4\", \"key\": \"1\"}," \
  " {\"id\": \"CLAIM\", \"name\": \"Claim\", \"color\": \"#e5a50a\", \"key\": \"2\"}],\n" \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"SPEAKER\", \"start\": 0, \"end\": 5, \"text\": \"Raisi\"}," \
  " {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21, \"text\": \"trade grew\"}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}],\n" \
  " \"meta\": {\"created\": \"2026-11-01T10:00:00Z\", \"modified\": \"2026-11-01T10:00:00Z\"," \
  " \"next_span\": 3, \"next_relation\": 2}}\n"

typedef struct
{
  const char *find;      /* in VALID_FILE */
  const char *replace;   /* with this */
  const char *message;   /* after "x.json" */
} Edit;

static void
assert_edits_refused (Fixture    *fixture,
                      const Edit *edits,
                      guint       n_edits)
{
  for (guint i = 0; i < n_edits; i++)
    {
      const char *found = strstr (VALID_FILE, edits[i].find);
      g_autoptr(GString) contents = NULL;
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;

      g_test_message ("%s -> %s", edits[i].find, edits[i].replace);
      g_assert_nonnull (found);
      contents = g_string_new_len (VALID_FILE, found - VALID_FILE);
      g_string_append (contents, edits[i].replace);
      g_string_append (contents, found + strlen (edits[i].find));

      path = write_file (fixture->dir, "x.json", contents->str, contents->len);
      message = g_strconcat ("x.json", edits[i].message, NULL);
      assert_refused (path, message);
      g_unlink (path);
    }
}

static void
test_valid_file_opens (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "x.json", VALID_FILE, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = open_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
}

#define OUT_OF_RANGE "is out of range: it must be a whole number from 0 up to the text’s length"

/* Offsets past 32 bits, past 64 bits (refused where they are: json-glib
 * 1.6 wraps them around), negative, and written as fractions; the cases in
 * test-format.c are not repeated */
static void
test_offsets_out_of_range (Fixture       *fixture,
                           gconstpointer  data)
{
  static const Edit edits[] = {
    { "\"end\": 5,", "\"end\": 4294967295,", ": span T1: “end” " OUT_OF_RANGE },
    { "\"end\": 5,", "\"end\": 4294967296,", ": span T1: “end” " OUT_OF_RANGE },
    { "\"end\": 5,", "\"end\": 18446744073709551615,",
      ":4:64: “end”: the number 18446744073709551615 is too large to keep; the largest whole number is 9223372036854775807" },
    { "\"end\": 5,", "\"end\": 18446744073709551616,",
      ":4:64: “end”: the number 18446744073709551616 is too large to keep; the largest whole number is 9223372036854775807" },
    { "\"end\": 5,", "\"end\": 4294967294,", ": span T1: end 4294967294 is past the end of the text (22 characters)" },
    { "\"start\": 0,", "\"start\": -1,", ": span T1: “start” " OUT_OF_RANGE },
    { "\"start\": 0,", "\"start\": -9223372036854775808,", ": span T1: “start” " OUT_OF_RANGE },
    { "\"end\": 5,", "\"end\": 1e400,", ": span T1: “end” must be a whole number, written without a decimal point or an exponent" },
    { "\"end\": 5,", "\"end\": 5.0,", ": span T1: “end” must be a whole number, written without a decimal point or an exponent" },
    { "\"end\": 5,", "\"end\": 5e0,", ": span T1: “end” must be a whole number, written without a decimal point or an exponent" },
    { "\"length\": 22", "\"length\": 4294967318", ": document: “length” " OUT_OF_RANGE },
    { "\"next_span\": 3", "\"next_span\": 99999999999", ": meta: “next_span” is out of range: it must be a whole number from 0 to 4294967294" },
    { "\"version\": 1", "\"version\": 18446744073709551617",
      ":1:35: “version”: the number 18446744073709551617 is too large to keep; the largest whole number is 9223372036854775807" },
  };

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));
}

static void
test_duplicate_ids (Fixture       *fixture,
                    gconstpointer  data)
{
  static const Edit edits[] = {
    { "{\"id\": \"T2\", \"label\": \"CLAIM\"", "{\"id\": \"T1\", \"label\": \"CLAIM\"",
      ": span T1: the id T1 is used by another span" },
    { "\"to\": \"T1\"}]", "\"to\": \"T1\"}, {\"id\": \"R1\", \"type\": \"mentions\", \"from\": \"T1\", \"to\": \"T2\"}]",
      ": relation R1: the id R1 is used by another relation" },
    { "\"to\": \"T1\"}]", "\"to\": \"T1\"}, {\"id\": \"R2\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}]",
      ": relation R2: relation R1 already links T2 to T1 as said_by" },
    /* A member given twice: json-glib keeps the last, and the span's text check catches it */
    { "\"start\": 0,", "\"start\": 0, \"start\": 1,",
      ": span T1: “text” is “Raisi” but the document has “aisi” at [1, 5)" },
  };

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));
}

/* Control characters are shown escaped, so that a message stays one line */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  static const Edit edits[] = {
    { "{\"id\": \"CLAIM\"", "{\"id\": \"CLAIM\\n\"",
      ": label CLAIM\\u000A: label id “CLAIM\\u000A” may only contain ASCII letters, digits, “_”, “-” and “.”" },
    { "{\"id\": \"CLAIM\"", "{\"id\": \"CLAIM\\u007f\"",
      ": label CLAIM\\u007F: label id “CLAIM\\u007F” may only contain ASCII letters, digits, “_”, “-” and “.”" },
    { "{\"id\": \"CLAIM\"", "{\"id\": \"\\u001bCLAIM\"",
      ": label \\u001BCLAIM: label id “\\u001BCLAIM” must start with a letter (A–Z or a–z)" },
    { "\"key\": \"2\"", "\"key\": \"\\u0007\"",
      ": label CLAIM: key “\\u0007” must be a single visible character" },
    { "\"type\": \"said_by\"", "\"type\": \"said\\u0007by\"",
      ": relation R1: relation type “said\\u0007by” is not valid: it must start with a letter and contain only ASCII letters, digits, “_”, “-” and “.”" },
    { "\"color\": \"#3584e4\"", "\"color\": \"#3584e\\t\"",
      ": label SPEAKER: colour “#3584e\\u0009” is not of the form #RRGGBB" },
  };
  g_autoptr(GString) contents = g_string_new (VALID_FILE);
  g_autofree char *path = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SmLabel *label;

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));

  /* Names and notes are free text: control characters are kept through a save */
  g_string_replace (contents, "\"name\": \"Claim\"", "\"name\": \"Cl\\naim\\u001b[31m\"", 1);
  g_string_replace (contents, "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"line\\nbreak\\u0007bell\"}", 1);
  path = write_file (fixture->dir, "x.json", contents->str, contents->len);
  document = open_path (path, &error);
  g_assert_no_error (error);
  label = sm_document_find_label (document, "CLAIM");
  g_assert_cmpstr (sm_label_get_name (label), ==, "Cl\naim\x1b[31m");
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (document, "T1")), ==, "line\nbreak\abell");

  file = g_file_new_for_path (path);
  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
  reopened = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_label_get_name (sm_document_find_label (reopened, "CLAIM")), ==, "Cl\naim\x1b[31m");
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (reopened, "T1")), ==, "line\nbreak\abell");
}

/* JSON nested 100,000 levels deep, where Spanmark keeps unknown members */
static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint depth = 100000;
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"spanmark\", \"version\": 1, \"extra\": ");
  g_autoptr(GString) in_string = NULL;
  g_autofree char *path = NULL;
  g_autofree char *string_path = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (deep, i % 2 ? "[" : "{\"a\": ");
  path = write_file (fixture->dir, "deep.json", deep->str, deep->len);
  /* The 513th opening bracket: the first is the file's own object */
  assert_refused (path, "deep.json:1:1838: the JSON is nested more than 512 levels deep");

  /* Brackets inside a string are text, not nesting */
  in_string = g_string_new (VALID_FILE);
  g_string_truncate (in_string, in_string->len - 3);
  g_string_append (in_string, "}, \"tool\": \"");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (in_string, '[');
  g_string_append (in_string, "\"}\n");
  string_path = write_file (fixture->dir, "brackets.json", in_string->str, in_string->len);
  document = open_path (string_path, &error);
  g_assert_no_error (error);
}

/* Folders and files with spaces and non-ASCII names: opened, saved beside
 * and reopened; messages name the file as the user sees it */
static void
test_paths (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "Mes documents", "été 2026 (copie)", NULL);
  g_autofree char *article = NULL;
  g_autofree char *json = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  article = write_file (folder, "تحریم‌ها و تجارت — Raisi's article.txt", "Raisi said trade grew.\n", -1);
  json = g_build_filename (folder, "تحریم‌ها و تجارت — Raisi's article.json", NULL);

  document = open_path (article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_document_get_name (document), ==, "تحریم‌ها و تجارت — Raisi's article");
  sm_document_add_span (document, "SPEAKER", 0, 5, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (json);
  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);
  reopened = open_path (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_document_get_name (reopened), ==, "تحریم‌ها و تجارت — Raisi's article");
  g_assert_cmpuint (sm_document_get_n_spans (reopened), ==, 1);

  broken = write_file (folder, "résumé du jour.json", "{\"format\": \"spanmark\",,}", -1);
  assert_refused (broken, "résumé du jour.json:1:22: unexpected character `,', expected string constant");
}

/* An article that began with two byte order marks keeps the second as its
 * first character, and its saved file opens again (found by fuzz-article) */
static void
test_double_byte_order_mark (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "twice.txt", "\xEF\xBB\xBF\xEF\xBB\xBFRaisi said.", -1);
  g_autofree char *json = g_build_filename (fixture->dir, "twice.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(SmDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;

  document = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (document)), ==, "\xEF\xBB\xBFRaisi said.");
  sm_document_add_span (document, "SPEAKER", 1, 6, &error);
  g_assert_no_error (error);
  g_assert_true (sm_document_save_to_file (document, file, NULL, &error));

  reopened = open_path (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_text_get_utf8 (sm_document_get_text (reopened)), ==, "\xEF\xBB\xBFRaisi said.");
  g_assert_cmpstr (sm_span_get_text (sm_document_find_span (reopened, "T1")), ==, "Raisi");
}

/* Two saves run together: json-glib would read the first and drop the rest */
static void
test_two_values (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *twice = g_strconcat (VALID_FILE, VALID_FILE, NULL);
  g_autofree char *path = write_file (fixture->dir, "twice.json", twice, -1);
  g_autofree char *message = NULL;
  guint n_lines = 0;

  for (const char *p = VALID_FILE; *p; p++)
    n_lines += *p == '\n';
  message = g_strdup_printf ("twice.json:%u:1: unexpected text after the end of the JSON value", n_lines + 1);
  assert_refused (path, message);
}

/* json-glib would cut a text at "\u0000" and drop the rest of the article */
static void
test_nul_escape (Fixture       *fixture,
                 gconstpointer  data)
{
  static const Edit edits[] = {
    { "\"text\": \"Raisi said trade grew.\", \"length\": 22,",
      "\"text\": \"Raisi said trade grew.\\u0000 And then the rest.\",",
      ":2:59: a string holds the character U+0000 (\\u0000), which Spanmark cannot keep" },
    { "{\"id\": \"T2\"", "{\"id\": \"\\u0000T2\"",
      ":4:93: a string holds the character U+0000 (\\u0000), which Spanmark cannot keep" },
    /* An escaped backslash followed by "u0000" is text, not a NUL */
    { "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"\\\\u0000\"}, {\"id\": \"T1\"}",
      ": span T1: “label” is missing" },
  };

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));
}

/* The same relations read in any order save to the same bytes, whatever
 * their ids look like (found by fuzz-brat with an id "R1~") */
static void
test_relation_order (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const orders[][3] = {
    { "R10", "R1~", "R2" },
    { "R2", "R10", "R1~" },
    { "R1~", "R2", "R10" },
  };
  g_autoptr(GBytes) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(GString) contents = g_string_new (VALID_FILE);
      g_autofree char *relations = g_strdup_printf ("\"relations\": ["
                                                    "{\"id\": \"%s\", \"type\": \"a\", \"from\": \"T2\", \"to\": \"T1\"}, "
                                                    "{\"id\": \"%s\", \"type\": \"b\", \"from\": \"T2\", \"to\": \"T1\"}, "
                                                    "{\"id\": \"%s\", \"type\": \"c\", \"from\": \"T2\", \"to\": \"T1\"}]",
                                                    orders[i][0], orders[i][1], orders[i][2]);
      g_autofree char *path = NULL;
      g_autoptr(SmDocument) document = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      /* Each id keeps its type, so the orders differ only in how they were read */
      g_string_replace (contents, "\"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}]",
                        relations, 1);
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *from = g_strdup_printf ("\"id\": \"%s\", \"type\": \"%c\"", orders[i][j], 'a' + j);
          g_autofree char *to = g_strdup_printf ("\"id\": \"%s\", \"type\": \"t%s\"", orders[i][j],
                                                 strcmp (orders[i][j], "R10") == 0 ? "ten" :
                                                 strcmp (orders[i][j], "R2") == 0 ? "two" : "tilde");
          g_string_replace (contents, from, to, 1);
        }

      path = write_file (fixture->dir, "x.json", contents->str, contents->len);
      document = open_path (path, &error);
      g_assert_no_error (error);
      bytes = sm_format_serialize (document);
      if (first == NULL)
        first = g_bytes_ref (bytes);
      else
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         g_bytes_get_data (first, NULL), g_bytes_get_size (first));
    }

  /* And the numbers still count: R2 before R10 */
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "\"R2\""));
  g_assert_true (strstr (g_bytes_get_data (first, NULL), "\"R2\"") < strstr (g_bytes_get_data (first, NULL), "\"R10\""));
}

/* Escapes JSON does not have: json-glib would take "\\x" as text and leak
 * memory on a cut "\\u" */
static void
test_bad_escapes (Fixture       *fixture,
                  gconstpointer  data)
{
  static const Edit edits[] = {
    { "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"\\x41\"}",
      ":4:93: “\\x” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    { "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"\\ud8\"}",
      ":4:93: “\\ud8” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
  };

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));
}

/* Half a surrogate pair is no character: json-glib would turn it into
 * bytes that are not UTF-8, and a save would write them into the file */
static void
test_lone_surrogates (Fixture       *fixture,
                      gconstpointer  data)
{
  static const Edit edits[] = {
    { "\"meta\": {", "\"meta\": {\"tool\": \"\\ud800\", ",
      ":6:20: “\\ud800” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"x\\uDFFF\"}",
      ":4:94: “\\uDFFF” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"\\ud83d\\ud83d\"}",
      ":4:93: “\\ud83d” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
  };
  g_autoptr(GString) contents = g_string_new (VALID_FILE);
  g_autofree char *path = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  assert_edits_refused (fixture, edits, G_N_ELEMENTS (edits));

  /* A whole pair is one character */
  g_string_replace (contents, "\"text\": \"Raisi\"}", "\"text\": \"Raisi\", \"note\": \"\\ud83d\\ude00\"}", 1);
  path = write_file (fixture->dir, "x.json", contents->str, contents->len);
  document = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_span_get_note (sm_document_find_span (document, "T1")), ==, "😀");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/faults/inputs/fuzz-corpora", test_fuzz_corpora);
  ADD ("/faults/inputs/empty-files", test_empty_files);
  ADD ("/faults/inputs/fifty-megabytes", test_fifty_megabytes);
  ADD ("/faults/inputs/one-megabyte-line", test_one_megabyte_line);
  ADD ("/faults/inputs/valid-file-opens", test_valid_file_opens);
  ADD ("/faults/inputs/offsets-out-of-range", test_offsets_out_of_range);
  ADD ("/faults/inputs/duplicate-ids", test_duplicate_ids);
  ADD ("/faults/inputs/control-characters", test_control_characters);
  ADD ("/faults/inputs/deep-nesting", test_deep_nesting);
  ADD ("/faults/inputs/paths", test_paths);
  ADD ("/faults/inputs/double-byte-order-mark", test_double_byte_order_mark);
  ADD ("/faults/inputs/two-values", test_two_values);
  ADD ("/faults/inputs/nul-escape", test_nul_escape);
  ADD ("/faults/inputs/lone-surrogates", test_lone_surrogates);
  ADD ("/faults/inputs/bad-escapes", test_bad_escapes);
  ADD ("/faults/inputs/relation-order", test_relation_order);
#undef ADD

  return g_test_run ();
}
