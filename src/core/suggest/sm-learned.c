/* sm-learned.c: strings the annotator tagged, proposed where they occur again.
 *
 * The string matcher of INCEpTION, in the same spirit: every string tagged
 * (exactly as written) counts for its label, and is proposed wherever the
 * same string stands as whole words, with the label it was given most
 * often (the first given, on a tie).
 *
 * Finding them scans the text once: strings are filed under their first
 * run of letters and digits, and at each run in the text only the strings
 * filed under that run are compared. A 1 MB article against 10,000 learned
 * strings is one pass, not 10,000.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-learned"

#include "config.h"

#include <string.h>

#include "sm-learned.h"
#include "sm-word.h"

typedef struct
{
  char       *string;
  gsize       n_bytes;
  guint       n_chars;
  gsize       prefix_bytes;   /* before its first run of letters and digits */
  guint       prefix_chars;
  GHashTable *counts;         /* label -> count */
  char       *label;          /* the label given most often */
  guint       best;
  guint       order;          /* when each label came first, for ties */
} Entry;

struct _SmLearned
{
  GHashTable *entries;   /* string -> Entry */
  GHashTable *by_run;    /* first run -> GPtrArray of Entry */
  GHashTable *firsts;    /* "label\nstring" -> order it was first given */
  guint       n_given;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->string);
  g_free (entry->label);
  g_hash_table_unref (entry->counts);
  g_free (entry);
}

static gboolean
is_run_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

