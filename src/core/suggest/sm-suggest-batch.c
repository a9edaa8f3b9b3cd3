/* sm-suggest-batch.c: suggestions for many files, on every core.
 *
 * Three passes. The documents are read on every core; the suggester learns
 * from each in input order (so what it learns never depends on which
 * thread finished first); then each document is suggested for, and
 * written, on every core again. The suggester only reads what it learned
 * while the last pass runs. Messages come back in input order.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggest-batch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-corpus-private.h"
#include "sm-file.h"
#include "sm-format.h"
#include "sm-import-private.h"
#include "sm-project.h"
#include "sm-suggest-batch.h"
#include "sm-suggester.h"

typedef struct
{
  GFile      *file;
  char       *display_name;
  char       *stem;          /* the file's name without .txt or .json */
  gboolean    article;       /* a .txt, not a Spanmark file */
  SmProject  *project;       /* of the folder it was found in, or NULL */
  GFile      *output;
  char       *output_name;   /* how messages name the output */
  SmDocument *document;
  GError     *error;
  GHashTable *suggested;     /* interned label → count, taken in */
  gboolean    written;
} Input;

typedef struct
{
  SmSuggestBatch      *self;
  SmSuggester         *suggester;
  SmSuggestBatchFlags  flags;
  GCancellable        *cancellable;
  GMutex               mutex;   /* for the progress: one report at a time */
  guint                n_done;
} Pass;

struct _SmSuggestBatch
{
  GObject     parent_instance;

  GPtrArray  *inputs;        /* Input */
  char      **labels;        /* or NULL for all */
  char       *annotator;     /* or NULL to name none */
  guint       n_threads;
  guint       n_written;
  guint       n_existing;
  GHashTable *suggested;     /* label → guint64 *, over the whole run */

  SmProgressFunc  progress_func;
  gpointer        progress_data;
  GDestroyNotify  progress_destroy;
};

G_DEFINE_FINAL_TYPE (SmSuggestBatch, sm_suggest_batch, G_TYPE_OBJECT)

static void
input_free (Input *input)
{
  g_clear_object (&input->file);
  g_clear_object (&input->project);
  g_free (input->display_name);
  g_free (input->stem);
  g_clear_object (&input->output);
  g_free (input->output_name);
  g_clear_object (&input->document);
  g_clear_error (&input->error);
  g_clear_pointer (&input->suggested, g_hash_table_unref);
  g_free (input);
}

static void
sm_suggest_batch_finalize (GObject *object)
{
  SmSuggestBatch *self = SM_SUGGEST_BATCH (object);

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->suggested, g_hash_table_unref);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  G_OBJECT_CLASS (sm_suggest_batch_parent_class)->finalize (object);
}

static void
sm_suggest_batch_class_init (SmSuggestBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_suggest_batch_finalize;
}

static void
sm_suggest_batch_init (SmSuggestBatch *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  self->suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->n_threads = g_get_num_processors ();
}

SmSuggestBatch *
sm_suggest_batch_new (void)
{
  return g_object_new (SM_TYPE_SUGGEST_BATCH, NULL);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize length = strlen (name), suffix_length = strlen (suffix);

  return length > suffix_length &&
         g_ascii_strcasecmp (name + length - suffix_length, suffix) == 0;
}

/* A folder's article that has a Spanmark file beside it is that file's
 * document, already listed: the file is the one to suggest for */
static gboolean
has_spanmark_file (GFile      *article,
                   const char *stem)
{
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autofree char *name = g_strconcat (stem, ".json", NULL);
  g_autoptr(GFile) json = g_file_get_child (parent, name);

  return g_file_query_exists (json, NULL);
}

/**
 * sm_suggest_batch_add_file:
 * @file: an article (.txt), a Spanmark file, or a folder searched for them
 * @display_name: (nullable): how messages name @file
 *
 * In a folder, an article with a Spanmark file of the same name beside it
 * is left out: the Spanmark file is its document.
 *
 * Returns: %FALSE if @file cannot be read or has nothing to suggest for
 */
