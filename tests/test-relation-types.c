/* test-relation-types.c: the table of relation types a document and a
 * project each hold: its order, its lookups and its label edits.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-label.h"
#include "sm-relation.h"
#include "sm-relation-types.h"

/* The types' names in order, joined by spaces */
static char *
names_of (SmRelationTypes *types)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < sm_relation_types_get_n_types (types); i++)
    g_strv_builder_add (builder, sm_relation_types_get_nth (types, i));

  names = g_strv_builder_end (builder);
  return g_strjoinv (" ", names);
}

/* A type's labels as "FROM,FROM>TO", or "-" when the table lacks it */
static char *
ends_of (SmRelationTypes *types,
         const char      *type)
{
  const char * const *from = sm_relation_types_get_from (types, type);
  const char * const *to = sm_relation_types_get_to (types, type);
  g_autofree char *from_list = NULL;
  g_autofree char *to_list = NULL;

  if (from == NULL || to == NULL)
    {
      g_assert_null (from);
      g_assert_null (to);
      return g_strdup ("-");
    }

  from_list = g_strjoinv (",", (char **) from);
  to_list = g_strjoinv (",", (char **) to);

  return g_strdup_printf ("%s>%s", from_list, to_list);
}

static void
assert_names (SmRelationTypes *types,
              const char      *expected)
{
  g_autofree char *names = names_of (types);

  g_assert_cmpstr (names, ==, expected);
}

static void
assert_ends (SmRelationTypes *types,
             const char      *type,
             const char      *expected)
{
  g_autofree char *ends = ends_of (types, type);

  g_assert_cmpstr (ends, ==, expected);
}

