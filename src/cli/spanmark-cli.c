/* spanmark-cli.c: Spanmark's dataset work on a machine with no display.
 *
 * Each command is in its own file (sm-cli-*.c) and calls the same core
 * API as the window's Export… and Import…, so both give the same output
 * and the same messages. Only this program prints, and only this program
 * decides the exit status.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sm-cli.h"
#include "sm-format.h"
#include "sm-json.h"

typedef struct
{
  const char *name;
  int       (*run) (int    argc,
                    char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "export", sm_cli_export, N_("Write Spanmark files as a dataset (jsonl, brat, conll, csv, html)") },
  { "import", sm_cli_import, N_("Make Spanmark files of a dataset (brat, jsonl) or of plain articles") },
  { "validate", sm_cli_validate, N_("Check Spanmark files") },
  { "stats", sm_cli_stats, N_("Count the documents, spans and relations of Spanmark files") },
  { "suggest", sm_cli_suggest, N_("Suggest speakers, claims and figures in articles and Spanmark files") },
  { "evaluate", sm_cli_evaluate, N_("Measure predicted spans against a gold: precision, recall, F1") },
  { "agree", sm_cli_agree, N_("Measure how far annotators agree: F1, κ, α and unitizing α per label") },
  { "merge", sm_cli_merge, N_("Merge two versions of a Spanmark file with their ancestor (git’s merge driver)") },
  { "git-setup", sm_cli_git_setup, N_("Register the merge driver in a git repository") },
  { "curate", sm_cli_curate, N_("Start a curation of annotators’ versions of a document") },
};

/* Prints @rows (arrays of cells, the first row the heading) in columns
 * two spaces apart: the first left-aligned, the others right-aligned, as
 * numbers are. Widths are counted in characters, so that a translated
 * heading lines up too. */
void
sm_cli_print_columns (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          guint width = g_utf8_strlen (cells[j], -1);

          if (j >= widths->len)
            g_array_set_size (widths, j + 1);
          g_array_index (widths, guint, j) = MAX (g_array_index (widths, guint, j), width);
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          guint width = g_utf8_strlen (cells[j], -1);
          guint padding = g_array_index (widths, guint, j) - width;

          if (j > 0)
            g_string_append (line, "  ");
          if (j > 0)
            for (guint k = 0; k < padding; k++)
              g_string_append_c (line, ' ');
          g_string_append (line, cells[j]);
          if (j == 0 && cells[j + 1] != NULL)
            for (guint k = 0; k < padding; k++)
              g_string_append_c (line, ' ');
        }

      g_print ("%s\n", line->str);
    }
}

/* Prints @top on one line, for scripts: what every --json prints */
void
sm_cli_print_json (JsonObject *top)
{
  g_autoptr(GString) out = g_string_new (NULL);

  sm_json_write_object (out, top, SM_JSON_WRITE_COMPACT);
  g_string_append_c (out, '\n');
  g_print ("%s", out->str);
}

