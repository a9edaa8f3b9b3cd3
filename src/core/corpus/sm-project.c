/* sm-project.c: a corpus's label schema, agreed once per folder.
 *
 * A team annotating a folder of articles agrees on its labels, their keys
 * and colours, the relation types and a few options, and keeps them in
 * spanmark-project.json beside the articles (docs/project-format.md). The
 * file is read with the same care as a Spanmark file: everything is
 * checked, the first problem is named ("spanmark-project.json: label CLAIM:
 * ..."), members this version does not know are kept, and the same schema
 * is always written as the same bytes, so that the file diffs well in git.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-document.h"
#include "sm-file.h"
#include "sm-json.h"
#include "sm-json-reader.h"
#include "sm-project.h"
#include "sm-relation-types.h"

#define PROJECT_FORMAT "spanmark-project"

/* Where a label keeps the members this version does not know */
#define EXTRA_KEY "sm-project-extra"

static const char * const top_members[] = { "format", "version", "labels", "relations", "options", NULL };
static const char * const label_members[] = { "id", "name", "color", "key", NULL };
static const char * const relation_members[] = { "type", "from", "to", NULL };
static const char * const option_members[] = { "snap_to_words", NULL };

struct _SmProject
{
  GObject          parent_instance;

  GListStore      *labels;
  SmRelationTypes *relation_types;   /* in file order */
  GHashTable      *relation_extra;   /* type -> JsonObject: its unknown members */
  /* -1 when the project leaves it to each annotator's preference */
  int              snap_to_words;

  JsonObject      *extra;            /* unknown members of the file, kept in order */
  JsonObject      *extra_options;

  guint            n_saving;         /* asynchronous saves under way */
};

G_DEFINE_FINAL_TYPE (SmProject, sm_project, G_TYPE_OBJECT)

enum {
  CHANGED,
  REPLACED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Where the relation types keep the members this version does not know */
static GHashTable *
relation_extra_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) json_object_unref);
}

static void
sm_project_finalize (GObject *object)
{
  SmProject *self = (SmProject *)object;

  g_clear_object (&self->labels);
  g_clear_pointer (&self->relation_types, sm_relation_types_free);
  g_clear_pointer (&self->relation_extra, g_hash_table_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->extra_options, json_object_unref);

  G_OBJECT_CLASS (sm_project_parent_class)->finalize (object);
}

