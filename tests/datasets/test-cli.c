/* test-cli.c: spanmark-cli as a user runs it: messages, exit statuses, files.
 *
 * Exit status 0 on success, 1 when an input was invalid (and every valid
 * one still processed) or the output could not be written, 2 for a wrong
 * command line. Problems on standard error as FILE:LINE:COL: message or
 * FILE: span T7: message. Nothing overwritten without --force.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "datasets-fixtures.h"
#include "sm-project.h"

typedef struct
{
  char *dir;
  char *out;
  char *err;
} CliFixture;

static void
cli_fixture_set_up (CliFixture    *fixture,
                    gconstpointer  data)
{
  fixture->dir = temp_folder_new ("cli");
}

static void
cli_fixture_tear_down (CliFixture    *fixture,
                       gconstpointer  data)
{
  temp_folder_remove (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->err);
}

static char *
path_in (CliFixture *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs spanmark-cli in the fixture's folder; keeps its output */
static int
run (CliFixture *fixture,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SPANMARK_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, fixture);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &fixture->out, &fixture->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static void
write_in (CliFixture *fixture,
          const char *name,
          const char *contents)
{
  g_autofree char *path = path_in (fixture, name);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
  fixture_write (path, contents, -1);
}

static char *
read_in (CliFixture *fixture,
         const char *name)
{
  g_autofree char *path = path_in (fixture, name);

  return fixture_read (path, NULL);
}

