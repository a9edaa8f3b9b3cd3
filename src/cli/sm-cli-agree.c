/* sm-cli-agree.c: spanmark-cli agree, how far annotators agree.
 *
 * Each file's annotator is its own `annotator`, or else the name of the
 * INPUT folder it came from (one folder per annotator), as
 * sm-agreement-read.h decides for the window too. Versions of an article
 * are paired by their text's checksum. The figures are SmAgreement's
 * (src/core/teams); this file prints them.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sm-agreement-read.h"
#include "sm-cli.h"
#include "sm-git-versions.h"

typedef struct
{
  SmCliProgress  progress;
  guint          n_invalid;
} Agree;

static void
on_read (SmAgreementReadOutcome  outcome,
         const char             *display_name,
         const char             *annotator,
         const GError           *error,
         guint                   done,
         guint                   total,
         gpointer                user_data)
{
  Agree *agree = user_data;

  /* Branches are read without a count to show */
  if (total > 0)
    sm_cli_progress_update (done, total, &agree->progress);

  switch (outcome)
    {
    case SM_AGREEMENT_READ_ADDED:
      break;

    case SM_AGREEMENT_READ_UNREADABLE:
      sm_cli_progress_finish (&agree->progress);
      sm_cli_print_error (error);
      agree->n_invalid++;
      break;

    case SM_AGREEMENT_READ_DUPLICATE:
      sm_cli_progress_finish (&agree->progress);
      g_printerr (_("%s: %s has another version of the same text already; this one is left out\n"),
                  display_name, annotator);
      break;

    case SM_AGREEMENT_READ_CURATED:
      sm_cli_progress_finish (&agree->progress);
      g_printerr (_("%s: a curated result of several versions, not an annotator’s; left out\n"),
                  display_name);
      break;
    }
}

static gboolean
read_input (SmAgreement *agreement,
            const char  *input,
            Agree       *agree)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autofree char *display_name = sm_cli_display_name (input);
  g_autoptr(GError) error = NULL;
  gboolean read;

  read = sm_agreement_read_input (agreement, file, display_name, on_read, agree, NULL, &error);
  sm_cli_progress_finish (&agree->progress);
  if (!read)
    sm_cli_print_error (error);

  return read;
}

/* One git branch per annotator: each branch's files under the folder */
typedef struct
{
  Agree       *agree;
  SmAgreement *agreement;
  const char  *branch;
} Branch;

static gboolean
add_branch_version (const char   *path,
                    SmDocument   *document,
                    const GError *error,
                    gpointer      user_data)
{
  Branch *branch = user_data;
  g_autofree char *display_name = g_strdup_printf ("%s:%s", branch->branch, path);
  const char *annotator;

  if (error != NULL)
    {
      on_read (SM_AGREEMENT_READ_UNREADABLE, display_name, NULL, error, 0, 0, branch->agree);
      return TRUE;
    }

  /* The annotator is the file's, or else the branch's */
  annotator = sm_document_get_annotator (document);
  if (annotator == NULL || annotator[0] == '\0')
    annotator = branch->branch;

  on_read (sm_agreement_add_version (branch->agreement, annotator, document, NULL),
           display_name, annotator, NULL, 0, 0, branch->agree);

  return TRUE;
}

/* The versions of the files under @folder (%NULL: the repository's top) on
 * each of @branches, a file naming no annotator being the branch's */