static void
sm_project_class_init (SmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_project_finalize;

  /**
   * SmProject::changed:
   *
   * Emitted after every change to the schema: the moment to save it and
   * to apply it to the open document.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SmProject::replaced:
   *
   * Emitted when sm_project_replace_schema() gave the project a whole new
   * schema, read from its file after another program changed it: the
   * moment to show the labels again and apply them to the open document.
   * Nothing needs saving.
   */
  signals [REPLACED] =
    g_signal_new ("replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sm_project_init (SmProject *self)
{
  self->labels = g_list_store_new (SM_TYPE_LABEL);
  self->relation_types = sm_relation_types_new ();
  self->relation_extra = relation_extra_new ();
  self->snap_to_words = -1;
}

static void
emit_changed (SmProject *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

/* Claims said by speakers, as in every document: for those of the two
 * labels the project has */
static void
add_said_by (SmProject *self)
{
  const char * const from[] = { SM_LABEL_CLAIM, NULL };
  const char * const to[] = { SM_LABEL_SPEAKER, NULL };
  const char * const none[] = { NULL };

  sm_relation_types_set (self->relation_types, SM_RELATION_SAID_BY,
                         sm_project_find_label (self, SM_LABEL_CLAIM) ? from : none,
                         sm_project_find_label (self, SM_LABEL_SPEAKER) ? to : none);
}

/**
 * sm_project_new:
 *
 * Creates the schema a folder without spanmark-project.json has: Speaker,
 * Claim and Figure on the keys 1, 2 and 3, and claims said by speakers.
 */
SmProject *
sm_project_new (void)
{
  g_autoptr(GPtrArray) labels = sm_label_new_default_set ();
  SmProject *self = g_object_new (SM_TYPE_PROJECT, NULL);

  g_list_store_splice (self->labels, 0, 0, labels->pdata, labels->len);
  add_said_by (self);

  return self;
}

/* Reading */

static gboolean fail (GError     **error,
                      gint         code,
                      const char  *context,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      gint         code,
      const char  *context,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (context != NULL)
    g_set_error (error, SM_DOCUMENT_ERROR, code, "%s: %s", context, message);
  else
    g_set_error_literal (error, SM_DOCUMENT_ERROR, code, message);

  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *context,
             gboolean     required,
             const char **value,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  *value = NULL;

  if (node == NULL)
    return !required || fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                              _("“%s” is missing"), member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, context, _("“%s” must be a string"), member);

  *value = json_node_get_string (node);
  return TRUE;
}

/* The members of @json not in @known, in their order, or %NULL if none */
static JsonObject *
collect_extra (JsonObject         *json,
               const char * const *known)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, json);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  return g_steal_pointer (&extra);
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *node;
  gint64 version;

  node = get_member (root, "format");
  if (node == NULL)
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark project file: it has no “format” member"));

  if (!JSON_NODE_HOLDS_VALUE (node) || g_strcmp0 (json_node_get_string (node), PROJECT_FORMAT) != 0)
    return fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
                 _("this is not a Spanmark project file: “format” is not “%s”"), PROJECT_FORMAT);

  node = get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“version” must be a whole number"));

  version = json_node_get_int (node);
  if (version > SM_PROJECT_FORMAT_VERSION)
    return fail (error, SM_DOCUMENT_ERROR_VERSION, NULL,
                 _("the file was written by a newer Spanmark (project format version %lld"
                   "); this version reads project format version %d. Update Spanmark to open it."),
                 (long long) version, SM_PROJECT_FORMAT_VERSION);
  if (version < 1)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                 _("“version” %lld is not a Spanmark project format version"), (long long) version);

  return TRUE;
}

static gboolean
read_labels (SmProject   *self,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *node = get_member (root, "labels");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“labels” is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“labels” must be an array"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *context = NULL;
      g_autofree char *escaped_id = NULL;
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *id, *name, *color, *key;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                     _("label number %u must be an object"), i + 1);
      object = json_node_get_object (element);

      context = g_strdup_printf (_("label number %u"), i + 1);
      if (!read_string (object, "id", context, TRUE, &id, error))
        return FALSE;

      /* Say where the problem is, printably, whatever the id holds */
      escaped_id = sm_text_escape_controls (id);
      g_free (context);
      context = g_strdup_printf (_("label %s"), escaped_id);

      if (!sm_label_id_is_valid (id, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);

      if (sm_project_find_label (self, id) != NULL)
        return fail (error, SM_DOCUMENT_ERROR_DUPLICATE, context,
                     _("two labels have this id; each label needs its own"));

      if (!read_string (object, "name", context, FALSE, &name, error) ||
          !read_string (object, "color", context, FALSE, &color, error) ||
          !read_string (object, "key", context, FALSE, &key, error))
        return FALSE;

      if (name != NULL && name[0] == '\0')
        return fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                     _("“name” is empty; leave it out to show the id"));

      if ((color != NULL && !sm_label_color_is_valid (color, &local_error)) ||
          !sm_label_check_key (G_LIST_MODEL (self->labels), id, key, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);

      label = sm_label_new (id, name, color, key);
      g_object_set_data_full (G_OBJECT (label), EXTRA_KEY,
                              collect_extra (object, label_members),
                              (GDestroyNotify) json_object_unref);
      g_list_store_append (self->labels, label);
    }

  return TRUE;
}

/* Reads a relation type's "from" or "to": the ids of project labels */
static GStrv
read_label_list (SmProject   *self,
                 JsonObject  *object,
                 const char  *member,
                 const char  *context,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = get_member (object, member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, context, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, context,
            _("“%s” must be an array of label ids, such as [\"CLAIM\"]"), member);
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *escaped = NULL;
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                _("“%s” must be an array of label ids, such as [\"CLAIM\"]"), member);
          return NULL;
        }

      id = json_node_get_string (element);
      escaped = sm_text_escape_controls (id);
      if (sm_project_find_label (self, id) == NULL)
        {
          fail (error, SM_DOCUMENT_ERROR_INVALID, context,
                _("“%s” names label %s, which is not one of the project’s labels"), member, escaped);
          return NULL;
        }

      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (json_array_get_string_element (array, j), id) == 0)
            {
              fail (error, SM_DOCUMENT_ERROR_DUPLICATE, context,
                    _("“%s” names label %s twice"), member, escaped);
              return NULL;
            }
        }

      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static gboolean
