/* sm-corpus-entry.c: one document of a corpus folder, as its list shows it.
 *
 * An entry is an article (x.txt), its annotations (x.json beside it), or
 * both, with what the list shows of it: the status and the span counts.
 * Its properties notify, so a list row binds to them and follows a save,
 * a change on disk or the background read that fills them in.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus-entry"

#include "config.h"

#include <string.h>

#include "sm-corpus-folder-private.h"

G_DEFINE_FINAL_TYPE (SmCorpusEntry, sm_corpus_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_ARTICLE_FILE,
  PROP_ANNOTATION_FILE,
  PROP_HAS_ANNOTATIONS,
  PROP_FILE,
  PROP_LOADED,
  PROP_STATUS,
  PROP_N_SPANS,
  PROP_LABEL_COUNTS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_corpus_entry_finalize (GObject *object)
{
  SmCorpusEntry *self = (SmCorpusEntry *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->record, _sm_corpus_record_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_object (&self->article_file);
  g_clear_object (&self->annotation_file);

  G_OBJECT_CLASS (sm_corpus_entry_parent_class)->finalize (object);
}

static void
sm_corpus_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmCorpusEntry *self = SM_CORPUS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->record->path);
      break;

    case PROP_ARTICLE_FILE:
      g_value_set_object (value, sm_corpus_entry_get_article_file (self));
      break;

    case PROP_ANNOTATION_FILE:
      g_value_set_object (value, sm_corpus_entry_get_annotation_file (self));
      break;

    case PROP_HAS_ANNOTATIONS:
      g_value_set_boolean (value, self->record->has_annotations);
      break;

    case PROP_FILE:
      g_value_set_object (value, sm_corpus_entry_get_file (self));
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->record->loaded);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->record->status);
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, self->record->n_spans);
      break;

    case PROP_LABEL_COUNTS:
      g_value_set_boxed (value, self->record->label_counts);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->record->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_corpus_entry_class_init (SmCorpusEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sm_corpus_entry_finalize;
  object_class->get_property = sm_corpus_entry_get_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties [PROP_ARTICLE_FILE] =
    g_param_spec_object ("article-file", NULL, NULL, G_TYPE_FILE, flags);
  properties [PROP_ANNOTATION_FILE] =
    g_param_spec_object ("annotation-file", NULL, NULL, G_TYPE_FILE, flags);
  properties [PROP_HAS_ANNOTATIONS] =
    g_param_spec_boolean ("has-annotations", NULL, NULL, FALSE, flags);
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SM_TYPE_DOCUMENT_STATUS, SM_DOCUMENT_STATUS_NEW, flags);
  properties [PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_LABEL_COUNTS] =
    g_param_spec_boxed ("label-counts", NULL, NULL, G_TYPE_HASH_TABLE, flags);
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_corpus_entry_init (SmCorpusEntry *self)
{
}

/* Forgets the files of @old that @self->record no longer has; they are
 * made again when asked for. Ten thousand entries need no GFile until a
 * row is opened. */
static void
update_files (SmCorpusEntry        *self,
              const SmCorpusRecord *old)
{
  const SmCorpusRecord *record = self->record;
  gboolean moved = FALSE;

  if (g_strcmp0 (old->article_path, record->article_path) != 0)
    {
      g_clear_object (&self->article_file);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE_FILE]);
      moved = TRUE;
    }

  if (g_strcmp0 (old->annotation_path, record->annotation_path) != 0)
    {
      g_clear_object (&self->annotation_file);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANNOTATION_FILE]);
      moved = TRUE;
    }

  if (moved || old->has_annotations != record->has_annotations)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

