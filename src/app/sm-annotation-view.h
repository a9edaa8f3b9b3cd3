/* sm-annotation-view.h: an article shown read-only, with its spans highlighted.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "sm-document.h"

G_BEGIN_DECLS

#define SM_TYPE_ANNOTATION_VIEW (sm_annotation_view_get_type ())

/* A stretch drawn over the spans for a curator, as a suggestion is */
typedef struct
{
  guint  start;
  guint  end;
  char  *label;    /* its label's id, for the colour */
  char  *tooltip;  /* (nullable) whose it is */
} SmViewMark;

G_DECLARE_FINAL_TYPE (SmAnnotationView, sm_annotation_view, SM, ANNOTATION_VIEW, GtkSourceView)

SmAnnotationView *sm_annotation_view_new               (SmDocument        *document);
SmDocument       *sm_annotation_view_get_document      (SmAnnotationView  *self);
gboolean          sm_annotation_view_get_snap_to_words (SmAnnotationView  *self);
void              sm_annotation_view_set_snap_to_words (SmAnnotationView  *self,
                                                        gboolean           snap_to_words);
gboolean          sm_annotation_view_get_selection     (SmAnnotationView  *self,
                                                        guint             *start,
                                                        guint             *end);
void              sm_annotation_view_select_range      (SmAnnotationView  *self,
                                                        guint              start,
                                                        guint              end);
void              sm_annotation_view_snap_selection    (SmAnnotationView  *self);
gboolean          sm_annotation_view_select_word_at    (SmAnnotationView  *self,
                                                        guint              offset);
void              sm_annotation_view_reveal_span       (SmAnnotationView  *self,
                                                        SmSpan            *span);
gboolean          sm_annotation_view_move_span_edge    (SmAnnotationView  *self,
                                                        gboolean           forward,
                                                        gboolean           by_word);
gboolean          sm_annotation_view_begin_edge_drag   (SmAnnotationView  *self,
                                                        double             x,
                                                        double             y);
void              sm_annotation_view_update_edge_drag  (SmAnnotationView  *self,
                                                        double             x,
                                                        double             y);
gboolean          sm_annotation_view_end_edge_drag     (SmAnnotationView  *self);
void              sm_annotation_view_cancel_edge_drag  (SmAnnotationView  *self);
void              sm_annotation_view_show_tag_popover  (SmAnnotationView  *self);
void              sm_annotation_view_show_spans_at     (SmAnnotationView  *self,
                                                        guint              offset);
GtkPopover       *sm_annotation_view_get_span_popover  (SmAnnotationView  *self);
GtkTextTag       *sm_annotation_view_get_label_tag     (SmAnnotationView  *self,
                                                        const char        *label);
GtkTextTag       *sm_annotation_view_get_strong_tag    (SmAnnotationView  *self,
                                                        const char        *label);
gboolean          sm_annotation_view_get_show_suggestions (SmAnnotationView *self);
void              sm_annotation_view_set_show_suggestions (SmAnnotationView *self,
                                                           gboolean          show_suggestions);
SmSuggestion     *sm_annotation_view_get_current_suggestion (SmAnnotationView *self);
void              sm_annotation_view_set_current_suggestion (SmAnnotationView *self,
                                                             SmSuggestion     *suggestion);
gboolean          sm_annotation_view_get_suggestion_position (SmAnnotationView *self,
                                                              guint            *position);
gboolean          sm_annotation_view_step_suggestion   (SmAnnotationView  *self,
                                                        gboolean           forward);
void              sm_annotation_view_step_after_answer (SmAnnotationView  *self,
                                                        SmSuggestion      *answered);
void              sm_annotation_view_set_font          (SmAnnotationView  *self,
                                                        const char        *font);
void              sm_annotation_view_fill_to           (SmAnnotationView  *self,
                                                        guint              offset);
gboolean          sm_annotation_view_get_filled        (SmAnnotationView  *self);
void              sm_annotation_view_scroll_to_offset  (SmAnnotationView  *self,
                                                        guint              offset,
                                                        double             within_margin,
                                                        gboolean           use_align,
                                                        double             yalign);
GArray           *sm_annotation_view_new_marks         (void);
void              sm_annotation_view_set_marks         (SmAnnotationView  *self,
                                                        guint              focus_start,
                                                        guint              focus_end,
                                                        GArray            *marks);
guint             sm_annotation_view_get_n_marks       (SmAnnotationView  *self);

G_END_DECLS
