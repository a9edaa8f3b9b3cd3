/* sm-alpha-unitizing.c: Krippendorff's unitizing alpha of one label.
 *
 * What is computed is the per-category alpha of DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement (calculateCategoryAgreement), which
 * follows Krippendorff (1995, p. 57 ff.; 2004, p. 251 ff.). Each
 * annotator's units cut the continuum [0, L) into units and the gaps
 * between them.
 *
 * The observed disagreement D_o sums, over every pair of annotators, the
 * distance between each unit of one and what the other has where it is:
 *   - a unit of the other that overlaps it: (start difference)² +
 *     (end difference)², counted once per such pair of units;
 *   - only a gap (the unit overlaps none of the other's units): length²;
 * and divides by R(R-1)/2 · L² for R annotators.
 *
 * The expected disagreement D_e is that of units placed at random:
 *   D_e = 2/L · Σ_u [ (N-1)(2l³ - 3l² + l)/3 + l² Σ_{gaps g ≥ l} (g - l + 1) ]
 *         / (R·L·(R·L - 1) - Σ_u l(l - 1))
 * where u runs over all N units of all annotators, l is the length of u and
 * the gaps are those of every annotator (of length > 0, the ones before the
 * first unit and after the last included).
 *
 * alpha = 1 - D_o / D_e, and 0 when the two are equal (DKPro does so, so
 * that a label nobody disagrees on by chance does not score 1).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-alpha-unitizing"

#include "config.h"

#include "sm-alpha-unitizing.h"

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const SmUnit *ua = a;
  const SmUnit *ub = b;

  if (ua->start != ub->start)
    return ua->start < ub->start ? -1 : 1;
  if (ua->end != ub->end)
    return ua->end < ub->end ? -1 : 1;
  return 0;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ga = *(const guint *) a;
  guint gb = *(const guint *) b;

  return ga < gb ? -1 : ga > gb;
}

/**
 * sm_units_merge:
 * @units: (element-type SmUnit): one annotator's units of one category
 *
 * Sorts @units and replaces each run of overlapping units by their union,
 * so that they are as sm_alpha_unitizing() wants them. Units that only
 * touch (one ends where the next starts) stay apart: an annotator who
 * marked two adjacent spans said there are two units. Empty units carry no
 * characters and are dropped.
 */
void
sm_units_merge (GArray *units)
{
  guint kept = 0;

  g_return_if_fail (units != NULL);
  g_return_if_fail (g_array_get_element_size (units) == sizeof (SmUnit));

  g_array_sort (units, compare_units);

  for (guint i = 0; i < units->len; i++)
    {
      SmUnit unit = g_array_index (units, SmUnit, i);

      if (unit.end <= unit.start)
        continue;

      if (kept > 0)
        {
          SmUnit *last = &g_array_index (units, SmUnit, kept - 1);

          if (unit.start < last->end)
            {
              last->end = MAX (last->end, unit.end);
              continue;
            }
        }

      g_array_index (units, SmUnit, kept++) = unit;
    }

  g_array_set_size (units, kept);
}

/* Whether @units are non-empty, sorted, apart and inside [0, length) */
static gboolean
units_are_merged (GArray *units,
                  guint   length)
{
  guint previous_end = 0;

  for (guint i = 0; i < units->len; i++)
    {
      const SmUnit *unit = &g_array_index (units, SmUnit, i);

      if (unit->start >= unit->end || unit->end > length ||
          (i > 0 && unit->start < previous_end))
        return FALSE;
      previous_end = unit->end;
    }

  return TRUE;
}

static double
square (double x)
{
  return x * x;
}

/* For each unit of @a: the distance to the units of @b overlapping it, or,
 * when none does, its squared length (it lies in a gap of @b). With
 * @count_overlaps FALSE only the second part, so that the walk from @b's
 * side does not count the pairs of overlapping units twice. Both are sorted
 * and apart, so their ends are sorted too and one forward scan of @b is
 * enough. */
static double
distance_to (GArray   *a,
             GArray   *b,
             gboolean  count_overlaps)
{
  double sum = 0;
  guint first = 0;

  for (guint i = 0; i < a->len; i++)
    {
      const SmUnit *u = &g_array_index (a, SmUnit, i);
      gboolean overlapped = FALSE;

      while (first < b->len && g_array_index (b, SmUnit, first).end <= u->start)
        first++;

      for (guint k = first; k < b->len; k++)
        {
          const SmUnit *v = &g_array_index (b, SmUnit, k);

          if (v->start >= u->end)
            break;
          overlapped = TRUE;
          if (count_overlaps)
            sum += square ((double) u->start - v->start) +
                   square ((double) u->end - v->end);
        }

      if (!overlapped)
        sum += square ((double) u->end - u->start);
    }

  return sum;
}

static double
observed_disagreement (guint      length,
                       GPtrArray *units)
{
  guint raters = units->len;
  double sum = 0;

  for (guint r1 = 0; r1 < raters; r1++)
    for (guint r2 = r1 + 1; r2 < raters; r2++)
      {
        GArray *a = g_ptr_array_index (units, r1);
        GArray *b = g_ptr_array_index (units, r2);

        sum += distance_to (a, b, TRUE) + distance_to (b, a, FALSE);
      }

  return 2.0 * sum / ((double) raters * (raters - 1) * square (length));
}

