/* sm-label.h: a label a span can carry (Speaker, Claim, Figure, or a custom one).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SM_LABEL_SPEAKER "SPEAKER"
#define SM_LABEL_CLAIM   "CLAIM"
#define SM_LABEL_FIGURE  "FIGURE"

/*
 * Label keys: the one place that says which keys labels may use.
 *
 * The window's own shortcuts are Ctrl and Alt combinations plus Delete, F9
 * and Escape. The plain keys below belong to labels and the window binds
 * none of them, so a label key can never hide a window shortcut. Digits
 * come first, then letters, so that a tenth label and beyond are still one
 * keystroke away (sm_label_find_free_key() hands them out in this order).
 * Letters are lowercase only: "A" needs Shift and reads as the same key.
 * A document read from a file may carry other keys; they keep working, but
 * no edit sets one.
 */
#define SM_LABEL_KEYS "123456789abcdefghijklmnopqrstuvwxyz"

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

/* Rules for a project's or a document's labels */
gboolean    sm_label_check_name      (const char  *name,
                                      GError     **error);
gboolean    sm_label_check_key       (GListModel  *labels,
                                      const char  *id,
                                      const char  *key,
                                      GError     **error);
SmLabel    *sm_label_find_by_key     (GListModel  *labels,
                                      const char  *key);
const char *sm_label_find_free_key   (GListModel  *labels);
char       *sm_label_propose_id      (const char  *name,
                                      GHashTable  *taken);
gboolean    sm_label_id_is_builtin   (const char  *id);

G_END_DECLS
