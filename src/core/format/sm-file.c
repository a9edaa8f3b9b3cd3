/* sm-file.c: replacing a file's contents so that a failure never loses the old ones.
 *
 * Saves and drafts are written in one worker thread, one after another in
 * the order they were asked for: a save of a document snapshot taken later
 * can never be overwritten by one taken earlier that took longer to write,
 * and a draft removed once its work is saved is removed after any write
 * of it still under way.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-file.h"
#include "sm-thread.h"

/**
 * sm_file_set_io_error:
 * @io_error: what GIO said
 * @file_name: the name to show
 * @writing: whether saving or opening failed
 *
 * GIO's messages name temporary files and say "Error opening file"; this
 * says instead what happened to the user's file and what they can do:
 * "x.json: could not save: the disk is full".
 */
void
sm_file_set_io_error (GError     **error,
              GError      *io_error,
              const char  *file_name,
              gboolean     writing)
{
  const char *reason;

  if (io_error->domain != G_IO_ERROR)
    {
      g_set_error (error, io_error->domain, io_error->code, "%s: %s", file_name, io_error->message);
      return;
    }

  switch (io_error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      reason = writing ? _("the folder does not exist") : _("the file does not exist");
      break;

    case G_IO_ERROR_PERMISSION_DENIED:
      reason = writing ? _("you do not have permission to write there")
                       : _("you do not have permission to read it");
      break;

    case G_IO_ERROR_IS_DIRECTORY:
      reason = _("it is a folder, not a file");
      break;

    case G_IO_ERROR_NO_SPACE:
      reason = _("the disk is full");
      break;

    case G_IO_ERROR_READ_ONLY:
      reason = _("the disk or folder is read-only");
      break;

    case G_IO_ERROR_FILENAME_TOO_LONG:
      reason = _("the file name is too long");
      break;

    default:
      reason = NULL;
      break;
    }

  if (reason != NULL)
    g_set_error (error, G_IO_ERROR, io_error->code,
                 writing ? _("%s: could not save: %s") : _("%s: could not open: %s"),
                 file_name, reason);
  else
    g_set_error (error, G_IO_ERROR, io_error->code,
                 writing ? _("%s: could not save: %s") : _("%s: could not open: %s"),
                 file_name, io_error->message);
}

/**
 * sm_file_replace:
 * @file: the file to write
 * @contents: its new contents
 *
 * Replaces @file's contents atomically: they go to a temporary file beside
 * @file, which is synced and renamed over @file only once complete. On any
 * failure @file keeps its old contents and the temporary file is removed.
 * Errors are set as sm_file_set_io_error() says them.
 */
gboolean
sm_file_replace (GFile         *file,
             GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = g_file_get_basename (file);

  /* Replacing writes a temporary file beside @file, and closing the
   * stream syncs it and renames it over @file. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL)
    {
      sm_file_set_io_error (error, local_error, file_name, TRUE);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out),
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A plain close would rename the half-written file over @file (as
       * g_file_replace_contents() does on a full disk); a cancelled close
       * deletes it and leaves @file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      sm_file_set_io_error (error, local_error, file_name, TRUE);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      sm_file_set_io_error (error, local_error, file_name, TRUE);
      return FALSE;
    }

  return TRUE;
}

static void
replace_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *contents = task_data;
  GError *error = NULL;

  sm_thread_lower_priority ();
  if (sm_file_replace (G_FILE (source_object), contents, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sm_file_replace_async:
 *
 * Like sm_file_replace(), in a worker thread.
 */
void
sm_file_replace_async (GFile               *file,
                       GBytes              *contents,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_file_replace_async);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, replace_in_thread);
}

gboolean
sm_file_replace_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Job;

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  sm_thread_lower_priority ();
  job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
             g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

/**
 * sm_file_run_in_order:
 * @task: a task
 * @func: what to run for it in the worker thread; it returns @task's result
 *
 * Like g_task_run_in_thread(), in the one thread that writes saves and
 * drafts: each task starts once the ones given before it are done, so
 * that writes of the same file land in the order they were asked for, and
 * their callbacks run in that order too.
 */
void
sm_file_run_in_order (GTask           *task,
                      GTaskThreadFunc  func)
{
  static GThreadPool *writer = NULL;
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  if (g_once_init_enter (&writer))
    g_once_init_leave (&writer, g_thread_pool_new (run_job, NULL, 1, FALSE, NULL));

  job = g_new (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (writer, job, NULL);
}
