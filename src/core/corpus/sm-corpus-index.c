/* sm-corpus-index.c: what a corpus folder knows of its files, and its index file.
 *
 * Finding the documents of a folder, reading what the list shows of each
 * (status and span counts), and caching that in .spanmark-index.json so
 * that reopening a corpus of ten thousand documents reads only the files
 * that changed. The index is a cache: each line is trusted only while the
 * annotation file has the size and modification time it records, and an
 * index that cannot be read is ignored and rebuilt. Everything here
 * blocks, and runs in worker threads.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus-index"

#include "config.h"

#include <string.h>

#include "sm-corpus-folder-private.h"
#include "sm-file.h"
#include "sm-json.h"
#include "sm-json-reader.h"

#define INDEX_FORMAT  "spanmark-index"
#define INDEX_VERSION 1

/* A file changed again within the same tick of a coarse clock (FAT keeps
 * two seconds) would keep its recorded time, and the index would trust
 * stale counts. Files younger than this are left out, and read next time. */
#define RACY_USEC (2 * G_USEC_PER_SEC)

#define SCAN_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

static GHashTable *
new_label_counts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
record_clear (SmCorpusRecord *record)
{
  g_free (record->path);
  g_free (record->article_path);
  g_free (record->annotation_path);
  g_clear_pointer (&record->label_counts, g_hash_table_unref);
  g_free (record->error);
}

SmCorpusRecord *
_sm_corpus_record_new (const char *path)
{
  SmCorpusRecord *record = g_atomic_rc_box_new0 (SmCorpusRecord);

  record->path = g_strdup (path);
  record->status = SM_DOCUMENT_STATUS_NEW;
  record->label_counts = new_label_counts ();

  return record;
}

/**
 * _sm_corpus_record_copy:
 *
 * Returns: (transfer full): a new record like @record, to change before
 *   anyone else sees it. The label counts are shared: replace the table,
 *   never change it.
 */
SmCorpusRecord *
_sm_corpus_record_copy (const SmCorpusRecord *record)
{
  SmCorpusRecord *copy = g_atomic_rc_box_new0 (SmCorpusRecord);

  *copy = *record;
  copy->path = g_strdup (record->path);
  copy->article_path = g_strdup (record->article_path);
  copy->annotation_path = g_strdup (record->annotation_path);
  copy->label_counts = g_hash_table_ref (record->label_counts);
  copy->error = g_strdup (record->error);

  return copy;
}

SmCorpusRecord *
_sm_corpus_record_ref (SmCorpusRecord *record)
{
  return g_atomic_rc_box_acquire (record);
}

void
_sm_corpus_record_unref (SmCorpusRecord *record)
{
  g_atomic_rc_box_release_full (record, (GDestroyNotify) record_clear);
}

/* What the list shows of @document: its status and span counts */
void
_sm_corpus_record_set_document (SmCorpusRecord *record,
                                SmDocument     *document)
{
  GListModel *labels = sm_document_get_labels (document);
  guint n = g_list_model_get_n_items (labels);

  g_hash_table_unref (record->label_counts);
  record->label_counts = new_label_counts ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      guint count = sm_document_count_spans_with_label (document, sm_label_get_id (label));

      if (count > 0)
        g_hash_table_insert (record->label_counts, g_strdup (sm_label_get_id (label)),
                             GUINT_TO_POINTER (count));
    }

  record->status = sm_document_get_status (document);
  record->n_spans = sm_document_get_n_spans (document);
  g_clear_pointer (&record->error, g_free);
  record->loaded = TRUE;
}

/**
 * _sm_corpus_record_same_stamp:
 *
 * Returns: whether @a and @b saw the same annotation file: there or not,
 *   and if there, of the same size and modification time
 */
gboolean
_sm_corpus_record_same_stamp (const SmCorpusRecord *a,
                              const SmCorpusRecord *b)
{
  if (a->has_annotations != b->has_annotations)
    return FALSE;

  if (!a->has_annotations)
    return TRUE;

  return !a->stamp_pending && !b->stamp_pending &&
         a->size == b->size && a->mtime == b->mtime &&
         g_strcmp0 (a->annotation_path, b->annotation_path) == 0;
}

static gboolean
same_counts (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_lookup (b, key) != value)
        return FALSE;
    }

  return TRUE;
}

/**
 * _sm_corpus_record_equal:
 *
 * Returns: whether @a and @b show the same: files, status, counts, error
 */