static gboolean
exists_in (CliFixture *fixture,
           const char *name)
{
  g_autofree char *path = path_in (fixture, name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
save_small (CliFixture *fixture,
            const char *name)
{
  g_autoptr(SmDocument) document = fixture_small_document ();
  g_autofree char *path = path_in (fixture, name);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
  fixture_save (document, path);
}

static void
test_help (CliFixture    *fixture,
           gconstpointer  data)
{
  const char * const commands[] = { "export", "import", "validate", "stats" };

  g_assert_cmpint (run (fixture, "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "Usage:\n  spanmark-cli COMMAND [OPTION…] INPUT…\n"));
  g_assert_cmpstr (fixture->err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("Usage:\n  spanmark-cli %s [OPTION…]", commands[i]);

      g_assert_cmpint (run (fixture, commands[i], "--help", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (fixture->out, usage));
      g_assert_nonnull (strstr (fixture->out, "Exit status: 0"));
    }

  g_assert_cmpint (run (fixture, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (fixture->err, "Usage:\n"));

  g_assert_cmpint (run (fixture, "frobnicate", "x.json", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (fixture->err, "spanmark-cli: “frobnicate” is not a command\n"));

  g_assert_cmpint (run (fixture, "--version", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "spanmark-cli " PACKAGE_VERSION "\n");
}

typedef struct
{
  const char *args[6];
  const char *message;
} Usage;

static void
test_usage_errors (CliFixture    *fixture,
                   gconstpointer  data)
{
  const Usage usages[] = {
    { { "export", "small.json" },
      "spanmark-cli export: say which format to write with --format (jsonl, brat, conll, csv or html)\n" },
    { { "export", "--format", "xml", "small.json" },
      "spanmark-cli export: “xml” is not an export format: use jsonl, brat, conll, csv or html\n" },
    { { "export", "--format", "jsonl" },
      "spanmark-cli export: give the Spanmark files or folders to export\n" },
    { { "export", "--format", "jsonl", "--status", "finished", "small.json" },
      "spanmark-cli export: “finished” is not a status: use new, in-progress or done\n" },
    { { "export", "--format", "conll", "--label", "2nd", "small.json" },
      "spanmark-cli export: --label 2nd: label id “2nd” must start with a letter (A–Z or a–z)\n" },
    { { "export", "--format", "brat", "small.json" },
      "spanmark-cli export: brat writes a .txt and an .ann file for each document: give the folder to"
      " write them in with -o\n" },
    { { "export", "--format", "jsonl", "-o", "small.json", "small.json" },
      "spanmark-cli export: the output small.json is also an input: choose another name for the output\n" },
    { { "export", "--format", "csv", "--ascii", "small.json" },
      "spanmark-cli export: --ascii is for --format jsonl: csv is not JSON\n" },
    { { "export", "--format", "jsonl", "--frobnicate", "small.json" },
      "spanmark-cli export: Unknown option --frobnicate\n" },
    { { "import", "--from", "csv", "x.csv" },
      "spanmark-cli import: “csv” is not an import format: use brat, jsonl or text\n" },
    { { "import", "x.ann" },
      "spanmark-cli import: say which format to read with --from (brat, jsonl or text)\n" },
    { { "validate" },
      "spanmark-cli validate: give the Spanmark files or folders to check\n" },
    { { "stats", "--jason", "small.json" },
      "spanmark-cli stats: Unknown option --jason\n" },
  };

  save_small (fixture, "small.json");

  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    {
      const char * const *a = usages[i].args;
      g_autofree char *hint = g_strdup_printf ("Run “spanmark-cli %s --help” to see how to use it.\n", a[0]);
      g_autofree char *expected = g_strconcat (usages[i].message, hint, NULL);

      g_assert_cmpint (run (fixture, a[0], a[1], a[2], a[3], a[4], a[5], NULL), ==, 2);
      g_assert_cmpstr (fixture->err, ==, expected);
      g_assert_cmpstr (fixture->out, ==, "");
    }
}

static void
test_export_stdout_file_and_force (CliFixture    *fixture,
                                   gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *kept = NULL;

  save_small (fixture, "small.json");

  g_assert_cmpint (run (fixture, "export", "--format", "jsonl", "small.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  first = g_strdup (fixture->out);
  g_assert_true (g_str_has_prefix (first, "{\"id\":\"small\","));

  g_assert_cmpint (run (fixture, "export", "--format", "jsonl", "-o", "out.jsonl", "small.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "Exported 1 document to out.jsonl\n");
  kept = read_in (fixture, "out.jsonl");
  g_assert_cmpstr (kept, ==, first);
  g_clear_pointer (&kept, g_free);

  /* Never over an existing file without --force */
  write_in (fixture, "out.jsonl", "precious");
  g_assert_cmpint (run (fixture, "export", "--format", "jsonl", "-o", "out.jsonl", "small.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "out.jsonl already exists; it was not replaced (use --force to replace it)\n");
  kept = read_in (fixture, "out.jsonl");
  g_assert_cmpstr (kept, ==, "precious");
  g_clear_pointer (&kept, g_free);

  g_assert_cmpint (run (fixture, "export", "--format", "jsonl", "--force", "-o", "out.jsonl", "small.json", NULL), ==, 0);
  kept = read_in (fixture, "out.jsonl");
  g_assert_cmpstr (kept, ==, first);

  /* Standard error is no terminal here: no progress line */
  g_assert_null (strchr (fixture->err, '\r'));
}

static void
test_export_every_format (CliFixture    *fixture,
                          gconstpointer  data)
{
  const char * const formats[] = { "jsonl", "conll", "csv", "html" };

  save_small (fixture, "docs/small.json");
  save_small (fixture, "docs/deeper/other.json");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_assert_cmpint (run (fixture, "export", "--format", formats[i], "docs/", NULL), ==, 0);
      g_assert_cmpstr (fixture->err, ==, "");
      g_assert_cmpuint (strlen (fixture->out), >, 0);
    }

  g_assert_cmpint (run (fixture, "export", "--format", "brat", "-o", "brat", "docs", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==,
                   "docs/small.json: the document is named “small” like docs/deeper/other.json, and both"
                   " would be written to the same files; it was not exported\n"
                   "Exported 1 document to brat\n");
  g_assert_true (exists_in (fixture, "brat/small.ann"));
  g_assert_true (exists_in (fixture, "brat/annotation.conf"));

  g_assert_cmpint (run (fixture, "export", "--format", "html", "-o", "pages/", "docs/small.json", NULL), ==, 0);
  g_assert_true (exists_in (fixture, "pages/small.html"));

  g_assert_cmpint (run (fixture, "export", "--format", "csv", "--status", "done", "docs", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "document,span,label,start,end,text,note,speaker,speaker_text,fragments\r\n");
}

/* The five bad inputs of issue 4, each on its own beside a good input that
 * is still imported: the exact message and exit status 1 */
typedef struct
{
  const char *name;
  const char *txt;       /* NULL: no .txt */
  const char *ann;
  const char *message;
} BadBrat;

static const BadBrat bad_brat[] = {
  { "past", "Raisi said.\n", "T1\tSPEAKER 0 5\tRaisi\nT2\tCLAIM 6 500\tsaid.\n",
    "brat/past.ann:2:10: span T2: the end 500 is past the end of the text (12 characters in brat/past.txt)\n" },
  { "shifted", "Lukashenko said.\n", "T1\tSPEAKER 1 11\tLukashenko\n",
    "brat/shifted.ann:1:17: span T1: the .ann has “Lukashenko” but brat/shifted.txt has “ukashenko ” at [1, 11)\n" },
  { "unknown", "Raisi said it.\n", "T1\tSPEAKER 0 5\tRaisi\nT2\tCLAIM 11 13\tit\nR1\tsaid_by Arg1:T2 Arg2:T7\t\n",
    "brat/unknown.ann:3:25: relation R1: Arg2 refers to T7, which is not in brat/unknown.ann\n" },
  { "orphan", NULL, "T1\tSPEAKER 0 5\tRaisi\n",
    "brat/orphan.ann: there is no orphan.txt beside it: brat needs the text of x.ann in x.txt\n" },
};

static void
test_bad_brat (CliFixture    *fixture,
               gconstpointer  data)
{
  const BadBrat *bad = data;
  g_autofree char *txt_name = g_strdup_printf ("brat/%s.txt", bad->name);
  g_autofree char *ann_name = g_strdup_printf ("brat/%s.ann", bad->name);
  g_autofree char *json_name = g_strdup_printf ("out/%s.json", bad->name);
  g_autofree char *expected = g_strconcat (bad->message, "Imported 1 document into out\n", NULL);
  g_autoptr(SmDocument) imported = NULL;
  g_autofree char *good_path = NULL;

  write_in (fixture, "brat/good.txt", "Raisi said.\n");
  write_in (fixture, "brat/good.ann", "T1\tSPEAKER 0 5\tRaisi\n");
  if (bad->txt != NULL)
    write_in (fixture, txt_name, bad->txt);
  write_in (fixture, ann_name, bad->ann);

  g_assert_cmpint (run (fixture, "import", "--from", "brat", "-o", "out", "brat/", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, expected);
  g_assert_false (exists_in (fixture, json_name));

  good_path = g_build_filename (fixture->dir, "out", "good.json", NULL);
  imported = fixture_load (good_path);
  g_assert_cmpuint (sm_document_get_n_spans (imported), ==, 1);
}

static void
test_truncated_jsonl (CliFixture    *fixture,
                      gconstpointer  data)
{
  write_in (fixture, "cut.jsonl",
            "{\"text\": \"Raisi said trade grew.\", \"label\": [[0, 5, \"SPEAKER\"]]}\n"
            "{\"text\": \"Lukashenko said\", \"label\": [[0, 10, \"SPEA");
  g_assert_cmpint (run (fixture, "import", "--from", "jsonl", "-o", "out", "cut.jsonl", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==,
                   "cut.jsonl:2:52: the line ends before its record does, so it was cut short (or the"
                   " record goes on over several lines, which JSON Lines does not allow): unterminated"
                   " string constant\n"
                   "Imported 1 document into out\n");
  g_assert_true (exists_in (fixture, "out/cut-1.json"));
}

/* Importing again: the file there stays as it is */
static void
test_import_never_overwrites (CliFixture    *fixture,
                              gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *still = NULL;

  write_in (fixture, "brat/good.txt", "Raisi said.\n");
  write_in (fixture, "brat/good.ann", "T1\tSPEAKER 0 5\tRaisi\n");
  g_assert_cmpint (run (fixture, "import", "--from", "brat", "-o", "out", "brat", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "Imported 1 document into out\n");
  good = read_in (fixture, "out/good.json");

  write_in (fixture, "brat/good.ann", "T1\tSPEAKER 6 10\tsaid\n");
  g_assert_cmpint (run (fixture, "import", "--from", "brat", "-o", "out", "brat/good.ann", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "out/good.json already exists; it was not replaced\nImported 0 documents into out\n");
  still = read_in (fixture, "out/good.json");
  g_assert_cmpstr (still, ==, good);

  g_assert_cmpint (run (fixture, "import", "--from", "brat", "--force", "-o", "out", "brat/good.ann", NULL), ==, 0);
  g_clear_pointer (&still, g_free);
  still = read_in (fixture, "out/good.json");
  g_assert_cmpstr (still, !=, good);
}

/* Predictions imported as suggestions: pending, linked, never spans */
static void
test_import_as_suggestions (CliFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SmSuggestion) claim = NULL;
  g_autoptr(SmSuggestion) speaker = NULL;

  write_in (fixture, "brat/p.txt", "“Trade will grow,” Raisi said.\n");
  write_in (fixture, "brat/p.ann",
            "T1\tCLAIM 1 16\tTrade will grow\n"
            "T2\tSPEAKER 19 24\tRaisi\n"
            "R1\tsaid_by Arg1:T1 Arg2:T2\n");
  g_assert_cmpint (run (fixture, "import", "--from", "brat", "--as-suggestions", "-o", "out", "brat", NULL), ==, 0);

  path = path_in (fixture, "out/p.json");
  document = fixture_load (path);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  g_assert_cmpuint (sm_document_get_n_suggestions (document), ==, 2);

  claim = g_list_model_get_item (sm_document_get_suggestions (document), 0);
  speaker = g_list_model_get_item (sm_document_get_suggestions (document), 1);
  g_assert_cmpstr (sm_suggestion_get_text (claim), ==, "Trade will grow");
  g_assert_cmpstr (sm_suggestion_get_source (claim), ==, "imported");
  g_assert_cmpstr (sm_suggestion_get_said_by (claim), ==, sm_suggestion_get_id (speaker));

  g_assert_nonnull (sm_document_accept_suggestion (document, claim, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
}

/* --annotator names who made the files; without it they name nobody */
static void
test_import_annotator (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr(SmDocument) named = NULL;
  g_autoptr(SmDocument) unnamed = NULL;
  g_autofree char *named_path = path_in (fixture, "named/a.json");
  g_autofree char *unnamed_path = path_in (fixture, "unnamed/a.json");

  write_in (fixture, "articles/a.txt", "Trade grew by 5%.\n");
  g_assert_cmpint (run (fixture, "import", "--from", "text", "--annotator", "Ana Müller",
                        "-o", "named", "articles", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "import", "--from", "text", "-o", "unnamed", "articles", NULL), ==, 0);

  named = fixture_load (named_path);
  unnamed = fixture_load (unnamed_path);
  g_assert_cmpstr (sm_document_get_annotator (named), ==, "Ana Müller");
  g_assert_cmpstr (sm_document_get_annotator (unnamed), ==, "");
}

static void
test_validate (CliFixture    *fixture,
               gconstpointer  data)
{
  save_small (fixture, "docs/a.json");
  write_in (fixture, "docs/b.json",
            "{\"format\": \"spanmark\", \"version\": 1, \"document\": {\"name\": \"b\", \"text\": \"Lukashenko\"},"
            " \"labels\": [{\"id\": \"SPEAKER\"}], \"spans\": [{\"id\": \"T9\", \"label\": \"SPEAKER\", \"start\": 0,"
            " \"end\": 10, \"text\": \"Lukashenk\"}]}");
  write_in (fixture, "docs/c.json", "{\"format\": \"spanmark\",\n  \"version\": 1,,\n}");

  g_assert_cmpint (run (fixture, "validate", "docs/a.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "1 file is valid\n");
  g_assert_cmpstr (fixture->err, ==, "");

  g_assert_cmpint (run (fixture, "validate", "docs", "missing.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "1 of 3 files are valid\n");
  g_assert_cmpstr (fixture->err, ==,
                   "missing.json: could not open: the file does not exist\n"
                   "docs/b.json: span T9: “text” is “Lukashenk” but the document has “Lukashenko” at [0, 10)\n"
                   "docs/c.json:2:15: unexpected character `,', expected string constant\n");
}

/* Format version 2: a claim in two fragments around its attribution */
#define INTERRUPTED \
  "{\"format\": \"spanmark\", \"version\": 2,\n" \
  " \"document\": {\"name\": \"x\", \"text\": \"“Trade grew,” Raisi said, “by 5%.”\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}],\n" \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 34," \
  " \"fragments\": [[0, 13], [26, 34]]},\n" \
  "           {\"id\": \"T2\", \"label\": \"SPEAKER\", \"start\": 14, \"end\": 19}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T1\", \"to\": \"T2\"}]}\n"

static void
test_version_2 (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) overlapping = g_string_new (INTERRUPTED);
  g_autoptr(GString) newer = g_string_new (INTERRUPTED);

  g_string_replace (overlapping, "[26, 34]", "[12, 34]", 1);
  g_string_replace (newer, "\"version\": 2", "\"version\": 3", 1);
  write_in (fixture, "docs/x.json", INTERRUPTED);
  write_in (fixture, "bad/overlapping.json", overlapping->str);
  write_in (fixture, "bad/newer.json", newer->str);

  g_assert_cmpint (run (fixture, "validate", "docs/x.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "1 file is valid\n");
  g_assert_cmpstr (fixture->err, ==, "");

  g_assert_cmpint (run (fixture, "validate", "bad/newer.json", "bad/overlapping.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "0 of 2 files are valid\n");
  g_assert_cmpstr (fixture->err, ==,
                   "bad/newer.json: the file was written by a newer Spanmark (format version 3); this version"
                   " reads format version 2. Update Spanmark to open it.\n"
                   "bad/overlapping.json: span T1: fragment 2, [12, 34), does not start after fragment 1 ends"
                   " (13): fragments are in order and apart by at least one character\n");

  g_assert_cmpint (run (fixture, "stats", "--json", "docs/x.json", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\"spans\":2,\"discontinuous_spans\":1,"));
  g_assert_nonnull (strstr (fixture->out, "\"claims\":1,\"attributed_claims\":1,"));
  g_assert_cmpint (run (fixture, "stats", "docs/x.json", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\nSpans        2 (1 discontinuous, in several fragments)\n"));
}

/* "Raisi said trade grew." with Raisi relabelled Claim, still said_by */
#define CLAIM_BY_CLAIM \
  "{\"format\": \"spanmark\", \"version\": 1,\n" \
  " \"document\": {\"name\": \"x\", \"text\": \"Raisi said trade grew.\"},\n" \
  " \"labels\": [{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}],\n" \
  " \"spans\": [{\"id\": \"T1\", \"label\": \"CLAIM\", \"start\": 0, \"end\": 5},\n" \
  "           {\"id\": \"T2\", \"label\": \"CLAIM\", \"start\": 11, \"end\": 21}],\n" \
  " \"relations\": [{\"id\": \"R1\", \"type\": \"said_by\", \"from\": \"T2\", \"to\": \"T1\"}]}\n"

static void
test_validate_relation_types (CliFixture    *fixture,
                              gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *conf = NULL;

  write_in (fixture, "x.json", CLAIM_BY_CLAIM);

  /* A claim said by a claim breaks said_by */
  g_assert_cmpint (run (fixture, "validate", "x.json", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "0 of 1 file is valid\n");
  g_assert_cmpstr (fixture->err, ==,
                   "x.json: relation R1: span T1 is labelled CLAIM, but a said_by relation goes to SPEAKER\n");

  /* No export names a claim as a speaker */
  save_small (fixture, "small.json");
  g_assert_cmpint (run (fixture, "export", "--format", "csv", "-o", "out.csv", "small.json", "x.json", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "x.json: relation R1: "));
  csv = read_in (fixture, "out.csv");
  g_assert_null (strstr (csv, "\r\nx,"));
  g_assert_cmpint (run (fixture, "export", "--format", "brat", "-o", "brat", "small.json", "x.json", NULL), ==, 1);
  conf = read_in (fixture, "brat/annotation.conf");
  g_assert_nonnull (strstr (conf, "Arg2:SPEAKER"));
  g_assert_null (strstr (conf, "Arg2:SPEAKER|CLAIM"));
  g_assert_false (exists_in (fixture, "brat/x.ann"));

  /* The folder's schema lets a claim be said by a claim: valid there */
  write_in (fixture, "corpus/x.json", CLAIM_BY_CLAIM);
  write_in (fixture, "corpus/" SM_PROJECT_FILE_NAME,
            "{\"format\": \"spanmark-project\", \"version\": 1,\n"
            " \"labels\": [{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}],\n"
            " \"relations\": [{\"type\": \"said_by\", \"from\": [\"CLAIM\"], \"to\": [\"SPEAKER\", \"CLAIM\"]}]}\n");
  run (fixture, "validate", "corpus", NULL);
  g_assert_null (strstr (fixture->err, "relation R1"));

  /* and the folder's schema wins over the file's own */
  write_in (fixture, "strict/x.json", CLAIM_BY_CLAIM);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = path_in (fixture, "strict/x.json");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(SmDocument) document = sm_document_new_from_file (file, NULL, &error);
    const char * const claims[] = { "CLAIM", NULL };

    g_assert_no_error (error);
    sm_document_set_relation_type (document, "said_by", claims, claims, NULL);
    g_assert_true (sm_document_save_to_file (document, file, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (run (fixture, "validate", "strict/x.json", NULL), ==, 0);
  write_in (fixture, "strict/" SM_PROJECT_FILE_NAME,
            "{\"format\": \"spanmark-project\", \"version\": 1,\n"
            " \"labels\": [{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}]}\n");
  g_assert_cmpint (run (fixture, "validate", "strict", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err,
                            "strict/x.json: relation R1: span T1 is labelled CLAIM, but a said_by relation goes to SPEAKER\n"));
}

static void
test_stats (CliFixture    *fixture,
            gconstpointer  data)
{
  save_small (fixture, "a.json");

  g_assert_cmpint (run (fixture, "stats", "--json", "a.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==,
                   "{\"documents\":1,\"invalid\":0,\"status\":{\"new\":0,\"in-progress\":1,\"done\":0},"
                   "\"characters\":44,\"spans\":3,\"discontinuous_spans\":0,"
                   "\"labels\":{\"SPEAKER\":1,\"CLAIM\":1,\"FIGURE\":1},"
                   "\"relations\":1,\"relation_types\":{\"said_by\":1},\"claims\":1,\"attributed_claims\":1,"
                   "\"spans_per_document\":{\"median\":3,\"p90\":3,\"max\":3}}\n");

  g_assert_cmpint (run (fixture, "stats", "a.json", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==,
                   "Documents    1 (0 new, 1 in progress, 0 done)\n"
                   "Characters   44\n"
                   "Spans        3\n"
                   "  SPEAKER    1      ████████████████████████ 33%\n"
                   "  CLAIM      1      ████████████████████████ 33%\n"
                   "  FIGURE     1      ████████████████████████ 33%\n"
                   "Per document median 3, 90th percentile 3, most 3\n"
                   "Relations    1\n"
                   "  said_by    1\n"
                   "Claims       1 (1 attributed to a speaker)\n");

  /* In a folder, an article with no Spanmark file beside it is a new document */
  {
    g_autofree char *folder = g_build_filename (fixture->dir, "corpus", NULL);
    g_autofree char *article = g_build_filename (folder, "b.txt", NULL);
    g_autofree char *annotations = g_build_filename (folder, "a.json", NULL);
    g_autofree char *original = g_build_filename (fixture->dir, "a.json", NULL);
    g_autofree char *copied = NULL;

    g_mkdir_with_parents (folder, 0755);
    g_assert_true (g_file_get_contents (original, &copied, NULL, NULL));
    g_assert_true (g_file_set_contents (annotations, copied, -1, NULL));
    g_assert_true (g_file_set_contents (article, "Ünïcode: five.", -1, NULL));

    g_assert_cmpint (run (fixture, "stats", "--json", "corpus", NULL), ==, 0);
    g_assert_nonnull (strstr (fixture->out, "{\"documents\":2,\"invalid\":0,\"status\":{\"new\":1,\"in-progress\":1,\"done\":0},\"characters\":58,"));
    g_assert_nonnull (strstr (fixture->out, "\"spans_per_document\":{\"median\":0,\"p90\":3,\"max\":3}}"));
  }
}

/* A corpus folder's spanmark-project.json is its label schema, not a
 * document: no command reads it as one */
static void
test_project_file_is_not_a_document (CliFixture    *fixture,
                                     gconstpointer  data)
{
  const char *commands[][6] = {
    { "validate", "corpus", NULL },
    { "stats", "corpus", NULL },
    { "stats", "--json", "corpus", NULL },
    { "export", "-f", "jsonl", "-o", "out.jsonl", "corpus" },
    { "export", "-f", "brat", "-o", "brat", "corpus" },
  };

  g_autoptr(SmDocument) b = fixture_small_document ();
  g_autofree char *b_dir = path_in (fixture, "corpus/2026");
  g_autofree char *b_path = path_in (fixture, "corpus/2026/b.json");

  save_small (fixture, "corpus/a.json");
  g_mkdir_with_parents (b_dir, 0755);
  sm_document_set_name (b, "b");
  {
    /* A label the schema no longer has, that no span uses */
    g_autoptr(SmLabel) stale = sm_label_new ("LABEL_4", "Label 4", NULL, NULL);

    g_assert_true (sm_document_add_label (b, stale, NULL));
  }
  fixture_save (b, b_path);
  write_in (fixture, "corpus/spanmark-project.json",
            "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": ["
            "{\"id\": \"SPEAKER\"}, {\"id\": \"CLAIM\"}, {\"id\": \"FIGURE\"},"
            " {\"id\": \"SOURCE\", \"name\": \"Source\", \"key\": \"s\"}]}");
  /* One in a subfolder is a schema too (of the subfolder opened alone) */
  write_in (fixture, "corpus/2026/spanmark-project.json",
            "{\"format\": \"spanmark-project\", \"version\": 1, \"labels\": []}");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_test_message ("spanmark-cli %s", commands[i][0]);
      g_assert_cmpint (run (fixture, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                            commands[i][4], commands[i][5], NULL), ==, 0);
      g_assert_null (strstr (fixture->out, "spanmark-project"));
      g_assert_null (strstr (fixture->err, "spanmark-project"));
      g_assert_null (strstr (fixture->err, "not a Spanmark file"));
    }

  g_assert_cmpint (run (fixture, "validate", "corpus", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "2 files are valid\n");
  g_assert_cmpint (run (fixture, "stats", "--json", "corpus", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "{\"documents\":2,\"invalid\":0,"));
  /* The folder's labels, used or not, and no other unused one */
  g_assert_nonnull (strstr (fixture->out, "\"labels\":{\"SPEAKER\":2,\"CLAIM\":2,\"FIGURE\":2,\"SOURCE\":0},"));
  g_assert_cmpint (run (fixture, "export", "-f", "jsonl", "-o", "again.jsonl", "corpus", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "Exported 2 documents to again.jsonl\n");

  /* A broken schema is reported once; the folder's documents, whose
   * relations it types, are not counted without it */
  write_in (fixture, "corpus/spanmark-project.json", "{\"format\": \"spanmark-project\", \"version\": 1}");
  g_assert_cmpint (run (fixture, "stats", "--json", "corpus", NULL), ==, 1);
  g_assert_cmpstr (fixture->err, ==, "corpus/spanmark-project.json: “labels” is missing\n");
  g_assert_true (g_str_has_prefix (fixture->out, "{\"documents\":0,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/help", CliFixture, NULL, cli_fixture_set_up, test_help, cli_fixture_tear_down);
  g_test_add ("/cli/import-as-suggestions", CliFixture, NULL, cli_fixture_set_up, test_import_as_suggestions, cli_fixture_tear_down);
  g_test_add ("/cli/import/annotator", CliFixture, NULL, cli_fixture_set_up, test_import_annotator, cli_fixture_tear_down);
  g_test_add ("/cli/usage-errors", CliFixture, NULL, cli_fixture_set_up, test_usage_errors, cli_fixture_tear_down);
  g_test_add ("/cli/export/stdout-file-and-force", CliFixture, NULL,
              cli_fixture_set_up, test_export_stdout_file_and_force, cli_fixture_tear_down);
  g_test_add ("/cli/export/every-format", CliFixture, NULL,
              cli_fixture_set_up, test_export_every_format, cli_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_brat); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/import/bad-brat/%s", bad_brat[i].name);

      g_test_add (path, CliFixture, &bad_brat[i], cli_fixture_set_up, test_bad_brat, cli_fixture_tear_down);
    }
  g_test_add ("/cli/import/truncated-jsonl", CliFixture, NULL, cli_fixture_set_up, test_truncated_jsonl, cli_fixture_tear_down);
  g_test_add ("/cli/import/never-overwrites", CliFixture, NULL,
              cli_fixture_set_up, test_import_never_overwrites, cli_fixture_tear_down);
  g_test_add ("/cli/validate", CliFixture, NULL, cli_fixture_set_up, test_validate, cli_fixture_tear_down);
  g_test_add ("/cli/validate/relation-types", CliFixture, NULL, cli_fixture_set_up,
              test_validate_relation_types, cli_fixture_tear_down);
  g_test_add ("/cli/stats", CliFixture, NULL, cli_fixture_set_up, test_stats, cli_fixture_tear_down);
  g_test_add ("/cli/version-2", CliFixture, NULL, cli_fixture_set_up, test_version_2, cli_fixture_tear_down);
  g_test_add ("/cli/project-file-is-not-a-document", CliFixture, NULL,
              cli_fixture_set_up, test_project_file_is_not_a_document, cli_fixture_tear_down);

  return g_test_run ();
}