static gboolean
read_branches (SmAgreement        *agreement,
               const char * const *branches,
               const char         *folder,
               Agree              *agree)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;

  if (folder == NULL && !(folder = top = sm_git_dup_top_folder (".", NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; branches[i] != NULL; i++)
    {
      Branch branch = { agree, agreement, branches[i] };

      if (!sm_git_foreach_version (folder, branches[i], add_branch_version, &branch, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
set_figure (JsonObject *object,
            const char *name,
            double      value)
{
  if (isnan (value))
    json_object_set_null_member (object, name);
  else
    json_object_set_double_member (object, name, value);
}

static JsonObject *
figures_to_json (const SmAgreementFigures *figures)
{
  JsonObject *object = json_object_new ();

  set_figure (object, "f1_exact", figures->f1_exact);
  set_figure (object, "f1_overlap", figures->f1_overlap);
  set_figure (object, "kappa", figures->kappa);
  set_figure (object, "alpha", figures->alpha);
  set_figure (object, "alpha_u", figures->alpha_u);

  return object;
}

/* A pair's or a document's figures: the same getter's shape */
typedef void (*FiguresGetter) (SmAgreement        *agreement,
                               guint               position,
                               const char         *label,
                               SmAgreementFigures *figures);

static JsonObject *
labels_to_json (SmAgreement   *agreement,
                FiguresGetter  get,
                guint          position,
                char         **labels)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; labels[i] != NULL; i++)
    {
      SmAgreementFigures figures;

      get (agreement, position, labels[i], &figures);
      json_object_set_object_member (object, labels[i], figures_to_json (&figures));
    }

  return object;
}

static void
print_json (SmAgreement *agreement)
{
  g_autoptr(JsonObject) top = json_object_new ();
  g_auto(GStrv) annotators = sm_agreement_dup_annotators (agreement);
  g_auto(GStrv) labels = sm_agreement_dup_labels (agreement);
  g_auto(GStrv) types = sm_agreement_dup_relation_types (agreement);
  JsonArray *array = json_array_new ();
  JsonObject *object = json_object_new ();

  json_object_set_int_member (top, "documents", sm_agreement_get_n_documents (agreement));
  for (guint i = 0; annotators[i] != NULL; i++)
    json_array_add_string_element (array, annotators[i]);
  json_object_set_array_member (top, "annotators", array);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      SmAgreementFigures figures;

      sm_agreement_get_figures (agreement, labels[i], &figures);
      json_object_set_object_member (object, labels[i], figures_to_json (&figures));
    }
  json_object_set_object_member (top, "labels", object);

  object = json_object_new ();
  for (guint i = 0; types[i] != NULL; i++)
    {
      JsonObject *relation = json_object_new ();

      set_figure (relation, "f1", sm_agreement_get_relation_f1 (agreement, types[i]));
      json_object_set_object_member (object, types[i], relation);
    }
  json_object_set_object_member (top, "relations", object);

  array = json_array_new ();
  for (guint p = 0; p < sm_agreement_get_n_pairs (agreement); p++)
    {
      JsonObject *pair = json_object_new ();
      const char *a, *b;

      sm_agreement_get_pair (agreement, p, &a, &b);
      json_object_set_string_member (pair, "a", a);
      json_object_set_string_member (pair, "b", b);
      json_object_set_object_member (pair, "labels",
                                     labels_to_json (agreement, sm_agreement_get_pair_figures, p, labels));
      json_array_add_object_element (array, pair);
    }
  json_object_set_array_member (top, "pairs", array);

  array = json_array_new ();
  for (guint d = 0; d < sm_agreement_get_n_documents (agreement); d++)
    {
      JsonObject *document = json_object_new ();
      g_auto(GStrv) names = sm_agreement_dup_document_annotators (agreement, d);
      g_autofree char *name = sm_agreement_dup_document_name (agreement, d);
      JsonArray *names_array = json_array_new ();

      json_object_set_string_member (document, "name", name);
      json_object_set_string_member (document, "sha256", sm_agreement_get_document_sha256 (agreement, d));
      for (guint i = 0; names[i] != NULL; i++)
        json_array_add_string_element (names_array, names[i]);
      json_object_set_array_member (document, "annotators", names_array);
      json_object_set_int_member (document, "disagreement",
                                  sm_agreement_get_document_disagreement (agreement, d));
      json_object_set_object_member (document, "labels",
                                     labels_to_json (agreement, sm_agreement_get_document_figures, d, labels));
      json_array_add_object_element (array, document);
    }
  json_object_set_array_member (top, "by_document", array);

  sm_cli_print_json (top);
}

static char *
format_figure (double value)
{
  /* "-" for a figure that is undefined, as "null" in --json */
  return isnan (value) ? g_strdup ("-") : g_strdup_printf ("%.3f", value);
}

/* A row of a label's figures, after the cells of @leading (%NULL-terminated) */
static void
add_label_row (GPtrArray                *rows,
               const char * const       *leading,
               const char               *label,
               const SmAgreementFigures *figures)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autofree char *exact = format_figure (figures->f1_exact);
  g_autofree char *overlap = format_figure (figures->f1_overlap);
  g_autofree char *kappa = format_figure (figures->kappa);
  g_autofree char *alpha = format_figure (figures->alpha);
  g_autofree char *alpha_u = format_figure (figures->alpha_u);

  g_strv_builder_addv (row, (const char **) leading);
  g_strv_builder_add_many (row, label, exact, overlap, kappa, alpha, alpha_u, NULL);
  g_ptr_array_add (rows, g_strv_builder_end (row));
}

static void
add_label_rows (GPtrArray                *rows,
                const char               *label,
                const SmAgreementFigures *figures)
{
  const char *none[] = { NULL };

  add_label_row (rows, none, label, figures);
}

/* One row per document and label, the document's own cells on its first
 * row only, the documents that disagree most first */
static void
print_documents (SmAgreement *agreement,
                 char       **labels)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_print (_("\nDocuments, most disagreement first\n"));
  g_ptr_array_add (rows, sm_cli_row_new (_("Document"), _("Annotators"), _("Unmatched spans"),
                                         _("Label"), _("F1 exact"), _("F1 overlap"),
                                         _("κ"), _("α"), _("α_u"), NULL));
  for (guint d = 0; d < sm_agreement_get_n_documents (agreement); d++)
    {
      g_autofree char *name = sm_agreement_dup_document_name (agreement, d);
      g_auto(GStrv) annotators = sm_agreement_dup_document_annotators (agreement, d);
      g_autofree char *names = g_strjoinv (", ", annotators);
      g_autofree char *unmatched = g_strdup_printf ("%u", sm_agreement_get_document_disagreement (agreement, d));
      const char *first[] = { name, names, unmatched, NULL };
      const char *next[] = { "", "", "", NULL };

      for (guint i = 0; labels[i] != NULL; i++)
        {
          SmAgreementFigures figures;

          sm_agreement_get_document_figures (agreement, d, labels[i], &figures);
          add_label_row (rows, i == 0 ? first : next, labels[i], &figures);
        }
    }
  sm_cli_print_columns (rows);
}