read_relations (SmProject   *self,
                JsonObject  *root,
                GError     **error)
{
  JsonNode *node = get_member (root, "relations");
  JsonArray *array;
  guint n;

  if (node == NULL)
    {
      add_said_by (self);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“relations” must be an array"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *context = NULL;
      g_autofree char *escaped = NULL;
      g_auto(GStrv) from = NULL;
      g_auto(GStrv) to = NULL;
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonObject *extra;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
                     _("relation type number %u must be an object"), i + 1);
      object = json_node_get_object (element);

      context = g_strdup_printf (_("relation type number %u"), i + 1);
      if (!read_string (object, "type", context, TRUE, &type, error))
        return FALSE;

      escaped = sm_text_escape_controls (type);
      g_free (context);
      context = g_strdup_printf (_("relation type %s"), escaped);

      if (!sm_relation_type_is_valid (type, &local_error))
        return fail (error, local_error->code, context, "%s", local_error->message);

      if (sm_relation_types_find (self->relation_types, type, NULL))
        return fail (error, SM_DOCUMENT_ERROR_DUPLICATE, context,
                     _("it is defined twice; define each relation type once"));

      if (!(from = read_label_list (self, object, "from", context, error)) ||
          !(to = read_label_list (self, object, "to", context, error)))
        return FALSE;

      sm_relation_types_set (self->relation_types, type,
                             (const char * const *) from, (const char * const *) to);
      if ((extra = collect_extra (object, relation_members)) != NULL)
        g_hash_table_insert (self->relation_extra, g_strdup (type), extra);
    }

  return TRUE;
}

static gboolean
read_options (SmProject   *self,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *node = get_member (root, "options");
  JsonObject *options;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, SM_DOCUMENT_ERROR_INVALID, NULL, _("“options” must be an object"));

  options = json_node_get_object (node);
  if ((node = get_member (options, "snap_to_words")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, SM_DOCUMENT_ERROR_INVALID, "options",
                     _("“snap_to_words” must be true or false"));

      self->snap_to_words = json_node_get_boolean (node);
    }

  self->extra_options = collect_extra (options, option_members);

  return TRUE;
}

static SmProject *
parse (const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(SmProject) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* An empty file is a mistake, not "no schema": do not guess */
  if (length == 0)
    {
      fail (error, SM_DOCUMENT_ERROR_INVALID, NULL,
            _("the file is empty: write the project’s labels in it, or delete it to use the default labels"));
      return NULL;
    }

  if (!sm_text_check_utf8 (data, length, error) ||
      !(root = sm_json_read (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, SM_DOCUMENT_ERROR_NOT_SPANMARK, NULL,
            _("this is not a Spanmark project file: it is JSON, but not an object"));
      return NULL;
    }

  object = json_node_get_object (root);
  self = g_object_new (SM_TYPE_PROJECT, NULL);

  if (!check_header (object, error) ||
      !read_labels (self, object, error) ||
      !read_relations (self, object, error) ||
      !read_options (self, object, error))
    return NULL;

  self->extra = collect_extra (object, top_members);

  return g_steal_pointer (&self);
}

/**
 * sm_project_new_from_bytes:
 * @bytes: the contents of a project file
 * @file_name: the name to start errors with, usually %SM_PROJECT_FILE_NAME
 *
 * Reads a project file, checking everything. Errors are in
 * %SM_DOCUMENT_ERROR (or %SM_TEXT_ERROR for bytes that are not UTF-8) and
 * say where: "spanmark-project.json:3:7: ..." or
 * "spanmark-project.json: label CLAIM: ...".
 *
 * Returns: (transfer full) (nullable): the project
 */
SmProject *
sm_project_new_from_bytes (GBytes      *bytes,
                           const char  *file_name,
                           GError     **error)
{
  SmProject *self;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (!(self = parse (data ? data : "", length, error)) && error != NULL && *error != NULL)
    {
      /* "file:12:4: ..." for a position, "file: label X: ..." otherwise */
      if (g_ascii_isdigit ((*error)->message[0]))
        g_prefix_error (error, "%s:", file_name);
      else
        g_prefix_error (error, "%s: ", file_name);
    }

  return self;
}

/**
 * sm_project_new_from_file:
 * @file: a project file
 *
 * Reads @file (usually %SM_PROJECT_FILE_NAME in a corpus folder). A missing
 * file is an error like any other here: %G_IO_ERROR_NOT_FOUND. Blocks: call
 * it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the project
 */
SmProject *
sm_project_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      sm_file_set_io_error (error, local_error, name, FALSE);
      return NULL;
    }

  return sm_project_new_from_bytes (bytes, name, error);
}

