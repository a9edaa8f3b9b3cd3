/* test-suggestion-store.c: the keeping of a document's suggestions: the
 * pending list in document order and what it tells, lookups by id and by
 * place, rejections; many at once, in any order, removed and put back.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-suggestion-private.h"
#include "sm-suggestion-store.h"

static const char * const labels[] = { "SPEAKER", "CLAIM", "FIGURE" };

/* The @i-th of a set of suggestions that overlap, share starts and ends
 * and labels, given in no order */
static SmSuggestion *
nth_suggestion (guint i)
{
  guint scrambled = (i * 7919) % 3001;
  guint start = scrambled / 3;
  SmSuggestion *suggestion;
  g_autofree char *id = g_strdup_printf ("S%u", i + 1);

  suggestion = sm_suggestion_new (labels[scrambled % 3], start, start + 1 + i % 5, "rules");
  _sm_suggestion_set_id (suggestion, id);

  return suggestion;
}

/* A copy of what the list holds, kept by its items-changed alone */
typedef struct
{
  GPtrArray *items;
  guint      n_changes;
} Mirror;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (list, position + i));
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (list));
  mirror->n_changes++;
}

/* The list is in document order, the same as @mirror, and each of its
 * suggestions is found by id and by place */
static void
assert_list (SmSuggestionStore *store,
             Mirror            *mirror,
             guint              n)
{
  GListModel *list = sm_suggestion_store_get_pending (store);

  g_assert_true (g_list_model_get_item_type (list) == SM_TYPE_SUGGESTION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_cmpuint (mirror->items->len, ==, n);
  g_assert_null (g_list_model_get_item (list, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSuggestion) item = g_list_model_get_item (list, i);
      g_autofree char *label = g_strdup (sm_suggestion_get_label (item));

      g_assert_true (item == g_ptr_array_index (mirror->items, i));
      if (i > 0)
        {
          g_autoptr(SmSuggestion) before = g_list_model_get_item (list, i - 1);

          g_assert_cmpint (sm_suggestion_compare (before, item), <, 0);
        }
      g_assert_true (sm_suggestion_store_find (store, sm_suggestion_get_id (item)) == item);
      g_assert_true (sm_suggestion_store_find_known (store, sm_suggestion_get_id (item)) == item);
      /* A label as a file gives it, not the interned string */
      g_assert_true (sm_suggestion_store_find_at (store, label, sm_suggestion_get_start (item),
                                                  sm_suggestion_get_end (item)) == item);
    }
}

/* Those of [@start, @end) in the list, by a walk over all of it */
static guint
count_in_range (GListModel *list,
                guint       start,
                guint       end)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SmSuggestion) item = g_list_model_get_item (list, i);

      if (sm_suggestion_get_start (item) < end && sm_suggestion_get_end (item) > start)
        n++;
    }

  return n;
}