/* A row for sm_cli_print_columns(): copies of the cells up to NULL */
char **
sm_cli_row_new (const char *first,
                ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  const char *cell = first;
  va_list args;

  va_start (args, first);
  for (; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (cells, NULL);

  return (char **) g_ptr_array_free (cells, FALSE);
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, _("Usage:\n  spanmark-cli COMMAND [OPTION…] INPUT…\n\n"));
  g_string_append (out, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (out,
                   _("\nAn INPUT is a file or a folder, which is searched for Spanmark files"
                            " (.json), or for import for the files of the format imported.\n"
                            "Run “spanmark-cli COMMAND --help” for a command’s options.\n"));

  if (stream == stdout)
    g_print ("%s", out->str);
  else
    g_printerr ("%s", out->str);
}

/* Shared by the commands */

/**
 * sm_cli_option_context_new:
 *
 * Returns: an option context whose --help says how the command is used
 */
GOptionContext *
sm_cli_option_context_new (const char         *parameters,
                           const char         *summary,
                           const char         *description,
                           const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

int
sm_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("spanmark-cli %s: %s\n", command, message);
  g_printerr (_("Run “spanmark-cli %s --help” to see how to use it.\n"), command);

  return SM_CLI_EXIT_USAGE;
}

/**
 * sm_cli_parse:
 *
 * Parses the options; a wrong command line is said on standard error.
 *
 * Returns: %FALSE if the command line is wrong (exit status 2)
 */
gboolean
sm_cli_parse (GOptionContext   *context,
              const char       *command,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("spanmark-cli %s", command);
  gboolean ok;

  /* --help shows "spanmark-cli export [OPTION…] …" */
  g_set_prgname (name);
  ok = g_option_context_parse (context, argc, argv, &error);
  g_set_prgname ("spanmark-cli");

  if (!ok)
    sm_cli_usage_error (command, "%s", error->message);

  return ok;
}

/**
 * sm_cli_display_name:
 * @argument: an INPUT as typed
 *
 * Returns: (transfer full): how messages name the input: as the user typed
 *   it, so that "FILE:LINE:COL:" leads back to it
 */
char *
sm_cli_display_name (const char *argument)
{
  gsize length = strlen (argument);

  /* "data/" and "data" are one folder; its files are "data/x.json" */
  while (length > 1 && argument[length - 1] == '/')
    length--;

  return g_strndup (argument, length);
}

void
sm_cli_print_messages (GPtrArray *messages)
{
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (messages, i));
}

void
sm_cli_print_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

/**
 * sm_cli_read_document:
 *
 * Reads one Spanmark file; an error names it as messages do everywhere:
 * "FILE:LINE:COL: …" for a position in it, "FILE: …" otherwise. A file
 * with a relation its type does not allow is refused, as validate refuses
 * it (sm_document_check_relations()).
 */
SmDocument *
sm_cli_read_document (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = sm_cli_display_name (path);
  SmDocument *document;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  document = sm_format_parse (contents, length, error);
  if (document == NULL)
    {
      g_prefix_error (error, g_ascii_isdigit ((*error)->message[0]) ? "%s:" : "%s: ", name);
      return NULL;
    }

  if (!sm_document_check_relations (document, error))
    {
      g_prefix_error (error, "%s: ", name);
      g_clear_object (&document);
    }

  return document;
}

/* The progress line: only on a terminal, only after a second, and at most
 * ten times a second, so that it costs nothing and never garbles a log */
#define PROGRESS_DELAY    G_USEC_PER_SEC
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)

void
sm_cli_progress_init (SmCliProgress *progress,
                      const char    *what)
{
  memset (progress, 0, sizeof *progress);
  progress->what = what;
  progress->terminal = isatty (STDERR_FILENO);
  progress->started = g_get_monotonic_time ();
}

void
sm_cli_progress_update (guint    done,
                        guint    total,
                        gpointer user_data)
{
  SmCliProgress *progress = user_data;
  gint64 now;

  if (!progress->terminal)
    return;

  now = g_get_monotonic_time ();
  if (now - progress->started < PROGRESS_DELAY || now - progress->last < PROGRESS_INTERVAL)
    return;

  progress->last = now;
  progress->shown = TRUE;
  /* Back to the start of the line and clear it: "\r\033[K" */
  g_printerr ("\r\033[K%s %u/%u (%u%%)", progress->what, done, total,
              total > 0 ? (guint) ((guint64) done * 100 / total) : 100);
}

void
sm_cli_progress_finish (SmCliProgress *progress)
{
  if (progress->shown)
    g_printerr ("\r\033[K");
  progress->shown = FALSE;
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("spanmark-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return SM_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      /* "spanmark-cli help export" is "spanmark-cli export --help" */
      if (strcmp (name, "help") == 0 && argc > 2)
        {
          char *help_argv[] = { argv[0], "--help", NULL };

          for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
            {
              if (strcmp (argv[2], commands[i].name) == 0)
                return commands[i].run (2, help_argv);
            }
        }

      print_usage (stdout);
      return SM_CLI_EXIT_OK;
    }

  if (strcmp (name, "--version") == 0)
    {
      g_print ("spanmark-cli %s\n", PACKAGE_VERSION);
      return SM_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (name, commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("spanmark-cli: “%s” is not a command\n"), name);
  print_usage (stderr);

  return SM_CLI_EXIT_USAGE;
}