gboolean
sm_suggest_batch_add_file (SmSuggestBatch  *self,
                           GFile           *file,
                           const char      *display_name,
                           GCancellable    *cancellable,
                           GError         **error)
{
  static const char * const suffixes[] = { ".json", ".txt", NULL };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *basename = NULL;
  g_autoptr(SmProject) project = NULL;
  gboolean folder;

  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  folder = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY;

  /* Its relation types apply to the folder's files, as in every command */
  if (!_sm_corpus_read_folder_project (file, display_name, &project, cancellable, error) ||
      !_sm_corpus_find_files (file, display_name, suffixes, files, names, cancellable, error))
    return FALSE;

  if (files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: there is no article (.txt) or Spanmark file (.json) in this folder"),
                   display_name);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *found = g_ptr_array_index (files, i);
      g_autofree char *name = g_file_get_basename (found);
      Input *input;

      input = g_new0 (Input, 1);
      input->article = has_suffix (name, ".txt");
      if (input->article || has_suffix (name, ".json"))
        input->stem = g_strndup (name, strlen (name) - (input->article ? 4 : 5));
      else
        input->stem = g_strdup (name);

      if (folder && input->article && has_spanmark_file (found, input->stem))
        {
          input_free (input);
          continue;
        }

      input->file = g_object_ref (found);
      input->project = project ? g_object_ref (project) : NULL;
      input->display_name = g_strdup (g_ptr_array_index (names, i));
      g_ptr_array_add (self->inputs, input);
    }

  return TRUE;
}

guint
sm_suggest_batch_get_n_inputs (SmSuggestBatch *self)
{
  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), 0);

  return self->inputs->len;
}

/**
 * sm_suggest_batch_set_labels:
 * @labels: (nullable) (array zero-terminated=1): the labels to suggest, or
 *   %NULL for all
 */
void
sm_suggest_batch_set_labels (SmSuggestBatch     *self,
                             const char * const *labels)
{
  g_return_if_fail (SM_IS_SUGGEST_BATCH (self));

  g_strfreev (self->labels);
  self->labels = labels != NULL && labels[0] != NULL ? g_strdupv ((char **) labels) : NULL;
}

/**
 * sm_suggest_batch_set_annotator:
 * @annotator: (nullable): who the files written name as their annotator
 *
 * Names @annotator in the files written whose documents name none; a
 * Spanmark file that names its annotator keeps that name.
 */
void
sm_suggest_batch_set_annotator (SmSuggestBatch *self,
                                const char     *annotator)
{
  g_return_if_fail (SM_IS_SUGGEST_BATCH (self));

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
}

/**
 * sm_suggest_batch_set_n_threads:
 * @n_threads: how many documents to work on at once; 0 for one per core
 */
void
sm_suggest_batch_set_n_threads (SmSuggestBatch *self,
                                guint           n_threads)
{
  g_return_if_fail (SM_IS_SUGGEST_BATCH (self));

  self->n_threads = n_threads > 0 ? n_threads : g_get_num_processors ();
}

/**
 * sm_suggest_batch_set_progress_func:
 * @func: (nullable): told after each input is suggested for (or skipped),
 *   in a worker thread, one call at a time
 */
