/* test-tag-matches.c: "Tag All Matches" in the model: one undoable step
 * that leaves alone the matches already inside a span of the label.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-document.h"

static const char article[] =
  "Alexander Lukashenko met Raisi. \xE2\x80\x9CLukashenko said trade grew,\xE2\x80\x9D and "
  "Lukashenko left. Lukashenko.";

static SmDocument *
new_document (void)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

static guint
offset_of (const char *needle,
           guint       nth)
{
  const char *found = article;

  for (guint i = 0; i <= nth; i++)
    {
      found = strstr (i == 0 ? found : found + 1, needle);
      g_assert_nonnull (found);
    }

  return (guint) g_utf8_pointer_to_offset (article, found);
}

static SmSpan *
add (SmDocument *document,
     const char *label,
     const char *needle,
     guint       nth)
{
  g_autoptr(GError) error = NULL;
  guint start = offset_of (needle, nth);
  SmSpan *span = sm_document_add_span (document, label, start, start + g_utf8_strlen (needle, -1), &error);

  g_assert_no_error (error);
  return span;
}

/* Every occurrence of @needle, as the search bar gives them */
static GArray *
matches_of (const char *needle)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *found = strstr (article, needle); found != NULL; found = strstr (found + 1, needle))
    {
      guint start = (guint) g_utf8_pointer_to_offset (article, found);
      guint end = start + g_utf8_strlen (needle, -1);

      g_array_append_val (matches, start);
      g_array_append_val (matches, end);
    }

  return matches;
}

/* No span of a label lies inside another span of the same label */
static void
assert_nothing_nested (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) inner = g_list_model_get_item (spans, i);

      for (guint j = 0; j < g_list_model_get_n_items (spans); j++)
        {
          g_autoptr(SmSpan) outer = g_list_model_get_item (spans, j);

          if (i == j || g_strcmp0 (sm_span_get_label (inner), sm_span_get_label (outer)) != 0)
            continue;
          g_assert_false (sm_span_get_start (outer) <= sm_span_get_start (inner) &&
                          sm_span_get_end (inner) <= sm_span_get_end (outer));
        }
    }
}

static void
test_skips_matches_inside_the_label (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GArray) matches = matches_of ("Lukashenko");
  g_autoptr(GError) error = NULL;
  guint n_tagged = 99, n_inside = 99;

  g_assert_cmpuint (matches->len, ==, 8);
  add (document, "SPEAKER", "Alexander Lukashenko", 0);
  /* A span of another label around a match does not keep it out */
  add (document, "CLAIM", "Lukashenko said trade grew", 0);
  /* Nor does one that is the match itself, under another label */
  add (document, "FIGURE", "Lukashenko", 3);
  /* One that is exactly the match, with the label, does */
  add (document, "SPEAKER", "Lukashenko", 2);

  g_assert_true (sm_document_tag_matches (document, "SPEAKER", matches, &n_tagged, &n_inside, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_tagged, ==, 2);
  g_assert_cmpuint (n_inside, ==, 2);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 6);
  g_assert_cmpuint (sm_document_count_spans_with_label (document, "SPEAKER"), ==, 4);
  g_assert_nonnull (sm_document_find_exact_span (document, offset_of ("Lukashenko", 1),
                                                 offset_of ("Lukashenko", 1) + 10, "SPEAKER"));
  g_assert_nonnull (sm_document_find_exact_span (document, offset_of ("Lukashenko", 3),
                                                 offset_of ("Lukashenko", 3) + 10, "SPEAKER"));
  assert_nothing_nested (document);

  /* One undo step takes back what it added, and only that */
  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 4);
  sm_document_redo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 6);

  /* Again: every match is inside a Speaker now, and nothing is added */
  g_assert_true (sm_document_tag_matches (document, "SPEAKER", matches, &n_tagged, &n_inside, &error));
  g_assert_cmpuint (n_tagged, ==, 0);
  g_assert_cmpuint (n_inside, ==, 4);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 6);
  sm_document_undo (document);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 4);
}

static void
test_refuses_bad_input_and_changes_nothing (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GArray) matches = matches_of ("Lukashenko");
  g_autoptr(GError) error = NULL;
  guint bad[] = { 3, 3 };

  g_assert_false (sm_document_tag_matches (document, "SOURCE", matches, NULL, NULL, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown label “SOURCE”; the document’s labels do not include it");
  g_clear_error (&error);

  /* A bad match after good ones: none of them is tagged */
  g_array_append_vals (matches, bad, 2);
  g_assert_false (sm_document_tag_matches (document, "SPEAKER", matches, NULL, NULL, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "match 5, [3, 3), is not a range of the text (94 characters)");
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 0);
  g_assert_false (sm_document_can_undo (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tag-matches/skips-matches-inside-the-label", test_skips_matches_inside_the_label);
  g_test_add_func ("/tag-matches/refuses-bad-input-and-changes-nothing", test_refuses_bad_input_and_changes_nothing);

  return g_test_run ();
}
