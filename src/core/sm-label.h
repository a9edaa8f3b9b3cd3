/* sm-label.h: a label a span can carry (Speaker, Claim, Figure, or a custom one).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_LABEL_SPEAKER "SPEAKER"
#define SM_LABEL_CLAIM   "CLAIM"
#define SM_LABEL_FIGURE  "FIGURE"

#define SM_TYPE_LABEL (sm_label_get_type ())

G_DECLARE_FINAL_TYPE (SmLabel, sm_label, SM, LABEL, GObject)

SmLabel    *sm_label_new             (const char  *id,
                                      const char  *name,
                                      const char  *color,
                                      const char  *key);
const char *sm_label_get_id          (SmLabel     *self);
const char *sm_label_get_name        (SmLabel     *self);
void        sm_label_set_name        (SmLabel     *self,
                                      const char  *name);
const char *sm_label_get_color       (SmLabel     *self);
void        sm_label_set_color       (SmLabel     *self,
                                      const char  *color);
const char *sm_label_get_key         (SmLabel     *self);
void        sm_label_set_key         (SmLabel     *self,
                                      const char  *key);
gboolean    sm_label_id_is_valid     (const char  *id,
                                      GError     **error);
gboolean    sm_label_color_is_valid  (const char  *color,
                                      GError     **error);
gboolean    sm_label_key_is_valid    (const char  *key,
                                      GError     **error);
GPtrArray  *sm_label_new_default_set (void);

G_END_DECLS
