/* sm-cli-import.c: spanmark-cli import, a dataset or articles as Spanmark files.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-cli.h"
#include "sm-import.h"

int
sm_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmImporter) importer = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean force = FALSE;
  gboolean as_suggestions = FALSE;
  SmImportFormat format;
  SmCliProgress progress;
  guint n_inputs_failed = 0;
  guint n_imported;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format to read: brat, jsonl or text"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the Spanmark files in (made if missing); without it, each is"
         " written beside the file it came from"), N_("DIR") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace Spanmark files that exist"), NULL },
    { "as-suggestions", 0, 0, G_OPTION_ARG_NONE, &as_suggestions,
      N_("Read the spans as suggestions to review (a model’s predictions), not as annotations"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Name NAME as the annotator in the files written"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("--from FORMAT [-o DIR] [--force] [--as-suggestions] [--annotator NAME] INPUT…"),
    _("Make a Spanmark file (.json) of each document of a dataset, or of each plain article.\n"
      "Each INPUT is a file, or a folder searched for the format’s files."),
    _("Formats:\n"
      "  brat    .ann files with the .txt of the same name beside them (T spans, R relations,\n"
      "          # AnnotatorNotes; other lines are reported, not imported)\n"
      "  jsonl   doccano JSON Lines: “label” triples, or “entities” and “relations”\n"
      "  text    plain-text articles (.txt), which become documents with no spans\n"
      "\n"
      "Every span’s offsets and text are checked against the document’s text: a document\n"
      "whose spans do not match is not imported, and the message says where and why.\n"
      "\n"
      "With --as-suggestions every span becomes a pending suggestion (a claim keeps its\n"
      "said_by speaker), which the window shows for review and no export counts.\n"
      "\n"
      "Exit status: 0 if every input was imported, 1 if some input was refused (the others\n"
      "are imported) or a file could not be written, 2 for a wrong command line.\n"
      "\n"
      "Example:\n"
      "  spanmark-cli import --from brat -o annotated/ brat-data/"),
    entries);

  if (!sm_cli_parse (context, "import", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (format_name == NULL)
    return sm_cli_usage_error ("import", _("say which format to read with --from (brat, jsonl or text)"));

  if (!sm_import_format_from_string (format_name, &format))
    return sm_cli_usage_error ("import", _("“%s” is not an import format: use brat, jsonl or text"),
                               format_name);

  if (inputs == NULL || inputs[0] == NULL)
    return sm_cli_usage_error ("import", _("give the files or folders to import"));

  importer = sm_importer_new (format);
  sm_importer_set_as_suggestions (importer, as_suggestions);
  sm_importer_set_annotator (importer, annotator);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *display_name = sm_cli_display_name (inputs[i]);
      g_autoptr(GError) input_error = NULL;

      if (!sm_importer_add_file (importer, file, display_name, NULL, &input_error))
        {
          sm_cli_print_error (input_error);
          n_inputs_failed++;
        }
    }

  sm_cli_progress_init (&progress, _("Importing"));
  sm_importer_set_progress_func (importer, sm_cli_progress_update, &progress, NULL);

  if (output != NULL)
    folder = g_file_new_for_commandline_arg (output);

  if (!sm_importer_import_to_folder (importer, folder,
                                     force ? SM_IMPORT_FLAGS_OVERWRITE : SM_IMPORT_FLAGS_NONE,
                                     warnings, errors, NULL, &error))
    {
      sm_cli_progress_finish (&progress);
      sm_cli_print_messages (warnings);
      sm_cli_print_messages (errors);
      sm_cli_print_error (error);
      return SM_CLI_EXIT_INVALID;
    }

  sm_cli_progress_finish (&progress);
  sm_cli_print_messages (warnings);
  sm_cli_print_messages (errors);

  n_imported = sm_importer_get_n_imported (importer);
  if (output != NULL)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Imported %u document into %s\n",
                             "Imported %u documents into %s\n", n_imported),
                n_imported, output);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Imported %u document\n",
                             "Imported %u documents\n", n_imported),
                n_imported);

  return errors->len > 0 || n_inputs_failed > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
