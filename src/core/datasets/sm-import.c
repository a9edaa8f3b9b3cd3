/* sm-import.c: reading datasets written by other tools as Spanmark documents.
 *
 * SmImporter finds the inputs (files, and the format's files in folders),
 * hands each to its format (sm-import-*.c), gives every document a name
 * of its own, and saves them. The formats share the rules here for labels
 * and relation types that Spanmark cannot take as they are.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-brat-names.h"
#include "sm-corpus-private.h"
#include "sm-document-private.h"
#include "sm-file.h"
#include "sm-format.h"
#include "sm-import-private.h"

/* Colours for labels an import adds, after the GNOME palette's purple, yellow
 * and green of the default labels */
static const char * const palette[] = {
  "#ff7800", "#e01b24", "#3584e4", "#986a44", "#99c1f1", "#8ff0a4",
  "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#77767b",
};

struct _SmImportNames
{
  GHashTable *labels;      /* label as the input has it -> label id */
  GHashTable *types;       /* relation type as the input has it -> type */
};

typedef struct
{
  GFile *file;
  char  *display_name;
} Input;

struct _SmImporter
{
  GObject         parent_instance;

  SmImportFormat  format;
  GPtrArray      *inputs;

  SmProgressFunc  progress_func;
  gpointer        progress_data;
  GDestroyNotify  progress_destroy;

  guint           n_imported;
  gboolean        as_suggestions;
  char           *annotator;
};

G_DEFINE_FINAL_TYPE (SmImporter, sm_importer, G_TYPE_OBJECT)
G_DEFINE_QUARK (sm-import-error-quark, sm_import_error)
G_DEFINE_ENUM_TYPE (SmImportFormat, sm_import_format,
  G_DEFINE_ENUM_VALUE (SM_IMPORT_FORMAT_BRAT, "brat"),
  G_DEFINE_ENUM_VALUE (SM_IMPORT_FORMAT_JSONL, "jsonl"),
  G_DEFINE_ENUM_VALUE (SM_IMPORT_FORMAT_TEXT, "text"))

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_N_INPUTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
input_free (Input *input)
{
  g_clear_object (&input->file);
  g_clear_pointer (&input->display_name, g_free);
  g_free (input);
}

static void
sm_importer_finalize (GObject *object)
{
  SmImporter *self = (SmImporter *)object;

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->annotator, g_free);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  G_OBJECT_CLASS (sm_importer_parent_class)->finalize (object);
}

static void
sm_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmImporter *self = SM_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    case PROP_N_INPUTS:
      g_value_set_uint (value, self->inputs->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmImporter *self = SM_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_importer_class_init (SmImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_importer_finalize;
  object_class->get_property = sm_importer_get_property;
  object_class->set_property = sm_importer_set_property;

  properties [PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       SM_TYPE_IMPORT_FORMAT, SM_IMPORT_FORMAT_BRAT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_INPUTS] =
    g_param_spec_uint ("n-inputs", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_importer_init (SmImporter *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
}

const char *
sm_import_format_to_string (SmImportFormat format)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_IMPORT_FORMAT);
  GEnumValue *value = g_enum_get_value (klass, format);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * sm_import_format_from_string:
 * @string: "brat", "jsonl" or "text"
 *
 * Returns: whether @string names an import format
 */
gboolean
sm_import_format_from_string (const char     *string,
                              SmImportFormat *format)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_IMPORT_FORMAT);
  GEnumValue *value;

  g_return_val_if_fail (format != NULL, FALSE);

  if (string == NULL || !(value = g_enum_get_value_by_nick (klass, string)))
    return FALSE;

  *format = value->value;
  return TRUE;
}

/**
 * sm_import_format_get_title:
 *
 * Returns: what to call @format in a list of formats
 */
const char *
sm_import_format_get_title (SmImportFormat format)
{
  switch (format)
    {
    case SM_IMPORT_FORMAT_BRAT:
      return _("brat standoff (.txt and .ann)");
    case SM_IMPORT_FORMAT_JSONL:
      return _("JSON Lines (doccano)");
    case SM_IMPORT_FORMAT_TEXT:
      return _("Plain-text articles");
    default:
      g_return_val_if_reached (NULL);
    }
}

