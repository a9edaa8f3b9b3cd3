/* sm-suggestion-store.c: a document's pending and rejected suggestions.
 *
 * Only the keeping: SmDocument decides what goes in and records it in the
 * undo history. Pending suggestions are a list in document order (the
 * list a view binds to) with a lookup by place (label and range);
 * rejected ones are kept by place only, since a rejection is about the
 * span proposed, whoever proposes it next. Every suggestion that was ever
 * pending stays known by id, so a claim whose speaker was accepted can
 * still be linked to the span the speaker became; a pending one is found
 * by id as one known whose place is its own.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggestion-store"

#include "config.h"

#include <string.h>

#include "sm-suggestion-store.h"

/* A set of suggestions found by place (label and range) or by id: open
 * addressing with linear probing over a power-of-two array of pointers,
 * the key read from the suggestion itself. A GHashTable with malloc'd
 * "start:end:label" keys and a copy of each id took about 190 bytes a
 * pending suggestion in three tables; this takes 11 to 21 bytes a
 * table. */
typedef enum
{
  BY_PLACE,
  BY_ID
} SetKey;

typedef struct
{
  SmSuggestion **slots;
  guint          n_slots;   /* 0 or a power of two */
  guint          n_items;
  SetKey         key;
} SuggestionSet;

/* murmur3's finalizer: every bit of @h counts in the low bits, which
 * pick the slot */
static inline guint
mix (guint h)
{
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;

  return h;
}

/* By the label's characters, not its address: a place looked up may come
 * from a file, with a label not interned */
static inline guint
place_hash (const char *label,
            guint       start,
            guint       end)
{
  return mix (g_str_hash (label) ^ mix (start * 0x9e3779b1u + end));
}

static inline guint
suggestion_hash (SetKey        key,
                 SmSuggestion *suggestion)
{
  if (key == BY_ID)
    return mix (g_str_hash (sm_suggestion_get_id (suggestion)));

  return place_hash (sm_suggestion_get_label (suggestion),
                     sm_suggestion_get_start (suggestion),
                     sm_suggestion_get_end (suggestion));
}

static inline gboolean
is_at_place (SmSuggestion *suggestion,
             const char   *label,
             guint         start,
             guint         end)
{
  const char *own = sm_suggestion_get_label (suggestion);

  return sm_suggestion_get_start (suggestion) == start &&
         sm_suggestion_get_end (suggestion) == end &&
         (own == label || strcmp (own, label) == 0);
}

static void
set_clear (SuggestionSet  *set,
           GDestroyNotify  free_func)
{
  if (free_func != NULL)
    for (guint i = 0; i < set->n_slots; i++)
      if (set->slots[i] != NULL)
        free_func (set->slots[i]);
  g_clear_pointer (&set->slots, g_free);
  set->n_slots = 0;
  set->n_items = 0;
}

/* The slot of the suggestion at this place, or the empty slot where it
 * would go; the set has a slot at least */
static guint
set_find_place (SuggestionSet *set,
                const char    *label,
                guint          start,
                guint          end)
{
  guint mask = set->n_slots - 1;
  guint i = place_hash (label, start, end) & mask;

  while (set->slots[i] != NULL && !is_at_place (set->slots[i], label, start, end))
    i = (i + 1) & mask;

  return i;
}

static guint
set_find_id (SuggestionSet *set,
             const char    *id)
{
  guint mask = set->n_slots - 1;
  guint i = mix (g_str_hash (id)) & mask;

  while (set->slots[i] != NULL && strcmp (sm_suggestion_get_id (set->slots[i]), id) != 0)
    i = (i + 1) & mask;

  return i;
}

static guint
set_find (SuggestionSet *set,
          SmSuggestion  *suggestion)
{
  if (set->key == BY_ID)
    return set_find_id (set, sm_suggestion_get_id (suggestion));

  return set_find_place (set, sm_suggestion_get_label (suggestion),
                         sm_suggestion_get_start (suggestion),
                         sm_suggestion_get_end (suggestion));
}

