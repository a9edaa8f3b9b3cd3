/* sm-cli-merge.c: spanmark-cli merge, git's merge driver for Spanmark files,
 * and spanmark-cli git-setup, which registers it.
 *
 * The merge itself is SmMerge's (src/core/teams); this file reads the three
 * versions, refuses what cannot be merged before touching OURS, and writes
 * the result over OURS, as git expects of a driver (%O %A %B).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-format.h"
#include "sm-merge.h"

#define GIT_DRIVER_NAME    "spanmark"
/* %P, the file's path in the repository, names it in messages instead of
 * the temporary file git hands over as %A */
#define GIT_DRIVER_COMMAND "spanmark-cli merge %O %A %B %P"
#define GIT_ATTRIBUTES     "*.json merge=" GIT_DRIVER_NAME
/* A corpus's schema is not an annotated document: git's own line merge,
 * with conflict markers to edit, suits it */
#define GIT_PROJECT_ATTRIBUTES "spanmark-project.json merge=text"

/* Reads one version; git gives an empty BASE when both sides added the
 * file (then @empty is set and %NULL returned without an error) */
static SmDocument *
read_version (const char  *path,
              gboolean     allow_empty,
              gboolean    *empty,
              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = sm_cli_display_name (path);
  SmDocument *document;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (allow_empty && length == 0)
    {
      *empty = TRUE;
      return NULL;
    }

  document = sm_format_parse (contents, length, error);
  if (document == NULL)
    {
      /* "FILE:LINE:COL: …" for a position, "FILE: …" otherwise */
      if (g_ascii_isdigit ((*error)->message[0]))
        g_prefix_error (error, "%s:", name);
      else
        g_prefix_error (error, "%s: ", name);
    }

  return document;
}

/* Another JSON file that "*.json merge=spanmark" sends here (a tool's
 * settings, say): git's own line merge, as if there were no driver.
 * git merge-file writes into OURS and exits with the number of conflicts */
static int
merge_lines (char      **inputs,
             const char *name)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              "git", "merge-file", "-L", name, "-L", "base", "-L", "theirs",
                              inputs[1], inputs[0], inputs[2], NULL);
  if (process == NULL || !g_subprocess_wait (process, NULL, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0
         ? SM_CLI_EXIT_OK : SM_CLI_EXIT_INVALID;
}

static gboolean
is_not_spanmark (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) document = read_version (path, FALSE, NULL, &error);

  return document == NULL && g_error_matches (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_NOT_SPANMARK);
}

int
sm_cli_merge (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmDocument) base = NULL;
  g_autoptr(SmDocument) ours = NULL;
  g_autoptr(SmDocument) theirs = NULL;
  g_autoptr(SmDocument) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *ours_name = NULL;
  gboolean base_empty = FALSE;
  guint n_conflicts = 0;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("BASE OURS THEIRS [NAME]"),
    _("Merge two versions of a Spanmark file with their common ancestor, and write the result\n"
      "into OURS: git's merge driver for annotations (spanmark-cli git-setup registers it).\n"
      "Spans, relations, notes, labels and the status are merged one by one: additions on both\n"
      "sides are kept (span ids renumbered where they collide, relations following), a change\n"
      "on one side is taken, the same change on both sides taken once, a deletion taken.\n"
      "NAME, if given, is how messages name the file (git's %P: the path in the repository)."),
    _("Where both sides changed the same thing differently (a span's label, range or note, a\n"
      "span deleted on one side and edited on the other, a claim's speaker, the status), OURS'\n"
      "value is kept and both sides are recorded in the file's “conflicts” member, for\n"
      "Spanmark to decide: the file stays valid. Versions of different article texts are not\n"
      "merged; JSON files that are not Spanmark files get git's line merge.\n"
      "\n"
      "Exit status: 0 if the merge is clean, 1 if conflicts were recorded or an input could not\n"
      "be read or merged (then OURS is left as it was), 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "merge", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (inputs == NULL || g_strv_length (inputs) < 3 || g_strv_length (inputs) > 4)
    return sm_cli_usage_error ("merge", _("give three files: the base version, ours and theirs"));

  ours_name = sm_cli_display_name (inputs[inputs[3] != NULL ? 3 : 1]);

  if (is_not_spanmark (inputs[1]) && is_not_spanmark (inputs[2]))
    return merge_lines (inputs, ours_name);

  if (!(ours = read_version (inputs[1], FALSE, NULL, &error)) ||
      !(theirs = read_version (inputs[2], FALSE, NULL, &error)) ||
      (!(base = read_version (inputs[0], TRUE, &base_empty, &error)) && !base_empty))
    {
      sm_cli_print_error (error);
      g_printerr (_("%s: not merged, left as it was\n"), ours_name);
      return SM_CLI_EXIT_INVALID;
    }

  /* Added on both sides: an ancestor with the text and nothing on it, so
   * that every span of either side is an addition */
  if (base_empty)
    base = sm_document_new (sm_document_get_text (ours), sm_document_get_name (ours));

  result = sm_merge_documents (base, ours, theirs, &n_conflicts, &error);
  if (result == NULL)
    {
      g_printerr ("%s: %s\n", ours_name, error->message);
      g_printerr (_("%s: not merged, left as it was\n"), ours_name);
      return SM_CLI_EXIT_INVALID;
    }

  file = g_file_new_for_path (inputs[1]);
  if (!sm_document_save_to_file (result, file, NULL, &error))
    {
      g_printerr ("%s: %s\n", ours_name, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  if (n_conflicts > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: %u conflict recorded under “conflicts”; the spans keep ours until it is decided\n",
                               "%s: %u conflicts recorded under “conflicts”; the spans keep ours until they are decided\n",
                               n_conflicts),
                  ours_name, n_conflicts);
      return SM_CLI_EXIT_INVALID;
    }

  return SM_CLI_EXIT_OK;
}