static void
print_table (SmAgreement *agreement)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) annotators = sm_agreement_dup_annotators (agreement);
  g_auto(GStrv) labels = sm_agreement_dup_labels (agreement);
  g_auto(GStrv) types = sm_agreement_dup_relation_types (agreement);
  g_autofree char *names = g_strjoinv (", ", annotators);
  guint n_documents = sm_agreement_get_n_documents (agreement);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u document annotated by two annotators or more; annotators: %s\n",
                        "%u documents annotated by two annotators or more; annotators: %s\n",
                        n_documents),
           n_documents, names);
  g_print (_("Figures are averaged over pairs of annotators, except α (all at once)\n"));
  g_print ("\n");

  g_ptr_array_add (rows, sm_cli_row_new (_("Label"), _("F1 exact"), _("F1 overlap"),
                                         _("κ"), _("α"), _("α_u"), NULL));
  for (guint i = 0; labels[i] != NULL; i++)
    {
      SmAgreementFigures figures;

      sm_agreement_get_figures (agreement, labels[i], &figures);
      add_label_rows (rows, labels[i], &figures);
    }
  sm_cli_print_columns (rows);

  if (types[0] != NULL)
    {
      g_print ("\n");
      g_ptr_array_set_size (rows, 0);
      g_ptr_array_add (rows, sm_cli_row_new (_("Relation"), _("F1"), NULL));
      for (guint i = 0; types[i] != NULL; i++)
        {
          g_autofree char *f1 = format_figure (sm_agreement_get_relation_f1 (agreement, types[i]));

          g_ptr_array_add (rows, sm_cli_row_new (types[i], f1, NULL));
        }
      sm_cli_print_columns (rows);
    }

  for (guint p = 0; p < sm_agreement_get_n_pairs (agreement); p++)
    {
      const char *a, *b;

      sm_agreement_get_pair (agreement, p, &a, &b);
      /* TRANSLATORS: two annotators' names */
      g_print (_("\n%s and %s\n"), a, b);
      g_ptr_array_set_size (rows, 0);
      g_ptr_array_add (rows, sm_cli_row_new (_("Label"), _("F1 exact"), _("F1 overlap"),
                                             _("κ"), _("α"), _("α_u"), NULL));
      for (guint i = 0; labels[i] != NULL; i++)
        {
          SmAgreementFigures figures;

          sm_agreement_get_pair_figures (agreement, p, labels[i], &figures);
          add_label_rows (rows, labels[i], &figures);
        }
      sm_cli_print_columns (rows);
    }

  print_documents (agreement, labels);
}

