/* sm-window-private.h: what the window's actions need of its insides.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-banner.h"
#include "sm-corpus-folder.h"
#include "sm-corpus-sidebar.h"
#include "sm-curation-bar.h"
#include "sm-label-palette.h"
#include "sm-search-bar.h"
#include "sm-suggester.h"
#include "sm-window.h"

G_BEGIN_DECLS

typedef void (*SmWindowContinuation) (SmWindow *self,
                                      gpointer  data);

struct _SmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GtkRecentManager     *recent;

  /* The document shown, where it is saved, and what it was made from */
  SmDocument           *document;
  GFile                *file;
  GFile                *article;
  SmAnnotationView     *view;

  /* The corpus the document belongs to, when a folder is open */
  SmCorpusFolder       *corpus;
  SmCorpusEntry        *entry;
  GCancellable         *corpus_loading;

  GCancellable         *loading;
  guint                 loading_timeout;
  guint                 saving;
  char                 *draft_key;
  guint                 draft_timeout;
  /* A draft is being written; another is wanted once it is done */
  gboolean              draft_writing;
  gboolean              draft_wanted;
  GPtrArray            *offered_drafts;
  char                 *last_error;
  /* What the Spanmark file on disk was when last read or written */
  GFileMonitor         *monitor;
  char                 *disk_etag;
  guint                 closing_confirmed : 1;
  /* Whether the user wants the document list, when there is room */
  guint                 documents_wanted : 1;
  /* How many broken relations the user chose to keep as they are, and
   * the idle that looks for them again after a change */
  guint                 n_broken_relations_kept;
  guint                 relations_source;

  /* Suggestions: the suggester that learns every document shown here, its
   * run under way, and whether the document shown has them on (each
   * document's choice is kept by sm-document-memory.c) */
  SmSuggester          *suggester;
  guint                 learn_source;
  GCancellable         *suggesting;
  guint                 suggest_timeout;
  gboolean              suggestions_on;
  /* A finished run's results being taken in, a step an idle */
  SmSuggestionsUpdate  *taking_in;
  guint                 take_in_source;
  /* The suggestion accepted or rejected last, to come back to on undo */
  SmSuggestion         *answered;

  /* Curation (sm-window-curation.c): the versions' disagreements or a
   * merge's conflicts decided in the document shown, the one at hand, and
   * where a new curation is proposed to be saved */
  SmCuration           *curation;
  SmCurationItem       *curation_item;
  GFile                *curation_file;
  GCancellable         *curation_loading;
  /* Files of the corpus of the document shown's name: its versions */
  guint                 n_corpus_versions;
  gboolean              curation_from_merge;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwToast             *toast;          /* the last one added, until dismissed;
                                         * the overlay owns it */
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkButton            *save_button;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *documents_button;
  SmBanner             *draft_banner;
  SmBanner             *disk_banner;
  SmBanner             *labels_banner;
  SmBanner             *relations_banner;
  AdwFlap              *corpus_flap;
  SmCorpusSidebar      *corpus_sidebar;
  GtkSeparator         *corpus_separator;
  GtkBox               *corpus_nav;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  AdwFlap              *flap;
  SmSpanList           *span_list;
  SmLabelPalette       *palette;
  GtkToggleButton      *snap_button;
  AdwSplitButton       *done_button;
  SmSearchBar          *search_bar;
  GtkScrolledWindow    *scroller;
  GtkRevealer          *suggestion_bar;
  GtkLabel             *suggestion_label;
  GtkMenuButton        *suggestion_menu_button;
  GtkRevealer          *curation_revealer;
  SmCurationBar        *curation_bar;
};

void     _sm_window_class_actions_init (SmWindowClass        *klass);
void     _sm_window_actions_init       (SmWindow             *self);
void     _sm_window_actions_update     (SmWindow             *self);
void     _sm_window_show_documents     (SmWindow             *self);
void     _sm_window_save               (SmWindow             *self,
                                        gboolean              save_as,
                                        SmWindowContinuation  then,
                                        gpointer              data,
                                        GDestroyNotify        destroy);
void     _sm_window_ask_to_save        (SmWindow             *self,
                                        SmWindowContinuation  then,
                                        gpointer              data,
                                        GDestroyNotify        destroy);
void     _sm_window_choose_file        (SmWindow             *self);
void     _sm_window_show_toast_full    (SmWindow             *self,
                                        const char           *message,
                                        const char           *button_label,
                                        const char           *action_name);
void     _sm_window_show_error         (SmWindow             *self,
                                        const char           *title,
                                        const char           *message);
void     _sm_window_restore_draft      (SmWindow             *self);
void     _sm_window_discard_draft      (SmWindow             *self);
void     _sm_window_reload             (SmWindow             *self);
void     _sm_window_start_loading      (SmWindow             *self,
                                        GFile                *file);
char    *_sm_window_dup_document_key   (SmWindow             *self);

/* sm-window-corpus.c */
void     _sm_window_corpus_class_init  (SmWindowClass        *klass);
void     _sm_window_corpus_dispose     (SmWindow             *self);
void     _sm_window_choose_folder      (SmWindow             *self);
void     _sm_window_go_to              (SmWindow             *self,
                                        SmCorpusEntry        *entry);
void     _sm_window_corpus_document_shown (SmWindow          *self);
void     _sm_window_corpus_document_saved (SmWindow          *self,
                                        GFile                *file);
void     _sm_window_map_labels         (SmWindow             *self);
void     _sm_window_keep_labels        (SmWindow             *self);
void     _sm_window_keep_mine          (SmWindow             *self);

void     _sm_window_show_unsaved       (SmWindow             *self,
                                        SmDocument           *document);

/* sm-window-curation.c */
void     _sm_window_curation_class_init   (SmWindowClass     *klass);
void     _sm_window_curation_dispose      (SmWindow          *self);
void     _sm_window_curation_document_set (SmWindow          *self);
void     _sm_window_curation_update       (SmWindow          *self);

/* sm-window-relations.c */
void     _sm_window_relations_class_init  (SmWindowClass     *klass);
void     _sm_window_relations_document_set (SmWindow         *self);
void     _sm_window_relations_update      (SmWindow          *self);
void     _sm_window_relations_dispose     (SmWindow          *self);

/* sm-window-suggestions.c */
void     _sm_window_suggestions_class_init   (SmWindowClass   *klass);
void     _sm_window_suggestions_init         (SmWindow        *self);
void     _sm_window_suggestions_dispose      (SmWindow        *self);
void     _sm_window_suggestions_document_set (SmWindow        *self,
                                              SmDocument      *previous);
void     _sm_window_suggestions_document_saved (SmWindow      *self);
void     _sm_window_suggestions_set_on       (SmWindow        *self,
                                              gboolean         on);
void     _sm_window_suggestions_update       (SmWindow        *self);
void     _sm_window_suggestions_undone       (SmWindow        *self,
                                              gboolean         redone);

G_END_DECLS
