/* sm-code-points.h: an article's characters by their offset, two bytes each.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-text.h"

G_BEGIN_DECLS

/* A character outside the Basic Multilingual Plane (an emoji, a flag) is
 * stored as this surrogate, which valid UTF-8 never holds, and kept in a
 * table of them */
#define SM_CODE_POINTS_ASTRAL 0xD800

typedef struct
{
  guint16 *bmp;        /* length + 1: a 0 after the last character */
  guint    length;
  GArray  *astral_at;  /* guint: the offsets of SM_CODE_POINTS_ASTRAL, in order */
  GArray  *astral;     /* gunichar: the characters there */
} SmCodePoints;

void     sm_code_points_init   (SmCodePoints       *self,
                                SmText             *text);
void     sm_code_points_clear  (SmCodePoints       *self);
gunichar _sm_code_points_astral (const SmCodePoints *self,
                                 guint               offset);

/* The character at code point @offset (at most the length: 0 there) */
static inline gunichar
sm_code_points_get (const SmCodePoints *self,
                    guint               offset)
{
  gunichar c = self->bmp[offset];

  return G_LIKELY (c != SM_CODE_POINTS_ASTRAL) ? c : _sm_code_points_astral (self, offset);
}

G_END_DECLS