static SmSuggestion *
set_lookup_place (SuggestionSet *set,
                  const char    *label,
                  guint          start,
                  guint          end)
{
  if (set->n_items == 0)
    return NULL;

  return set->slots[set_find_place (set, label, start, end)];
}

static SmSuggestion *
set_lookup_id (SuggestionSet *set,
               const char    *id)
{
  if (set->n_items == 0)
    return NULL;

  return set->slots[set_find_id (set, id)];
}

/* Holds between an eighth and three quarters of its slots full */
static void
set_resize (SuggestionSet *set,
            guint          n_slots)
{
  SmSuggestion **old = set->slots;
  guint n_old = set->n_slots;

  set->slots = g_new0 (SmSuggestion *, n_slots);
  set->n_slots = n_slots;
  for (guint i = 0; i < n_old; i++)
    if (old[i] != NULL)
      set->slots[set_find (set, old[i])] = old[i];
  g_free (old);
}

/* How many more it takes before it grows */
static guint
set_get_room (SuggestionSet *set)
{
  return 3 * (guint64) set->n_slots / 4 - set->n_items;
}

/* Grows now, once, to take @n more without growing: growing rehashes all
 * it holds, and growing past 393,216 of a 20 MB article's suggestions in
 * the middle of an update's step held the window 70 ms (perf of
 * spanmark-bench-stalls' open) */
static void
set_make_room (SuggestionSet *set,
               guint          n)
{
  guint64 n_slots = MAX (16, set->n_slots);

  if (n == 0)
    return;

  while (4 * ((guint64) set->n_items + n) > 3 * n_slots)
    n_slots *= 2;
  if (n_slots != set->n_slots && n_slots <= G_MAXUINT / 2)
    set_resize (set, n_slots);
}

/* Puts @suggestion where the one with its key is, or would go; returns
 * the one it replaces */
static SmSuggestion *
set_replace (SuggestionSet *set,
             SmSuggestion  *suggestion)
{
  SmSuggestion *replaced;
  guint i;

  if (4 * (set->n_items + 1) > 3 * (guint64) set->n_slots)
    set_resize (set, MAX (16, 2 * set->n_slots));

  i = set_find (set, suggestion);
  if ((replaced = set->slots[i]) == NULL)
    set->n_items++;
  set->slots[i] = suggestion;

  return replaced;
}

/* Takes the one at slot @i out; those after it that belong before it move
 * back, so no lookup ever stops early at a hole */
static void
set_remove_slot (SuggestionSet *set,
                 guint          i)
{
  guint mask = set->n_slots - 1;
  guint hole = i;

  set->slots[hole] = NULL;
  set->n_items--;
  for (guint j = (hole + 1) & mask; set->slots[j] != NULL; j = (j + 1) & mask)
    {
      guint home = suggestion_hash (set->key, set->slots[j]) & mask;

      /* Moves back unless its home is in (hole, j] */
      if (hole <= j ? (home <= hole || home > j) : (home <= hole && home > j))
        {
          set->slots[hole] = set->slots[j];
          set->slots[j] = NULL;
          hole = j;
        }
    }

  if (set->n_slots > 16 && 8 * set->n_items < set->n_slots)
    set_resize (set, set->n_slots / 2);
}

/* The pending list: a GListModel over an array of pointers with a gap
 * where it last changed, 8 bytes a suggestion where GListStore's
 * GSequence took a 48-byte node. Changes come in runs (a file's
 * suggestions in order, removals the last first, a batch's one splice),
 * so moving the gap is short; one far away moves the pointers between. */
#define SM_TYPE_SUGGESTION_LIST (sm_suggestion_list_get_type ())

G_DECLARE_FINAL_TYPE (SmSuggestionList, sm_suggestion_list, SM, SUGGESTION_LIST, GObject)

struct _SmSuggestionList
{
  GObject        parent_instance;
  SmSuggestion **items;    /* n_items (refs), with n_free free slots at gap */
  guint          n_items;
  guint          gap;
  guint          n_free;
};

static GType
sm_suggestion_list_get_item_type (GListModel *model)
{
  return SM_TYPE_SUGGESTION;
}

