/* test-fragments.c: discontinuous spans in the model: a quotation
 * interrupted by its attribution is one span of several fragments, changed
 * part by part through its document, undoably, and hit only where a
 * fragment lies.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-document.h"

static const char article[] =
  "“We have come to know our true friends,” Lukashenko said, "
  "“and we are determined to go on.” Trade grew.";

static SmDocument *
new_document (void)
{
  g_autoptr(SmText) text = sm_text_new (article, -1, NULL);

  return sm_document_new (text, "article");
}

static guint
offset_of (const char *needle)
{
  const char *found = g_strstr_len (article, -1, needle);

  g_assert_nonnull (found);
  return (guint) g_utf8_pointer_to_offset (article, found);
}

static guint
end_of (const char *needle)
{
  return offset_of (needle) + g_utf8_strlen (needle, -1);
}

static SmSpan *
add (SmDocument *document,
     const char *label,
     const char *needle)
{
  g_autoptr(GError) error = NULL;
  SmSpan *span;

  span = sm_document_add_span (document, label, offset_of (needle), end_of (needle), &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);

  return span;
}

static void
add_fragment (SmDocument *document,
              SmSpan     *span,
              const char *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_document_add_fragment (document, span, offset_of (needle), end_of (needle), &error));
  g_assert_no_error (error);
}

/* The fragments as "start-end,start-end" */
static char *
describe_fragments (SmSpan *span)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < sm_span_get_n_fragments (span); i++)
    {
      guint start, end;

      sm_span_get_fragment (span, i, &start, &end);
      g_string_append_printf (out, "%s%u-%u", i ? "," : "", start, end);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_fragments (SmSpan     *span,
                  const char *expected)
{
  g_autofree char *fragments = describe_fragments (span);

  g_assert_cmpstr (fragments, ==, expected);
}

static const char first_part[] = "“We have come to know our true friends,”";
static const char second_part[] = "“and we are determined to go on.”";

/* The claim of the issue: two fragments around "Lukashenko said," */
static SmSpan *
add_interrupted_claim (SmDocument *document)
{
  SmSpan *claim = add (document, "CLAIM", first_part);

  add_fragment (document, claim, second_part);
  return claim;
}

static void
test_add_fragment (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autofree char *expected = NULL;
  SmSpan *claim;

  claim = add_interrupted_claim (document);

  g_assert_cmpuint (sm_span_get_n_fragments (claim), ==, 2);
  expected = g_strdup_printf ("0-40,58-%u", end_of (second_part));
  assert_fragments (claim, expected);
  /* The hull, for code that knows nothing of fragments */
  g_assert_cmpuint (sm_span_get_start (claim), ==, 0);
  g_assert_cmpuint (sm_span_get_end (claim), ==, end_of (second_part));
  g_assert_cmpstr (sm_span_get_text (claim), ==,
                   "“We have come to know our true friends,” “and we are determined to go on.”");
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 1);
  g_assert_cmpstr (sm_span_get_id (claim), ==, "T1");

  /* One step each: the added fragment goes, then the span */
  sm_document_undo (document);
  assert_fragments (claim, "0-40");
  g_assert_cmpstr (sm_span_get_text (claim), ==, first_part);
  sm_document_redo (document);
  assert_fragments (claim, expected);
  g_assert_cmpstr (sm_span_get_text (claim), ==,
                   "“We have come to know our true friends,” “and we are determined to go on.”");
}

/* Fragments stay sorted and apart: one that touches or overlaps another
 * merges with it; one already inside the span is refused */
