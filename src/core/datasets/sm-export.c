/* sm-export.c: writing a corpus as a dataset other tools read.
 *
 * An export reads and renders documents on every core (SmCorpus) and
 * writes them here, in input order, to one stream or to one file per
 * document in a folder. The formats themselves are in sm-export-*.c.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-corpus-private.h"
#include "sm-export-private.h"
#include "sm-file.h"
#include "sm-span-index.h"

/* What an export to a file gathers before it writes */
#define WRITE_BUFFER_SIZE (256 * 1024)

struct _SmExporter
{
  GObject         parent_instance;

  SmExportFormat  format;
  char          **labels;
  guint           statuses;
  gboolean        ascii;

  SmProgressFunc  progress_func;
  gpointer        progress_data;
  GDestroyNotify  progress_destroy;

  guint           n_exported;
};

G_DEFINE_FINAL_TYPE (SmExporter, sm_exporter, G_TYPE_OBJECT)
G_DEFINE_QUARK (sm-export-error-quark, sm_export_error)
G_DEFINE_ENUM_TYPE (SmExportFormat, sm_export_format,
  G_DEFINE_ENUM_VALUE (SM_EXPORT_FORMAT_JSONL, "jsonl"),
  G_DEFINE_ENUM_VALUE (SM_EXPORT_FORMAT_BRAT, "brat"),
  G_DEFINE_ENUM_VALUE (SM_EXPORT_FORMAT_CONLL, "conll"),
  G_DEFINE_ENUM_VALUE (SM_EXPORT_FORMAT_CSV, "csv"),
  G_DEFINE_ENUM_VALUE (SM_EXPORT_FORMAT_HTML, "html"))

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_LABELS,
  PROP_STATUSES,
  PROP_ASCII,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What a worker made of one document */
typedef struct
{
  gboolean         skipped;     /* its status is not exported */
  GBytes          *main;        /* the jsonl line, csv rows, html section or page, .ann */
  SmConllDocument *conll;
  gboolean        *has_label;   /* for each label asked for, whether the document has it */
} Rendered;

/* One export, from its first document to its last */
typedef struct
{
  SmExporter      *self;
  SmCorpus        *corpus;
  SmExportOptions  options;
  GCancellable    *cancellable;
  GPtrArray       *warnings;
  GPtrArray       *errors;

  /* Where it goes: a stream, or a folder with one file per document */
  GOutputStream   *stream;
  const char      *stream_name;
  GFile           *folder;
  char            *folder_name;
  gboolean         overwrite;
  GHashTable      *file_names;   /* casefolded file name -> display name of its input */

  gboolean         started;
  guint            n_done;
  GHashTable      *labels_seen;
  char           **columns;      /* CoNLL */
  SmBratConfig    *brat_config;
  SmHtmlTotals    *html_totals;
} Export;

static void
rendered_free (Rendered *rendered)
{
  g_clear_pointer (&rendered->main, g_bytes_unref);
  g_clear_pointer (&rendered->conll, _sm_conll_document_free);
  g_free (rendered->has_label);
  g_free (rendered);
}

static void
sm_exporter_finalize (GObject *object)
{
  SmExporter *self = (SmExporter *)object;

  g_clear_pointer (&self->labels, g_strfreev);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  G_OBJECT_CLASS (sm_exporter_parent_class)->finalize (object);
}