/* Runs git with @args in @folder; its output in @output when wanted */
static gboolean
run_git (const char   *folder,
         char        **output,
         GError      **error,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list list;

  g_ptr_array_add (args, (char *) "git");
  g_ptr_array_add (args, (char *) "-C");
  g_ptr_array_add (args, (char *) folder);
  va_start (list, error);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, error))
    return FALSE;

  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_strstrip (err != NULL ? err : ""));
      return FALSE;
    }

  if (output != NULL)
    *output = g_strdup (g_strstrip (out));
  return TRUE;
}

static gboolean
has_line (const char *contents,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strcmp (g_strstrip (lines[i]), line) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Appends the lines @.gitattributes lacks; a second run adds nothing */
static gboolean
add_attributes (const char  *path,
                gboolean    *changed,
                GError     **error)
{
  const char *lines[] = { GIT_ATTRIBUTES, GIT_PROJECT_ATTRIBUTES };
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) read_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &read_error))
    {
      if (!g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      contents = g_strdup ("");
    }

  out = g_string_new (contents);
  *changed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (has_line (contents, lines[i]))
        continue;
      if (out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", lines[i]);
      *changed = TRUE;
    }

  return !*changed || g_file_set_contents (path, out->str, out->len, error);
}

int
sm_cli_git_setup (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *top = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *folder = NULL;
  gboolean changed;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("[FOLDER]"),
    _("Register spanmark-cli merge as git's merge driver for the Spanmark files of the git\n"
      "repository FOLDER is in (the current folder if none is given): the driver in the\n"
      "repository's .git/config, and “*.json merge=spanmark” in .gitattributes at its top.\n"
      "spanmark-project.json is left to git's line merge. Running it again changes nothing."),
    _("Commit .gitattributes so that every clone merges the same way; each clone runs\n"
      "git-setup once, as git keeps drivers out of what it shares.\n"
      "\n"
      "Exit status: 0 if the driver is registered, 1 if FOLDER is not in a git repository or\n"
      "a file could not be written, 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "git-setup", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (inputs != NULL && g_strv_length (inputs) > 1)
    return sm_cli_usage_error ("git-setup", _("give at most one folder"));

  folder = sm_cli_display_name (inputs != NULL ? inputs[0] : ".");

  if (!run_git (folder, &top, &error, "rev-parse", "--show-toplevel", NULL))
    {
      g_printerr (_("%s: not in a git repository (%s): run “git init” there first\n"),
                  folder, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  /* git config replaces the value: a second run leaves one entry */
  if (!run_git (folder, NULL, &error, "config", "merge." GIT_DRIVER_NAME ".name",
                _("Spanmark annotations"), NULL) ||
      !run_git (folder, NULL, &error, "config", "merge." GIT_DRIVER_NAME ".driver",
                GIT_DRIVER_COMMAND, NULL))
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  attributes = g_build_filename (top, ".gitattributes", NULL);
  if (!add_attributes (attributes, &changed, &error))
    {
      g_printerr ("%s: %s\n", attributes, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  g_print (_("The Spanmark merge driver is registered in %s\n"), top);
  if (changed)
    g_print (_("%s: the Spanmark files are merged by it; commit it to share that\n"), attributes);

  return SM_CLI_EXIT_OK;
}
