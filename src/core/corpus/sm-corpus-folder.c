/* sm-corpus-folder.c: a folder of articles to annotate, worked through like a to-do list.
 *
 * Opening a folder finds its articles (x.txt) and Spanmark files (x.json),
 * paired by name, in it and in its subfolders, and lists them as
 * #SmCorpusEntry objects. What the list shows of each document, its status
 * and span counts, comes from the index file where the annotation file is
 * unchanged, and is read in worker threads otherwise; the entries fill in
 * as the reads finish, a few milliseconds of main-thread work at a time,
 * so a corpus of ten thousand documents opens without the window
 * stalling. While open, the folders are watched: files added, removed or
 * changed on disk update the list, and the window tells the corpus of its
 * own saves so their entries change at once, without reading the file.
 * The schema, spanmark-project.json, is read again when another program
 * changes it, and given to the same #SmProject.
 *
 * Every update, from whichever worker, goes through one queue to the main
 * thread and is applied in batches; an update made from an older view of
 * an entry than the main thread's own latest change is dropped.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus-folder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-corpus-folder-private.h"
#include "sm-file.h"
#include "sm-thread.h"

/* Main-thread time spent applying updates before the loop runs again */
#define APPLY_BUDGET_USEC 3000
/* Changes on disk come in bursts (a save is a write and a rename; a git
 * checkout is hundreds): wait for the burst to end before looking. */
#define REFRESH_DELAY_MSEC 100
/* The index is a cache: rewriting it after every save would be waste */
#define INDEX_DELAY_SECONDS 2
#define MAX_READERS 4

typedef enum
{
  UPDATE_RECORD,        /* a document found, changed or gone */
  UPDATE_DIR_FOUND,     /* a folder to watch */
  UPDATE_DIR_GONE,      /* a folder removed, with everything in it */
  UPDATE_LOAD_DONE,     /* every document found on opening has been read */
  UPDATE_REFRESH_DONE,  /* the folders that changed have been looked at */
} UpdateKind;

typedef struct
{
  UpdateKind      kind;
  SmCorpusRecord *record;
  char           *dir;
} Update;

/* How workers hand updates to the main thread; shared, so refcounted */
typedef struct
{
  GMutex        mutex;
  GPtrArray    *queue;      /* Update, under the mutex */
  gboolean      scheduled;  /* under the mutex: a dispatch is coming */
  GPtrArray    *ready;      /* Update taken from the queue; main thread only */
  GMainContext *context;
  GWeakRef      folder;
} Loader;

typedef struct
{
  guint n_status[SM_DOCUMENT_STATUS_DONE + 1];
  guint n_unreadable;
  guint n_pending;
} Counts;

struct _SmCorpusFolder
{
  GObject             parent_instance;

  GFile              *folder;
  SmProject          *project;

  GPtrArray          *entries;        /* SmCorpusEntry, in the current order */
  GHashTable         *by_path;        /* path -> SmCorpusEntry */
  SmCorpusFolderSort  sort;
  Counts              counts;

  GCancellable       *cancellable;
  Loader             *loader;
  GHashTable         *monitors;       /* relative folder -> GFileMonitor */
  GHashTable         *dirty_dirs;     /* relative folders to look at again */
  guint               refresh_source;
  guint               index_source;
  guint               project_source;

  guint               loading : 1;
  guint               reading : 1;    /* the documents found on opening */
  guint               refreshing : 1;
  guint               index_dirty : 1;
  guint               index_writing : 1;
  guint               project_reading : 1;
};

static void sm_corpus_folder_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmCorpusFolder, sm_corpus_folder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sm_corpus_folder_list_model_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_PROJECT,
  PROP_LOADING,
  PROP_SORT,
  PROP_N_ITEMS,
  PROP_N_NEW,
  PROP_N_IN_PROGRESS,
  PROP_N_DONE,
  PROP_N_UNREADABLE,
  PROP_N_PENDING,
  N_PROPS
};

enum {
  CHANGED,
  PROJECT_ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void schedule_refresh     (SmCorpusFolder *self);
static void schedule_index_write (SmCorpusFolder *self,
                                  guint           delay);

GType
sm_corpus_folder_sort_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { SM_CORPUS_FOLDER_SORT_NAME, "SM_CORPUS_FOLDER_SORT_NAME", "name" },
        { SM_CORPUS_FOLDER_SORT_STATUS, "SM_CORPUS_FOLDER_SORT_STATUS", "status" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("SmCorpusFolderSort", values));
    }

  return type;
}

/* Updates and the loader */

static void
update_free (Update *update)
{
  g_clear_pointer (&update->record, _sm_corpus_record_unref);
  g_free (update->dir);
  g_free (update);
}

static Update *
update_new (UpdateKind      kind,
            SmCorpusRecord *record,
            const char     *dir)
{
  Update *update = g_new0 (Update, 1);

  update->kind = kind;
  update->record = record;
  update->dir = g_strdup (dir);

  return update;
}

static void
loader_clear (Loader *loader)
{
  g_mutex_clear (&loader->mutex);
  g_ptr_array_unref (loader->queue);
  g_ptr_array_unref (loader->ready);
  g_main_context_unref (loader->context);
  g_weak_ref_clear (&loader->folder);
}

static Loader *
loader_new (SmCorpusFolder *folder)
{
  Loader *loader = g_atomic_rc_box_new0 (Loader);

  g_mutex_init (&loader->mutex);
  loader->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) update_free);
  loader->ready = g_ptr_array_new_with_free_func ((GDestroyNotify) update_free);
  loader->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&loader->folder, folder);

  return loader;
}

static Loader *
loader_ref (Loader *loader)
{
  return g_atomic_rc_box_acquire (loader);
}

static void
loader_unref (Loader *loader)
{
  g_atomic_rc_box_release_full (loader, (GDestroyNotify) loader_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loader, loader_unref)

static gboolean dispatch_updates (gpointer data);

/* From any thread: hands @update to the main thread */
static void
loader_push (Loader *loader,
             Update *update)
{
  g_mutex_lock (&loader->mutex);

  g_ptr_array_add (loader->queue, update);

  if (!loader->scheduled)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      loader->scheduled = TRUE;
      g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (source, dispatch_updates, loader_ref (loader),
                             (GDestroyNotify) loader_unref);
      g_source_set_static_name (source, "[spanmark] corpus updates");
      g_source_attach (source, loader->context);
    }

  g_mutex_unlock (&loader->mutex);
}

/* Counting */

static void
count_record (Counts               *counts,
              const SmCorpusRecord *record,
              gint                  delta)
{
  if (record->error != NULL)
    counts->n_unreadable += delta;
  else
    counts->n_status[record->status] += delta;

  if (!record->loaded)
    counts->n_pending += delta;
}

static void
notify_counts (SmCorpusFolder *self,
               const Counts   *before,
               guint           n_items_before)
{
  static const guint status_props[] = { PROP_N_NEW, PROP_N_IN_PROGRESS, PROP_N_DONE };

  for (guint i = 0; i < G_N_ELEMENTS (status_props); i++)
    {
      if (before->n_status[i] != self->counts.n_status[i])
        g_object_notify_by_pspec (G_OBJECT (self), properties [status_props[i]]);
    }

  if (before->n_unreadable != self->counts.n_unreadable)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_UNREADABLE]);
  if (before->n_pending != self->counts.n_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PENDING]);
  if (n_items_before != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* Order */

static guint
status_rank (const SmCorpusRecord *record)
{
  if (record->error != NULL)
    return 3;

  switch (record->status)
    {
    case SM_DOCUMENT_STATUS_IN_PROGRESS:
      return 0;
    case SM_DOCUMENT_STATUS_NEW:
      return 1;
    case SM_DOCUMENT_STATUS_DONE:
    default:
      return 2;
    }
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SmCorpusEntry *entry_a = *(SmCorpusEntry **) a;
  SmCorpusEntry *entry_b = *(SmCorpusEntry **) b;
  SmCorpusFolderSort sort = GPOINTER_TO_INT (user_data);
  gint result;

  if (sort == SM_CORPUS_FOLDER_SORT_STATUS)
    {
      guint rank_a = status_rank (entry_a->record);
      guint rank_b = status_rank (entry_b->record);

      if (rank_a != rank_b)
        return rank_a < rank_b ? -1 : 1;
    }

  if ((result = strcmp (entry_a->sort_key, entry_b->sort_key)) != 0)
    return result;

  return strcmp (entry_a->record->path, entry_b->record->path);
}

/* Makes @entries the list, telling list views about the range that differs */
static void
replace_entries (SmCorpusFolder *self,
                 GPtrArray      *entries)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->entries);
  guint prefix = 0, suffix = 0;

  while (prefix < old->len && prefix < entries->len &&
         old->pdata[prefix] == entries->pdata[prefix])
    prefix++;

  while (suffix < old->len - prefix && suffix < entries->len - prefix &&
         old->pdata[old->len - 1 - suffix] == entries->pdata[entries->len - 1 - suffix])
    suffix++;

  self->entries = g_ptr_array_ref (entries);
  for (guint i = prefix; i < entries->len - suffix; i++)
    SM_CORPUS_ENTRY (entries->pdata[i])->position = i;

  if (old->len != prefix + suffix || entries->len != prefix + suffix)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, entries->len - prefix - suffix);
}