gboolean
_sm_corpus_record_equal (const SmCorpusRecord *a,
                         const SmCorpusRecord *b)
{
  return g_strcmp0 (a->path, b->path) == 0 &&
         g_strcmp0 (a->article_path, b->article_path) == 0 &&
         g_strcmp0 (a->annotation_path, b->annotation_path) == 0 &&
         a->has_annotations == b->has_annotations &&
         a->loaded == b->loaded &&
         a->status == b->status &&
         a->n_spans == b->n_spans &&
         g_strcmp0 (a->error, b->error) == 0 &&
         same_counts (a->label_counts, b->label_counts);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize length = strlen (name);
  gsize suffix_length = strlen (suffix);

  /* ".txt" alone is a hidden file, not an article without a name */
  return length > suffix_length &&
         g_ascii_strcasecmp (name + length - suffix_length, suffix) == 0;
}

/**
 * _sm_corpus_stem:
 * @relative: a file's path in the corpus folder
 *
 * Returns: (transfer full) (nullable): the path of the document that
 *   @relative is the article or the Spanmark file of ("2026/x" for
 *   "2026/x.txt" and "2026/x.json"), or %NULL if it is neither
 */
char *
_sm_corpus_stem (const char *relative)
{
  const char *name = strrchr (relative, '/');

  name = name ? name + 1 : relative;
  if (name[0] == '.' || strcmp (name, SM_PROJECT_FILE_NAME) == 0)
    return NULL;

  if (has_suffix (name, ".txt"))
    return g_strndup (relative, strlen (relative) - strlen (".txt"));
  if (has_suffix (name, ".json"))
    return g_strndup (relative, strlen (relative) - strlen (".json"));

  return NULL;
}

static SmCorpusRecord *
record_for (GHashTable *records,
            const char *relative)
{
  g_autofree char *stem = _sm_corpus_stem (relative);
  SmCorpusRecord *record = g_hash_table_lookup (records, stem);

  if (record == NULL)
    {
      record = _sm_corpus_record_new (stem);
      g_hash_table_insert (records, record->path, record);
    }

  return record;
}

/**
 * _sm_corpus_scan:
 * @folder: the corpus folder
 * @dir: the folder to look in, relative to @folder ("" for @folder itself)
 * @known_dirs: (nullable): subfolders not to look into, as relative paths
 * @records: where to put the documents found: stem -> #SmCorpusRecord,
 *   with their files and the annotation file's stamp, not yet read
 * @dirs: where to add the relative path of each folder looked into
 *
 * Finds the articles (".txt") and Spanmark files (".json") in @dir and its
 * subfolders, skipping hidden files and folders (".git", our own
 * index, temporary files of a save) and links to folders, which could lead
 * back up. A subfolder that cannot be read is skipped; @dir itself must be
 * readable.
 */
gboolean
_sm_corpus_scan (GFile         *folder,
                 const char    *dir,
                 GHashTable    *known_dirs,
                 GHashTable    *records,
                 GPtrArray     *dirs,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) directory = NULL;
  GFileInfo *info;

  directory = dir[0] != '\0' ? g_file_resolve_relative_path (folder, dir) : g_object_ref (folder);
  enumerator = g_file_enumerate_children (directory, SCAN_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          cancellable, &local_error);
  if (enumerator == NULL)
    {
      g_autofree char *name = g_file_get_basename (directory);

      sm_file_set_io_error (error, local_error, name, FALSE);
      return FALSE;
    }

  g_ptr_array_add (dirs, g_strdup (dir));

  while (g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, &local_error) && info)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *relative = NULL;
      SmCorpusRecord *record;

      if (name[0] == '.')
        continue;

      relative = dir[0] != '\0' ? g_strconcat (dir, "/", name, NULL) : g_strdup (name);

      switch ((int) g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          if (!g_file_info_get_is_symlink (info) &&
              (known_dirs == NULL || !g_hash_table_contains (known_dirs, relative)))
            g_ptr_array_add (subdirs, g_steal_pointer (&relative));
          break;

        case G_FILE_TYPE_REGULAR:
          if (has_suffix (name, ".txt"))
            {
              record = record_for (records, relative);
              if (record->article_path == NULL)
                record->article_path = g_steal_pointer (&relative);
            }
          else if (has_suffix (name, ".json") && strcmp (name, SM_PROJECT_FILE_NAME) != 0)
            {
              record = record_for (records, relative);
              if (!record->has_annotations)
                {
                  g_free (record->annotation_path);
                  record->annotation_path = g_steal_pointer (&relative);
                  record->has_annotations = TRUE;
                  record->size = g_file_info_get_size (info);
                  record->mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                                  + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
                }
            }
          break;

        default:
          break;
        }
    }

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_basename (directory);

      sm_file_set_io_error (error, local_error, name, FALSE);
      return FALSE;
    }

  for (guint i = 0; i < subdirs->len; i++)
    {
      g_autoptr(GError) subdir_error = NULL;

      if (!_sm_corpus_scan (folder, g_ptr_array_index (subdirs, i), known_dirs, records, dirs,
                            cancellable, &subdir_error))
        {
          if (g_error_matches (subdir_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&subdir_error));
              return FALSE;
            }
          g_debug ("Skipping a subfolder: %s", subdir_error->message);
        }
    }

  return TRUE;
}