static void
sm_exporter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmExporter *self = SM_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    case PROP_LABELS:
      g_value_set_boxed (value, self->labels);
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, self->statuses);
      break;

    case PROP_ASCII:
      g_value_set_boolean (value, self->ascii);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_exporter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmExporter *self = SM_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;

    case PROP_LABELS:
      sm_exporter_set_labels (self, g_value_get_boxed (value));
      break;

    case PROP_STATUSES:
      sm_exporter_set_statuses (self, g_value_get_uint (value));
      break;

    case PROP_ASCII:
      sm_exporter_set_ascii (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_exporter_class_init (SmExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_exporter_finalize;
  object_class->get_property = sm_exporter_get_property;
  object_class->set_property = sm_exporter_set_property;

  properties [PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       SM_TYPE_EXPORT_FORMAT, SM_EXPORT_FORMAT_JSONL,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LABELS] =
    g_param_spec_boxed ("labels", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL, 0, SM_EXPORT_ALL_STATUSES, SM_EXPORT_ALL_STATUSES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ASCII] =
    g_param_spec_boolean ("ascii", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_exporter_init (SmExporter *self)
{
  self->statuses = SM_EXPORT_ALL_STATUSES;
}

const char *
sm_export_format_to_string (SmExportFormat format)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_EXPORT_FORMAT);
  GEnumValue *value = g_enum_get_value (klass, format);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * sm_export_format_from_string:
 * @string: "jsonl", "brat", "conll", "csv" or "html"
 *
 * Returns: whether @string names an export format
 */
gboolean
sm_export_format_from_string (const char     *string,
                              SmExportFormat *format)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_EXPORT_FORMAT);
  GEnumValue *value;

  g_return_val_if_fail (format != NULL, FALSE);

  if (string == NULL || !(value = g_enum_get_value_by_nick (klass, string)))
    return FALSE;

  *format = value->value;
  return TRUE;
}

/**
 * sm_export_format_get_title:
 *
 * Returns: what to call @format in a list of formats
 */
const char *
sm_export_format_get_title (SmExportFormat format)
{
  switch (format)
    {
    case SM_EXPORT_FORMAT_JSONL:
      return _("JSON Lines (doccano)");
    case SM_EXPORT_FORMAT_BRAT:
      return _("brat standoff (.txt and .ann)");
    case SM_EXPORT_FORMAT_CONLL:
      return _("CoNLL (IOB2 tags)");
    case SM_EXPORT_FORMAT_CSV:
      return _("CSV (one row per span)");
    case SM_EXPORT_FORMAT_HTML:
      return _("Web page");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sm_export_format_get_extension:
 *
 * Returns: (nullable): the file name extension of @format's file without
 *   the dot, or %NULL for brat, which writes a folder
 */
const char *
sm_export_format_get_extension (SmExportFormat format)
{
  switch (format)
    {
    case SM_EXPORT_FORMAT_JSONL:
      return "jsonl";
    case SM_EXPORT_FORMAT_BRAT:
      return NULL;
    case SM_EXPORT_FORMAT_CONLL:
      return "conll";
    case SM_EXPORT_FORMAT_CSV:
      return "csv";
    case SM_EXPORT_FORMAT_HTML:
      return "html";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sm_export_format_writes_folder:
 *
 * Returns: whether @format always writes a folder (brat), rather than one file
 */
gboolean
sm_export_format_writes_folder (SmExportFormat format)
{
  return format == SM_EXPORT_FORMAT_BRAT;
}

SmExporter *
sm_exporter_new (SmExportFormat format)
{
  g_return_val_if_fail (format < SM_EXPORT_N_FORMATS, NULL);

  return g_object_new (SM_TYPE_EXPORTER, "format", format, NULL);
}

SmExportFormat
sm_exporter_get_format (SmExporter *self)
{
  g_return_val_if_fail (SM_IS_EXPORTER (self), SM_EXPORT_FORMAT_JSONL);

  return self->format;
}

/**
 * sm_exporter_get_labels:
 *
 * Returns: (nullable) (transfer none): the labels exported, or %NULL for all
 */
const char * const *
sm_exporter_get_labels (SmExporter *self)
{
  g_return_val_if_fail (SM_IS_EXPORTER (self), NULL);

  return (const char * const *) self->labels;
}

/**
 * sm_exporter_set_labels:
 * @labels: (nullable): label ids, or %NULL (or empty) for every label
 *
 * Exports only the spans with these labels, and the relations between
 * them. In CoNLL the labels are the tag columns, in this order; without
 * them the columns are the labels of the first document exported.
 */
void
sm_exporter_set_labels (SmExporter         *self,
                        const char * const *labels)
{
  g_return_if_fail (SM_IS_EXPORTER (self));

  if (labels != NULL && labels[0] == NULL)
    labels = NULL;

  if (self->labels == NULL && labels == NULL)
    return;
  if (self->labels != NULL && labels != NULL &&
      g_strv_equal ((const char * const *) self->labels, labels))
    return;

  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **) labels);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABELS]);
}