SmLearned *
sm_learned_new (void)
{
  SmLearned *self = g_new0 (SmLearned, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->by_run = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->firsts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
sm_learned_free (SmLearned *self)
{
  g_hash_table_unref (self->by_run);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->firsts);
  g_free (self);
}

guint
sm_learned_get_size (SmLearned *self)
{
  return g_hash_table_size (self->entries);
}

/* The first run of letters and digits in @string, and where it starts */
static char *
first_run (const char *string,
           gsize      *prefix_bytes,
           guint      *prefix_chars)
{
  const char *p = string;
  const char *run;
  guint n_chars = 0;

  while (*p != '\0' && !is_run_char (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      n_chars++;
    }

  if (*p == '\0')
    return NULL;

  *prefix_bytes = p - string;
  *prefix_chars = n_chars;

  run = p;
  while (*p != '\0' && is_run_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return g_strndup (run, p - run);
}

static guint
order_of (SmLearned  *self,
          const char *string,
          const char *label)
{
  g_autofree char *key = g_strconcat (label, "\n", string, NULL);
  gpointer order;

  if (g_hash_table_lookup_extended (self->firsts, key, NULL, &order))
    return GPOINTER_TO_UINT (order);

  g_hash_table_insert (self->firsts, g_steal_pointer (&key), GUINT_TO_POINTER (self->n_given));
  return self->n_given++;
}

/**
 * sm_learned_add:
 * @string: a tagged span's text, exactly as in the article
 * @label: the label it was tagged with
 * @count: how many times
 *
 * Learns that @string was tagged @label. Strings with no letter or digit
 * are not learned: punctuation alone proposes nothing useful.
 */
void
sm_learned_add (SmLearned  *self,
                const char *string,
                const char *label,
                guint       count)
{
  Entry *entry;
  guint total, order;

  g_return_if_fail (string != NULL && label != NULL);

  if (count == 0)
    return;

  if ((entry = g_hash_table_lookup (self->entries, string)) == NULL)
    {
      gsize prefix_bytes;
      guint prefix_chars;
      g_autofree char *run = first_run (string, &prefix_bytes, &prefix_chars);
      GPtrArray *filed;

      if (run == NULL)
        return;

      entry = g_new0 (Entry, 1);
      entry->string = g_strdup (string);
      entry->n_bytes = strlen (string);
      entry->n_chars = g_utf8_strlen (string, -1);
      entry->prefix_bytes = prefix_bytes;
      entry->prefix_chars = prefix_chars;
      entry->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      entry->order = G_MAXUINT;
      g_hash_table_insert (self->entries, entry->string, entry);

      if ((filed = g_hash_table_lookup (self->by_run, run)) == NULL)
        {
          filed = g_ptr_array_new ();
          g_hash_table_insert (self->by_run, g_steal_pointer (&run), filed);
        }
      g_ptr_array_add (filed, entry);
    }

  total = GPOINTER_TO_UINT (g_hash_table_lookup (entry->counts, label)) + count;
  g_hash_table_replace (entry->counts, g_strdup (label), GUINT_TO_POINTER (total));

  order = order_of (self, string, label);
  if (total > entry->best || (total == entry->best && order < entry->order))
    {
      g_free (entry->label);
      entry->label = g_strdup (label);
      entry->best = total;
      entry->order = order;
    }
}

/* Adds all that @other learned to @self */
void
sm_learned_merge (SmLearned *self,
                  SmLearned *other)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, other->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      GHashTableIter labels;
      const char *label;
      gpointer count;

      g_hash_table_iter_init (&labels, entry->counts);
      while (g_hash_table_iter_next (&labels, (gpointer *) &label, &count))
        sm_learned_add (self, entry->string, label, GPOINTER_TO_UINT (count));
    }
}

/**
 * sm_learned_lookup:
 *
 * Returns: (nullable): the label @string would be proposed with
 */
const char *
sm_learned_lookup (SmLearned  *self,
                   const char *string)
{
  Entry *entry = g_hash_table_lookup (self->entries, string);

  return entry != NULL ? entry->label : NULL;
}

/* Whole words, or whole but for a possessive: "Lukashenko" in
 * "Lukashenko’s trip" names him as much as anywhere */
static gboolean
is_whole (SmText *text,
          guint   start,
          guint   end)
{
  if (sm_word_is_whole (text, start, end))
    return TRUE;

  return end + 2 <= sm_text_get_length (text) &&
         (sm_text_slice_equal (text, end, end + 2, "’s") ||
          sm_text_slice_equal (text, end, end + 2, "'s")) &&
         sm_word_is_whole (text, start, end + 2);
}

/**
 * sm_learned_find:
 * @self: what was learned
 * @text: an article
 *
 * Finds every learned string in @text as whole words (sm_word_is_whole(),
 * or followed by a possessive ’s).
 * Where learned strings overlap, all are found.
 *
 * Returns: (transfer full): an array of #SmLearnedMatch in text order,
 *   their labels owned by @self
 */
GArray *
sm_learned_find (SmLearned *self,
                 SmText    *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (SmLearnedMatch));
  const char *utf8 = sm_text_get_utf8 (text);
  const char *end = utf8 + sm_text_get_n_bytes (text);
  const char *p = utf8;
  guint offset = 0;
  gboolean in_run = FALSE;
  GString *run = g_string_new (NULL);

  if (g_hash_table_size (self->entries) == 0)
    goto out;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      guint run_chars = 0;
      GPtrArray *filed;

      if (!is_run_char (c))
        {
          in_run = FALSE;
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      if (in_run)
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      /* A run starts here */
      in_run = TRUE;
      for (q = p; q < end && is_run_char (g_utf8_get_char (q)); q = g_utf8_next_char (q))
        run_chars++;
      g_string_truncate (run, 0);
      g_string_append_len (run, p, q - p);

      if ((filed = g_hash_table_lookup (self->by_run, run->str)) != NULL)
        {
          for (guint i = 0; i < filed->len; i++)
            {
              Entry *entry = g_ptr_array_index (filed, i);
              const char *from;
              SmLearnedMatch match;

              if ((gsize) (p - utf8) < entry->prefix_bytes)
                continue;

              from = p - entry->prefix_bytes;
              if ((gsize) (end - from) < entry->n_bytes ||
                  memcmp (from, entry->string, entry->n_bytes) != 0)
                continue;

              match.start = offset - entry->prefix_chars;
              match.end = match.start + entry->n_chars;
              match.label = entry->label;
              if (is_whole (text, match.start, match.end))
                g_array_append_val (matches, match);
            }
        }

      p = g_utf8_next_char (p);
      offset++;
    }

out:
  g_string_free (run, TRUE);
  return matches;
}