/* Batches: updates applied together, told together */

typedef struct
{
  GHashTable *placing;   /* SmCorpusEntry: new, or moved by a new status */
  GHashTable *gone;      /* SmCorpusEntry: removed */
  Counts      counts;
  guint       n_items;
  gboolean    changed;
} Batch;

static void
batch_begin (SmCorpusFolder *self,
             Batch          *batch)
{
  batch->placing = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  batch->gone = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  batch->counts = self->counts;
  batch->n_items = self->entries->len;
  batch->changed = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
}

static void
batch_end (SmCorpusFolder *self,
           Batch          *batch)
{
  if (g_hash_table_size (batch->placing) > 0 || g_hash_table_size (batch->gone) > 0)
    {
      g_autoptr(GPtrArray) staying = g_ptr_array_sized_new (self->entries->len);
      g_autoptr(GPtrArray) placing = g_ptr_array_new ();
      g_autoptr(GPtrArray) merged = NULL;
      GHashTableIter iter;
      gpointer entry;
      guint i = 0, j = 0;

      /* The entries that stay in place are still in order: sort only the
       * few that move, and merge. */
      for (guint k = 0; k < self->entries->len; k++)
        {
          entry = self->entries->pdata[k];
          if (!g_hash_table_contains (batch->placing, entry) && !g_hash_table_contains (batch->gone, entry))
            g_ptr_array_add (staying, entry);
        }

      g_hash_table_iter_init (&iter, batch->placing);
      while (g_hash_table_iter_next (&iter, &entry, NULL))
        {
          if (!g_hash_table_contains (batch->gone, entry))
            g_ptr_array_add (placing, entry);
        }
      g_ptr_array_sort_with_data (placing, compare_entries, GINT_TO_POINTER (self->sort));

      merged = g_ptr_array_new_full (staying->len + placing->len, g_object_unref);
      while (i < staying->len || j < placing->len)
        {
          if (j == placing->len ||
              (i < staying->len &&
               compare_entries (&staying->pdata[i], &placing->pdata[j], GINT_TO_POINTER (self->sort)) < 0))
            g_ptr_array_add (merged, g_object_ref (staying->pdata[i++]));
          else
            g_ptr_array_add (merged, g_object_ref (placing->pdata[j++]));
        }

      replace_entries (self, merged);
    }

  notify_counts (self, &batch->counts, batch->n_items);
  g_object_thaw_notify (G_OBJECT (self));

  if (batch->changed)
    g_signal_emit (self, signals [CHANGED], 0);

  g_clear_pointer (&batch->placing, g_hash_table_unref);
  g_clear_pointer (&batch->gone, g_hash_table_unref);
}

static void
remove_entry (SmCorpusFolder *self,
              Batch          *batch,
              SmCorpusEntry  *entry)
{
  count_record (&self->counts, entry->record, -1);
  g_hash_table_add (batch->gone, g_object_ref (entry));
  g_hash_table_remove (self->by_path, entry->record->path);
  batch->changed = TRUE;
}

static void
apply_record (SmCorpusFolder *self,
              Batch          *batch,
              SmCorpusRecord *record)
{
  SmCorpusEntry *entry = g_hash_table_lookup (self->by_path, record->path);

  /* Made before the main thread's own latest change to the entry */
  if (entry != NULL && record->base_version != entry->version)
    return;

  if (record->has_annotations || (entry != NULL && entry->record->has_annotations))
    self->index_dirty = TRUE;

  if (record->removed)
    {
      if (entry != NULL)
        remove_entry (self, batch, entry);
      return;
    }

  if (entry == NULL)
    {
      entry = _sm_corpus_entry_new (self->folder, record);
      g_hash_table_insert (self->by_path, g_strdup (record->path), entry);
      g_hash_table_add (batch->placing, entry);
      count_record (&self->counts, record, 1);
      batch->changed = TRUE;
      return;
    }

  if (_sm_corpus_record_equal (entry->record, record))
    {
      /* Only the stamp changed: keep it, for the index */
      _sm_corpus_entry_set_record (entry, record);
      return;
    }

  if (self->sort == SM_CORPUS_FOLDER_SORT_STATUS &&
      status_rank (entry->record) != status_rank (record) &&
      !g_hash_table_contains (batch->placing, entry))
    g_hash_table_add (batch->placing, g_object_ref (entry));

  count_record (&self->counts, entry->record, -1);
  count_record (&self->counts, record, 1);
  _sm_corpus_entry_set_record (entry, record);
  batch->changed = TRUE;
}

static gboolean
is_in_dir (const char *path,
           const char *dir)
{
  gsize length = strlen (dir);

  return length == 0 || (strncmp (path, dir, length) == 0 && path[length] == '/');
}

static void
watch_dir (SmCorpusFolder *self,
           const char     *dir);

static void
forget_dir (SmCorpusFolder *self,
            Batch          *batch,
            const char     *dir)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (key, dir) == 0 || is_in_dir (key, dir))
        {
          g_file_monitor_cancel (value);
          g_hash_table_iter_remove (&iter);
        }
    }

  g_hash_table_iter_init (&iter, self->by_path);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (is_in_dir (key, dir))
        g_ptr_array_add (gone, value);
    }

  for (guint i = 0; i < gone->len; i++)
    remove_entry (self, batch, gone->pdata[i]);

  if (gone->len > 0)
    self->index_dirty = TRUE;
}