guint
sm_exporter_get_statuses (SmExporter *self)
{
  g_return_val_if_fail (SM_IS_EXPORTER (self), SM_EXPORT_ALL_STATUSES);

  return self->statuses;
}

/**
 * sm_exporter_set_statuses:
 * @statuses: SM_EXPORT_STATUS() of each status to export, or'ed together
 *
 * Exports only the documents with one of these statuses; the others are
 * passed over without a message.
 */
void
sm_exporter_set_statuses (SmExporter *self,
                          guint       statuses)
{
  g_return_if_fail (SM_IS_EXPORTER (self));
  g_return_if_fail ((statuses & ~SM_EXPORT_ALL_STATUSES) == 0);

  if (self->statuses == statuses)
    return;

  self->statuses = statuses;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUSES]);
}

gboolean
sm_exporter_get_ascii (SmExporter *self)
{
  g_return_val_if_fail (SM_IS_EXPORTER (self), FALSE);

  return self->ascii;
}

/**
 * sm_exporter_set_ascii:
 * @ascii: whether to write ASCII only
 *
 * In JSON Lines, writes every non-ASCII character as a "\uXXXX" escape
 * (a surrogate pair above U+FFFF), for readers that guess the encoding of
 * a file, as doccano's "Auto" does, and take a small UTF-8 file for
 * Windows-1252. A JSON reader decodes the same text, so offsets, which
 * count code points, are the same. The other formats are not JSON and
 * ignore it.
 */
void
sm_exporter_set_ascii (SmExporter *self,
                       gboolean    ascii)
{
  g_return_if_fail (SM_IS_EXPORTER (self));

  ascii = !!ascii;
  if (self->ascii == ascii)
    return;

  self->ascii = ascii;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASCII]);
}

/**
 * sm_exporter_set_progress_func:
 * @func: (nullable): told after each input, in the thread running the export
 */
