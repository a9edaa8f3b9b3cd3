/* sm-git-versions.h: the Spanmark files of a folder as a git branch has
 * them, for teams with one branch per annotator.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

/* Called for each Spanmark file: @path is its path in the repository;
 * @document is %NULL and @error set for a file that does not load.
 * Returns %FALSE to stop. */
typedef gboolean (*SmGitVersionFunc) (const char   *path,
                                      SmDocument   *document,
                                      const GError *error,
                                      gpointer      user_data);

char     *sm_git_dup_top_folder  (const char        *folder,
                                  GCancellable      *cancellable,
                                  GError           **error);
gboolean  sm_git_foreach_version (const char        *folder,
                                  const char        *branch,
                                  SmGitVersionFunc   func,
                                  gpointer           user_data,
                                  GCancellable      *cancellable,
                                  GError           **error);

G_END_DECLS
