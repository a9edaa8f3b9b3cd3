/* sm-span-match.h: which spans of one side are the spans of the other.
 *
 * Two annotations of one text (gold and predicted, or two annotators) are
 * compared by pairing their spans one to one: a span of one side is the
 * match of at most one span of the other. Evaluation (sm-evaluation.h)
 * and agreement count these pairs; both must match the same way, so that
 * their figures can be set side by side.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-span.h"

G_BEGIN_DECLS

/**
 * SmSpanMatchMode:
 * @SM_SPAN_MATCH_EXACT: the same label and the same fragments
 * @SM_SPAN_MATCH_OVERLAP: the same label, and the characters' intersection
 *   over union is at least one half (2·|A ∩ B| ≥ |A ∪ B|, in integers)
 */
typedef enum
{
  SM_SPAN_MATCH_EXACT,
  SM_SPAN_MATCH_OVERLAP,
} SmSpanMatchMode;

/**
 * SmSpanPair:
 * @a: the position of a span in the first array
 * @b: the position of its match in the second
 */
typedef struct
{
  guint a;
  guint b;
} SmSpanPair;

/**
 * SmSpanMatchItem:
 * @label: the label's id
 * @bounds: start and end of each fragment, in code points, sorted and
 *   not overlapping one another
 * @n_fragments: how many
 *
 * A span as matching sees it, for callers whose spans are not #SmSpan
 * objects (suggestions, ranges read elsewhere). It may be empty.
 */
typedef struct
{
  const char  *label;
  const guint *bounds;
  guint        n_fragments;
} SmSpanMatchItem;

const char *sm_span_match_mode_to_string   (SmSpanMatchMode  mode);
gboolean    sm_span_match_mode_from_string (const char      *string,
                                            SmSpanMatchMode *mode);
guint       sm_span_match_count_characters (SmSpan          *span);
guint       sm_span_match_count_shared     (SmSpan          *a,
                                            SmSpan          *b);
GArray     *sm_span_match                  (GPtrArray       *a,
                                            GPtrArray       *b,
                                            SmSpanMatchMode  mode);
GArray     *sm_span_match_items            (const SmSpanMatchItem *a,
                                            guint                  n_a,
                                            const SmSpanMatchItem *b,
                                            guint                  n_b,
                                            SmSpanMatchMode        mode);

G_END_DECLS