void
sm_exporter_set_progress_func (SmExporter     *self,
                               SmProgressFunc  func,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  g_return_if_fail (SM_IS_EXPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * sm_exporter_get_n_exported:
 *
 * Returns: how many documents the last export wrote
 */
guint
sm_exporter_get_n_exported (SmExporter *self)
{
  g_return_val_if_fail (SM_IS_EXPORTER (self), 0);

  return self->n_exported;
}

/* Shared by the formats */

gboolean
_sm_export_options_keeps_label (const SmExportOptions *options,
                                const char            *label)
{
  return options->labels == NULL || g_strv_contains ((const char * const *) options->labels, label);
}

typedef struct
{
  const SmExportOptions *options;
  GPtrArray             *spans;
} CollectSpans;

static gboolean
collect_span (SmSpan   *span,
              gpointer  user_data)
{
  CollectSpans *collect = user_data;

  if (_sm_export_options_keeps_label (collect->options, sm_span_get_label (span)))
    g_ptr_array_add (collect->spans, g_object_ref (span));

  return TRUE;
}

/**
 * _sm_export_get_spans:
 *
 * Returns: (transfer full) (element-type SmSpan): the spans to export, in
 *   document order (start, end, label)
 */
GPtrArray *
_sm_export_get_spans (SmDocument            *document,
                      const SmExportOptions *options)
{
  CollectSpans collect = { options, NULL };

  collect.spans = g_ptr_array_new_full (sm_document_get_n_spans (document), g_object_unref);
  sm_span_index_foreach (SM_SPAN_INDEX (sm_document_get_spans (document)), collect_span, &collect);

  return collect.spans;
}

/* "R2" before "R10": ids compare by prefix, then by number */
static gint
compare_ids (const char *a,
             const char *b)
{
  gsize prefix_a = strcspn (a, "0123456789");
  gsize prefix_b = strcspn (b, "0123456789");

  if (prefix_a == prefix_b && strncmp (a, b, prefix_a) == 0 &&
      a[prefix_a] != '\0' && b[prefix_b] != '\0')
    {
      gsize digits_a = strspn (a + prefix_a, "0123456789");
      gsize digits_b = strspn (b + prefix_b, "0123456789");

      if (a[prefix_a + digits_a] == '\0' && b[prefix_b + digits_b] == '\0')
        {
          guint64 number_a = g_ascii_strtoull (a + prefix_a, NULL, 10);
          guint64 number_b = g_ascii_strtoull (b + prefix_b, NULL, 10);

          if (number_a != number_b)
            return number_a < number_b ? -1 : 1;
        }
    }

  return strcmp (a, b);
}

static gint
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  return compare_ids (sm_relation_get_id (*(SmRelation **) a),
                      sm_relation_get_id (*(SmRelation **) b));
}

/**
 * _sm_export_get_relations:
 *
 * Returns: (transfer full) (element-type SmRelation): the relations whose
 *   two spans are exported, by id ("R2" before "R10")
 */
GPtrArray *
_sm_export_get_relations (SmDocument            *document,
                          const SmExportOptions *options)
{
  GListModel *model;
  GPtrArray *relations;
  guint n;

  /* Most documents have none, and no list of them made */
  if (sm_document_get_n_relations (document) == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  model = sm_document_get_relations (document);
  n = g_list_model_get_n_items (model);
  relations = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (model, i);

      if (_sm_export_options_keeps_label (options, sm_span_get_label (sm_relation_get_from (relation))) &&
          _sm_export_options_keeps_label (options, sm_span_get_label (sm_relation_get_to (relation))))
        g_ptr_array_add (relations, g_steal_pointer (&relation));
    }

  g_ptr_array_sort (relations, compare_relations);

  return relations;
}

/**
 * _sm_export_warn:
 *
 * Adds a warning about the input @display_name: "x.json: span T7: ..."
 */
void
_sm_export_warn (GPtrArray  *warnings,
                 const char *display_name,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", display_name, message));
}

/* Writing */

static gboolean
write_bytes (Export        *export,
             const void    *data,
             gsize          length,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (length == 0)
    return TRUE;

  if (!g_output_stream_write_all (export->stream, data, length, NULL,
                                  export->cancellable, &local_error))
    {
      sm_file_set_io_error (error, local_error, export->stream_name, TRUE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_gbytes (Export  *export,
              GBytes  *bytes,
              GError **error)
{
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  return write_bytes (export, data, length, error);
}

static gboolean
write_string (Export   *export,
              GString  *string,
              GError  **error)
{
  return write_bytes (export, string->str, string->len, error);
}

static gboolean
write_folder_file (Export      *export,
                   const char  *file_name,
                   GBytes      *contents,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (export->folder, file_name);
  g_autofree char *display_name = g_build_filename (export->folder_name, file_name, NULL);

  return _sm_corpus_write_file (file, display_name, contents, export->overwrite,
                                SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS,
                                export->cancellable, error);
}

/* Two documents of an export with the same name would write the same
 * files: the second is refused rather than overwrite the first. */
static gboolean
claim_file_name (Export      *export,
                 const char  *display_name,
                 const char  *file_name)
{
  g_autofree char *key = g_utf8_casefold (file_name, -1);
  const char *other = g_hash_table_lookup (export->file_names, key);

  if (other != NULL)
    {
      g_ptr_array_add (export->errors,
                       g_strdup_printf (_("%s: the document is named “%s” like %s, and both would be"
                                          " written to the same files; it was not exported"),
                                        display_name, file_name, other));
      return FALSE;
    }

  g_hash_table_insert (export->file_names, g_steal_pointer (&key), g_strdup (display_name));
  return TRUE;
}

static const char *
corpus_title (Export *export)
{
  if (sm_corpus_get_n_inputs (export->corpus) == 1)
    return NULL;

  return _("Spanmark corpus");
}

static gpointer
export_map (guint       position,
            SmDocument *document,
            const char *display_name,
            GPtrArray  *warnings,
            gpointer    user_data)
{
  Export *export = user_data;
  SmExporter *self = export->self;
  Rendered *rendered = g_new0 (Rendered, 1);
  GString *out;

  if (!(self->statuses & SM_EXPORT_STATUS (sm_document_get_status (document))))
    {
      rendered->skipped = TRUE;
      return rendered;
    }

  if (self->labels != NULL)
    {
      rendered->has_label = g_new0 (gboolean, g_strv_length (self->labels));
      for (guint i = 0; self->labels[i] != NULL; i++)
        rendered->has_label[i] = sm_document_find_label (document, self->labels[i]) != NULL;
    }

  switch (self->format)
    {
    case SM_EXPORT_FORMAT_JSONL:
      out = g_string_sized_new (sm_text_get_n_bytes (sm_document_get_text (document)) * 11 / 10 + 256);
      _sm_export_jsonl_append (out, document, &export->options);
      rendered->main = g_string_free_to_bytes (out);
      break;

    case SM_EXPORT_FORMAT_CSV:
      out = g_string_new (NULL);
      _sm_export_csv_append (out, document, &export->options, display_name, warnings);
      rendered->main = g_string_free_to_bytes (out);
      break;

    case SM_EXPORT_FORMAT_BRAT:
      rendered->main = _sm_export_brat_render_ann (document, &export->options, display_name, warnings);
      break;

    case SM_EXPORT_FORMAT_CONLL:
      rendered->conll = _sm_conll_document_new (document, &export->options, display_name, warnings);
      break;

    case SM_EXPORT_FORMAT_HTML:
      out = g_string_sized_new (sm_text_get_n_bytes (sm_document_get_text (document)) * 2 + 4096);
      if (export->folder != NULL)
        {
          _sm_export_html_begin (out, sm_document_get_name (document));
          _sm_export_html_append (out, document, &export->options, 0);
          _sm_export_html_end (out, NULL);
        }
      else
        _sm_export_html_append (out, document, &export->options, position);
      rendered->main = g_string_free_to_bytes (out);
      break;

    default:
      g_assert_not_reached ();
    }

  return rendered;
}

static gboolean
write_conll (Export           *export,
             SmDocument       *document,
             const char       *display_name,
             SmConllDocument  *conll,
             GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *labels = sm_document_get_labels (document);
  guint n = g_list_model_get_n_items (labels);

  /* Without chosen labels, the columns are the first document's labels */
  if (export->columns == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
          g_strv_builder_add (builder, sm_label_get_id (label));
        }
      export->columns = g_strv_builder_end (builder);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      const char *id = sm_label_get_id (label);
      guint count = sm_document_count_spans_with_label (document, id);

      if (count > 0 && export->self->labels == NULL &&
          !g_strv_contains ((const char * const *) export->columns, id))
        {
          g_autofree char *columns = g_strjoinv (" ", export->columns);

          _sm_export_warn (export->warnings, display_name,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u span with label %s was left out: the tag columns"
                                        " of this export are %s (the labels of its first"
                                        " document); export the label on its own to get it",
                                        "%u spans with label %s were left out: the tag columns"
                                        " of this export are %s (the labels of its first"
                                        " document); export the label on its own to get them",
                                        count),
                           count, id, columns);
        }
    }

  _sm_conll_document_append (conll, out, (const char * const *) export->columns);

  return write_string (export, out, error);
}

static gboolean
export_reduce (guint         position,
               SmDocument   *document,
               gpointer      mapped,
               GPtrArray    *warnings,
               const GError *load_error,
               gpointer      user_data,
               GError      **error)
{
  Export *export = user_data;
  SmExporter *self = export->self;
  Rendered *rendered = mapped;
  const char *display_name = sm_corpus_get_display_name (export->corpus, position);
  g_autofree char *file_name = NULL;
  gboolean ok = TRUE;

  export->n_done++;

  if (load_error != NULL)
    g_ptr_array_add (export->errors, g_strdup (load_error->message));

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (export->warnings, g_strdup (g_ptr_array_index (warnings, i)));

  if (load_error != NULL || rendered->skipped)
    goto done;

  if (export->folder != NULL)
    {
      file_name = _sm_corpus_file_name (sm_document_get_name (document));
      if (!claim_file_name (export, display_name, file_name))
        goto done;
    }

  if (self->labels != NULL)
    {
      for (guint i = 0; self->labels[i] != NULL; i++)
        {
          if (rendered->has_label[i])
            g_hash_table_add (export->labels_seen, self->labels[i]);
        }
    }

  switch (self->format)
    {
    case SM_EXPORT_FORMAT_JSONL:
    case SM_EXPORT_FORMAT_CSV:
      ok = write_gbytes (export, rendered->main, error);
      break;

    case SM_EXPORT_FORMAT_CONLL:
      ok = write_conll (export, document, display_name, rendered->conll, error);
      break;

    case SM_EXPORT_FORMAT_HTML:
      if (export->folder != NULL)
        {
          g_autofree char *page_name = g_strconcat (file_name, ".html", NULL);

          ok = write_folder_file (export, page_name, rendered->main, error);
        }
      else
        {
          if (!export->started)
            {
              g_autoptr(GString) head = g_string_new (NULL);
              const char *title = corpus_title (export);

              _sm_export_html_begin (head, title ? title : sm_document_get_name (document));
              export->started = TRUE;
              ok = write_string (export, head, error);
            }
          ok = ok && write_gbytes (export, rendered->main, error);
          _sm_html_totals_add_document (export->html_totals, document, &export->options, position);
        }
      break;

    case SM_EXPORT_FORMAT_BRAT:
      {
        SmText *text = sm_document_get_text (document);
        g_autoptr(GBytes) text_bytes = g_bytes_new_static (sm_text_get_utf8 (text),
                                                           sm_text_get_n_bytes (text));
        g_autofree char *txt_name = g_strconcat (file_name, ".txt", NULL);
        g_autofree char *ann_name = g_strconcat (file_name, ".ann", NULL);

        ok = write_folder_file (export, txt_name, text_bytes, error) &&
             write_folder_file (export, ann_name, rendered->main, error);
        _sm_brat_config_add_document (export->brat_config, document, &export->options);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    self->n_exported++;

done:
  if (self->progress_func != NULL)
    self->progress_func (export->n_done, sm_corpus_get_n_inputs (export->corpus),
                         self->progress_data);

  return ok;
}

static gboolean
export_begin (Export  *export,
              GError **error)
{
  if (export->self->format == SM_EXPORT_FORMAT_CSV)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _sm_export_csv_append_header (out);
      return write_string (export, out, error);
    }

  return TRUE;
}

static gboolean
export_end (Export  *export,
            GError **error)
{
  SmExporter *self = export->self;

  if (self->labels != NULL && self->n_exported > 0)
    {
      for (guint i = 0; self->labels[i] != NULL; i++)
        {
          if (!g_hash_table_contains (export->labels_seen, self->labels[i]))
            g_ptr_array_add (export->warnings,
                             g_strdup_printf (_("no document exported has the label %s"),
                                              self->labels[i]));
        }
    }

  if (self->format == SM_EXPORT_FORMAT_HTML && export->folder == NULL)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (!export->started)
        _sm_export_html_begin (out, corpus_title (export) ? corpus_title (export) : _("Spanmark"));
      _sm_export_html_end (out, export->html_totals);
      return write_string (export, out, error);
    }

  if (self->format == SM_EXPORT_FORMAT_BRAT)
    {
      g_autoptr(GBytes) annotation_conf = NULL;
      g_autoptr(GBytes) visual_conf = NULL;

      annotation_conf = _sm_brat_config_render_annotation_conf (export->brat_config, export->warnings);
      visual_conf = _sm_brat_config_render_visual_conf (export->brat_config);

      return write_folder_file (export, "annotation.conf", annotation_conf, error) &&
             write_folder_file (export, "visual.conf", visual_conf, error);
    }

  return TRUE;
}

static void
export_init (Export       *export,
             SmExporter   *self,
             SmCorpus     *corpus,
             GPtrArray    *warnings,
             GPtrArray    *errors,
             GCancellable *cancellable)
{
  export->self = self;
  export->corpus = corpus;
  export->options.labels = self->labels;
  export->options.ascii = self->ascii;
  export->warnings = warnings;
  export->errors = errors;
  export->cancellable = cancellable;
  export->file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export->labels_seen = g_hash_table_new (g_str_hash, g_str_equal);
  export->brat_config = _sm_brat_config_new ();
  export->html_totals = _sm_html_totals_new ();

  if (self->labels != NULL)
    export->columns = g_strdupv (self->labels);

  self->n_exported = 0;
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->file_names, g_hash_table_unref);
  g_clear_pointer (&export->labels_seen, g_hash_table_unref);
  g_clear_pointer (&export->columns, g_strfreev);
  g_clear_pointer (&export->brat_config, _sm_brat_config_free);
  g_clear_pointer (&export->html_totals, _sm_html_totals_free);
  g_clear_pointer (&export->folder_name, g_free);
}

static gboolean
export_run (Export  *export,
            GError **error)
{
  SmCorpusRunFlags flags = SM_CORPUS_RUN_NONE;

  /* A JSON Lines record or CSV rows are all export_reduce() needs */
  if ((export->self->format == SM_EXPORT_FORMAT_JSONL ||
       export->self->format == SM_EXPORT_FORMAT_CSV) && export->folder == NULL)
    flags = SM_CORPUS_RUN_DROP_DOCUMENTS;

  return export_begin (export, error) &&
         _sm_corpus_run (export->corpus, flags, export_map, export_reduce,
                         (GDestroyNotify) rendered_free, export,
                         export->cancellable, error) &&
         export_end (export, error);
}

/**
 * sm_exporter_export_to_stream:
 * @corpus: the documents to export
 * @stream: where to write, such as standard output; it is not closed
 * @warnings: (element-type utf8): where to add what the format could not
 *   hold ("x.json: span T7: ..."), as strings to free with g_free()
 * @errors: (element-type utf8): where to add the inputs that could not
 *   be read and were left out ("x.json:12:4: ...")
 *
 * Exports @corpus as one stream: every format but brat.
 *
 * Returns: %FALSE if @stream could not be written (or brat was asked for),
 *   with @error set; inputs that could not be read do not stop the export
 */
gboolean
sm_exporter_export_to_stream (SmExporter     *self,
                              SmCorpus       *corpus,
                              GOutputStream  *stream,
                              GPtrArray      *warnings,
                              GPtrArray      *errors,
                              GCancellable   *cancellable,
                              GError        **error)
{
  Export export = { 0, };
  gboolean ok;

  g_return_val_if_fail (SM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (SM_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (sm_export_format_writes_folder (self->format))
    {
      g_set_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION,
                   _("brat writes a .txt and an .ann file for each document: choose a folder"
                     " to write them in"));
      return FALSE;
    }

  export_init (&export, self, corpus, warnings, errors, cancellable);
  export.stream = stream;
  export.stream_name = _("the output");

  ok = export_run (&export, error);
  export_clear (&export);

  return ok;
}

static gboolean
query_is_folder (GFile        *file,
                 gboolean     *exists,
                 GCancellable *cancellable)
{
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

  *exists = type != G_FILE_TYPE_UNKNOWN;

  return type == G_FILE_TYPE_DIRECTORY;
}

static gboolean
export_to_folder (Export   *export,
                  GFile    *folder,
                  gboolean  exists,
                  GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!exists && !g_file_make_directory_with_parents (folder, export->cancellable, &local_error))
    {
      sm_file_set_io_error (error, local_error, export->folder_name, TRUE);
      return FALSE;
    }

  export->folder = folder;

  /* The configuration is written last: find out now, not after every
   * document, that it would have to replace another export's */
  if (sm_export_format_writes_folder (export->self->format) && !export->overwrite)
    {
      const char * const configurations[] = { "annotation.conf", "visual.conf" };

      for (guint i = 0; i < G_N_ELEMENTS (configurations); i++)
        {
          g_autoptr(GFile) file = g_file_get_child (folder, configurations[i]);

          if (g_file_query_exists (file, export->cancellable))
            {
              g_autofree char *display_name = g_build_filename (export->folder_name, configurations[i], NULL);

              g_set_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS,
                           _("%s already exists; it was not replaced"), display_name);
              return FALSE;
            }
        }
    }

  return export_run (export, error);
}

