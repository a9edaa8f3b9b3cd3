/* sm-import-text.c: plain articles, imported as documents with no spans.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-import-text"

#include "config.h"

#include "sm-import-private.h"

/**
 * _sm_import_text:
 * @name: the document's name, the file's name without its extension
 *
 * Makes a new document of an article, as opening it in the window does:
 * UTF-8 text, not empty, no NUL byte; a leading byte order mark dropped.
 *
 * Returns: (transfer full) (nullable): the document, with the default labels
 */
SmDocument *
_sm_import_text (GBytes      *bytes,
                 const char  *name,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(SmText) text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!(text = sm_text_new (data, length, &local_error)))
    {
      /* "x.txt:3:5: ..." for a position, "x.txt: ..." otherwise */
      const char *separator = g_ascii_isdigit (local_error->message[0]) ? "" : " ";

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:%s",
                                  display_name, separator);
      return NULL;
    }

  return sm_document_new (text, name);
}