SmImporter *
sm_importer_new (SmImportFormat format)
{
  g_return_val_if_fail (format < SM_IMPORT_N_FORMATS, NULL);

  return g_object_new (SM_TYPE_IMPORTER, "format", format, NULL);
}

SmImportFormat
sm_importer_get_format (SmImporter *self)
{
  g_return_val_if_fail (SM_IS_IMPORTER (self), SM_IMPORT_FORMAT_BRAT);

  return self->format;
}

static const char * const *
format_suffixes (SmImportFormat format)
{
  static const char * const brat[] = { ".ann", NULL };
  static const char * const jsonl[] = { ".jsonl", NULL };
  static const char * const text[] = { ".txt", NULL };

  switch (format)
    {
    case SM_IMPORT_FORMAT_BRAT:
      return brat;
    case SM_IMPORT_FORMAT_JSONL:
      return jsonl;
    case SM_IMPORT_FORMAT_TEXT:
      return text;
    default:
      g_return_val_if_reached (text);
    }
}

/**
 * sm_importer_add_file:
 * @file: a file, or a folder
 * @display_name: (nullable): how messages name @file, such as the path the
 *   user typed; %NULL for its base name
 *
 * Adds @file, or the format's files in the folder @file and its
 * subfolders (".ann" for brat, ".jsonl" for jsonl, ".txt" for text), in
 * byte order of their paths. For brat, a ".txt" file given directly
 * stands for the ".ann" file beside it.
 *
 * Returns: %FALSE if @file cannot be read or is a folder with none of the
 *   format's files in it, with @error saying so
 */
gboolean
sm_importer_add_file (SmImporter    *self,
                      GFile         *file,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *basename = NULL;
  const char * const *suffixes;

  g_return_val_if_fail (SM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  suffixes = format_suffixes (self->format);

  if (!_sm_corpus_find_files (file, display_name, suffixes, files, names, cancellable, error))
    return FALSE;

  if (files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: there is no %s file in this folder"), display_name, suffixes[0]);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      Input *input = g_new0 (Input, 1);

      input->file = g_object_ref (g_ptr_array_index (files, i));
      input->display_name = g_strdup (g_ptr_array_index (names, i));
      g_ptr_array_add (self->inputs, input);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_INPUTS]);

  return TRUE;
}

guint
sm_importer_get_n_inputs (SmImporter *self)
{
  g_return_val_if_fail (SM_IS_IMPORTER (self), 0);

  return self->inputs->len;
}

/**
 * sm_importer_set_progress_func:
 * @func: (nullable): told after each input file, in the thread running the import
 */
