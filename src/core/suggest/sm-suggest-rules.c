/* sm-suggest-rules.c: what the rule recognizers have in common.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggest"

#include "config.h"

#include "sm-label.h"
#include "sm-suggest-rules.h"

/**
 * sm_role_to_label:
 * @role: what a hit is
 *
 * Returns: the id of the default label for @role ("SPEAKER", "CLAIM",
 *   "FIGURE"): the label a hit becomes a suggestion of
 */
const char *
sm_role_to_label (SmRole role)
{
  switch (role)
    {
    case SM_ROLE_SPEAKER:
      return SM_LABEL_SPEAKER;
    case SM_ROLE_CLAIM:
      return SM_LABEL_CLAIM;
    case SM_ROLE_FIGURE:
      return SM_LABEL_FIGURE;
    default:
      g_return_val_if_reached (NULL);
    }
}
