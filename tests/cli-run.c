/* cli-run.c: running spanmark-cli as a user does, and the small documents
 * its tests give it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-run.h"

/**
 * cli_runv:
 * @folder: where it runs
 * @out: (inout): its standard output, in place of what was there (freed)
 * @err: (inout): its standard error, the same way
 * @args: (array zero-terminated=1): its arguments
 *
 * Runs the spanmark-cli that $SPANMARK_CLI names, to the end.
 *
 * Returns: its exit status
 */
int
cli_runv (const char         *folder,
          char              **out,
          char              **err,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SPANMARK_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, folder);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

/**
 * cli_run:
 * @...: the arguments, then %NULL
 *
 * cli_runv() with the arguments listed.
 */
int
cli_run (const char  *folder,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, err);
  while ((arg = va_arg (list, const char *)))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  return cli_runv (folder, out, err, (const char * const *) args->pdata);
}

/**
 * cli_assert_usage_error:
 * @args: (array zero-terminated=1): a command and its arguments
 * @message: what is wrong, as the command says it
 *
 * Checks that the command line is refused as wrong: exit status 2, the
 * message and the pointer to --help on standard error, nothing on
 * standard output.
 */
void
cli_assert_usage_error (const char         *folder,
                        const char * const *args,
                        const char         *message)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("spanmark-cli %s: %s\n"
                                               "Run “spanmark-cli %s --help” to see how to use it.\n",
                                               args[0], message, args[0]);

  g_assert_cmpint (cli_runv (folder, &out, &err, args), ==, 2);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
}

SmDocument *
cli_document_new (const char *name,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) article = sm_text_new (text, -1, &error);

  g_assert_no_error (error);

  return sm_document_new (article, name);
}

/**
 * cli_document_tag:
 * @document: a document of ASCII text
 * @label: the span's label
 * @words: words of the text, tagged where they first occur
 *
 * Returns: (transfer none): the span
 */
SmSpan *
cli_document_tag (SmDocument *document,
                  const char *label,
                  const char *words)
{
  const char *text = sm_text_get_utf8 (sm_document_get_text (document));
  const char *found = strstr (text, words);
  g_autoptr(GError) error = NULL;
  SmSpan *span;

  g_assert_nonnull (found);
  span = sm_document_add_span (document, label, found - text, found - text + strlen (words), &error);
  g_assert_no_error (error);

  return span;
}

void
cli_document_save (SmDocument *document,
                   const char *folder,
                   const char *relative)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  sm_document_save_to_file (document, file, NULL, &error);
  g_assert_no_error (error);
}

/**
 * cli_document_load:
 * @folder: the test's folder
 * @relative: the file's path in it
 *
 * Returns: (transfer full): the document the file holds
 */
SmDocument *
cli_document_load (const char *folder,
                   const char *relative)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmDocument *document = sm_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/**
 * cli_parse_object:
 * @text: a command's JSON output
 *
 * Returns: (transfer full): the object it is
 */
JsonObject *
cli_parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
