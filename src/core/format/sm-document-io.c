/* sm-document-io.c: opening articles and Spanmark files, and saving safely.
 *
 * A ".json" file is read as a Spanmark file; anything else as a plain-text
 * article, which becomes a new document. Errors start with the file's
 * name, in the compiler style people already read: "x.json:12:4: ..." or
 * "x.json: span T7: ...". Saving replaces the file atomically (see
 * sm-file.c), so a crash or a full disk leaves the old file whole.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-document-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-document-private.h"
#include "sm-file.h"
#include "sm-format.h"
#include "sm-thread.h"

typedef struct
{
  GFile            *file;
  SmFormatSnapshot *snapshot;
  guint64           version;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->snapshot, sm_format_snapshot_free);
  g_free (data);
}

/* Puts @file_name in front of the message, joined as a position or as a context */
static void
prefix_error (GError     **error,
              const char  *file_name)
{
  if (error == NULL || *error == NULL)
    return;

  if (g_ascii_isdigit ((*error)->message[0]))
    g_prefix_error (error, "%s:", file_name);
  else
    g_prefix_error (error, "%s: ", file_name);
}

static gboolean
is_spanmark_file_name (const char *file_name)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);

  return g_str_has_suffix (lower, ".json");
}

/* "belarus-iran-sanctions.txt" is the document "belarus-iran-sanctions" */
static char *
document_name (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/**
 * sm_document_new_from_bytes:
 * @bytes: the contents of a file
 * @file_name: the file's name or path, used to tell a Spanmark file
 *   (".json") from an article, to name a new document, and in errors
 *
 * Returns: (transfer full) (nullable): the document, unmodified
 */
SmDocument *
sm_document_new_from_bytes (GBytes      *bytes,
                            const char  *file_name,
                            GError     **error)
{
  g_autoptr(SmText) text = NULL;
  g_autofree char *name = NULL;
  SmDocument *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (is_spanmark_file_name (file_name))
    {
      if (!(document = sm_format_parse (data, length, error)))
        prefix_error (error, file_name);
      return document;
    }

  if (!(text = sm_text_new (data, length, error)))
    {
      prefix_error (error, file_name);
      return NULL;
    }

  name = document_name (file_name);
  return sm_document_new (text, name);
}

/**
 * sm_document_new_from_file:
 * @file: a Spanmark file (".json") or a plain-text article
 *
 * Returns: (transfer full) (nullable): the document, unmodified
 */
SmDocument *
sm_document_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  file_name = g_file_get_basename (file);

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      sm_file_set_io_error (error, local_error, file_name, FALSE);
      return NULL;
    }

  return sm_document_new_from_bytes (bytes, file_name, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SmDocument *document;

  sm_thread_lower_priority ();
  if ((document = sm_document_new_from_file (task_data, cancellable, &error)))
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sm_document_new_from_file_async:
 *
 * Reads and checks @file in a worker thread, so that a large article
 * never blocks the window.
 */
void
sm_document_new_from_file_async (GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_document_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

SmDocument *
sm_document_new_from_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sm_document_save_to_file:
 *
 * Writes the document as a Spanmark file, replacing @file atomically. On
 * failure the file on disk is unchanged and the document stays modified.
 */
gboolean
sm_document_save_to_file (SmDocument    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 version;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  version = _sm_document_get_version (self);
  bytes = sm_format_serialize (self);

  if (!sm_file_replace (file, bytes, cancellable, error))
    return FALSE;

  _sm_document_mark_saved (self, version);

  return TRUE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = sm_format_snapshot_serialize (data->snapshot);
  g_clear_pointer (&data->snapshot, sm_format_snapshot_free);

  if (sm_file_replace (data->file, bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sm_document_save_to_file_async:
 *
 * Like sm_document_save_to_file(), writing in a worker thread. The
 * document is copied (sm_format_snapshot_new(), tens of milliseconds for 100,000
 * spans) before this returns, and the copy is serialized and written in
 * the worker: changes made while the save runs are not in the file and
 * leave the document modified. Saves and drafts are written one at a time
 * in the order asked for (sm_file_run_in_order()), so two saves of one
 * file end with the later one on disk.
 */
void
sm_document_save_to_file_async (SmDocument          *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->version = _sm_document_get_version (self);
  data->snapshot = sm_format_snapshot_new (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_document_save_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  sm_file_run_in_order (task, save_in_thread);
}

gboolean
sm_document_save_to_file_finish (SmDocument    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  _sm_document_mark_saved (self, data->version);

  return TRUE;
}
