/* sm-suggest-quotes.c: quotations and reported speech, their speakers and
 * who said what.
 *
 * The rules follow the conventions of the hand-annotated gold
 * (shared/gold/README.md), which are those of news writing:
 *
 *  - a direct quotation is the text inside a pair of quotation marks
 *    (any pair listed in common/quotation-marks.txt), without its marks and
 *    its closing comma or full stop, when it is a clause: three words or
 *    more, opening a sentence or introduced by a comma, a colon, a dash or
 *    a speech verb, or closed by punctuation and attributed. Short scare
 *    quotes ("with “friendly” Belarus") and titles of works are left alone;
 *  - its speaker is named right after it ("“…,” the Leader said", "“…,”
 *    said X", "according to X") or before it in the same sentence ("X said
 *    during a conference, “…”"); a quotation without either belongs to the
 *    last speaker named in its paragraph or the one before, which is how a
 *    news story strings several quoted paragraphs on one attribution;
 *  - reported speech is a speech verb with a subject ("X said (that) …",
 *    "X told Y that …", "…, X said", ", saying …", "and added that …"),
 *    and the claim is the clause that carries the content, to the end of
 *    the sentence or to the next attribution in it;
 *  - a speaker is the noun phrase the attribution names, read back to its
 *    title ("President Raisi") or determiner ("The Belarusian president"),
 *    or a pronoun.
 *
 * The English word lists (speech verbs, titles, pronouns, …) are data in
 * data/suggest/en/; a language without them gets quotations by their
 * punctuation only, with no speaker.
 *
 * Every step looks at a bounded window of tokens around a mark or a verb,
 * so the work is linear in the length of the article.
 *
 * Memory (issue 15). The rules read the characters by offset, and per
 * token its kinds, sentence, paragraph and the next speech verb. These
 * were a UCS-4 copy of the text and seven arrays of a number per token:
 * on the 20 MB generated article (18.4 million characters, 3.7 million
 * tokens), 74 MB of characters, 92 MB of arrays and the tokenizer's
 * 67 MB, 254 MB at the peak of sm_find_quotes(). Now the characters take
 * two bytes each (sm-code-points.c), the tokens an array of their exact
 * size (sm_tokenize_compact()), and what the rules know of a token eight
 * bytes (TokenInfo: its kinds and two flags in bits, and the index of its
 * sentence, which holds the sentence's bounds and its paragraph, as a
 * paragraph always starts a sentence); the next speech verb is a binary
 * search in the list of them. The peak is 137 MB, and the run no slower
 * (spanmark-bench-suggest-memory, bench/README.md).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggest"

#include "config.h"

#include <string.h>

#include "sm-code-points.h"
#include "sm-suggest-rules.h"
#include "sm-tokenizer.h"

/* What the word lists say about a word */
enum
{
  K_VERB        = 1 << 0,   /* a speech verb, or the first word of one */
  K_OBJECT      = 1 << 1,   /* … that takes an addressee ("told") */
  K_SOURCE      = 1 << 2,   /* … after which the speaker comes ("according to") */
  K_TITLE       = 1 << 3,
  K_NOUN        = 1 << 4,   /* a speaker noun ("officials", "police") */
  K_PRONOUN     = 1 << 5,
  K_DETERMINER  = 1 << 6,
  K_POSSESSIVE  = 1 << 7,
  K_ADVERB      = 1 << 8,   /* may stand between a speaker and the verb */
  K_PASSIVE     = 1 << 9,   /* a form of "be" */
  K_PREPOSITION = 1 << 10,
  K_NOT_NAME    = 1 << 11,
  K_VERB_FIRST  = 1 << 12,  /* the first word of a multiword speech verb */
  K_THAT        = 1 << 13,  /* … after which "that" or ":" must come */
  K_TO          = 1 << 14,  /* … or "to" and what was promised */
  K_TIME        = 1 << 15,  /* "week", "morning": "said last week …" */
  K_NAMING      = 1 << 16,  /* "calling it “…”": gives a quoted phrase */
};

/* How far the rules look, in tokens */
#define MAX_OBJECT      12  /* "told visiting Belarus President … that" */
#define MAX_ADVERBIAL   15  /* "said during a joint conference …, “" */
#define MAX_AFTER_QUOTE  8  /* "“…,” the Belarusian president said" */
#define MAX_BEFORE_QUOTE 25
#define MAX_FORWARD_NP  12
#define MAX_MODIFIERS    4  /* "an unnamed ambulance official" */
#define MAX_NAME_WORDS   8
#define MAX_CLAIM_TOKENS 400
#define MAX_QUOTE_CHARS 8000
#define MIN_QUOTE_WORDS  3

#define NONE G_MAXUINT

typedef struct
{
  guint start;  /* first token */
  guint last;   /* last token */
} Range;

/* What the rules know of a token besides where it is */
typedef struct
{
  guint kinds    : 17;  /* K_*: what the word lists say of it */
  guint used     : 1;   /* a verb already attributed */
  guint quoted   : 1;   /* in a direct claim */
  guint sentence;       /* index in Finder.sentences */
} TokenInfo;

G_STATIC_ASSERT (K_NAMING < (1 << 17));  /* TokenInfo.kinds */

typedef struct
{
  guint first;      /* tokens */
  guint last;
  guint paragraph;
} Sentence;

typedef struct
{
  guint start;      /* code points */
  guint end;
  guint paragraph;
} Mention;

typedef struct
{
  guint    start;      /* code points */
  guint    end;
  guint    paragraph;
  guint    speaker;    /* index in Finder.mentions, or NONE */
  gboolean direct;
  gboolean opens_paragraph;
  gboolean runs_on;    /* a quotation that goes on in the next paragraph */
} Claim;

typedef struct
{
  SmLexicon      *lexicon;
  gboolean        has_rules;      /* the language has speech verbs */
  GHashTable     *words;          /* casefolded entry -> kinds (the lexicon's) */
  guint           max_words;      /* of any multiword entry */

  SmCodePoints    chars;
  guint           n_chars;
  SmToken        *tokens;
  guint           n_tokens;
  TokenInfo      *info;           /* per token, and one past the last */
  GArray         *sentences;      /* Sentence */
  GArray         *verbs;          /* guint: tokens that are speech verbs */
  gboolean        quoted_final;   /* direct quotations all found */

  GArray         *mentions;       /* Mention */
  GHashTable     *mention_at;     /* start -> index + 1 */
  GArray         *claims;         /* Claim */

  const char     *scan_closers[16];  /* find_quote()'s searches … */
  guint           scan_end[16];      /* … and where each gave up */
  guint           n_scans;
} Finder;

static inline gunichar
char_at (const Finder *self,
         guint         i)
{
  return sm_code_points_get (&self->chars, i);
}

static inline guint
sentence_first (const Finder *self,
                guint         k)
{
  return g_array_index (self->sentences, Sentence, self->info[k].sentence).first;
}

static inline guint
sentence_last (const Finder *self,
               guint         k)
{
  return g_array_index (self->sentences, Sentence, self->info[k].sentence).last;
}

static inline guint
paragraph_of (const Finder *self,
              guint         k)
{
  return g_array_index (self->sentences, Sentence, self->info[k].sentence).paragraph;
}

/* The first speech verb at or after token @k, or NONE */
static guint
next_verb (const Finder *self,
           guint         k)
{
  const guint *verbs = (const guint *) (gpointer) self->verbs->data;
  guint low = 0, high = self->verbs->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (verbs[mid] < k)
        low = mid + 1;
      else
        high = mid;
    }

  return low < self->verbs->len ? verbs[low] : NONE;
}

/* Lists and the kinds they give their words */
static const struct
{
  const char *name;
  guint       kind;
} lists[] = {
  { "speech-verbs", K_VERB },
  { "titles", K_TITLE },
  { "speaker-nouns", K_NOUN },
  { "pronouns", K_PRONOUN },
  { "determiners", K_DETERMINER },
  { "speech-adverbs", K_ADVERB },
  { "prepositions", K_PREPOSITION },
  { "not-names", K_NOT_NAME },
  { "time-words", K_TIME },
  { "naming-verbs", K_NAMING },
};

/* The word lists as this recognizer reads them: built once per lexicon
 * (sm_lexicon_get_compiled()), shared by every run and thread. Building
 * them for each article cost 0.4 ms of the 0.7 ms a 4 KB article took. */
typedef struct
{
  GHashTable *words;      /* casefolded entry -> kinds */
  guint       max_words;  /* of any multiword entry */
  gboolean    has_rules;  /* the language has speech verbs */
} Words;

static void
words_free (gpointer data)
{
  Words *self = data;

  g_hash_table_unref (self->words);
  g_free (self);
}

static void
add_word (Words      *self,
          const char *entry,
          guint       kind)
{
  g_autofree char *key = sm_lexicon_dup_key (entry);
  guint words = 1;

  if (key == NULL || *key == '\0')
    return;

  for (const char *p = key; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  self->max_words = MAX (self->max_words, words);

  /* The first word of a multiword verb marks where to try it */
  if (words > 1 && (kind & K_VERB) != 0)
    {
      g_autofree char *first = g_strndup (key, strchr (key, ' ') - key);

      g_hash_table_insert (self->words, g_strdup (first),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->words, first)) |
                                             K_VERB_FIRST));
    }

  kind |= GPOINTER_TO_UINT (g_hash_table_lookup (self->words, key));
  g_hash_table_insert (self->words, g_steal_pointer (&key), GUINT_TO_POINTER (kind));
}

