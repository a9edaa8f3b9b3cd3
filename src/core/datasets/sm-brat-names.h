/* sm-brat-names.h: Spanmark's label and relation type names as brat types.
 *
 * brat's type names hold only ASCII letters, digits, "_" and "-"; Spanmark's
 * also hold ".". The export writes each name as a brat type that no other
 * name becomes, and records the name in annotation.conf; the import reads
 * it back from there. Private to the brat export and import.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *_sm_brat_names_encode         (const char *name);
void        _sm_brat_names_append_comment (GString    *out,
                                           const char *type,
                                           const char *name);
GHashTable *_sm_brat_names_parse          (const char *annotation_conf,
                                           gsize       length);

G_END_DECLS
