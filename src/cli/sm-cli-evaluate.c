/* sm-cli-evaluate.c: spanmark-cli evaluate, predictions against a gold.
 *
 * The gold and the predictions are paired by their text's checksum, not by
 * file name, so that a prediction written anywhere, under any name, finds
 * its gold. The figures are SmEvaluation's (src/core/suggest); this file
 * only gathers the documents and prints.
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
#include "sm-evaluation.h"

typedef struct
{
  SmDocument *document;
  char       *display_name;
  gboolean    paired;
} Gold;

typedef struct
{
  SmCliProgress  progress;
  GHashTable    *gold;          /* text SHA-256 → Gold */
  SmEvaluation  *evaluation;
  guint          n_invalid;
  guint          n_unpaired;    /* predictions with no gold */
} Evaluate;

static void
gold_free (Gold *gold)
{
  g_clear_object (&gold->document);
  g_free (gold->display_name);
  g_free (gold);
}

static const char *
document_sha256 (SmDocument *document)
{
  return sm_text_get_sha256 (sm_document_get_text (document));
}

/* Moves the progress on; an input that could not be read is said, counted
 * and skipped (TRUE) */
static gboolean
skip_unreadable (Evaluate     *evaluate,
              SmCorpus     *corpus,
              guint         position,
              const GError *error)
{
  sm_cli_progress_update (position + 1, sm_corpus_get_n_inputs (corpus), &evaluate->progress);

  if (error == NULL)
    return FALSE;

  sm_cli_progress_finish (&evaluate->progress);
  sm_cli_print_error (error);
  evaluate->n_invalid++;

  return TRUE;
}

static gboolean
keep_gold (SmCorpus     *corpus,
           guint         position,
           SmDocument   *document,
           const GError *error,
           gpointer      user_data)
{
  Evaluate *evaluate = user_data;
  const char *display_name = sm_corpus_get_display_name (corpus, position);
  const char *sha256;
  Gold *gold, *earlier;

  if (skip_unreadable (evaluate, corpus, position, error))
    return TRUE;

  sha256 = document_sha256 (document);
  earlier = g_hash_table_lookup (evaluate->gold, sha256);
  if (earlier != NULL)
    {
      sm_cli_progress_finish (&evaluate->progress);
      g_printerr (_("%s: the same text as %s, which is the gold for it\n"),
                  display_name, earlier->display_name);
      return TRUE;
    }

  gold = g_new0 (Gold, 1);
  gold->document = g_object_ref (document);
  gold->display_name = g_strdup (display_name);
  g_hash_table_insert (evaluate->gold, g_strdup (sha256), gold);

  return TRUE;
}

static gboolean
evaluate_prediction (SmCorpus     *corpus,
                     guint         position,
                     SmDocument   *document,
                     const GError *error,
                     gpointer      user_data)
{
  Evaluate *evaluate = user_data;
  Gold *gold;

  if (skip_unreadable (evaluate, corpus, position, error))
    return TRUE;

  gold = g_hash_table_lookup (evaluate->gold, document_sha256 (document));
  if (gold == NULL)
    {
      evaluate->n_unpaired++;
      return TRUE;
    }

  if (gold->paired)
    {
      sm_cli_progress_finish (&evaluate->progress);
      g_printerr (_("%s: %s has a prediction already; this one is left out\n"),
                  sm_corpus_get_display_name (corpus, position), gold->display_name);
      return TRUE;
    }

  gold->paired = TRUE;
  sm_evaluation_add_documents (evaluate->evaluation, gold->document, document);

  return TRUE;
}

/* Reads @input into a corpus and calls @func for each of its documents;
 * FALSE if the input itself cannot be read (said on standard error) */
static gboolean
read_input (const char   *input,
            SmCorpusFunc  func,
            Evaluate     *evaluate)
{
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autofree char *display_name = sm_cli_display_name (input);
  g_autoptr(GError) error = NULL;

  if (!sm_corpus_add_file (corpus, file, display_name, NULL, &error))
    {
      sm_cli_print_error (error);
      return FALSE;
    }

  sm_corpus_foreach (corpus, func, evaluate, NULL, NULL);
  sm_cli_progress_finish (&evaluate->progress);

  return TRUE;
}

