/* sm-document-matches.c: tagging every match of a search, as one step.
 *
 * "Tag All Matches" in the window goes through here, so the rule that a
 * match already inside a span of the label is left alone holds for any
 * caller, and is tested without a display.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-document-private.h"

static gboolean
is_inside_span_of_label (SmDocument *self,
                         const char *label,
                         guint       start,
                         guint       end)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_at (self, start);

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (g_strcmp0 (sm_span_get_label (span), label) == 0 &&
          sm_span_contains (span, start, end))
        return TRUE;
    }

  return FALSE;
}

/**
 * sm_document_tag_matches:
 * @label: the label's id
 * @matches: (element-type guint): pairs of code point offsets [start, end),
 *   the matches of a search
 * @n_tagged: (out) (optional): how many spans were added
 * @n_inside: (out) (optional): how many matches were left alone because
 *   they lie inside a span of @label (or are one): searching "Lukashenko"
 *   does not nest a Speaker in the Speaker "Alexander Lukashenko"
 * @error: an unknown label, or a match that is not a range of the text
 *
 * Tags each of @matches with @label, as one undoable action. Nothing is
 * changed when it fails.
 *
 * Returns: whether the matches were tagged
 */
gboolean
sm_document_tag_matches (SmDocument  *self,
                         const char  *label,
                         GArray      *matches,
                         guint       *n_tagged,
                         guint       *n_inside,
                         GError     **error)
{
  guint length;
  guint tagged = 0;
  guint inside = 0;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (matches != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (matches) == sizeof (guint), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sm_document_find_label (self, label) == NULL)
    {
      g_autofree char *escaped = sm_text_escape_controls (label);

      g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                   _("unknown label “%s”; the document’s labels do not include it"), escaped);
      return FALSE;
    }

  length = sm_document_get_length (self);
  for (guint i = 0; i + 1 < matches->len; i += 2)
    {
      guint start = g_array_index (matches, guint, i);
      guint end = g_array_index (matches, guint, i + 1);

      if (start >= end || end > length)
        {
          g_set_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID,
                       _("match %u, [%u, %u), is not a range of the text (%u characters)"),
                       i / 2 + 1, start, end, length);
          return FALSE;
        }
    }

  sm_document_begin_user_action (self);
  _sm_document_begin_batch (self);
  for (guint i = 0; i + 1 < matches->len; i += 2)
    {
      guint start = g_array_index (matches, guint, i);
      guint end = g_array_index (matches, guint, i + 1);

      if (is_inside_span_of_label (self, label, start, end))
        inside++;
      else if (sm_document_add_span (self, label, start, end, NULL) != NULL)
        tagged++;
    }
  _sm_document_end_batch (self);
  sm_document_end_user_action (self);

  if (n_tagged != NULL)
    *n_tagged = tagged;
  if (n_inside != NULL)
    *n_inside = inside;

  return TRUE;
}
