/* sm-drafts.c: unsaved work, kept on disk every few seconds.
 *
 * A draft is the document as a Spanmark file, KEY.json, and a key file,
 * KEY.draft, saying where the work belongs, in $XDG_STATE_HOME/spanmark/
 * drafts. The key is a hash of where the work belongs, so each document has
 * one draft however often it is written. A draft is removed once its work
 * is saved or discarded; any left when Spanmark starts are what a crash or
 * a kill interrupted, and are offered back.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-drafts"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-drafts.h"
#include "sm-file.h"
#include "sm-format.h"

#define GROUP "Draft"

void
sm_draft_free (SmDraft *draft)
{
  g_clear_pointer (&draft->key, g_free);
  g_clear_pointer (&draft->name, g_free);
  g_clear_object (&draft->target);
  g_clear_object (&draft->article);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft);
}

/**
 * sm_drafts_get_dir:
 *
 * Returns: (transfer full): the folder drafts are kept in
 */
GFile *
sm_drafts_get_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "spanmark", "drafts", NULL);

  return g_file_new_for_path (path);
}

static GFile *
draft_file (const char *key,
            const char *extension)
{
  g_autoptr(GFile) dir = sm_drafts_get_dir ();
  g_autofree char *name = g_strconcat (key, extension, NULL);

  return g_file_get_child (dir, name);
}

/**
 * sm_drafts_make_key:
 * @target: (nullable): the Spanmark file the work is saved in
 * @article: (nullable): the article it was made from
 *
 * Returns: (transfer full): the key of the draft of that work
 */
char *
sm_drafts_make_key (GFile *target,
                    GFile *article)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (target != NULL || article != NULL, NULL);

  uri = g_file_get_uri (target ? target : article);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

typedef struct
{
  char             *key;
  SmFormatSnapshot *snapshot;
  GKeyFile         *key_file;
} DraftData;