static void
set_loading (SmCorpusFolder *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
apply_update (SmCorpusFolder *self,
              Batch          *batch,
              Update         *update)
{
  switch (update->kind)
    {
    case UPDATE_RECORD:
      apply_record (self, batch, update->record);
      break;

    case UPDATE_DIR_FOUND:
      watch_dir (self, update->dir);
      break;

    case UPDATE_DIR_GONE:
      forget_dir (self, batch, update->dir);
      break;

    case UPDATE_LOAD_DONE:
      self->reading = FALSE;
      if (self->index_dirty)
        schedule_index_write (self, 0);
      else
        set_loading (self, FALSE);
      schedule_refresh (self);
      break;

    case UPDATE_REFRESH_DONE:
      self->refreshing = FALSE;
      schedule_index_write (self, INDEX_DELAY_SECONDS);
      schedule_refresh (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* On the main thread: applies what the workers found, a few milliseconds at a time */
static gboolean
dispatch_updates (gpointer data)
{
  Loader *loader = data;
  g_autoptr(SmCorpusFolder) self = g_weak_ref_get (&loader->folder);
  gint64 deadline = g_get_monotonic_time () + APPLY_BUDGET_USEC;
  gboolean more;
  Batch batch;
  guint done = 0;

  g_mutex_lock (&loader->mutex);
  g_ptr_array_extend_and_steal (loader->ready, g_steal_pointer (&loader->queue));
  loader->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) update_free);
  g_mutex_unlock (&loader->mutex);

  if (self == NULL)
    g_ptr_array_set_size (loader->ready, 0);
  else
    {
      batch_begin (self, &batch);
      while (done < loader->ready->len)
        {
          apply_update (self, &batch, loader->ready->pdata[done++]);
          if (done % 64 == 0 && g_get_monotonic_time () > deadline)
            break;
        }
      batch_end (self, &batch);
      g_ptr_array_remove_range (loader->ready, 0, done);
    }

  /* A worker pushing now either sees scheduled still set and its update
   * is taken next time, or sees it cleared and schedules anew. */
  g_mutex_lock (&loader->mutex);
  more = loader->ready->len > 0 || loader->queue->len > 0;
  if (!more)
    loader->scheduled = FALSE;
  g_mutex_unlock (&loader->mutex);

  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* GObject and GListModel */

static GType
sm_corpus_folder_get_item_type (GListModel *model)
{
  return SM_TYPE_CORPUS_ENTRY;
}

static guint
sm_corpus_folder_get_n_items (GListModel *model)
{
  return SM_CORPUS_FOLDER (model)->entries->len;
}

static gpointer
sm_corpus_folder_get_item (GListModel *model,
                           guint       position)
{
  SmCorpusFolder *self = SM_CORPUS_FOLDER (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (self->entries->pdata[position]);
}

static void
sm_corpus_folder_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sm_corpus_folder_get_item_type;
  iface->get_n_items = sm_corpus_folder_get_n_items;
  iface->get_item = sm_corpus_folder_get_item;
}

static void
sm_corpus_folder_dispose (GObject *object)
{
  SmCorpusFolder *self = (SmCorpusFolder *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->index_source, g_source_remove);
  g_clear_handle_id (&self->project_source, g_source_remove);

  if (self->monitors != NULL)
    {
      GHashTableIter iter;
      gpointer monitor;

      g_hash_table_iter_init (&iter, self->monitors);
      while (g_hash_table_iter_next (&iter, NULL, &monitor))
        g_file_monitor_cancel (monitor);
      g_hash_table_remove_all (self->monitors);
    }

  G_OBJECT_CLASS (sm_corpus_folder_parent_class)->dispose (object);
}

static void
sm_corpus_folder_finalize (GObject *object)
{
  SmCorpusFolder *self = (SmCorpusFolder *)object;

  g_clear_object (&self->folder);
  g_clear_object (&self->project);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loader, loader_unref);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->dirty_dirs, g_hash_table_unref);

  G_OBJECT_CLASS (sm_corpus_folder_parent_class)->finalize (object);
}

static void
sm_corpus_folder_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmCorpusFolder *self = SM_CORPUS_FOLDER (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    case PROP_N_NEW:
      g_value_set_uint (value, self->counts.n_status[SM_DOCUMENT_STATUS_NEW]);
      break;

    case PROP_N_IN_PROGRESS:
      g_value_set_uint (value, self->counts.n_status[SM_DOCUMENT_STATUS_IN_PROGRESS]);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->counts.n_status[SM_DOCUMENT_STATUS_DONE]);
      break;

    case PROP_N_UNREADABLE:
      g_value_set_uint (value, self->counts.n_unreadable);
      break;

    case PROP_N_PENDING:
      g_value_set_uint (value, self->counts.n_pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_corpus_folder_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmCorpusFolder *self = SM_CORPUS_FOLDER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      sm_corpus_folder_set_sort (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_corpus_folder_class_init (SmCorpusFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sm_corpus_folder_dispose;
  object_class->finalize = sm_corpus_folder_finalize;
  object_class->get_property = sm_corpus_folder_get_property;
  object_class->set_property = sm_corpus_folder_set_property;

  properties [PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, flags);
  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SM_TYPE_PROJECT, flags);
  /**
   * SmCorpusFolder:loading:
   *
   * Whether the documents found on opening are still being read (their
   * entries are not #SmCorpusEntry:loaded yet) or the index is being
   * written after that.
   */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       SM_TYPE_CORPUS_FOLDER_SORT, SM_CORPUS_FOLDER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_NEW] =
    g_param_spec_uint ("n-new", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_IN_PROGRESS] =
    g_param_spec_uint ("n-in-progress", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_UNREADABLE] =
    g_param_spec_uint ("n-unreadable", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmCorpusFolder::changed:
   *
   * Emitted after entries were added, removed or changed status or
   * counts, once for each batch of changes: the moment to redraw
   * statistics.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SmCorpusFolder::project-error:
   * @error: what is wrong with the file, naming it
   *
   * Emitted when %SM_PROJECT_FILE_NAME was changed on disk into something
   * that cannot be read. The project keeps the schema it had. (When it can
   * be read, the project is given the new schema, and emits
   * #SmProject::replaced.)
   */
  signals [PROJECT_ERROR] =
    g_signal_new ("project-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sm_corpus_folder_init (SmCorpusFolder *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->dirty_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Opening: find the documents and take what the index knows of them */

/* A corpus folder as the worker found it, all but ready to hand over */
typedef struct
{
  SmProject  *project;
  GPtrArray  *entries;   /* SmCorpusEntry, by name, positions set */
  GHashTable *by_path;   /* path -> SmCorpusEntry */
  Counts      counts;
  GPtrArray  *dirs;      /* relative folders, to watch */
  GPtrArray  *pending;   /* SmCorpusRecord: annotation files to read */
  gboolean    index_dirty;
} Scanned;

static void
scanned_free (Scanned *scanned)
{
  g_clear_object (&scanned->project);
  g_clear_pointer (&scanned->entries, g_ptr_array_unref);
  g_clear_pointer (&scanned->by_path, g_hash_table_unref);
  g_clear_pointer (&scanned->dirs, g_ptr_array_unref);
  g_clear_pointer (&scanned->pending, g_ptr_array_unref);
  g_free (scanned);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scanned, scanned_free)

static gboolean
check_folder (GFile         *folder,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *name = g_file_get_basename (folder);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: could not open: the folder does not exist"), name);
      else
        sm_file_set_io_error (error, local_error, name, FALSE);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: could not open as a corpus: it is a file, not a folder; open it as a document instead"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gpointer
load_index_in_thread (gpointer data)
{
  g_autoptr(GFile) folder = data;

  sm_thread_lower_priority ();
  return _sm_corpus_index_load (folder, NULL);
}

/* In a worker: everything about opening that does not need the documents read */
static Scanned *
scan (GFile         *folder,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(Scanned) scanned = g_new0 (Scanned, 1);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) records = NULL;
  GThread *index_thread;
  GHashTableIter iter;
  gpointer value;
  guint n_indexed = 0;
  gboolean scanned_ok;

  if (!check_folder (folder, cancellable, error) ||
      !(scanned->project = sm_project_new_for_folder (folder, cancellable, error)))
    return NULL;

  /* With thousands of documents, parsing the index takes about as long
   * as listing the folder: do both at once */
  index_thread = g_thread_new ("sm-corpus-index", load_index_in_thread, g_object_ref (folder));

  records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) _sm_corpus_record_unref);
  scanned->dirs = g_ptr_array_new_with_free_func (g_free);
  scanned_ok = _sm_corpus_scan (folder, "", NULL, records, scanned->dirs, cancellable, error);

  index = g_thread_join (index_thread);
  if (!scanned_ok)
    return NULL;

  scanned->entries = g_ptr_array_new_full (g_hash_table_size (records), g_object_unref);
  scanned->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _sm_corpus_record_unref);

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SmCorpusRecord *record = value;
      SmCorpusRecord *known;

      _sm_corpus_record_finish_scan (record);

      if (record->has_annotations)
        {
          known = index ? g_hash_table_lookup (index, record->annotation_path) : NULL;
          if (known != NULL && _sm_corpus_record_same_stamp (known, record))
            {
              SmCorpusRecord *indexed = _sm_corpus_record_copy (known);

              g_free (indexed->path);
              indexed->path = g_strdup (record->path);
              g_free (indexed->article_path);
              indexed->article_path = g_strdup (record->article_path);
              g_ptr_array_add (scanned->entries, _sm_corpus_entry_new (folder, indexed));
              _sm_corpus_record_unref (indexed);
              n_indexed++;
              continue;
            }

          g_ptr_array_add (scanned->pending, _sm_corpus_record_ref (record));
        }

      g_ptr_array_add (scanned->entries, _sm_corpus_entry_new (folder, record));
    }

  g_ptr_array_sort_with_data (scanned->entries, compare_entries,
                              GINT_TO_POINTER (SM_CORPUS_FOLDER_SORT_NAME));

  /* Done here rather than on the main thread: ten thousand entries take
   * milliseconds */
  scanned->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < scanned->entries->len; i++)
    {
      SmCorpusEntry *entry = scanned->entries->pdata[i];

      entry->position = i;
      g_hash_table_insert (scanned->by_path, g_strdup (entry->record->path), entry);
      count_record (&scanned->counts, entry->record, 1);
    }

  /* Rewrite the index if it misses files, or holds files that are gone */
  scanned->index_dirty = scanned->pending->len > 0 ||
                         (index != NULL && g_hash_table_size (index) != n_indexed);

  return g_steal_pointer (&scanned);
}