static guint
sm_suggestion_list_get_n_items (GListModel *model)
{
  return SM_SUGGESTION_LIST (model)->n_items;
}

static inline SmSuggestion *
list_get (SmSuggestionList *self,
          guint             position)
{
  return self->items[position < self->gap ? position : position + self->n_free];
}

static gpointer
sm_suggestion_list_get_item (GListModel *model,
                             guint       position)
{
  SmSuggestionList *self = SM_SUGGESTION_LIST (model);

  if (position >= self->n_items)
    return NULL;

  return g_object_ref (list_get (self, position));
}

static void
sm_suggestion_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sm_suggestion_list_get_item_type;
  iface->get_n_items = sm_suggestion_list_get_n_items;
  iface->get_item = sm_suggestion_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SmSuggestionList, sm_suggestion_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sm_suggestion_list_model_init))

static void
sm_suggestion_list_finalize (GObject *object)
{
  SmSuggestionList *self = (SmSuggestionList *)object;

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (list_get (self, i));
  g_free (self->items);

  G_OBJECT_CLASS (sm_suggestion_list_parent_class)->finalize (object);
}

static void
sm_suggestion_list_class_init (SmSuggestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_suggestion_list_finalize;
}

static void
sm_suggestion_list_init (SmSuggestionList *self)
{
}

static void
list_move_gap (SmSuggestionList *self,
               guint             position)
{
  if (position < self->gap)
    memmove (self->items + position + self->n_free, self->items + position,
             (self->gap - position) * sizeof (SmSuggestion *));
  else if (position > self->gap)
    memmove (self->items + self->gap, self->items + self->gap + self->n_free,
             (position - self->gap) * sizeof (SmSuggestion *));
  self->gap = position;
}

/* Makes the gap @n_free slots: room to grow by an eighth besides what is
 * needed, as an array's doubling would leave up to half of it free */
static void
list_set_free (SmSuggestionList *self,
               guint             n_free)
{
  guint n_after = self->n_items - self->gap;

  if (n_free < self->n_free && n_after > 0)
    memmove (self->items + self->gap + n_free, self->items + self->gap + self->n_free,
             n_after * sizeof (SmSuggestion *));
  self->items = g_renew (SmSuggestion *, self->items, self->n_items + n_free);
  if (n_free > self->n_free && n_after > 0)
    memmove (self->items + self->gap + n_free, self->items + self->gap + self->n_free,
             n_after * sizeof (SmSuggestion *));
  self->n_free = n_free;
}

/* Replaces @n_removed items at @position with @n_added of @added, and
 * tells it */
static void
list_splice (SmSuggestionList  *self,
             guint              position,
             guint              n_removed,
             SmSuggestion     **added,
             guint              n_added)
{
  g_assert (position + n_removed <= self->n_items);

  /* Those put back may be among those taken out */
  for (guint i = 0; i < n_added; i++)
    g_object_ref (added[i]);

  list_move_gap (self, position);
  for (guint i = 0; i < n_removed; i++)
    g_object_unref (self->items[self->gap + self->n_free + i]);
  self->n_free += n_removed;
  self->n_items -= n_removed;

  if (self->n_free < n_added)
    list_set_free (self, n_added + (self->n_items + n_added) / 8 + 16);
  /* @added may be NULL when nothing is */
  if (n_added > 0)
    memcpy (self->items + self->gap, added, n_added * sizeof (SmSuggestion *));
  self->gap += n_added;
  self->n_free -= n_added;
  self->n_items += n_added;

  if (self->n_free > self->n_items / 4 + 64)
    list_set_free (self, self->n_items / 8 + 16);

  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, n_added);
}

struct _SmSuggestionStore
{
  SmSuggestionList *pending;
  SuggestionSet by_place;   /* pending, by place */
  SuggestionSet known;      /* pending or once pending, by id (refs) */
  SuggestionSet rejected;   /* by place (refs) */
  guint         next_id;
  guint         max_length; /* of any suggestion ever pending: how far back
                             * one can start and still reach a range */
  GPtrArray    *batch;      /* inserted since sm_suggestion_store_begin_batch(),
                             * not in the list yet */
};