static void
test_store_many (void)
{
  SmSuggestionStore *store = sm_suggestion_store_new ();
  GListModel *list = sm_suggestion_store_get_pending (store);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  Mirror mirror = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  const guint n = 3000;
  guint n_removed = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &mirror);

  /* A tenth one at a time, the rest in batches of one change each */
  for (guint i = 0; i < n / 10; i++)
    {
      g_ptr_array_add (all, nth_suggestion (i));
      sm_suggestion_store_insert (store, g_ptr_array_index (all, i));
    }
  g_assert_cmpuint (mirror.n_changes, ==, n / 10);
  assert_list (store, &mirror, n / 10);

  for (guint batch = 1; batch < 10; batch++)
    {
      guint changes = mirror.n_changes;

      sm_suggestion_store_begin_batch (store);
      for (guint i = batch * n / 10; i < (batch + 1) * n / 10; i++)
        {
          g_ptr_array_add (all, nth_suggestion (i));
          sm_suggestion_store_insert (store, g_ptr_array_index (all, i));
          /* Known at once, in the list only at the end */
          g_assert_true (sm_suggestion_store_find (store, sm_suggestion_get_id (g_ptr_array_index (all, i))) ==
                         g_ptr_array_index (all, i));
        }
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, batch * n / 10);
      sm_suggestion_store_end_batch (store);
      /* One change; or, for a few scattered over many, one each */
      if (mirror.n_changes != changes + 1)
        g_assert_cmpuint (mirror.n_changes, ==, changes + n / 10);
    }
  assert_list (store, &mirror, n);

  /* Another at a place taken is not taken */
  {
    SmSuggestion *first = g_ptr_array_index (all, 0);
    g_autoptr(SmSuggestion) again = sm_suggestion_new (sm_suggestion_get_label (first),
                                                       sm_suggestion_get_start (first),
                                                       sm_suggestion_get_end (first), "learned");

    _sm_suggestion_set_id (again, "S99999");
    sm_suggestion_store_insert (store, again);
    g_assert_true (sm_suggestion_store_find_at (store, sm_suggestion_get_label (first),
                                                sm_suggestion_get_start (first),
                                                sm_suggestion_get_end (first)) == first);
    g_assert_null (sm_suggestion_store_find (store, "S99999"));
    assert_list (store, &mirror, n);
  }

  /* Nothing at a place or id never given; a label never seen */
  g_assert_null (sm_suggestion_store_find (store, "S0"));
  g_assert_null (sm_suggestion_store_find_known (store, "T1"));
  g_assert_null (sm_suggestion_store_find_at (store, "SPEAKER", 5000, 5001));
  g_assert_null (sm_suggestion_store_find_at (store, "NOT A LABEL", 0, 1));

  /* Every third removed, the last first, then some from the front */
  for (guint i = n; i > 0; i--)
    if (i % 3 == 0)
      {
        sm_suggestion_store_remove (store, g_ptr_array_index (all, i - 1));
        n_removed++;
      }
  for (guint i = 0; i < 100; i++)
    if (i % 3 != 2)
      {
        sm_suggestion_store_remove (store, g_ptr_array_index (all, i));
        n_removed++;
      }
  assert_list (store, &mirror, n - n_removed);

  for (guint i = 0; i < n; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (all, i);
      gboolean removed = (i + 1) % 3 == 0 || (i < 100 && i % 3 != 2);
      const char *id = sm_suggestion_get_id (suggestion);

      g_assert_true (sm_suggestion_store_find (store, id) == (removed ? NULL : suggestion));
      /* Once pending, known for ever */
      g_assert_true (sm_suggestion_store_find_known (store, id) == suggestion);
    }

  /* Ranges, against a walk over the list */
  for (guint start = 0; start < 1010; start += 7)
    {
      g_autoptr(GPtrArray) found = sm_suggestion_store_get_in_range (store, start, start + 3);

      g_assert_cmpuint (found->len, ==, count_in_range (list, start, start + 3));
      for (guint i = 1; i < found->len; i++)
        g_assert_cmpint (sm_suggestion_compare (g_ptr_array_index (found, i - 1),
                                                g_ptr_array_index (found, i)), <, 0);
    }

  /* Put back (as an undo does), one at a time and in a batch */
  for (guint i = 0; i < 50; i++)
    sm_suggestion_store_insert (store, g_ptr_array_index (all, 3 * i + 2));
  sm_suggestion_store_begin_batch (store);
  for (guint i = 50; i < n / 3; i++)
    sm_suggestion_store_insert (store, g_ptr_array_index (all, 3 * i + 2));
  sm_suggestion_store_end_batch (store);
  for (guint i = 0; i < 100; i++)
    sm_suggestion_store_insert (store, g_ptr_array_index (all, i));
  assert_list (store, &mirror, n);

  /* All removed */
  for (guint i = 0; i < n; i++)
    sm_suggestion_store_remove (store, g_ptr_array_index (all, i));
  assert_list (store, &mirror, 0);
  g_assert_true (sm_suggestion_store_find_known (store, "S1") == g_ptr_array_index (all, 0));

  g_signal_handlers_disconnect_by_func (list, on_items_changed, &mirror);
  sm_suggestion_store_free (store);
  g_ptr_array_unref (mirror.items);
}

static void
test_store_ids (void)
{
  SmSuggestionStore *store = sm_suggestion_store_new ();
  g_autoptr(SmSuggestion) read = sm_suggestion_new ("SPEAKER", 0, 4, "imported");
  g_autoptr(SmSuggestion) other = sm_suggestion_new ("SPEAKER", 5, 9, "imported");
  g_autoptr(SmSuggestion) long_id = sm_suggestion_new ("CLAIM", 5, 9, "imported");
  g_autofree char *next = NULL;

  /* Ids as files have them, read before any is handed out */
  _sm_suggestion_set_id (read, "S7");
  _sm_suggestion_set_id (other, "S");
  _sm_suggestion_set_id (long_id, "an id from another tool, longer than most");
  sm_suggestion_store_insert (store, read);
  sm_suggestion_store_insert (store, other);
  sm_suggestion_store_insert (store, long_id);

  g_assert_true (sm_suggestion_store_find (store, "S7") == read);
  g_assert_true (sm_suggestion_store_find (store, "S") == other);
  g_assert_true (sm_suggestion_store_find (store, "an id from another tool, longer than most") == long_id);
  g_assert_null (sm_suggestion_store_find (store, "S07"));

  next = sm_suggestion_store_next_id (store);
  g_assert_cmpstr (next, ==, "S8");

  sm_suggestion_store_remove (store, long_id);
  g_assert_null (sm_suggestion_store_find (store, "an id from another tool, longer than most"));
  g_assert_true (sm_suggestion_store_find_known (store, "an id from another tool, longer than most") == long_id);

  sm_suggestion_store_free (store);
}