void
sm_suggest_batch_set_progress_func (SmSuggestBatch *self,
                                    SmProgressFunc  func,
                                    gpointer        user_data,
                                    GDestroyNotify  destroy)
{
  g_return_if_fail (SM_IS_SUGGEST_BATCH (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/* Where each input is written, and that no two are written to one file */
static void
plan_outputs (SmSuggestBatch *self,
              GFile          *folder)
{
  g_autoptr(GHashTable) planned = g_hash_table_new (g_file_hash, (GEqualFunc) g_file_equal);
  g_autofree char *folder_name = folder ? g_file_get_basename (folder) : NULL;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      g_autoptr(GFile) parent = folder ? g_object_ref (folder) : g_file_get_parent (input->file);
      g_autofree char *file_name = g_strconcat (input->stem, ".json", NULL);
      Input *earlier;

      input->output = g_file_get_child (parent, file_name);

      if (folder_name != NULL)
        input->output_name = g_build_filename (folder_name, file_name, NULL);
      else
        {
          g_autofree char *dir = g_path_get_dirname (input->display_name);

          input->output_name = strcmp (dir, ".") == 0 ? g_strdup (file_name)
                                                      : g_build_filename (dir, file_name, NULL);
        }

      earlier = g_hash_table_lookup (planned, input->output);
      if (earlier != NULL)
        {
          g_set_error (&input->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s: its suggestions would go to %s, which %s is written to"),
                       input->display_name, input->output_name, earlier->display_name);
          continue;
        }

      g_hash_table_insert (planned, input->output, input);
    }
}

static SmDocument *
load_document (Input         *input,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SmDocument) document = NULL;

  if (!(bytes = g_file_load_bytes (input->file, cancellable, NULL, &local_error)))
    {
      sm_file_set_io_error (error, local_error, input->display_name, FALSE);
      return NULL;
    }

  if (input->article)
    return _sm_import_text (bytes, input->stem, input->display_name, error);

  if (!(document = sm_document_new_from_bytes (bytes, input->display_name, error)))
    return NULL;

  if (input->project != NULL)
    sm_project_apply_relation_types (input->project, document);

  if (!sm_document_check_relations (document, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", input->display_name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&document);
}

static void
load_worker (gpointer data,
             gpointer user_data)
{
  Input *input = data;
  Pass *pass = user_data;

  if (input->error == NULL && !g_cancellable_is_cancelled (pass->cancellable))
    input->document = load_document (input, pass->cancellable, &input->error);
}

static void
count_suggested (Input        *input,
                 SmSuggestion *suggestion)
{
  const char *label = g_intern_string (sm_suggestion_get_label (suggestion));
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (input->suggested, label));

  g_hash_table_insert (input->suggested, (gpointer) label, GUINT_TO_POINTER (n + 1));
}

static void
suggest_input (Input *input,
               Pass  *pass)
{
  gboolean overwrite = (pass->flags & SM_SUGGEST_BATCH_OVERWRITE) != 0;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (input->document == NULL || g_cancellable_is_cancelled (pass->cancellable))
    return;

  /* Learned from, but not to be replaced: no need to suggest */
  if (!overwrite && g_file_query_exists (input->output, NULL))
    {
      g_set_error (&input->error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; it was not replaced"), input->output_name);
      g_clear_object (&input->document);
      return;
    }

  suggestions = sm_suggester_run (pass->suggester, input->document,
                                  (const char * const *) pass->self->labels, pass->cancellable);
  sm_document_add_suggestions (input->document, suggestions);

  input->suggested = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const char *id = sm_suggestion_get_id (suggestion);

      /* Only those the document took in: not what it has or rejected */
      if (id == NULL)
        continue;

      count_suggested (input, suggestion);

      /* A claim's speaker may have been accepted with it already */
      if ((pass->flags & SM_SUGGEST_BATCH_AS_SPANS) != 0 &&
          sm_document_find_suggestion (input->document, id) == suggestion)
        sm_document_accept_suggestion (input->document, suggestion, NULL);
    }

  sm_document_set_default_annotator (input->document, pass->self->annotator);
  bytes = sm_format_serialize (input->document);
  g_clear_object (&input->document);

  input->written = _sm_corpus_write_file (input->output, input->output_name, bytes, overwrite,
                                          G_IO_ERROR, G_IO_ERROR_EXISTS,
                                          pass->cancellable, &input->error);
}

static void
suggest_worker (gpointer data,
                gpointer user_data)
{
  Pass *pass = user_data;
  SmSuggestBatch *self = pass->self;

  suggest_input (data, pass);

  if (self->progress_func != NULL)
    {
      g_mutex_lock (&pass->mutex);
      self->progress_func (++pass->n_done, self->inputs->len, self->progress_data);
      g_mutex_unlock (&pass->mutex);
    }
}

static void
run_pool (SmSuggestBatch *self,
          GFunc           func,
          Pass           *pass)
{
  GThreadPool *pool = g_thread_pool_new (func, pass, MAX (self->n_threads, 1), FALSE, NULL);

  for (guint i = 0; i < self->inputs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (self->inputs, i), NULL);

  /* Waits for every input to be done */
  g_thread_pool_free (pool, FALSE, TRUE);
}

static gboolean
make_folder (GFile         *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *folder_name = g_file_get_basename (folder);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      sm_file_set_io_error (error, local_error, folder_name, TRUE);
      return FALSE;
    }

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s is a file; suggestions are written as a Spanmark file for each document:"
                     " choose a folder to write them in"), folder_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_suggest_batch_run:
 * @folder: (nullable): where to write the Spanmark files (made if
 *   missing), or %NULL for beside each input
 * @flags: whether to make the suggestions spans, and to replace files
 * @errors: (element-type utf8): where to add, in input order, the inputs
 *   that could not be read and the files that could not be written
 *
 * Reads every input, learns from all of their spans, then suggests for
 * each and writes it as "<name>.json": existing spans are kept, and
 * nothing the document has, or its annotator rejected, is suggested
 * again. A file that exists is left as it is, and said in @errors, unless
 * @flags allow replacing it.
 *
 * Returns: %FALSE if @folder could not be made or @cancellable was
 *   cancelled, with @error set
 */
gboolean
sm_suggest_batch_run (SmSuggestBatch       *self,
                      GFile                *folder,
                      SmSuggestBatchFlags   flags,
                      GPtrArray            *errors,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(SmSuggester) suggester = NULL;
  Pass pass = { 0, };

  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), FALSE);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (folder != NULL && !make_folder (folder, cancellable, error))
    return FALSE;

  plan_outputs (self, folder);

  suggester = sm_suggester_new ();
  pass.self = self;
  pass.suggester = suggester;
  pass.flags = flags;
  pass.cancellable = cancellable;
  g_mutex_init (&pass.mutex);

  run_pool (self, load_worker, &pass);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      /* A document with no span teaches nothing, and every run merges
       * what each learned document taught: leaving them out keeps ten
       * thousand new articles from costing ten thousand merges each */
      if (input->document != NULL && sm_document_get_n_spans (input->document) > 0)
        sm_suggester_learn_document (suggester, input->document);
    }

  run_pool (self, suggest_worker, &pass);
  g_mutex_clear (&pass.mutex);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      GHashTableIter iter;
      gpointer label, n;

      if (input->error != NULL)
        {
          g_ptr_array_add (errors, g_strdup (input->error->message));
          if (g_error_matches (input->error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            self->n_existing++;
          continue;
        }

      if (!input->written || input->suggested == NULL)
        continue;

      self->n_written++;
      g_hash_table_iter_init (&iter, input->suggested);
      while (g_hash_table_iter_next (&iter, &label, &n))
        {
          guint64 *total = g_hash_table_lookup (self->suggested, label);

          if (total == NULL)
            {
              total = g_new0 (guint64, 1);
              g_hash_table_insert (self->suggested, g_strdup (label), total);
            }
          *total += GPOINTER_TO_UINT (n);
        }
    }

  return TRUE;
}

