/* test-fuzz-replay.c: every fuzz seed and every input that once found a bug,
 * through the same checks as the fuzzers, in every build.
 *
 * Inputs live in tests/fuzz/corpus/<target>/ and
 * tests/fuzz/regressions/<target>/, one file each; every file is a test.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-targets.h"

typedef struct
{
  SmFuzzFunc  func;
  char       *path;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
test_input (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (input->path, &contents, &length, &error);
  g_assert_no_error (error);

  input->func ((const guint8 *) contents, length);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Adds a test for each file in tests/fuzz/@kind/@target/, in name order */
static void
add_inputs (const SmFuzzTarget *target,
            const char         *kind,
            GPtrArray          *inputs)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fuzz", kind, target->name, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* git keeps no empty folder: no regressions yet is no folder */
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      if (name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = NULL;
      Input *input = g_new0 (Input, 1);

      input->func = target->func;
      input->path = g_build_filename (folder, file_name, NULL);
      g_ptr_array_add (inputs, input);

      /* GTest paths take no spaces or slashes in a component */
      test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target->name, kind, file_name);
      g_strdelimit (test_path + 1, " ", '_');
      g_test_add_data_func (test_path, input, test_input);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  const SmFuzzTarget *targets;
  guint n_targets;

  g_test_init (&argc, &argv, NULL);
  sm_fuzz_init ();

  targets = sm_fuzz_get_targets (&n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      add_inputs (&targets[i], "regressions", inputs);
      add_inputs (&targets[i], "corpus", inputs);
    }

  return g_test_run ();
}
