/* sm-suggestion-store.c: a document's pending and rejected suggestions.
 *
 * Only the keeping: SmDocument decides what goes in and records it in the
 * undo history. Pending suggestions are a list in document order (the
 * list a view binds to) with two lookups, by id and by place (label and
 * range); rejected ones are kept by place only, since a rejection is about
 * the span proposed, whoever proposes it next. Every suggestion that was
 * ever pending stays known by id, so a claim whose speaker was accepted
 * can still be linked to the span the speaker became.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggestion-store"

#include "config.h"

#include <string.h>

#include "sm-suggestion-store.h"

struct _SmSuggestionStore
{
  GListStore *pending;
  GHashTable *by_id;      /* id -> pending SmSuggestion */
  GHashTable *by_place;   /* place -> pending SmSuggestion */
  GHashTable *known;      /* id -> SmSuggestion, pending or once pending */
  GHashTable *rejected;   /* place -> SmSuggestion */
  guint       next_id;
  guint       max_length; /* of any suggestion ever pending: how far back
                           * one can start and still reach a range */
  GPtrArray  *batch;      /* inserted since sm_suggestion_store_begin_batch(),
                           * not in the list yet */
};

/* Writes @value in decimal at @out; returns the end */
static char *
write_number (char  *out,
              guint  value)
{
  char digits[16];
  guint n = 0;

  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  while (n > 0)
    *out++ = digits[--n];

  return out;
}

/* "start:end:label", written by hand: a run's results look up hundreds of
 * thousands of places, and g_strdup_printf() was a sixth of taking them in */
static char *
place_key (const char *label,
           guint       start,
           guint       end)
{
  gsize label_length = strlen (label);
  char *key = g_malloc (2 * 10 + 2 + label_length + 1);
  char *out = key;

  out = write_number (out, start);
  *out++ = ':';
  out = write_number (out, end);
  *out++ = ':';
  memcpy (out, label, label_length + 1);

  return key;
}

static char *
suggestion_key (SmSuggestion *suggestion)
{
  return place_key (sm_suggestion_get_label (suggestion),
                    sm_suggestion_get_start (suggestion),
                    sm_suggestion_get_end (suggestion));
}

SmSuggestionStore *
sm_suggestion_store_new (void)
{
  SmSuggestionStore *self = g_new0 (SmSuggestionStore, 1);

  self->pending = g_list_store_new (SM_TYPE_SUGGESTION);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_place = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->next_id = 1;

  return self;
}

void
sm_suggestion_store_free (SmSuggestionStore *self)
{
  g_assert (self->batch == NULL);

  g_object_unref (self->pending);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_place);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->rejected);
  g_free (self);
}

GListModel *
sm_suggestion_store_get_pending (SmSuggestionStore *self)
{
  return G_LIST_MODEL (self->pending);
}

/* "S<n>", never one handed out or read before */
char *
sm_suggestion_store_next_id (SmSuggestionStore *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("S%u", self->next_id++);

      if (!g_hash_table_contains (self->known, id))
        return id;
      g_free (id);
    }
}

void
sm_suggestion_store_reserve_id (SmSuggestionStore *self,
                                const char        *id)
{
  guint64 number;
  char *end = NULL;

  if (id[0] != 'S' || !g_ascii_isdigit (id[1]))
    return;

  number = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && number < G_MAXUINT && number >= self->next_id)
    self->next_id = (guint) number + 1;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return sm_suggestion_compare ((SmSuggestion *) a, (SmSuggestion *) b);
}

/* The first position in the list whose suggestion does not come before
 * @suggestion: where it is, or would go (a binary search, as the list is
 * in document order) */