static gpointer
read_lists (SmLexicon *lexicon)
{
  Words *self = g_new0 (Words, 1);

  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      const char * const *entries = sm_lexicon_get_entries (lexicon, lists[l].name);

      for (guint i = 0; entries[i] != NULL; i++)
        {
          const char *value = sm_lexicon_lookup (lexicon, lists[l].name, entries[i]);
          guint kind = lists[l].kind;

          if (g_strcmp0 (value, "object") == 0)
            kind |= K_OBJECT;
          else if (g_strcmp0 (value, "source") == 0)
            kind |= K_SOURCE;
          else if (g_strcmp0 (value, "that") == 0)
            kind |= K_THAT;
          else if (g_strcmp0 (value, "to") == 0)
            kind |= K_THAT | K_TO;
          else if (g_strcmp0 (value, "possessive") == 0)
            kind |= K_POSSESSIVE;
          else if (g_strcmp0 (value, "passive") == 0)
            kind |= K_PASSIVE;
          add_word (self, entries[i], kind);
        }
    }

  self->has_rules = sm_lexicon_get_entries (lexicon, "speech-verbs")[0] != NULL;

  return self;
}

/* The kinds of the words from token @first to @last joined by spaces */
static guint
lookup_tokens (Finder *self,
               guint   first,
               guint   last)
{
  GString *key = g_string_sized_new (32);
  gboolean ascii = TRUE;
  guint kind;

  for (guint k = first; k <= last; k++)
    {
      if (k > first)
        g_string_append_c (key, ' ');
      for (guint i = self->tokens[k].start; i < self->tokens[k].end; i++)
        {
          gunichar c = char_at (self, i);

          if (c < 0x80)
            g_string_append_c (key, g_ascii_tolower ((char) c));
          else
            {
              ascii = FALSE;
              g_string_append_unichar (key, c);
            }
        }
    }

  if (ascii)
    kind = GPOINTER_TO_UINT (g_hash_table_lookup (self->words, key->str));
  else
    {
      g_autofree char *folded = sm_lexicon_dup_key (key->str);

      kind = folded != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->words, folded)) : 0;
    }
  g_string_free (key, TRUE);

  return kind;
}

/* Token tests */

static gboolean
is_word (Finder *self,
         guint   k)
{
  return k < self->n_tokens && g_unichar_isalnum (char_at (self, self->tokens[k].start));
}

