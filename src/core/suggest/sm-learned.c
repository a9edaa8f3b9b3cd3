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
 * A table is flat, as a window keeps two for a long article (its own and
 * the corpus's): an entry is one block with its string, its labels an
 * array, and the entries filed under a key a chain through them. A hash
 * table of labels for each entry, another of "label\nstring" keys for
 * ties and an array for each key took 707 bytes a string.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-learned"

#include "config.h"

#include <string.h>

#include "sm-learned.h"
#include "sm-word.h"

/* A label given to a string */
typedef struct
{
  const char *label;   /* interned */
  guint       count;
  guint       order;   /* when it was first given to the string, for ties */
} Given;

typedef struct _Entry Entry;

struct _Entry
{
  Entry      *next_filed;     /* under the same key, in the order learned;
                               * the last one's is the first */
  Given      *given;          /* in the order first given */
  guint       n_given;
  guint       best;           /* in given: the label given most often */
  guint       n_bytes;
  guint       n_chars;
  guint       prefix_bytes;   /* before its first run of letters and digits */
  guint       prefix_chars;
  char        string[];
};

/* The entries filed under a key, a chain from the last */
typedef struct
{
  Entry *last;
  char   key[];
} Filed;

struct _SmLearned
{
  gatomicrefcount ref_count;
  GHashTable *entries;   /* string -> Entry */
  GHashTable *by_run;    /* first two runs -> Filed, whose key it is */
  guint       n_given;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->given);
  g_free (entry);
}

static inline const char *
entry_label (Entry *entry)
{
  return entry->given[entry->best].label;
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

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->by_run = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  return self;
}

SmLearned *
sm_learned_ref (SmLearned *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
sm_learned_unref (SmLearned *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->by_run);
  g_hash_table_unref (self->entries);
  g_free (self);
}

guint
sm_learned_get_size (SmLearned *self)
{
  return g_hash_table_size (self->entries);
}