void
sm_importer_set_progress_func (SmImporter     *self,
                               SmProgressFunc  func,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  g_return_if_fail (SM_IS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * sm_importer_get_n_imported:
 *
 * Returns: how many documents the last import made (and saved, for
 *   sm_importer_import_to_folder())
 */
guint
sm_importer_get_n_imported (SmImporter *self)
{
  g_return_val_if_fail (SM_IS_IMPORTER (self), 0);

  return self->n_imported;
}

/* Shared by the formats */

SmImportNames *
_sm_import_names_new (void)
{
  SmImportNames *names = g_new0 (SmImportNames, 1);

  names->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return names;
}

void
_sm_import_names_free (SmImportNames *names)
{
  g_clear_pointer (&names->labels, g_hash_table_unref);
  g_clear_pointer (&names->types, g_hash_table_unref);
  g_free (names);
}

/* "Product name" -> "Product_name", "1st" -> "L1st", "_question_" ->
 * "L_question_": what a label id or relation type may be (docs/format.md),
 * keeping every character of @name that it may hold */
static char *
make_identifier (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;
  gsize kept = 0;   /* the length up to the last character of @name kept */

  for (const char *p = ascii; *p; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.')
        {
          any = any || g_ascii_isalnum (c);
          g_string_append_c (out, c);
          kept = out->len;
        }
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }

  /* Only the "_" that stood for other characters go from the end */
  g_string_truncate (out, kept);

  if (!any)
    g_string_assign (out, "LABEL");
  else if (!g_ascii_isalpha (out->str[0]))
    g_string_prepend_c (out, 'L');

  return g_string_free (out, FALSE);
}

static gboolean
value_equals (gpointer key,
              gpointer value,
              gpointer user_data)
{
  return g_str_equal (value, user_data);
}

static char *
free_key (SmDocument *document)
{
  for (char key = '1'; key <= '9'; key++)
    {
      char string[2] = { key, '\0' };

      if (sm_document_find_label_by_key (document, string) == NULL)
        return g_strdup (string);
    }

  return g_strdup ("");
}

/**
 * _sm_import_ensure_label:
 * @label: a label as the input names it
 * @where: the input and line, for the warning if it must be renamed
 *
 * Adds @label to @document's labels if it is not there: with a colour of
 * its own and the first free key. A name that is not a valid label id
 * ("Product name") becomes one ("Product_name") and stays the label's
 * name, with a warning.
 *
 * Returns: the label id to use for @label
 */
const char *
_sm_import_ensure_label (SmImportNames *names,
                         SmDocument    *document,
                         const char    *label,
                         const char    *where,
                         GPtrArray     *warnings)
{
  const char *id = g_hash_table_lookup (names->labels, label);
  g_autofree char *made = NULL;

  if (id == NULL)
    {
      g_autofree char *base = NULL;

      base = sm_label_id_is_valid (label, NULL) ? g_strdup (label) : make_identifier (label);
      made = g_strdup (base);

      /* Two names may make one id: "a b" and "a_b" */
      for (guint n = 2; g_hash_table_find (names->labels, value_equals, made); n++)
        {
          g_free (made);
          made = g_strdup_printf ("%s_%u", base, n);
        }

      if (strcmp (made, label) != 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("%s: the label “%s” cannot be a label id as it is"
                                            " (a letter, then letters, digits, “_”, “-” or “.”):"
                                            " it is imported as %s, named “%s”"),
                                          where, label, made, label));

      g_hash_table_insert (names->labels, g_strdup (label), g_strdup (made));
      id = g_hash_table_lookup (names->labels, label);
    }

  if (sm_document_find_label (document, id) == NULL)
    {
      GListModel *labels = sm_document_get_labels (document);
      guint n = g_list_model_get_n_items (labels);
      g_autofree char *key = free_key (document);
      g_autoptr(SmLabel) new_label = NULL;

      new_label = sm_label_new (id, label, palette[(n + G_N_ELEMENTS (palette) - 3) % G_N_ELEMENTS (palette)],
                                key);
      sm_document_add_label (document, new_label, NULL);
    }

  return id;
}

/**
 * _sm_import_relation_type:
 *
 * Returns: @type as a valid relation type, warning once if it was not one
 */
const char *
_sm_import_relation_type (SmImportNames *names,
                          const char    *type,
                          const char    *where,
                          GPtrArray     *warnings)
{
  const char *valid = g_hash_table_lookup (names->types, type);

  if (valid == NULL)
    {
      char *made;

      if (sm_relation_type_is_valid (type, NULL))
        made = g_strdup (type);
      else
        {
          made = make_identifier (type);
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("%s: the relation type “%s” is not valid in Spanmark"
                                              " (a letter, then letters, digits, “_”, “-” or “.”):"
                                              " it is imported as %s"),
                                            where, type, made));
        }

      g_hash_table_insert (names->types, g_strdup (type), made);
      valid = made;
    }

  return valid;
}

/**
 * _sm_import_text_new:
 *
 * Returns: (transfer full) (nullable): @data as a document's text, all of
 *   it: unlike an article opened in the window, a U+FEFF at its start is
 *   kept, because the input's offsets count it
 */
SmText *
_sm_import_text_new (const char  *data,
                     gsize        length,
                     GError     **error)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      g_autofree char *marked = g_malloc (length + 3);

      /* sm_text_new() drops one leading byte order mark: give it one to drop */
      memcpy (marked, "\xEF\xBB\xBF", 3);
      memcpy (marked + 3, data, length);
      return sm_text_new (marked, length + 3, error);
    }

  return sm_text_new (data, length, error);
}

/**
 * _sm_import_set_status:
 *
 * An imported document with spans is in progress; one without is new.
 */
void
_sm_import_set_status (SmDocument *document)
{
  _sm_document_set_loaded_meta (document,
                                sm_document_get_n_spans (document) > 0
                                  ? SM_DOCUMENT_STATUS_IN_PROGRESS
                                  : SM_DOCUMENT_STATUS_NEW,
                                NULL, NULL, NULL);
}

