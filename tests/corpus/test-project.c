/* test-project.c: the label schema of a corpus folder, spanmark-project.json.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sm-corpus.h"
#include "sm-project.h"
#include "sm-document.h"
#include "sm-format.h"
#include "corpus-fixtures.h"

static const char default_file[] =
  "{\n"
  "  \"format\" : \"spanmark-project\",\n"
  "  \"version\" : 1,\n"
  "  \"labels\" : [\n"
  "    {\n"
  "      \"id\" : \"SPEAKER\",\n"
  "      \"name\" : \"Speaker\",\n"
  "      \"color\" : \"#9141ac\",\n"
  "      \"key\" : \"1\"\n"
  "    },\n"
  "    {\n"
  "      \"id\" : \"CLAIM\",\n"
  "      \"name\" : \"Claim\",\n"
  "      \"color\" : \"#e5a50a\",\n"
  "      \"key\" : \"2\"\n"
  "    },\n"
  "    {\n"
  "      \"id\" : \"FIGURE\",\n"
  "      \"name\" : \"Figure\",\n"
  "      \"color\" : \"#2ec27e\",\n"
  "      \"key\" : \"3\"\n"
  "    }\n"
  "  ],\n"
  "  \"relations\" : [\n"
  "    {\n"
  "      \"type\" : \"said_by\",\n"
  "      \"from\" : [\n"
  "        \"CLAIM\"\n"
  "      ],\n"
  "      \"to\" : [\n"
  "        \"SPEAKER\"\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"options\" : {  }\n"
  "}\n";

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

static SmProject *
open_folder (Fixture  *fixture,
             GError  **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

  return sm_project_new_for_folder (folder, NULL, error);
}

static char *
serialize (SmProject *project)
{
  g_autoptr(GBytes) bytes = sm_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* @json laid out as Spanmark writes it: JsonGenerator's pretty layout with
 * a two-space indent and a final newline. The expectations below are
 * written compactly, one label or type per line, to be read. */
static char *
as_written (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pretty = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  pretty = json_generator_to_data (generator, NULL);

  return g_strconcat (pretty, "\n", NULL);
}

static void
count_change (SmProject *project,
              guint     *changes)
{
  (*changes)++;
}

