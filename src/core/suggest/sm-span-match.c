/* sm-span-match.c: one-to-one matching of two sets of spans.
 *
 * Every pair of spans that may match (same label; same fragments, or
 * overlapping by at least half of their union) is a candidate; the
 * candidates are taken best first, a pair only while both of its spans are
 * still free. "Best" is a total order, so the result never depends on the
 * order the spans came in: the higher intersection over union (compared
 * as fractions, exactly), then the earlier start on the first side, then
 * on the second.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-span-match"

#include "config.h"

#include <string.h>

#include "sm-span-match.h"
#include "sm-span-private.h"

typedef struct
{
  const char  *label;
  const guint *bounds;       /* 2 × n_fragments, sorted and disjoint */
  guint        n_fragments;
  guint        length;       /* characters covered */
  guint        index;        /* position in the caller's array */
} Item;

typedef struct
{
  const Item *a;
  const Item *b;
  guint       shared;        /* |A ∩ B| */
  guint       joined;        /* |A ∪ B| */
} Candidate;

const char *
sm_span_match_mode_to_string (SmSpanMatchMode mode)
{
  return mode == SM_SPAN_MATCH_EXACT ? "exact" : "overlap";
}

/**
 * sm_span_match_mode_from_string:
 * @string: "exact" or "overlap", as the command line and files spell them
 * @mode: (out): the mode
 *
 * Returns: %FALSE if @string is neither
 */
gboolean
sm_span_match_mode_from_string (const char      *string,
                                SmSpanMatchMode *mode)
{
  g_return_val_if_fail (mode != NULL, FALSE);

  if (g_strcmp0 (string, "exact") == 0)
    *mode = SM_SPAN_MATCH_EXACT;
  else if (g_strcmp0 (string, "overlap") == 0)
    *mode = SM_SPAN_MATCH_OVERLAP;
  else
    return FALSE;

  return TRUE;
}

static guint
count_bounds (const guint *bounds,
              guint        n_fragments)
{
  guint length = 0;

  for (guint i = 0; i < n_fragments; i++)
    length += bounds[2 * i + 1] - MIN (bounds[2 * i], bounds[2 * i + 1]);

  return length;
}

/* A span's fragments never overlap one another (the document merges
 * them), so the two lists can be walked side by side */
static guint
count_shared_bounds (const guint *a,
                     guint        n_a,
                     const guint *b,
                     guint        n_b)
{
  guint shared = 0;
  guint i = 0, j = 0;

  while (i < n_a && j < n_b)
    {
      guint start = MAX (a[2 * i], b[2 * j]);
      guint end = MIN (a[2 * i + 1], b[2 * j + 1]);

      if (start < end)
        shared += end - start;

      if (a[2 * i + 1] < b[2 * j + 1])
        i++;
      else
        j++;
    }

  return shared;
}

/**
 * sm_span_match_count_characters:
 * @span: a span
 *
 * Returns: how many characters the span's fragments cover
 */
guint
sm_span_match_count_characters (SmSpan *span)
{
  const guint *bounds;
  guint n_fragments;

  g_return_val_if_fail (SM_IS_SPAN (span), 0);

  bounds = _sm_span_get_bounds (span, &n_fragments);

  return count_bounds (bounds, n_fragments);
}

/**
 * sm_span_match_count_shared:
 * @a: a span
 * @b: another span
 *
 * Returns: how many characters both spans cover, whatever their labels
 */
guint
sm_span_match_count_shared (SmSpan *a,
                            SmSpan *b)
{
  const guint *bounds_a, *bounds_b;
  guint n_a, n_b;

  g_return_val_if_fail (SM_IS_SPAN (a), 0);
  g_return_val_if_fail (SM_IS_SPAN (b), 0);

  bounds_a = _sm_span_get_bounds (a, &n_a);
  bounds_b = _sm_span_get_bounds (b, &n_b);

  return count_shared_bounds (bounds_a, n_a, bounds_b, n_b);
}

/* Empty spans are left out: they cover nothing that could be found or
 * missed */
static GArray *
collect_items (const SmSpanMatchItem *spans,
               guint                  n_spans)
{
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n_spans);

  for (guint i = 0; i < n_spans; i++)
    {
      Item item = { 0, };

      item.label = spans[i].label;
      item.bounds = spans[i].bounds;
      item.n_fragments = spans[i].n_fragments;
      item.length = count_bounds (item.bounds, item.n_fragments);
      item.index = i;

      if (item.length == 0 || item.label == NULL)
        continue;

      g_array_append_val (items, item);
    }

  return items;
}

static guint
item_start (const Item *item)
{
  return item->bounds[0];
}

static guint
item_end (const Item *item)
{
  return item->bounds[2 * item->n_fragments - 1];
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;
  int order = strcmp (x->label, y->label);

  if (order != 0)
    return order;

  if (item_start (x) != item_start (y))
    return item_start (x) < item_start (y) ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index;
}

static gint
compare_guint (guint x,
               guint y)
{
  return x < y ? -1 : x > y;
}

/* Best first: the higher IoU (x.shared/x.joined against y.shared/y.joined,
 * cross-multiplied so that 1/2 and 2/4 are the same), then by position */
static gint
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  guint64 left = (guint64) x->shared * y->joined;
  guint64 right = (guint64) y->shared * x->joined;
  gint order;

  if (left != right)
    return left > right ? -1 : 1;

  if ((order = compare_guint (item_start (x->a), item_start (y->a))) != 0 ||
      (order = compare_guint (item_start (x->b), item_start (y->b))) != 0 ||
      (order = compare_guint (item_end (x->a), item_end (y->a))) != 0 ||
      (order = compare_guint (item_end (x->b), item_end (y->b))) != 0 ||
      (order = compare_guint (x->a->index, y->a->index)) != 0)
    return order;

  return compare_guint (x->b->index, y->b->index);
}

