/* sm-import-private.h: what SmImporter needs of each import format.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-import.h"

G_BEGIN_DECLS

/* Object data on an imported document: where in its file it came from,
 * such as "x.jsonl:12", when the file holds several */
#define SM_IMPORT_WHERE_KEY "sm-import-where"

/* The labels and relation types an input uses that Spanmark must rename,
 * remembered per input file so each is reported once */
typedef struct _SmImportNames SmImportNames;

SmImportNames *_sm_import_names_new        (void);
void           _sm_import_names_free       (SmImportNames  *names);
const char    *_sm_import_ensure_label     (SmImportNames  *names,
                                            SmDocument     *document,
                                            const char     *label,
                                            const char     *where,
                                            GPtrArray      *warnings);
const char    *_sm_import_relation_type    (SmImportNames  *names,
                                            const char     *type,
                                            const char     *where,
                                            GPtrArray      *warnings);
SmText        *_sm_import_text_new         (const char     *data,
                                            gsize           length,
                                            GError        **error);
void           _sm_import_set_status       (SmDocument     *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmImportNames, _sm_import_names_free)

/* sm-import-brat.c */
SmDocument    *_sm_import_brat             (GBytes         *text,
                                            GBytes         *annotations,
                                            GHashTable     *type_names,
                                            const char     *name,
                                            const char     *txt_display_name,
                                            const char     *ann_display_name,
                                            GPtrArray      *warnings,
                                            GError        **error);

/* sm-import-jsonl.c */
void           _sm_import_jsonl            (GBytes         *bytes,
                                            const char     *display_name,
                                            const char     *stem,
                                            GPtrArray      *documents,
                                            GPtrArray      *warnings,
                                            GPtrArray      *errors);

/* sm-import-text.c */
SmDocument    *_sm_import_text             (GBytes         *bytes,
                                            const char     *name,
                                            const char     *display_name,
                                            GError        **error);

G_END_DECLS
