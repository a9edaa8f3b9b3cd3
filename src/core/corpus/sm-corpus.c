/* sm-corpus.c: the documents an export, a validation or a count works on.
 *
 * Reading and checking a Spanmark file costs far more than writing any
 * export of it, so a corpus reads its inputs on every core (a thread
 * pool), while the caller's thread consumes the results strictly in input
 * order: the output is the same whatever the number of cores. Only a
 * bounded window of inputs is in flight, so a corpus of any size needs
 * little memory.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-corpus"

/* sched_getaffinity() and CPU_COUNT() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#ifdef HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif

#ifdef G_OS_UNIX
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#endif

#include "sm-corpus-private.h"
#include "sm-file.h"
#include "sm-format.h"
#include "sm-project.h"

/* Inputs are handed out to the reading threads in batches of up to this
 * many, so taking work and handing back results cost a lock and a wake-up
 * per batch, not per input: for 10,000 files of 3 KB, handing them over
 * one by one made two cores cost a third more processor time than one
 * (futex calls, and on a virtual machine the hypervisor's cost for each).
 * A few inputs go one at a time, to share them among the threads. */
#define BATCH 8

/* Batches read ahead of the one being consumed, per thread */
#define BATCHES_PER_THREAD 2

/* A reading thread's first buffer for files, grown as a longer one comes:
 * a Spanmark file of a corpus is a few KB */
#define READER_FIRST_SIZE (16 * 1024)

/* Longer quoted texts are cut in messages */
#define QUOTE_LENGTH 40

typedef struct
{
  GFile            *file;          /* a file to read (input_get_file()), or NULL */
  char             *path;          /* the local path of a file found in a folder, or NULL */
  SmFormatSnapshot *snapshot;      /* a document as it was when added, or NULL */
  char             *display_name;
  SmProject        *project;       /* the schema of the folder it was found in, or NULL */
  char             *folder;        /* a GRefString: the local folder of file, or NULL */
  const char       *base_name;     /* file's name in folder, in file's path */
  gboolean          listed;        /* found in a folder, so a regular file then */
} Input;

/* What a reading thread keeps from one input to the next: the folder of
 * the last one, open, to open the next by its name in it, and a buffer
 * for the files' bytes, which each document copies what it keeps from */
typedef struct
{
  const char *folder;              /* a GRefString of an input's, or NULL */
  int         folder_fd;           /* -1 if not open */
  char       *buffer;
  gsize       size;
} Reader;

typedef struct
{
  SmDocument *document;
  gpointer    mapped;
  GPtrArray  *warnings;
  GError     *error;
} Slot;

typedef struct
{
  SmCorpus         *corpus;
  SmCorpusRunFlags  flags;
  SmCorpusMapFunc   map;
  gpointer         user_data;
  GCancellable     *cancellable;
  GMutex            mutex;
  GCond             cond;            /* a batch is done, or one more consumed */
  Slot             *slots;
  gint              stop;

  /* Under mutex */
  guint             batch_size;
  guint             next_batch;      /* the next batch for a thread to take */
  guint             n_consumed;      /* batches the caller's thread is done with */
  guint             n_ahead;         /* batches that may be taken ahead of it */
  gboolean         *batch_done;
  guint             n_waiting;       /* threads waiting on cond */
} Run;

struct _SmCorpus
{
  GObject    parent_instance;

  GPtrArray *inputs;
  guint      n_threads;
};

