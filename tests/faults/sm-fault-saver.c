/* sm-fault-saver.c: opens a Spanmark file and saves it over and over, for
 * test-kill-save to kill at random moments.
 *
 *   sm-fault-saver FILE
 *
 * The saves alternate between two versions: the file as it was, and the
 * file with one batch of spans added (fault_add_batch()), by undo and redo
 * of that one action. Each save is announced on stdout ("saving") so the
 * test can aim its kill at one.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fault-batch.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  file = g_file_new_for_path (argv[1]);
  if (!(document = sm_document_new_from_file (file, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  fault_add_batch (document);
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 0;; i++)
    {
      printf ("saving\n");
      fflush (stdout);
      if (!sm_document_save_to_file (document, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      if (i % 2 == 0)
        sm_document_undo (document);
      else
        sm_document_redo (document);
    }
}