/**
 * _sm_corpus_record_finish_scan:
 *
 * Completes a record that _sm_corpus_scan() found: an article without
 * annotations is a new document with nothing to read, saved beside it.
 */
void
_sm_corpus_record_finish_scan (SmCorpusRecord *record)
{
  if (record->has_annotations)
    return;

  g_free (record->annotation_path);
  record->annotation_path = g_strconcat (record->path, ".json", NULL);
  record->size = 0;
  record->mtime = 0;
  record->status = SM_DOCUMENT_STATUS_NEW;
  record->n_spans = 0;
  record->loaded = TRUE;
}

/**
 * _sm_corpus_record_read:
 * @scanned: a record with an annotation file, as found by _sm_corpus_scan()
 *
 * Reads the annotation file, checking it as opening it would, for its
 * status and span counts. The stamp stays the one @scanned saw, taken
 * before reading: a change during the read shows as a changed stamp next
 * time, and the file is read again.
 *
 * Returns: (transfer full): the loaded record; if the file cannot be
 *   read, with the reason as its error
 */
SmCorpusRecord *
_sm_corpus_record_read (GFile                *folder,
                        const SmCorpusRecord *scanned)
{
  SmCorpusRecord *record = _sm_corpus_record_copy (scanned);
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, scanned->annotation_path);
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GError) error = NULL;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &io_error)))
    sm_file_set_io_error (&error, io_error, scanned->annotation_path, FALSE);
  else
    document = sm_document_new_from_bytes (bytes, scanned->annotation_path, &error);

  if (document != NULL)
    _sm_corpus_record_set_document (record, document);
  else
    {
      g_hash_table_unref (record->label_counts);
      record->label_counts = new_label_counts ();
      record->status = SM_DOCUMENT_STATUS_NEW;
      record->n_spans = 0;
      g_free (record->error);
      record->error = g_strdup (error->message);
      record->loaded = TRUE;
    }

  return record;
}

/* The index file */

static gboolean
get_int (JsonObject *object,
         const char *member,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= 0;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static SmCorpusRecord *
read_index_line (JsonNode *node)
{
  g_autoptr(SmCorpusRecord) record = NULL;
  g_autofree char *stem = NULL;
  JsonObject *object, *spans;
  JsonNode *spans_node;
  const char *path, *status, *error;
  gint64 size, mtime;
  JsonObjectIter iter;
  const char *label;
  JsonNode *count_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);

  if (!(path = get_string (object, "path")) || !has_suffix (path, ".json") ||
      !get_int (object, "size", &size) || !get_int (object, "mtime", &mtime))
    return NULL;

  stem = g_strndup (path, strlen (path) - strlen (".json"));
  record = _sm_corpus_record_new (stem);
  record->annotation_path = g_strdup (path);
  record->has_annotations = TRUE;
  record->size = size;
  record->mtime = mtime;
  record->loaded = TRUE;

  if ((error = get_string (object, "error")) != NULL)
    {
      record->error = g_strdup (error);
      return g_steal_pointer (&record);
    }

  if (!(status = get_string (object, "status")) ||
      !sm_document_status_from_string (status, &record->status))
    return NULL;

  spans_node = json_object_get_member (object, "spans");
  if (spans_node == NULL || !JSON_NODE_HOLDS_OBJECT (spans_node))
    return NULL;
  spans = json_node_get_object (spans_node);

  json_object_iter_init (&iter, spans);
  while (json_object_iter_next (&iter, &label, &count_node))
    {
      gint64 count;

      if (!JSON_NODE_HOLDS_VALUE (count_node) || json_node_get_value_type (count_node) != G_TYPE_INT64 ||
          (count = json_node_get_int (count_node)) <= 0 || count >= G_MAXUINT)
        return NULL;

      g_hash_table_insert (record->label_counts, g_strdup (label), GUINT_TO_POINTER ((guint) count));
      record->n_spans += (guint) count;
    }

  return g_steal_pointer (&record);
}