static void
test_store_rejected (void)
{
  SmSuggestionStore *store = sm_suggestion_store_new ();
  g_autoptr(SmSuggestion) a = sm_suggestion_new ("SPEAKER", 10, 14, "rules");
  g_autoptr(SmSuggestion) b = sm_suggestion_new ("CLAIM", 2, 30, "rules");
  g_autoptr(SmSuggestion) a_again = sm_suggestion_new ("SPEAKER", 10, 14, "learned");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autofree char *speaker = g_strdup ("SPEAKER");

  sm_suggestion_store_reject (store, a);
  sm_suggestion_store_reject (store, b);
  sm_suggestion_store_reject (store, a_again);

  g_assert_true (sm_suggestion_store_is_rejected (store, speaker, 10, 14));
  g_assert_true (sm_suggestion_store_is_rejected (store, "CLAIM", 2, 30));
  g_assert_false (sm_suggestion_store_is_rejected (store, "CLAIM", 10, 14));
  g_assert_false (sm_suggestion_store_is_rejected (store, "SPEAKER", 10, 15));
  g_assert_false (sm_suggestion_store_is_rejected (store, "NOT A LABEL", 10, 14));

  /* One a place, in document order */
  rejected = sm_suggestion_store_dup_rejected (store);
  g_assert_cmpuint (rejected->len, ==, 2);
  g_assert_true (g_ptr_array_index (rejected, 0) == b);
  g_assert_true (g_ptr_array_index (rejected, 1) == a_again);
  g_clear_pointer (&rejected, g_ptr_array_unref);

  /* Unrejecting a place unrejects it whoever proposed it */
  sm_suggestion_store_unreject (store, a);
  g_assert_false (sm_suggestion_store_is_rejected (store, "SPEAKER", 10, 14));
  rejected = sm_suggestion_store_dup_rejected (store);
  g_assert_cmpuint (rejected->len, ==, 1);

  sm_suggestion_store_free (store);
}

/* The suggestion's own keeping: ids of any length, its text the
 * document's, copied once when asked for */
static void
test_suggestion_id_and_text (void)
{
  const char * const ids[] = { "S1", "S123456789012", "S1234567890123", "S12345678901234",
                               "an id from another tool, longer than most", "" };
  g_autoptr(SmText) text = sm_text_new ("Minsk and “Tehran”.", -1, NULL);
  g_autoptr(SmSuggestion) suggestion = sm_suggestion_new ("SPEAKER", 10, 18, "rules");
  const char *copy;

  g_assert_null (sm_suggestion_get_id (suggestion));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      _sm_suggestion_set_id (suggestion, ids[i]);
      g_assert_cmpstr (sm_suggestion_get_id (suggestion), ==, ids[i]);
    }
  _sm_suggestion_set_id (suggestion, NULL);
  g_assert_null (sm_suggestion_get_id (suggestion));
  _sm_suggestion_set_id (suggestion, ids[4]);

  /* Its speaker until it is in a document, then its text in its place */
  {
    SmSuggestion *speaker = sm_suggestion_new ("SPEAKER", 0, 5, "rules");

    g_object_add_weak_pointer (G_OBJECT (speaker), (gpointer *) &speaker);
    _sm_suggestion_set_id (suggestion, NULL);
    sm_suggestion_set_speaker (suggestion, speaker);
    g_object_unref (speaker);
    g_assert_true (sm_suggestion_get_speaker (suggestion) == speaker);
    _sm_suggestion_set_id (suggestion, ids[4]);
    g_assert_true (sm_suggestion_get_speaker (suggestion) == speaker);
    g_assert_null (sm_suggestion_get_text (suggestion));
    _sm_suggestion_set_text (suggestion, text);
    g_assert_null (sm_suggestion_get_speaker (suggestion));
    g_assert_null (speaker);
  }
  g_assert_cmpstr (sm_suggestion_get_label (suggestion), ==, "SPEAKER");
  g_assert_true (sm_suggestion_get_label (suggestion) == g_intern_string ("SPEAKER"));
  g_assert_true (sm_suggestion_get_source (suggestion) == g_intern_static_string ("rules"));
  copy = sm_suggestion_get_text (suggestion);
  g_assert_cmpstr (copy, ==, "“Tehran”");
  g_assert_true (sm_suggestion_get_text (suggestion) == copy);
  g_assert_cmpstr (sm_suggestion_get_id (suggestion), ==, ids[4]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggestion-store/many", test_store_many);
  g_test_add_func ("/suggestion-store/ids", test_store_ids);
  g_test_add_func ("/suggestion-store/rejected", test_store_rejected);
  g_test_add_func ("/suggestion-store/suggestion-id-and-text", test_suggestion_id_and_text);

  return g_test_run ();
}