static void
set_figure (JsonObject *object,
            const char *name,
            gboolean    defined,
            double      value)
{
  if (defined)
    json_object_set_double_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static gboolean
get_share (guint64  part,
           guint64  whole,
           double  *share)
{
  if (whole == 0)
    return FALSE;

  *share = (double) part / whole;
  return TRUE;
}

static void
print_json (SmEvaluation *evaluation)
{
  g_autoptr(JsonObject) top = json_object_new ();
  g_auto(GStrv) labels = sm_evaluation_dup_labels (evaluation);
  JsonObject *object = json_object_new ();
  SmSaidByCounts said_by;
  double value = 0;
  gboolean defined;

  json_object_set_string_member (top, "match", sm_span_match_mode_to_string (sm_evaluation_get_mode (evaluation)));
  json_object_set_int_member (top, "documents", sm_evaluation_get_n_documents (evaluation));

  for (guint i = 0; labels[i] != NULL; i++)
    {
      JsonObject *figures = json_object_new ();
      SmEvaluationCounts counts;

      sm_evaluation_get_counts (evaluation, labels[i], &counts);
      json_object_set_int_member (figures, "gold", counts.gold);
      json_object_set_int_member (figures, "predicted", counts.predicted);
      json_object_set_int_member (figures, "matched", counts.matched);
      defined = sm_evaluation_counts_get_precision (&counts, &value);
      set_figure (figures, "precision", defined, value);
      defined = sm_evaluation_counts_get_recall (&counts, &value);
      set_figure (figures, "recall", defined, value);
      defined = sm_evaluation_counts_get_f1 (&counts, &value);
      set_figure (figures, "f1", defined, value);
      json_object_set_object_member (object, labels[i], figures);
    }
  json_object_set_object_member (top, "labels", object);

  sm_evaluation_get_said_by (evaluation, &said_by);
  object = json_object_new ();
  json_object_set_int_member (object, "gold", said_by.gold);
  json_object_set_int_member (object, "claim_found", said_by.claim_found);
  json_object_set_int_member (object, "found", said_by.found);
  defined = get_share (said_by.found, said_by.gold, &value);
  set_figure (object, "share", defined, value);
  json_object_set_object_member (top, "said_by", object);

  sm_cli_print_json (top);
}

static char *
format_figure (gboolean defined,
               double   value)
{
  /* "-" for a figure that is undefined, as "null" in --json */
  return defined ? g_strdup_printf ("%.3f", value) : g_strdup ("-");
}

static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

static void
print_table (SmEvaluation *evaluation)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) labels = sm_evaluation_dup_labels (evaluation);
  guint n_documents = sm_evaluation_get_n_documents (evaluation);
  SmSaidByCounts said_by;
  double value = 0;
  gboolean defined;

  if (sm_evaluation_get_mode (evaluation) == SM_SPAN_MATCH_EXACT)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u document, spans matched exactly (the same label and offsets)\n",
                          "%u documents, spans matched exactly (the same label and offsets)\n",
                          n_documents),
             n_documents);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u document, spans matched by overlap (the same label, intersection over union ≥ 0.5)\n",
                          "%u documents, spans matched by overlap (the same label, intersection over union ≥ 0.5)\n",
                          n_documents),
             n_documents);
  g_print ("\n");

  g_ptr_array_add (rows, sm_cli_row_new (_("Label"), _("Gold"), _("Predicted"), _("Matched"),
                                  _("Precision"), _("Recall"), _("F1"), NULL));
  for (guint i = 0; labels[i] != NULL; i++)
    {
      SmEvaluationCounts counts;
      g_autofree char *gold = NULL, *predicted = NULL, *matched = NULL;
      g_autofree char *precision = NULL, *recall = NULL, *f1 = NULL;

      sm_evaluation_get_counts (evaluation, labels[i], &counts);
      gold = format_count (counts.gold);
      predicted = format_count (counts.predicted);
      matched = format_count (counts.matched);
      defined = sm_evaluation_counts_get_precision (&counts, &value);
      precision = format_figure (defined, value);
      defined = sm_evaluation_counts_get_recall (&counts, &value);
      recall = format_figure (defined, value);
      defined = sm_evaluation_counts_get_f1 (&counts, &value);
      f1 = format_figure (defined, value);

      g_ptr_array_add (rows, sm_cli_row_new (labels[i], gold, predicted, matched, precision, recall, f1, NULL));
    }
  sm_cli_print_columns (rows);
  g_print ("\n");

  sm_evaluation_get_said_by (evaluation, &said_by);
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_add (rows, sm_cli_row_new (_("Relation"), _("Gold"), _("Claim found"), _("Share"),
                                  _("Claim and speaker found"), _("Share"), NULL));
  {
    g_autofree char *gold = format_count (said_by.gold);
    g_autofree char *claim_found = format_count (said_by.claim_found);
    g_autofree char *found = format_count (said_by.found);
    g_autofree char *claim_share = NULL, *share = NULL;

    defined = get_share (said_by.claim_found, said_by.gold, &value);
    claim_share = format_figure (defined, value);
    defined = get_share (said_by.found, said_by.gold, &value);
    share = format_figure (defined, value);

    g_ptr_array_add (rows, sm_cli_row_new ("said_by", gold, claim_found, claim_share, found, share, NULL));
  }
  sm_cli_print_columns (rows);
}