/**
 * _sm_corpus_index_load:
 *
 * Returns: (transfer full) (nullable): annotation path -> #SmCorpusRecord
 *   from @folder's index file, or %NULL if there is none or it cannot be
 *   trusted in whole (another version, damaged): then it is rebuilt
 */
GHashTable *
_sm_corpus_index_load (GFile        *folder,
                       GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_get_child (folder, SM_CORPUS_INDEX_FILE_NAME);
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *documents;
  const char *data;
  gsize length;
  gint64 version;

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || !g_utf8_validate_len (data, length, NULL) ||
      !(root = sm_json_read (data, length, &error)) || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring the corpus index: %s", error ? error->message : "not an object");
      return NULL;
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (get_string (object, "format"), INDEX_FORMAT) != 0 ||
      !get_int (object, "version", &version) || version != INDEX_VERSION ||
      !(node = json_object_get_member (object, "documents")) || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  documents = json_node_get_array (node);
  records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) _sm_corpus_record_unref);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      SmCorpusRecord *record = read_index_line (json_array_get_element (documents, i));

      if (record == NULL)
        {
          g_debug ("Ignoring the corpus index: line %u is damaged", i + 1);
          return NULL;
        }

      g_hash_table_replace (records, record->annotation_path, record);
    }

  return g_steal_pointer (&records);
}

static gint
compare_annotation_paths (gconstpointer a,
                          gconstpointer b)
{
  const SmCorpusRecord *record_a = *(const SmCorpusRecord **) a;
  const SmCorpusRecord *record_b = *(const SmCorpusRecord **) b;

  return strcmp (record_a->annotation_path, record_b->annotation_path);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * _sm_corpus_index_save:
 * @records: (element-type SmCorpusRecord): what the corpus knows
 *
 * Writes @folder's index file atomically, an entry per annotation file
 * that was read, sorted by path so the same knowledge gives the same bytes.
 */
gboolean
_sm_corpus_index_save (GFile         *folder,
                       GPtrArray     *records,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, SM_CORPUS_INDEX_FILE_NAME);
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (records, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) top = json_object_new ();
  g_autoptr(JsonArray) documents = json_array_new ();
  gint64 now = g_get_real_time ();
  GString *out;

  /* The copy would unref the records it holds, which are only borrowed */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_annotation_paths);

  for (guint i = 0; i < sorted->len; i++)
    {
      const SmCorpusRecord *record = g_ptr_array_index (sorted, i);
      JsonObject *object;

      if (!record->has_annotations || !record->loaded || record->stamp_pending ||
          now - record->mtime < RACY_USEC)
        continue;

      object = json_object_new ();
      json_object_set_string_member (object, "path", record->annotation_path);
      json_object_set_int_member (object, "size", record->size);
      json_object_set_int_member (object, "mtime", record->mtime);

      if (record->error != NULL)
        json_object_set_string_member (object, "error", record->error);
      else
        {
          g_autofree gpointer *labels = g_hash_table_get_keys_as_array (record->label_counts, NULL);
          guint n_labels = g_hash_table_size (record->label_counts);
          JsonObject *spans = json_object_new ();

          qsort (labels, n_labels, sizeof (gpointer), compare_strings);
          for (guint j = 0; j < n_labels; j++)
            json_object_set_int_member (spans, labels[j],
                                        GPOINTER_TO_UINT (g_hash_table_lookup (record->label_counts, labels[j])));

          json_object_set_string_member (object, "status", sm_document_status_to_string (record->status));
          json_object_set_object_member (object, "spans", spans);
        }

      json_array_add_object_element (documents, object);
    }

  json_object_set_string_member (top, "format", INDEX_FORMAT);
  json_object_set_int_member (top, "version", INDEX_VERSION);
  json_object_set_array_member (top, "documents", g_steal_pointer (&documents));

  /* A cache nobody reads or diffs: compact, the smallest and quickest */
  out = g_string_sized_new (128 + 100 * sorted->len);
  sm_json_write_object (out, top, SM_JSON_WRITE_COMPACT);
  g_string_append_c (out, '\n');
  bytes = g_string_free_to_bytes (out);

  return sm_file_replace (file, bytes, cancellable, error);
}