SmCorpusEntry *
_sm_corpus_entry_new (GFile          *folder,
                      SmCorpusRecord *record)
{
  SmCorpusEntry *self;
  const char *slash;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (SM_TYPE_CORPUS_ENTRY, NULL);
  self->folder = g_object_ref (folder);
  self->record = _sm_corpus_record_ref (record);
  slash = strrchr (record->path, '/');
  self->name = g_strdup (slash ? slash + 1 : record->path);
  self->sort_key = g_utf8_collate_key_for_filename (record->path, -1);

  return self;
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

/* Gives the entry what is now known of its files, telling what changed */
void
_sm_corpus_entry_set_record (SmCorpusEntry  *self,
                             SmCorpusRecord *record)
{
  g_autoptr(SmCorpusRecord) old = NULL;
  GObject *object = G_OBJECT (self);

  g_return_if_fail (SM_IS_CORPUS_ENTRY (self));
  g_return_if_fail (g_strcmp0 (record->path, self->record->path) == 0);

  old = g_steal_pointer (&self->record);
  self->record = _sm_corpus_record_ref (record);

  g_object_freeze_notify (object);

  update_files (self, old);
  if (old->has_annotations != record->has_annotations)
    g_object_notify_by_pspec (object, properties [PROP_HAS_ANNOTATIONS]);
  if (old->loaded != record->loaded)
    g_object_notify_by_pspec (object, properties [PROP_LOADED]);
  if (old->status != record->status)
    g_object_notify_by_pspec (object, properties [PROP_STATUS]);
  if (old->n_spans != record->n_spans)
    g_object_notify_by_pspec (object, properties [PROP_N_SPANS]);
  if (!same_counts (old->label_counts, record->label_counts))
    g_object_notify_by_pspec (object, properties [PROP_LABEL_COUNTS]);
  if (g_strcmp0 (old->error, record->error) != 0)
    g_object_notify_by_pspec (object, properties [PROP_ERROR]);

  g_object_thaw_notify (object);
}

/**
 * sm_corpus_entry_get_name:
 *
 * Returns: the document's name: the file name without ".txt" or ".json"
 */
const char *
sm_corpus_entry_get_name (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  return self->name;
}

/**
 * sm_corpus_entry_get_path:
 *
 * Returns: where the document is in the corpus folder, without the
 *   extension and with "/" between folders: "2026/belarus-iran-sanctions"
 */
const char *
sm_corpus_entry_get_path (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  return self->record->path;
}

/**
 * sm_corpus_entry_get_article_file:
 *
 * Returns: (transfer none) (nullable): the article (".txt"), if there is one
 */
GFile *
sm_corpus_entry_get_article_file (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  if (self->article_file == NULL && self->record->article_path != NULL)
    self->article_file = g_file_resolve_relative_path (self->folder, self->record->article_path);

  return self->article_file;
}

/**
 * sm_corpus_entry_get_annotation_file:
 *
 * Returns: (transfer none): the Spanmark file (".json") beside the
 *   article: where the annotations are, or will be saved
 */
GFile *
sm_corpus_entry_get_annotation_file (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  if (self->annotation_file == NULL)
    self->annotation_file = g_file_resolve_relative_path (self->folder, self->record->annotation_path);

  return self->annotation_file;
}

gboolean
sm_corpus_entry_get_has_annotations (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), FALSE);

  return self->record->has_annotations;
}

/**
 * sm_corpus_entry_get_file:
 *
 * Returns: (transfer none): the file to open: the Spanmark file if there
 *   is one, the article otherwise
 */
GFile *
sm_corpus_entry_get_file (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  if (self->record->has_annotations || self->record->article_path == NULL)
    return sm_corpus_entry_get_annotation_file (self);

  return sm_corpus_entry_get_article_file (self);
}

/**
 * sm_corpus_entry_get_loaded:
 *
 * Returns: whether the status and counts are known; until the corpus has
 *   read the annotation file they are those of a new document
 */
gboolean
sm_corpus_entry_get_loaded (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), FALSE);

  return self->record->loaded;
}

SmDocumentStatus
sm_corpus_entry_get_status (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), SM_DOCUMENT_STATUS_NEW);

  return self->record->status;
}

/**
 * sm_corpus_entry_is_unfinished:
 *
 * Returns: whether there is work left: readable and not done. An entry
 *   not read yet counts as unfinished, so moving on never skips work.
 */
gboolean
sm_corpus_entry_is_unfinished (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), FALSE);

  return self->record->error == NULL && self->record->status != SM_DOCUMENT_STATUS_DONE;
}

guint
sm_corpus_entry_get_n_spans (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), 0);

  return self->record->n_spans;
}

guint
sm_corpus_entry_count_spans_with_label (SmCorpusEntry *self,
                                        const char    *label)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->record->label_counts, label));
}

/**
 * sm_corpus_entry_get_label_counts:
 *
 * Returns: (transfer none) (element-type utf8 guint): the number of spans
 *   of each label the document uses (label id -> GUINT_TO_POINTER). Do not
 *   change it: a new table replaces it when the counts change.
 */
GHashTable *
sm_corpus_entry_get_label_counts (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  return self->record->label_counts;
}

/**
 * sm_corpus_entry_get_error:
 *
 * Returns: (nullable): why the Spanmark file cannot be opened, in the words
 *   sm_document_new_from_file() would use, or %NULL
 */
const char *
sm_corpus_entry_get_error (SmCorpusEntry *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (self), NULL);

  return self->record->error;
}
