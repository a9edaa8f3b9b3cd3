/* sm-cli-stats.c: spanmark-cli stats, what a corpus holds.
 *
 * In a folder, an article with no Spanmark file beside it is a document
 * too, a new one with no spans, as the window's corpus list shows it, and
 * the folder's schema (spanmark-project.json) gives the labels counted:
 * its own first, used or not, then those documents use that it lacks.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-corpus.h"
#include "sm-project.h"

typedef struct
{
  char    *name;
  guint64  count;
} Count;

typedef struct
{
  SmCliProgress progress;
  guint         n_documents;
  guint         n_invalid;
  guint         by_status[3];
  guint64       n_characters;
  guint64       n_spans;
  guint64       n_discontinuous;  /* spans of several fragments */
  guint64       n_relations;
  guint64       n_claims;
  guint64       n_attributed;
  GPtrArray    *labels;          /* Count, in order of first appearance */
  GHashTable   *schema_labels;   /* ids of the input folders' schemas, or NULL */
  GPtrArray    *relation_types;  /* Count */
  GArray       *spans_per_document;  /* guint, one per document */
} Stats;

static void
count_free (Count *count)
{
  g_free (count->name);
  g_free (count);
}

static void
add_count (GPtrArray  *counts,
           const char *name,
           guint64     n)
{
  Count *count;

  for (guint i = 0; i < counts->len; i++)
    {
      count = g_ptr_array_index (counts, i);
      if (strcmp (count->name, name) == 0)
        {
          count->count += n;
          return;
        }
    }

  count = g_new0 (Count, 1);
  count->name = g_strdup (name);
  count->count = n;
  g_ptr_array_add (counts, count);
}

static gboolean
count_document (SmCorpus     *corpus,
                guint         position,
                SmDocument   *document,
                const GError *error,
                gpointer      user_data)
{
  Stats *stats = user_data;
  GListModel *labels, *relations, *spans;
  guint n;

  sm_cli_progress_update (position + 1, sm_corpus_get_n_inputs (corpus), &stats->progress);

  if (error != NULL)
    {
      sm_cli_progress_finish (&stats->progress);
      sm_cli_print_error (error);
      stats->n_invalid++;
      return TRUE;
    }

  stats->n_documents++;
  stats->by_status[sm_document_get_status (document)]++;
  stats->n_characters += sm_document_get_length (document);
  stats->n_spans += sm_document_get_n_spans (document);
  n = sm_document_get_n_spans (document);
  g_array_append_val (stats->spans_per_document, n);

  labels = sm_document_get_labels (document);
  n = g_list_model_get_n_items (labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      const char *id = sm_label_get_id (label);
      guint64 n_with = sm_document_count_spans_with_label (document, id);

      /* With a schema, a label no span uses is only counted if it has it */
      if (n_with == 0 && stats->schema_labels != NULL && !g_hash_table_contains (stats->schema_labels, id))
        continue;

      add_count (stats->labels, id, n_with);
    }

  relations = sm_document_get_relations (document);
  n = g_list_model_get_n_items (relations);
  stats->n_relations += n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      add_count (stats->relation_types, sm_relation_get_type_name (relation), 1);
    }

  spans = sm_document_get_spans (document);
  n = g_list_model_get_n_items (spans);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      if (sm_span_get_n_fragments (span) > 1)
        stats->n_discontinuous++;

      if (g_strcmp0 (sm_span_get_label (span), SM_LABEL_CLAIM) != 0)
        continue;

      stats->n_claims++;
      if (sm_document_get_speaker (document, span) != NULL)
        stats->n_attributed++;
    }

  return TRUE;
}

/* Articles in @folder (and below) with no Spanmark file beside them: new
 * documents, as the corpus sees them */