static void
test_fragments_merge (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  SmSpan *span;

  span = add (document, "CLAIM", "Lukashenko");
  g_assert_true (sm_document_add_fragment (document, span, 0, 3, NULL));
  assert_fragments (span, "0-3,41-51");

  /* Added after the last: still in order */
  g_assert_true (sm_document_add_fragment (document, span, 60, 63, NULL));
  assert_fragments (span, "0-3,41-51,60-63");

  /* Touching the end of a fragment */
  g_assert_true (sm_document_add_fragment (document, span, 51, 53, NULL));
  assert_fragments (span, "0-3,41-53,60-63");

  /* Overlapping two fragments joins them */
  g_assert_true (sm_document_add_fragment (document, span, 50, 61, NULL));
  assert_fragments (span, "0-3,41-63");

  /* Already part of the span */
  g_assert_false (sm_document_add_fragment (document, span, 45, 50, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "[45, 50) is already part of span T1");
  g_clear_error (&error);

  /* Empty, reversed, past the text */
  g_assert_false (sm_document_add_fragment (document, span, 30, 30, &error));
  g_assert_cmpstr (error->message, ==, "empty span at 30: a span must cover at least one character");
  g_clear_error (&error);
  g_assert_false (sm_document_add_fragment (document, span, 31, 30, &error));
  g_assert_cmpstr (error->message, ==, "start 31 is after end 30");
  g_clear_error (&error);
  g_assert_false (sm_document_add_fragment (document, span, 100, 500, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  assert_fragments (span, "0-3,41-63");

  /* Filling the gap makes it continuous again */
  g_assert_true (sm_document_add_fragment (document, span, 3, 41, NULL));
  assert_fragments (span, "0-63");
  g_assert_cmpstr (sm_span_get_text (span), ==, "“We have come to know our true friends,” Lukashenko said, “and ");

  /* Each was one step */
  for (guint i = 0; i < 4; i++)
    sm_document_undo (document);
  assert_fragments (span, "0-3,41-51");
}

/* The window shows the gap a span leaves out; files keep the plain joiner */
static void
test_span_text_for_reading (void)
{
  g_autoptr(SmDocument) document = new_document ();
  SmSpan *claim = add_interrupted_claim (document);
  SmSpan *speaker = add (document, "SPEAKER", "Lukashenko");
  g_autofree char *joined = sm_document_dup_span_text (document, claim, " … ");
  g_autofree char *single = sm_document_dup_span_text (document, speaker, " … ");

  g_assert_cmpstr (joined, ==,
                   "“We have come to know our true friends,” … “and we are determined to go on.”");
  g_assert_cmpstr (single, ==, "Lukashenko");
  g_assert_cmpstr (sm_span_get_text (claim), ==,
                   "“We have come to know our true friends,” “and we are determined to go on.”");
}

static void
test_remove_fragment (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *second = g_strdup_printf ("58-%u", end_of (second_part));
  SmSpan *claim = add_interrupted_claim (document);

  g_assert_true (sm_document_remove_fragment (document, claim, 0, &error));
  g_assert_no_error (error);
  assert_fragments (claim, second);
  g_assert_cmpstr (sm_span_get_text (claim), ==, second_part);
  g_assert_cmpuint (sm_span_get_start (claim), ==, 58);

  /* The last fragment is the span: removing it is removing the span */
  g_assert_false (sm_document_remove_fragment (document, claim, 0, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "span T1 has only one fragment: remove the span instead");
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 1);

  sm_document_undo (document);
  g_assert_cmpuint (sm_span_get_n_fragments (claim), ==, 2);
  g_assert_true (sm_document_remove_fragment (document, claim, 1, NULL));
  assert_fragments (claim, "0-40");
}

typedef struct
{
  guint n_changed;
  guint n_items_changed;
  guint n_range_changed;
  guint range_start;
  guint range_end;
  guint n_notify_fragments;
} Signals;

static void
on_changed (SmDocument *document,
            Signals    *signals)
{
  signals->n_changed++;
}

static void
on_range_changed (SmDocument *document,
                  guint       start,
                  guint       end,
                  Signals    *signals)
{
  /* The union of the ranges told, since the last reset */
  if (signals->n_range_changed++ == 0)
    {
      signals->range_start = start;
      signals->range_end = end;
    }
  signals->range_start = MIN (signals->range_start, start);
  signals->range_end = MAX (signals->range_end, end);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Signals    *signals)
{
  signals->n_items_changed++;
}

static void
on_notify_n_fragments (SmSpan     *span,
                       GParamSpec *pspec,
                       Signals    *signals)
{
  signals->n_notify_fragments++;
}

/* A change of fragments is signalled like a change of range: one
 * "changed", the span's row, and a range covering before and after */
static void
test_signals (void)
{
  g_autoptr(SmDocument) document = new_document ();
  Signals signals = { 0 };
  SmSpan *claim = add (document, "CLAIM", first_part);
  guint end = end_of (second_part);

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &signals);
  g_signal_connect (document, "range-changed", G_CALLBACK (on_range_changed), &signals);
  g_signal_connect (sm_document_get_spans (document), "items-changed",
                    G_CALLBACK (on_items_changed), &signals);
  g_signal_connect (claim, "notify::n-fragments", G_CALLBACK (on_notify_n_fragments), &signals);

  add_fragment (document, claim, second_part);
  g_assert_cmpuint (signals.n_changed, ==, 1);
  g_assert_cmpuint (signals.n_items_changed, >, 0);
  g_assert_cmpuint (signals.range_start, ==, 0);
  g_assert_cmpuint (signals.range_end, ==, end);
  g_assert_cmpuint (signals.n_notify_fragments, ==, 1);

  memset (&signals, 0, sizeof signals);
  sm_document_undo (document);
  g_assert_cmpuint (signals.n_changed, ==, 1);
  g_assert_cmpuint (signals.range_start, ==, 0);
  g_assert_cmpuint (signals.range_end, ==, end);
  g_assert_cmpuint (signals.n_notify_fragments, ==, 1);

  /* A refused change says nothing */
  memset (&signals, 0, sizeof signals);
  g_assert_false (sm_document_add_fragment (document, claim, 2, 5, NULL));
  g_assert_cmpuint (signals.n_changed, ==, 0);
  g_assert_cmpuint (signals.n_range_changed, ==, 0);
  g_assert_cmpuint (signals.n_items_changed, ==, 0);
}

/* Hit tests answer by fragment: the gap holds no part of the span */
static void
test_hit_test_in_gap (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GPtrArray) at_gap = NULL;
  g_autoptr(GPtrArray) at_first = NULL;
  g_autoptr(GPtrArray) at_second = NULL;
  g_autoptr(GPtrArray) in_gap = NULL;
  g_autoptr(GPtrArray) across = NULL;
  SmSpan *claim = add_interrupted_claim (document);
  SmSpan *speaker = add (document, "SPEAKER", "Lukashenko");
  guint gap = offset_of ("said");
  guint index = G_MAXUINT;

  at_gap = sm_document_get_spans_at (document, gap);
  g_assert_cmpuint (at_gap->len, ==, 0);
  g_clear_pointer (&at_gap, g_ptr_array_unref);

  /* The speaker in the gap is hit, the claim around it is not */
  at_gap = sm_document_get_spans_at (document, offset_of ("Lukashenko"));
  g_assert_cmpuint (at_gap->len, ==, 1);
  g_assert_true (g_ptr_array_index (at_gap, 0) == speaker);

  at_first = sm_document_get_spans_at (document, 5);
  g_assert_cmpuint (at_first->len, ==, 1);
  g_assert_true (g_ptr_array_index (at_first, 0) == claim);
  at_second = sm_document_get_spans_at (document, offset_of ("determined"));
  g_assert_cmpuint (at_second->len, ==, 1);
  g_assert_true (g_ptr_array_index (at_second, 0) == claim);

  in_gap = sm_document_get_spans_in_range (document, 40, 58);
  g_assert_cmpuint (in_gap->len, ==, 1);
  g_assert_true (g_ptr_array_index (in_gap, 0) == speaker);
  across = sm_document_get_spans_in_range (document, 39, 41);
  g_assert_cmpuint (across->len, ==, 1);
  g_assert_true (g_ptr_array_index (across, 0) == claim);

  /* And the span says which fragment holds an offset */
  g_assert_true (sm_span_find_fragment (claim, 60, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_true (sm_span_find_fragment (claim, 0, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (sm_span_find_fragment (claim, 40, NULL));
  g_assert_false (sm_span_find_fragment (claim, gap, NULL));
  g_assert_false (sm_span_find_fragment (claim, end_of (second_part), NULL));
  g_assert_true (sm_span_contains (claim, 2, 40));
  g_assert_false (sm_span_contains (claim, 2, 60));
  g_assert_false (sm_span_overlaps (claim, 40, 58));
  g_assert_true (sm_span_overlaps (claim, 40, 59));
}

typedef struct
{
  guint bounds[6];
  guint n;
} Fragments;

/* The index against a scan, over many spans of one to three fragments */
static void
test_hit_test_on_many_spans (void)
{
  const guint n_spans = 20000;
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autoptr(SmDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  guint length;

  while (string->len < 100000)
    g_string_append (string, "“It is done,” he said, “and it stays.” ");
  text = sm_text_new (string->str, string->len, NULL);
  length = sm_text_get_length (text);
  document = sm_document_new (text, "generated");

  sm_document_begin_user_action (document);
  while (spans->len < n_spans)
    {
      guint start = g_rand_int_range (rand, 0, length - 200);
      guint end = start + g_rand_int_range (rand, 1, 30);
      guint n_more = g_rand_int_range (rand, 0, 3);
      SmSpan *span = sm_document_add_span (document, "CLAIM", start, end, NULL);

      if (span == NULL)
        continue;
      for (guint i = 0; i < n_more; i++)
        {
          guint gap_start = sm_span_get_end (span) + g_rand_int_range (rand, 1, 40);

          if (!sm_document_add_fragment (document, span, gap_start,
                                         gap_start + g_rand_int_range (rand, 1, 20), NULL))
            break;
        }
      g_ptr_array_add (spans, span);
    }
  sm_document_end_user_action (document);

  for (guint q = 0; q < 300; q++)
    {
      guint start = g_rand_int_range (rand, 0, length);
      guint end = MIN (length, start + g_rand_int_range (rand, 0, 30));
      g_autoptr(GPtrArray) found = NULL;
      guint expected = 0;

      for (guint i = 0; i < spans->len; i++)
        {
          SmSpan *span = g_ptr_array_index (spans, i);
          gboolean hit = FALSE;

          for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
            {
              guint fragment_start, fragment_end;

              sm_span_get_fragment (span, f, &fragment_start, &fragment_end);
              hit |= start == end ? (fragment_start <= start && start < fragment_end)
                                  : (fragment_start < end && start < fragment_end);
            }
          expected += hit;
        }

      found = start == end ? sm_document_get_spans_at (document, start)
                           : sm_document_get_spans_in_range (document, start, end);
      g_assert_cmpuint (found->len, ==, expected);
    }
}

/* The rule against duplicates holds for whole spans: the same label over
 * the same fragments; a continuous span over a discontinuous one's hull,
 * or over one of its fragments, is another annotation */
static void
test_duplicates_refused (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  SmSpan *claim = add_interrupted_claim (document);
  SmSpan *other, *hull, *part;
  guint end = end_of (second_part);

  hull = sm_document_add_span (document, "CLAIM", 0, end, &error);
  g_assert_no_error (error);
  part = add (document, "CLAIM", first_part);
  g_assert_true (sm_document_find_exact_span (document, 0, end, "CLAIM") == hull);
  g_assert_true (sm_document_find_exact_span (document, 0, 40, "CLAIM") == part);

  other = add (document, "CLAIM", second_part);
  g_assert_false (sm_document_add_fragment (document, other, 0, 40, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "span T1 already has label CLAIM on the same 2 fragments");
  g_clear_error (&error);
  g_assert_cmpuint (sm_span_get_n_fragments (other), ==, 1);

  /* Another label may cover the same fragments */
  g_assert_true (sm_document_set_span_label (document, other, "SPEAKER", NULL));
  g_assert_true (sm_document_add_fragment (document, other, 0, 40, NULL));
  g_assert_false (sm_document_set_span_label (document, other, "CLAIM", &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Removing a fragment may not make a duplicate either */
  g_assert_false (sm_document_remove_fragment (document, claim, 1, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "span T3 already has label CLAIM on [0, 40)");
}

/* Resizing acts on the fragment that owns the edge */
static void
test_resize_edges (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  SmSpan *claim = add_interrupted_claim (document);
  guint end = end_of (second_part);

  /* The span's edges are its first fragment's start and last one's end */
  g_assert_true (sm_document_set_span_range (document, claim, 1, end - 1, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("1-40,58-%u", end - 1);
  assert_fragments (claim, expected);
  g_assert_cmpstr (sm_span_get_text (claim), ==,
                   "We have come to know our true friends,” “and we are determined to go on.");

  /* An edge does not leave its fragment */
  g_assert_false (sm_document_set_span_range (document, claim, 40, end, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "[40, 91) would empty the first or last fragment of span T1: "
                   "its start stays before 40 and its end after 58");
  g_clear_error (&error);
  assert_fragments (claim, expected);

  /* The edges inside */
  g_assert_true (sm_document_set_fragment_range (document, claim, 0, 1, 30, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("1-30,58-%u", end - 1);
  assert_fragments (claim, expected);
  g_assert_true (sm_document_set_fragment_range (document, claim, 1, 50, end - 1, NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("1-30,50-%u", end - 1);
  assert_fragments (claim, expected);

  /* Dragged onto its neighbour, a fragment merges with it */
  g_assert_true (sm_document_set_fragment_range (document, claim, 0, 1, 50, NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("1-%u", end - 1);
  assert_fragments (claim, expected);

  g_assert_false (sm_document_set_fragment_range (document, claim, 0, 5, 5, &error));
  g_assert_cmpstr (error->message, ==, "empty span at 5: a span must cover at least one character");

  /* Four steps back to where it was */
  for (guint i = 0; i < 4; i++)
    sm_document_undo (document);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0-40,58-%u", end);
  assert_fragments (claim, expected);
}

/* A claim stays one span: its speaker and note through every change of
 * its fragments, in the index's order by hull */
static void
test_relations_and_note_stay_whole (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GError) error = NULL;
  SmSpan *claim = add (document, "CLAIM", first_part);
  SmSpan *speaker = add (document, "SPEAKER", "Lukashenko");
  g_autoptr(SmSpan) first = NULL;
  g_autoptr(SmSpan) second = NULL;

  g_assert_true (sm_document_set_speaker (document, claim, speaker, &error));
  sm_document_set_span_note (document, claim, "from the state news agency");
  add_fragment (document, claim, second_part);

  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpstr (sm_span_get_note (claim), ==, "from the state news agency");
  g_assert_true (sm_document_remove_fragment (document, claim, 0, NULL));
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);

  /* Its place in the list follows its first fragment */
  first = g_list_model_get_item (sm_document_get_spans (document), 0);
  g_assert_true (first == speaker);
  sm_document_undo (document);
  second = g_list_model_get_item (sm_document_get_spans (document), 0);
  g_assert_true (second == claim);

  sm_document_remove_span (document, claim);
  g_assert_cmpuint (g_list_model_get_n_items (sm_document_get_relations (document)), ==, 0);
  sm_document_undo (document);
  g_assert_true (sm_document_get_speaker (document, claim) == speaker);
  g_assert_cmpuint (sm_span_get_n_fragments (claim), ==, 2);
}

/* Tag All Matches tags the matches in a gap: they are outside the span */
static void
test_tag_matches_in_gap (void)
{
  g_autoptr(SmDocument) document = new_document ();
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));
  guint gap = offset_of ("said");
  guint inside = offset_of ("friends");
  guint n_tagged = 0, n_inside = 0;

  add_interrupted_claim (document);
  g_array_append_vals (matches, (guint[]) { gap, gap + 4, inside, inside + 7, 30, 60 }, 6);
  g_assert_true (sm_document_tag_matches (document, "CLAIM", matches, &n_tagged, &n_inside, NULL));
  g_assert_cmpuint (n_tagged, ==, 2);
  g_assert_cmpuint (n_inside, ==, 1);
}

/* Relabelling onto a label with a span over the same fragments merges the
 * two; over the same hull only, it does not */
static void
test_relabel_merges_same_fragments (void)
{
  g_autoptr(SmDocument) document = new_document ();
  SmSpan *claim = add_interrupted_claim (document);
  SmSpan *figure, *hull;
  guint n_spans = 0;

  figure = add (document, "FIGURE", first_part);
  add_fragment (document, figure, second_part);
  hull = sm_document_add_span (document, "SPEAKER", 0, end_of (second_part), NULL);
  g_assert_nonnull (hull);

  g_assert_true (sm_document_relabel_spans (document, "FIGURE", "CLAIM", &n_spans, NULL));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
  g_assert_true (sm_document_find_span (document, sm_span_get_id (claim)) == claim);

  g_assert_true (sm_document_relabel_spans (document, "SPEAKER", "CLAIM", &n_spans, NULL));
  g_assert_cmpuint (sm_document_get_n_spans (document), ==, 2);
  g_assert_cmpstr (sm_span_get_label (hull), ==, "CLAIM");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fragments/add", test_add_fragment);
  g_test_add_func ("/fragments/merge", test_fragments_merge);
  g_test_add_func ("/fragments/remove", test_remove_fragment);
  g_test_add_func ("/fragments/span-text-for-reading", test_span_text_for_reading);
  g_test_add_func ("/fragments/signals", test_signals);
  g_test_add_func ("/fragments/hit-test-in-gap", test_hit_test_in_gap);
  g_test_add_func ("/fragments/hit-test-on-many-spans", test_hit_test_on_many_spans);
  g_test_add_func ("/fragments/duplicates-refused", test_duplicates_refused);
  g_test_add_func ("/fragments/resize-edges", test_resize_edges);
  g_test_add_func ("/fragments/relations-and-note-stay-whole", test_relations_and_note_stay_whole);
  g_test_add_func ("/fragments/tag-matches-in-gap", test_tag_matches_in_gap);
  g_test_add_func ("/fragments/relabel-merges-same-fragments", test_relabel_merges_same_fragments);

  return g_test_run ();
}