/* Importing */

typedef struct
{
  SmDocument *document;
  GFile      *source;     /* the input file it came from */
} Imported;

static void
imported_free (Imported *imported)
{
  g_clear_object (&imported->document);
  g_clear_object (&imported->source);
  g_free (imported);
}

static char *
stem_of (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* The names the annotation.conf that governs @folder gives its types
 * (sm-brat-names.h): brat reads the annotation.conf in a document's folder
 * or else the nearest one above it, and so does this. @cache holds one
 * table per folder looked at, so a corpus reads each file once. */
static GHashTable *
brat_names_for (GHashTable   *cache,
                GFile        *folder,
                GCancellable *cancellable)
{
  g_autoptr(GFile) conf_file = g_file_get_child (folder, "annotation.conf");
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GBytes) conf = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *names;

  if ((names = g_hash_table_lookup (cache, folder)) != NULL)
    return names;

  if ((conf = g_file_load_bytes (conf_file, cancellable, NULL, &error)) != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (conf, &length);

      names = _sm_brat_names_parse (data, length);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
           (parent = g_file_get_parent (folder)) != NULL)
    names = g_hash_table_ref (brat_names_for (cache, parent, cancellable));
  else
    /* An annotation.conf Spanmark cannot read only loses it the names
     * brat cannot hold: the types are imported as they are */
    names = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (cache, g_object_ref (folder), names);

  return names;
}

static void
import_brat (Input        *input,
             GHashTable   *brat_names,
             GPtrArray    *documents,
             GPtrArray    *warnings,
             GPtrArray    *errors,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) annotations = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (input->file);
  g_autofree char *base = g_file_get_basename (input->file);
  g_autofree char *stem = stem_of (base);
  g_autofree char *display_stem = NULL;
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autoptr(GFile) txt_file = g_file_get_child (parent, txt_name);
  g_autoptr(GFile) ann_file = g_file_get_child (parent, ann_name);
  g_autofree char *txt_display = NULL;
  g_autofree char *ann_display = NULL;
  SmDocument *document;

  /* "dir/x.ann" and "dir/x.txt" are named like the input */
  {
    const char *dot = strrchr (input->display_name, '.');
    const char *slash = strrchr (input->display_name, '/');

    if (dot != NULL && (slash == NULL || dot > slash))
      display_stem = g_strndup (input->display_name, dot - input->display_name);
    else
      display_stem = g_strdup (input->display_name);
  }
  txt_display = g_strconcat (display_stem, ".txt", NULL);
  ann_display = g_strconcat (display_stem, ".ann", NULL);

  if (!(annotations = g_file_load_bytes (ann_file, cancellable, NULL, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (errors, g_strdup_printf (_("%s: there is no %s beside it: brat keeps the"
                                                    " annotations of x.txt in x.ann"),
                                                  txt_display, ann_name));
      else
        {
          g_autoptr(GError) io_error = NULL;

          sm_file_set_io_error (&io_error, error, ann_display, FALSE);
          g_ptr_array_add (errors, g_strdup (io_error->message));
        }
      return;
    }

  if (!(text = g_file_load_bytes (txt_file, cancellable, NULL, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (errors, g_strdup_printf (_("%s: there is no %s beside it: brat needs the"
                                                    " text of x.ann in x.txt"),
                                                  ann_display, txt_name));
      else
        {
          g_autoptr(GError) io_error = NULL;

          sm_file_set_io_error (&io_error, error, txt_display, FALSE);
          g_ptr_array_add (errors, g_strdup (io_error->message));
        }
      return;
    }

  document = _sm_import_brat (text, annotations, brat_names_for (brat_names, parent, cancellable),
                              stem, txt_display, ann_display, warnings, &error);
  if (document == NULL)
    {
      g_ptr_array_add (errors, g_strdup (error->message));
      return;
    }

  g_ptr_array_add (documents, document);
}

static void
import_input (SmImporter   *self,
              Input        *input,
              GHashTable   *brat_names,
              GPtrArray    *documents,
              GPtrArray    *warnings,
              GPtrArray    *errors,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stem = stem_of (input->display_name);
  SmDocument *document;

  if (self->format == SM_IMPORT_FORMAT_BRAT)
    {
      import_brat (input, brat_names, documents, warnings, errors, cancellable);
      return;
    }

  if (!(bytes = g_file_load_bytes (input->file, cancellable, NULL, &error)))
    {
      g_autoptr(GError) io_error = NULL;

      sm_file_set_io_error (&io_error, error, input->display_name, FALSE);
      g_ptr_array_add (errors, g_strdup (io_error->message));
      return;
    }

  if (self->format == SM_IMPORT_FORMAT_JSONL)
    _sm_import_jsonl (bytes, input->display_name, stem, documents, warnings, errors);
  else if ((document = _sm_import_text (bytes, stem, input->display_name, &error)))
    g_ptr_array_add (documents, document);
  else
    g_ptr_array_add (errors, g_strdup (error->message));
}

/* Every document gets a name of its own, so that no two are saved to one
 * file: a second "x" becomes "x-2" */
static void
name_uniquely (SmDocument *document,
               GHashTable *taken,
               const char *display_name,
               GPtrArray  *warnings)
{
  const char *where = g_object_get_data (G_OBJECT (document), SM_IMPORT_WHERE_KEY);
  g_autofree char *file_name = _sm_corpus_file_name (sm_document_get_name (document));
  g_autofree char *key = g_utf8_casefold (file_name, -1);

  if (g_hash_table_contains (taken, key))
    {
      g_autofree char *name = NULL;

      for (guint n = 2; ; n++)
        {
          g_free (name);
          g_free (key);
          name = g_strdup_printf ("%s-%u", file_name, n);
          key = g_utf8_casefold (name, -1);
          if (!g_hash_table_contains (taken, key))
            break;
        }

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("%s: another document of this import is named “%s”:"
                                          " this one is named “%s”"),
                                        where ? where : display_name,
                                        sm_document_get_name (document), name));
      sm_document_set_name (document, name);
    }
  else if (strcmp (file_name, sm_document_get_name (document)) != 0)
    sm_document_set_name (document, file_name);

  g_hash_table_add (taken, g_steal_pointer (&key));
}

/* Predictions to review: spans become pending suggestions */
static void
turn_into_suggestions (SmDocument *document,
                       GPtrArray  *warnings)
{
  guint n_kept = sm_document_turn_spans_into_suggestions (document);

  if (n_kept > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u discontinuous span stays a span: a suggestion is one range of text",
                                                   "%s: %u discontinuous spans stay spans: a suggestion is one range of text",
                                                   n_kept),
                                      sm_document_get_name (document), n_kept));
}