static void
count_unannotated_articles (GFile *folder,
                            Stats *stats)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);

  while (children && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *stem = NULL;
      g_autofree char *json_name = NULL;
      g_autoptr(GFile) json = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmText) text = NULL;
      g_autofree char *path = NULL;
      guint zero = 0;

      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          count_unannotated_articles (child, stats);
          continue;
        }

      if (!g_str_has_suffix (name, ".txt"))
        continue;

      stem = g_strndup (name, strlen (name) - strlen (".txt"));
      json_name = g_strconcat (stem, ".json", NULL);
      json = g_file_get_child (folder, json_name);
      if (g_file_query_exists (json, NULL))
        continue;

      path = g_file_get_path (child);
      if (!(bytes = g_file_load_bytes (child, NULL, NULL, &error)) ||
          !(text = sm_text_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error)))
        {
          g_prefix_error (&error, g_ascii_isdigit (error->message[0]) ? "%s:" : "%s: ", path);
          sm_cli_print_error (error);
          stats->n_invalid++;
          continue;
        }

      stats->n_documents++;
      stats->by_status[SM_DOCUMENT_STATUS_NEW]++;
      stats->n_characters += sm_text_get_length (text);
      g_array_append_val (stats->spans_per_document, zero);
    }
}

static gint
compare_counts (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The nearest-rank percentile of the sorted spans per document */
static guint
percentile (Stats *stats,
            guint  percent)
{
  guint n = stats->spans_per_document->len;
  guint rank;

  if (n == 0)
    return 0;

  rank = (percent * n + 99) / 100;
  return g_array_index (stats->spans_per_document, guint, MAX (rank, 1) - 1);
}

static JsonObject *
counts_object (GPtrArray *counts)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < counts->len; i++)
    {
      Count *count = g_ptr_array_index (counts, i);

      json_object_set_int_member (object, count->name, count->count);
    }

  return object;
}

static void
print_json (Stats *stats)
{
  g_autoptr(JsonObject) top = json_object_new ();
  JsonObject *object;

  json_object_set_int_member (top, "documents", stats->n_documents);
  json_object_set_int_member (top, "invalid", stats->n_invalid);
  object = json_object_new ();
  json_object_set_int_member (object, "new", stats->by_status[SM_DOCUMENT_STATUS_NEW]);
  json_object_set_int_member (object, "in-progress", stats->by_status[SM_DOCUMENT_STATUS_IN_PROGRESS]);
  json_object_set_int_member (object, "done", stats->by_status[SM_DOCUMENT_STATUS_DONE]);
  json_object_set_object_member (top, "status", object);
  json_object_set_int_member (top, "characters", stats->n_characters);
  json_object_set_int_member (top, "spans", stats->n_spans);
  json_object_set_int_member (top, "discontinuous_spans", stats->n_discontinuous);
  json_object_set_object_member (top, "labels", counts_object (stats->labels));
  json_object_set_int_member (top, "relations", stats->n_relations);
  json_object_set_object_member (top, "relation_types", counts_object (stats->relation_types));
  json_object_set_int_member (top, "claims", stats->n_claims);
  json_object_set_int_member (top, "attributed_claims", stats->n_attributed);
  object = json_object_new ();
  json_object_set_int_member (object, "median", percentile (stats, 50));
  json_object_set_int_member (object, "p90", percentile (stats, 90));
  json_object_set_int_member (object, "max", percentile (stats, 100));
  json_object_set_object_member (top, "spans_per_document", object);

  sm_cli_print_json (top);
}

#define CHART_WIDTH 24

/* The label distribution, as bars a terminal can show */
static void
print_label_chart (Stats *stats)
{
  const char *block = g_get_charset (NULL) ? "\xe2\x96\x88" : "#";
  guint64 most = 0;

  for (guint i = 0; i < stats->labels->len; i++)
    most = MAX (most, ((Count *) g_ptr_array_index (stats->labels, i))->count);

  for (guint i = 0; i < stats->labels->len; i++)
    {
      Count *count = g_ptr_array_index (stats->labels, i);
      guint width = most ? (guint) ((count->count * CHART_WIDTH + most - 1) / most) : 0;
      g_autoptr(GString) bar = g_string_new (NULL);

      for (guint j = 0; j < width; j++)
        g_string_append (bar, block);

      g_print ("  %-10s %-6" G_GUINT64_FORMAT " %s %.0f%%\n", count->name, count->count, bar->str,
               stats->n_spans ? 100.0 * count->count / stats->n_spans : 0.0);
    }
}

