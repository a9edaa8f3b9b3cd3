/* sm-lexicon.h: the word lists the suggestion rules read, per language.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-text.h"

G_BEGIN_DECLS

typedef struct _SmLexicon SmLexicon;

#define SM_TYPE_LEXICON (sm_lexicon_get_type ())

typedef gpointer (*SmLexiconCompileFunc) (SmLexicon *lexicon);

GType              sm_lexicon_get_type          (void) G_GNUC_CONST;
SmLexicon         *sm_lexicon_new               (const char  *language);
SmLexicon         *sm_lexicon_new_from_dirs     (const char  *language,
                                                 const char * const *dirs);
SmLexicon         *sm_lexicon_ref               (SmLexicon   *self);
void               sm_lexicon_unref             (SmLexicon   *self);
const char        *sm_lexicon_get_language      (SmLexicon   *self);
gboolean           sm_lexicon_has_list          (SmLexicon   *self,
                                                 const char  *list);
gboolean           sm_lexicon_contains          (SmLexicon   *self,
                                                 const char  *list,
                                                 const char  *entry);
const char        *sm_lexicon_lookup            (SmLexicon   *self,
                                                 const char  *list,
                                                 const char  *entry);
const char * const *sm_lexicon_get_entries      (SmLexicon   *self,
                                                 const char  *list);
guint              sm_lexicon_get_max_words     (SmLexicon   *self,
                                                 const char  *list);
gpointer           sm_lexicon_get_compiled      (SmLexicon   *self,
                                                 const char  *name,
                                                 SmLexiconCompileFunc compile,
                                                 GDestroyNotify destroy);
char              *sm_lexicon_guess_language    (SmText      *text);
void               sm_lexicon_append_key        (GString     *key,
                                                 const char  *text,
                                                 gssize       length);
char              *sm_lexicon_dup_key           (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmLexicon, sm_lexicon_unref)

G_END_DECLS