static SmCorpusFolder *
folder_new (GFile   *folder,
            Scanned *scanned)
{
  SmCorpusFolder *self = g_object_new (SM_TYPE_CORPUS_FOLDER, NULL);

  self->folder = g_object_ref (folder);
  self->project = g_steal_pointer (&scanned->project);
  self->index_dirty = scanned->index_dirty;
  self->counts = scanned->counts;

  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&scanned->entries);
  g_hash_table_unref (self->by_path);
  self->by_path = g_steal_pointer (&scanned->by_path);

  return self;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  Scanned *scanned;

  sm_thread_lower_priority ();
  if ((scanned = scan (task_data, cancellable, &error)))
    g_task_return_pointer (task, scanned, (GDestroyNotify) scanned_free);
  else
    g_task_return_error (task, error);
}

/**
 * sm_corpus_folder_open_async:
 * @folder: a folder of articles and Spanmark files
 *
 * Opens a corpus: reads its project schema (spanmark-project.json, or the
 * default labels without one), finds its documents and takes what the
 * index knows of them, all in a worker thread. The documents the index
 * cannot vouch for are read after that, in the background, while the
 * list is already shown: see #SmCorpusFolder:loading.
 */
void
sm_corpus_folder_open_async (GFile               *folder,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_corpus_folder_open_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, open_in_thread);
}

/* Reading the documents the index did not know, in a few workers */

typedef struct
{
  GFile     *folder;
  GPtrArray *pending;
  Loader    *loader;
  guint      first;
  guint      stride;
  gint      *n_running;   /* shared by the workers of one opening */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->folder);
  g_clear_pointer (&job->pending, g_ptr_array_unref);
  g_clear_pointer (&job->loader, loader_unref);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;

  sm_thread_lower_priority ();
  for (guint i = job->first; i < job->pending->len; i += job->stride)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      loader_push (job->loader,
                   update_new (UPDATE_RECORD,
                               _sm_corpus_record_read (job->folder, job->pending->pdata[i]),
                               NULL));
    }

  /* Thousands of records: let the last worker free them, not the main thread */
  g_clear_pointer (&job->pending, g_ptr_array_unref);

  if (g_atomic_int_dec_and_test (job->n_running))
    {
      /* The last worker says the reading is over, after its own updates */
      loader_push (job->loader, update_new (UPDATE_LOAD_DONE, NULL, NULL));
      g_free (job->n_running);
    }

  g_task_return_boolean (task, TRUE);
}

static void
start_reading (SmCorpusFolder *self,
               GPtrArray      *pending)
{
  /* One processor stays free for the main thread: the list must keep
   * up with the user while the rest are read */
  guint n_workers = CLAMP (g_get_num_processors () - 1, 1, MAX_READERS);
  gint *n_running = g_new (gint, 1);

  n_workers = MIN (n_workers, MAX (pending->len, 1));
  *n_running = n_workers;
  self->reading = TRUE;

  for (guint i = 0; i < n_workers; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, NULL, NULL);
      ReadJob *job = g_new0 (ReadJob, 1);

      job->folder = g_object_ref (self->folder);
      job->pending = g_ptr_array_ref (pending);
      job->loader = loader_ref (self->loader);
      job->first = i;
      job->stride = n_workers;
      job->n_running = n_running;

      g_task_set_source_tag (task, start_reading);
      g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
      g_task_run_in_thread (task, read_in_thread);
    }
}

/**
 * sm_corpus_folder_open_finish:
 *
 * Returns: (transfer full) (nullable): the corpus, listing every
 *   document; it reads the rest in the background and follows changes
 *   on disk from now on
 */
SmCorpusFolder *
sm_corpus_folder_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(Scanned) scanned = NULL;
  g_autoptr(GFile) folder = NULL;
  SmCorpusFolder *self;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!(scanned = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  folder = g_object_ref (g_task_get_task_data (G_TASK (result)));
  self = folder_new (folder, scanned);
  self->loader = loader_new (self);

  for (guint i = 0; i < scanned->dirs->len; i++)
    watch_dir (self, scanned->dirs->pdata[i]);

  if (scanned->pending->len > 0)
    {
      self->loading = TRUE;
      start_reading (self, scanned->pending);
    }
  else if (self->index_dirty)
    {
      self->loading = TRUE;
      schedule_index_write (self, 0);
    }

  return self;
}

/**
 * sm_corpus_folder_open:
 * @folder: a folder of articles and Spanmark files
 *
 * Opens a corpus and reads every document the index does not know before
 * returning, in the calling thread, updating the index. It does not
 * follow changes on disk: this is for the command line and for tests;
 * the window uses sm_corpus_folder_open_async().
 *
 * Returns: (transfer full) (nullable): the corpus, every entry loaded
 */
SmCorpusFolder *
sm_corpus_folder_open (GFile         *folder,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(Scanned) scanned = NULL;
  g_autoptr(GError) index_error = NULL;
  SmCorpusFolder *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!(scanned = scan (folder, cancellable, error)))
    return NULL;

  for (guint i = 0; i < scanned->pending->len; i++)
    {
      g_autoptr(SmCorpusRecord) record = _sm_corpus_record_read (folder, scanned->pending->pdata[i]);
      SmCorpusEntry *entry = g_hash_table_lookup (scanned->by_path, record->path);

      count_record (&scanned->counts, entry->record, -1);
      count_record (&scanned->counts, record, 1);
      _sm_corpus_entry_set_record (entry, record);
    }

  self = folder_new (folder, scanned);

  if (self->index_dirty)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new ();

      for (guint i = 0; i < self->entries->len; i++)
        g_ptr_array_add (records, SM_CORPUS_ENTRY (self->entries->pdata[i])->record);

      /* A read-only folder simply has no index */
      if (!_sm_corpus_index_save (folder, records, cancellable, &index_error))
        g_debug ("Could not write the corpus index: %s", index_error->message);
      self->index_dirty = FALSE;
    }

  return self;
}

/* The index file */

typedef struct
{
  GFile     *folder;
  GPtrArray *records;
} IndexJob;

static void
index_job_free (IndexJob *job)
{
  g_clear_object (&job->folder);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_free (job);
}

