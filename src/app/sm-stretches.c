/* sm-stretches.c: a set of stretches of text, kept in order and apart.
 *
 * What the annotation view has not highlighted (or not since it changed):
 * a run of 610,036 suggestions on a 20 MB article adds a stretch each,
 * and those away from the view merge into the few long stretches there,
 * which are drawn only when the view comes near. Taking is a binary search and at most
 * one move of the array: with a scan from the start and a removal per
 * stretch, drawing a whole article took the view 110 s of slices after a
 * redo of Tag All Matches there (perf: forget_undrawn() was 6.7 % of the
 * main thread's samples).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "sm-stretches.h"

struct _SmStretches
{
  GArray *items;  /* SmStretch, by start, none empty, none touching */
};

SmStretches *
sm_stretches_new (void)
{
  SmStretches *self = g_new0 (SmStretches, 1);

  self->items = g_array_new (FALSE, FALSE, sizeof (SmStretch));

  return self;
}

void
sm_stretches_free (SmStretches *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->items);
  g_free (self);
}

gboolean
sm_stretches_is_empty (SmStretches *self)
{
  return self->items->len == 0;
}

guint
sm_stretches_get_n (SmStretches *self)
{
  return self->items->len;
}

void
sm_stretches_clear (SmStretches *self)
{
  g_array_set_size (self->items, 0);
}

static inline SmStretch *
nth (SmStretches *self,
     guint        i)
{
  return &g_array_index (self->items, SmStretch, i);
}

/* The index of the first stretch that ends after @offset */
static guint
first_ending_after (SmStretches *self,
                    guint        offset)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (nth (self, middle)->end > offset)
        high = middle;
      else
        low = middle + 1;
    }

  return low;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const SmStretch *first = a;
  const SmStretch *second = b;

  return (first->start > second->start) - (first->start < second->start);
}

static gboolean
is_in_order (const SmStretch *stretches,
             guint            n_stretches)
{
  for (guint i = 1; i < n_stretches; i++)
    if (stretches[i].start < stretches[i - 1].start)
      return FALSE;

  return TRUE;
}

/* Adds @stretches, in any order, overlapping or not: one pass merging
 * them with those kept (a document's batch comes in order already) */
void
sm_stretches_add (SmStretches     *self,
                  const SmStretch *stretches,
                  guint            n_stretches)
{
  g_autofree SmStretch *sorted = NULL;
  const SmStretch *added = stretches;
  GArray *merged;
  guint i = 0, j = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (stretches != NULL || n_stretches == 0);

  if (n_stretches == 0)
    return;

  if (!is_in_order (stretches, n_stretches))
    {
      sorted = g_memdup2 (stretches, n_stretches * sizeof (SmStretch));
      qsort (sorted, n_stretches, sizeof (SmStretch), compare_starts);
      added = sorted;
    }

  merged = g_array_sized_new (FALSE, FALSE, sizeof (SmStretch), self->items->len + n_stretches);
  while (i < self->items->len || j < n_stretches)
    {
      SmStretch next;
      SmStretch *last;

      if (j == n_stretches || (i < self->items->len && nth (self, i)->start <= added[j].start))
        next = *nth (self, i++);
      else
        next = added[j++];

      if (next.start >= next.end)
        continue;

      last = merged->len > 0 ? &g_array_index (merged, SmStretch, merged->len - 1) : NULL;
      if (last != NULL && next.start <= last->end)
        last->end = MAX (last->end, next.end);
      else
        g_array_append_val (merged, next);
    }

  g_array_unref (self->items);
  self->items = merged;
}

/* Takes [@start, @end) out, and returns what of it was in (SmStretch, in
 * order) */
GArray *
sm_stretches_take_in (SmStretches *self,
                      guint        start,
                      guint        end)
{
  GArray *taken = g_array_new (FALSE, FALSE, sizeof (SmStretch));
  SmStretch left[2];
  guint n_left = 0;
  guint first, last;

  g_return_val_if_fail (self != NULL, taken);

  if (start >= end)
    return taken;

  first = first_ending_after (self, start);
  for (last = first; last < self->items->len && nth (self, last)->start < end; last++)
    {
      SmStretch stretch = *nth (self, last);
      SmStretch part = { MAX (stretch.start, start), MIN (stretch.end, end) };

      g_array_append_val (taken, part);
      /* Only the first can start before, and only the last end after */
      if (stretch.start < start)
        left[n_left++] = (SmStretch) { stretch.start, start };
      if (stretch.end > end)
        left[n_left++] = (SmStretch) { end, stretch.end };
    }

  if (last - first >= n_left)
    {
      for (guint i = 0; i < n_left; i++)
        *nth (self, first + i) = left[i];
      if (last - first > n_left)
        g_array_remove_range (self->items, first + n_left, last - first - n_left);
    }
  else
    {
      /* One stretch, cut in two by [start, end) */
      *nth (self, first) = left[0];
      g_array_insert_val (self->items, first + 1, left[1]);
    }

  return taken;
}