/**
 * sm_project_new_for_folder:
 * @folder: a corpus folder
 *
 * Reads @folder's %SM_PROJECT_FILE_NAME, or gives the default schema
 * (sm_project_new()) if there is none. A file that is there but unreadable
 * or invalid is an error, never silently replaced by the defaults.
 * Blocks: call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the project
 */
SmProject *
sm_project_new_for_folder (GFile         *folder,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  SmProject *project;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  file = g_file_get_child (folder, SM_PROJECT_FILE_NAME);
  if (!(project = sm_project_new_from_file (file, cancellable, &local_error)) &&
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return sm_project_new ();

  if (project == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return project;
}

/**
 * sm_project_replace_schema:
 * @source: a project read from the file again; left empty
 *
 * Gives @self everything @source holds (labels, relation types, options,
 * unknown members), so that whoever holds @self sees the new schema, and
 * emits #SmProject::replaced.
 */
void
sm_project_replace_schema (SmProject *self,
                           SmProject *source)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (SM_IS_PROJECT (self));
  g_return_if_fail (SM_IS_PROJECT (source));
  g_return_if_fail (self != source);

  n = g_list_model_get_n_items (G_LIST_MODEL (source->labels));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_list_model_get_item (G_LIST_MODEL (source->labels), i));
  g_list_store_remove_all (source->labels);
  g_list_store_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                       labels->pdata, labels->len);

  g_clear_pointer (&self->relation_types, sm_relation_types_free);
  self->relation_types = g_steal_pointer (&source->relation_types);
  source->relation_types = sm_relation_types_new ();
  g_clear_pointer (&self->relation_extra, g_hash_table_unref);
  self->relation_extra = g_steal_pointer (&source->relation_extra);
  source->relation_extra = relation_extra_new ();

  self->snap_to_words = source->snap_to_words;
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = g_steal_pointer (&source->extra);
  g_clear_pointer (&self->extra_options, json_object_unref);
  self->extra_options = g_steal_pointer (&source->extra_options);

  g_signal_emit (self, signals [REPLACED], 0);
}

/**
 * sm_project_is_saving:
 *
 * Whether a sm_project_save_to_file_async() has not finished: until then
 * the file may hold an older schema than the project.
 */
gboolean
sm_project_is_saving (SmProject *self)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  return self->n_saving > 0;
}

/* Writing: JsonGenerator's pretty layout, a member per line, as for
 * Spanmark files (sm-format.c says why) */