static gboolean
is_capitalized (Finder *self,
                guint   k)
{
  gunichar c;

  if (k >= self->n_tokens)
    return FALSE;
  c = char_at (self, self->tokens[k].start);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
is_lower (Finder *self,
          guint   k)
{
  return k < self->n_tokens && g_unichar_islower (char_at (self, self->tokens[k].start));
}

static gboolean
has_kind (Finder *self,
          guint   k,
          guint   kind)
{
  return k < self->n_tokens && (self->info[k].kinds & kind) != 0;
}

static gboolean
is_char (Finder   *self,
         guint     k,
         gunichar  c)
{
  return k < self->n_tokens &&
         self->tokens[k].end == self->tokens[k].start + 1 &&
         char_at (self, self->tokens[k].start) == c;
}

static gboolean
is_word_text (Finder     *self,
              guint       k,
              const char *word)
{
  guint length = strlen (word);

  if (k >= self->n_tokens || self->tokens[k].end - self->tokens[k].start != length)
    return FALSE;
  for (guint i = 0; i < length; i++)
    if (g_unichar_tolower (char_at (self, self->tokens[k].start + i)) != (gunichar) word[i])
      return FALSE;

  return TRUE;
}

/* Whether token @k is a word longer than @min_length that ends in the
 * ASCII @suffix: "-ly" adverbs, "-ed" participles, "-ing" forms */
static gboolean
has_suffix (Finder     *self,
            guint       k,
            const char *suffix,
            guint       min_length)
{
  const SmToken *token = &self->tokens[k];
  guint n = strlen (suffix);

  if (!is_word (self, k) || token->end - token->start <= MAX (min_length, n))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (char_at (self, token->end - n + i) != (gunichar) suffix[i])
      return FALSE;

  return TRUE;
}

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

/* Whether the spaces from code point @i hold one line break that only wraps
 * a sentence: no blank line, no full stop or colon before it, a word in
 * lower case after it ("Lopez said the grant would\nhelp thousands") */
static gboolean
soft_break (Finder *self,
            guint   i)
{
  guint breaks = 0;
  gunichar before;

  while (i > 0 && i < self->n_chars && g_unichar_isspace (char_at (self, i - 1)) &&
         !sm_text_is_line_break (char_at (self, i - 1)))
    i--;
  if (i == 0 || i >= self->n_chars)
    return FALSE;
  before = char_at (self, i - 1);
  if (is_terminator (before) || before == ':' || !(g_unichar_isalnum (before) || before == ','))
    return FALSE;
  for (; i < self->n_chars && g_unichar_isspace (char_at (self, i)); i++)
    if (sm_text_is_line_break (char_at (self, i)) && ++breaks > 1)
      return FALSE;

  return breaks == 1 && i < self->n_chars && g_unichar_islower (char_at (self, i));
}

static gboolean
is_quote_mark (Finder   *self,
               gunichar  c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' ||
         type == G_UNICODE_INITIAL_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         c == 0x201E || c == 0x201A || c == 0x300C || c == 0x300D ||
         c == 0x300E || c == 0x300F;
}

/* A speech verb written in lower case, and how many tokens it takes */
static guint
verb_length (Finder *self,
             guint   k)
{
  if (has_kind (self, k, K_VERB_FIRST))
    for (guint n = MIN (self->max_words, 4); n > 1; n--)
      if (k + n - 1 < self->n_tokens &&
          sentence_last (self, k) >= k + n - 1 &&
          (lookup_tokens (self, k, k + n - 1) & K_VERB) != 0)
        return n;

  return has_kind (self, k, K_VERB) ? 1 : 0;
}

static guint
verb_kind (Finder *self,
           guint   k,
           guint   length)
{
  return lookup_tokens (self, k, k + length - 1);
}

/* Noun phrases */

/* The title that ends at token @k, reaching back over a multiword title
 * ("Prime Minister"): its first token */
static guint
title_start (Finder *self,
             guint   k,
             guint   limit)
{
  for (guint n = MIN (self->max_words, 4); n > 1; n--)
    if (k >= limit + n - 1 && (lookup_tokens (self, k - n + 1, k) & K_TITLE) != 0)
      return k - n + 1;

  return k;
}

/* "CEO", "CFO" */
static gboolean
is_acronym (Finder *self,
            guint   k)
{
  const SmToken *token = &self->tokens[k];

  if (token->end - token->start < 2)
    return FALSE;
  for (guint i = token->start; i < token->end; i++)
    if (!g_unichar_isupper (char_at (self, i)))
      return FALSE;

  return TRUE;
}

/* "Agency’s", "Iran's" */
static gboolean
is_possessive (Finder *self,
               guint   k)
{
  const SmToken *token = &self->tokens[k];

  return is_word (self, k) && token->end - token->start > 2 &&
         (char_at (self, token->end - 2) == '\'' || char_at (self, token->end - 2) == 0x2019) &&
         char_at (self, token->end - 1) == 's';
}

static gboolean
is_name_word (Finder *self,
              guint   k)
{
  if (!is_word (self, k) || has_kind (self, k, K_NOT_NAME | K_PRONOUN | K_DETERMINER))
    return FALSE;
  if (is_capitalized (self, k))
    return TRUE;

  /* "al-Mazroui" */
  for (guint i = self->tokens[k].start; i + 1 < self->tokens[k].end && i - self->tokens[k].start < 4; i++)
    if (char_at (self, i) == '-')
      return g_unichar_isupper (char_at (self, i + 1));

  return FALSE;
}

/* "A spokesman for the ministry": a speaker noun with its determiner
 * before "for" or "of" takes the phrase after it along */
static void
extend_head_noun (Finder *self,
                  guint   limit,
                  Range  *range)
{
  guint k = range->start;
  guint head;

  if (k < limit + 2 ||
      !(is_word_text (self, k - 1, "for") || is_word_text (self, k - 1, "of") ||
        is_word_text (self, k - 1, "at")))
    return;
  head = k - 2;
  if (!has_kind (self, head, K_NOUN | K_TITLE))
    return;
  /* "Officials at the Department of Energy" opening the sentence */
  if (head == limit || !is_word (self, head - 1))
    {
      if (!is_lower (self, head) || head == limit)
        range->start = head;
      return;
    }
  for (guint j = head; j > limit && head - j < MAX_MODIFIERS; j--)
    {
      if (!is_word (self, j - 1) || has_kind (self, j - 1, K_PREPOSITION | K_VERB | K_ADVERB))
        return;
      if (has_kind (self, j - 1, K_DETERMINER))
        {
          range->start = j - 1;
          return;
        }
    }
}

/* The speaker's noun phrase that ends at token @last, not reaching before
 * token @limit: a pronoun, a name back to its title ("Ayatollah Seyyed Ali
 * Khamenei", "the Leader"), or a noun back to its determiner ("The
 * Belarusian president") */
static gboolean
phrase_before (Finder *self,
               guint   last,
               guint   limit,
               Range  *range)
{
  guint s;

  if (last == NONE || last < limit || !is_word (self, last))
    return FALSE;

  range->last = last;

  if (has_kind (self, last, K_PRONOUN))
    {
      range->start = last;
      return TRUE;
    }

  if (has_kind (self, last, K_DETERMINER))
    return FALSE;

  if (is_name_word (self, last))
    {
      s = last;
      while ((s == last || !has_kind (self, s, K_TITLE)) && s > limit && last - s < MAX_NAME_WORDS)
        {
          if (is_name_word (self, s - 1))
            s--;
          /* "The Food and Drug Administration" */
          else if (s - 1 > limit && is_word_text (self, s - 1, "and") && is_name_word (self, s - 2) &&
                   !has_kind (self, s - 2, K_TITLE))
            s -= 2;
          /* "Special Representative for Venezuela Elliott Abrams", "the
           * Department of Energy" */
          else if (s - 1 > limit && (is_word_text (self, s - 1, "for") || is_word_text (self, s - 1, "of")) &&
                   is_capitalized (self, s - 2) &&
                   (has_kind (self, s - 2, K_TITLE) ||
                    (is_word_text (self, s - 1, "of") && is_name_word (self, s - 2))))
            s -= 2;
          else
            break;
        }
      /* A title of several words, maybe inside the name's first words:
       * "Prime Minister", "Secretary of State Rex Tillerson" */
      for (guint p = s; p <= last && p - s < 3; p++)
        {
          guint t = title_start (self, p, limit);

          if (t < s)
            {
              s = t;
              break;
            }
        }
      if (has_kind (self, s, K_TITLE))
        s = title_start (self, s, limit);
      /* "Department of Public Service CEO Rory Christian": a post written
       * in capitals names its company before it */
      if (has_kind (self, s, K_TITLE) && is_acronym (self, s))
        {
          guint k = s;

          while (k > limit && s - k < MAX_NAME_WORDS)
            {
              if (is_name_word (self, k - 1))
                k--;
              else if (k - 1 > limit && is_word_text (self, k - 1, "of") && is_name_word (self, k - 2))
                k -= 2;
              else
                break;
            }
          s = k;
        }
      /* "senior party official Li Yuecheng", "NAO Radio Astronomy
       * Technology Laboratory director Peng Bo": a post in lower case
       * before the name, with what qualifies it */
      if (!has_kind (self, s, K_TITLE) && s > limit && is_lower (self, s - 1) &&
          has_kind (self, s - 1, K_NOUN | K_TITLE) && !has_kind (self, s - 1, K_VERB | K_PREPOSITION))
        {
          guint k = s - 1;

          while (k > limit && s - k < MAX_NAME_WORDS && is_word (self, k - 1) &&
                 !has_kind (self, k - 1, K_VERB | K_PREPOSITION | K_ADVERB | K_DETERMINER | K_PASSIVE |
                                         K_PRONOUN | K_NOT_NAME) &&
                 !is_possessive (self, k - 1) && (is_lower (self, k - 1) || is_name_word (self, k - 1)))
            k--;
          /* and the owner of the post: "The International Energy
           * Agency’s chief economist Fatih Birol" */
          if (k > limit && is_possessive (self, k - 1) && is_capitalized (self, k - 1))
            for (k--; k > limit && last - k < MAX_NAME_WORDS + 4 && is_name_word (self, k - 1); k--)
              ;
          s = k;
        }
      /* "The International Energy Agency’s chief economist Fatih Birol" */
      if (!has_kind (self, s, K_TITLE))
        {
          guint k = s;

          while (k > limit && s - k < 3 && is_lower (self, k - 1) &&
                 !has_kind (self, k - 1, K_VERB | K_PREPOSITION | K_ADVERB | K_DETERMINER | K_PASSIVE))
            k--;
          if (k < s && k > limit && is_possessive (self, k - 1) && is_capitalized (self, k - 1))
            {
              s = k - 1;
              while (s > limit && last - s < MAX_NAME_WORDS && is_name_word (self, s - 1))
                s--;
            }
        }
      /* "the Leader", "The former Exxon CEO" */
      for (guint k = s; k > limit && s - k < 2; k--)
        {
          if (has_kind (self, k - 1, K_DETERMINER))
            {
              if (!has_kind (self, k - 1, K_POSSESSIVE) && (k == s || has_kind (self, last, K_TITLE | K_NOUN)))
                s = k - 1;
              break;
            }
          if (!is_lower (self, k - 1) || has_kind (self, k - 1, K_VERB | K_PREPOSITION | K_ADVERB))
            break;
        }
      range->start = s;
      /* "Officials at the Department of Energy" */
      if (has_kind (self, s, K_DETERMINER))
        extend_head_noun (self, limit, range);
      return TRUE;
    }

  if (!is_lower (self, last) || has_kind (self, last, K_VERB | K_PREPOSITION | K_ADVERB))
    return FALSE;
  /* "the 330 feet depth originally reported": an adverb heads nothing */
  if (has_suffix (self, last, "ly", 3))
    return FALSE;

  /* A common noun needs its determiner close before it */
  for (s = last; s > limit && last - s < MAX_MODIFIERS; s--)
    {
      guint k = s - 1;

      if (!is_word (self, k) || has_kind (self, k, K_PREPOSITION | K_VERB | K_ADVERB))
        break;
      if (has_kind (self, k, K_DETERMINER))
        {
          range->start = k;
          extend_head_noun (self, limit, range);
          return TRUE;
        }
    }

  if (has_kind (self, last, K_NOUN | K_TITLE))
    {
      /* "First reports", "Early investigators reports" */
      s = last;
      while (s > limit && last - s < MAX_NAME_WORDS &&
             (is_name_word (self, s - 1) ||
              (is_lower (self, s - 1) && has_kind (self, s - 1, K_NOUN) &&
               !has_kind (self, s - 1, K_VERB | K_PREPOSITION))))
        s--;
      range->start = s;
      return TRUE;
    }

  return FALSE;
}

/* The speaker's noun phrase that starts at token @first and ends by token
 * @limit: "President Raisi", "a spokesman for the Cumbria Fire and Rescue
 * squad, Brian Mitchelhill", "police" */
static gboolean
phrase_after (Finder *self,
              guint   first,
              guint   limit,
              Range  *range)
{
  guint e = first;

  if (first > limit || !is_word (self, first))
    return FALSE;

  range->start = first;
  range->last = first;

  if (has_kind (self, first, K_PRONOUN))
    return TRUE;

  if (!has_kind (self, first, K_DETERMINER | K_NOUN | K_TITLE) && !is_name_word (self, first))
    return FALSE;
  if (has_kind (self, first, K_POSSESSIVE))
    return FALSE;

  while (e + 1 <= limit && e + 1 - first < MAX_FORWARD_NP)
    {
      guint k = e + 1;

      if (!is_word (self, k) || has_kind (self, k, K_VERB | K_PRONOUN))
        break;
      if (has_kind (self, k, K_PREPOSITION) &&
          !(is_word_text (self, k, "and") && is_capitalized (self, k - 1) && is_capitalized (self, k + 1)))
        break;
      if (has_kind (self, k, K_NOT_NAME) && is_capitalized (self, k))
        break;
      /* A determiner after a noun starts the next phrase: "told the BBC
       * the decision was final" */
      if (has_kind (self, k, K_DETERMINER) && !has_kind (self, k - 1, K_DETERMINER) &&
          (is_capitalized (self, k - 1) || has_kind (self, k - 1, K_NOUN)))
        break;
      e = k;
    }

  if (has_kind (self, e, K_DETERMINER))
    return FALSE;

  /* An apposition that names the person is left out, as the gold leaves
   * it: "[a BBC executive], Caroline Thomson" */
  range->last = e;
  return TRUE;
}

/* The subject that opens the sentence of token @k: "Ayatollah Khamenei
 * touched on …, saying …" */
static gboolean
sentence_subject (Finder *self,
                  guint   k,
                  Range  *range)
{
  guint first = sentence_first (self, k);
  guint e;

  if (!is_word (self, first))
    return FALSE;

  range->start = range->last = first;
  if (has_kind (self, first, K_PRONOUN))
    return TRUE;

  e = first;
  if (has_kind (self, first, K_DETERMINER) && !has_kind (self, first, K_POSSESSIVE))
    {
      /* "The Chinese government", "The US" */
      guint head = NONE;

      for (guint j = first + 1; j < k && j - first <= MAX_MODIFIERS && is_word (self, j); j++)
        {
          if (has_kind (self, j, K_VERB | K_PREPOSITION | K_ADVERB | K_DETERMINER) ||
              is_word_text (self, j, "of"))
            break;
          if (is_capitalized (self, j) || has_kind (self, j, K_NOUN | K_TITLE))
            head = j;
          else if (head != NONE)
            break;
        }
      /* "The results of the … study revealed" */
      if (head == NONE && is_lower (self, first + 1) && first + 1 < k)
        head = first + 1;
      if (head == NONE)
        return FALSE;
      range->last = head;
      return TRUE;
    }

  if (!is_name_word (self, first) && !has_kind (self, first, K_TITLE))
    return FALSE;

  /* Names and titles, and a lower-case word between them: "Senior
   * researcher Mu Li" */
  for (guint j = first + 1; j < k && j - first <= MAX_NAME_WORDS && is_word (self, j); j++)
    {
      if (is_name_word (self, j) || (has_kind (self, j, K_TITLE) && is_capitalized (self, j)))
        e = j;
      else if (!is_lower (self, j) || has_kind (self, j, K_VERB | K_PREPOSITION | K_ADVERB) ||
               !is_name_word (self, j + 1))
        break;
    }
  range->last = e;

  return TRUE;
}

/* Speakers and claims */

static guint
add_mention (Finder      *self,
             const Range *range)
{
  Mention mention = {
    self->tokens[range->start].start,
    self->tokens[range->last].end,
    paragraph_of (self, range->start),
  };
  gpointer found = g_hash_table_lookup (self->mention_at, GUINT_TO_POINTER (mention.start));

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  g_array_append_val (self->mentions, mention);
  g_hash_table_insert (self->mention_at, GUINT_TO_POINTER (mention.start),
                       GUINT_TO_POINTER (self->mentions->len));

  return self->mentions->len - 1;
}

/* The last speaker named in the sentence of token @k, before it */
static guint
mention_in_sentence (Finder *self,
                     guint   k)
{
  guint from = self->tokens[sentence_first (self, k)].start;
  guint to = self->tokens[k].start;
  guint best = NONE;

  /* Mentions are added in text order within a sentence, so the last few
   * are the candidates */
  for (guint i = self->mentions->len; i > 0 && self->mentions->len - i < 8; i--)
    {
      const Mention *mention = &g_array_index (self->mentions, Mention, i - 1);

      if (mention->start >= from && mention->end <= to &&
          (best == NONE || mention->start > g_array_index (self->mentions, Mention, best).start))
        best = i - 1;
    }

  return best;
}

static gboolean
in_direct_claim (Finder *self,
                 guint   first,
                 guint   last)
{
  /* While the direct quotations are being found, this read the marks
   * before they were summed, as quoted[last + 1] - quoted[first] > 0 in
   * unsigned numbers: whether the marks of @last and of the token before
   * @first differ. Kept so that no suggestion changes. */
  if (!self->quoted_final)
    return self->info[last].quoted != (first > 0 && self->info[first - 1].quoted);

  for (guint k = first; k <= last; k++)
    if (self->info[k].quoted)
      return TRUE;
  return FALSE;
}

static guint
count_words (Finder *self,
             guint   first,
             guint   last)
{
  guint n = 0;

  for (guint k = first; k <= last && k < self->n_tokens; k++)
    if (is_word (self, k))
      n++;

  return n;
}

/* Adds the claim over tokens @first to @last, less the punctuation that
 * closes it */
static gboolean
add_reported_claim (Finder      *self,
                    guint        first,
                    guint        last,
                    const Range *speaker,
                    guint        mention)
{
  Claim claim = { 0, };
  guint n_open = 0, n_close = 0;

  if (first == NONE || last == NONE || first > last || last >= self->n_tokens ||
      last - first > MAX_CLAIM_TOKENS)
    return FALSE;

  /* "suggested that, because of their age, …" */
  while (first < last &&
         (is_char (self, first, ',') || (is_lower (self, first) && is_word_text (self, first, "that"))))
    first++;

  for (guint k = first; k <= last; k++)
    if (self->tokens[k].end == self->tokens[k].start + 1 &&
        is_quote_mark (self, char_at (self, self->tokens[k].start)))
      {
        GUnicodeType type = g_unichar_type (char_at (self, self->tokens[k].start));

        if (type == G_UNICODE_FINAL_PUNCTUATION)
          n_close++;
        else
          n_open++;
      }

  while (last > first)
    {
      gunichar c = char_at (self, self->tokens[last].start);

      if (self->tokens[last].end - self->tokens[last].start != 1)
        break;
      if (c == ',' || c == ';' || c == ':' || c == '.' || c == 0x2026 || is_dash (c))
        last--;
      else if (is_quote_mark (self, c) && n_open == 0 && n_close > 0)
        last--;
      else
        break;
    }

  if (count_words (self, first, last) < 2 || in_direct_claim (self, first, last))
    return FALSE;

  claim.start = self->tokens[first].start;
  claim.end = self->tokens[last].end;
  claim.paragraph = paragraph_of (self, first);
  claim.speaker = mention != NONE ? mention : add_mention (self, speaker);
  claim.direct = FALSE;
  g_array_append_val (self->claims, claim);

  return TRUE;
}

/* Where a reported claim that starts at token @first ends: at its
 * sentence's end, or before the next attribution in it ("…, and added
 * that", ", saying", ", X said") */
static guint
claim_last (Finder *self,
            guint   first)
{
  guint last = sentence_last (self, first);
  guint w = next_verb (self, first);
  guint before;
  Range range;

  /* "…, and a UAE official opposed …": a clause of someone else's */
  for (guint k = first + 1; k + 2 <= last && k - first < MAX_CLAIM_TOKENS; k++)
    if (is_char (self, k, ',') && is_word_text (self, k + 1, "and") &&
        ((has_kind (self, k + 2, K_DETERMINER) && !has_kind (self, k + 2, K_POSSESSIVE)) ||
         is_name_word (self, k + 2)))
      {
        last = k - 1;
        break;
      }

  if (w == NONE || w > last)
    return last;

  before = w - 1;
  while (before > first && has_kind (self, before, K_ADVERB) && !has_kind (self, before, K_PASSIVE))
    before--;

  if (is_word_text (self, before, "and"))
    return is_char (self, before - 1, ',') ? before - 2 : before - 1;
  if (is_char (self, before, ','))
    return before - 1;
  if (phrase_before (self, before, first, &range) && range.start > first &&
      is_char (self, range.start - 1, ','))
    return range.start - 2;

  return last;
}

/* Direct quotations */

typedef struct
{
  guint open_token;    /* the opening mark's token */
  guint close_token;   /* the closing mark's token, or the token after
                        * the paragraph for a quotation left open, or the
                        * next quotation's opening mark */
  guint start;         /* the claim, in code points */
  guint end;
  gboolean runs_on;    /* left open: the quotation goes on in the next
                        * paragraph, which opens with a mark of its own */
  gboolean unclosed;   /* closed by the next quotation's opening mark */
} Quote;

static guint
token_at (Finder *self,
          guint   offset)
{
  guint lo = 0, hi = self->n_tokens;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (self->tokens[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static const char *
closers_of (Finder   *self,
            gunichar  c)
{
  char mark[8] = { 0, };

  g_unichar_to_utf8 (c, mark);

  return sm_lexicon_lookup (self->lexicon, "quotation-marks", mark);
}

static gboolean
is_closer (const char *closers,
           gunichar    c)
{
  for (const char *p = closers; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;

  return FALSE;
}

/* Marks that also serve as apostrophes or inch signs need a word edge */
static gboolean
is_ambiguous_mark (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A;
}

/* Finds the closing mark of the quotation opened at @i */
static gboolean
find_quote (Finder     *self,
            guint       i,
            const char *closers,
            Quote      *quote)
{
  guint j = i + 1;
  guint scan;

  /* Where a search for these closing marks gave up before: none is
   * between, so many opening marks without a closing one (apostrophes
   * typed as ‘) still cost one pass over the text */
  for (scan = 0; scan < self->n_scans && self->scan_closers[scan] != closers; scan++)
    ;
  if (scan == self->n_scans && scan < G_N_ELEMENTS (self->scan_closers))
    {
      self->scan_closers[scan] = closers;
      self->scan_end[scan] = 0;
      self->n_scans++;
    }
  if (scan < self->n_scans && self->scan_end[scan] > j)
    j = self->scan_end[scan];

  for (; j < self->n_chars && j - i < MAX_QUOTE_CHARS; j++)
    {
      gunichar c = char_at (self, j);

      if (sm_text_is_line_break (c) && !soft_break (self, j))
        break;
      /* Another opening mark before the closing one: this quotation was
       * left open by mistake ("… with oil. “U.S. President …"). It ends
       * with its sentence before the new mark, or is none. */
      if (c == char_at (self, i) && !is_closer (closers, c))
        {
          guint p = j;

          while (p > i + 1 && g_unichar_isspace (char_at (self, p - 1)))
            p--;
          if (p == i + 1 || !is_terminator (char_at (self, p - 1)))
            return FALSE;
          quote->close_token = token_at (self, j);
          quote->unclosed = TRUE;
          break;
        }
      if (!is_closer (closers, c))
        continue;
      if (is_ambiguous_mark (c) &&
          (g_unichar_isspace (char_at (self, j - 1)) ||
           (j + 1 < self->n_chars && g_unichar_isalnum (char_at (self, j + 1)))))
        continue;
      quote->close_token = token_at (self, j);
      break;
    }

  if (j >= self->n_chars || j - i >= MAX_QUOTE_CHARS || sm_text_is_line_break (char_at (self, j)))
    {
      /* A quotation that runs on into the next paragraph opens the
       * paragraph, or opens after its attribution ("Doe said: “…",
       * "“…,” Doe said. “…"), and is closed only at the end of the last
       * paragraph; each paragraph it runs on into opens with its mark */
      guint k = token_at (self, i);

      if (scan < self->n_scans)
        self->scan_end[scan] = j;

      if (k > 0 && paragraph_of (self, k - 1) == paragraph_of (self, k))
        {
          guint next = j;

          while (next < self->n_chars && g_unichar_isspace (char_at (self, next)))
            next++;
          if (next >= self->n_chars || char_at (self, next) != char_at (self, i))
            return FALSE;
        }
      if (j - i >= MAX_QUOTE_CHARS)
        return FALSE;
      quote->close_token = token_at (self, j);
      quote->runs_on = TRUE;
    }

  quote->open_token = token_at (self, i);
  quote->start = i + 1;
  quote->end = j;

  /* Without the closing comma or full stop, and the spaces */
  while (quote->end > quote->start &&
         (g_unichar_isspace (char_at (self, quote->end - 1)) ||
          char_at (self, quote->end - 1) == ',' || char_at (self, quote->end - 1) == '.'))
    quote->end--;
  while (quote->start < quote->end && g_unichar_isspace (char_at (self, quote->start)))
    quote->start++;

  return TRUE;
}

/* Whether the quotation reads as something said rather than a scare
 * quote or a title: a clause of a few words, opening its sentence or
 * introduced by punctuation or a verb, or closed by its own punctuation */
static gboolean
is_quotation (Finder      *self,
              const Quote *quote)
{
  guint first = quote->open_token + 1;
  guint last = quote->close_token - 1;
  guint before = quote->open_token;
  guint n_words = 0, n_capitalized = 0;
  gboolean first_capitalized = FALSE, last_capitalized = FALSE;
  gunichar end;
  gboolean introduced, closed;

  if (first > last)
    return FALSE;

  /* Short words such as "of" and "the" do not make a title less one */
  for (guint k = first; k <= last; k++)
    if (is_word (self, k))
      {
        gboolean capitalized = is_capitalized (self, k);

        if (n_words == 0)
          first_capitalized = capitalized;
        last_capitalized = capitalized;
        n_words++;
        if (capitalized || self->tokens[k].end - self->tokens[k].start <= 3)
          n_capitalized++;
      }
  if (n_words < MIN_QUOTE_WORDS)
    return FALSE;

  end = char_at (self, self->tokens[last].start);

  /* A question asks; it claims nothing */
  if (end == '?' || end == 0x061F || end == 0xFF1F)
    return FALSE;

  closed = self->tokens[last].end == self->tokens[last].start + 1 &&
           (is_terminator (end) || end == ',');

  /* A title of a work: every word capitalized ("The Talking Dead.") */
  if (n_capitalized == n_words && first_capitalized && last_capitalized)
    return FALSE;

  introduced = before == 0 || sentence_first (self, before) == before;
  if (!introduced)
    {
      guint k = before - 1;
      gunichar c = char_at (self, self->tokens[k].start);

      introduced = c == ',' || c == ':' || is_dash (c) ||
                   (self->has_rules && has_kind (self, k, K_VERB)) ||
                   (self->has_rules && k > 0 && is_word_text (self, k, "that") &&
                    has_kind (self, k - 1, K_VERB)) ||
                   (!self->has_rules && !is_lower (self, k));
      if (!introduced && closed)
        introduced = !is_lower (self, k);
    }

  return introduced;
}

/* A line that signs the quotation before it, or a dash and a name that
 * end its paragraph: "— Jane Doe, Executive Director", "“…” — Jane Doe".
 * The name, not the post after its comma, is the speaker. */
static gboolean
signature_after (Finder *self,
                 guint   k,
                 Range  *speaker)
{
  guint end;

  if (self->tokens[k].end != self->tokens[k].start + 1 || !is_dash (char_at (self, self->tokens[k].start)) ||
      k + 1 >= self->n_tokens || paragraph_of (self, k + 1) != paragraph_of (self, k) ||
      !is_name_word (self, k + 1))
    return FALSE;
  for (end = k + 1; end + 1 < self->n_tokens && paragraph_of (self, end + 1) == paragraph_of (self, k); end++)
    if (end - k > MAX_FORWARD_NP)
      return FALSE;

  speaker->start = k + 1;
  for (speaker->last = k + 1; speaker->last < end && is_name_word (self, speaker->last + 1); speaker->last++)
    ;
  if (has_kind (self, speaker->last, K_TITLE) && speaker->last == speaker->start)
    return FALSE;

  return speaker->last == end || is_char (self, speaker->last + 1, ',') ||
         (speaker->last + 1 == end && is_terminator (char_at (self, self->tokens[end].start)));
}

/* The attribution right after a quotation: "“…,” the Leader said", "“…,”
 * said X", "“…,” according to X" */
static gboolean
attribution_after (Finder      *self,
                   const Quote *quote,
                   Range       *speaker)
{
  guint k = quote->close_token + 1;
  guint limit, length;

  if (k >= self->n_tokens)
    return FALSE;
  /* "“…”\n— Jane Doe, Executive Director", "“…” — Jane Doe" */
  if (signature_after (self, k, speaker))
    return TRUE;
  if (paragraph_of (self, k) != paragraph_of (self, quote->close_token))
    return FALSE;
  /* "“…,” said X", "“…” – said X" */
  if (is_char (self, k, ',') || (self->tokens[k].end == self->tokens[k].start + 1 &&
                                 is_dash (char_at (self, self->tokens[k].start))))
    k++;
  if (k >= self->n_tokens)
    return FALSE;
  limit = sentence_last (self, k);

  if (is_lower (self, k) && (length = verb_length (self, k)) > 0)
    {
      if (phrase_after (self, k + length, limit, speaker))
        {
          self->info[k].used = TRUE;
          return TRUE;
        }
      return FALSE;
    }

  /* "“…,” Phillip Streible, chief market strategist at Blue Line Futures,
   * told MarketWatch" */
  if (is_name_word (self, k) && phrase_after (self, k, limit, speaker) &&
      is_char (self, speaker->last + 1, ','))
    {
      guint w = next_verb (self, speaker->last + 1);

      if (w != NONE && w <= limit && w - speaker->last <= MAX_BEFORE_QUOTE && is_char (self, w - 1, ','))
        {
          self->info[w].used = TRUE;
          return TRUE;
        }
    }

  for (guint w = k; w <= limit && w - k <= MAX_AFTER_QUOTE; w++)
    {
      guint before;

      /* "“…,” the CEO, Jane Doe, said" */
      if (w > k && is_char (self, w, ',') && is_word (self, w + 1))
        continue;
      if (!is_word (self, w))
        return FALSE;
      if (!is_lower (self, w) || (length = verb_length (self, w)) == 0)
        continue;
      if ((verb_kind (self, w, length) & K_SOURCE) != 0)
        return FALSE;

      before = w - 1;
      if (before > k && is_char (self, before, ','))
        before--;
      while (before > k && has_kind (self, before, K_ADVERB))
        before--;
      if (w == k || !phrase_before (self, before, k, speaker))
        return FALSE;

      /* All of what stands between is the speaker: "“…,” Obama special
       * assistant Kori Schulman wrote", but not an apposition after a
       * comma: "“…,” [the CEO], Jane Doe, said" */
      for (guint j = k; j < speaker->start; j++)
        if (has_kind (self, j, K_PREPOSITION | K_PRONOUN))
          return FALSE;
      speaker->start = k;
      for (guint j = k; j < speaker->last; j++)
        if (is_char (self, j + 1, ','))
          {
            speaker->last = j;
            break;
          }
      self->info[w].used = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gboolean names_only (Finder *self,
                            guint   first,
                            guint   last);

static gboolean subject_of (Finder *self,
                            guint   verb,
                            Range  *speaker,
                            guint  *mention);

/* The attribution before a quotation in its sentence: "X said: “…”",
 * "X said during a conference, “…”" */
static guint
attribution_before (Finder      *self,
                    const Quote *quote)
{
  guint open = quote->open_token;
  guint first;

  if (open == 0 || sentence_first (self, open) == open)
    return NONE;
  first = sentence_first (self, open);

  /* "Jane Doe, CEO of Acme: “…”": a name and its post before a colon */
  if (is_char (self, open - 1, ':') && open - 1 > first && is_name_word (self, first) &&
      !has_kind (self, first, K_TITLE) && names_only (self, first, open - 2))
    {
      Range speaker;

      if (phrase_after (self, first, open - 2, &speaker) && speaker.last > first &&
          (speaker.last == open - 2 || is_char (self, speaker.last + 1, ',')))
        return add_mention (self, &speaker);
    }

  for (guint w = open; w > first && open - w < MAX_BEFORE_QUOTE; w--)
    {
      guint k = w - 1;
      guint length;
      Range speaker;
      guint mention = NONE;

      if (in_direct_claim (self, k, k))
        return NONE;
      if (!is_lower (self, k) || self->info[k].used || (length = verb_length (self, k)) == 0)
        continue;

      if ((verb_kind (self, k, length) & K_SOURCE) != 0)
        {
          if (!phrase_after (self, k + length, open - 1, &speaker))
            return NONE;
          mention = add_mention (self, &speaker);
        }
      else if (!subject_of (self, k, &speaker, &mention))
        return NONE;
      else if (mention == NONE)
        mention = add_mention (self, &speaker);

      self->info[k].used = TRUE;
      return mention;
    }

  return NONE;
}

/* Whether a speech verb stands right before the quotation opened at token
 * @open: "said “I do.”", "told the BBC: “…”" */
static gboolean
after_verb (Finder *self,
            guint   open)
{
  guint k;

  if (open < 2 || sentence_first (self, open) == open)
    return FALSE;
  k = open - 1;
  if (is_char (self, k, ':') || is_char (self, k, ','))
    k--;

  return is_lower (self, k) && !self->info[k].used && verb_length (self, k) > 0 &&
         (verb_kind (self, k, verb_length (self, k)) & (K_THAT | K_SOURCE)) == 0;
}

/* A quotation of one or two words is a claim when a speech verb stands
 * right before it ("said “I do.”") or its attribution right after it
 * ("“Absolutely,” said Doe") */
static gboolean
short_quotation (Finder      *self,
                 const Quote *quote)
{
  guint open = quote->open_token;
  guint last = quote->close_token - 1;
  guint n_words = 0;
  gunichar end;
  Range speaker;

  if (quote->runs_on || quote->close_token >= self->n_tokens || open + 1 > last)
    return FALSE;
  for (guint k = open + 1; k <= last; k++)
    n_words += is_word (self, k);
  end = char_at (self, self->tokens[last].start);
  if (n_words == 0 || n_words >= MIN_QUOTE_WORDS || end == '?' || end == 0x061F || end == 0xFF1F)
    return FALSE;

  if (after_verb (self, open))
    return TRUE;

  return self->tokens[last].end == self->tokens[last].start + 1 &&
         (end == ',' || end == '!' || end == '.') &&
         attribution_after (self, quote, &speaker);
}

/* A quoted word or phrase that the subject of a naming verb gives as its
 * own: "The Chinese government opposed the decision, calling it
 * “ill-founded”" is a claim of the Chinese government's */
static void
named_phrase (Finder      *self,
              const Quote *quote)
{
  guint open = quote->open_token;
  guint first = sentence_first (self, open);
  guint n_words = 0, n_capitalized = 0;
  Claim claim = { 0, };
  Range speaker;
  guint mention = NONE;
  gunichar end;

  if (quote->close_token >= self->n_tokens || quote->open_token + 1 >= quote->close_token)
    return;
  end = char_at (self, self->tokens[quote->close_token - 1].start);
  if (end == '?' || end == 0x061F || end == 0xFF1F)
    return;
  /* Not the name of something: every word capitalized */
  for (guint k = open + 1; k < quote->close_token; k++)
    if (is_word (self, k))
      {
        n_words++;
        if (is_capitalized (self, k))
          n_capitalized++;
      }
  if (n_words == 0 || n_capitalized == n_words)
    return;

  for (guint w = open; w > first && open - w <= MAX_MODIFIERS + 2; w--)
    {
      guint k = w - 1;

      if (!is_word (self, k))
        return;
      if (!has_kind (self, k, K_NAMING) || !is_lower (self, k))
        continue;
      if (!subject_of (self, k, &speaker, &mention))
        return;
      claim.start = quote->start;
      claim.end = quote->end;
      claim.paragraph = paragraph_of (self, open);
      claim.speaker = mention != NONE ? mention : add_mention (self, &speaker);
      claim.direct = TRUE;
      g_array_append_val (self->claims, claim);
      for (guint j = open; j < quote->close_token; j++)
        self->info[j].quoted = TRUE;
      return;
    }
}

static void
find_direct_quotes (Finder *self)
{
  guint i = 0;

  while (i < self->n_chars)
    {
      gunichar c = char_at (self, i);
      const char *closers;
      Quote quote = { 0, };
      Claim claim = { 0, };
      Range speaker;

      if (c < 0x80 && c != '"')
        {
          i++;
          continue;
        }
      if ((closers = closers_of (self, c)) == NULL || *closers == '\0' ||
          (i > 0 && g_unichar_isalnum (char_at (self, i - 1))) ||
          (is_ambiguous_mark (c) && i + 1 < self->n_chars && g_unichar_isspace (char_at (self, i + 1))) ||
          !find_quote (self, i, closers, &quote))
        {
          i++;
          continue;
        }

      /* The token after a quotation left open is the next paragraph's
       * opening mark: the search goes on from there */
      i = quote.end + 1;
      if (!quote.runs_on && !quote.unclosed && quote.close_token < self->n_tokens)
        i = MAX (i, self->tokens[quote.close_token].end);

      if (!is_quotation (self, &quote) && !(self->has_rules && short_quotation (self, &quote)))
        {
          /* "calling it “ill-founded”" */
          if (self->has_rules && !quote.runs_on)
            named_phrase (self, &quote);
          continue;
        }

      claim.start = quote.start;
      claim.end = quote.end;
      claim.paragraph = paragraph_of (self, quote.open_token);
      claim.speaker = NONE;
      claim.direct = TRUE;
      claim.opens_paragraph = quote.open_token == 0 ||
                              paragraph_of (self, quote.open_token - 1) != claim.paragraph;
      claim.runs_on = quote.runs_on;

      for (guint k = quote.open_token; k < quote.close_token && k < self->n_tokens; k++)
        self->info[k].quoted = TRUE;

      if (self->has_rules)
        {
          /* "X said “I do.” Russia then announced …": the verb before
           * the quotation is its attribution, not the sentence after */
          if (after_verb (self, quote.open_token))
            claim.speaker = attribution_before (self, &quote);
          if (claim.speaker == NONE && !quote.runs_on && !quote.unclosed &&
              attribution_after (self, &quote, &speaker))
            claim.speaker = add_mention (self, &speaker);
          else if (claim.speaker == NONE)
            claim.speaker = attribution_before (self, &quote);
        }

      g_array_append_val (self->claims, claim);
    }
}

/* Reported speech */

/* Whether tokens @first to @last only name someone ("The spokesperson for
 * the Ministry of Foreign Affairs, Wang Wenbin", "Mr. Jones, 54"): a
 * subject before its verb, not a claim before an inverted "…, said X" */
static gboolean
names_only (Finder *self,
            guint   first,
            guint   last)
{
  if (last == NONE || last < first || last - first > MAX_OBJECT)
    return FALSE;
  for (guint k = first; k <= last; k++)
    if (!(is_char (self, k, ',') || is_char (self, k, '.') || !is_lower (self, k) ||
          has_kind (self, k, K_NOUN | K_TITLE | K_DETERMINER | K_PREPOSITION) ||
          is_word_text (self, k, "of") || is_word_text (self, k, "for")))
      return FALSE;

  return TRUE;
}

/* "A news release issued yesterday said": a speaker noun with a participle
 * after it, read back from the participle phrase that ends at @last */
static gboolean
participle_subject (Finder *self,
                    guint   last,
                    guint   limit,
                    Range  *range)
{
  for (guint j = last; j > limit + 1 && last - j < MAX_MODIFIERS; j--)
    {
      if (!is_word (self, j) || has_kind (self, j, K_VERB | K_PASSIVE))
        return FALSE;
      if (is_lower (self, j) && has_suffix (self, j, "ed", 4))
        {
          if (!phrase_before (self, j - 1, limit, range) || !has_kind (self, j - 1, K_NOUN))
            return FALSE;
          range->last = last;
          return TRUE;
        }
    }

  return FALSE;
}

/* "saying", "adding": a verb that hangs on the sentence's main clause */
static gboolean
is_gerund (Finder *self,
           guint   k)
{
  const SmToken *token = &self->tokens[k];

  return token->end - token->start > 4 &&
         char_at (self, token->end - 3) == 'i' &&
         char_at (self, token->end - 2) == 'n' &&
         char_at (self, token->end - 1) == 'g';
}

/* Who says what the verb at token @verb introduces: the phrase before it,
 * or for ", saying" and "and added" the sentence's speaker. Sets @mention
 * to a mention already made for it, or NONE to make one from @speaker. */
static gboolean
subject_of (Finder *self,
            guint   verb,
            Range  *speaker,
            guint  *mention)
{
  guint first = sentence_first (self, verb);
  guint before;

  *mention = NONE;
  if (verb == first)
    return FALSE;

  /* "Commenting on the announcement, Jane Doe, CEO of Acme, said": the
   * subject comes after an opening phrase */
  if (is_capitalized (self, first) &&
      (has_kind (self, first, K_PREPOSITION) || has_suffix (self, first, "ing", 5)))
    for (guint k = first + 1; k + 1 < verb && k - first <= MAX_ADVERBIAL; k++)
      if (is_char (self, k, ','))
        {
          first = k + 1;
          break;
        }

  /* Adverbs, and time phrases, between the subject and the verb:
   * "President Biden earlier this week essentially called …" */
  before = verb - 1;
  while (before > first)
    {
      if (has_kind (self, before, K_PASSIVE) && has_kind (self, before, K_ADVERB))
        return FALSE;
      if (has_kind (self, before, K_ADVERB) || (is_lower (self, before) && has_suffix (self, before, "ly", 4)))
        before--;
      else if (has_kind (self, before, K_TIME) && before > first + 1 &&
               has_kind (self, before - 1, K_DETERMINER) && is_lower (self, before - 1) &&
               !has_kind (self, before - 1, K_POSSESSIVE))
        before -= 2;
      /* "Acme Corp. today announced", "The White House on Tuesday said" */
      else if (has_kind (self, before, K_TIME) && is_lower (self, before) &&
               /* not "a news release issued yesterday said" */
               !(is_lower (self, before - 1) && has_suffix (self, before - 1, "ed", 4)))
        before--;
      else if (before > first + 1 && is_capitalized (self, before) && has_kind (self, before, K_NOT_NAME) &&
               is_word_text (self, before - 1, "on"))
        before -= 2;
      /* "Acme is pleased to announce that …" */
      else if (before > first + 2 && is_word_text (self, before, "to") && is_lower (self, before - 1) &&
               has_kind (self, before - 2, K_PASSIVE) && before == verb - 1)
        before -= 3;
      /* "Acme Corp. (NASDAQ: ACME) today announced" */
      else if (is_char (self, before, ')'))
        {
          guint open = before;

          while (open > first && before - open < MAX_OBJECT && !is_char (self, open, '('))
            open--;
          if (open == first || !is_char (self, open, '('))
            break;
          before = open - 1;
        }
      else
        break;
    }
  if (has_kind (self, before, K_PASSIVE) || has_kind (self, before, K_DETERMINER))
    return FALSE;

  /* "X was quoted as saying …" */
  if (is_word_text (self, before, "as") && before > first + 1 && is_word_text (self, before - 1, "quoted"))
    {
      before -= 2;
      while (before > first && has_kind (self, before, K_ADVERB | K_PASSIVE))
        before--;
      return phrase_before (self, before, first, speaker);
    }

  /* "The statement quoted Doe as saying …" */
  if (is_word_text (self, before, "as") && before > first + 2)
    {
      Range quoted;

      if (phrase_before (self, before - 1, first, &quoted) && quoted.start > first + 1 &&
          is_word_text (self, quoted.start - 1, "quoted"))
        {
          *speaker = quoted;
          return TRUE;
        }
    }

  /* "Raisi, who said …" */
  if (is_word_text (self, before, "who") && before > first + 1 && is_char (self, before - 1, ','))
    {
      return phrase_before (self, before - 2, first, speaker);
    }

  /* "… and added that …" is said by who said the first part; "…,
   * saying …" and "The US, a key ally …, said …" by the sentence's
   * subject */
  if (is_word_text (self, before, "and") &&
      (*mention = mention_in_sentence (self, verb)) != NONE)
    return TRUE;
  if (is_char (self, before, ',') || is_word_text (self, before, "and"))
    {
      if (is_char (self, before, ',') && !is_gerund (self, verb))
        {
          guint comma = first;

          while (comma < before && !is_char (self, comma, ','))
            comma++;
          if (comma < before && comma > first &&
              phrase_before (self, comma - 1, first, speaker))
            return TRUE;
        }
      if (sentence_subject (self, verb, speaker))
        return TRUE;
      return (*mention = mention_in_sentence (self, verb)) != NONE;
    }

  if (!phrase_before (self, before, first, speaker) &&
      !participle_subject (self, verb - 1, first, speaker))
    return FALSE;

  /* "Sources familiar with the matter say …" */
  if (speaker->start >= first + 3 && is_word_text (self, speaker->start - 1, "with") &&
      is_word_text (self, speaker->start - 2, "familiar"))
    {
      Range head;

      if (phrase_before (self, speaker->start - 3, first, &head) ||
          (is_word (self, speaker->start - 3) && !has_kind (self, speaker->start - 3, K_VERB | K_PREPOSITION) &&
           (head.start = speaker->start - 3, TRUE)))
        speaker->start = head.start;
    }

  return TRUE;
}

/* After a time phrase that starts at token @c ("on Tuesday", "over the
 * weekend", "last week", "Monday"), or @c if there is none */
static guint
skip_time (Finder *self,
           guint   c,
           guint   last)
{
  guint k = c;

  if (has_kind (self, k, K_PREPOSITION) && !is_word_text (self, k, "that"))
    k++;
  if (has_kind (self, k, K_DETERMINER) && !has_kind (self, k, K_POSSESSIVE))
    k++;
  if (k > last || !is_word (self, k))
    return c;
  if (has_kind (self, k, K_TIME) ||
      (is_capitalized (self, k) && has_kind (self, k, K_NOT_NAME) &&
       !has_kind (self, k, K_DETERMINER | K_PRONOUN | K_PREPOSITION)))
    {
      k++;
      while (k <= last && has_kind (self, k, K_TIME))
        k++;
      /* Not "in a Wednesday note" */
      if (k <= last && is_lower (self, k) && !has_kind (self, k, K_PRONOUN | K_DETERMINER) &&
          !is_word_text (self, k, "that"))
        return c;
      return k;
    }

  return c;
}

/* Where the claim after a speech verb starts, or NONE */
static guint
claim_first (Finder *self,
             guint   verb,
             guint   length,
             guint   kind)
{
  guint last = sentence_last (self, verb);
  guint c = verb + length;

  if (c > last)
    return NONE;

  /* "said earlier Klein did not appear …", "said on Tuesday it expects …" */
  if (has_kind (self, c, K_ADVERB) && !has_kind (self, c, K_PASSIVE) && c < last)
    c++;
  c = skip_time (self, c, last);
  if (c > last)
    return NONE;

  if ((kind & K_OBJECT) != 0)
    {
      Range object;

      for (guint k = c; k <= last && k - c <= MAX_OBJECT; k++)
        {
          if (is_word_text (self, k, "that"))
            return k + 1;
          if (!is_word (self, k))
            break;
        }

      /* "The company told the BBC it would be …", "told a conference in
       * Istanbul he thought …" */
      if (!phrase_after (self, c, last, &object) || has_kind (self, object.start, K_PRONOUN))
        return NONE;
      if (object.last + 2 < last && has_kind (self, object.last + 1, K_PREPOSITION) &&
          !is_word_text (self, object.last + 1, "that") && is_name_word (self, object.last + 2))
        {
          object.last += 2;
          while (object.last < last && is_name_word (self, object.last + 1))
            object.last++;
        }
      if (object.last < last && is_word (self, object.last + 1) &&
          !has_kind (self, object.last + 1, K_PREPOSITION | K_VERB) &&
          (is_lower (self, object.last + 1) || has_kind (self, object.last + 1, K_PRONOUN | K_DETERMINER)))
        return object.last + 1;
      return NONE;
    }

  if (is_word_text (self, c, "that") || is_char (self, c, ':'))
    return c + 1;

  /* "pledged to follow up on …" */
  if ((kind & K_TO) != 0 && is_word_text (self, c, "to") && is_lower (self, c + 1))
    return c;

  /* "said during a joint conference …, “…”", "commenting in a Wednesday
   * note that …" */
  if (is_char (self, c, ',') ||
      (has_kind (self, c, K_PREPOSITION) && !is_word_text (self, c, "and") &&
       !is_word_text (self, c, "but")))
    {
      for (guint k = c + 1; k <= last && k - c <= MAX_ADVERBIAL; k++)
        {
          if (is_word_text (self, k, "that") || is_char (self, k, ':'))
            return k + 1;
          if (is_char (self, k, ',') && (kind & K_THAT) == 0)
            return is_word_text (self, k + 1, "that") ? k + 2 : k + 1;
          if (!is_word (self, k) && !is_char (self, k, '.'))
            break;
        }
      return NONE;
    }

  /* "warned of further delays" names no claim */
  if ((kind & K_THAT) != 0 || is_word_text (self, c, "of") ||
      (!is_word (self, c) && !is_quote_mark (self, char_at (self, self->tokens[c].start))))
    return NONE;

  return c;
}

/* An attribution that closes its sentence: "…, the Leader said.", "…,
 * regulator ANP said in a statement on Tuesday, after …", "…,” he said",
 * "…, X was quoted as saying." The speaker is what stands between the
 * comma and the verb; sets @claim_end to the last token of the claim, the
 * sentence before the comma. */
static gboolean
trailing_claim (Finder *self,
                guint   verb,
                guint   length,
                guint   kind,
                Range  *speaker,
                guint  *claim_end)
{
  guint sentence = sentence_first (self, verb);
  guint last = sentence_last (self, verb);
  guint next = skip_time (self, verb + length, last);
  guint end, c;

  if (!(next > last ||
        (!is_word (self, next) && !is_char (self, next, ':') &&
         !is_quote_mark (self, char_at (self, self->tokens[next].start))) ||
        (has_kind (self, next, K_PREPOSITION) && !is_word_text (self, next, "that") &&
         !is_word_text (self, next, "to") &&
         /* "the protein found in red blood cells" */
         (kind & K_THAT) == 0)))
    return FALSE;

  if (verb <= sentence + 2)
    return FALSE;
  end = verb - 1;
  if (is_word_text (self, end, "as") && is_word_text (self, end - 1, "quoted"))
    {
      end -= 2;
      while (end > sentence && has_kind (self, end, K_PASSIVE | K_ADVERB))
        end--;
    }
  else
    {
      while (end > sentence && has_kind (self, end, K_ADVERB) && !has_kind (self, end, K_PASSIVE))
        end--;
      if (has_kind (self, end, K_PASSIVE))
        return FALSE;
    }

  if (!is_word (self, end))
    return FALSE;

  for (c = end; c > sentence && end - c < MAX_OBJECT; c--)
    {
      if (is_char (self, c, ','))
        break;
      /* "…,” he said" */
      if (is_quote_mark (self, char_at (self, self->tokens[c].start)) &&
          self->tokens[c].end == self->tokens[c].start + 1 && is_char (self, c - 1, ','))
        {
          c--;
          break;
        }
      /* "analysts and forecasters say" */
      if (is_word_text (self, c, "and") && c < end && is_word (self, c - 1))
        continue;
      if (!is_word (self, c) || has_kind (self, c, K_VERB | K_PREPOSITION) ||
          (has_kind (self, c, K_DETERMINER) && c == end))
        return FALSE;
    }
  if (!is_char (self, c, ',') || c == end || c <= sentence)
    return FALSE;

  speaker->start = c + 1;
  while (!is_word (self, speaker->start))
    speaker->start++;
  speaker->last = end;
  *claim_end = c - 1;

  return TRUE;
}

/* Whether the comma at @comma closes a relative or participle clause that
 * opened at the comma before: "Smith, who joined the company in 2019,
 * said", "A senior official, speaking on condition of anonymity, said" */
static gboolean
relative_clause_before (Finder *self,
                        guint   comma)
{
  guint first = sentence_first (self, comma);

  for (guint k = comma; k > first + 1 && comma - k < MAX_ADVERBIAL; k--)
    if (is_char (self, k - 1, ','))
      {
        Range subject;

        /* Not "Prices rose sharply, extending gains, said X": the clause
         * hangs on a subject that is all there is before it */
        if (!(is_word_text (self, k, "who") || is_word_text (self, k, "which") ||
              (is_lower (self, k) && has_suffix (self, k, "ing", 5))))
          return FALSE;
        return phrase_before (self, k - 2, first, &subject) && subject.start == first;
      }

  return FALSE;
}

/* Where the claim starts after "According to X," when an apposition that
 * says who X is comes first: "According to Mary Jones, the company's chief
 * financial officer, the results …". The apposition is a short phrase
 * from a determiner to a speaker noun or title, with no verb. */
static guint
after_apposition (Finder *self,
                  guint   first)
{
  guint last = sentence_last (self, first);

  if (!has_kind (self, first, K_DETERMINER))
    return first;
  for (guint k = first + 1; k + 1 <= last && k - first <= MAX_NAME_WORDS; k++)
    {
      if (is_char (self, k, ','))
        return has_kind (self, k - 1, K_NOUN | K_TITLE) && is_word (self, k + 1) &&
               !has_kind (self, k + 1, K_PREPOSITION | K_VERB) ? k + 1 : first;
      if (!is_word (self, k) || has_kind (self, k, K_VERB | K_PASSIVE | K_ADVERB))
        return first;
    }

  return first;
}

static void
find_reported_speech (Finder *self)
{
  for (guint k = 0; k < self->n_tokens; k++)
    {
      guint length, kind, first, sentence, mention = NONE;
      gboolean opens;
      Range speaker;

      if (self->info[k].used || in_direct_claim (self, k, k) ||
          (length = verb_length (self, k)) == 0)
        continue;

      kind = verb_kind (self, k, length);
      sentence = sentence_first (self, k);
      /* "According to X, …" opens a sentence, or follows a colon */
      opens = k == sentence || is_char (self, k - 1, ':');
      if (!is_lower (self, k) && !(opens && (kind & K_SOURCE) != 0))
        continue;
      self->info[k].used = TRUE;

      /* "…, according to X" and "According to X, …" */
      if ((kind & K_SOURCE) != 0)
        {
          guint after = k + length;

          /* "according to (UK) National Rail Enquires" */
          if (is_char (self, after, '('))
            for (guint j = after + 1; j <= sentence_last (self, k) && j - after <= 4; j++)
              if (is_char (self, j, ')'))
                {
                  after = j + 1;
                  break;
                }
          if (!phrase_after (self, after, sentence_last (self, k), &speaker) ||
              !(is_capitalized (self, speaker.last) ||
                has_kind (self, speaker.last, K_NOUN | K_TITLE | K_PRONOUN)))
            continue;
          if (opens)
            {
              /* "According to information from the news agency dpa, …" */
              for (guint j = speaker.last + 1;
                   j <= sentence_last (self, k) && j - speaker.last < MAX_OBJECT && is_word (self, j) &&
                   !has_kind (self, j, K_VERB);
                   j++)
                if (is_char (self, j + 1, ','))
                  speaker.last = j;
              if (is_char (self, speaker.last + 1, ','))
                first = speaker.last + 2;
              else
                continue;
              first = after_apposition (self, first);
              add_reported_claim (self, first, claim_last (self, first), &speaker, NONE);
            }
          else
            add_reported_claim (self, sentence, k - 1, &speaker, NONE);
          continue;
        }

      /* "…, said the minister.", but not "Smith, who joined …, said the
       * product …" */
      if (k > sentence && is_char (self, k - 1, ',') && !is_char (self, k + length, ',') &&
          !relative_clause_before (self, k - 1) && !names_only (self, sentence, k - 2) &&
          phrase_after (self, k + length, sentence_last (self, k), &speaker) &&
          (speaker.last == sentence_last (self, k) || !is_word (self, speaker.last + 1)))
        {
          add_reported_claim (self, sentence, k - 2, &speaker, NONE);
          continue;
        }

      /* "…, the Leader said.", "…, market participants said." */
      if (trailing_claim (self, k, length, kind, &speaker, &first))
        {
          add_reported_claim (self, sentence, first, &speaker, NONE);
          continue;
        }

      if (!subject_of (self, k, &speaker, &mention))
        continue;

      first = claim_first (self, k, length, kind);
      if (first != NONE && add_reported_claim (self, first, claim_last (self, first), &speaker, mention))
        continue;
      /* "He said:" before a quoted paragraph, which takes this speaker */
      if (mention == NONE && is_char (self, k + length, ':') &&
          k + length == sentence_last (self, k))
        add_mention (self, &speaker);
    }
}

/* A quotation with no attribution of its own is said by the last speaker
 * named in its paragraph or the one before, or by whoever said the
 * quotation before it there */
static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  GArray *mentions = data;
  const Mention *x = &g_array_index (mentions, Mention, *(const guint *) a);
  const Mention *y = &g_array_index (mentions, Mention, *(const guint *) b);

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
attribute_runs (Finder *self)
{
  guint n = self->mentions->len;
  g_autofree guint *order = g_new (guint, n + 1);
  guint previous = NONE;  /* the last direct claim with a speaker */

  guint next = NONE;      /* the next direct claim */

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_mentions, self->mentions);

  /* A quotation that runs over several paragraphs is attributed where it
   * closes: "“…\n“…,” said X" */
  for (guint c = self->claims->len; c > 0; c--)
    {
      Claim *claim = &g_array_index (self->claims, Claim, c - 1);

      if (!claim->direct)
        continue;
      if (claim->runs_on && claim->speaker == NONE && next != NONE)
        {
          const Claim *after = &g_array_index (self->claims, Claim, next);

          if (after->opens_paragraph && after->paragraph == claim->paragraph + 1)
            claim->speaker = after->speaker;
        }
      next = c - 1;
    }

  for (guint c = 0; c < self->claims->len; c++)
    {
      Claim *claim = &g_array_index (self->claims, Claim, c);
      guint best = NONE, best_start = 0;
      guint lo = 0, hi = n;

      if (!claim->direct)
        continue;
      if (claim->speaker != NONE)
        {
          previous = c;
          continue;
        }

      /* The last mention that starts before the quotation */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (self->mentions, Mention, order[mid]).start < claim->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo > 0)
        {
          const Mention *m = &g_array_index (self->mentions, Mention, order[lo - 1]);

          if (m->paragraph + (claim->opens_paragraph ? 1 : 0) >= claim->paragraph)
            {
              best = order[lo - 1];
              best_start = m->start;
            }
        }

      if (previous != NONE)
        {
          const Claim *before = &g_array_index (self->claims, Claim, previous);

          if (before->paragraph + (claim->opens_paragraph ? 1 : 0) >= claim->paragraph &&
              (best == NONE || before->start > best_start))
            best = before->speaker;
        }

      claim->speaker = best;
      if (best != NONE)
        previous = c;
    }
}

/* Setting up */

static void
finder_init (Finder    *self,
             SmText    *text,
             SmLexicon *lexicon)
{
  guint paragraph = 0;
  guint first = 0;

  Words *words = sm_lexicon_get_compiled (lexicon, "quotes", read_lists, words_free);

  self->lexicon = lexicon;
  self->words = words->words;
  self->max_words = words->max_words;
  self->has_rules = words->has_rules;

  self->tokens = sm_tokenize_compact (text, &self->n_tokens);
  sm_code_points_init (&self->chars, text);
  self->n_chars = self->chars.length;

  /* One more, past the last token, reads as the arrays of zeros it
   * replaces did: no kinds, not used, sentence and paragraph 0 */
  self->info = g_new0 (TokenInfo, self->n_tokens + 1);
  self->sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));

  for (guint k = 0; k < self->n_tokens; k++)
    {
      const SmToken *token = &self->tokens[k];

      if (k > 0)
        for (guint i = self->tokens[k - 1].end; i < token->start; i++)
          if (sm_text_is_line_break (char_at (self, i)))
            {
              if (!soft_break (self, self->tokens[k - 1].end))
                paragraph++;
              break;
            }

      if (self->has_rules && is_word (self, k) && token->end - token->start <= 40)
        self->info[k].kinds = lookup_tokens (self, k, k);

      /* A new paragraph is always a new sentence: a line break that is
       * not soft ends both */
      if (k == first)
        {
          Sentence sentence = { k, k, paragraph };

          g_array_append_val (self->sentences, sentence);
        }
      self->info[k].sentence = self->sentences->len - 1;
      if (token->sentence_end && !(k + 1 < self->n_tokens && soft_break (self, token->end)))
        {
          g_array_index (self->sentences, Sentence, self->sentences->len - 1).last = k;
          first = k + 1;
        }
    }

  /* The sentence past the last token */
  {
    Sentence none = { 0, 0, 0 };

    self->info[self->n_tokens].sentence = self->sentences->len;
    g_array_append_val (self->sentences, none);
  }

  self->verbs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < self->n_tokens; k++)
    if (has_kind (self, k, K_VERB | K_VERB_FIRST) && is_lower (self, k))
      g_array_append_val (self->verbs, k);

  self->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  self->mention_at = g_hash_table_new (NULL, NULL);
  self->claims = g_array_new (FALSE, FALSE, sizeof (Claim));
}

static void
finder_clear (Finder *self)
{
  self->words = NULL;
  sm_code_points_clear (&self->chars);
  g_clear_pointer (&self->tokens, g_free);
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->verbs, g_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);
  g_clear_pointer (&self->mention_at, g_hash_table_unref);
  g_clear_pointer (&self->claims, g_array_unref);
}

typedef struct
{
  SmHit hit;
  guint source;  /* index in mentions or claims */
} Output;

static int
compare_outputs (gconstpointer a,
                 gconstpointer b)
{
  const SmHit *x = &((const Output *) a)->hit;
  const SmHit *y = &((const Output *) b)->hit;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) x->role - (int) y->role;
}

