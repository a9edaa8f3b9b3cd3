/* sm-cli-curate.c: spanmark-cli curate, a curated file of annotators'
 * versions of one document, for a curator to finish in the window.
 *
 * The curation is SmCuration's (src/core/teams): what all versions agree on
 * is in the file, each disagreement recorded under "curation". The options
 * decide some of them as a team's rules say (the majority's side, or one
 * annotator's); the rest are left for the window.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-curation.h"

/* FOLDER/NAME-curated.json beside the first version */
static char *
default_output (const char *first)
{
  g_autofree char *folder = g_path_get_dirname (first);
  g_autofree char *base = g_path_get_basename (first);
  g_autofree char *stem = g_str_has_suffix (base, ".json") ? g_strndup (base, strlen (base) - 5)
                                                           : g_strdup (base);
  g_autofree char *name = g_strconcat (stem, "-curated.json", NULL);

  if (g_str_equal (folder, "."))
    return g_steal_pointer (&name);
  return g_build_filename (folder, name, NULL);
}

int
sm_cli_curate (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmCuration) curation = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *output = NULL;
  g_autofree char *curator = NULL;
  g_autofree char *take = NULL;
  g_autofree char *output_name = NULL;
  gboolean majority = FALSE;
  gboolean force = FALSE;
  guint n_items, n_decided = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the curated file to FILE (default: the first version’s name with “-curated”)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "curator", 0, 0, G_OPTION_ARG_STRING, &curator, N_("Who curates: the curated file’s annotator"), N_("NAME") },
    { "majority", 0, 0, G_OPTION_ARG_NONE, &majority,
      N_("Take the side more than half of the versions took, wherever there is one"), NULL },
    { "take", 0, 0, G_OPTION_ARG_STRING, &take,
      N_("Take this annotator’s side of every disagreement left (after --majority)"), N_("ANNOTATOR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("VERSION…"),
    _("Start a curation of annotators' versions of one document: a new Spanmark file with\n"
      "every span and link all versions agree on, and each disagreement recorded with who\n"
      "did what, for a curator to decide in Spanmark (which opens the file into curation)."),
    _("Versions are compared by label and fragments; an annotator is the file's “annotator”.\n"
      "\n"
      "Exit status: 0 if the file was written, 1 if a version could not be read, the\n"
      "versions are not of one article text, or the file could not be written, 2 for a\n"
      "wrong command line."),
    entries);

  if (!sm_cli_parse (context, "curate", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (inputs == NULL || g_strv_length (inputs) < 2)
    return sm_cli_usage_error ("curate", _("give two or more versions of one document"));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      SmDocument *version = sm_cli_read_document (inputs[i], &error);

      if (version == NULL)
        {
          sm_cli_print_error (error);
          return SM_CLI_EXIT_INVALID;
        }
      g_ptr_array_add (versions, version);
    }

  curation = sm_curation_new (versions, curator, &error);
  if (curation == NULL)
    {
      sm_cli_print_error (error);
      return SM_CLI_EXIT_INVALID;
    }

  if (output == NULL)
    output = default_output (inputs[0]);
  output_name = sm_cli_display_name (output);
  file = g_file_new_for_path (output);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s: exists; give --force to replace it\n"), output_name);
      return SM_CLI_EXIT_INVALID;
    }

  if (majority)
    n_decided += sm_curation_take_majority (curation);
  if (take != NULL)
    n_decided += sm_curation_take_annotator (curation, take);

  if (!sm_document_save_to_file (sm_curation_get_document (curation), file, NULL, &error))
    {
      g_printerr ("%s: %s\n", output_name, error->message);
      return SM_CLI_EXIT_INVALID;
    }

  n_items = g_list_model_get_n_items (sm_curation_get_items (curation));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%s: %u disagreement, %u decided, %u left to decide\n",
                        "%s: %u disagreements, %u decided, %u left to decide\n",
                        n_items),
           output_name, n_items, n_decided, n_items - n_decided);

  return SM_CLI_EXIT_OK;
}