static void
draft_data_free (DraftData *data)
{
  g_clear_pointer (&data->key, g_free);
  g_clear_pointer (&data->snapshot, sm_format_snapshot_free);
  g_clear_pointer (&data->key_file, g_key_file_unref);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DraftData *data = task_data;
  GError *error = NULL;
  g_autoptr(GFile) json = draft_file (data->key, ".json");
  g_autoptr(GFile) draft = draft_file (data->key, ".draft");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  bytes = sm_format_snapshot_serialize (data->snapshot);
  g_clear_pointer (&data->snapshot, sm_format_snapshot_free);
  if (!sm_file_replace (json, bytes, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The .draft is written last: a draft without it is not offered */
  contents = g_key_file_to_data (data->key_file, &length, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (sm_file_replace (draft, bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sm_drafts_save_async:
 * @key: from sm_drafts_make_key()
 *
 * Writes @document as the draft @key. The document stays modified.
 *
 * The document is copied (sm_format_snapshot_new()) before this returns;
 * the copy is serialized and written in the worker thread that writes
 * saves, after the saves and drafts asked for before it, so that however
 * large the document the window never waits for its draft.
 */
void
sm_drafts_save_async (const char          *key,
                      SmDocument          *document,
                      GFile               *target,
                      GFile               *article,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) dir = sm_drafts_get_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  DraftData *data;

  g_return_if_fail (key != NULL);
  g_return_if_fail (SM_IS_DOCUMENT (document));

  data = g_new0 (DraftData, 1);
  data->key = g_strdup (key);
  data->key_file = g_key_file_new ();
  g_key_file_set_string (data->key_file, GROUP, "name", sm_document_get_name (document));
  g_key_file_set_string (data->key_file, GROUP, "saved", saved);
  if (target)
    {
      g_autofree char *uri = g_file_get_uri (target);
      g_key_file_set_string (data->key_file, GROUP, "target", uri);
    }
  if (article)
    {
      g_autofree char *uri = g_file_get_uri (article);
      g_key_file_set_string (data->key_file, GROUP, "article", uri);
    }
  data->snapshot = sm_format_snapshot_new (document);

  g_mkdir_with_parents (g_file_peek_path (dir), 0700);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_drafts_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_data_free);
  sm_file_run_in_order (task, save_in_thread);
}

gboolean
sm_drafts_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_draft (const char *key)
{
  g_autoptr(GFile) json = draft_file (key, ".json");
  g_autoptr(GFile) draft = draft_file (key, ".draft");

  g_file_delete (draft, NULL, NULL);
  g_file_delete (json, NULL, NULL);
}

static void
discard_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  delete_draft (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * sm_drafts_discard:
 *
 * Removes the draft @key, once its work is saved or thrown away: at once,
 * and again once the drafts still being written are done, so that a draft
 * written after its work was saved is not left to be offered.
 */
void
sm_drafts_discard (const char *key)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL);

  delete_draft (key);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, sm_drafts_discard);
  g_task_set_task_data (task, g_strdup (key), g_free);
  sm_file_run_in_order (task, discard_in_thread);
}

static GFile *
uri_to_file (GKeyFile   *key_file,
             const char *name)
{
  g_autofree char *uri = g_key_file_get_string (key_file, GROUP, name, NULL);

  return uri ? g_file_new_for_uri (uri) : NULL;
}

/**
 * sm_drafts_list:
 *
 * Returns: (transfer full) (element-type SmDraft): the drafts on disk,
 *   newest first
 */
GPtrArray *
sm_drafts_list (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_draft_free);
  g_autoptr(GFile) dir = sm_drafts_get_dir ();
  g_autoptr(GDir) listing = g_dir_open (g_file_peek_path (dir), 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *path = g_build_filename (g_file_peek_path (dir), name, NULL);
      g_autofree char *saved = NULL;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      SmDraft *draft;

      if (!g_str_has_suffix (name, ".draft") ||
          !g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
        continue;

      draft = g_new0 (SmDraft, 1);
      draft->key = g_strndup (name, strlen (name) - strlen (".draft"));
      draft->name = g_key_file_get_string (key_file, GROUP, "name", NULL);
      draft->target = uri_to_file (key_file, "target");
      draft->article = uri_to_file (key_file, "article");
      saved = g_key_file_get_string (key_file, GROUP, "saved", NULL);
      draft->saved = saved ? g_date_time_new_from_iso8601 (saved, utc) : NULL;
      if (draft->name == NULL || draft->saved == NULL)
        {
          sm_draft_free (draft);
          continue;
        }

      g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/**
 * sm_drafts_format_time:
 * @time: when a draft was saved
 * @now: the time to tell it from, usually the current one
 *
 * Says when, as the draft banner does: "today at 10:42", "yesterday at
 * 18:03", and further back the date, in the user's time zone and language.
 *
 * Returns: (transfer full): @time in words
 */
char *
sm_drafts_format_time (GDateTime *time,
                       GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) yesterday = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  today = g_date_time_to_local (now);
  yesterday = g_date_time_add_days (today, -1);

  if (same_day (local, today))
    /* Translators: when a draft was saved, a g_date_time_format() format;
     * use %l:%M %p for a 12-hour clock. xgettext:no-c-format */
    return g_date_time_format (local, _("today at %H:%M"));
  if (same_day (local, yesterday))
    /* Translators: when a draft was saved, a g_date_time_format() format.
     * xgettext:no-c-format */
    return g_date_time_format (local, _("yesterday at %H:%M"));

  /* Translators: the date a draft was saved, a g_date_time_format() format
   * such as "%-d %B %Y" or "%B %-d, %Y". xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/**
 * sm_drafts_load:
 *
 * Returns: (transfer full) (nullable): the draft's document, marked modified
 */
SmDocument *
sm_drafts_load (SmDraft  *draft,
                GError  **error)
{
  g_autoptr(GFile) file = NULL;
  SmDocument *document;

  g_return_val_if_fail (draft != NULL, NULL);

  file = draft_file (draft->key, ".json");
  if ((document = sm_document_new_from_file (file, NULL, error)))
    sm_document_set_modified (document, TRUE);

  return document;
}