/**
 * sm_project_serialize:
 *
 * Writes the project file. The same schema always gives the same bytes:
 * labels and relation types in their order, members in the order of
 * docs/project-format.md, unknown members after the known ones.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sm_project_serialize (SmProject *self)
{
  g_autoptr(JsonObject) top = json_object_new ();
  JsonObject *options;
  JsonArray *array;
  GString *out;
  guint n;

  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  json_object_set_string_member (top, "format", PROJECT_FORMAT);
  json_object_set_int_member (top, "version", SM_PROJECT_FORMAT_VERSION);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      json_array_add_object_element (array,
                                     sm_json_label_new (label, g_object_get_data (G_OBJECT (label), EXTRA_KEY)));
    }
  json_object_set_array_member (top, "labels", array);

  n = sm_relation_types_get_n_types (self->relation_types);
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      const char *type = sm_relation_types_get_nth (self->relation_types, i);

      json_array_add_object_element (array,
                                     sm_json_relation_type_new (type,
                                                                sm_relation_types_get_from (self->relation_types, type),
                                                                sm_relation_types_get_to (self->relation_types, type),
                                                                g_hash_table_lookup (self->relation_extra, type)));
    }
  json_object_set_array_member (top, "relations", array);

  options = json_object_new ();
  if (self->snap_to_words >= 0)
    json_object_set_boolean_member (options, "snap_to_words", self->snap_to_words);
  sm_json_object_add_members (options, self->extra_options);
  json_object_set_object_member (top, "options", options);

  sm_json_object_add_members (top, self->extra);

  out = g_string_new (NULL);
  sm_json_write_object (out, top, SM_JSON_WRITE_PRETTY);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * sm_project_save_to_file:
 * @file: usually %SM_PROJECT_FILE_NAME in the corpus folder
 *
 * Writes the project file, replacing @file atomically (sm_file_replace()):
 * on failure the file on disk is as it was.
 */
gboolean
sm_project_save_to_file (SmProject     *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = sm_project_serialize (self);

  return sm_file_replace (file, bytes, cancellable, error);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SmProject *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->n_saving--;

  if (sm_file_replace_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sm_project_save_to_file_async:
 *
 * Like sm_project_save_to_file(), writing in a worker thread. The schema is
 * serialized before this returns.
 */
void
sm_project_save_to_file_async (SmProject           *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (SM_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_project_save_to_file_async);

  bytes = sm_project_serialize (self);
  self->n_saving++;
  sm_file_replace_async (file, bytes, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
sm_project_save_to_file_finish (SmProject     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Labels */

/**
 * sm_project_get_labels:
 *
 * The labels, in the order the window shows them. Change them with the
 * sm_project_set_label_*() functions, which keep the rules, not with the
 * labels' own setters.
 *
 * Returns: (transfer none): a #GListModel of #SmLabel
 */
GListModel *
sm_project_get_labels (SmProject *self)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->labels);
}

/* A label set is a handful of entries: a scan is the fastest lookup */
static SmLabel *
find_label_in (GListModel *labels,
               const char *id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_id (label), id) == 0)
        {
          if (position != NULL)
            *position = i;
          /* The list keeps its own reference */
          return label;
        }
    }

  return NULL;
}

/**
 * sm_project_find_label:
 *
 * Returns: (transfer none) (nullable): the label with id @id
 */
SmLabel *
sm_project_find_label (SmProject  *self,
                       const char *id)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return find_label_in (G_LIST_MODEL (self->labels), id, NULL);
}

/**
 * sm_project_find_label_by_key:
 *
 * Returns: (transfer none) (nullable): the label whose key is @key
 */
SmLabel *
sm_project_find_label_by_key (SmProject  *self,
                              const char *key)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return sm_label_find_by_key (G_LIST_MODEL (self->labels), key);
}

/**
 * sm_project_add_label:
 * @label: a new label; sm_project_propose_label_id() and
 *   sm_label_find_free_key() suggest its id and key
 *
 * Adds @label at the end. Its id must be new and its key free
 * (sm_label_check_key()).
 */
gboolean
sm_project_add_label (SmProject  *self,
                      SmLabel    *label,
                      GError    **error)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (SM_IS_LABEL (label), FALSE);

  if (sm_project_find_label (self, sm_label_get_id (label)) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("there is already a label with the id %s"), sm_label_get_id (label));
      return FALSE;
    }

  if (!sm_label_check_name (sm_label_get_name (label), error) ||
      !sm_label_check_key (G_LIST_MODEL (self->labels), sm_label_get_id (label),
                             sm_label_get_key (label), error))
    return FALSE;

  g_list_store_append (self->labels, label);
  emit_changed (self);

  return TRUE;
}

/**
 * sm_project_remove_label:
 *
 * Removes the label from the schema and from the relation types that
 * name it. Documents keep the spans that use it: they show the label as
 * not in the project (see sm_document_apply_label_set()). Ask first:
 * sm_corpus_folder_count_spans_with_label() says how many spans use it.
 */
