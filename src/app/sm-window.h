/* sm-window.h: a window annotating one document.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sm-annotation-view.h"
#include "sm-application.h"
#include "sm-corpus-folder.h"
#include "sm-curation-bar.h"
#include "sm-curation.h"
#include "sm-document.h"
#include "sm-span-list.h"

G_BEGIN_DECLS

#define SM_TYPE_WINDOW (sm_window_get_type ())

G_DECLARE_FINAL_TYPE (SmWindow, sm_window, SM, WINDOW, AdwApplicationWindow)

SmWindow         *sm_window_new            (SmApplication *application);
void              sm_window_open_file      (SmWindow      *self,
                                            GFile         *file);
void              sm_window_show_document  (SmWindow      *self,
                                            SmDocument    *document);
void              sm_window_open_folder    (SmWindow      *self,
                                            GFile         *folder);
SmCorpusFolder   *sm_window_get_corpus     (SmWindow      *self);
SmCorpusEntry    *sm_window_get_corpus_entry (SmWindow    *self);
gboolean          sm_window_is_empty       (SmWindow      *self);
gboolean          sm_window_is_busy        (SmWindow      *self);
SmDocument       *sm_window_get_document   (SmWindow      *self);
GFile            *sm_window_get_file       (SmWindow      *self);
SmAnnotationView *sm_window_get_view       (SmWindow      *self);
SmSpanList       *sm_window_get_span_list  (SmWindow      *self);
gboolean          sm_window_get_changed_on_disk (SmWindow *self);
void              sm_window_show_toast     (SmWindow      *self,
                                            const char    *message);
void              sm_window_offer_drafts   (SmWindow      *self);
void              sm_window_curate_files   (SmWindow      *self,
                                            GPtrArray     *files);
SmCuration       *sm_window_get_curation   (SmWindow      *self);
SmCurationBar    *sm_window_get_curation_bar (SmWindow    *self);

G_END_DECLS
