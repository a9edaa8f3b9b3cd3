/* sm-document-matches.c: finding the matches of a search, and tagging
 * every match as one step.
 *
 * The search bar finds matches here, in a worker thread over the text
 * (which never changes, so a worker may read it), and "Tag All Matches"
 * goes through here, so the rule that a match already inside a span of
 * the label is left alone holds for any caller, and is tested without a
 * display.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-document-private.h"
#include "sm-search.h"
#include "sm-thread.h"
#include "sm-word.h"

/* A worker looks whether it was cancelled every this many code points */
#define CANCEL_CHECK_CHARS 65536

/* The matches of @search in @text, case folded code point by code point
 * (sm-search.c), none overlapping the one before: what
 * GtkSourceSearchContext finds with case-insensitive plain text, for all
 * but the few characters whose case folding changes their length ("ß",
 * ligatures). With @whole_words, only those that cut no word
 * (sm_word_is_whole()). NULL if cancelled. */
static GArray *
find_matches (SmText         *text,
              const gunichar *search,
              guint           n_search,
              gboolean        whole_words,
              GCancellable   *cancellable)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = sm_text_get_utf8 (text);
  const char *end = p + sm_text_get_n_bytes (text);
  guint offset = 0;
  guint next_check = 0;

  if (n_search == 0)
    return g_steal_pointer (&matches);

  while (p < end)
    {
      /* A stretch of ASCII with no first character of the search, at most
       * CANCEL_CHECK_CHARS: a byte is a code point */
      const char *next = sm_search_skip (p, p + MIN ((gsize) (end - p), CANCEL_CHECK_CHARS), search[0]);

      offset += (guint) (next - p);
      p = next;
      if (offset >= next_check)
        {
          if (g_cancellable_is_cancelled (cancellable))
            return NULL;
          next_check = offset + CANCEL_CHECK_CHARS;
        }
      if (p == end)
        break;

      if (sm_search_fold_at (p) == search[0])
        {
          const char *q = g_utf8_next_char (p);
          guint k = 1;

          while (k < n_search && q < end && sm_search_fold_at (q) == search[k])
            {
              q = g_utf8_next_char (q);
              k++;
            }

          /* Past a match, whether it counts or not, as the search context goes */
          if (k == n_search)
            {
              guint match_end = offset + n_search;

              if (!whole_words || sm_word_is_whole (text, offset, match_end))
                {
                  g_array_append_val (matches, offset);
                  g_array_append_val (matches, match_end);
                }
              p = q;
              offset = match_end;
              continue;
            }
        }

      p = g_utf8_next_char (p);
      offset++;
    }

  return g_steal_pointer (&matches);
}

/**
 * sm_document_find_matches:
 * @search: the text searched for
 * @whole_words: whether only matches that cut no word count
 * @cancellable: (nullable): a #GCancellable
 *
 * Finds @search in the text, case-insensitively. This reads the whole
 * text: on a long article use sm_document_find_matches_async().
 *
 * Returns: (transfer full) (element-type guint) (nullable): the matches,
 *   pairs of code point offsets [start, end) in order; %NULL if cancelled
 */
GArray *
sm_document_find_matches (SmDocument   *self,
                          const char   *search,
                          gboolean      whole_words,
                          GCancellable *cancellable)
{
  g_autofree gunichar *chars = NULL;
  guint n_chars;

  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (search != NULL, NULL);

  chars = sm_search_fold (search, &n_chars);
  return find_matches (sm_document_get_text (self), chars, n_chars, whole_words, cancellable);
}

typedef struct
{
  SmText   *text;
  gunichar *search;
  guint     n_search;
  gboolean  whole_words;
} FindData;

static void
find_data_free (FindData *data)
{
  g_clear_pointer (&data->text, sm_text_unref);
  g_clear_pointer (&data->search, g_free);
  g_free (data);
}

static void
find_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FindData *data = task_data;
  GArray *matches;

  sm_thread_lower_priority ();
  matches = find_matches (data->text, data->search, data->n_search,
                          data->whole_words, cancellable);
  if (matches == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_array_unref);
}

/**
 * sm_document_find_matches_async:
 *
 * Finds @search as sm_document_find_matches() does, in a worker thread:
 * the text never changes, so the window goes on meanwhile.
 */
void
sm_document_find_matches_async (SmDocument          *self,
                                const char          *search,
                                gboolean             whole_words,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindData *data;

  g_return_if_fail (SM_IS_DOCUMENT (self));
  g_return_if_fail (search != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_document_find_matches_async);

  data = g_new0 (FindData, 1);
  data->text = sm_text_ref (sm_document_get_text (self));
  data->search = sm_search_fold (search, &data->n_search);
  data->whole_words = !!whole_words;
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);

  g_task_run_in_thread (task, find_in_thread);
}

/**
 * sm_document_find_matches_finish:
 *
 * Returns: (transfer full) (element-type guint): the matches, as
 *   sm_document_find_matches() gives them, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
GArray *
sm_document_find_matches_finish (SmDocument    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sm_document_find_matches_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

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