void
sm_project_remove_label (SmProject  *self,
                         const char *id)
{
  guint position;

  g_return_if_fail (SM_IS_PROJECT (self));
  g_return_if_fail (id != NULL);

  if (!find_label_in (G_LIST_MODEL (self->labels), id, &position))
    return;

  g_list_store_remove (self->labels, position);
  sm_relation_types_remove_label (self->relation_types, id);

  emit_changed (self);
}

/**
 * sm_project_set_label_name:
 * @name: the name people read, not empty
 *
 * Renames a label. Its id, which files store, stays as it is.
 */
gboolean
sm_project_set_label_name (SmProject   *self,
                           const char  *id,
                           const char  *name,
                           GError     **error)
{
  SmLabel *label;

  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  label = sm_project_find_label (self, id);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!sm_label_check_name (name, error))
    return FALSE;

  if (g_strcmp0 (sm_label_get_name (label), name) != 0)
    {
      sm_label_set_name (label, name);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * sm_project_rename_label:
 * @name: the name people read, not empty
 * @new_id: (nullable): the label's new id, or %NULL to keep it
 *
 * Renames a label and, with @new_id, gives it a new id, in one change:
 * the relation types that name it name the new id. Only for a label no
 * span of the corpus uses: sm_corpus_folder_rename_label() decides that,
 * and proposes the id.
 */
gboolean
sm_project_rename_label (SmProject   *self,
                         const char  *id,
                         const char  *name,
                         const char  *new_id,
                         GError     **error)
{
  g_autoptr(SmLabel) renamed = NULL;
  SmLabel *label;
  JsonObject *extra;
  guint position;

  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  label = find_label_in (G_LIST_MODEL (self->labels), id, &position);
  g_return_val_if_fail (label != NULL, FALSE);

  if (new_id == NULL || g_strcmp0 (new_id, id) == 0)
    return sm_project_set_label_name (self, id, name, error);

  if (!sm_label_check_name (name, error) || !sm_label_id_is_valid (new_id, error))
    return FALSE;

  if (sm_project_find_label (self, new_id) != NULL)
    {
      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE,
                   _("there is already a label with the id %s"), new_id);
      return FALSE;
    }

  /* An id is for life: a new label takes the old one's place, with the
   * members this version does not know */
  renamed = sm_label_new (new_id, name, sm_label_get_color (label), sm_label_get_key (label));
  if ((extra = g_object_get_data (G_OBJECT (label), EXTRA_KEY)) != NULL)
    g_object_set_data_full (G_OBJECT (renamed), EXTRA_KEY, json_object_ref (extra),
                            (GDestroyNotify) json_object_unref);

  sm_relation_types_replace_label (self->relation_types, id, new_id);

  g_list_store_splice (self->labels, position, 1, (gpointer *) &renamed, 1);
  emit_changed (self);

  return TRUE;
}

/**
 * sm_project_set_label_color:
 * @color: "#RRGGBB"
 */
