/* sm-git-versions.c: the Spanmark files of a folder as a git branch has
 * them, read from the repository without checking the branch out.
 *
 * `git ls-tree` lists the branch's files under the folder and one
 * `git cat-file --batch` reads them all, so that a corpus of thousands of
 * files costs two processes per branch, not one per file.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-teams"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-git-versions.h"

/* The schema of a corpus, not an annotated document */
#define PROJECT_FILE "spanmark-project.json"

/* Runs git in @folder with @args (after "git"), @input on its standard
 * input; returns its standard output, or %NULL with git's own complaint */
static GBytes *
run_git (const char          *folder,
         const char * const  *args,
         GBytes              *input,
         GCancellable        *cancellable,
         GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_ptr_array_add (argv, (gpointer) "git");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_cwd (launcher, folder);
  /* Messages parsed or shown as git writes them, whatever the locale */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (process == NULL)
    {
      g_prefix_error (error, _("Could not run git: "));
      return NULL;
    }

  if (!g_subprocess_communicate (process, input, cancellable, &out, &err, error))
    return NULL;

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *message = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git %s: %s", args[0],
                   g_strstrip (message));
      return NULL;
    }

  return g_steal_pointer (&out);
}

/**
 * sm_git_dup_top_folder:
 * @folder: a folder in a git working tree
 * @cancellable: (nullable): a #GCancellable
 * @error: set when @folder is in no git working tree, or git cannot run
 *
 * Returns: (transfer full) (nullable): the top folder of the working tree
 */
char *
sm_git_dup_top_folder (const char    *folder,
                       GCancellable  *cancellable,
                       GError       **error)
{
  static const char * const args[] = { "rev-parse", "--show-toplevel", NULL };
  g_autoptr(GBytes) out = NULL;
  char *top;

  g_return_val_if_fail (folder != NULL, NULL);

  if (!(out = run_git (folder, args, NULL, cancellable, error)))
    return NULL;

  top = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  return g_strchomp (top);
}

static gboolean
is_document_path (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  /* cat-file --batch reads one name a line */
  return g_str_has_suffix (name, ".json") && strcmp (name, PROJECT_FILE) != 0 &&
         strchr (path, '\n') == NULL;
}

/* @branch's Spanmark file paths under @folder, in the repository */
static GPtrArray *
list_paths (const char    *folder,
            const char    *branch,
            GCancellable  *cancellable,
            GError       **error)
{
  const char * const args[] = { "ls-tree", "-r", "-z", "--name-only", "--full-name", branch, "--", NULL };
  g_autoptr(GBytes) out = NULL;
  GPtrArray *paths;
  const char *data, *end;

  if (!(out = run_git (folder, args, NULL, cancellable, error)))
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  data = g_bytes_get_data (out, NULL);
  end = data + g_bytes_get_size (out);
  while (data < end)
    {
      const char *stop = memchr (data, '\0', end - data);
      g_autofree char *path = g_strndup (data, (stop != NULL ? stop : end) - data);

      if (is_document_path (path))
        g_ptr_array_add (paths, g_steal_pointer (&path));
      data = stop != NULL ? stop + 1 : end;
    }

  return paths;
}

/**
 * sm_git_foreach_version:
 * @folder: a folder in a git working tree
 * @branch: a branch (or any commit) of its repository
 * @func: (scope call): called with each Spanmark file under @folder, as
 *   @branch has it
 * @user_data: for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: set when git cannot list or read the branch (no such branch,
 *   not a repository)
 *
 * Reads the `.json` files under @folder on @branch, in the order git lists
 * them, without checking the branch out; a JSON file that is not a
 * Spanmark file, and the corpus's spanmark-project.json, are left out.
 *
 * Returns: %FALSE with @error set if git failed
 */
gboolean
sm_git_foreach_version (const char        *folder,
                        const char        *branch,
                        SmGitVersionFunc   func,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  static const char * const args[] = { "cat-file", "--batch", NULL };
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GString) requests = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) out = NULL;
  const char *data, *end;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (branch != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* A name git would take for an option */
  if (branch[0] == '-' || branch[0] == '\0' || strchr (branch, '\n') != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a branch name"), branch);
      return FALSE;
    }

  if (!(paths = list_paths (folder, branch, cancellable, error)))
    return FALSE;
  if (paths->len == 0)
    return TRUE;

  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (requests, "%s:%s\n", branch, (char *) g_ptr_array_index (paths, i));
  input = g_string_free_to_bytes (g_steal_pointer (&requests));
  if (!(out = run_git (folder, args, input, cancellable, error)))
    return FALSE;

  /* Each answer: "OID blob SIZE\n", the SIZE bytes, "\n" */
  data = g_bytes_get_data (out, NULL);
  end = data + g_bytes_get_size (out);
  for (guint i = 0; i < paths->len && data < end; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const char *newline = memchr (data, '\n', end - data);
      g_autofree char *header = g_strndup (data, (newline != NULL ? newline : end) - data);
      g_autofree char *display_name = g_strdup_printf ("%s:%s", branch, path);
      g_auto(GStrv) fields = g_strsplit (header, " ", 3);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SmDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;
      guint64 size;

      if (newline == NULL || g_strv_length (fields) != 3 || strcmp (fields[1], "blob") != 0 ||
          !g_ascii_string_to_unsigned (fields[2], 10, 0, end - newline - 1, &size, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("git cat-file: unexpected answer for %s: %s"), display_name, header);
          return FALSE;
        }

      bytes = g_bytes_new_from_bytes (out, newline + 1 - (const char *) g_bytes_get_data (out, NULL), size);
      data = newline + 1 + size + 1;

      document = sm_document_new_from_bytes (bytes, display_name, &local_error);
      if (g_error_matches (local_error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_NOT_SPANMARK))
        continue;
      if (!func (path, document, local_error, user_data))
        break;
    }

  return TRUE;
}