/* The first run of letters and digits in @string, and where it starts */
/* Skips to the end of the run of letters and digits at @p */
static const char *
skip_run (const char *p,
          const char *end)
{
  while (p < end && is_run_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* The key a string is filed under: its first two runs of letters and
 * digits ("The\x1fLeader"), or its only one ("Iran"); and where the first
 * starts. Two runs, as the strings of a corpus share first words ("The
 * …", "Iran …"): at each word of an article, only the strings that go on
 * with its next word are compared. */
static char *
filing_key (const char *string,
            gsize      *prefix_bytes,
            guint      *prefix_chars)
{
  const char *end = string + strlen (string);
  const char *p = string;
  const char *first_end;
  GString *key;
  guint n_chars = 0;

  while (p < end && !is_run_char (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      n_chars++;
    }

  if (p == end)
    return NULL;

  *prefix_bytes = p - string;
  *prefix_chars = n_chars;

  first_end = skip_run (p, end);
  key = g_string_new_len (p, first_end - p);
  for (p = first_end; p < end && !is_run_char (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (p < end)
    {
      g_string_append_c (key, '\x1f');
      g_string_append_len (key, p, skip_run (p, end) - p);
    }

  return g_string_free (key, FALSE);
}

/* The entry of @string, made and filed if new; %NULL for a string that is
 * not learned */
static Entry *
ensure_entry (SmLearned  *self,
              const char *string)
{
  Entry *entry;
  gsize prefix_bytes, n_bytes;
  guint prefix_chars;
  g_autofree char *run = NULL;
  Filed *filed;

  if ((entry = g_hash_table_lookup (self->entries, string)) != NULL)
    return entry;

  if ((run = filing_key (string, &prefix_bytes, &prefix_chars)) == NULL)
    return NULL;

  n_bytes = strlen (string);
  entry = g_malloc0 (sizeof (Entry) + n_bytes + 1);
  memcpy (entry->string, string, n_bytes + 1);
  entry->n_bytes = n_bytes;
  entry->n_chars = g_utf8_strlen (string, -1);
  entry->prefix_bytes = prefix_bytes;
  entry->prefix_chars = prefix_chars;
  g_hash_table_insert (self->entries, entry->string, entry);

  if ((filed = g_hash_table_lookup (self->by_run, run)) == NULL)
    {
      gsize key_length = strlen (run);

      filed = g_malloc (sizeof (Filed) + key_length + 1);
      memcpy (filed->key, run, key_length + 1);
      entry->next_filed = entry;
      g_hash_table_insert (self->by_run, filed->key, filed);
    }
  else
    {
      entry->next_filed = filed->last->next_filed;
      filed->last->next_filed = entry;
    }
  filed->last = entry;

  return entry;
}

/* @label is interned */
static void
add_interned (SmLearned  *self,
              const char *string,
              const char *label,
              guint       count)
{
  Entry *entry;
  Given *given = NULL;
  Given *best;

  if (count == 0 || (entry = ensure_entry (self, string)) == NULL)
    return;

  for (guint i = 0; i < entry->n_given; i++)
    if (entry->given[i].label == label)
      {
        given = &entry->given[i];
        break;
      }

  if (given == NULL)
    {
      entry->given = g_renew (Given, entry->given, entry->n_given + 1);
      given = &entry->given[entry->n_given++];
      given->label = label;
      given->count = 0;
      given->order = self->n_given++;
    }
  given->count += count;

  best = &entry->given[entry->best];
  if (given->count > best->count || (given->count == best->count && given->order < best->order))
    entry->best = given - entry->given;
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
  g_return_if_fail (string != NULL && label != NULL);

  add_interned (self, string, g_intern_string (label), count);
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
    for (guint i = 0; i < entry->n_given; i++)
      add_interned (self, entry->string, entry->given[i].label, entry->given[i].count);
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

  return entry != NULL ? entry_label (entry) : NULL;
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

typedef void (*FoundFunc) (Entry    *entry,
                           guint     start,
                           guint     end,
                           gpointer  user_data);

/* Calls @func for every learned string in @text as whole words */
static void
scan (SmLearned *self,
      SmText    *text,
      FoundFunc  func,
      gpointer   user_data)
{
  const char *utf8 = sm_text_get_utf8 (text);
  const char *end = utf8 + sm_text_get_n_bytes (text);
  const char *p = utf8;
  guint offset = 0;
  gboolean in_run = FALSE;
  g_autoptr(GString) run = NULL;

  if (self == NULL || g_hash_table_size (self->entries) == 0)
    return;

  run = g_string_new (NULL);
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      Filed *filed;
      Entry *entry;

      if (!is_run_char (c) || in_run)
        {
          in_run = is_run_char (c);
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      /* A run starts here: the strings of this run alone, then those
       * that go on with the next run */
      in_run = TRUE;
      q = skip_run (p, end);
      g_string_truncate (run, 0);
      g_string_append_len (run, p, q - p);

      for (guint key = 0; key < 2; key++)
        {
          if (key == 1)
            {
              const char *next = q;

              while (next < end && !is_run_char (g_utf8_get_char (next)))
                next = g_utf8_next_char (next);
              if (next == end)
                break;
              g_string_append_c (run, '\x1f');
              g_string_append_len (run, next, skip_run (next, end) - next);
            }

          if ((filed = g_hash_table_lookup (self->by_run, run->str)) == NULL)
            continue;

          entry = filed->last;
          do
            {
              const char *from;
              guint start;

              entry = entry->next_filed;
              if ((gsize) (p - utf8) < entry->prefix_bytes)
                continue;

              from = p - entry->prefix_bytes;
              if ((gsize) (end - from) < entry->n_bytes ||
                  memcmp (from, entry->string, entry->n_bytes) != 0)
                continue;

              start = offset - entry->prefix_chars;
              if (is_whole (text, start, start + entry->n_chars))
                func (entry, start, start + entry->n_chars, user_data);
            }
          while (entry != filed->last);
        }

      p = g_utf8_next_char (p);
      offset++;
    }
}

static guint
count_of (Entry      *entry,
          const char *label)
{
  if (entry != NULL)
    for (guint i = 0; i < entry->n_given; i++)
      if (entry->given[i].label == label)
        return entry->given[i].count;

  return 0;
}

/* The label a string is proposed with when @base's counts (never NULL),
 * less @minus's and plus @plus's, are what was learned: the one given most often, and
 * on a tie the one each table would choose, @base's first. Returns NULL
 * when nothing is left. */
static const char *
combined_label (Entry *base,
                Entry *minus,
                Entry *plus)
{
  Entry *tables[] = { base, plus };
  const char *best = NULL;
  gint64 best_total = 0;

  if (minus == NULL && plus == NULL)
    return entry_label (base);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      if (tables[t] == NULL)
        continue;

      /* Each table's own choice first, so that it wins ties; then the
       * others in the order first given */
      for (guint pass = 0; pass < 2; pass++)
        {
          for (guint i = 0; i < tables[t]->n_given; i++)
            {
              const char *label = tables[t]->given[i].label;
              gint64 total;

              if ((pass == 0) != (i == tables[t]->best))
                continue;

              total = (gint64) count_of (base, label) - count_of (minus, label) + count_of (plus, label);
              if (total > best_total)
                {
                  best_total = total;
                  best = label;
                }
            }
        }
    }

  return best;
}

typedef struct
{
  SmLearned *base;
  SmLearned *minus;
  SmLearned *plus;
  GArray    *matches;
} Finding;

static void
found_in_base (Entry    *entry,
               guint     start,
               guint     end,
               gpointer  user_data)
{
  Finding *finding = user_data;
  SmLearnedMatch match = { start, end, NULL };
  Entry *minus = finding->minus ? g_hash_table_lookup (finding->minus->entries, entry->string) : NULL;
  Entry *plus = finding->plus ? g_hash_table_lookup (finding->plus->entries, entry->string) : NULL;

  if ((match.label = combined_label (entry, minus, plus)) != NULL)
    g_array_append_val (finding->matches, match);
}

static void
found_in_plus (Entry    *entry,
               guint     start,
               guint     end,
               gpointer  user_data)
{
  Finding *finding = user_data;
  SmLearnedMatch match = { start, end, entry_label (entry) };

  /* Those @base knows were found with it */
  if (finding->base == NULL || !g_hash_table_contains (finding->base->entries, entry->string))
    g_array_append_val (finding->matches, match);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SmLearnedMatch *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/**
 * sm_learned_find_combined:
 * @base: (nullable): what was learned, such as a corpus's strings
 * @minus: (nullable): what of @base no longer counts, such as what @base
 *   learned from the document now suggested for
 * @plus: (nullable): what counts besides, such as that document's spans
 *   as they are now
 * @text: an article
 *
 * Finds the learned strings in @text as whole words (sm_word_is_whole(),
 * or followed by a possessive ’s), each with the label it was given most
 * often once @minus is taken from @base and @plus added. The tables are
 * only read: a corpus's table is shared by every run, never copied.
 *
 * Returns: (transfer full): an array of #SmLearnedMatch in text order,
 *   their labels owned by @base or @plus
 */
GArray *
sm_learned_find_combined (SmLearned *base,
                          SmLearned *minus,
                          SmLearned *plus,
                          SmText    *text)
{
  Finding finding = { base, minus, plus, g_array_new (FALSE, FALSE, sizeof (SmLearnedMatch)) };

  scan (base, text, found_in_base, &finding);
  scan (plus, text, found_in_plus, &finding);
  if (plus != NULL)
    g_array_sort (finding.matches, compare_matches);

  return finding.matches;
}

/**
 * sm_learned_find:
 * @self: what was learned
 * @text: an article
 *
 * Finds every learned string in @text as whole words (sm_word_is_whole(),
 * or followed by a possessive ’s). Where learned strings overlap, all are
 * found.
 *
 * Returns: (transfer full): an array of #SmLearnedMatch in text order,
 *   their labels owned by @self
 */
GArray *
sm_learned_find (SmLearned *self,
                 SmText    *text)
{
  return sm_learned_find_combined (self, NULL, NULL, text);
}
