/* test-stretches.c: the set of stretches the view has still to highlight.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-stretches.h"

#define SPACE 600

/* The set as a string: "0-8 10-25", taking it apart and back */
static char *
describe (SmStretches *stretches)
{
  g_autoptr(GArray) all = sm_stretches_take_in (stretches, 0, G_MAXUINT);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (text, "%s%u-%u", i > 0 ? " " : "",
                            g_array_index (all, SmStretch, i).start,
                            g_array_index (all, SmStretch, i).end);
  sm_stretches_add (stretches, (const SmStretch *) (gpointer) all->data, all->len);

  return g_string_free (text, FALSE);
}

static void
test_add_merges (void)
{
  g_autoptr(SmStretches) stretches = sm_stretches_new ();
  const SmStretch added[] = { { 10, 20 }, { 0, 5 }, { 4, 8 }, { 20, 25 }, { 30, 30 } };
  const SmStretch more[] = { { 40, 50 }, { 24, 41 } };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (sm_stretches_is_empty (stretches));
  sm_stretches_add (stretches, added, G_N_ELEMENTS (added));
  first = describe (stretches);
  g_assert_cmpstr (first, ==, "0-8 10-25");
  g_assert_cmpuint (sm_stretches_get_n (stretches), ==, 2);

  sm_stretches_add (stretches, more, G_N_ELEMENTS (more));
  second = describe (stretches);
  g_assert_cmpstr (second, ==, "0-8 10-50");
}

static void
test_take_in (void)
{
  g_autoptr(SmStretches) stretches = sm_stretches_new ();
  const SmStretch whole = { 0, 100 };
  const SmStretch three[] = { { 120, 130 }, { 140, 150 }, { 160, 170 } };
  g_autoptr(GArray) middle = NULL;
  g_autoptr(GArray) across = NULL;
  g_autoptr(GArray) none = NULL;
  g_autofree char *left = NULL;

  sm_stretches_add (stretches, &whole, 1);
  sm_stretches_add (stretches, three, G_N_ELEMENTS (three));

  /* Cut in two */
  middle = sm_stretches_take_in (stretches, 40, 60);
  g_assert_cmpuint (middle->len, ==, 1);
  g_assert_cmpuint (g_array_index (middle, SmStretch, 0).start, ==, 40);
  g_assert_cmpuint (g_array_index (middle, SmStretch, 0).end, ==, 60);

  /* Across three, two of them in part */
  across = sm_stretches_take_in (stretches, 125, 165);
  g_assert_cmpuint (across->len, ==, 3);
  g_assert_cmpuint (g_array_index (across, SmStretch, 0).start, ==, 125);
  g_assert_cmpuint (g_array_index (across, SmStretch, 0).end, ==, 130);
  g_assert_cmpuint (g_array_index (across, SmStretch, 2).start, ==, 160);
  g_assert_cmpuint (g_array_index (across, SmStretch, 2).end, ==, 165);

  /* Between stretches: nothing */
  none = sm_stretches_take_in (stretches, 100, 120);
  g_assert_cmpuint (none->len, ==, 0);

  left = describe (stretches);
  g_assert_cmpstr (left, ==, "0-40 60-100 120-125 165-170");
}

/* Random adds and takes against a plain array of flags */
static void
test_against_flags (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(SmStretches) stretches = sm_stretches_new ();
  gboolean flags[SPACE] = { FALSE, };

  for (guint round = 0; round < 2000; round++)
    {
      guint start = g_rand_int_range (rand, 0, SPACE);
      guint end = g_rand_int_range (rand, start, MIN (SPACE, start + 80) + 1);
      guint action = g_rand_int_range (rand, 0, 2);

      if (action == 0)
        {
          SmStretch batch[4];
          guint n = g_rand_int_range (rand, 1, 5);

          for (guint i = 0; i < n; i++)
            {
              batch[i].start = g_rand_int_range (rand, 0, SPACE);
              batch[i].end = g_rand_int_range (rand, batch[i].start, MIN (SPACE, batch[i].start + 40) + 1);
              for (guint at = batch[i].start; at < batch[i].end; at++)
                flags[at] = TRUE;
            }
          sm_stretches_add (stretches, batch, n);
        }
      else
        {
          g_autoptr(GArray) parts = sm_stretches_take_in (stretches, start, end);
          guint previous_end = 0;

          for (guint i = 0; i < parts->len; i++)
            {
              SmStretch part = g_array_index (parts, SmStretch, i);

              g_assert_cmpuint (part.start, >=, MAX (start, previous_end));
              g_assert_cmpuint (part.end, <=, end);
              /* Every character between the parts was not in */
              for (guint at = MAX (start, previous_end); at < part.start; at++)
                g_assert_false (flags[at]);
              for (guint at = part.start; at < part.end; at++)
                {
                  g_assert_true (flags[at]);
                  flags[at] = FALSE;
                }
              previous_end = part.end;
            }
          for (guint at = MAX (start, previous_end); at < end; at++)
            g_assert_false (flags[at]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stretches/add-merges", test_add_merges);
  g_test_add_func ("/stretches/take-in", test_take_in);
  g_test_add_func ("/stretches/against-flags", test_against_flags);

  return g_test_run ();
}
