/* sm-code-points.c: an article's characters by their offset, two bytes each.
 *
 * The recognizers (sm-suggest-figures.c, sm-suggest-quotes.c) read the
 * characters of an article by code point offset, many times and in any
 * order. They read them from a copy of the text in UCS-4, four bytes a
 * character: 74 MB for the 20 MB article of issue 15, the largest block
 * of a suggestion run. This copy takes two bytes a character (37 MB
 * there), and a table of the few characters outside the Basic
 * Multilingual Plane, found by binary search; reading a character is one
 * load and one comparison, as fast as the UCS-4 copy (measured in
 * bench/README.md, "Memory of a suggestion run").
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggest"

#include "config.h"

#include "sm-code-points.h"

/**
 * sm_code_points_init:
 * @self: where to put the characters
 * @text: an article
 *
 * Copies the characters of @text; sm_code_points_clear() frees them.
 */
void
sm_code_points_init (SmCodePoints *self,
                     SmText       *text)
{
  const char *p;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  p = sm_text_get_utf8 (text);
  n = sm_text_get_length (text);
  self->length = n;
  self->bmp = g_new (guint16, n + 1);
  self->astral_at = g_array_new (FALSE, FALSE, sizeof (guint));
  self->astral = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        {
          g_array_append_val (self->astral_at, i);
          g_array_append_val (self->astral, c);
          c = SM_CODE_POINTS_ASTRAL;
        }
      self->bmp[i] = (guint16) c;
    }
  self->bmp[n] = 0;
}

void
sm_code_points_clear (SmCodePoints *self)
{
  g_clear_pointer (&self->bmp, g_free);
  g_clear_pointer (&self->astral_at, g_array_unref);
  g_clear_pointer (&self->astral, g_array_unref);
  self->length = 0;
}

/* sm_code_points_get() where it found SM_CODE_POINTS_ASTRAL */
gunichar
_sm_code_points_astral (const SmCodePoints *self,
                        guint               offset)
{
  const guint *at = (const guint *) (gpointer) self->astral_at->data;
  guint low = 0, high = self->astral_at->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (at[mid] < offset)
        low = mid + 1;
      else
        high = mid;
    }
  g_return_val_if_fail (low < self->astral_at->len && at[low] == offset, 0);

  return g_array_index (self->astral, gunichar, low);
}