G_DEFINE_FINAL_TYPE (SmCorpus, sm_corpus, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_INPUTS,
  PROP_N_THREADS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
input_free (Input *input)
{
  g_clear_object (&input->file);
  g_clear_pointer (&input->path, g_free);
  g_clear_pointer (&input->snapshot, sm_format_snapshot_free);
  g_clear_pointer (&input->display_name, g_free);
  g_clear_object (&input->project);
  g_clear_pointer (&input->folder, g_ref_string_release);
  g_free (input);
}

/* The GFile of a file found in a local folder is made when first asked
 * for, in whichever thread asks: making 10,000 of them with the folder's
 * listing, and freeing them, was about 2 % of validating the folder */
static GFile *
input_get_file (Input *input)
{
  GFile *file = g_atomic_pointer_get (&input->file);

  if (file == NULL && input->path != NULL)
    {
      file = g_file_new_for_path (input->path);
      if (!g_atomic_pointer_compare_and_exchange (&input->file, NULL, file))
        {
          g_object_unref (file);
          file = g_atomic_pointer_get (&input->file);
        }
    }

  return file;
}

static void
sm_corpus_finalize (GObject *object)
{
  SmCorpus *self = (SmCorpus *)object;

  g_clear_pointer (&self->inputs, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_corpus_parent_class)->finalize (object);
}

static void
sm_corpus_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmCorpus *self = SM_CORPUS (object);

  switch (prop_id)
    {
    case PROP_N_INPUTS:
      g_value_set_uint (value, self->inputs->len);
      break;

    case PROP_N_THREADS:
      g_value_set_uint (value, self->n_threads);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_corpus_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmCorpus *self = SM_CORPUS (object);

  switch (prop_id)
    {
    case PROP_N_THREADS:
      sm_corpus_set_n_threads (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_corpus_class_init (SmCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_corpus_finalize;
  object_class->get_property = sm_corpus_get_property;
  object_class->set_property = sm_corpus_set_property;

  properties [PROP_N_INPUTS] =
    g_param_spec_uint ("n-inputs", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_THREADS] =
    g_param_spec_uint ("n-threads", NULL, NULL, 1, 1024, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The processors this process may run on: GLib 2.74's
 * g_get_num_processors() counts the machine's, so under `taskset -c 0` or
 * in a container limited to one core a corpus would start threads that
 * only take turns on it, and pay for handing each document between them */
static guint
count_usable_processors (void)
{
#ifdef HAVE_SCHED_GETAFFINITY
  cpu_set_t set;

  if (sched_getaffinity (0, sizeof set, &set) == 0 && CPU_COUNT (&set) > 0)
    return (guint) CPU_COUNT (&set);
#endif

  return g_get_num_processors ();
}

static void
sm_corpus_init (SmCorpus *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  self->n_threads = CLAMP (count_usable_processors (), 1, 1024);
}

/**
 * sm_corpus_new:
 *
 * Creates an empty corpus that reads its inputs with one thread per core.
 */
SmCorpus *
sm_corpus_new (void)
{
  return g_object_new (SM_TYPE_CORPUS, NULL);
}

/**
 * _sm_corpus_quote:
 *
 * Returns: (transfer full): @text in quotation marks for a one-line
 *   message, cut after 40 characters, control characters as spaces
 */
char *
_sm_corpus_quote (const char *text)
{
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > QUOTE_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (text, 0, QUOTE_LENGTH);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (text);

  for (char *p = shown; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        *p = ' ';
    }

  return g_strdup_printf ("“%s”", shown);
}

/**
 * _sm_corpus_file_name:
 * @name: a document's name
 *
 * Returns: (transfer full): @name made safe as a file name in a folder
 *   of exports: no folder separators, no control characters, not hidden
 */
char *
_sm_corpus_file_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      char c = *p;

      if (c == '/' || c == '\\' || (guchar) c < 0x20 || c == 0x7F ||
          (c == '.' && out->len == 0))
        c = '_';
      g_string_append_c (out, c);
    }

  if (out->len == 0)
    g_string_append (out, "document");

  return g_string_free (out, FALSE);
}

/**
 * _sm_corpus_write_file:
 * @display_name: how messages name @file
 * @overwrite: whether an existing @file may be replaced
 * @exists_domain: the error domain when @file exists and may not be replaced
 * @exists_code: the error code then
 *
 * Writes @contents to @file. Unless @overwrite, @file must not exist: it is
 * created, which claims the name, and removed again if writing fails. With
 * @overwrite, it is replaced atomically (sm_file_replace()), so a failure
 * leaves the old contents. A new file needs no such care: nothing was
 * there to lose, and skipping the sync makes a brat export of a thousand
 * documents take a second instead of ten.
 */
gboolean
_sm_corpus_write_file (GFile         *file,
                       const char    *display_name,
                       GBytes        *contents,
                       gboolean       overwrite,
                       GQuark         exists_domain,
                       gint           exists_code,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const void *data;

  if (overwrite)
    {
      if (!sm_file_replace (file, contents, cancellable, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, "%s", local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  out = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, exists_domain, exists_code,
                     _("%s already exists; it was not replaced"), display_name);
      else
        sm_file_set_io_error (error, local_error, display_name, TRUE);
      return FALSE;
    }

  data = g_bytes_get_data (contents, &length);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      sm_file_set_io_error (error, local_error, display_name, TRUE);
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_suffix (const char         *name,
            const char * const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      if (g_str_has_suffix (lower, suffixes[i]) && strlen (lower) > strlen (suffixes[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
child_display_name (const char *parent,
                    const char *name)
{
  if (g_str_has_suffix (parent, "/"))
    return g_strconcat (parent, name, NULL);

  return g_strconcat (parent, "/", name, NULL);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Whether a folder's entry is one of the files looked for, or a folder
 * to search: a link to a file counts as the file; a link to a folder is
 * not followed; a folder's label schema is never one of the files looked
 * for, whatever their ending: it is no document of any format */
static gboolean
is_wanted (const char         *name,
           GFileType           type,
           const char * const  *suffixes)
{
  return type == G_FILE_TYPE_DIRECTORY ||
         (type == G_FILE_TYPE_REGULAR && has_suffix (name, suffixes) &&
          strcmp (name, SM_PROJECT_FILE_NAME) != 0);
}

/* Keeps @name, of @type, among a folder's entries if it is wanted */
static void
add_entry (const char         *name,
           GFileType           type,
           const char * const  *suffixes,
           GPtrArray           *names,
           GHashTable          *types)
{
  char *copy;

  if (!is_wanted (name, type, suffixes))
    return;

  copy = g_strdup (name);
  g_ptr_array_add (names, copy);
  g_hash_table_insert (types, copy, GINT_TO_POINTER (type));
}

#ifdef G_OS_UNIX
static GFileType
type_of_mode (mode_t mode)
{
  if (S_ISREG (mode))
    return G_FILE_TYPE_REGULAR;
  if (S_ISDIR (mode))
    return G_FILE_TYPE_DIRECTORY;
  if (S_ISLNK (mode))
    return G_FILE_TYPE_SYMBOLIC_LINK;
  return G_FILE_TYPE_SPECIAL;
}

/* A local folder's entries as search_folder() wants them, from readdir(),
 * which tells most entries' types without a stat: GIO's enumerator stats
 * every one, 10 % of `spanmark-cli validate` of a folder of 10,000 files.
 * Returns %FALSE if the folder cannot be listed here, for GIO to try and
 * to say why. */
static gboolean
list_local_folder (const char          *path,
                   const char * const  *suffixes,
                   GPtrArray           *names,
                   GHashTable          *types)
{
  DIR *dir = opendir (path);
  struct dirent *entry;
  gboolean ok;

  if (dir == NULL)
    return FALSE;

  for (errno = 0; (entry = readdir (dir)) != NULL; errno = 0)
    {
      const char *name = entry->d_name;
      GFileType type = G_FILE_TYPE_UNKNOWN;
      struct stat info;

      if (name[0] == '.')
        continue;

      switch (entry->d_type)
        {
        case DT_REG:
          type = G_FILE_TYPE_REGULAR;
          break;
        case DT_DIR:
          type = G_FILE_TYPE_DIRECTORY;
          break;
        case DT_LNK:
          type = G_FILE_TYPE_SYMBOLIC_LINK;
          break;
        case DT_UNKNOWN:
          if (fstatat (dirfd (dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0)
            type = type_of_mode (info.st_mode);
          break;
        default:
          type = G_FILE_TYPE_SPECIAL;
          break;
        }

      if (type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          if (fstatat (dirfd (dir), name, &info, 0) != 0)
            type = G_FILE_TYPE_UNKNOWN;
          else
            type = type_of_mode (info.st_mode);
          if (type == G_FILE_TYPE_DIRECTORY)
            type = G_FILE_TYPE_UNKNOWN;
        }

      add_entry (name, type, suffixes, names, types);
    }

  ok = errno == 0;
  closedir (dir);

  if (!ok)
    {
      g_hash_table_remove_all (types);
      g_ptr_array_set_size (names, 0);
    }

  return ok;
}
#endif

/* Any folder's entries as search_folder() wants them, through GIO */
static gboolean
list_folder (GFile               *folder,
             const char          *display_name,
             const char * const  *suffixes,
             GPtrArray           *names,
             GHashTable          *types,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &local_error);
  if (enumerator == NULL)
    {
      sm_file_set_io_error (error, local_error, display_name, FALSE);
      return FALSE;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)))
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (name[0] != '.')
        {
          if (type == G_FILE_TYPE_SYMBOLIC_LINK)
            {
              g_autoptr(GFile) child = g_file_get_child (folder, name);
              type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);
              if (type == G_FILE_TYPE_DIRECTORY)
                type = G_FILE_TYPE_UNKNOWN;
            }

          add_entry (name, type, suffixes, names, types);
        }

      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      sm_file_set_io_error (error, local_error, display_name, FALSE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
search_folder (GFile               *folder,
               const char          *display_name,
               const char * const  *suffixes,
               GPtrArray           *files,
               GPtrArray           *paths,
               GPtrArray           *display_names,
               guint                depth,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean listed = FALSE;

  /* Folders are not followed through symbolic links, so a loop of links
   * cannot make the search endless; the depth limit is a second guard. */
  if (depth > 64)
    return TRUE;

#ifdef G_OS_UNIX
  if (g_file_peek_path (folder) != NULL)
    listed = list_local_folder (g_file_peek_path (folder), suffixes, names, types);
#endif

  if (!listed &&
      !list_folder (folder, display_name, suffixes, names, types, cancellable, error))
    return FALSE;

  /* Byte order, so the order of a corpus is the same on every machine */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *folder_path = g_file_peek_path (folder);
      g_autofree char *child_name = child_display_name (display_name, name);

      if (GPOINTER_TO_INT (g_hash_table_lookup (types, name)) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          if (!search_folder (child, child_name, suffixes, files, paths, display_names,
                              depth + 1, cancellable, error))
            return FALSE;
          continue;
        }

      /* A local file's GFile can wait until it is asked for */
      if (paths != NULL && folder_path != NULL)
        {
          g_ptr_array_add (files, NULL);
          g_ptr_array_add (paths, g_build_filename (folder_path, name, NULL));
        }
      else
        {
          g_ptr_array_add (files, g_file_get_child (folder, name));
          if (paths != NULL)
            g_ptr_array_add (paths, NULL);
        }
      g_ptr_array_add (display_names, g_steal_pointer (&child_name));
    }

  return TRUE;
}

static void
clear_file (gpointer file)
{
  if (file != NULL)
    g_object_unref (file);
}

/* _sm_corpus_find_files(), and with @paths the local path of each file
 * found in a folder, its element of @files left %NULL */
static gboolean
find_files (GFile               *file,
            const char          *display_name,
            const char * const  *suffixes,
            GPtrArray           *files,
            GPtrArray           *paths,
            GPtrArray           *display_names,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      sm_file_set_io_error (error, local_error, display_name, FALSE);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return search_folder (file, display_name, suffixes, files, paths, display_names, 0,
                          cancellable, error);

  g_ptr_array_add (files, g_object_ref (file));
  if (paths != NULL)
    g_ptr_array_add (paths, NULL);
  g_ptr_array_add (display_names, g_strdup (display_name));

  return TRUE;
}

/**
 * _sm_corpus_find_files:
 * @file: a file, or a folder to search
 * @display_name: what messages call @file
 * @suffixes: lower-case endings of the files to find in folders (".json")
 * @files: (element-type GFile): where to add what was found
 * @display_names: (element-type utf8): where to add their names for messages
 *
 * Adds @file itself if it is a file, whatever its name, or else the files
 * below it (in every subfolder, hidden ones excepted) whose names end in
 * one of @suffixes, in byte order of their paths. A folder's label schema
 * (%SM_PROJECT_FILE_NAME) is not one of them.
 */
gboolean
_sm_corpus_find_files (GFile               *file,
                       const char          *display_name,
                       const char * const  *suffixes,
                       GPtrArray           *files,
                       GPtrArray           *display_names,
                       GCancellable        *cancellable,
                       GError             **error)
{
  return find_files (file, display_name, suffixes, files, NULL, display_names, cancellable, error);
}

/**
 * _sm_corpus_read_folder_project:
 * @folder: a folder, or a file (which has no project)
 * @display_name: what messages call @folder
 * @project: (out) (nullable): the folder's project, or %NULL if it has none
 *
 * The folder's spanmark-project.json, if it has one: its relation types
 * apply to the documents found in it.
 *
 * Returns: %FALSE if the folder has one that cannot be read
 */
gboolean
_sm_corpus_read_folder_project (GFile         *folder,
                                const char    *display_name,
                                SmProject    **project,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, SM_PROJECT_FILE_NAME);
  g_autofree char *name = child_display_name (display_name, SM_PROJECT_FILE_NAME);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  *project = NULL;

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return TRUE;

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      sm_file_set_io_error (error, local_error, name, FALSE);
      return FALSE;
    }

  *project = sm_project_new_from_bytes (bytes, name, error);

  return *project != NULL;
}

/* Gives @input the local folder its file is in, the same string as
 * @previous's if it is in the same one (a folder's files come in a row) */
static void
set_folder (Input       *input,
            const Input *previous)
{
  const char *path = input->path ? input->path : g_file_peek_path (input->file);
  const char *slash;
  gsize length;

  if (path == NULL || (slash = strrchr (path, G_DIR_SEPARATOR)) == NULL)
    return;

  length = MAX (slash - path, 1);
  if (previous != NULL && previous->folder != NULL &&
      g_ref_string_length (previous->folder) == length &&
      memcmp (previous->folder, path, length) == 0)
    input->folder = g_ref_string_acquire (previous->folder);
  else
    input->folder = g_ref_string_new_len (path, length);
  input->base_name = slash + 1;
}

/**
 * sm_corpus_add_file:
 * @file: a Spanmark file, or a folder
 * @display_name: (nullable): how messages name @file, such as the path
 *   the user typed; %NULL for its base name
 *
 * Adds @file, or every Spanmark file (".json") in the folder @file and its
 * subfolders, in byte order of their paths. Files in a folder are named in
 * messages by @display_name and their path inside it. If the folder has a
 * %SM_PROJECT_FILE_NAME, its relation types apply to those files instead
 * of their own. The files are read
 * later, by whatever runs on the corpus. A file that is not ".json" given
 * directly is read as a plain-text article (a document with no spans).
 *
 * Returns: %FALSE if @file cannot be read or is a folder with no
 *   Spanmark file in it, with @error saying so
 */
gboolean
sm_corpus_add_file (SmCorpus      *self,
                    GFile         *file,
                    const char    *display_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  static const char * const suffixes[] = { ".json", NULL };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (clear_file);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SmProject) project = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (SM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  if (!_sm_corpus_read_folder_project (file, display_name, &project, cancellable, error) ||
      !find_files (file, display_name, suffixes, files, paths, names, cancellable, error))
    return FALSE;

  if (files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: there is no Spanmark file (.json) in this folder"), display_name);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      Input *input = g_new0 (Input, 1);

      input->file = g_ptr_array_index (files, i) ? g_object_ref (g_ptr_array_index (files, i)) : NULL;
      input->path = g_strdup (g_ptr_array_index (paths, i));
      input->display_name = g_strdup (g_ptr_array_index (names, i));
      input->project = project ? g_object_ref (project) : NULL;
      /* find_files() gives @file itself only if it is no folder */
      input->listed = input->path != NULL || g_ptr_array_index (files, i) != (gpointer) file;
      set_folder (input, i > 0 ? g_ptr_array_index (self->inputs, self->inputs->len - 1) : NULL);
      g_ptr_array_add (self->inputs, input);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_INPUTS]);

  return TRUE;
}

/**
 * sm_corpus_add_document:
 * @document: a document, such as one open in the window
 * @display_name: (nullable): how messages name it; %NULL for its name
 *
 * Adds @document as it is now, unsaved changes included: it is copied
 * (sm_format_snapshot_new(), tens of milliseconds for 100,000 spans), so it may go on
 * changing while an export runs in another thread, which serialises and
 * reads the copy.
 */
void
sm_corpus_add_document (SmCorpus   *self,
                        SmDocument *document,
                        const char *display_name)
{
  Input *input;

  g_return_if_fail (SM_IS_CORPUS (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  input = g_new0 (Input, 1);
  input->snapshot = sm_format_snapshot_new (document);
  input->display_name = g_strdup (display_name ? display_name : sm_document_get_name (document));
  g_ptr_array_add (self->inputs, input);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_INPUTS]);
}

guint
sm_corpus_get_n_inputs (SmCorpus *self)
{
  g_return_val_if_fail (SM_IS_CORPUS (self), 0);

  return self->inputs->len;
}

/**
 * sm_corpus_get_display_name:
 *
 * Returns: how messages name the input at @position
 */
const char *
sm_corpus_get_display_name (SmCorpus *self,
                            guint     position)
{
  Input *input;

  g_return_val_if_fail (SM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (position < self->inputs->len, NULL);

  input = g_ptr_array_index (self->inputs, position);

  return input->display_name;
}

/**
 * sm_corpus_get_file:
 *
 * Returns: (transfer none) (nullable): the file the input at @position is
 *   read from, or %NULL for a document added as it was
 */
GFile *
sm_corpus_get_file (SmCorpus *self,
                    guint     position)
{
  Input *input;

  g_return_val_if_fail (SM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (position < self->inputs->len, NULL);

  input = g_ptr_array_index (self->inputs, position);

  return input_get_file (input);
}

/**
 * sm_corpus_get_project:
 *
 * Returns: (transfer none) (nullable): the schema of the folder the input
 *   at @position was found in (its %SM_PROJECT_FILE_NAME), or %NULL
 */
SmProject *
sm_corpus_get_project (SmCorpus *self,
                       guint     position)
{
  Input *input;

  g_return_val_if_fail (SM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (position < self->inputs->len, NULL);

  input = g_ptr_array_index (self->inputs, position);

  return input->project;
}

guint
sm_corpus_get_n_threads (SmCorpus *self)
{
  g_return_val_if_fail (SM_IS_CORPUS (self), 1);

  return self->n_threads;
}

/**
 * sm_corpus_set_n_threads:
 * @n_threads: how many threads read documents; 1 reads them in the
 *   calling thread
 */
void
sm_corpus_set_n_threads (SmCorpus *self,
                         guint     n_threads)
{
  g_return_if_fail (SM_IS_CORPUS (self));
  g_return_if_fail (n_threads >= 1);

  if (self->n_threads == n_threads)
    return;

  self->n_threads = n_threads;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_THREADS]);
}

/* A corpus is mostly small local files: reading one with a single open,
 * fstat and read costs a third of what GIO's streams do, which matters
 * over ten thousand of them. Other files (remote, special) go through GIO. */
static GBytes *
load_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *path = g_file_peek_path (file);
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (path == NULL)
    return g_file_load_bytes (file, cancellable, NULL, error);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* Say it as GIO would, so the message is the same either way */
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

static void
reader_init (Reader *reader)
{
  reader->folder = NULL;
  reader->folder_fd = -1;
  reader->buffer = NULL;
  reader->size = 0;
}

static void
reader_clear (Reader *reader)
{
#ifdef G_OS_UNIX
  if (reader->folder_fd >= 0)
    close (reader->folder_fd);
#endif
  reader->folder_fd = -1;
  reader->folder = NULL;
  g_clear_pointer (&reader->buffer, g_free);
  reader->size = 0;
}

/* Reads @input's file into the reader's buffer through its name in its
 * folder, open from the input before: openat(), read() and close(), with
 * no walk of the whole path and no allocation a file. For 10,000 files of
 * 3 KB that was 23 % of an export with g_file_get_contents(). Returns
 * %NULL if the file cannot be read so (it is gone, not a regular file,
 * not local), for load_bytes() to read it or say why as it always has.
 *
 * A file found in a folder was a regular file when listed (is_wanted()),
 * and a regular file's read() comes back short only at its end, so it is
 * read without an fstat() for its size: that system call was 2.7 % of an
 * export of 10,000 files. If it has become a folder since, read() fails
 * and load_bytes() says so. A file given by name may be anything, and is
 * read to the size fstat() gives. */
static GBytes *
reader_read (Reader *reader,
             Input  *input)
{
#ifdef G_OS_UNIX
  struct stat info;
  gsize filled = 0;
  gsize expected = 0;
  int fd;

  if (input->folder == NULL)
    return NULL;

  if (reader->folder != input->folder)
    {
      if (reader->folder_fd >= 0)
        close (reader->folder_fd);
      reader->folder = input->folder;
      reader->folder_fd = open (input->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }

  if (reader->folder_fd < 0)
    return NULL;

  if ((fd = openat (reader->folder_fd, input->base_name, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
    return NULL;

  if (!input->listed)
    {
      if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) || info.st_size >= G_MAXSSIZE - 1)
        {
          close (fd);
          return NULL;
        }
      expected = info.st_size;
    }

  /* Room for the file, a byte more to see that it grew, and a NUL */
  if (reader->size < MAX (expected + 2, READER_FIRST_SIZE))
    {
      reader->size = MAX (MAX (expected + 2, READER_FIRST_SIZE), 2 * reader->size);
      reader->buffer = g_realloc (reader->buffer, reader->size);
    }

  for (;;)
    {
      gsize room = reader->size - 1 - filled;
      gssize n = read (fd, reader->buffer + filled, room);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;

      filled += n;
      /* The whole file, as a short read or fstat() says: done without a
       * read() that finds the end, as g_file_get_contents() does */
      if (input->listed ? (gsize) n < room : filled == expected && filled < reader->size - 1)
        break;
      if (filled == reader->size - 1)
        {
          reader->size *= 2;
          reader->buffer = g_realloc (reader->buffer, reader->size);
        }
    }

  close (fd);
  reader->buffer[filled] = '\0';

  return g_bytes_new_static (reader->buffer, filled);
#else
  return NULL;
#endif
}

/* Reads one input and maps it; runs in any thread */
static void
process_input (Run    *run,
               Reader *reader,
               guint   position,
               Slot   *slot)
{
  Input *input = g_ptr_array_index (run->corpus->inputs, position);

  slot->warnings = g_ptr_array_new_with_free_func (g_free);

  if (input->snapshot != NULL)
    {
      g_autoptr(GBytes) bytes = sm_format_snapshot_serialize (input->snapshot);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!(slot->document = sm_format_parse (data, length, &slot->error)))
        g_prefix_error (&slot->error, "%s: ", input->display_name);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* The bytes may be the reader's buffer: nothing keeps them past here */
      if (!(bytes = reader_read (reader, input)) &&
          !(bytes = load_bytes (input_get_file (input), run->cancellable, &local_error)))
        sm_file_set_io_error (&slot->error, local_error, input->display_name, FALSE);
      else
        slot->document = sm_document_new_from_bytes (bytes, input->display_name, &slot->error);
    }

  /* A relation whose ends break its type makes the file invalid, so no
   * export ever writes, say, a claim as a speaker */
  if (slot->document != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (input->project != NULL)
        sm_project_apply_relation_types (input->project, slot->document);

      if (!sm_document_check_relations (slot->document, &local_error))
        {
          g_set_error (&slot->error, local_error->domain, local_error->code,
                       "%s: %s", input->display_name, local_error->message);
          g_clear_object (&slot->document);
        }
    }

  if (slot->document != NULL && run->map != NULL)
    slot->mapped = run->map (position, slot->document, input->display_name, slot->warnings,
                             run->user_data);

  if (run->flags & SM_CORPUS_RUN_DROP_DOCUMENTS)
    g_clear_object (&slot->document);
}

static void
slot_clear (Slot           *slot,
            GDestroyNotify  mapped_free)
{
  g_clear_object (&slot->document);
  if (slot->mapped != NULL && mapped_free != NULL)
    mapped_free (slot->mapped);
  slot->mapped = NULL;
  g_clear_pointer (&slot->warnings, g_ptr_array_unref);
  g_clear_error (&slot->error);
}

/* A reading thread: takes the next batch of inputs while it is not too
 * far ahead of the caller's thread, reads them, and says it is done */
static gpointer
worker (gpointer data)
{
  Run *run = data;
  guint n = run->corpus->inputs->len;
  guint size = run->batch_size;
  guint n_batches = (n + size - 1) / size;
  Reader reader;

  reader_init (&reader);
  g_mutex_lock (&run->mutex);

  for (;;)
    {
      guint batch;

      while (!g_atomic_int_get (&run->stop) && run->next_batch < n_batches &&
             run->next_batch >= run->n_consumed + run->n_ahead)
        {
          run->n_waiting++;
          g_cond_wait (&run->cond, &run->mutex);
          run->n_waiting--;
        }

      if (g_atomic_int_get (&run->stop) || run->next_batch >= n_batches)
        break;

      batch = run->next_batch++;
      g_mutex_unlock (&run->mutex);

      /* Each slot belongs to this thread until its batch is done */
      for (guint position = batch * size; position < MIN ((batch + 1) * size, n); position++)
        {
          if (!g_atomic_int_get (&run->stop))
            process_input (run, &reader, position, &run->slots[position]);
        }

      g_mutex_lock (&run->mutex);
      run->batch_done[batch] = TRUE;
      if (run->n_waiting > 0)
        g_cond_broadcast (&run->cond);
    }

  g_mutex_unlock (&run->mutex);
  reader_clear (&reader);

  return NULL;
}

/**
 * _sm_corpus_run:
 * @flags: %SM_CORPUS_RUN_DROP_DOCUMENTS if @reduce needs only what @map
 *   made of each document
 * @map: (nullable): what to make of each document, in worker threads
 * @reduce: what to do with each input, in this thread, in input order
 * @mapped_free: (nullable): frees what @map returned
 *
 * Reads every input on the corpus's threads and hands them to @reduce in
 * input order. An input that cannot be read reaches @reduce with
 * @load_error set; only @reduce failing or @cancellable stops the run.
 */
gboolean
_sm_corpus_run (SmCorpus            *self,
                SmCorpusRunFlags     flags,
                SmCorpusMapFunc      map,
                SmCorpusReduceFunc   reduce,
                GDestroyNotify       mapped_free,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Run run = { 0, };
  Reader reader;
  guint n = self->inputs->len;
  gboolean ok = TRUE;

  g_return_val_if_fail (SM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (reduce != NULL, FALSE);

  reader_init (&reader);
  run.corpus = self;
  run.flags = flags;
  run.map = map;
  run.user_data = user_data;
  run.cancellable = cancellable;
  run.slots = g_new0 (Slot, n);
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);

  run.batch_size = CLAMP (n / (MAX (self->n_threads, 1) * 4), 1, BATCH);
  run.batch_done = g_new0 (gboolean, (n + run.batch_size - 1) / run.batch_size);
  run.n_ahead = MAX (self->n_threads, 1) * BATCHES_PER_THREAD;

  /* One thread a core */
  if (self->n_threads > 1 && n > 1)
    {
      for (guint i = 0; i < self->n_threads; i++)
        {
          GThread *thread = g_thread_try_new ("sm-corpus", worker, &run, NULL);

          if (thread == NULL)
            break;
          g_ptr_array_add (threads, thread);
        }
    }

  for (guint position = 0; position < n; position++)
    {
      Slot *slot = &run.slots[position];
      guint batch = position / run.batch_size;

      if (threads->len > 0 && position % run.batch_size == 0)
        {
          g_mutex_lock (&run.mutex);
          while (!run.batch_done[batch])
            {
              run.n_waiting++;
              g_cond_wait (&run.cond, &run.mutex);
              run.n_waiting--;
            }
          g_mutex_unlock (&run.mutex);
        }
      else if (threads->len == 0)
        process_input (&run, &reader, position, slot);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = reduce (position, slot->document, slot->mapped, slot->warnings, slot->error,
                     user_data, error);

      slot_clear (slot, mapped_free);

      if (!ok)
        {
          g_atomic_int_set (&run.stop, TRUE);
          break;
        }

      /* A batch consumed lets the threads take one more */
      if (threads->len > 0 && (position % run.batch_size == run.batch_size - 1 || position == n - 1))
        {
          g_mutex_lock (&run.mutex);
          run.n_consumed++;
          if (run.n_waiting > 0)
            g_cond_broadcast (&run.cond);
          g_mutex_unlock (&run.mutex);
        }
    }

  if (threads->len > 0)
    {
      g_mutex_lock (&run.mutex);
      g_cond_broadcast (&run.cond);
      g_mutex_unlock (&run.mutex);
      for (guint i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
    }

  /* Inputs read ahead of a stop */
  for (guint position = 0; position < n; position++)
    slot_clear (&run.slots[position], mapped_free);

  reader_clear (&reader);
  g_free (run.slots);
  g_free (run.batch_done);
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  return ok;
}

typedef struct
{
  SmCorpus     *corpus;
  SmCorpusFunc  func;
  gpointer      user_data;
} ForeachData;

/* A caller's function stopped the run: always FALSE */
static gboolean
stopped (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped"));
  return FALSE;
}

static gboolean
foreach_reduce (guint         position,
                SmDocument   *document,
                gpointer      mapped,
                GPtrArray    *warnings,
                const GError *load_error,
                gpointer      user_data,
                GError      **error)
{
  ForeachData *data = user_data;

  return data->func (data->corpus, position, document, load_error, data->user_data) || stopped (error);
}

/**
 * sm_corpus_foreach:
 * @func: called for each input, in input order, in this thread
 *
 * Reads every input, on the corpus's threads, and hands each document
 * (or the error that kept it from being read) to @func.
 *
 * Returns: %FALSE if @func stopped the run or @cancellable was cancelled
 */
gboolean
sm_corpus_foreach (SmCorpus      *self,
                   SmCorpusFunc   func,
                   gpointer       user_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ForeachData data = { self, func, user_data };

  g_return_val_if_fail (SM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return _sm_corpus_run (self, SM_CORPUS_RUN_NONE, NULL, foreach_reduce, NULL, &data,
                         cancellable, error);
}

typedef struct
{
  SmCorpus             *corpus;
  SmCorpusDocumentFunc  document_func;
  SmCorpusResultFunc    result_func;
  gpointer              user_data;
} MapData;

static gpointer
map_document (guint       position,
              SmDocument *document,
              const char *display_name,
              GPtrArray  *warnings,
              gpointer    user_data)
{
  MapData *data = user_data;

  return data->document_func (data->corpus, position, document, data->user_data);
}

static gboolean
map_reduce (guint         position,
            SmDocument   *document,
            gpointer      mapped,
            GPtrArray    *warnings,
            const GError *load_error,
            gpointer      user_data,
            GError      **error)
{
  MapData *data = user_data;

  return data->result_func (data->corpus, position, mapped, load_error, data->user_data) || stopped (error);
}

/**
 * sm_corpus_map:
 * @document_func: what to make of each document, in the thread that read
 *   it (any thread, several at once)
 * @result_func: called for each input, in input order, in this thread,
 *   with what @document_func made of it
 * @result_free: (nullable): frees what @document_func returned
 *
 * Like sm_corpus_foreach(), but the work on each document is done in the
 * thread that read it, which then frees it: only @document_func's result
 * reaches this thread. On several cores this is what lets them share the
 * work; handing the documents to one thread makes it the bottleneck, and
 * freeing a document in another thread than the one that built it costs
 * both.
 *
 * Returns: %FALSE if @result_func stopped the run or @cancellable was
 *   cancelled
 */
gboolean
sm_corpus_map (SmCorpus              *self,
               SmCorpusDocumentFunc   document_func,
               SmCorpusResultFunc     result_func,
               GDestroyNotify         result_free,
               gpointer               user_data,
               GCancellable          *cancellable,
               GError               **error)
{
  MapData data = { self, document_func, result_func, user_data };

  g_return_val_if_fail (SM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (document_func != NULL, FALSE);
  g_return_val_if_fail (result_func != NULL, FALSE);

  return _sm_corpus_run (self, SM_CORPUS_RUN_DROP_DOCUMENTS, map_document, map_reduce,
                         result_free, &data, cancellable, error);
}
