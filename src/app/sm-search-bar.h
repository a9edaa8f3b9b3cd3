/* sm-search-bar.h: finds text in the article, and tags every match.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-annotation-view.h"

G_BEGIN_DECLS

#define SM_TYPE_SEARCH_BAR (sm_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (SmSearchBar, sm_search_bar, SM, SEARCH_BAR, GtkWidget)

GtkWidget *sm_search_bar_new          (void);
void       sm_search_bar_set_view     (SmSearchBar      *self,
                                       SmAnnotationView *view);
void       sm_search_bar_set_text     (SmSearchBar      *self,
                                       const char       *text);
void       sm_search_bar_set_whole_words (SmSearchBar   *self,
                                       gboolean          whole_words);
void       sm_search_bar_begin        (SmSearchBar      *self);
GArray    *sm_search_bar_get_matches  (SmSearchBar      *self);

G_END_DECLS