/**
 * sm_suggest_batch_get_n_written:
 *
 * Returns: how many Spanmark files the run wrote
 */
guint
sm_suggest_batch_get_n_written (SmSuggestBatch *self)
{
  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), 0);

  return self->n_written;
}

/**
 * sm_suggest_batch_get_n_existing:
 *
 * Returns: how many outputs the run left alone because they exist
 */
guint
sm_suggest_batch_get_n_existing (SmSuggestBatch *self)
{
  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), 0);

  return self->n_existing;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * sm_suggest_batch_dup_labels:
 *
 * Returns: (transfer full): the labels something was suggested for, in
 *   the order of their ids
 */
char **
sm_suggest_batch_dup_labels (SmSuggestBatch *self)
{
  GPtrArray *labels;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), NULL);

  labels = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->suggested);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (labels, g_strdup (key));
  g_ptr_array_sort (labels, compare_strings);
  g_ptr_array_add (labels, NULL);

  return (char **) g_ptr_array_free (labels, FALSE);
}

/**
 * sm_suggest_batch_get_n_suggested:
 *
 * Returns: how many suggestions of @label the run made, over the files it
 *   wrote
 */
guint64
sm_suggest_batch_get_n_suggested (SmSuggestBatch *self,
                                  const char     *label)
{
  guint64 *n;

  g_return_val_if_fail (SM_IS_SUGGEST_BATCH (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  n = g_hash_table_lookup (self->suggested, label);

  return n != NULL ? *n : 0;
}