gboolean
sm_project_set_label_color (SmProject   *self,
                            const char  *id,
                            const char  *color,
                            GError     **error)
{
  SmLabel *label;

  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  label = sm_project_find_label (self, id);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!sm_label_color_is_valid (color, error))
    return FALSE;

  if (g_strcmp0 (sm_label_get_color (label), color) != 0)
    {
      sm_label_set_color (label, color);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * sm_project_set_label_key:
 * @key: (nullable): one of %SM_LABEL_KEYS, or "" for none
 *
 * Sets the key that applies the label. A key another label uses, or one
 * the window keeps for itself, is refused with a message that proposes a
 * free one.
 */
gboolean
sm_project_set_label_key (SmProject   *self,
                          const char  *id,
                          const char  *key,
                          GError     **error)
{
  SmLabel *label;

  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  label = sm_project_find_label (self, id);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!sm_label_check_key (G_LIST_MODEL (self->labels), id, key, error))
    return FALSE;

  if (g_strcmp0 (sm_label_get_key (label), key ? key : "") != 0)
    {
      sm_label_set_key (label, key);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * sm_project_move_label:
 * @position: the label's new place; past the end means last
 *
 * Reorders the labels, as the window lists them.
 */
void
sm_project_move_label (SmProject  *self,
                       const char *id,
                       guint       position)
{
  g_autoptr(SmLabel) label = NULL;
  guint old_position;
  guint n;

  g_return_if_fail (SM_IS_PROJECT (self));

  if (find_label_in (G_LIST_MODEL (self->labels), id, &old_position) == NULL)
    g_return_if_reached ();

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  position = MIN (position, n - 1);
  if (position == old_position)
    return;

  label = g_list_model_get_item (G_LIST_MODEL (self->labels), old_position);
  g_list_store_remove (self->labels, old_position);
  g_list_store_insert (self->labels, position, label);
  emit_changed (self);
}

/**
 * sm_project_propose_label_id:
 * @name: the name the user gave a new label, such as "Source quote"
 *
 * Makes an id for a new label from its name: "SOURCE_QUOTE", or
 * "SOURCE_QUOTE_2" if that is taken. Ids are what files and exported
 * datasets store, so they keep to the characters sm_label_id_is_valid()
 * allows.
 *
 * Returns: (transfer full): an id no label of the project has
 */
char *
sm_project_propose_label_id (SmProject  *self,
                             const char *name)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      /* The list keeps the label, and so its id, alive */
      g_hash_table_add (taken, (gpointer) sm_label_get_id (label));
    }

  return sm_label_propose_id (name, taken);
}

/* Relation types */

guint
sm_project_get_n_relation_types (SmProject *self)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), 0);

  return sm_relation_types_get_n_types (self->relation_types);
}

/**
 * sm_project_get_relation_type:
 *
 * Returns: the type (such as "said_by") at @position
 */
const char *
sm_project_get_relation_type (SmProject *self,
                              guint      position)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return sm_relation_types_get_nth (self->relation_types, position);
}

/**
 * sm_project_get_relation_from:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   start at (for said_by, the claim), or %NULL if the project has no such type
 */
const char * const *
sm_project_get_relation_from (SmProject  *self,
                              const char *type)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return sm_relation_types_get_from (self->relation_types, type);
}

/**
 * sm_project_get_relation_to:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   point to (for said_by, the speaker)
 */
const char * const *
sm_project_get_relation_to (SmProject  *self,
                            const char *type)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);

  return sm_relation_types_get_to (self->relation_types, type);
}

static gboolean
check_label_list (SmProject           *self,
                  const char * const  *labels,
                  const char          *member,
                  GError             **error)
{
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (sm_project_find_label (self, labels[i]) == NULL)
        {
          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("“%s” names label %s, which is not one of the project’s labels"),
                       member, labels[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sm_project_set_relation_type:
 * @type: a relation type, such as %SM_RELATION_SAID_BY
 * @from: the ids of the labels a relation of @type may start at
 * @to: the ids of the labels it may point to
 *
 * Adds a relation type at the end, or changes the labels of an existing one.
 */
gboolean
sm_project_set_relation_type (SmProject           *self,
                              const char          *type,
                              const char * const  *from,
                              const char * const  *to,
                              GError             **error)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!sm_relation_type_is_valid (type, error) ||
      !check_label_list (self, from, "from", error) ||
      !check_label_list (self, to, "to", error))
    return FALSE;

  /* A type that is changed keeps its unknown members */
  sm_relation_types_set (self->relation_types, type, from, to);
  emit_changed (self);

  return TRUE;
}

void
sm_project_remove_relation_type (SmProject  *self,
                                 const char *type)
{
  g_return_if_fail (SM_IS_PROJECT (self));

  if (!sm_relation_types_find (self->relation_types, type, NULL))
    return;

  /* First: @type may be the table's own string (sm_project_get_relation_type()) */
  g_hash_table_remove (self->relation_extra, type);
  sm_relation_types_remove (self->relation_types, type);
  emit_changed (self);
}

/**
 * sm_project_allows_relation:
 *
 * Returns: whether the schema lets a relation of @type go from a span
 *   labelled @from_label to one labelled @to_label
 */
gboolean
sm_project_allows_relation (SmProject  *self,
                            const char *type,
                            const char *from_label,
                            const char *to_label)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  return sm_relation_types_allows (self->relation_types, type, from_label, to_label);
}

