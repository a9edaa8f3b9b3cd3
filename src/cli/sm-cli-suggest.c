/* sm-cli-suggest.c: spanmark-cli suggest, proposals for articles and files.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-cli.h"
#include "sm-label.h"
#include "sm-suggest-batch.h"

int
sm_cli_suggest (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SmSuggestBatch) batch = sm_suggest_batch_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_auto(GStrv) inputs = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) suggested = NULL;
  gboolean as_spans = FALSE;
  gboolean force = FALSE;
  SmSuggestBatchFlags flags = SM_SUGGEST_BATCH_NONE;
  SmCliProgress progress;
  guint n_inputs_failed = 0;
  guint n_written;
  const GOptionEntry entries[] = {
    { "label", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &labels,
      N_("Suggest only spans with this label (repeat for more)"), N_("LABEL") },
    { "as-spans", 0, 0, G_OPTION_ARG_NONE, &as_spans,
      N_("Make the suggestions spans and said_by relations, not suggestions to review"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the Spanmark files in (made if missing); without it, each is"
         " written beside the file it came from"), N_("DIR") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace Spanmark files that exist, the inputs themselves included"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Name NAME as the annotator in the files written that name none"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = sm_cli_option_context_new (
    _("[--label LABEL]… [--as-spans] [-o DIR] [--force] [--annotator NAME] INPUT…"),
    _("Suggest speakers, claims with who said them, and figures, and the strings tagged\n"
      "anywhere in the inputs wherever they occur again; write each input as a Spanmark\n"
      "file (.json) with the suggestions pending, for review in Spanmark, or with --as-spans\n"
      "as spans. Each INPUT is an article (.txt), a Spanmark file, or a folder searched for\n"
      "them (there an article with a Spanmark file beside it is that file’s document).\n"
      "Existing spans are kept, and nothing a document has or its annotator rejected is\n"
      "suggested again."),
    _("An article x.txt is written as x.json; a Spanmark file keeps its name, so without -o\n"
      "it is replaced only with --force. Nothing is ever overwritten without --force.\n"
      "\n"
      "Exit status: 0 if every input was read and written, 1 if some was not (the others\n"
      "are written), 2 for a wrong command line.\n"
      "\n"
      "Example:\n"
      "  spanmark-cli suggest --as-spans -o suggested/ articles/"),
    entries);

  if (!sm_cli_parse (context, "suggest", &argc, &argv))
    return SM_CLI_EXIT_USAGE;

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      g_autoptr(GError) label_error = NULL;

      if (!sm_label_id_is_valid (labels[i], &label_error))
        return sm_cli_usage_error ("suggest", "--label %s: %s", labels[i], label_error->message);
    }

  if (inputs == NULL || inputs[0] == NULL)
    return sm_cli_usage_error ("suggest", _("give the articles, Spanmark files or folders to suggest for"));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *display_name = sm_cli_display_name (inputs[i]);
      g_autoptr(GError) input_error = NULL;

      if (!sm_suggest_batch_add_file (batch, file, display_name, NULL, &input_error))
        {
          sm_cli_print_error (input_error);
          n_inputs_failed++;
        }
    }

  if (output != NULL)
    folder = g_file_new_for_commandline_arg (output);
  if (as_spans)
    flags |= SM_SUGGEST_BATCH_AS_SPANS;
  if (force)
    flags |= SM_SUGGEST_BATCH_OVERWRITE;

  sm_suggest_batch_set_labels (batch, (const char * const *) labels);
  sm_suggest_batch_set_annotator (batch, annotator);
  sm_cli_progress_init (&progress, _("Suggesting"));
  sm_suggest_batch_set_progress_func (batch, sm_cli_progress_update, &progress, NULL);

  if (!sm_suggest_batch_run (batch, folder, flags, errors, NULL, &error))
    {
      sm_cli_progress_finish (&progress);
      sm_cli_print_messages (errors);
      sm_cli_print_error (error);
      return SM_CLI_EXIT_INVALID;
    }

  sm_cli_progress_finish (&progress);
  sm_cli_print_messages (errors);
  if (sm_suggest_batch_get_n_existing (batch) > 0)
    g_printerr (_("Give --force to replace files that exist, or -o to write the files elsewhere.\n"));

  n_written = sm_suggest_batch_get_n_written (batch);
  suggested = sm_suggest_batch_dup_labels (batch);
  for (guint i = 0; suggested[i] != NULL; i++)
    {
      guint64 n = sm_suggest_batch_get_n_suggested (batch, suggested[i]);

      /* %llu, not G_GUINT64_FORMAT, inside _(): xgettext cannot see past a macro */
      if (as_spans)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "%-10s %llu span\n", "%-10s %llu spans\n", n),
                    suggested[i], (unsigned long long) n);
      else
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "%-10s %llu suggestion\n", "%-10s %llu suggestions\n", n),
                    suggested[i], (unsigned long long) n);
    }

  if (output != NULL)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u Spanmark file into %s\n",
                             "Wrote %u Spanmark files into %s\n", n_written),
                n_written, output);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u Spanmark file\n",
                             "Wrote %u Spanmark files\n", n_written),
                n_written);

  return errors->len > 0 || n_inputs_failed > 0 ? SM_CLI_EXIT_INVALID : SM_CLI_EXIT_OK;
}