static void
write_index_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  IndexJob *job = task_data;
  GError *error = NULL;

  sm_thread_lower_priority ();
  if (_sm_corpus_index_save (job->folder, job->records, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
index_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SmCorpusFolder *self = SM_CORPUS_FOLDER (object);
  g_autoptr(GError) error = NULL;

  /* A read-only folder simply has no index: nothing to tell anyone */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not write the corpus index: %s", error->message);

  self->index_writing = FALSE;
  if (!self->reading)
    set_loading (self, FALSE);
  schedule_index_write (self, INDEX_DELAY_SECONDS);
}

static gboolean
write_index (gpointer data)
{
  SmCorpusFolder *self = data;
  g_autoptr(GTask) task = NULL;
  IndexJob *job;

  self->index_source = 0;
  self->index_dirty = FALSE;
  self->index_writing = TRUE;

  /* Records never change once made: the worker may read them as they are */
  job = g_new0 (IndexJob, 1);
  job->folder = g_object_ref (self->folder);
  job->records = g_ptr_array_new_full (self->entries->len, (GDestroyNotify) _sm_corpus_record_unref);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SmCorpusRecord *record = SM_CORPUS_ENTRY (self->entries->pdata[i])->record;

      if (record->has_annotations)
        g_ptr_array_add (job->records, _sm_corpus_record_ref (record));
    }

  task = g_task_new (self, self->cancellable, index_written_cb, NULL);
  g_task_set_source_tag (task, write_index);
  g_task_set_task_data (task, job, (GDestroyNotify) index_job_free);
  g_task_run_in_thread (task, write_index_in_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_index_write (SmCorpusFolder *self,
                      guint           delay)
{
  if (!self->index_dirty || self->index_writing || self->reading || self->index_source != 0)
    return;

  if (delay == 0)
    write_index (self);
  else
    self->index_source = g_timeout_add_seconds (delay, write_index, self);
}

/* Following changes on disk */

typedef struct
{
  SmCorpusRecord *record;
  guint           version;
} Known;

static void
known_free (Known *known)
{
  _sm_corpus_record_unref (known->record);
  g_free (known);
}

typedef struct
{
  GFile      *folder;
  GHashTable *dirs;        /* relative folders to look at */
  GHashTable *known_dirs;  /* relative folders already watched */
  GHashTable *known;       /* path -> Known: the entries in @dirs */
  Loader     *loader;
} RefreshJob;

static void
refresh_job_free (RefreshJob *job)
{
  g_clear_object (&job->folder);
  g_clear_pointer (&job->dirs, g_hash_table_unref);
  g_clear_pointer (&job->known_dirs, g_hash_table_unref);
  g_clear_pointer (&job->known, g_hash_table_unref);
  g_clear_pointer (&job->loader, loader_unref);
  g_free (job);
}

static char *
dir_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash ? g_strndup (path, slash - path) : g_strdup ("");
}

static gboolean
dir_exists (GFile      *folder,
            const char *dir)
{
  g_autoptr(GFile) file = dir[0] ? g_file_resolve_relative_path (folder, dir) : g_object_ref (folder);

  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY;
}

/* What to tell the main thread of @found, given what it knew, or %NULL if nothing */
static SmCorpusRecord *
compare_with_known (RefreshJob     *job,
                    SmCorpusRecord *found,
                    Known          *known)
{
  SmCorpusRecord *old = known ? known->record : NULL;
  SmCorpusRecord *update;

  if (old == NULL)
    update = found->has_annotations ? _sm_corpus_record_read (job->folder, found)
                                    : _sm_corpus_record_ref (found);
  else if (found->has_annotations && old->has_annotations && old->stamp_pending)
    {
      /* The window saved it and told us what is in it: take the stamp */
      update = _sm_corpus_record_copy (old);
      g_free (update->article_path);
      update->article_path = g_strdup (found->article_path);
      update->size = found->size;
      update->mtime = found->mtime;
      update->stamp_pending = FALSE;
    }
  else if (!_sm_corpus_record_same_stamp (old, found))
    update = found->has_annotations ? _sm_corpus_record_read (job->folder, found)
                                    : _sm_corpus_record_ref (found);
  else if (g_strcmp0 (old->article_path, found->article_path) != 0)
    {
      update = _sm_corpus_record_copy (old);
      g_free (update->article_path);
      update->article_path = g_strdup (found->article_path);
    }
  else
    return NULL;

  update->base_version = known ? known->version : 0;

  return update;
}

static void
refresh_dir (RefreshJob   *job,
             const char   *dir,
             GCancellable *cancellable)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) dirs = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!dir_exists (job->folder, dir))
    {
      loader_push (job->loader, update_new (UPDATE_DIR_GONE, NULL, dir));
      return;
    }

  /* A watched subfolder that is gone takes its documents with it */
  g_hash_table_iter_init (&iter, job->known_dirs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *parent = dir_of (key);

      if (((const char *) key)[0] != '\0' && strcmp (parent, dir) == 0 &&
          !dir_exists (job->folder, key))
        loader_push (job->loader, update_new (UPDATE_DIR_GONE, NULL, key));
    }

  found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _sm_corpus_record_unref);
  dirs = g_ptr_array_new_with_free_func (g_free);
  if (!_sm_corpus_scan (job->folder, dir, job->known_dirs, found, dirs, cancellable, NULL))
    return;

  /* New subfolders, found and looked into by the scan: watch them */
  for (guint i = 1; i < dirs->len; i++)
    loader_push (job->loader, update_new (UPDATE_DIR_FOUND, NULL, dirs->pdata[i]));

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SmCorpusRecord *update;

      _sm_corpus_record_finish_scan (value);
      update = compare_with_known (job, value, g_hash_table_lookup (job->known, key));
      if (update != NULL)
        loader_push (job->loader, update_new (UPDATE_RECORD, update, NULL));
    }

  /* Documents of this folder that are no longer there */
  g_hash_table_iter_init (&iter, job->known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *parent = dir_of (key);
      Known *known = value;

      if (strcmp (parent, dir) == 0 && !g_hash_table_contains (found, key))
        {
          SmCorpusRecord *gone = _sm_corpus_record_new (key);

          gone->removed = TRUE;
          gone->base_version = known->version;
          loader_push (job->loader, update_new (UPDATE_RECORD, gone, NULL));
        }
    }
}

static void
refresh_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RefreshJob *job = task_data;
  GHashTableIter iter;
  gpointer dir;

  sm_thread_lower_priority ();
  g_hash_table_iter_init (&iter, job->dirs);
  while (g_hash_table_iter_next (&iter, &dir, NULL) && !g_cancellable_is_cancelled (cancellable))
    refresh_dir (job, dir, cancellable);

  loader_push (job->loader, update_new (UPDATE_REFRESH_DONE, NULL, NULL));
  g_task_return_boolean (task, TRUE);
}

static gboolean
refresh (gpointer data)
{
  SmCorpusFolder *self = data;
  g_autoptr(GTask) task = NULL;
  RefreshJob *job;
  GHashTableIter iter;
  gpointer key;

  self->refresh_source = 0;

  /* One look at a time, after the opening reads: a later look must
   * never be overtaken by an older one. */
  if (self->reading || self->refreshing || g_hash_table_size (self->dirty_dirs) == 0)
    return G_SOURCE_REMOVE;

  job = g_new0 (RefreshJob, 1);
  job->folder = g_object_ref (self->folder);
  job->loader = loader_ref (self->loader);
  job->dirs = g_steal_pointer (&self->dirty_dirs);
  job->known_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_free);
  self->dirty_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (job->known_dirs, g_strdup (key));

  for (guint i = 0; i < self->entries->len; i++)
    {
      SmCorpusEntry *entry = self->entries->pdata[i];
      g_autofree char *dir = dir_of (entry->record->path);

      if (g_hash_table_contains (job->dirs, dir))
        {
          Known *known = g_new0 (Known, 1);

          known->record = _sm_corpus_record_ref (entry->record);
          known->version = entry->version;
          g_hash_table_insert (job->known, g_strdup (entry->record->path), known);
        }
    }

  self->refreshing = TRUE;
  task = g_task_new (NULL, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) refresh_job_free);
  g_task_run_in_thread (task, refresh_in_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (SmCorpusFolder *self)
{
  if (self->refresh_source != 0 || self->loader == NULL ||
      g_hash_table_size (self->dirty_dirs) == 0)
    return;

  self->refresh_source = g_timeout_add (REFRESH_DELAY_MSEC, refresh, self);
}

/* The schema file, changed on disk */

static void schedule_project_read (SmCorpusFolder *self);

static void
read_project_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_get_child (task_data, SM_PROJECT_FILE_NAME);
  GError *error = NULL;
  SmProject *project;

  sm_thread_lower_priority ();
  if ((project = sm_project_new_from_file (file, cancellable, &error)))
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_project_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SmCorpusFolder *self = SM_CORPUS_FOLDER (object);
  g_autoptr(SmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) had = NULL;
  g_autoptr(GBytes) has = NULL;

  self->project_reading = FALSE;
  project = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Gone, for now (a checkout may write it again): the schema stays, and
   * the next save of the labels writes it back */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return;

  if (error != NULL)
    {
      g_signal_emit (self, signals [PROJECT_ERROR], 0, error);
      return;
    }

  /* Our own save began meanwhile: what was read may be older than it */
  if (sm_project_is_saving (self->project))
    {
      schedule_project_read (self);
      return;
    }

  /* Our own save, or a change that changes nothing */
  had = sm_project_serialize (self->project);
  has = sm_project_serialize (project);
  if (g_bytes_equal (had, has))
    return;

  sm_project_replace_schema (self->project, project);
}