static void
test_set_and_find (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  const char * const claim[] = { "CLAIM", NULL };
  const char * const people[] = { "SPEAKER", "SOURCE", NULL };
  const char * const figure[] = { "FIGURE", NULL };
  const char * const none[] = { NULL };
  guint position = G_MAXUINT;

  g_assert_cmpuint (sm_relation_types_get_n_types (types), ==, 0);
  g_assert_false (sm_relation_types_find (types, "said_by", NULL));

  sm_relation_types_set (types, "said_by", claim, people);
  sm_relation_types_set (types, "cites", claim, figure);
  sm_relation_types_set (types, "refers_to", figure, none);

  /* In the order they were added */
  g_assert_cmpuint (sm_relation_types_get_n_types (types), ==, 3);
  assert_names (types, "said_by cites refers_to");

  g_assert_true (sm_relation_types_find (types, "cites", &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (sm_relation_types_find (types, "refers_to", &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (sm_relation_types_find (types, "quotes", &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (sm_relation_types_find (types, NULL, NULL));

  assert_ends (types, "said_by", "CLAIM>SPEAKER,SOURCE");
  assert_ends (types, "cites", "CLAIM>FIGURE");
  assert_ends (types, "refers_to", "FIGURE>");
  assert_ends (types, "quotes", "-");
}

static void
test_change_keeps_position (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  const char * const claim[] = { "CLAIM", NULL };
  const char * const speaker[] = { "SPEAKER", NULL };
  const char * const figure[] = { "FIGURE", NULL };
  const char * const sources[] = { "SPEAKER", "SOURCE", NULL };

  sm_relation_types_set (types, "said_by", claim, speaker);
  sm_relation_types_set (types, "cites", claim, figure);
  sm_relation_types_set (types, "said_by", figure, sources);

  assert_names (types, "said_by cites");
  assert_ends (types, "said_by", "FIGURE>SPEAKER,SOURCE");
  assert_ends (types, "cites", "CLAIM>FIGURE");

  /* Setting a type to its own labels is no change */
  sm_relation_types_set (types, "cites",
                         sm_relation_types_get_from (types, "cites"),
                         sm_relation_types_get_to (types, "cites"));
  assert_names (types, "said_by cites");
  assert_ends (types, "cites", "CLAIM>FIGURE");
}

static void
test_remove (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  const char * const claim[] = { "CLAIM", NULL };
  const char * const speaker[] = { "SPEAKER", NULL };

  sm_relation_types_set (types, "said_by", claim, speaker);
  sm_relation_types_set (types, "cites", claim, speaker);
  sm_relation_types_set (types, "quotes", claim, speaker);
  sm_relation_types_set (types, "shows", claim, speaker);

  /* The others keep their order */
  g_assert_true (sm_relation_types_remove (types, "cites"));
  assert_names (types, "said_by quotes shows");
  assert_ends (types, "cites", "-");

  g_assert_false (sm_relation_types_remove (types, "cites"));
  g_assert_false (sm_relation_types_remove (types, NULL));
  assert_names (types, "said_by quotes shows");

  /* Added again, it goes at the end */
  sm_relation_types_set (types, "cites", speaker, claim);
  assert_names (types, "said_by quotes shows cites");
  assert_ends (types, "cites", "SPEAKER>CLAIM");

  sm_relation_types_clear (types);
  g_assert_cmpuint (sm_relation_types_get_n_types (types), ==, 0);
  assert_names (types, "");
}

static void
test_allows (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  const char * const claims[] = { "CLAIM", "FIGURE", NULL };
  const char * const people[] = { "SPEAKER", "SOURCE", NULL };
  const char * const none[] = { NULL };

  sm_relation_types_set (types, "said_by", claims, people);
  sm_relation_types_set (types, "closed", none, people);

  g_assert_true (sm_relation_types_allows (types, "said_by", "CLAIM", "SPEAKER"));
  g_assert_true (sm_relation_types_allows (types, "said_by", "FIGURE", "SOURCE"));
  g_assert_false (sm_relation_types_allows (types, "said_by", "SPEAKER", "CLAIM"));
  g_assert_false (sm_relation_types_allows (types, "said_by", "CLAIM", "FIGURE"));
  g_assert_false (sm_relation_types_allows (types, "closed", "CLAIM", "SPEAKER"));

  /* What a type the table lacks may link is for its owner to say */
  g_assert_false (sm_relation_types_allows (types, "quotes", "CLAIM", "SPEAKER"));
}

static void
test_label_edits (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  const char * const claims[] = { "CLAIM", "FIGURE", NULL };
  const char * const people[] = { "SPEAKER", "SOURCE", NULL };
  const char * const figure[] = { "FIGURE", NULL };

  sm_relation_types_set (types, "said_by", claims, people);
  sm_relation_types_set (types, "shows", figure, figure);

  g_assert_true (sm_relation_types_names_label (types, "CLAIM"));
  g_assert_true (sm_relation_types_names_label (types, "SOURCE"));
  g_assert_true (sm_relation_types_names_label (types, "FIGURE"));
  g_assert_false (sm_relation_types_names_label (types, "QUOTE"));
  g_assert_false (sm_relation_types_names_label (types, "claim"));

  /* Every type, at both ends, in place */
  sm_relation_types_replace_label (types, "FIGURE", "CHART");
  assert_ends (types, "said_by", "CLAIM,CHART>SPEAKER,SOURCE");
  assert_ends (types, "shows", "CHART>CHART");
  g_assert_false (sm_relation_types_names_label (types, "FIGURE"));
  g_assert_true (sm_relation_types_names_label (types, "CHART"));
  g_assert_true (sm_relation_types_allows (types, "shows", "CHART", "CHART"));

  sm_relation_types_replace_label (types, "QUOTE", "CITATION");
  assert_ends (types, "said_by", "CLAIM,CHART>SPEAKER,SOURCE");

  /* Removing a label keeps the types, and the others' order */
  sm_relation_types_remove_label (types, "CHART");
  assert_names (types, "said_by shows");
  assert_ends (types, "said_by", "CLAIM>SPEAKER,SOURCE");
  assert_ends (types, "shows", ">");
  g_assert_false (sm_relation_types_names_label (types, "CHART"));

  sm_relation_types_remove_label (types, "SPEAKER");
  assert_ends (types, "said_by", "CLAIM>SOURCE");
}

static void
test_default_and_copy (void)
{
  g_autoptr(SmRelationTypes) types = sm_relation_types_new ();
  g_autoptr(SmRelationTypes) copy = NULL;
  const char * const claim[] = { SM_LABEL_CLAIM, NULL };
  const char * const people[] = { SM_LABEL_SPEAKER, "SOURCE", NULL };

  g_assert_false (sm_relation_types_is_default (types));

  sm_relation_types_reset (types);
  g_assert_true (sm_relation_types_is_default (types));
  assert_names (types, SM_RELATION_SAID_BY);
  assert_ends (types, SM_RELATION_SAID_BY, "CLAIM>SPEAKER");

  copy = sm_relation_types_copy (types);
  g_assert_true (sm_relation_types_is_default (copy));

  /* The copy changes on its own */
  sm_relation_types_set (copy, SM_RELATION_SAID_BY, claim, people);
  sm_relation_types_set (copy, "cites", claim, claim);
  g_assert_false (sm_relation_types_is_default (copy));
  assert_names (copy, "said_by cites");
  assert_ends (copy, SM_RELATION_SAID_BY, "CLAIM>SPEAKER,SOURCE");
  g_assert_true (sm_relation_types_is_default (types));
  assert_ends (types, SM_RELATION_SAID_BY, "CLAIM>SPEAKER");

  /* said_by alone, but not from CLAIM to SPEAKER alone */
  g_assert_true (sm_relation_types_remove (copy, "cites"));
  g_assert_false (sm_relation_types_is_default (copy));

  /* A second type is not the default either */
  sm_relation_types_set (types, "cites", claim, claim);
  g_assert_false (sm_relation_types_is_default (types));
  sm_relation_types_reset (types);
  g_assert_true (sm_relation_types_is_default (types));
  assert_names (types, SM_RELATION_SAID_BY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/relation-types/set-and-find", test_set_and_find);
  g_test_add_func ("/relation-types/change-keeps-position", test_change_keeps_position);
  g_test_add_func ("/relation-types/remove", test_remove);
  g_test_add_func ("/relation-types/allows", test_allows);
  g_test_add_func ("/relation-types/label-edits", test_label_edits);
  g_test_add_func ("/relation-types/default-and-copy", test_default_and_copy);

  return g_test_run ();
}
