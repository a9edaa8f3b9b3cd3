/* cli-run.h: running spanmark-cli as a user does, for the tests of its
 * commands.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sm-document.h"

G_BEGIN_DECLS

int          cli_runv           (const char         *folder,
                                 char              **out,
                                 char              **err,
                                 const char * const *args);
int          cli_run            (const char  *folder,
                                 char       **out,
                                 char       **err,
                                 ...) G_GNUC_NULL_TERMINATED;
void         cli_assert_usage_error (const char         *folder,
                                     const char * const *args,
                                     const char         *message);
SmDocument  *cli_document_new   (const char  *name,
                                 const char  *text);
SmSpan      *cli_document_tag   (SmDocument  *document,
                                 const char  *label,
                                 const char  *words);
void         cli_document_save  (SmDocument  *document,
                                 const char  *folder,
                                 const char  *relative);
SmDocument  *cli_document_load  (const char  *folder,
                                 const char  *relative);
JsonObject  *cli_parse_object   (const char  *text);

G_END_DECLS
