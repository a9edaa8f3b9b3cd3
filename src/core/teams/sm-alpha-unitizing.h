/* sm-alpha-unitizing.h: Krippendorff's unitizing alpha of one label.
 *
 * How far annotators agree on where the units of one category lie on a
 * continuum (here: the characters of a text), computed as DKPro
 * Statistics' KrippendorffAlphaUnitizingAgreement computes its
 * per-category alpha (Krippendorff 1995, "On the reliability of unitizing
 * continuous data"; 2004, "Measuring the reliability of qualitative text
 * analysis data").
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SmUnit:
 * @start: first position of the unit on the continuum
 * @end: the position after its last one: the unit is [start, end)
 */
typedef struct
{
  guint start;
  guint end;
} SmUnit;

void     sm_units_merge                  (GArray    *units);

gboolean sm_alpha_unitizing_disagreement (guint      length,
                                          GPtrArray *units,
                                          double    *observed,
                                          double    *expected);
gboolean sm_alpha_unitizing              (guint      length,
                                          GPtrArray *units,
                                          double    *alpha);

G_END_DECLS