static gboolean
read_project (gpointer data)
{
  SmCorpusFolder *self = data;
  g_autoptr(GTask) task = NULL;

  self->project_source = 0;

  /* After our own saves, and one read at a time */
  if (self->project_reading || sm_project_is_saving (self->project))
    {
      schedule_project_read (self);
      return G_SOURCE_REMOVE;
    }

  self->project_reading = TRUE;
  task = g_task_new (self, self->cancellable, on_project_read, NULL);
  g_task_set_source_tag (task, read_project);
  g_task_set_task_data (task, g_object_ref (self->folder), g_object_unref);
  g_task_run_in_thread (task, read_project_in_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_project_read (SmCorpusFolder *self)
{
  if (self->project_source != 0 || self->project == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  self->project_source = g_timeout_add (REFRESH_DELAY_MSEC, read_project, self);
}

static void
note_change (SmCorpusFolder *self,
             GFile          *file)
{
  g_autofree char *relative = NULL;
  const char *name;

  if (file == NULL || !(relative = g_file_get_relative_path (self->folder, file)))
    return;

  name = strrchr (relative, '/');
  name = name ? name + 1 : relative;

  /* Temporary files of a save and our own index are not documents; nor is
   * the schema, which is read again */
  if (name[0] == '.')
    return;

  if (strcmp (relative, SM_PROJECT_FILE_NAME) == 0)
    {
      schedule_project_read (self);
      return;
    }

  g_hash_table_add (self->dirty_dirs, dir_of (relative));
  if (g_hash_table_contains (self->monitors, relative))
    g_hash_table_add (self->dirty_dirs, g_strdup (relative));

  schedule_refresh (self);
}

static void
on_monitor_changed (SmCorpusFolder    *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  /* A change of time or permissions alone changes nothing the list shows */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  note_change (self, file);
  note_change (self, other_file);
}

static void
watch_dir (SmCorpusFolder *self,
           const char     *dir)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;

  if (g_hash_table_contains (self->monitors, dir))
    return;

  file = dir[0] ? g_file_resolve_relative_path (self->folder, dir) : g_object_ref (self->folder);
  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, &error);
  if (monitor == NULL)
    {
      /* Without a monitor the list still works; it only misses changes */
      g_debug ("Not watching %s: %s", dir, error->message);
      return;
    }

  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->monitors, g_strdup (dir), g_steal_pointer (&monitor));
}

/**
 * sm_corpus_folder_document_saved:
 * @document: the document the window just saved
 * @file: where it saved it
 *
 * Tells the corpus about a save, so that the document's entry shows its
 * new status and counts at once, without reading the file again. A
 * document saved into the folder for the first time gets an entry.
 *
 * Returns: whether @file is in the corpus
 */
gboolean
sm_corpus_folder_document_saved (SmCorpusFolder *self,
                                 SmDocument     *document,
                                 GFile          *file)
{
  g_autoptr(SmCorpusRecord) record = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *stem = NULL;
  SmCorpusEntry *entry;
  Batch batch;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), FALSE);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Only a Spanmark file: the stem of an article is one shorter than ".json" */
  relative = g_file_get_relative_path (self->folder, file);
  if (relative == NULL || !(stem = _sm_corpus_stem (relative)) ||
      strlen (relative) - strlen (stem) != strlen (".json"))
    return FALSE;

  entry = g_hash_table_lookup (self->by_path, stem);
  record = entry ? _sm_corpus_record_copy (entry->record) : _sm_corpus_record_new (stem);

  g_free (record->annotation_path);
  record->annotation_path = g_strdup (relative);
  record->has_annotations = TRUE;
  record->stamp_pending = TRUE;
  _sm_corpus_record_set_document (record, document);

  /* Anything a worker saw before this save is older than it */
  if (entry != NULL)
    record->base_version = ++entry->version;

  batch_begin (self, &batch);
  apply_record (self, &batch, record);
  batch_end (self, &batch);

  /* Take the saved file's stamp, for the index, without reading it */
  if (self->loader != NULL)
    {
      g_hash_table_add (self->dirty_dirs, dir_of (relative));
      schedule_refresh (self);
    }

  return TRUE;
}

/* Properties */

/**
 * sm_corpus_folder_get_folder:
 *
 * Returns: (transfer none): the corpus folder
 */
GFile *
sm_corpus_folder_get_folder (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);

  return self->folder;
}

/**
 * sm_corpus_folder_get_project:
 *
 * Returns: (transfer none): the label schema: the folder's
 *   spanmark-project.json, or the default one. Save changes to it with
 *   sm_project_save_to_file_async() into sm_corpus_folder_get_project_file().
 */
SmProject *
sm_corpus_folder_get_project (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);

  return self->project;
}

/**
 * sm_corpus_folder_get_project_file:
 *
 * Returns: (transfer full): where the schema is saved, whether it exists or not
 */
GFile *
sm_corpus_folder_get_project_file (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);

  return g_file_get_child (self->folder, SM_PROJECT_FILE_NAME);
}

gboolean
sm_corpus_folder_get_loading (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), FALSE);

  return self->loading;
}

/* Order, and moving through it */

SmCorpusFolderSort
sm_corpus_folder_get_sort (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), SM_CORPUS_FOLDER_SORT_NAME);

  return self->sort;
}

/**
 * sm_corpus_folder_set_sort:
 *
 * Orders the list by name or by status. With status, an entry whose
 * status changes moves to its new place at once; take the next entry
 * before marking one done if the next should be its neighbour.
 */
void
sm_corpus_folder_set_sort (SmCorpusFolder     *self,
                           SmCorpusFolderSort  sort)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (SM_IS_CORPUS_FOLDER (self));
  g_return_if_fail (sort <= SM_CORPUS_FOLDER_SORT_STATUS);

  if (self->sort == sort)
    return;

  self->sort = sort;
  entries = g_ptr_array_new_full (self->entries->len, g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (entries, g_object_ref (self->entries->pdata[i]));
  g_ptr_array_sort_with_data (entries, compare_entries, GINT_TO_POINTER (sort));
  replace_entries (self, entries);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT]);
}

/**
 * sm_corpus_folder_find_entry:
 * @file: an article or a Spanmark file
 *
 * Returns: (transfer none) (nullable): the entry @file belongs to
 */
SmCorpusEntry *
sm_corpus_folder_find_entry (SmCorpusFolder *self,
                             GFile          *file)
{
  g_autofree char *relative = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(relative = g_file_get_relative_path (self->folder, file)) ||
      !(stem = _sm_corpus_stem (relative)))
    return NULL;

  return g_hash_table_lookup (self->by_path, stem);
}

/**
 * sm_corpus_folder_get_position:
 * @position: (out) (optional): where @entry is in the list
 *
 * Returns: whether @entry is in the corpus
 */
gboolean
sm_corpus_folder_get_position (SmCorpusFolder *self,
                               SmCorpusEntry  *entry,
                               guint          *position)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), FALSE);
  g_return_val_if_fail (SM_IS_CORPUS_ENTRY (entry), FALSE);

  if (entry->position >= self->entries->len || self->entries->pdata[entry->position] != entry)
    return FALSE;

  if (position != NULL)
    *position = entry->position;

  return TRUE;
}

/**
 * sm_corpus_folder_get_next:
 * @entry: (nullable): an entry, or %NULL for the first
 *
 * Returns: (transfer none) (nullable): the entry after @entry in the
 *   current order, or %NULL after the last
 */
