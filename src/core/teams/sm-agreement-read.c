/* sm-agreement-read.c: annotators' versions, read from files and folders.
 *
 * One rule decides whose version a file is, for `spanmark-cli agree` and
 * the window alike: the file's own `annotator`, or else the name of the
 * input folder it came from (teams keep one folder per annotator). A
 * corpus folder opened in the window is read as if each of its subfolders
 * had been given to `agree`.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-agreement"

#include "config.h"

#include <string.h>

#include "sm-agreement-read.h"
#include "sm-corpus.h"
#include "sm-project.h"

typedef struct
{
  SmAgreement         *agreement;
  const char          *folder_annotator;
  SmAgreementReadFunc  func;
  gpointer             user_data;
} Reading;

/**
 * sm_agreement_dup_folder_annotator:
 * @input: a folder, or a file
 *
 * Returns: (transfer full): the annotator of the files of @input that name
 *   none: the name of the folder @input is, or, for a file, of the folder
 *   it is in
 */
char *
sm_agreement_dup_folder_annotator (GFile *input)
{
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (input), NULL);

  if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_file_get_basename (input);

  parent = g_file_get_parent (input);
  return g_file_get_basename (parent != NULL ? parent : input);
}

static gboolean
add_version (SmCorpus     *corpus,
             guint         position,
             SmDocument   *document,
             const GError *error,
             gpointer      user_data)
{
  Reading *reading = user_data;
  const char *display_name = sm_corpus_get_display_name (corpus, position);
  guint total = sm_corpus_get_n_inputs (corpus);
  const char *annotator;
  SmAgreementReadOutcome outcome;

  if (error != NULL)
    {
      if (reading->func != NULL)
        reading->func (SM_AGREEMENT_READ_UNREADABLE, display_name, NULL, error,
                       position + 1, total, reading->user_data);
      return TRUE;
    }

  annotator = sm_document_get_annotator (document);
  if (annotator == NULL || annotator[0] == '\0')
    annotator = reading->folder_annotator;

  outcome = sm_agreement_add_version (reading->agreement, annotator, document,
                                      sm_corpus_get_file (corpus, position));
  if (reading->func != NULL)
    reading->func (outcome, display_name, annotator, NULL, position + 1, total, reading->user_data);

  return TRUE;
}

/**
 * sm_agreement_read_input:
 * @input: a Spanmark file, or a folder searched for them
 * @display_name: (nullable): how messages name @input; %NULL for its name
 * @func: (nullable): told of each file read
 *
 * Reads @input's files into @self, each as the version of its own
 * annotator, or else of sm_agreement_dup_folder_annotator()'s. A file
 * that cannot be read is left out and told to @func.
 *
 * Returns: %FALSE if @input cannot be read at all (or is a folder with no
 *   Spanmark file), or reading was cancelled
 */
gboolean
sm_agreement_read_input (SmAgreement          *self,
                         GFile                *input,
                         const char           *display_name,
                         SmAgreementReadFunc   func,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autofree char *annotator = NULL;
  Reading reading = { self, NULL, func, user_data };

  g_return_val_if_fail (SM_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (input), FALSE);

  if (!sm_corpus_add_file (corpus, input, display_name, cancellable, error))
    return FALSE;

  annotator = sm_agreement_dup_folder_annotator (input);
  reading.folder_annotator = annotator;

  return sm_corpus_foreach (corpus, add_version, &reading, cancellable, error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * sm_agreement_read_team_folder:
 * @folder: a corpus folder, with one subfolder per annotator
 * @func: (nullable): told of each file read
 *
 * Reads @folder as `agree` reads its subfolders, each given as an input
 * (so a file naming no annotator is the version of the subfolder's name),
 * and the Spanmark files directly in it as inputs of their own (the
 * version of @folder's name). Subfolders with no Spanmark file are passed
 * over; so are hidden files and the label schema.
 *
 * Returns: %FALSE if @folder cannot be listed, or reading was cancelled
 */
gboolean
sm_agreement_read_team_folder (SmAgreement          *self,
                               GFile                *folder,
                               SmAgreementReadFunc   func,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) list_error = NULL;
  GFileInfo *info;

  g_return_val_if_fail (SM_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &list_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (name[0] != '.' &&
          (type == G_FILE_TYPE_DIRECTORY ||
           (type == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".json") &&
            strcmp (name, SM_PROJECT_FILE_NAME) != 0)))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  if (list_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&list_error));
      return FALSE;
    }

  /* Byte order, as `agree` and the corpus list the files */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) input = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;

      if (sm_agreement_read_input (self, input, name, func, user_data, cancellable, &local_error))
        continue;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* A folder of articles only, or one that went away meanwhile:
       * nobody's versions are in it */
      if (func != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        func (SM_AGREEMENT_READ_UNREADABLE, name, NULL, local_error, 0, 0, user_data);
    }

  return TRUE;
}