static void
test_default_without_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProject) project = open_folder (fixture, &error);
  g_autofree char *labels = NULL;
  g_autofree char *bytes = NULL;
  gboolean snap = 12345;

  g_assert_no_error (error);
  labels = describe_labels (sm_project_get_labels (project));
  g_assert_cmpstr (labels, ==,
                   "SPEAKER:Speaker:#9141ac:1 CLAIM:Claim:#e5a50a:2 FIGURE:Figure:#2ec27e:3");
  g_assert_cmpuint (sm_project_get_n_relation_types (project), ==, 1);
  g_assert_true (sm_project_allows_relation (project, "said_by", "CLAIM", "SPEAKER"));
  g_assert_false (sm_project_allows_relation (project, "said_by", "SPEAKER", "CLAIM"));
  g_assert_false (sm_project_get_snap_to_words (project, &snap));
  g_assert_cmpint (snap, ==, 12345);

  bytes = serialize (project);
  g_assert_cmpstr (bytes, ==, default_file);

  /* Opening never writes: the folder is still empty */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autoptr(SmProject) reopened = NULL;
  g_autoptr(SmLabel) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, SM_PROJECT_FILE_NAME, NULL);
  g_autofree char *id = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *labels = NULL;
  const char * const from[] = { "CLAIM", "SOURCE_QUOTE", NULL };
  const char * const to[] = { "SPEAKER", NULL };
  gboolean snap = FALSE;
  guint changes = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_change), &changes);

  id = sm_project_propose_label_id (project, "Source quote");
  g_assert_cmpstr (id, ==, "SOURCE_QUOTE");
  source = sm_label_new (id, "Source quote", "#c061cb", sm_label_find_free_key (sm_project_get_labels (project)));
  g_assert_true (sm_project_add_label (project, source, &error));
  g_assert_no_error (error);
  g_assert_true (sm_project_set_label_name (project, "FIGURE", "Number", &error));
  g_assert_true (sm_project_set_label_color (project, "CLAIM", "#ff7800", &error));
  g_assert_true (sm_project_set_label_key (project, "FIGURE", "f", &error));
  sm_project_move_label (project, "SOURCE_QUOTE", 1);
  g_assert_true (sm_project_set_relation_type (project, "said_by", from, to, &error));
  g_assert_no_error (error);
  sm_project_set_snap_to_words (project, FALSE);
  g_assert_cmpuint (changes, ==, 7);

  file = g_file_new_for_path (path);
  g_assert_true (sm_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);
  written = temp_folder_read (fixture->dir, SM_PROJECT_FILE_NAME);
  expected = as_written ("{\n"
                   "  \"format\": \"spanmark-project\",\n"
                   "  \"version\": 1,\n"
                   "  \"labels\": [\n"
                   "    {\"id\": \"SPEAKER\", \"name\": \"Speaker\", \"color\": \"#9141ac\", \"key\": \"1\"},\n"
                   "    {\"id\": \"SOURCE_QUOTE\", \"name\": \"Source quote\", \"color\": \"#c061cb\", \"key\": \"4\"},\n"
                   "    {\"id\": \"CLAIM\", \"name\": \"Claim\", \"color\": \"#ff7800\", \"key\": \"2\"},\n"
                   "    {\"id\": \"FIGURE\", \"name\": \"Number\", \"color\": \"#2ec27e\", \"key\": \"f\"}\n"
                   "  ],\n"
                   "  \"relations\": [\n"
                   "    {\"type\": \"said_by\", \"from\": [\"CLAIM\", \"SOURCE_QUOTE\"], \"to\": [\"SPEAKER\"]}\n"
                   "  ],\n"
                   "  \"options\": {\n"
                   "    \"snap_to_words\": false\n"
                   "  }\n"
                   "}\n");
  g_assert_cmpstr (written, ==, expected);

  reopened = open_folder (fixture, &error);
  g_assert_no_error (error);
  labels = describe_labels (sm_project_get_labels (reopened));
  g_assert_cmpstr (labels, ==,
                   "SPEAKER:Speaker:#9141ac:1 SOURCE_QUOTE:Source quote:#c061cb:4 "
                   "CLAIM:Claim:#ff7800:2 FIGURE:Number:#2ec27e:f");
  g_assert_true (sm_project_allows_relation (reopened, "said_by", "SOURCE_QUOTE", "SPEAKER"));
  g_assert_true (sm_project_get_snap_to_words (reopened, &snap));
  g_assert_false (snap);

  /* The same schema, the same bytes */
  again = serialize (reopened);
  g_assert_cmpstr (again, ==, written);
}

/* Members a newer Spanmark or another tool wrote come back as they were */
static void
test_unknown_members_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char file[] =
    "{\n"
    "  \"format\": \"spanmark-project\",\n"
    "  \"version\": 1,\n"
    "  \"labels\": [\n"
    "    {\"id\": \"QUOTE\", \"name\": \"Quote\", \"color\": \"#3584e4\", \"key\": \"q\", \"hint\": \"verbatim only\"}\n"
    "  ],\n"
    "  \"relations\": [\n"
    "    {\"type\": \"about\", \"from\": [\"QUOTE\"], \"to\": [], \"symmetric\": false}\n"
    "  ],\n"
    "  \"options\": {\n"
    "    \"snap_to_words\": true,\n"
    "    \"guidelines\": \"https://example.org/guide\"\n"
    "  },\n"
    "  \"team\": [\"Ana\",\"Reza\"]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProject) project = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;

  g_free (temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME, file, -1));
  project = open_folder (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_project_get_n_relation_types (project), ==, 1);
  g_assert_cmpstr (sm_project_get_relation_type (project, 0), ==, "about");
  g_assert_null (sm_project_get_relation_from (project, "said_by"));

  again = serialize (project);
  expected = as_written (file);
  g_assert_cmpstr (again, ==, expected);
}