SmCorpusEntry *
sm_corpus_folder_get_next (SmCorpusFolder *self,
                           SmCorpusEntry  *entry)
{
  guint position;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);
  g_return_val_if_fail (entry == NULL || SM_IS_CORPUS_ENTRY (entry), NULL);

  if (entry == NULL)
    return self->entries->len > 0 ? self->entries->pdata[0] : NULL;

  if (!sm_corpus_folder_get_position (self, entry, &position) || position + 1 >= self->entries->len)
    return NULL;

  return self->entries->pdata[position + 1];
}

/**
 * sm_corpus_folder_get_previous:
 * @entry: (nullable): an entry, or %NULL for the last
 *
 * Returns: (transfer none) (nullable): the entry before @entry in the
 *   current order, or %NULL before the first
 */
SmCorpusEntry *
sm_corpus_folder_get_previous (SmCorpusFolder *self,
                               SmCorpusEntry  *entry)
{
  guint position;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);
  g_return_val_if_fail (entry == NULL || SM_IS_CORPUS_ENTRY (entry), NULL);

  if (entry == NULL)
    return self->entries->len > 0 ? self->entries->pdata[self->entries->len - 1] : NULL;

  if (!sm_corpus_folder_get_position (self, entry, &position) || position == 0)
    return NULL;

  return self->entries->pdata[position - 1];
}

/**
 * sm_corpus_folder_get_next_unfinished:
 * @entry: (nullable): where to start, or %NULL for the top of the list
 *
 * The next document with work left (sm_corpus_entry_is_unfinished()) after
 * @entry in the current order, going round to the top: what "Mark as done
 * and next" moves to.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL if no other is
 *   unfinished
 */
SmCorpusEntry *
sm_corpus_folder_get_next_unfinished (SmCorpusFolder *self,
                                      SmCorpusEntry  *entry)
{
  guint start = 0;
  guint n;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);
  g_return_val_if_fail (entry == NULL || SM_IS_CORPUS_ENTRY (entry), NULL);

  n = self->entries->len;
  if (entry != NULL && sm_corpus_folder_get_position (self, entry, &start))
    start++;

  for (guint i = 0; i < n; i++)
    {
      SmCorpusEntry *candidate = self->entries->pdata[(start + i) % n];

      if (candidate != entry && sm_corpus_entry_is_unfinished (candidate))
        return candidate;
    }

  return NULL;
}

/* Counts */

/**
 * sm_corpus_folder_get_n_with_status:
 *
 * Returns: how many readable documents have @status; with the number of
 *   items, the corpus's progress ("done / total")
 */
guint
sm_corpus_folder_get_n_with_status (SmCorpusFolder   *self,
                                    SmDocumentStatus  status)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), 0);
  g_return_val_if_fail (status <= SM_DOCUMENT_STATUS_DONE, 0);

  return self->counts.n_status[status];
}

/**
 * sm_corpus_folder_get_n_unreadable:
 *
 * Returns: how many Spanmark files cannot be opened (see
 *   sm_corpus_entry_get_error())
 */
guint
sm_corpus_folder_get_n_unreadable (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), 0);

  return self->counts.n_unreadable;
}

/**
 * sm_corpus_folder_get_n_pending:
 *
 * Returns: how many Spanmark files are still to be read; they count as
 *   new until then
 */
guint
sm_corpus_folder_get_n_pending (SmCorpusFolder *self)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), 0);

  return self->counts.n_pending;
}

/**
 * sm_corpus_folder_count_spans_with_label:
 * @label: a label id
 * @n_documents: (out) (optional): how many documents have such spans
 *
 * What the whole corpus would lose with @label, for the Labels page to
 * say before it asks: "Claim is used by 412 spans in 87 documents".
 *
 * Returns: how many spans of the corpus have @label
 */
guint
sm_corpus_folder_count_spans_with_label (SmCorpusFolder *self,
                                         const char     *label,
                                         guint          *n_documents)
{
  guint n_spans = 0;
  guint n_with = 0;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      guint count = sm_corpus_entry_count_spans_with_label (self->entries->pdata[i], label);

      n_spans += count;
      n_with += count > 0;
    }

  if (n_documents != NULL)
    *n_documents = n_with;

  return n_spans;
}

/* Editing the schema */

/**
 * sm_corpus_folder_count_label_uses:
 * @label: a label id
 * @open_entry: (nullable): the entry of @open_document, if it has one
 * @open_document: (nullable): the document open in the window, which
 *   may have changes not saved yet: its spans count instead of the
 *   saved ones of @open_entry
 * @n_documents: (out) (optional): how many documents those spans are in
 *
 * What removing @label from the schema, or renaming it, affects: "14 spans
 * in 3 documents use it". Documents not read yet count as having none.
 *
 * Returns: how many spans of the corpus have @label
 */
guint
sm_corpus_folder_count_label_uses (SmCorpusFolder *self,
                                   const char     *label,
                                   SmCorpusEntry  *open_entry,
                                   SmDocument     *open_document,
                                   guint          *n_documents)
{
  guint n_spans = 0;
  guint n_with = 0;
  guint count;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (open_entry == NULL || SM_IS_CORPUS_ENTRY (open_entry), 0);
  g_return_val_if_fail (open_document == NULL || SM_IS_DOCUMENT (open_document), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      SmCorpusEntry *entry = self->entries->pdata[i];

      if (entry == open_entry && open_document != NULL)
        continue;

      count = sm_corpus_entry_count_spans_with_label (entry, label);
      n_spans += count;
      n_with += count > 0;
    }

  if (open_document != NULL)
    {
      count = sm_document_count_spans_with_label (open_document, label);
      n_spans += count;
      n_with += count > 0;
    }

  if (n_documents != NULL)
    *n_documents = n_with;

  return n_spans;
}

/**
 * sm_corpus_folder_label_keeps_id:
 * @label: a label id of the schema
 * @open_entry: (nullable): as for sm_corpus_folder_count_label_uses()
 * @open_document: (nullable): as for sm_corpus_folder_count_label_uses()
 * @n_spans: (out) (optional): how many spans of the corpus use it
 * @n_documents: (out) (optional): in how many documents
 *
 * Whether renaming @label keeps its id: it does when a span of any
 * document of the corpus uses it (files and datasets may hold it), while
 * documents are still being read (one might), and for Spanmark's own
 * labels (sm_label_id_is_builtin()). Any other takes its id from its name.
 */
gboolean
sm_corpus_folder_label_keeps_id (SmCorpusFolder *self,
                                 const char     *label,
                                 SmCorpusEntry  *open_entry,
                                 SmDocument     *open_document,
                                 guint          *n_spans,
                                 guint          *n_documents)
{
  guint n;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), TRUE);
  g_return_val_if_fail (label != NULL, TRUE);

  n = sm_corpus_folder_count_label_uses (self, label, open_entry, open_document, n_documents);
  if (n_spans != NULL)
    *n_spans = n;

  return n > 0 || self->counts.n_pending > 0 || sm_label_id_is_builtin (label);
}

static void
add_used_labels (GHashTable *taken,
                 GHashTable *label_counts)
{
  GHashTableIter iter;
  gpointer id, count;

  if (label_counts == NULL)
    return;

  g_hash_table_iter_init (&iter, label_counts);
  while (g_hash_table_iter_next (&iter, &id, &count))
    {
      if (GPOINTER_TO_UINT (count) > 0)
        g_hash_table_add (taken, g_strdup (id));
    }
}

/**
 * sm_corpus_folder_rename_label:
 * @label: a label id of the schema
 * @name: the name people read, not empty
 * @open_entry: (nullable): as for sm_corpus_folder_count_label_uses()
 * @open_document: (nullable): as for sm_corpus_folder_count_label_uses()
 * @new_id: (out) (optional) (transfer full): the label's id afterwards
 *
 * Renames a label of the schema. Unless it keeps its id
 * (sm_corpus_folder_label_keeps_id()), it also takes an id made from
 * @name (sm_label_propose_id()) that no label of the schema has and no
 * span of the corpus uses: "Source" becomes SOURCE rather than staying
 * LABEL_4. Apply the schema to the open document afterwards, as after any
 * change to it.
 */