static guint
find_insert_position (SmSuggestionStore *self,
                      SmSuggestion      *suggestion)
{
  GListModel *model = G_LIST_MODEL (self->pending);
  guint low = 0, high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(SmSuggestion) item = g_list_model_get_item (model, middle);

      if (sm_suggestion_compare (item, suggestion) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* The position of @suggestion in the list: no two pending suggestions
 * share a place */
static gboolean
find_position (SmSuggestionStore *self,
               SmSuggestion      *suggestion,
               guint             *position)
{
  guint at = find_insert_position (self, suggestion);
  g_autoptr(SmSuggestion) item = NULL;

  if (at == g_list_model_get_n_items (G_LIST_MODEL (self->pending)))
    return FALSE;

  item = g_list_model_get_item (G_LIST_MODEL (self->pending), at);
  if (sm_suggestion_compare (item, suggestion) != 0)
    return FALSE;

  *position = at;
  return item == suggestion;
}

/* Adds @suggestion (which has its id) to the pending ones, unless one is
 * pending at its place already */
void
sm_suggestion_store_insert (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  const char *id = sm_suggestion_get_id (suggestion);
  g_autofree char *key = suggestion_key (suggestion);

  g_return_if_fail (id != NULL);

  if (g_hash_table_contains (self->by_place, key))
    return;

  g_hash_table_insert (self->by_id, (gpointer) id, suggestion);
  g_hash_table_insert (self->by_place, g_steal_pointer (&key), suggestion);
  g_hash_table_replace (self->known, g_strdup (id), g_object_ref (suggestion));
  sm_suggestion_store_reserve_id (self, id);
  self->max_length = MAX (self->max_length,
                          sm_suggestion_get_end (suggestion) - sm_suggestion_get_start (suggestion));
  if (self->batch != NULL)
    g_ptr_array_add (self->batch, g_object_ref (suggestion));
  else
    g_list_store_insert_sorted (self->pending, suggestion, compare_items, NULL);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return sm_suggestion_compare (*(SmSuggestion **) a, *(SmSuggestion **) b);
}

/**
 * sm_suggestion_store_begin_batch:
 *
 * Suggestions inserted from now on are known at once (found by id and by
 * place) but put in the list only at sm_suggestion_store_end_batch(), in
 * one change of the list. Until then nothing may be removed and the list
 * and ranges are as before the batch.
 */
void
sm_suggestion_store_begin_batch (SmSuggestionStore *self)
{
  g_return_if_fail (self->batch == NULL);

  self->batch = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sm_suggestion_store_end_batch:
 *
 * Puts the suggestions inserted in the batch in the list: sorted, merged
 * with the pending ones they fall among, and told as one items-changed
 * (where 610,036 sorted inserts took a second on the main thread). A few
 * scattered over a long list are inserted one by one instead, not the
 * whole stretch between them replaced.
 */
void
sm_suggestion_store_end_batch (SmSuggestionStore *self)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  GListModel *model = G_LIST_MODEL (self->pending);
  guint first, last, position;

  g_return_if_fail (self->batch != NULL);

  added = g_steal_pointer (&self->batch);
  if (added->len == 0)
    return;

  g_ptr_array_sort (added, compare_pointers);
  first = find_insert_position (self, g_ptr_array_index (added, 0));
  last = find_insert_position (self, g_ptr_array_index (added, added->len - 1));

  if (last - first > 8 * added->len)
    {
      for (guint i = 0; i < added->len; i++)
        g_list_store_insert_sorted (self->pending, g_ptr_array_index (added, i), compare_items, NULL);
      return;
    }

  /* The stretch [first, last) of the list with the new ones among it */
  merged = g_ptr_array_new_full (last - first + added->len, g_object_unref);
  position = first;
  for (guint i = 0; i < added->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (added, i);

      while (position < last)
        {
          g_autoptr(SmSuggestion) item = g_list_model_get_item (model, position);

          if (sm_suggestion_compare (item, suggestion) > 0)
            break;
          g_ptr_array_add (merged, g_steal_pointer (&item));
          position++;
        }
      g_ptr_array_add (merged, g_object_ref (suggestion));
    }

  g_list_store_splice (self->pending, first, last - first, merged->pdata, merged->len);
}

void
sm_suggestion_store_remove (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  g_autofree char *key = suggestion_key (suggestion);
  guint position;

  if (g_hash_table_lookup (self->by_place, key) != suggestion)
    return;

  g_hash_table_remove (self->by_place, key);
  g_hash_table_remove (self->by_id, sm_suggestion_get_id (suggestion));
  if (find_position (self, suggestion, &position))
    g_list_store_remove (self->pending, position);
}

SmSuggestion *
sm_suggestion_store_find (SmSuggestionStore *self,
                          const char        *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

SmSuggestion *
sm_suggestion_store_find_known (SmSuggestionStore *self,
                                const char        *id)
{
  return g_hash_table_lookup (self->known, id);
}

SmSuggestion *
sm_suggestion_store_find_at (SmSuggestionStore *self,
                             const char        *label,
                             guint              start,
                             guint              end)
{
  g_autofree char *key = place_key (label, start, end);

  return g_hash_table_lookup (self->by_place, key);
}

/* The position of the first pending suggestion that starts at or after
 * @offset */
static guint
first_starting_at (SmSuggestionStore *self,
                   guint              offset)
{
  GListModel *model = G_LIST_MODEL (self->pending);
  guint low = 0, high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(SmSuggestion) item = g_list_model_get_item (model, middle);

      if (sm_suggestion_get_start (item) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * sm_suggestion_store_get_in_range:
 *
 * Found by a binary search, not a walk from the top: a view asks on every
 * redraw of a range and every pointer motion, and taking in a run's
 * thousands of suggestions redraws each one's range. Nothing that starts
 * more than the longest suggestion before @start can reach it.
 *
 * Returns: (transfer container): the pending suggestions that overlap
 *   [@start, @end), in document order
 */
GPtrArray *
sm_suggestion_store_get_in_range (SmSuggestionStore *self,
                                  guint              start,
                                  guint              end)
{
  GListModel *model = G_LIST_MODEL (self->pending);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);
  guint from = start > self->max_length ? start - self->max_length : 0;

  for (guint i = first_starting_at (self, from); i < n; i++)
    {
      g_autoptr(SmSuggestion) item = g_list_model_get_item (model, i);

      if (sm_suggestion_get_start (item) >= end)
        break;
      if (sm_suggestion_get_end (item) > start)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }

  return found;
}

void
sm_suggestion_store_reject (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  g_hash_table_replace (self->rejected, suggestion_key (suggestion), g_object_ref (suggestion));
}

void
sm_suggestion_store_unreject (SmSuggestionStore *self,
                              SmSuggestion      *suggestion)
{
  g_autofree char *key = suggestion_key (suggestion);

  g_hash_table_remove (self->rejected, key);
}

gboolean
sm_suggestion_store_is_rejected (SmSuggestionStore *self,
                                 const char        *label,
                                 guint              start,
                                 guint              end)
{
  g_autofree char *key = place_key (label, start, end);

  return g_hash_table_contains (self->rejected, key);
}

/**
 * sm_suggestion_store_dup_rejected:
 *
 * Returns: (transfer container): the rejected suggestions, in document order
 */
GPtrArray *
sm_suggestion_store_dup_rejected (SmSuggestionStore *self)
{
  GPtrArray *rejected = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rejected);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rejected, g_object_ref (value));
  g_ptr_array_sort (rejected, compare_pointers);

  return rejected;
}