static gboolean
export_to_one_file (Export   *export,
                    GFile    *file,
                    GError  **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean claimed = FALSE;

  if (!export->overwrite)
    {
      g_autoptr(GFileOutputStream) claim = NULL;

      /* Creating the file claims its name, so nothing can be overwritten
       * in the time between a check and the write */
      claim = g_file_create (file, G_FILE_CREATE_NONE, export->cancellable, &local_error);
      if (claim == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            g_set_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS,
                         _("%s already exists; it was not replaced"), export->stream_name);
          else
            sm_file_set_io_error (error, local_error, export->stream_name, TRUE);
          return FALSE;
        }
      g_output_stream_close (G_OUTPUT_STREAM (claim), NULL, NULL);
      claimed = TRUE;
    }

  /* The export goes to a temporary file renamed over @file when complete */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, export->cancellable, &local_error);
  if (out == NULL)
    {
      sm_file_set_io_error (error, local_error, export->stream_name, TRUE);
      if (claimed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  /* Documents are small: gather them into large writes */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), WRITE_BUFFER_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  export->stream = buffered;

  if (!export_run (export, error) ||
      !g_output_stream_flush (buffered, export->cancellable, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      if (local_error != NULL)
        sm_file_set_io_error (error, local_error, export->stream_name, TRUE);

      /* A cancelled close deletes the temporary file and leaves @file be */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (claimed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), export->cancellable, &local_error))
    {
      sm_file_set_io_error (error, local_error, export->stream_name, TRUE);
      if (claimed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_exporter_export_to_file:
 * @corpus: the documents to export
 * @destination: a file, or a folder for brat (made if missing) and for
 *   one HTML page per document (an existing folder)
 * @flags: %SM_EXPORT_FLAGS_OVERWRITE to replace files that exist
 * @warnings: (element-type utf8): where to add what the format could not hold
 * @errors: (element-type utf8): where to add the inputs that could not be
 *   read and were left out
 *
 * Exports @corpus to @destination. A single file is written atomically:
 * if the export fails, an existing file keeps its old contents.
 *
 * Returns: %FALSE if the destination could not be written, or exists and
 *   may not be replaced, with @error set
 */
gboolean
sm_exporter_export_to_file (SmExporter     *self,
                            SmCorpus       *corpus,
                            GFile          *destination,
                            SmExportFlags   flags,
                            GPtrArray      *warnings,
                            GPtrArray      *errors,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autofree char *name = NULL;
  Export export = { 0, };
  gboolean exists;
  gboolean is_folder;
  gboolean ok;

  g_return_val_if_fail (SM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (SM_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  name = g_file_get_basename (destination);
  is_folder = query_is_folder (destination, &exists, cancellable);

  export_init (&export, self, corpus, warnings, errors, cancellable);
  export.overwrite = (flags & SM_EXPORT_FLAGS_OVERWRITE) != 0;
  export.stream_name = name;
  export.folder_name = g_strdup (name);

  if (sm_export_format_writes_folder (self->format) && exists && !is_folder)
    {
      g_set_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION,
                   _("%s is a file; brat writes a .txt and an .ann file for each document:"
                     " choose a folder to write them in"), name);
      ok = FALSE;
    }
  else if (sm_export_format_writes_folder (self->format) ||
           (self->format == SM_EXPORT_FORMAT_HTML && is_folder))
    ok = export_to_folder (&export, destination, exists, error);
  else if (is_folder)
    {
      g_set_error (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_DESTINATION,
                   _("%s is a folder; %s writes one file: give the name of a file to write"),
                   name, sm_export_format_to_string (self->format));
      ok = FALSE;
    }
  else
    ok = export_to_one_file (&export, destination, error);

  export_clear (&export);

  return ok;
}