static GPtrArray *
import_all (SmImporter    *self,
            GPtrArray     *warnings,
            GPtrArray     *errors,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func ((GDestroyNotify) imported_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) brat_names = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                                            g_object_unref,
                                                            (GDestroyNotify) g_hash_table_unref);

  self->n_imported = 0;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      import_input (self, input, brat_names, documents, warnings, errors, cancellable);

      for (guint j = 0; j < documents->len; j++)
        {
          Imported *entry = g_new0 (Imported, 1);

          entry->document = g_object_ref (g_ptr_array_index (documents, j));
          entry->source = g_object_ref (input->file);
          name_uniquely (entry->document, taken, input->display_name, warnings);
          if (self->as_suggestions)
            turn_into_suggestions (entry->document, warnings);
          sm_document_set_default_annotator (entry->document, self->annotator);
          sm_document_set_modified (entry->document, FALSE);
          g_ptr_array_add (imported, entry);
        }

      if (self->progress_func != NULL)
        self->progress_func (i + 1, self->inputs->len, self->progress_data);
    }

  return g_steal_pointer (&imported);
}

/**
 * sm_importer_set_as_suggestions:
 * @as_suggestions: whether the spans read become pending suggestions
 *
 * Reads predictions (another tool's, a model's) as suggestions to review
 * instead of as the annotator's spans (sm_document_turn_spans_into_suggestions()).
 */
void
sm_importer_set_as_suggestions (SmImporter *self,
                                gboolean    as_suggestions)
{
  g_return_if_fail (SM_IS_IMPORTER (self));

  self->as_suggestions = !!as_suggestions;
}