/**
 * sm_project_apply_relation_types:
 * @document: a document of the corpus
 *
 * Gives @document the schema's relation types instead of its own, outside
 * its history. Relations that no longer fit are left as they are
 * (sm_document_check_relations() reports them).
 */
void
sm_project_apply_relation_types (SmProject  *self,
                                 SmDocument *document)
{
  g_return_if_fail (SM_IS_PROJECT (self));
  g_return_if_fail (SM_IS_DOCUMENT (document));

  sm_document_clear_relation_types (document);
  for (guint i = 0; i < sm_relation_types_get_n_types (self->relation_types); i++)
    {
      const char *type = sm_relation_types_get_nth (self->relation_types, i);

      /* The project's own checks are stricter than the document's */
      sm_document_set_relation_type (document, type,
                                     sm_relation_types_get_from (self->relation_types, type),
                                     sm_relation_types_get_to (self->relation_types, type),
                                     NULL);
    }
}

/**
 * sm_project_apply_to_document:
 * @document: a document of the corpus
 * @flags: whether this is the user's edit, and what becomes of relations
 *   that no longer fit
 * @error: why the schema's labels cannot be a label set
 *
 * Brings @document in line with the schema: its labels
 * (sm_document_apply_label_set()) and its relation types. Without
 * %SM_PROJECT_APPLY_AS_EDIT this is not an edit: nothing goes on the undo
 * history and the document is not marked modified, as when a document is
 * opened in the corpus or the schema file changes on disk. With
 * %SM_PROJECT_APPLY_REMOVE_BROKEN, relations whose ends the new relation
 * types do not allow are removed as an undoable action (within the edit,
 * if it is one), and #SmDocument::relations-dropped says how many;
 * without it they are kept, for the user to see.
 *
 * Returns: (transfer full) (nullable): the ids of the labels spans use
 *   that the schema lacks (empty if none), or %NULL on error
 */
char **
sm_project_apply_to_document (SmProject            *self,
                              SmDocument           *document,
                              SmProjectApplyFlags   flags,
                              GError              **error)
{
  gboolean as_edit = (flags & SM_PROJECT_APPLY_AS_EDIT) != 0;
  char **kept;

  g_return_val_if_fail (SM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  if (as_edit)
    {
      sm_document_begin_user_action (document);
      kept = sm_document_apply_label_set (document, G_LIST_MODEL (self->labels), error);
    }
  else
    kept = sm_document_adopt_label_set (document, G_LIST_MODEL (self->labels), error);

  if (kept != NULL)
    {
      sm_project_apply_relation_types (self, document);
      if (flags & SM_PROJECT_APPLY_REMOVE_BROKEN)
        sm_document_remove_broken_relations (document);
    }

  if (as_edit)
    sm_document_end_user_action (document);

  return kept;
}

/* Options */

/**
 * sm_project_get_snap_to_words:
 * @snap_to_words: (out): whether selections snap to whole words in this corpus
 *
 * Returns: whether the project decides; if not, each annotator's own
 *   preference applies and @snap_to_words is left alone
 */
gboolean
sm_project_get_snap_to_words (SmProject *self,
                              gboolean  *snap_to_words)
{
  g_return_val_if_fail (SM_IS_PROJECT (self), FALSE);

  if (self->snap_to_words < 0)
    return FALSE;

  if (snap_to_words != NULL)
    *snap_to_words = self->snap_to_words;

  return TRUE;
}

void
sm_project_set_snap_to_words (SmProject *self,
                              gboolean   snap_to_words)
{
  g_return_if_fail (SM_IS_PROJECT (self));

  if (self->snap_to_words == !!snap_to_words)
    return;

  self->snap_to_words = !!snap_to_words;
  emit_changed (self);
}

/**
 * sm_project_unset_snap_to_words:
 *
 * Leaves word snapping to each annotator's preference.
 */
void
sm_project_unset_snap_to_words (SmProject *self)
{
  g_return_if_fail (SM_IS_PROJECT (self));

  if (self->snap_to_words < 0)
    return;

  self->snap_to_words = -1;
  emit_changed (self);
}