gboolean
sm_corpus_folder_rename_label (SmCorpusFolder  *self,
                               const char      *label,
                               const char      *name,
                               SmCorpusEntry   *open_entry,
                               SmDocument      *open_document,
                               char           **new_id,
                               GError         **error)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *id = NULL;
  GListModel *labels;
  guint n;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (sm_project_find_label (self->project, label) != NULL, FALSE);

  if (!sm_label_check_name (name, error))
    return FALSE;

  if (!sm_corpus_folder_label_keeps_id (self, label, open_entry, open_document, NULL, NULL))
    {
      taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      labels = sm_project_get_labels (self->project);
      n = g_list_model_get_n_items (labels);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmLabel) other = g_list_model_get_item (labels, i);

          if (g_strcmp0 (sm_label_get_id (other), label) != 0)
            g_hash_table_add (taken, g_strdup (sm_label_get_id (other)));
        }

      for (guint i = 0; i < self->entries->len; i++)
        {
          SmCorpusEntry *entry = self->entries->pdata[i];

          if (entry != open_entry || open_document == NULL)
            add_used_labels (taken, sm_corpus_entry_get_label_counts (entry));
        }

      if (open_document != NULL)
        {
          labels = sm_document_get_labels (open_document);
          n = g_list_model_get_n_items (labels);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(SmLabel) other = g_list_model_get_item (labels, i);
              const char *other_id = sm_label_get_id (other);

              if (sm_document_count_spans_with_label (open_document, other_id) > 0)
                g_hash_table_add (taken, g_strdup (other_id));
            }
        }

      id = sm_label_propose_id (name, taken);
    }

  if (!sm_project_rename_label (self->project, label, name, id, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = g_strdup (id ? id : label);

  return TRUE;
}

/* Statistics */

struct _SmCorpusFolderStats
{
  guint       n_documents;
  Counts      counts;
  guint       n_spans;
  GStrv       labels;
  GHashTable *spans_by_label;      /* id -> count */
  GHashTable *documents_by_label;  /* id -> count */
  guint      *spans_per_document;  /* sorted, of the documents read */
  guint       n_counted;
};

static void
stats_clear (SmCorpusFolderStats *stats)
{
  g_strfreev (stats->labels);
  g_hash_table_unref (stats->spans_by_label);
  g_hash_table_unref (stats->documents_by_label);
  g_free (stats->spans_per_document);
}

G_DEFINE_BOXED_TYPE (SmCorpusFolderStats, sm_corpus_folder_stats,
                     sm_corpus_folder_stats_ref, sm_corpus_folder_stats_unref)

SmCorpusFolderStats *
sm_corpus_folder_stats_ref (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, NULL);

  return g_atomic_rc_box_acquire (stats);
}

void
sm_corpus_folder_stats_unref (SmCorpusFolderStats *stats)
{
  g_return_if_fail (stats != NULL);

  g_atomic_rc_box_release_full (stats, (GDestroyNotify) stats_clear);
}

static void
add_count (GHashTable *table,
           const char *label,
           guint       count)
{
  guint total = GPOINTER_TO_UINT (g_hash_table_lookup (table, label));

  g_hash_table_replace (table, (gpointer) g_intern_string (label), GUINT_TO_POINTER (total + count));
}

static gint
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * sm_corpus_folder_get_stats:
 *
 * Counts, at this moment, the documents per status, the spans per label
 * and the spans per document, for the Statistics view and
 * `spanmark-cli stats`. Documents not read yet are counted as pending,
 * not as new.
 *
 * Returns: (transfer full): the statistics
 */
SmCorpusFolderStats *
sm_corpus_folder_get_stats (SmCorpusFolder *self)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  SmCorpusFolderStats *stats;
  GListModel *project_labels;
  GHashTableIter iter;
  gpointer key;
  guint n;

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (self), NULL);

  stats = g_atomic_rc_box_new0 (SmCorpusFolderStats);
  stats->n_documents = self->entries->len;
  stats->spans_by_label = g_hash_table_new (g_str_hash, g_str_equal);
  stats->documents_by_label = g_hash_table_new (g_str_hash, g_str_equal);
  stats->spans_per_document = g_new (guint, MAX (self->entries->len, 1));

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SmCorpusRecord *record = SM_CORPUS_ENTRY (self->entries->pdata[i])->record;
      gpointer value;

      if (!record->loaded)
        {
          stats->counts.n_pending++;
          continue;
        }

      count_record (&stats->counts, record, 1);
      if (record->error != NULL)
        continue;

      stats->n_spans += record->n_spans;
      stats->spans_per_document[stats->n_counted++] = record->n_spans;

      g_hash_table_iter_init (&iter, record->label_counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          add_count (stats->spans_by_label, key, GPOINTER_TO_UINT (value));
          add_count (stats->documents_by_label, key, 1);
        }
    }

  qsort (stats->spans_per_document, stats->n_counted, sizeof (guint), compare_uints);

  /* The project's labels in its order, used or not; then any others found */
  project_labels = sm_project_get_labels (self->project);
  n = g_list_model_get_n_items (project_labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (project_labels, i);

      g_strv_builder_add (labels, sm_label_get_id (label));
    }

  g_hash_table_iter_init (&iter, stats->spans_by_label);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (sm_project_find_label (self->project, key) == NULL)
        g_ptr_array_add (others, key);
    }
  g_ptr_array_sort (others, compare_strings);
  for (guint i = 0; i < others->len; i++)
    g_strv_builder_add (labels, others->pdata[i]);

  stats->labels = g_strv_builder_end (labels);

  return stats;
}

guint
sm_corpus_folder_stats_get_n_documents (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->n_documents;
}

/**
 * sm_corpus_folder_stats_get_n_with_status:
 *
 * Returns: how many documents read have @status (unreadable ones aside)
 */
guint
sm_corpus_folder_stats_get_n_with_status (SmCorpusFolderStats *stats,
                                          SmDocumentStatus     status)
{
  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (status <= SM_DOCUMENT_STATUS_DONE, 0);

  return stats->counts.n_status[status];
}

guint
sm_corpus_folder_stats_get_n_unreadable (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->counts.n_unreadable;
}

guint
sm_corpus_folder_stats_get_n_pending (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->counts.n_pending;
}

guint
sm_corpus_folder_stats_get_n_spans (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->n_spans;
}

/**
 * sm_corpus_folder_stats_get_labels:
 *
 * Returns: (transfer none): the labels to show: the project's, in its
 *   order, then those documents use that the project lacks, by id
 */
const char * const *
sm_corpus_folder_stats_get_labels (SmCorpusFolderStats *stats)
{
  g_return_val_if_fail (stats != NULL, NULL);

  return (const char * const *) stats->labels;
}

guint
sm_corpus_folder_stats_get_n_spans_with_label (SmCorpusFolderStats *stats,
                                               const char          *label)
{
  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (stats->spans_by_label, label));
}

guint
sm_corpus_folder_stats_get_n_documents_with_label (SmCorpusFolderStats *stats,
                                                   const char          *label)
{
  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (stats->documents_by_label, label));
}

/**
 * sm_corpus_folder_stats_get_spans_per_document:
 * @n_documents: (out): how many documents were counted
 *
 * Returns: (array length=n_documents) (transfer none): the number of spans
 *   of each readable document, smallest first: the distribution to draw
 */
const guint *
sm_corpus_folder_stats_get_spans_per_document (SmCorpusFolderStats *stats,
                                               guint               *n_documents)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (n_documents != NULL, NULL);

  *n_documents = stats->n_counted;

  return stats->spans_per_document;
}

/**
 * sm_corpus_folder_stats_get_spans_percentile:
 * @percent: 0 for the fewest spans, 50 for the median, 100 for the most
 *
 * Returns: the number of spans per document at @percent (nearest rank)
 */
guint
sm_corpus_folder_stats_get_spans_percentile (SmCorpusFolderStats *stats,
                                             guint                percent)
{
  guint rank;

  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (percent <= 100, 0);

  if (stats->n_counted == 0)
    return 0;

  rank = (guint) (((guint64) percent * stats->n_counted + 99) / 100);

  return stats->spans_per_document[rank > 0 ? rank - 1 : 0];
}
