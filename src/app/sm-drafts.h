/* sm-drafts.h: unsaved work, kept on disk every few seconds.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-document.h"

G_BEGIN_DECLS

typedef struct
{
  char      *key;
  char      *name;
  GFile     *target;     /* the Spanmark file it belongs in, or NULL */
  GFile     *article;    /* the article it was made from, or NULL */
  GDateTime *saved;
} SmDraft;

void        sm_draft_free        (SmDraft     *draft);

GFile      *sm_drafts_get_dir    (void);
char       *sm_drafts_make_key   (GFile       *target,
                                  GFile       *article);
void        sm_drafts_save_async (const char  *key,
                                  SmDocument  *document,
                                  GFile       *target,
                                  GFile       *article,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer     user_data);
gboolean    sm_drafts_save_finish (GAsyncResult *result,
                                  GError     **error);
void        sm_drafts_discard    (const char  *key);
GPtrArray  *sm_drafts_list       (void);
SmDocument *sm_drafts_load       (SmDraft     *draft,
                                  GError     **error);
char       *sm_drafts_format_time (GDateTime  *time,
                                  GDateTime   *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmDraft, sm_draft_free)

G_END_DECLS
