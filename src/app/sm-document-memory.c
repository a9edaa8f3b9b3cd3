/* sm-document-memory.c: what the window remembers of each document.
 *
 * Where the annotator was in a document and whether it shows suggestions,
 * by the document's URI, across sessions (as GNOME Text Editor remembers a
 * file's cursor): a key file, $XDG_STATE_HOME/spanmark/documents.ini, one
 * group per document, the most recent last. It keeps the last
 * MAX_DOCUMENTS documents, read once and written shortly after a change
 * (and when the application quits, sm_document_memory_flush()). A memory
 * that cannot be read or written is only forgotten: it never stops work.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-document-memory"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "sm-document-memory.h"

#define MAX_DOCUMENTS 500
#define SAVE_DELAY_SECONDS 2

static GKeyFile *memory;
static char *memory_path;
static guint save_source;

static GKeyFile *
get_memory (void)
{
  g_autoptr(GError) error = NULL;

  if (memory != NULL)
    return memory;

  memory = g_key_file_new ();
  memory_path = g_build_filename (g_get_user_state_dir (), "spanmark", "documents.ini", NULL);
  if (!g_key_file_load_from_file (memory, memory_path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Forgetting what was remembered of documents: %s", error->message);

  return memory;
}

/**
 * sm_document_memory_lookup:
 * @uri: the document's URI
 * @key: what is remembered, such as "place"
 * @value: (out): where to put it
 *
 * Returns: whether something is remembered
 */
gboolean
sm_document_memory_lookup (const char *uri,
                           const char *key,
                           gint       *value)
{
  g_autoptr(GError) error = NULL;
  gint found;

  g_return_val_if_fail (uri != NULL && key != NULL && value != NULL, FALSE);

  found = g_key_file_get_integer (get_memory (), uri, key, &error);
  if (error != NULL)
    return FALSE;

  *value = found;
  return TRUE;
}

void
sm_document_memory_flush (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&save_source, g_source_remove);

  if (memory == NULL)
    return;

  folder = g_path_get_dirname (memory_path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (memory, memory_path, &error))
    g_debug ("Cannot remember documents in %s: %s", memory_path,
             error != NULL ? error->message : g_strerror (errno));
}

static gboolean
save_soon (gpointer user_data)
{
  save_source = 0;
  sm_document_memory_flush ();

  return G_SOURCE_REMOVE;
}

/**
 * sm_document_memory_set:
 * @uri: the document's URI
 * @key: what is remembered, such as "place"
 * @value: its value
 *
 * Remembers @value for the document, which becomes the most recent one.
 */
void
sm_document_memory_set (const char *uri,
                        const char *key,
                        gint        value)
{
  GKeyFile *file = get_memory ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups;

  g_return_if_fail (uri != NULL && key != NULL);

  /* The most recent document last: its group is written anew */
  keys = g_key_file_get_keys (file, uri, NULL, NULL);
  if (keys != NULL)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; keys[i] != NULL; i++)
        g_ptr_array_add (values, g_key_file_get_value (file, uri, keys[i], NULL));
      g_key_file_remove_group (file, uri, NULL);
      for (guint i = 0; keys[i] != NULL; i++)
        if (g_ptr_array_index (values, i) != NULL)
          g_key_file_set_value (file, uri, keys[i], g_ptr_array_index (values, i));
    }
  g_key_file_set_integer (file, uri, key, value);

  groups = g_key_file_get_groups (file, &n_groups);
  for (gsize i = 0; n_groups - i > MAX_DOCUMENTS; i++)
    g_key_file_remove_group (file, groups[i], NULL);

  if (save_source == 0)
    save_source = g_timeout_add_seconds (SAVE_DELAY_SECONDS, save_soon, NULL);
}