/**
 * sm_importer_set_annotator:
 * @annotator: (nullable): who the Spanmark files name as their annotator
 *
 * Names @annotator as the annotator of every document imported (none of
 * the formats read names one). %NULL or "" names none.
 */
void
sm_importer_set_annotator (SmImporter *self,
                           const char *annotator)
{
  g_return_if_fail (SM_IS_IMPORTER (self));

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
}

/**
 * sm_importer_import:
 * @warnings: (element-type utf8): where to add what the inputs hold that
 *   Spanmark cannot ("x.ann:12:1: ..."), as strings to free with g_free()
 * @errors: (element-type utf8): where to add the inputs (files, or lines of
 *   a JSON Lines file) that were refused, saying what is wrong and where
 *
 * Reads every input. Each document has a name of its own in the import.
 *
 * Returns: (transfer full) (element-type SmDocument) (nullable): the
 *   documents, or %NULL if @cancellable was cancelled
 */
GPtrArray *
sm_importer_import (SmImporter    *self,
                    GPtrArray     *warnings,
                    GPtrArray     *errors,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) imported = NULL;
  GPtrArray *documents;

  g_return_val_if_fail (SM_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (warnings != NULL, NULL);
  g_return_val_if_fail (errors != NULL, NULL);

  if (!(imported = import_all (self, warnings, errors, cancellable, error)))
    return NULL;

  documents = g_ptr_array_new_full (imported->len, g_object_unref);
  for (guint i = 0; i < imported->len; i++)
    g_ptr_array_add (documents, g_object_ref (((Imported *) g_ptr_array_index (imported, i))->document));

  self->n_imported = documents->len;

  return documents;
}

/**
 * sm_importer_import_to_folder:
 * @folder: (nullable): where to save the documents (made if missing), or
 *   %NULL to save each beside the file it came from
 * @flags: %SM_IMPORT_FLAGS_OVERWRITE to replace Spanmark files that exist
 * @warnings: (element-type utf8): where to add what the inputs hold that
 *   Spanmark cannot
 * @errors: (element-type utf8): where to add the inputs that were refused
 *   and the documents that could not be saved
 *
 * Reads every input and saves each document as "<name>.json". A file that
 * exists is left as it is, and said in @errors, unless @flags allow
 * replacing it.
 *
 * Returns: %FALSE if @folder could not be made or @cancellable was
 *   cancelled, with @error set
 */
gboolean
sm_importer_import_to_folder (SmImporter     *self,
                              GFile          *folder,
                              SmImportFlags   flags,
                              GPtrArray      *warnings,
                              GPtrArray      *errors,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder_name = NULL;

  g_return_val_if_fail (SM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (folder != NULL)
    {
      folder_name = g_file_get_basename (folder);

      if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          sm_file_set_io_error (error, local_error, folder_name, TRUE);
          return FALSE;
        }
      g_clear_error (&local_error);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, SM_IMPORT_ERROR, SM_IMPORT_ERROR_FAILED,
                       _("%s is a file; an import writes a Spanmark file for each document:"
                         " choose a folder to write them in"), folder_name);
          return FALSE;
        }
    }

  if (!(imported = import_all (self, warnings, errors, cancellable, error)))
    return FALSE;

  for (guint i = 0; i < imported->len; i++)
    {
      Imported *entry = g_ptr_array_index (imported, i);
      g_autoptr(GFile) parent = folder ? g_object_ref (folder) : g_file_get_parent (entry->source);
      g_autofree char *file_name = g_strconcat (sm_document_get_name (entry->document), ".json", NULL);
      g_autoptr(GFile) file = g_file_get_child (parent, file_name);
      g_autofree char *display_name = NULL;
      g_autoptr(GBytes) bytes = sm_format_serialize (entry->document);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      display_name = folder_name ? g_build_filename (folder_name, file_name, NULL)
                                 : g_strdup (file_name);

      if (!_sm_corpus_write_file (file, display_name, bytes,
                                  (flags & SM_IMPORT_FLAGS_OVERWRITE) != 0,
                                  SM_IMPORT_ERROR, SM_IMPORT_ERROR_EXISTS,
                                  cancellable, &local_error))
        {
          g_ptr_array_add (errors, g_strdup (local_error->message));
          g_clear_error (&local_error);
          continue;
        }

      self->n_imported++;
    }

  return TRUE;
}