/**
 * sm_find_quotes:
 * @text: an article
 * @lexicon: the word lists of its language
 * @hits: (element-type SmHit): where to append what is found
 *
 * Finds direct quotations and reported speech (CLAIM hits) and the
 * speakers they are attributed to (SPEAKER hits); each claim's said_by is
 * the index in @hits of its speaker, or -1. Hits are appended in text
 * order; only speakers of some claim are appended.
 */
void
sm_find_quotes (SmText    *text,
                SmLexicon *lexicon,
                GArray    *hits)
{
  Finder finder = { 0, };
  Finder *self = &finder;
  g_autoptr(GArray) outputs = NULL;
  g_autofree guint *index_of = NULL;
  g_autofree guint8 *said = NULL;
  guint base;

  g_return_if_fail (text != NULL);
  g_return_if_fail (lexicon != NULL);
  g_return_if_fail (hits != NULL);

  finder_init (self, text, lexicon);

  find_direct_quotes (self);
  self->quoted_final = TRUE;

  if (self->has_rules)
    {
      find_reported_speech (self);
      attribute_runs (self);
    }

  outputs = g_array_new (FALSE, FALSE, sizeof (Output));
  said = g_new0 (guint8, self->mentions->len + 1);
  for (guint c = 0; c < self->claims->len; c++)
    {
      const Claim *claim = &g_array_index (self->claims, Claim, c);
      Output output = { { claim->start, claim->end, SM_ROLE_CLAIM, -1 }, c };

      if (claim->speaker != NONE)
        said[claim->speaker] = TRUE;
      g_array_append_val (outputs, output);
    }
  for (guint m = 0; m < self->mentions->len; m++)
    {
      const Mention *mention = &g_array_index (self->mentions, Mention, m);
      Output output = { { mention->start, mention->end, SM_ROLE_SPEAKER, -1 }, m };

      if (said[m])
        g_array_append_val (outputs, output);
    }
  g_array_sort (outputs, compare_outputs);

  base = hits->len;
  index_of = g_new (guint, self->mentions->len + 1);
  for (guint o = 0; o < outputs->len; o++)
    {
      const Output *output = &g_array_index (outputs, Output, o);

      if (output->hit.role == SM_ROLE_SPEAKER)
        index_of[output->source] = base + o;
    }
  for (guint o = 0; o < outputs->len; o++)
    {
      Output *output = &g_array_index (outputs, Output, o);

      if (output->hit.role == SM_ROLE_CLAIM)
        {
          guint speaker = g_array_index (self->claims, Claim, output->source).speaker;

          output->hit.said_by = speaker != NONE ? (int) index_of[speaker] : -1;
        }
      g_array_append_val (hits, output->hit);
    }

  finder_clear (self);
}
