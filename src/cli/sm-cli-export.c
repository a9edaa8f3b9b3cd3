/* sm-cli-export.c: spanmark-cli export, Spanmark files as a dataset.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "sm-cli.h"
#include "sm-export.h"

/* Writes to standard output go through a buffer of this size */
#define STDOUT_BUFFER (256 * 1024)

static gboolean
parse_statuses (char   **values,
                guint   *statuses,
                char   **bad)
{
  *statuses = 0;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          SmDocumentStatus status;

          if (!sm_document_status_from_string (g_strstrip (parts[j]), &status))
            {
              *bad = g_strdup (parts[j]);
              return FALSE;
            }
          *statuses |= SM_EXPORT_STATUS (status);
        }
    }

  if (*statuses == 0)
    *statuses = SM_EXPORT_ALL_STATUSES;

  return TRUE;
}

/* Exporting a file over one of its own inputs would lose it */
static gboolean
is_an_input (GFile  *output,
             char  **inputs)
{
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (inputs[i]);

      if (g_file_equal (input, output))
        return TRUE;
    }

  return FALSE;
}

int
sm_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmCorpus) corpus = sm_corpus_new ();
  g_autoptr(SmExporter) exporter = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *bad_status = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) status_names = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean force = FALSE;
  gboolean ascii = FALSE;
  gboolean ok;
  SmExportFormat format;
  SmCliProgress progress;
  guint statuses;
  guint n_inputs_failed = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format to write: jsonl, brat, conll, csv or html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a file, or a folder for brat and for an HTML page per document;"
         " standard output if not given"), N_("OUT") },
    { "label", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &labels,
      N_("Export only the spans with this label (repeat for more); in conll, the tag columns"),
      N_("LABEL") },
    { "status", 's', 0, G_OPTION_ARG_STRING_ARRAY, &status_names,
      N_("Export only the documents with this status: new, in-progress or done (repeat for more)"),
      N_("STATUS") },
    { "ascii", 0, 0, G_OPTION_ARG_NONE, &ascii,
      N_("In jsonl, write every non-ASCII character as a \\uXXXX escape, for readers that"
         " guess the encoding; offsets stay the same"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace output files that exist"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("--format FORMAT [-o OUT] [--label LABEL] [--status STATUS] [--ascii] [--force] INPUT…"),
    _("Write Spanmark files as a dataset. Each INPUT is a Spanmark file (.json), or a folder"
      " searched for them."),
    _("Formats:\n"
      "  jsonl   one document per line, for doccano and any JSON Lines reader\n"
      "  brat    a .txt and an .ann file per document, and annotation.conf (-o is a folder)\n"
      "  conll   a token per line with IOB2 tags, one column per label\n"
      "  csv     one row per span, with the speaker of each claim\n"
      "  html    a page showing the annotations (-o an existing folder: a page per document)\n"
      "\n"
      "Exit status: 0 if every input was exported, 1 if some input could not be read (the\n"
      "others are exported) or the output could not be written, 2 for a wrong command line.\n"
      "\n"
      "Example:\n"
      "  spanmark-cli export --format jsonl --status done -o corpus.jsonl articles/"),
    entries);

  if (!sm_cli_parse (context, "export", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  if (format_name == NULL)
    return sm_cli_usage_error ("export", _("say which format to write with --format"
                                           " (jsonl, brat, conll, csv or html)"));

  if (!sm_export_format_from_string (format_name, &format))
    return sm_cli_usage_error ("export", _("“%s” is not an export format: use jsonl, brat, conll,"
                                           " csv or html"), format_name);

  if (ascii && format != SM_EXPORT_FORMAT_JSONL)
    return sm_cli_usage_error ("export", _("--ascii is for --format jsonl: %s is not JSON"),
                               format_name);

  if (inputs == NULL || inputs[0] == NULL)
    return sm_cli_usage_error ("export", _("give the Spanmark files or folders to export"));

  if (!parse_statuses (status_names, &statuses, &bad_status))
    return sm_cli_usage_error ("export", _("“%s” is not a status: use new, in-progress or done"),
                               bad_status);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      g_autoptr(GError) label_error = NULL;

      if (!sm_label_id_is_valid (labels[i], &label_error))
        return sm_cli_usage_error ("export", "--label %s: %s", labels[i], label_error->message);
    }

  if (output == NULL && sm_export_format_writes_folder (format))
    return sm_cli_usage_error ("export", _("brat writes a .txt and an .ann file for each document:"
                                           " give the folder to write them in with -o"));

  if (output != NULL)
    {
      g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);

      if (is_an_input (destination, inputs))
        return sm_cli_usage_error ("export", _("the output %s is also an input: choose another"
                                               " name for the output"), output);
    }

  exporter = sm_exporter_new (format);
  sm_exporter_set_labels (exporter, (const char * const *) labels);
  sm_exporter_set_statuses (exporter, statuses);
  sm_exporter_set_ascii (exporter, ascii);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *display_name = sm_cli_display_name (inputs[i]);
      g_autoptr(GError) input_error = NULL;

      if (!sm_corpus_add_file (corpus, file, display_name, NULL, &input_error))
        {
          sm_cli_print_error (input_error);
          n_inputs_failed++;
        }
    }

  sm_cli_progress_init (&progress, _("Exporting"));
  sm_exporter_set_progress_func (exporter, sm_cli_progress_update, &progress, NULL);

  if (output == NULL)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, STDOUT_BUFFER);

      ok = sm_exporter_export_to_stream (exporter, corpus, buffered, warnings, errors, NULL, &error) &&
           g_output_stream_close (buffered, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);
      gsize length = strlen (output);

      /* "-o pages/" asks for a folder: an HTML page per document */
      if (format == SM_EXPORT_FORMAT_HTML && length > 0 && output[length - 1] == '/')
        g_file_make_directory_with_parents (destination, NULL, NULL);

      ok = sm_exporter_export_to_file (exporter, corpus, destination,
                                       force ? SM_EXPORT_FLAGS_OVERWRITE : SM_EXPORT_FLAGS_NONE,
                                       warnings, errors, NULL, &error);
    }

  sm_cli_progress_finish (&progress);
  sm_cli_print_messages (warnings);
  sm_cli_print_messages (errors);

  if (!ok)
    {
      if (g_error_matches (error, SM_EXPORT_ERROR, SM_EXPORT_ERROR_EXISTS))
        g_printerr (_("%s (use --force to replace it)\n"), error->message);
      else
        sm_cli_print_error (error);
      return SM_CLI_EXIT_INVALID;
    }

  if (output != NULL || errors->len > 0 || n_inputs_failed > 0)
    {
      guint n_exported = sm_exporter_get_n_exported (exporter);

      if (output != NULL)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %u document to %s\n",
                                 "Exported %u documents to %s\n", n_exported),
                    n_exported, output);
      else
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %u document\n",
                                 "Exported %u documents\n", n_exported),
                    n_exported);
    }

  return errors->len > 0 || n_inputs_failed > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