static void
print_table (Stats *stats)
{
  g_print (_("Documents    %u (%u new, %u in progress, %u done)\n"),
           stats->n_documents,
           stats->by_status[SM_DOCUMENT_STATUS_NEW],
           stats->by_status[SM_DOCUMENT_STATUS_IN_PROGRESS],
           stats->by_status[SM_DOCUMENT_STATUS_DONE]);
  /* %llu, not G_GUINT64_FORMAT, inside _(): xgettext cannot see past a macro */
  g_print (_("Characters   %llu\n"), (unsigned long long) stats->n_characters);
  if (stats->n_discontinuous > 0)
    g_print (_("Spans        %llu (%llu discontinuous, in several fragments)\n"),
             (unsigned long long) stats->n_spans, (unsigned long long) stats->n_discontinuous);
  else
    g_print (_("Spans        %llu\n"), (unsigned long long) stats->n_spans);
  print_label_chart (stats);
  g_print (_("Per document median %u, 90th percentile %u, most %u\n"),
           percentile (stats, 50), percentile (stats, 90), percentile (stats, 100));
  g_print (_("Relations    %llu\n"), (unsigned long long) stats->n_relations);
  for (guint i = 0; i < stats->relation_types->len; i++)
    {
      Count *count = g_ptr_array_index (stats->relation_types, i);

      g_print ("  %-10s %" G_GUINT64_FORMAT "\n", count->name, count->count);
    }
  g_print (_("Claims       %llu (%llu attributed to a speaker)\n"),
           (unsigned long long) stats->n_claims, (unsigned long long) stats->n_attributed);
}

int
sm_cli_stats (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GPtrArray) seen = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean json = FALSE;
  guint n_inputs_failed = 0;
  Stats stats = { 0, };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("[--json] INPUT…"),
    _("Count the documents (by status), characters, spans (by label, with a chart, and per\n"
      "document), relations (by type) and attributed claims of Spanmark files.\n"
      "Each INPUT is a Spanmark file (.json), or a folder searched for them; there an article\n"
      "(.txt) with no Spanmark file beside it counts as a new document."),
    _("Exit status: 0 if every file was read, 1 if some could not be (the others are\n"
      "counted), 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "stats", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (inputs == NULL || inputs[0] == NULL)
    return sm_cli_usage_error ("stats", _("give the Spanmark files or folders to count"));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *display_name = sm_cli_display_name (inputs[i]);
      g_autoptr(GError) error = NULL;

      if (!sm_corpus_add_file (corpus, file, display_name, NULL, &error))
        {
          sm_cli_print_error (error);
          n_inputs_failed++;
        }
    }

  stats.labels = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  stats.relation_types = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  stats.spans_per_document = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        count_unannotated_articles (file, &stats);
    }

  /* The labels of the folders' schemas, in their order, used or not */
  seen = g_ptr_array_new ();
  for (guint i = 0; i < sm_corpus_get_n_inputs (corpus); i++)
    {
      SmProject *schema = sm_corpus_get_project (corpus, i);
      GListModel *labels;

      if (schema == NULL || g_ptr_array_find (seen, schema, NULL))
        continue;
      g_ptr_array_add (seen, schema);

      if (stats.schema_labels == NULL)
        stats.schema_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      labels = sm_project_get_labels (schema);
      for (guint j = 0; j < g_list_model_get_n_items (labels); j++)
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, j);

          g_hash_table_add (stats.schema_labels, g_strdup (sm_label_get_id (label)));
          add_count (stats.labels, sm_label_get_id (label), 0);
        }
    }

  sm_cli_progress_init (&stats.progress, _("Counting"));
  sm_corpus_foreach (corpus, count_document, &stats, NULL, NULL);
  sm_cli_progress_finish (&stats.progress);
  g_array_sort (stats.spans_per_document, compare_counts);

  if (json)
    print_json (&stats);
  else
    print_table (&stats);

  g_ptr_array_unref (stats.labels);
  g_clear_pointer (&stats.schema_labels, g_hash_table_unref);
  g_ptr_array_unref (stats.relation_types);
  g_array_unref (stats.spans_per_document);

  return stats.n_invalid > 0 || n_inputs_failed > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