static double
expected_disagreement (guint      length,
                       GPtrArray *units)
{
  guint raters = units->len;
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *gap_sums = NULL;
  double n_units = 0;
  double squared_lengths = 0;
  double sum = 0;

  for (guint r = 0; r < raters; r++)
    {
      GArray *mine = g_ptr_array_index (units, r);
      guint previous_end = 0;

      for (guint i = 0; i < mine->len; i++)
        {
          const SmUnit *u = &g_array_index (mine, SmUnit, i);
          double l = (double) u->end - u->start;

          if (u->start > previous_end)
            {
              guint gap = u->start - previous_end;
              g_array_append_val (gaps, gap);
            }
          previous_end = u->end;
          n_units++;
          squared_lengths += l * (l - 1);
        }

      if (length > previous_end)
        {
          guint gap = length - previous_end;
          g_array_append_val (gaps, gap);
        }
    }

  /* Σ_{g ≥ l} (g - l + 1) for every unit: sort the gaps once and keep the
   * sums of their tails, then each unit needs one binary search. */
  g_array_sort (gaps, compare_guint);
  gap_sums = g_new0 (double, gaps->len + 1);
  for (guint i = gaps->len; i > 0; i--)
    gap_sums[i - 1] = gap_sums[i] + g_array_index (gaps, guint, i - 1);

  for (guint r = 0; r < raters; r++)
    {
      GArray *mine = g_ptr_array_index (units, r);

      for (guint i = 0; i < mine->len; i++)
        {
          const SmUnit *u = &g_array_index (mine, SmUnit, i);
          guint l = u->end - u->start;
          double dl = l;
          guint low = 0;
          guint high = gaps->len;

          while (low < high)
            {
              guint middle = low + (high - low) / 2;

              if (g_array_index (gaps, guint, middle) < l)
                low = middle + 1;
              else
                high = middle;
            }

          sum += (n_units - 1) * (2 * dl * dl * dl - 3 * dl * dl + dl) / 3;
          sum += dl * dl * (gap_sums[low] - (double) (gaps->len - low) * (dl - 1));
        }
    }

  return sum * 2.0 / length /
         ((double) raters * length * ((double) raters * length - 1) - squared_lengths);
}

/**
 * sm_alpha_unitizing_disagreement:
 * @length: length of the continuum
 * @units: (element-type GArray): one #GArray of #SmUnit per annotator, the
 *   units of one category, as sm_units_merge() leaves them
 * @observed: (out): the observed disagreement D_o
 * @expected: (out): the expected disagreement D_e
 *
 * The two disagreements that alpha compares; several categories' alpha
 * together is 1 - mean D_o / mean D_e (as in DKPro's calculateAgreement()).
 *
 * Returns: %FALSE when they are undefined: fewer than two annotators, or
 *   no annotator has any unit
 */
gboolean
sm_alpha_unitizing_disagreement (guint      length,
                                 GPtrArray *units,
                                 double    *observed,
                                 double    *expected)
{
  gboolean any = FALSE;

  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (observed != NULL, FALSE);
  g_return_val_if_fail (expected != NULL, FALSE);

  for (guint r = 0; r < units->len; r++)
    {
      GArray *mine = g_ptr_array_index (units, r);

      g_return_val_if_fail (mine != NULL, FALSE);
      g_return_val_if_fail (g_array_get_element_size (mine) == sizeof (SmUnit), FALSE);
      g_return_val_if_fail (units_are_merged (mine, length), FALSE);
      any |= mine->len > 0;
    }

  if (!any || units->len < 2)
    return FALSE;

  *observed = observed_disagreement (length, units);
  *expected = expected_disagreement (length, units);
  return TRUE;
}

/**
 * sm_alpha_unitizing:
 * @length: length of the continuum (the characters of the text)
 * @units: (element-type GArray): one #GArray of #SmUnit per annotator, the
 *   units of one category, as sm_units_merge() leaves them (sorted, not
 *   overlapping, non-empty, inside [0, @length))
 * @alpha: (out): Krippendorff's unitizing alpha
 *
 * Computes the per-category unitizing alpha of DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement (see the top of this file). Costs
 * O(A² · U) for A annotators and U units (plus the overlapping pairs).
 *
 * Returns: %FALSE when alpha is undefined: no annotator has any unit (or
 *   there are fewer than two annotators); else sets @alpha, 0 when the
 *   observed and expected disagreement are equal
 */
gboolean
sm_alpha_unitizing (guint      length,
                    GPtrArray *units,
                    double    *alpha)
{
  double observed;
  double expected;

  g_return_val_if_fail (alpha != NULL, FALSE);

  if (!sm_alpha_unitizing_disagreement (length, units, &observed, &expected))
    return FALSE;

  *alpha = observed == expected ? 0.0 : 1.0 - observed / expected;
  return TRUE;
}