/* A relation type's unknown members stay with it while it changes, go
 * with it when it is removed, and come along when the schema is replaced */
static void
test_relation_type_unknown_members (Fixture       *fixture,
                                    gconstpointer  data)
{
#define SCHEMA_HEAD \
    "{\n" \
    "  \"format\": \"spanmark-project\",\n" \
    "  \"version\": 1,\n" \
    "  \"labels\": [\n" \
    "    {\"id\": \"SPEAKER\", \"name\": \"Speaker\", \"color\": \"#9141ac\", \"key\": \"1\"},\n" \
    "    {\"id\": \"CLAIM\", \"name\": \"Claim\", \"color\": \"#e5a50a\", \"key\": \"2\"}\n" \
    "  ],\n" \
    "  \"relations\": [\n"
#define SCHEMA_TAIL \
    "  ],\n" \
    "  \"options\": {}\n" \
    "}\n"
  static const char file[] =
    SCHEMA_HEAD
    "    {\"type\": \"said_by\", \"from\": [\"CLAIM\"], \"to\": [\"SPEAKER\"], \"weight\": 2},\n"
    "    {\"type\": \"about\", \"from\": [\"CLAIM\"], \"to\": [], \"symmetric\": false}\n"
    SCHEMA_TAIL;
  static const char changed[] =
    SCHEMA_HEAD
    "    {\"type\": \"said_by\", \"from\": [\"CLAIM\", \"SPEAKER\"], \"to\": [\"SPEAKER\"], \"weight\": 2},\n"
    "    {\"type\": \"about\", \"from\": [\"SPEAKER\"], \"to\": [\"CLAIM\"]}\n"
    SCHEMA_TAIL;
#undef SCHEMA_HEAD
#undef SCHEMA_TAIL
  const char * const claim_or_speaker[] = { "CLAIM", "SPEAKER", NULL };
  const char * const speaker[] = { "SPEAKER", NULL };
  const char * const claim[] = { "CLAIM", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, strlen (file));
  g_autoptr(SmProject) project = NULL;
  g_autoptr(SmProject) other = sm_project_new ();
  g_autofree char *written = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *expected = NULL;

  project = sm_project_new_from_bytes (bytes, SM_PROJECT_FILE_NAME, &error);
  g_assert_no_error (error);

  /* Changed, said_by keeps its place and its weight; about, removed and
   * added again, is a new type */
  g_assert_true (sm_project_set_relation_type (project, "said_by", claim_or_speaker, speaker, &error));
  g_assert_no_error (error);
  sm_project_remove_relation_type (project, sm_project_get_relation_type (project, 1));
  g_assert_cmpuint (sm_project_get_n_relation_types (project), ==, 1);
  g_assert_true (sm_project_set_relation_type (project, "about", speaker, claim, &error));
  g_assert_no_error (error);

  written = serialize (project);
  expected = as_written (changed);
  g_assert_cmpstr (written, ==, expected);

  sm_project_replace_schema (other, project);
  replaced = serialize (other);
  g_assert_cmpstr (replaced, ==, expected);
  g_assert_cmpuint (sm_project_get_n_relation_types (project), ==, 0);
  g_assert_null (sm_project_get_relation_from (project, "said_by"));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
#define HEAD "{\"format\": \"spanmark-project\", \"version\": 1, "
#define SPEAKER "{\"id\": \"SPEAKER\", \"key\": \"1\"}"
  static const struct {
    const char *contents;
    gssize      length;
    const char *message;
  } cases[] = {
    { "", 0,
      "spanmark-project.json: the file is empty: write the project’s labels in it, or delete it to use the default labels" },
    { "{\"format\": \"spanmark-project\",\n \"version\": 1,,}", -1,
      "spanmark-project.json:2:14: unexpected character `,', expected string constant" },
    { "{\"labels\": [{\"id\": \"caf\xE9\"}]}", -1,
      "spanmark-project.json:1:24: not valid UTF-8: byte 0xE9 at byte offset 23 cannot start or continue a character."
      " The file is probably in another encoding (such as Latin-1 or Windows-1252); convert it to UTF-8"
      " first, for example with: iconv -f WINDOWS-1252 -t UTF-8" },
    { "[\"SPEAKER\"]", -1,
      "spanmark-project.json: this is not a Spanmark project file: it is JSON, but not an object" },
    { "{\"labels\": []}", -1,
      "spanmark-project.json: this is not a Spanmark project file: it has no “format” member" },
    { "{\"format\": \"spanmark\", \"version\": 1, \"labels\": []}", -1,
      "spanmark-project.json: this is not a Spanmark project file: “format” is not “spanmark-project”" },
    { "{\"format\": \"spanmark-project\", \"version\": 2, \"labels\": []}", -1,
      "spanmark-project.json: the file was written by a newer Spanmark (project format version 2); this"
      " version reads project format version 1. Update Spanmark to open it." },
    { "{\"format\": \"spanmark-project\", \"version\": \"1\", \"labels\": []}", -1,
      "spanmark-project.json: “version” must be a whole number" },
    { "{\"format\": \"spanmark-project\", \"version\": 0, \"labels\": []}", -1,
      "spanmark-project.json: “version” 0 is not a Spanmark project format version" },
    /* Past 64 bits: refused where it is, never wrapped around (json-glib
     * 1.6 read the first as -1, the second as -9223372036854775808) */
    { "{\"format\": \"spanmark-project\", \"version\": 18446744073709551617, \"labels\": []}", -1,
      "spanmark-project.json:1:43: “version”: the number 18446744073709551617 is too large to keep;"
      " the largest whole number is 9223372036854775807" },
    { "{\"format\": \"spanmark-project\",\n \"version\": 9223372036854775808, \"labels\": []}", -1,
      "spanmark-project.json:2:13: “version”: the number 9223372036854775808 is too large to keep;"
      " the largest whole number is 9223372036854775807" },
    { "{\"format\": \"spanmark-project\", \"version\": -9223372036854775809, \"labels\": []}", -1,
      "spanmark-project.json:1:43: “version”: the number -9223372036854775809 is too small to keep;"
      " the smallest whole number is -9223372036854775808" },
    { HEAD "\"relations\": []}", -1,
      "spanmark-project.json: “labels” is missing" },
    { HEAD "\"labels\": {}}", -1,
      "spanmark-project.json: “labels” must be an array" },
    { HEAD "\"labels\": [\"SPEAKER\"]}", -1,
      "spanmark-project.json: label number 1 must be an object" },
    { HEAD "\"labels\": [" SPEAKER ", {\"name\": \"Claim\"}]}", -1,
      "spanmark-project.json: label number 2: “id” is missing" },
    { HEAD "\"labels\": [{\"id\": 7}]}", -1,
      "spanmark-project.json: label number 1: “id” must be a string" },
    { HEAD "\"labels\": [{\"id\": \"1CLAIM\"}]}", -1,
      "spanmark-project.json: label 1CLAIM: label id “1CLAIM” must start with a letter (A–Z or a–z)" },
    { HEAD "\"labels\": [{\"id\": \"SOURCE QUOTE\"}]}", -1,
      "spanmark-project.json: label SOURCE QUOTE: label id “SOURCE QUOTE” may only contain ASCII letters,"
      " digits, “_”, “-” and “.”" },
    { HEAD "\"labels\": [" SPEAKER ", {\"id\": \"SPEAKER\"}]}", -1,
      "spanmark-project.json: label SPEAKER: two labels have this id; each label needs its own" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"name\": \"\"}]}", -1,
      "spanmark-project.json: label CLAIM: “name” is empty; leave it out to show the id" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"name\": 2}]}", -1,
      "spanmark-project.json: label CLAIM: “name” must be a string" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"color\": \"orange\"}]}", -1,
      "spanmark-project.json: label CLAIM: colour “orange” is not of the form #RRGGBB" },
    { HEAD "\"labels\": [" SPEAKER ", {\"id\": \"CLAIM\", \"key\": \"1\"}]}", -1,
      "spanmark-project.json: label CLAIM: key “1” already applies label SPEAKER; choose another, such as “2”" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"key\": \"C\"}]}", -1,
      "spanmark-project.json: label CLAIM: key “C” needs Shift; use the lowercase “c” instead" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"key\": \"0\"}]}", -1,
      "spanmark-project.json: label CLAIM: key “0” cannot apply a label: use a digit from 1 to 9 or a letter"
      " from a to z (the window keeps the other keys for its own shortcuts)" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"key\": \"/\"}]}", -1,
      "spanmark-project.json: label CLAIM: key “/” cannot apply a label: use a digit from 1 to 9 or a letter"
      " from a to z (the window keeps the other keys for its own shortcuts)" },
    { HEAD "\"labels\": [{\"id\": \"CLAIM\", \"key\": \"F9\"}]}", -1,
      "spanmark-project.json: label CLAIM: key “F9” must be a single visible character" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": {}}", -1,
      "spanmark-project.json: “relations” must be an array" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [\"said_by\"]}", -1,
      "spanmark-project.json: relation type number 1 must be an object" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"from\": []}]}", -1,
      "spanmark-project.json: relation type number 1: “type” is missing" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"said by\", \"from\": [], \"to\": []}]}", -1,
      "spanmark-project.json: relation type said by: relation type “said by” is not valid: it must start with"
      " a letter and contain only ASCII letters, digits, “_”, “-” and “.”" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"said_by\", \"to\": []}]}", -1,
      "spanmark-project.json: relation type said_by: “from” is missing" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"said_by\", \"from\": \"SPEAKER\", \"to\": []}]}", -1,
      "spanmark-project.json: relation type said_by: “from” must be an array of label ids, such as [\"CLAIM\"]" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"said_by\", \"from\": [\"SPEAKER\"], \"to\": [\"QUOTE\"]}]}", -1,
      "spanmark-project.json: relation type said_by: “to” names label QUOTE, which is not one of the project’s labels" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"said_by\", \"from\": [\"SPEAKER\", \"SPEAKER\"], \"to\": []}]}", -1,
      "spanmark-project.json: relation type said_by: “from” names label SPEAKER twice" },
    { HEAD "\"labels\": [" SPEAKER "], \"relations\": [{\"type\": \"x\", \"from\": [], \"to\": []},"
      " {\"type\": \"x\", \"from\": [], \"to\": []}]}", -1,
      "spanmark-project.json: relation type x: it is defined twice; define each relation type once" },
    { HEAD "\"labels\": [], \"options\": []}", -1,
      "spanmark-project.json: “options” must be an object" },
    { HEAD "\"labels\": [], \"options\": {\"snap_to_words\": \"yes\"}}", -1,
      "spanmark-project.json: options: “snap_to_words” must be true or false" },
  };
#undef HEAD
#undef SPEAKER

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = temp_folder_write (fixture->dir, SM_PROJECT_FILE_NAME,
                                                 cases[i].contents, cases[i].length);
      gsize length = cases[i].length < 0 ? strlen (cases[i].contents) : (gsize) cases[i].length;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmProject) project = open_folder (fixture, &error);
      g_autofree char *after = NULL;
      gsize after_length;

      g_test_message ("case %u", i);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      /* Nothing was written over the team's file */
      g_file_get_contents (path, &after, &after_length, NULL);
      g_assert_cmpmem (after, after_length, cases[i].contents, length);
    }
}

