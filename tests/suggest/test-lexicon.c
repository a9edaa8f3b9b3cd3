/* test-lexicon.c: the word lists the suggestion rules read.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sm-lexicon.h"
#include "temp-folder.h"

static void
write_list (const char *dir,
            const char *language,
            const char *name,
            const char *contents)
{
  g_autofree char *folder = g_build_filename (dir, language, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Every language gets the common lists, built in */
static void
test_lexicon_common_lists (void)
{
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new_from_dirs ("xx", NULL);

  g_assert_cmpstr (sm_lexicon_get_language (lexicon), ==, "xx");
  g_assert_true (sm_lexicon_has_list (lexicon, "quotation-marks"));
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "quotation-marks", "«"), ==, "»");
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "quotation-marks", "„"), ==, "“”");
  g_assert_null (sm_lexicon_lookup (lexicon, "quotation-marks", "x"));
  g_assert_false (sm_lexicon_has_list (lexicon, "no-such-list"));
  g_assert_null (sm_lexicon_get_entries (lexicon, "no-such-list")[0]);
}

/* A user's file of the same name adds entries, "!" takes one out, and
 * entries compare casefolded with runs of space as one */
static void
test_lexicon_user_lists (void)
{
  g_autofree char *dir = temp_folder_new ("lexicon");
  const char * const dirs[] = { dir, NULL };
  g_autoptr(SmLexicon) lexicon = NULL;
  const char * const *entries;

  write_list (dir, "zz", "speech-verbs.txt",
              "# verbs\n\nsaid\nTold  Reporters\ndeclared\tpast\n");
  write_list (dir, "common", "quotation-marks.txt", "!«\n⹂\t”\n");

  lexicon = sm_lexicon_new_from_dirs ("zz", dirs);

  g_assert_true (sm_lexicon_contains (lexicon, "speech-verbs", "SAID"));
  g_assert_true (sm_lexicon_contains (lexicon, "speech-verbs", "told reporters"));
  g_assert_true (sm_lexicon_contains (lexicon, "speech-verbs", "told\treporters"));
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "speech-verbs", "declared"), ==, "past");
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "speech-verbs", "said"), ==, "");
  g_assert_false (sm_lexicon_contains (lexicon, "speech-verbs", "# verbs"));
  g_assert_cmpuint (sm_lexicon_get_max_words (lexicon, "speech-verbs"), ==, 2);

  entries = sm_lexicon_get_entries (lexicon, "speech-verbs");
  g_assert_cmpuint (g_strv_length ((char **) entries), ==, 3);
  g_assert_cmpstr (entries[1], ==, "Told  Reporters");

  g_assert_null (sm_lexicon_lookup (lexicon, "quotation-marks", "«"));
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "quotation-marks", "⹂"), ==, "”");
  g_assert_cmpstr (sm_lexicon_lookup (lexicon, "quotation-marks", "“"), ==, "”");

  temp_folder_remove (dir);
}

/* The one form every recognizer compares words in */
static void
test_lexicon_keys (void)
{
  static const struct { const char *text; const char *key; } cases[] = {
    { "  Told \t Reporters ", "told reporters" },
    { "ÉTAT", "état" },
    { "E\xcc\x81tat", "état" },          /* decomposed: NFC first */
    { "Straße", "strasse" },              /* casefolded, not only lowered */
    { "درصد", "درصد" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sm_lexicon_dup_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
check_guess (const char *text,
             const char *expected)
{
  g_autoptr(SmText) article = sm_text_new (text, -1, NULL);
  g_autofree char *language = sm_lexicon_guess_language (article);

  g_assert_cmpstr (language, ==, expected);
}

static void
test_lexicon_guess_language (void)
{
  check_guess ("The Leader said agreements among countries must not remain "
               "limited to meetings.", "en");
  check_guess ("رهبر انقلاب گفت کشورهای تحریم‌شده باید با هم همکاری کنند.", "fa");
  check_guess ("قال الرئيس إن البلدين سيوقعان ثماني اتفاقيات.", "ar");
  check_guess ("Der Präsident sagte, die Sanktionen könnten eine Chance sein.", "und");
}

static gpointer
compile_count (SmLexicon *lexicon)
{
  static gint n_compiled;
  gint *count = g_new (gint, 1);

  /* Slow enough that threads asking together would each compile */
  g_usleep (10000);
  *count = g_atomic_int_add (&n_compiled, 1) + 1;

  return count;
}

static gpointer
get_compiled_in_thread (gpointer lexicon)
{
  return sm_lexicon_get_compiled (lexicon, "count", compile_count, g_free);
}

/* What is compiled from a lexicon is built once, whoever asks first, and
 * freed with the lexicon */
static void
test_lexicon_compiled (void)
{
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new_from_dirs ("en", NULL);
  GThread *threads[4];
  gpointer first;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("compiled", get_compiled_in_thread, lexicon);
  first = g_thread_join (threads[0]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (g_thread_join (threads[i]) == first);

  g_assert_cmpint (*(gint *) first, ==, 1);
  g_assert_true (sm_lexicon_get_compiled (lexicon, "count", compile_count, g_free) == first);

  /* Another name is another thing compiled */
  g_assert_cmpint (*(gint *) sm_lexicon_get_compiled (lexicon, "other", compile_count, g_free), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lexicon/common-lists", test_lexicon_common_lists);
  g_test_add_func ("/lexicon/user-lists", test_lexicon_user_lists);
  g_test_add_func ("/lexicon/keys", test_lexicon_keys);
  g_test_add_func ("/lexicon/guess-language", test_lexicon_guess_language);
  g_test_add_func ("/lexicon/compiled", test_lexicon_compiled);

  return g_test_run ();
}