int
sm_cli_agree (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmAgreement) agreement = NULL;
  g_auto(GStrv) inputs = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) branches = NULL;
  gboolean json = FALSE;
  gboolean inputs_read = TRUE;
  Agree agree = { 0, };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &labels,
      N_("Measure this label only (may be given more than once)"), N_("LABEL") },
    { "branch", 0, 0, G_OPTION_ARG_STRING_ARRAY, &branches,
      N_("Read the files as this git branch has them, one branch per annotator "
         "(may be given more than once)"), N_("BRANCH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("[--json] [--label LABEL]… INPUT…\n"
      "  spanmark-cli agree [--json] [--label LABEL]… --branch BRANCH… [FOLDER]"),
    _("Measure how far annotators of the same articles agree, per label: F1 of spans matched\n"
      "exactly and by overlap, Cohen’s κ and Krippendorff’s α over tokens, and Krippendorff’s\n"
      "unitizing α over characters; and per relation type the F1 of relations whose two ends\n"
      "are matched spans. INPUT are Spanmark files (.json) or folders searched for them. A\n"
      "file’s annotator is the one it names, or else the name of the INPUT folder it came from\n"
      "(one folder per annotator). With --branch, the files under FOLDER (by default the git\n"
      "repository’s top) are read as each BRANCH has them, a file naming no annotator being\n"
      "the branch’s (one branch per annotator). Versions of an article are paired by their\n"
      "text. Each pair of annotators is measured over the articles both annotated, counts\n"
      "summed before dividing, and the figures are averaged over the pairs; α takes all\n"
      "annotators at once.\n"
      "docs/agreement.md defines each figure."),
    _("A figure that is undefined (F1 with no span of the label on either side, κ or α with\n"
      "one value only, α_u with no span of the label) is shown as - (null in JSON) and left\n"
      "out of the averages.\n"
      "\n"
      "Exit status: 0 if every file was read, 1 if some could not be or no article was\n"
      "annotated by two annotators, 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "agree", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (branches != NULL && inputs != NULL && inputs[0] != NULL && inputs[1] != NULL)
    return sm_cli_usage_error ("agree", _("with --branch, give one folder of the repository at most"));

  if (branches == NULL && (inputs == NULL || inputs[0] == NULL))
    return sm_cli_usage_error ("agree", _("give the annotators’ files or folders"));

  agreement = sm_agreement_new ((const char * const *) labels);

  sm_cli_progress_init (&agree.progress, _("Reading"));
  if (branches != NULL)
    inputs_read = read_branches (agreement, (const char * const *) branches,
                                 inputs != NULL ? inputs[0] : NULL, &agree);
  for (guint i = 0; branches == NULL && inputs[i] != NULL; i++)
    inputs_read = read_input (agreement, inputs[i], &agree) && inputs_read;

  if (!inputs_read)
    return SM_CLI_EXIT_INVALID;

  if (sm_agreement_get_n_documents (agreement) == 0)
    {
      g_printerr (_("No article was annotated by two annotators: nothing to compare\n"));
      return SM_CLI_EXIT_INVALID;
    }

  if (json)
    print_json (agreement);
  else
    print_table (agreement);

  return agree.n_invalid > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