static void
test_unreadable_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, SM_PROJECT_FILE_NAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProject) project = NULL;

  /* A folder where the file should be cannot be mistaken for "no schema" */
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  project = open_folder (fixture, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "spanmark-project.json: could not open: it is a folder, not a file");
}

static void
test_save_fails_keeps_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", SM_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (sm_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "spanmark-project.json: could not save: the folder does not exist");
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = sm_project_save_to_file_finish (SM_PROJECT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autofree char *path = g_build_filename (fixture->dir, SM_PROJECT_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  gboolean saved = FALSE;

  sm_project_save_to_file_async (project, file, NULL, on_saved, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);

  written = temp_folder_read (fixture->dir, SM_PROJECT_FILE_NAME);
  g_assert_cmpstr (written, ==, default_file);
}

static void
test_key_rules (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = serialize (project);
  g_autofree char *after = NULL;
  guint changes = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_change), &changes);

  /* Another label's key: refused, with a free one proposed */
  g_assert_false (sm_project_set_label_key (project, "CLAIM", "1", &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "key “1” already applies label SPEAKER; choose another, such as “4”");
  g_clear_error (&error);

  /* Keys the window keeps for itself, or that need Shift */
  g_assert_false (sm_project_set_label_key (project, "CLAIM", "+", &error));
  g_assert_cmpstr (error->message, ==,
                   "key “+” cannot apply a label: use a digit from 1 to 9 or a letter from a to z"
                   " (the window keeps the other keys for its own shortcuts)");
  g_clear_error (&error);
  g_assert_false (sm_project_set_label_key (project, "CLAIM", "Q", &error));
  g_assert_cmpstr (error->message, ==, "key “Q” needs Shift; use the lowercase “q” instead");
  g_clear_error (&error);
  g_assert_false (sm_project_set_label_key (project, "CLAIM", "é", &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* A label added with a used key is refused whole */
  {
    g_autoptr(SmLabel) label = sm_label_new ("QUOTE", "Quote", NULL, "3");

    g_assert_false (sm_project_add_label (project, label, &error));
    g_assert_cmpstr (error->message, ==, "key “3” already applies label FIGURE; choose another, such as “4”");
    g_clear_error (&error);
    g_assert_null (sm_project_find_label (project, "QUOTE"));
  }

  /* Refused edits change nothing and tell nobody */
  after = serialize (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changes, ==, 0);

  /* A label keeps its own key; a key can be cleared and given to another */
  g_assert_true (sm_project_set_label_key (project, "CLAIM", "2", &error));
  g_assert_true (sm_project_set_label_key (project, "CLAIM", "", &error));
  g_assert_true (sm_project_set_label_key (project, "FIGURE", "2", &error));
  g_assert_no_error (error);
  g_assert_true (sm_project_find_label_by_key (project, "2") == sm_project_find_label (project, "FIGURE"));
}

/* Twelve labels: digits first, then letters, every one on a key */
static void
test_more_than_nine_labels (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autoptr(GString) keys = g_string_new (NULL);
  GListModel *labels = sm_project_get_labels (project);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %u", i + 1);
      g_autofree char *id = sm_project_propose_label_id (project, name);
      g_autoptr(SmLabel) label = sm_label_new (id, name, NULL, sm_label_find_free_key (labels));

      g_assert_true (sm_project_add_label (project, label, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_string_append (keys, sm_label_get_key (label));
    }
  g_assert_cmpstr (keys->str, ==, "123456789abc");
  g_assert_cmpstr (sm_label_find_free_key (labels), ==, "d");
}

static void
test_propose_label_id (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  static const struct { const char *name; const char *id; } cases[] = {
    { "Organisation", "ORGANISATION" },
    { "Source  quote!", "SOURCE_QUOTE" },
    { "Référence", "REFERENCE" },
    { "2nd speaker", "ND_SPEAKER" },
    { "Claim", "CLAIM_2" },
    { "???", "LABEL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sm_project_propose_label_id (project, cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (sm_label_id_is_valid (id, NULL));
    }
}

static void
test_remove_label (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SmProject) project = sm_project_new ();
  g_autofree char *labels = NULL;

  sm_project_remove_label (project, "CLAIM");
  labels = describe_labels (sm_project_get_labels (project));
  g_assert_cmpstr (labels, ==, "SPEAKER:Speaker:#9141ac:1 FIGURE:Figure:#2ec27e:3");

  /* The relation type no longer names it, so the file stays valid */
  g_assert_cmpuint (g_strv_length ((char **) sm_project_get_relation_from (project, "said_by")), ==, 0);
  g_assert_false (sm_project_allows_relation (project, "said_by", "CLAIM", "SPEAKER"));
}

static gboolean
collect_input (SmCorpus     *corpus,
               guint         position,
               SmDocument   *document,
               const GError *error,
               gpointer      user_data)
{
  GString *seen = user_data;

  g_string_append_printf (seen, "%s%s", seen->len ? " " : "", sm_corpus_get_display_name (corpus, position));
  if (error != NULL)
    g_string_append_printf (seen, " (%s)", error->message);

  return TRUE;
}

/* The schema file is no document: a corpus made of the folder (what an
 * export, a validation or a count reads) leaves it out, in subfolders too */
static void
test_file_is_not_a_document (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmProject) project = sm_project_new ();
  g_autoptr(SmText) text = sm_text_new ("Raisi said so.", -1, NULL);
  g_autoptr(SmDocument) document = sm_document_new (text, "a");
  g_autoptr(GFile) a = g_file_get_child (folder, "a.json");
  g_autoptr(GFile) sub = g_file_get_child (folder, "sub");
  g_autoptr(GFile) sub_project = g_file_get_child (sub, SM_PROJECT_FILE_NAME);
  g_autoptr(GFile) project_file = g_file_get_child (folder, SM_PROJECT_FILE_NAME);
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_document_save_to_file (document, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sm_project_save_to_file (project, project_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_make_directory (sub, NULL, &error));
  g_assert_true (sm_project_save_to_file (project, sub_project, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (sm_corpus_add_file (corpus, folder, "corpus", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sm_corpus_foreach (corpus, collect_input, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "corpus/a.json");

  /* A folder with nothing but a schema has no document */
  g_clear_object (&corpus);
  corpus = sm_corpus_new ();
  g_assert_false (sm_corpus_add_file (corpus, sub, "sub", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "sub: there is no Spanmark file (.json) in this folder");
}

/* A syntax error after text that is not ASCII is placed in characters,
 * as the Spanmark file loader places the same mistake */
static void
test_syntax_error_column (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char contents[] = "{\"labels\": [{\"id\": \"CLAIM\", \"name\": \"Zitat „Лукашенко“\",}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, strlen (contents));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) format_error = NULL;
  g_autoptr(SmProject) project = sm_project_new_from_bytes (bytes, SM_PROJECT_FILE_NAME, &error);
  g_autoptr(SmDocument) document = sm_format_parse (contents, strlen (contents), &format_error);
  g_autofree char *same = NULL;

  g_assert_null (project);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "spanmark-project.json:1:56: unexpected character `,', expected character `]'");

  g_assert_null (document);
  g_assert_error (format_error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
  same = g_strconcat (SM_PROJECT_FILE_NAME ":", format_error->message, NULL);
  g_assert_cmpstr (error->message, ==, same);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/project/default-without-file", test_default_without_file);
  ADD ("/project/round-trip", test_round_trip);
  ADD ("/project/unknown-members-kept", test_unknown_members_kept);
  ADD ("/project/relation-type-unknown-members", test_relation_type_unknown_members);
  ADD ("/project/bad-files", test_bad_files);
  ADD ("/project/syntax-error-column", test_syntax_error_column);
  ADD ("/project/unreadable-file", test_unreadable_file);
  ADD ("/project/save-fails-keeps-file", test_save_fails_keeps_file);
  ADD ("/project/save-async", test_save_async);
  ADD ("/project/key-rules", test_key_rules);
  ADD ("/project/more-than-nine-labels", test_more_than_nine_labels);
  ADD ("/project/propose-label-id", test_propose_label_id);
  ADD ("/project/remove-label", test_remove_label);
  ADD ("/project/file-is-not-a-document", test_file_is_not_a_document);
#undef ADD

  return g_test_run ();
}