SmSuggestionStore *
sm_suggestion_store_new (void)
{
  SmSuggestionStore *self = g_new0 (SmSuggestionStore, 1);

  self->pending = g_object_new (SM_TYPE_SUGGESTION_LIST, NULL);
  self->by_place.key = BY_PLACE;
  self->known.key = BY_ID;
  self->rejected.key = BY_PLACE;
  self->next_id = 1;

  return self;
}

void
sm_suggestion_store_free (SmSuggestionStore *self)
{
  g_assert (self->batch == NULL);

  g_object_unref (self->pending);
  set_clear (&self->by_place, NULL);
  set_clear (&self->known, g_object_unref);
  set_clear (&self->rejected, g_object_unref);
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

      if (set_lookup_id (&self->known, id) == NULL)
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

/* Whether @item comes before what @key stands for */
typedef gboolean (*ItemIsBefore) (SmSuggestion  *item,
                                  gconstpointer  key);

/* The first position in the list whose item does not come before @key:
 * a binary search, as the list is in document order and both orders
 * below follow it */
static guint
list_first_not_before (SmSuggestionList *self,
                       ItemIsBefore      is_before,
                       gconstpointer     key)
{
  guint low = 0, high = self->n_items;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (is_before (list_get (self, middle), key))
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
comes_before (SmSuggestion  *item,
              gconstpointer  suggestion)
{
  return sm_suggestion_compare (item, (SmSuggestion *) suggestion) < 0;
}

/* Where @suggestion is in the list, or would go */
static guint
find_insert_position (SmSuggestionStore *self,
                      SmSuggestion      *suggestion)
{
  return list_first_not_before (self->pending, comes_before, suggestion);
}

/* The position of @suggestion in the list: no two pending suggestions
 * share a place */
static gboolean
find_position (SmSuggestionStore *self,
               SmSuggestion      *suggestion,
               guint             *position)
{
  guint at = find_insert_position (self, suggestion);
  SmSuggestion *item;

  if (at == self->pending->n_items)
    return FALSE;

  item = list_get (self->pending, at);
  if (sm_suggestion_compare (item, suggestion) != 0)
    return FALSE;

  *position = at;
  return item == suggestion;
}

/**
 * sm_suggestion_store_make_room:
 * @n: how many suggestions are about to be inserted
 *
 * Grows the store now, once, so that inserting @n more does not: each
 * growth looks at every suggestion it holds again.
 */
void
sm_suggestion_store_make_room (SmSuggestionStore *self,
                               guint              n)
{
  set_make_room (&self->by_place, n);
  set_make_room (&self->known, n);
}

/**
 * sm_suggestion_store_get_room:
 *
 * Returns: how many suggestions can be inserted before the store grows
 */
guint
sm_suggestion_store_get_room (SmSuggestionStore *self)
{
  return MIN (set_get_room (&self->by_place), set_get_room (&self->known));
}

/* Adds @suggestion (which has its id) to the pending ones, unless one is
 * pending at its place already */
void
sm_suggestion_store_insert (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  const char *id = sm_suggestion_get_id (suggestion);
  SmSuggestion *replaced;

  g_return_if_fail (id != NULL);

  if (set_lookup_place (&self->by_place, sm_suggestion_get_label (suggestion),
                        sm_suggestion_get_start (suggestion),
                        sm_suggestion_get_end (suggestion)) != NULL)
    return;

  set_replace (&self->by_place, suggestion);
  replaced = set_replace (&self->known, g_object_ref (suggestion));
  if (replaced != NULL)
    g_object_unref (replaced);
  sm_suggestion_store_reserve_id (self, id);
  self->max_length = MAX (self->max_length,
                          sm_suggestion_get_end (suggestion) - sm_suggestion_get_start (suggestion));
  if (self->batch != NULL)
    g_ptr_array_add (self->batch, g_object_ref (suggestion));
  else
    list_splice (self->pending, find_insert_position (self, suggestion), 0, &suggestion, 1);
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
        {
          SmSuggestion *suggestion = g_ptr_array_index (added, i);

          list_splice (self->pending, find_insert_position (self, suggestion), 0, &suggestion, 1);
        }
      return;
    }

  /* The stretch [first, last) of the list with the new ones among it */
  merged = g_ptr_array_sized_new (last - first + added->len);
  position = first;
  for (guint i = 0; i < added->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (added, i);

      while (position < last)
        {
          SmSuggestion *item = list_get (self->pending, position);

          if (sm_suggestion_compare (item, suggestion) > 0)
            break;
          g_ptr_array_add (merged, item);
          position++;
        }
      g_ptr_array_add (merged, suggestion);
    }

  list_splice (self->pending, first, last - first, (SmSuggestion **) merged->pdata, merged->len);
}

void
sm_suggestion_store_remove (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  guint slot, position;

  if (self->by_place.n_items == 0 ||
      self->by_place.slots[slot = set_find (&self->by_place, suggestion)] != suggestion)
    return;

  set_remove_slot (&self->by_place, slot);
  if (find_position (self, suggestion, &position))
    list_splice (self->pending, position, 1, NULL, 0);
}

/* Pending ones are those known whose place is theirs: no table by id of
 * its own */
SmSuggestion *
sm_suggestion_store_find (SmSuggestionStore *self,
                          const char        *id)
{
  SmSuggestion *known = set_lookup_id (&self->known, id);

  if (known == NULL ||
      set_lookup_place (&self->by_place, sm_suggestion_get_label (known),
                        sm_suggestion_get_start (known),
                        sm_suggestion_get_end (known)) != known)
    return NULL;

  return known;
}

SmSuggestion *
sm_suggestion_store_find_known (SmSuggestionStore *self,
                                const char        *id)
{
  return set_lookup_id (&self->known, id);
}

SmSuggestion *
sm_suggestion_store_find_at (SmSuggestionStore *self,
                             const char        *label,
                             guint              start,
                             guint              end)
{
  return set_lookup_place (&self->by_place, label, start, end);
}

static gboolean
starts_before (SmSuggestion  *item,
               gconstpointer  offset)
{
  return sm_suggestion_get_start (item) < GPOINTER_TO_UINT (offset);
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
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->pending->n_items;
  guint from = start > self->max_length ? start - self->max_length : 0;

  for (guint i = list_first_not_before (self->pending, starts_before, GUINT_TO_POINTER (from)); i < n; i++)
    {
      SmSuggestion *item = list_get (self->pending, i);

      if (sm_suggestion_get_start (item) >= end)
        break;
      if (sm_suggestion_get_end (item) > start)
        g_ptr_array_add (found, g_object_ref (item));
    }

  return found;
}

void
sm_suggestion_store_reject (SmSuggestionStore *self,
                            SmSuggestion      *suggestion)
{
  SmSuggestion *replaced = set_replace (&self->rejected, g_object_ref (suggestion));

  if (replaced != NULL)
    g_object_unref (replaced);
}

void
sm_suggestion_store_unreject (SmSuggestionStore *self,
                              SmSuggestion      *suggestion)
{
  guint slot;

  if (self->rejected.n_items > 0 &&
      self->rejected.slots[slot = set_find (&self->rejected, suggestion)] != NULL)
    {
      SmSuggestion *rejected = self->rejected.slots[slot];

      set_remove_slot (&self->rejected, slot);
      g_object_unref (rejected);
    }
}

gboolean
sm_suggestion_store_is_rejected (SmSuggestionStore *self,
                                 const char        *label,
                                 guint              start,
                                 guint              end)
{
  return set_lookup_place (&self->rejected, label, start, end) != NULL;
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

  for (guint i = 0; i < self->rejected.n_slots; i++)
    if (self->rejected.slots[i] != NULL)
      g_ptr_array_add (rejected, g_object_ref (self->rejected.slots[i]));
  g_ptr_array_sort (rejected, compare_pointers);

  return rejected;
}
