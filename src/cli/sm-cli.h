/* sm-cli.h: what the commands of spanmark-cli share.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sm-document.h"

G_BEGIN_DECLS

/* Exit statuses, as the manual page and issue 4 give them */
#define SM_CLI_EXIT_OK      0   /* every input was processed */
#define SM_CLI_EXIT_INVALID 1   /* some input was invalid, or the output could not be written */
#define SM_CLI_EXIT_USAGE   2   /* the command line was wrong */

typedef struct
{
  const char *what;      /* "exported", "checked" … */
  gboolean    terminal;  /* standard error is a terminal */
  gint64      started;
  gint64      last;
  gboolean    shown;
} SmCliProgress;

int       sm_cli_export          (int              argc,
                                  char           **argv);
int       sm_cli_import          (int              argc,
                                  char           **argv);
int       sm_cli_validate        (int              argc,
                                  char           **argv);
int       sm_cli_stats           (int              argc,
                                  char           **argv);
int       sm_cli_evaluate        (int              argc,
                                  char           **argv);
int       sm_cli_agree           (int              argc,
                                  char           **argv);
int       sm_cli_suggest         (int              argc,
                                  char           **argv);
int       sm_cli_merge           (int              argc,
                                  char           **argv);
int       sm_cli_git_setup       (int              argc,
                                  char           **argv);
int       sm_cli_curate          (int              argc,
                                  char           **argv);

GOptionContext *sm_cli_option_context_new (const char     *parameters,
                                           const char     *summary,
                                           const char     *description,
                                           const GOptionEntry *entries);
gboolean  sm_cli_parse           (GOptionContext  *context,
                                  const char      *command,
                                  int             *argc,
                                  char          ***argv);
int       sm_cli_usage_error     (const char      *command,
                                  const char      *format,
                                  ...) G_GNUC_PRINTF (2, 3);
char     *sm_cli_display_name    (const char      *argument);
void      sm_cli_print_messages  (GPtrArray       *messages);
void      sm_cli_print_error     (const GError    *error);
SmDocument *sm_cli_read_document (const char      *path,
                                  GError         **error);

void      sm_cli_print_columns   (GPtrArray       *rows);
void      sm_cli_print_json      (JsonObject      *top);
char    **sm_cli_row_new         (const char      *first,
                                  ...) G_GNUC_NULL_TERMINATED;

void      sm_cli_progress_init   (SmCliProgress   *progress,
                                  const char      *what);
void      sm_cli_progress_update (guint            done,
                                  guint            total,
                                  gpointer         user_data);
void      sm_cli_progress_finish (SmCliProgress   *progress);

G_END_DECLS
