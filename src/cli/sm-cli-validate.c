/* sm-cli-validate.c: spanmark-cli validate, checking Spanmark files.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-cli.h"
#include "sm-corpus.h"
#include "sm-merge.h"

typedef struct
{
  SmCliProgress progress;
  guint         n_valid;
  guint         n_invalid;
} Validation;

/* A merge's undecided conflicts (docs/format.md) leave a file valid to
 * load but not ready as data: reported like any other problem. Runs in
 * the thread that read the document, which frees it after.
 *
 * Returns: (nullable): %NULL if @document is ready, or the message
 *   saying why not */
static gpointer
check_conflicts (SmCorpus   *corpus,
                 guint       position,
                 SmDocument *document,
                 gpointer    user_data)
{
  const char *name = sm_corpus_get_display_name (corpus, position);
  guint n = sm_merge_count_conflicts (document);
  const char *kind = NULL;
  const char *span = NULL;

  if (n == 0)
    return NULL;

  sm_merge_get_conflict (document, 0, &kind, &span);
  if (kind == NULL)
    kind = "?";

  if (span != NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u unresolved merge conflict (first: span %s, kind %s)\n",
                                         "%s: %u unresolved merge conflicts (first: span %s, kind %s)\n", n),
                            name, n, span, kind);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %u unresolved merge conflict (first: kind %s)\n",
                                       "%s: %u unresolved merge conflicts (first: kind %s)\n", n),
                          name, n, kind);
}

/* In input order, in the main thread: @problem is what check_conflicts()
 * said, %NULL for a ready document */
static gboolean
check_document (SmCorpus     *corpus,
                guint         position,
                gpointer      problem,
                const GError *error,
                gpointer      user_data)
{
  Validation *validation = user_data;

  if (error != NULL)
    {
      sm_cli_progress_finish (&validation->progress);
      sm_cli_print_error (error);
      validation->n_invalid++;
    }
  else if (problem != NULL)
    {
      sm_cli_progress_finish (&validation->progress);
      g_printerr ("%s", (const char *) problem);
      validation->n_invalid++;
    }
  else
    validation->n_valid++;

  sm_cli_progress_update (position + 1, sm_corpus_get_n_inputs (corpus), &validation->progress);

  return TRUE;
}

int
sm_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_auto(GStrv) inputs = NULL;
  Validation validation = { 0, };
  guint n_inputs_failed = 0;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("INPUT…"),
    _("Check Spanmark files: that each is a Spanmark file, that its text matches its length and\n"
      "SHA-256, and that its labels, spans and relations are consistent, each relation's ends\n"
      "fitting its type, and that no merge left conflicts undecided in it. Nothing is written.\n"
      "Each INPUT is a Spanmark file (.json), or a folder searched for them, whose\n"
      "spanmark-project.json, if any, gives the relation types."),
    _("Each problem is written to standard error as FILE:LINE:COL: message,\n"
      "FILE: span ID: message or FILE: relation ID: message; a file a merge left\n"
      "conflicts in, as FILE: N unresolved merge conflicts (first: span ID, kind KIND).\n"
      "\n"
      "Exit status: 0 if every file is valid, 1 if some is not, 2 for a wrong command line."),
    entries);

  if (!sm_cli_parse (context, "validate", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (inputs == NULL || inputs[0] == NULL)
    return sm_cli_usage_error ("validate", _("give the Spanmark files or folders to check"));

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

  sm_cli_progress_init (&validation.progress, _("Checking"));
  sm_corpus_map (corpus, check_conflicts, check_document, g_free, &validation, NULL, NULL);
  sm_cli_progress_finish (&validation.progress);

  if (validation.n_invalid == 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u file is valid\n", "%u files are valid\n",
                          validation.n_valid),
             validation.n_valid);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u file is valid\n", "%u of %u files are valid\n",
                          validation.n_valid + validation.n_invalid),
             validation.n_valid, validation.n_valid + validation.n_invalid);

  return validation.n_invalid > 0 || n_inputs_failed > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