int
sm_cli_evaluate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmEvaluation) evaluation = NULL;
  g_autoptr(GHashTable) golds = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *match = NULL;
  gboolean json = FALSE;
  SmSpanMatchMode mode = SM_SPAN_MATCH_OVERLAP;
  Evaluate evaluate = { 0, };
  gboolean inputs_read;
  guint n_gold_unpaired = 0;
  GHashTableIter iter;
  gpointer value;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { "match", 0, 0, G_OPTION_ARG_STRING, &match,
      N_("How spans match: exact, or overlap (the default)"), N_("MODE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("[--json] [--match exact|overlap] GOLD PREDICTED"),
    _("Measure predicted annotations against a gold annotation of the same articles: per label\n"
      "precision, recall and F1, and how many of the gold’s said_by links were found.\n"
      "GOLD and PREDICTED are Spanmark files (.json) or folders searched for them; documents are\n"
      "paired by their text, whatever the files are called. Counts are summed over the documents\n"
      "before dividing. With --match exact a span matches one of the same label and offsets;\n"
      "with overlap (the default) spans of the same label are matched one to one when their\n"
      "characters’ intersection over union is at least 0.5, best matches first. A said_by link\n"
      "is found when its claim and speaker are matched and the prediction links the two."),
    _("A figure that is undefined (precision with nothing predicted, recall with no gold span)\n"
      "is shown as - (null in JSON). Documents of one side with no partner on the other are\n"
      "counted on standard error and left out.\n"
      "\n"
      "Exit status: 0 if every file was read, 1 if some could not be or no document had a\n"
      "partner, 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "evaluate", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (match != NULL && !sm_span_match_mode_from_string (match, &mode))
    return sm_cli_usage_error ("evaluate", _("“%s” is not a way to match spans: use exact or overlap"), match);

  if (inputs == NULL || g_strv_length (inputs) != 2)
    return sm_cli_usage_error ("evaluate", _("give the gold and the predictions: two files or folders"));

  evaluation = sm_evaluation_new (mode);
  golds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gold_free);
  evaluate.gold = golds;
  evaluate.evaluation = evaluation;

  sm_cli_progress_init (&evaluate.progress, _("Reading"));
  inputs_read = read_input (inputs[0], keep_gold, &evaluate);
  inputs_read = read_input (inputs[1], evaluate_prediction, &evaluate) && inputs_read;

  g_hash_table_iter_init (&iter, golds);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (!((Gold *) value)->paired)
        n_gold_unpaired++;
    }

  if (n_gold_unpaired > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u gold document has no prediction: left out\n",
                             "%u gold documents have no prediction: left out\n",
                             n_gold_unpaired),
                n_gold_unpaired);
  if (evaluate.n_unpaired > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u predicted document has no gold document: left out\n",
                             "%u predicted documents have no gold document: left out\n",
                             evaluate.n_unpaired),
                evaluate.n_unpaired);

  if (!inputs_read)
    return SM_CLI_EXIT_INVALID;

  if (sm_evaluation_get_n_documents (evaluation) == 0)
    {
      g_printerr (_("No predicted document has the text of a gold document: nothing to measure\n"));
      return SM_CLI_EXIT_INVALID;
    }

  if (json)
    print_json (evaluation);
  else
    print_table (evaluation);

  return evaluate.n_invalid > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