static gint
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const SmSpanPair *x = a, *y = b;

  return compare_guint (x->a, y->a);
}

static gboolean
same_fragments (const Item *a,
                const Item *b)
{
  return a->n_fragments == b->n_fragments &&
         memcmp (a->bounds, b->bounds, 2 * a->n_fragments * sizeof (guint)) == 0;
}

/* The first item of @items (sorted) at or after (@label, @start) */
static guint
lower_bound (GArray     *items,
             const char *label,
             guint       start)
{
  guint low = 0, high = items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Item *item = &g_array_index (items, Item, middle);
      int order = strcmp (item->label, label);

      if (order < 0 || (order == 0 && item_start (item) < start))
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static SmSpanMatchItem *
items_of_spans (GPtrArray *spans)
{
  SmSpanMatchItem *items = g_new0 (SmSpanMatchItem, MAX (spans->len, 1));

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      items[i].label = sm_span_get_label (span);
      items[i].bounds = _sm_span_get_bounds (span, &items[i].n_fragments);
    }

  return items;
}

/**
 * sm_span_match:
 * @a: (element-type SmSpan): the spans of one side (the gold)
 * @b: (element-type SmSpan): the spans of the other (the prediction)
 * @mode: what makes two spans a match
 *
 * Pairs spans of @a with spans of @b one to one, best matches first.
 *
 * Returns: (transfer full) (element-type SmSpanPair): the pairs, as
 *   positions in @a and @b, in the order of @a
 */
GArray *
sm_span_match (GPtrArray       *a,
               GPtrArray       *b,
               SmSpanMatchMode  mode)
{
  g_autofree SmSpanMatchItem *items_a = NULL;
  g_autofree SmSpanMatchItem *items_b = NULL;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  items_a = items_of_spans (a);
  items_b = items_of_spans (b);

  return sm_span_match_items (items_a, a->len, items_b, b->len, mode);
}

/**
 * sm_span_match_items:
 * @a: (array length=n_a): the spans of one side (the gold)
 * @n_a: how many
 * @b: (array length=n_b): the spans of the other (the prediction)
 * @n_b: how many
 * @mode: what makes two spans a match
 *
 * Pairs spans of @a with spans of @b one to one, best matches first.
 * Empty spans are left out.
 *
 * Returns: (transfer full) (element-type SmSpanPair): the pairs, as
 *   positions in @a and @b, in the order of @a
 */
GArray *
sm_span_match_items (const SmSpanMatchItem *a,
                     guint                  n_a,
                     const SmSpanMatchItem *b,
                     guint                  n_b,
                     SmSpanMatchMode        mode)
{
  g_autoptr(GArray) items_a = NULL;
  g_autoptr(GArray) items_b = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) longest = NULL;
  g_autofree gboolean *taken_a = NULL;
  g_autofree gboolean *taken_b = NULL;
  GArray *pairs;

  g_return_val_if_fail (a != NULL || n_a == 0, NULL);
  g_return_val_if_fail (b != NULL || n_b == 0, NULL);

  pairs = g_array_new (FALSE, FALSE, sizeof (SmSpanPair));
  items_a = collect_items (a, n_a);
  items_b = collect_items (b, n_b);
  g_array_sort (items_b, compare_items);

  /* The longest extent of each label's spans in @b bounds how far before
   * a span of @a one that overlaps it can start */
  longest = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < items_b->len; j++)
    {
      const Item *item = &g_array_index (items_b, Item, j);
      guint extent = item_end (item) - item_start (item);

      if (extent > GPOINTER_TO_UINT (g_hash_table_lookup (longest, item->label)))
        g_hash_table_insert (longest, (gpointer) item->label, GUINT_TO_POINTER (extent));
    }

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < items_a->len; i++)
    {
      const Item *x = &g_array_index (items_a, Item, i);
      guint extent = GPOINTER_TO_UINT (g_hash_table_lookup (longest, x->label));
      guint from = item_start (x) > extent ? item_start (x) - extent : 0;

      for (guint j = lower_bound (items_b, x->label, from); j < items_b->len; j++)
        {
          const Item *y = &g_array_index (items_b, Item, j);
          Candidate candidate = { x, y, 0, 0 };

          if (strcmp (y->label, x->label) != 0 || item_start (y) >= item_end (x))
            break;

          if (mode == SM_SPAN_MATCH_EXACT)
            {
              if (!same_fragments (x, y))
                continue;
              candidate.shared = candidate.joined = x->length;
            }
          else
            {
              candidate.shared = count_shared_bounds (x->bounds, x->n_fragments,
                                                      y->bounds, y->n_fragments);
              candidate.joined = x->length + y->length - candidate.shared;

              if (candidate.shared == 0 || 2 * (guint64) candidate.shared < candidate.joined)
                continue;
            }

          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);

  taken_a = g_new0 (gboolean, MAX (n_a, 1));
  taken_b = g_new0 (gboolean, MAX (n_b, 1));
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, k);
      SmSpanPair pair = { candidate->a->index, candidate->b->index };

      if (taken_a[pair.a] || taken_b[pair.b])
        continue;

      taken_a[pair.a] = taken_b[pair.b] = TRUE;
      g_array_append_val (pairs, pair);
    }

  g_array_sort (pairs, compare_pairs);

  return pairs;
}
