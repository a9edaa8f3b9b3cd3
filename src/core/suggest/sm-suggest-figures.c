/* sm-suggest-figures.c: finding figures, a number with what it counts or
 * measures: money, percentages, quantities with units, durations, counts.
 *
 * One pass over the article's words (sm-tokenizer.c): at each word that
 * can start one, the rules try to read a figure as far as it goes; one
 * read is a hit, and the scan goes on after it. A figure is an optional
 * approximator ("more than"), an optional currency sign, a number (digits
 * in any script, or number words), optional scales ("million"), an
 * optional second number making it a range ("5 to 7"), and what it
 * counts or measures: a percent sign or word, a currency, a unit, or a
 * plural noun; money and quantities take a rate ("a barrel"). A number
 * alone is no figure, so dates, times of day, ordinals and numbers in
 * names ("Boeing 737", "G7") have none of those tails; a count after a
 * name ("Resolution 2231 states") or a determiner ("the two countries")
 * is left out too. The words come from the lexicon's lists
 * (data/suggest/LANG/NAME.txt, each saying what it holds), so users extend
 * them.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggest-figures"

#include "config.h"

#include <string.h>

#include "sm-code-points.h"
#include "sm-suggest-rules.h"
#include "sm-text.h"
#include "sm-tokenizer.h"

/* The lexicon's lists the rules read */
typedef enum
{
  LIST_NUMBER_WORDS,
  LIST_SCALES,
  LIST_CURRENCY_SYMBOLS,
  LIST_CURRENCIES,
  LIST_PERCENT,
  LIST_UNITS,
  LIST_APPROXIMATORS,
  LIST_COUNT_DETERMINERS,
  LIST_RATE_WORDS,
  LIST_TIME_RELATIVE,
  LIST_PLURAL_NOUNS,
  LIST_NOT_PLURAL,
  LIST_PLURAL_ENDINGS,
  LIST_NOT_PLURAL_ENDINGS,
  LIST_NUMBER_LINKS,
  LIST_RANGE_WORDS,
  LIST_NOT_FIGURES,
  LIST_NOT_MODIFIERS,
  LIST_NOT_MODIFIER_ENDINGS,
  N_LISTS
} ListId;

static const char * const list_names[N_LISTS] = {
  "number-words", "scales", "currency-symbols", "currencies", "percent",
  "units", "approximators", "count-determiners", "rate-words",
  "time-relative", "plural-nouns", "not-plural", "plural-endings",
  "not-plural-endings", "number-links", "range-words",
  "not-figures", "not-modifiers", "not-modifier-endings",
};

/* A list read into a table keyed the way words are keyed below, so
 * looking a word up costs no allocation for ASCII words */
typedef struct
{
  GHashTable *values;     /* key -> value, or the entry as written */
  GHashTable *prefixes;   /* every beginning of a key, to stop early */
  guint       max_words;
} List;

typedef struct
{
  SmCodePoints    chars;
  const SmToken  *tokens;
  guint           n_tokens;
  const List     *lists;   /* N_LISTS of them */
  GString        *key;     /* scratch */
} Scan;

/* What a figure read so far has */
typedef struct
{
  guint    first;        /* first token read, a hedge's if there is one */
  guint    start;        /* first token of the figure */
  guint    end;          /* token after the figure */
  gboolean approximate;  /* after "about", "between", … */
  gboolean digits;       /* the number is written in digits */
  gboolean year_like;    /* four digits, 1000–2199, nothing else */
  gboolean money;
  gboolean percent;
  gboolean measure;      /* a unit, not of time */
  gboolean duration;
  gboolean scaled;       /* a million or more */
  gboolean count;
  gboolean closed;       /* a tail inside the number's word ("7%", "4.6bn") */
  double   value;
} Figure;


/* The lists as tables keyed the way words are keyed below; built once
 * per lexicon (sm_lexicon_get_compiled()) and only read after that */
static gpointer
compile_lists (SmLexicon *lexicon)
{
  List *lists = g_new0 (List, N_LISTS);

  for (guint i = 0; i < N_LISTS; i++)
    {
      const char * const *entries = sm_lexicon_get_entries (lexicon, list_names[i]);
      List *list = &lists[i];

      list->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      list->prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      list->max_words = sm_lexicon_get_max_words (lexicon, list_names[i]);

      for (guint k = 0; entries[k] != NULL; k++)
        {
          const char *value = sm_lexicon_lookup (lexicon, list_names[i], entries[k]);
          char *key = sm_lexicon_dup_key (entries[k]);

          /* Currency codes must be written as listed: "USD", "Rs" */
          if (i == LIST_CURRENCY_SYMBOLS)
            value = entries[k];

          for (const char *p = g_utf8_next_char (key); ; p = g_utf8_next_char (p))
            {
              g_hash_table_add (list->prefixes, g_strndup (key, p - key));
              if (*p == '\0')
                break;
            }
          g_hash_table_replace (list->values, key, (gpointer) value);
        }
    }

  return lists;
}

static void
free_lists (gpointer data)
{
  List *lists = data;

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_hash_table_unref (lists[i].values);
      g_hash_table_unref (lists[i].prefixes);
    }
  g_free (lists);
}

static void
scan_init (Scan      *scan,
           SmLexicon *lexicon)
{
  scan->lists = sm_lexicon_get_compiled (lexicon, "figures", compile_lists, free_lists);
  scan->key = g_string_new (NULL);
}

static void
scan_clear (Scan *scan)
{
  g_string_free (scan->key, TRUE);
  sm_code_points_clear (&scan->chars);
}

static inline gunichar
char_at (const Scan *scan,
         guint       i)
{
  return sm_code_points_get (&scan->chars, i);
}

static const SmToken *
token (Scan *scan,
       guint k)
{
  return &scan->tokens[k];
}

static guint
token_length (Scan *scan,
              guint k)
{
  return token (scan, k)->end - token (scan, k)->start;
}

static gunichar
first_char (Scan *scan,
            guint k)
{
  return char_at (scan, token (scan, k)->start);
}

/* Whether token k + 1 follows token k in the same sentence and line */
static gboolean
is_next (Scan *scan,
         guint k)
{
  if (k + 1 >= scan->n_tokens || token (scan, k)->sentence_end)
    return FALSE;

  for (guint i = token (scan, k)->end; i < token (scan, k + 1)->start; i++)
    if (sm_text_is_line_break (char_at (scan, i)))
      return FALSE;

  return TRUE;
}

static void
append_chars (GString            *key,
              const SmCodePoints *chars,
              guint               start,
              guint               end)
{
  char utf8[64 * 6];
  guint n = 0;

  /* Words are short; a long one is looked up in pieces that can never
   * match, which is what it should do */
  for (guint i = start; i < end; i++)
    {
      n += g_unichar_to_utf8 (sm_code_points_get (chars, i), utf8 + n);
      if (n > sizeof utf8 - 6)
        {
          sm_lexicon_append_key (key, utf8, n);
          n = 0;
        }
    }
  sm_lexicon_append_key (key, utf8, n);
}

/* The value of chars[start, end) in @list, or NULL */
static const char *
lookup_chars (Scan   *scan,
              ListId  id,
              guint   start,
              guint   end)
{
  g_string_truncate (scan->key, 0);
  append_chars (scan->key, &scan->chars, start, end);

  return g_hash_table_lookup (scan->lists[id].values, scan->key->str);
}

/* Whether the text of chars[start, end) is @entry as written */
static gboolean
chars_equal (Scan       *scan,
             guint       start,
             guint       end,
             const char *entry)
{
  const char *p = entry;

  for (guint i = start; i < end; i++, p = g_utf8_next_char (p))
    if (*p == '\0' || g_utf8_get_char (p) != char_at (scan, i))
      return FALSE;

  return *p == '\0';
}

/* The longest entry of @list that the words from token k on spell, as
 * words apart or run together ("per cent", "US$", "°C"): how many tokens
 * it takes, 0 for none, and its value */
static guint
match_list (Scan        *scan,
            ListId       id,
            guint        k,
            const char **value_out)
{
  const List *list = &scan->lists[id];
  guint max_tokens = list->max_words * 3;
  guint best = 0;
  guint j = k;

  if (k >= scan->n_tokens || g_hash_table_size (list->values) == 0)
    return 0;

  g_string_truncate (scan->key, 0);
  for (guint n = 1; n <= max_tokens; n++, j++)
    {
      const char *value;

      if (n > 1)
        {
          if (!is_next (scan, j - 1))
            break;
          if (token (scan, j)->start > token (scan, j - 1)->end)
            g_string_append_c (scan->key, ' ');
        }
      append_chars (scan->key, &scan->chars, token (scan, j)->start, token (scan, j)->end);
      if (!g_hash_table_contains (list->prefixes, scan->key->str))
        break;

      if ((value = g_hash_table_lookup (list->values, scan->key->str)) == NULL)
        continue;

      if (id == LIST_CURRENCY_SYMBOLS &&
          !chars_equal (scan, token (scan, k)->start, token (scan, j)->end, value))
        continue;

      best = n;
      if (value_out != NULL)
        *value_out = value;
    }

  return best;
}

static gboolean
in_list (Scan   *scan,
         ListId  id,
         guint   k)
{
  return match_list (scan, id, k, NULL) == 1;
}

static gboolean
is_digit (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER;
}

/* Arabic-Indic and Persian digits */
static gboolean
is_arabic_digit (gunichar c)
{
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

static gboolean
is_currency_sign (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL || c == 0xFDFC;
}

static gboolean
is_percent_sign (gunichar c)
{
  return c == '%' || c == 0x066A || c == 0x2030;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

static gboolean
is_letters (Scan *scan,
            guint start,
            guint end)
{
  for (guint i = start; i < end; i++)
    if (!g_unichar_isalpha (char_at (scan, i)) && g_unichar_type (char_at (scan, i)) != G_UNICODE_NON_SPACING_MARK)
      return FALSE;

  return end > start;
}

/* Reads digits with their separators from chars[*i] on ("1,674,200.5",
 * "٣٫٥"); the decimal separator is the last full stop or ٫ */
static gboolean
read_digits (Scan   *scan,
             guint  *i,
             guint   end,
             double *value,
             guint  *n_digits,
             gboolean *separated)
{
  double whole = 0, fraction = 0, scale = 1;
  gboolean decimal = FALSE;
  guint start = *i;

  *n_digits = 0;
  *separated = FALSE;

  while (*i < end)
    {
      gunichar c = char_at (scan, *i);

      if (is_digit (c))
        {
          int d = g_unichar_digit_value (c);

          if (decimal)
            fraction += d * (scale /= 10);
          else
            whole = whole * 10 + d;
          (*n_digits)++;
          (*i)++;
          continue;
        }

      /* Persian writes "۳/۵" for 3.5; "۱۴۰۱/۰۵/۱۲" is a date, whose
       * second slash ends the number and with it the figure */
      if (c == '/' && !decimal && *i > start && is_arabic_digit (char_at (scan, *i - 1)) &&
          *i + 1 < end && is_arabic_digit (char_at (scan, *i + 1)))
        {
          *separated = TRUE;
          decimal = TRUE;
          fraction = 0;
          scale = 1;
          (*i)++;
          continue;
        }

      if ((c == ',' || c == '.' || c == 0x066B || c == 0x066C || c == 0x202F) &&
          *i + 1 < end && is_digit (char_at (scan, *i + 1)))
        {
          *separated = TRUE;
          if (c == '.' || c == 0x066B)
            {
              decimal = TRUE;
              fraction = 0;
              scale = 1;
            }
          (*i)++;
          continue;
        }

      break;
    }

  *value = whole + fraction;

  return *n_digits > 0;
}

/* Whether chars[start, end) is an entry of currency-symbols, as written
 * there ("USD", "US$", "Rs") */
static gboolean
is_currency_code (Scan  *scan,
                  guint  start,
                  guint  end)
{
  const char *written = lookup_chars (scan, LIST_CURRENCY_SYMBOLS, start, end);

  return written != NULL && chars_equal (scan, start, end, written);
}

/* Whether a scale multiplies by a million or more */
static gboolean
is_large_scale (const char *power)
{
  return g_ascii_strtoll (power, NULL, 10) >= 6;
}

/* Reads the unit after a number and a hyphen, chars[start, end): "a
 * 68-ounce can", "a 12-cent dividend", "a six-mile trip", "a 12-year
 * high" (a duration, as the gold conventions count it) */
static gboolean
read_hyphenated_unit (Scan   *scan,
                      guint   start,
                      guint   end,
                      Figure *figure)
{
  const char *kind = lookup_chars (scan, LIST_UNITS, start, end);

  if (kind != NULL && g_str_equal (kind, "time"))
    return figure->duration = TRUE;
  if (kind != NULL)
    return figure->measure = TRUE;

  if (lookup_chars (scan, LIST_CURRENCIES, start, end) != NULL)
    return figure->money = TRUE;

  return FALSE;
}

/* Reads a word such as "$100", "US$5bn", "USD10.93", "7%", "€4.6bn",
 * "40km", "$60.85/bbl", "$50-60", "٣٫٥٪" into @figure. Words with digits
 * that are no amount ("G7", "5th", "1990s", "10:30", "12-year",
 * "COVID-19") give FALSE. */
static gboolean
read_numeral (Scan   *scan,
                  guint   k,
                  Figure *figure)
{
  guint i = token (scan, k)->start;
  guint end = token (scan, k)->end;
  const char *power;
  const char *kind;
  guint n_digits;
  gboolean separated;

  if (is_currency_sign (char_at (scan, i)))
    {
      figure->money = TRUE;
      i++;
    }
  else if (g_unichar_isalpha (char_at (scan, i)))
    {
      guint j = i;

      while (j < end && g_unichar_isalpha (char_at (scan, j)))
        j++;

      /* "US$5", "USD10.93", "CNY¥1.2"; any other letters make it a name
       * ("G7") */
      if (j >= end || !(is_digit (char_at (scan, j)) || is_currency_sign (char_at (scan, j))))
        return FALSE;
      if (!is_currency_code (scan, i, j + 1) && !is_currency_code (scan, i, j))
        return FALSE;
      figure->money = TRUE;
      i = is_currency_sign (char_at (scan, j)) ? j + 1 : j;
    }

  if (!read_digits (scan, &i, end, &figure->value, &n_digits, &separated))
    return FALSE;

  figure->digits = TRUE;
  figure->year_like = !separated && n_digits == 4 && !figure->money &&
                      figure->value >= 1000 && figure->value < 2200;

  /* A fraction after the whole number: "5-1/2-year" */
  if (i + 4 <= end && is_dash (char_at (scan, i)) && is_digit (char_at (scan, i + 1)) &&
      char_at (scan, i + 2) == '/' && is_digit (char_at (scan, i + 3)) &&
      (i + 4 == end || !is_digit (char_at (scan, i + 4))))
    {
      figure->value += (double) g_unichar_digit_value (char_at (scan, i + 1)) /
                       MAX (g_unichar_digit_value (char_at (scan, i + 3)), 1);
      figure->year_like = FALSE;
      i += 4;
    }

  /* A range in one word: "$50-60", "5–7%", "$26-$27" */
  if (i + 1 < end && is_dash (char_at (scan, i)) &&
      (is_digit (char_at (scan, i + 1)) || is_currency_sign (char_at (scan, i + 1))))
    {
      double second;

      i++;
      if (is_currency_sign (char_at (scan, i)))
        {
          figure->money = TRUE;
          i++;
        }
      if (!read_digits (scan, &i, end, &second, &n_digits, &separated))
        return FALSE;
      /* "2019-20", "1990-2000" are years too */
      figure->year_like = figure->year_like && !separated && (n_digits == 2 || n_digits == 4);
    }

  if (i == end)
    return TRUE;

  figure->closed = TRUE;

  if (i + 1 == end && is_percent_sign (char_at (scan, i)))
    return figure->percent = TRUE;

  if (i + 1 == end && is_currency_sign (char_at (scan, i)))
    return figure->money = TRUE;

  /* "a $20-billion problem" */
  if (is_dash (char_at (scan, i)) && (power = lookup_chars (scan, LIST_SCALES, i + 1, end)) != NULL)
    {
      figure->scaled = is_large_scale (power);
      figure->closed = FALSE;
      return TRUE;
    }

  /* "68-ounce", "a 12-year high" */
  if (is_dash (char_at (scan, i)))
    return read_hyphenated_unit (scan, i + 1, end, figure);

  /* "$60.85/bbl"; "12/05" is a date and "3/4" a fraction */
  if (char_at (scan, i) == '/')
    {
      if (!figure->money || !is_letters (scan, i + 1, end) ||
          lookup_chars (scan, LIST_UNITS, i + 1, end) == NULL)
        return FALSE;
      return TRUE;
    }

  /* "40km", "40km/h", "5yrs" */
  if ((kind = lookup_chars (scan, LIST_UNITS, i, end)) != NULL)
    {
      if (g_str_equal (kind, "time"))
        figure->duration = TRUE;
      else
        figure->measure = TRUE;
      return TRUE;
    }

  /* "5th", "1990s", "5G", "737MAX" */
  if (!is_letters (scan, i, end))
    return FALSE;

  if ((power = lookup_chars (scan, LIST_SCALES, i, end)) != NULL)
    {
      figure->scaled = is_large_scale (power);
      figure->closed = FALSE;
      return TRUE;
    }

  if (lookup_chars (scan, LIST_PERCENT, i, end) != NULL)
    return figure->percent = TRUE;

  /* "115USD", "50p" */
  if (is_currency_code (scan, i, end) || lookup_chars (scan, LIST_CURRENCIES, i, end) != NULL)
    return figure->money = TRUE;

  return FALSE;
}

/* The value of token k as a number word, "twenty-one" too; -1 if none */
static double
number_word_value (Scan *scan,
                   guint k)
{
  const SmToken *t = token (scan, k);
  double total = 0;
  guint part = t->start;

  if (!g_unichar_isalpha (char_at (scan, t->start)))
    return -1;

  for (guint i = t->start; i <= t->end; i++)
    {
      const char *value;

      if (i < t->end && !is_dash (char_at (scan, i)))
        continue;
      if ((value = lookup_chars (scan, LIST_NUMBER_WORDS, part, i)) == NULL)
        return -1;
      total += g_ascii_strtod (value, NULL);
      part = i + 1;
    }

  return total;
}

/* Whether token k is a number word of @min_value or more, or a scale */
static gboolean
is_large_number_word (Scan  *scan,
                      guint  k,
                      double min_value)
{
  return number_word_value (scan, k) >= min_value || in_list (scan, LIST_SCALES, k);
}

/* Reads a number word and a unit joined by a hyphen: "a six-mile trip",
 * "a one-yen bid" */
static gboolean
read_hyphenated_number_word (Scan   *scan,
                             guint   k,
                             Figure *figure)
{
  const SmToken *t = token (scan, k);
  double value = -1;

  for (guint i = t->start; i < t->end; i++)
    {
      const char *number;

      if (!is_dash (char_at (scan, i)))
        continue;
      if ((number = lookup_chars (scan, LIST_NUMBER_WORDS, t->start, i)) == NULL)
        return FALSE;
      value = g_ascii_strtod (number, NULL);
      if (!read_hyphenated_unit (scan, i + 1, t->end, figure))
        return FALSE;
      figure->value = value;
      figure->closed = TRUE;
      return TRUE;
    }

  return FALSE;
}

/* Whether token k is the first of its sentence or line */
static gboolean
starts_sentence (Scan *scan,
                 guint k)
{
  return k == 0 || !is_next (scan, k - 1);
}

/* Reads number words from token k on ("eight", "a hundred", "one hundred
 * and six", "twenty-one", "half a million"): the token after them, or k
 * if there are none. A link word ("a", "and") belongs to the number only
 * before a hundred or more. */
static guint
read_number_words (Scan   *scan,
                   guint   k,
                   double *value)
{
  guint j = k;

  *value = 0;

  /* Number words in capitals inside a sentence are a name's: "the One
   * Trillion Trees Initiative", "the Fantastic Four" */
  if (g_unichar_isupper (first_char (scan, k)) && !starts_sentence (scan, k))
    return k;

  while (j < scan->n_tokens)
    {
      double v = number_word_value (scan, j);

      if (v >= 0)
        *value = (v >= 100 && *value > 0) ? *value * v : *value + v;
      else if (!(in_list (scan, LIST_NUMBER_LINKS, j) && is_next (scan, j) &&
                 is_large_number_word (scan, j + 1, j > k ? 0 : 100)))
        break;

      j++;
      if (!is_next (scan, j - 1))
        break;
    }

  /* A link word alone is no number, but "a million" is one million */
  if (j == k + 1 && number_word_value (scan, k) < 0)
    {
      if (!in_list (scan, LIST_SCALES, j))
        return k;
      *value = 1;
    }

  /* "billions and billions": only some links begin a number */
  if (j > k && number_word_value (scan, k) < 0)
    {
      const char *link = NULL;

      if (match_list (scan, LIST_NUMBER_LINKS, k, &link) != 1 || !g_str_equal (link, "start"))
        return k;
    }

  return j;
}

static gboolean
has_digit (Scan *scan,
           guint k)
{
  for (guint i = token (scan, k)->start; i < token (scan, k)->end; i++)
    if (is_digit (char_at (scan, i)))
      return TRUE;

  return FALSE;
}

/* Whether letters run together with the currency sign of the next word
 * make a currency: "US" before "$5bn" */
static gboolean
is_currency_prefix (Scan *scan,
                    guint k)
{
  const SmToken *t = token (scan, k);

  if (k + 1 >= scan->n_tokens || token (scan, k + 1)->start != t->end ||
      !is_letters (scan, t->start, t->end) || !is_currency_sign (first_char (scan, k + 1)))
    return FALSE;

  return is_currency_code (scan, t->start, t->end + 1) || is_currency_code (scan, t->start, t->end);
}

/* Reads an amount from token k on: a currency before it, digits or
 * number words, and scales ("$ 300,000", "Rs 300 crore", "€4.6bn", "a
 * hundred", "1.2 trillion"). Returns the token after it, or k if there is
 * none. */
static guint
read_amount (Scan   *scan,
             guint   k,
             Figure *figure)
{
  guint j = k;
  guint n;

  if (k >= scan->n_tokens)
    return k;

  if ((n = match_list (scan, LIST_CURRENCY_SYMBOLS, j, NULL)) > 0 &&
      is_next (scan, j + n - 1) && has_digit (scan, j + n))
    {
      figure->money = TRUE;
      j += n;
    }
  else if (is_currency_prefix (scan, j))
    j++;

  if (has_digit (scan, j))
    {
      if (!read_numeral (scan, j, figure))
        return k;
      j++;
    }
  else if (figure->money)
    {
      return k;
    }
  else if (read_hyphenated_number_word (scan, j, figure))
    {
      return j + 1;
    }
  else
    {
      guint after = read_number_words (scan, j, &figure->value);

      if (after == j)
        return k;
      j = after;
    }

  /* Scales apart; one letter ones ("m", "b") only in the number's word,
   * where they cannot be an initial */
  while (!figure->closed && j < scan->n_tokens && is_next (scan, j - 1) &&
         token_length (scan, j) > 1)
    {
      const char *power = NULL;

      if ((n = match_list (scan, LIST_SCALES, j, &power)) == 0)
        break;
      figure->scaled |= is_large_scale (power);
      figure->year_like = FALSE;
      j += n;
    }

  return j;
}

static gboolean
has_ending (Scan   *scan,
            ListId  id,
            guint   k)
{
  const SmToken *t = token (scan, k);

  for (guint n = 1; n <= 4 && n < t->end - t->start; n++)
    if (lookup_chars (scan, id, t->end - n, t->end) != NULL)
      return TRUE;

  return FALSE;
}

/* Whether token k is a plural noun, what a count counts: "agreements",
 * "people"; in lower case, as a name or a heading is no count */
static gboolean
is_plural_noun (Scan *scan,
                guint k)
{
  const SmToken *t = token (scan, k);

  if (!g_unichar_islower (first_char (scan, k)) || !is_letters (scan, t->start, t->end))
    return FALSE;

  if (in_list (scan, LIST_PLURAL_NOUNS, k))
    return TRUE;

  return t->end - t->start >= 3 &&
         has_ending (scan, LIST_PLURAL_ENDINGS, k) &&
         !has_ending (scan, LIST_NOT_PLURAL_ENDINGS, k) &&
         !in_list (scan, LIST_NOT_PLURAL, k);
}

/* Whether token k is an abbreviation in capitals: "OPEC", "US", "ISIL" */
static gboolean
is_acronym (Scan *scan,
            guint k)
{
  const SmToken *t = token (scan, k);

  if (t->end - t->start < 2 || t->end - t->start > 6)
    return FALSE;

  for (guint i = t->start; i < t->end; i++)
    if (!g_unichar_isupper (char_at (scan, i)))
      return FALSE;

  return TRUE;
}

/* Whether token k may stand between a number and what it counts: a word
 * in lower case ("new", "high-paying") that is no function word ("of",
 * "also") and no adverb ("nearly"), or an abbreviation ("two OPEC
 * founder members", "five US troops") */
static gboolean
is_modifier (Scan *scan,
             guint k)
{
  const SmToken *t = token (scan, k);

  if (is_acronym (scan, k))
    return TRUE;

  if (!g_unichar_islower (first_char (scan, k)))
    return FALSE;

  for (guint i = t->start; i < t->end; i++)
    if (!g_unichar_isalpha (char_at (scan, i)) && !is_dash (char_at (scan, i)))
      return FALSE;

  return !in_list (scan, LIST_NOT_MODIFIERS, k) &&
         !has_ending (scan, LIST_NOT_MODIFIER_ENDINGS, k) &&
         number_word_value (scan, k) < 0;
}

/* What a count counts, from token j on: a plural noun, after at most two
 * words that describe it ("eight agreements", "5,000 sexual assaults",
 * "three senior government officials"). Returns how many tokens, 0 if
 * there is none. */
static guint
read_counted (Scan *scan,
              guint j)
{
  for (guint m = j; m < scan->n_tokens && m <= j + 2; m++)
    {
      if (is_plural_noun (scan, m))
        return m + 1 - j;
      if (!is_modifier (scan, m) || !is_next (scan, m))
        break;
    }

  return 0;
}

/* Whether the number at token k is part of a name ("Boeing 737 jets",
 * "Resolution 2231 states"): right after a word in capitals that does not
 * start the sentence */
static gboolean
follows_name (Scan *scan,
              guint k)
{
  return k > 0 && is_next (scan, k - 1) && !starts_sentence (scan, k - 1) &&
         g_unichar_isupper (first_char (scan, k - 1));
}

/* What a number counts or measures, after it: a percent, a currency, a
 * unit or a plural noun */
static guint
read_tail (Scan   *scan,
           guint   j,
           Figure *figure)
{
  const char *kind = NULL;
  guint n;

  if (figure->closed || j >= scan->n_tokens || !is_next (scan, j - 1))
    return j;

  if ((n = match_list (scan, LIST_PERCENT, j, NULL)) > 0)
    {
      figure->percent = TRUE;
      return j + n;
    }

  /* "100 €", "5 USD"; but "$ 20,000.00 $ 37,305.97" is two amounts, and
   * a letter alone is an initial ("page 5 p. 12"), not "50p" */
  if (((n = match_list (scan, LIST_CURRENCIES, j, NULL)) > 0 &&
       !(token_length (scan, j) == 1 && g_unichar_isalpha (first_char (scan, j)))) ||
      (!figure->money && (n = match_list (scan, LIST_CURRENCY_SYMBOLS, j, NULL)) > 0))
    {
      figure->money = TRUE;
      return j + n;
    }

  if ((n = match_list (scan, LIST_UNITS, j, &kind)) > 0)
    {
      /* "15 years ago" says when */
      if (g_str_equal (kind, "time") && is_next (scan, j + n - 1) &&
          match_list (scan, LIST_TIME_RELATIVE, j + n, NULL) > 0)
        return j;
      if (g_str_equal (kind, "time"))
        figure->duration = TRUE;
      else
        figure->measure = TRUE;
      return j + n;
    }

  /* Things are counted in whole numbers */
  if (!figure->money && figure->value == (guint64) figure->value &&
      (figure->scaled || (figure->digits ? !figure->year_like : figure->value >= 2)) &&
      !(figure->first > 0 && in_list (scan, LIST_COUNT_DETERMINERS, figure->first - 1)) &&
      (n = read_counted (scan, j)) > 0)
    {
      figure->count = TRUE;
      return j + n;
    }

  return j;
}

/* What an amount is paid for, or a quantity made in: "$60 a barrel",
 * "$2.48 per million British thermal units", "5 tonnes a year", "$30
 * per share"; not "$60 a year ago" */
static guint
read_rate (Scan   *scan,
           guint   j,
           Figure *figure)
{
  const char *open = NULL;
  const char *kind = NULL;
  guint r, n;

  if (!(figure->money || figure->measure) || j >= scan->n_tokens ||
      !is_next (scan, j - 1) || match_list (scan, LIST_RATE_WORDS, j, &open) != 1 ||
      !is_next (scan, j))
    return j;

  r = j + 1;
  while (r < scan->n_tokens && token_length (scan, r) > 1 &&
         (n = match_list (scan, LIST_SCALES, r, NULL)) > 0 && is_next (scan, r + n - 1))
    r += n;

  if ((n = match_list (scan, LIST_UNITS, r, &kind)) > 0)
    {
      if (g_str_equal (kind, "time") && is_next (scan, r + n - 1) &&
          match_list (scan, LIST_TIME_RELATIVE, r + n, NULL) > 0)
        return j;
      return r + n;
    }

  /* "per" takes any noun: "per share", "per person" */
  if (*open != '\0' && r < scan->n_tokens && g_unichar_islower (first_char (scan, r)) &&
      is_letters (scan, token (scan, r)->start, token (scan, r)->end))
    return r + 1;

  return j;
}

/* Joins a second amount to make a range: "5 to 7 percent", "between 5
 * and 7 percent", "$26-$27 a barrel", "1.28 million to 1.46 million bpd".
 * A word joins only numbers without a currency, as "from $5 million to
 * $7 million" is two figures. */
static guint
read_range (Scan       *scan,
            guint       j,
            Figure     *figure,
            const char *and_word)
{
  Figure second = { 0, };
  gboolean tight, word;
  guint after;

  /* Of the closed ones, only percentages: "5% to 10%" */
  if ((figure->closed && !figure->percent) || j + 1 >= scan->n_tokens ||
      !is_next (scan, j - 1) || !is_next (scan, j))
    return j;

  tight = token_length (scan, j) == 1 && is_dash (first_char (scan, j)) &&
          token (scan, j)->start == token (scan, j - 1)->end &&
          token (scan, j + 1)->start == token (scan, j)->end;
  word = !figure->money &&
         (in_list (scan, LIST_RANGE_WORDS, j) ||
          (and_word != NULL && *and_word != '\0' &&
           chars_equal (scan, token (scan, j)->start, token (scan, j)->end, and_word)));

  if (!tight && !word)
    return j;

  second.start = j + 1;
  if ((after = read_amount (scan, j + 1, &second)) == j + 1 || second.year_like ||
      (figure->closed && !second.percent))
    return j;

  figure->money |= second.money;
  figure->percent |= second.percent;
  figure->measure |= second.measure;
  figure->duration |= second.duration;
  figure->scaled |= second.scaled;
  figure->closed = second.closed;
  figure->digits |= second.digits;
  figure->year_like = FALSE;
  figure->value = MAX (figure->value, second.value);

  return after;
}

/* Whether a figure may start at token k: a word with a digit or a
 * currency sign, or one that begins an entry of the lists a figure starts
 * with. Most words are none of these, and this is the one test they get. */
static gboolean
may_start_figure (Scan *scan,
                  guint k)
{
  static const ListId starters[] = {
    LIST_NUMBER_WORDS, LIST_APPROXIMATORS, LIST_CURRENCY_SYMBOLS, LIST_NUMBER_LINKS,
  };
  const SmToken *t = token (scan, k);
  guint end = t->start;

  if (has_digit (scan, k) || is_currency_sign (char_at (scan, t->start)))
    return TRUE;

  /* "twenty-one", "six-mile": the part before the hyphen */
  while (end < t->end && !is_dash (char_at (scan, end)))
    end++;

  g_string_truncate (scan->key, 0);
  append_chars (scan->key, &scan->chars, t->start, end);
  for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
    if (g_hash_table_contains (scan->lists[starters[i]].prefixes, scan->key->str))
      return TRUE;

  return FALSE;
}

/* Reads a figure that starts at token k */
static gboolean
read_figure (Scan   *scan,
             guint   k,
             Figure *figure)
{
  const char *and_word = NULL;
  guint j = k;
  guint n;

  memset (figure, 0, sizeof *figure);

  figure->first = k;

  /* A hedge ("more than", "nearly") is read, so that "between" can make a
   * range with "and", but is not part of the figure: the gold conventions
   * leave it out (bench/suggest/news-gold/README.md) */
  if ((n = match_list (scan, LIST_APPROXIMATORS, k, &and_word)) > 0 &&
      is_next (scan, k + n - 1))
    {
      figure->approximate = TRUE;
      j = k + n;
    }
  else
    and_word = NULL;

  figure->start = j;
  if ((n = read_amount (scan, j, figure)) == j)
    return FALSE;
  j = n;

  j = read_range (scan, j, figure, and_word);
  j = read_tail (scan, j, figure);
  j = read_rate (scan, j, figure);
  figure->end = j;

  /* Counts and durations in digits right after a name are the name's
   * ("Boeing 737 jets"; "In 30 years" starts a sentence) */
  if ((figure->count || (figure->duration && figure->digits)) && !figure->approximate &&
      follows_name (scan, k))
    return FALSE;

  /* "one day" (some day), "one time" */
  if (match_list (scan, LIST_NOT_FIGURES, figure->start, NULL) == figure->end - figure->start)
    return FALSE;

  return figure->money || figure->percent || figure->measure || figure->duration ||
         figure->count || figure->scaled;
}

/**
 * sm_find_figures:
 * @text: an article
 * @lexicon: the word lists of its language
 * @hits: (element-type SmHit): where to append the figures found
 *
 * Finds money, percentages, quantities with units, durations and counts
 * of things, each as a hit of role %SM_ROLE_FIGURE, in the order of the
 * text; hits never overlap.
 */
void
sm_find_figures (SmText    *text,
                 SmLexicon *lexicon,
                 GArray    *hits)
{
  g_autofree SmToken *tokens = NULL;
  Scan scan = { 0, };

  g_return_if_fail (text != NULL);
  g_return_if_fail (lexicon != NULL);
  g_return_if_fail (hits != NULL);

  tokens = sm_tokenize_compact (text, &scan.n_tokens);
  sm_code_points_init (&scan.chars, text);
  scan.tokens = tokens;
  scan_init (&scan, lexicon);

  for (guint k = 0; k < scan.n_tokens;)
    {
      Figure figure;

      if (may_start_figure (&scan, k) && read_figure (&scan, k, &figure))
        {
          SmHit hit = {
            .start = token (&scan, figure.start)->start,
            .end = token (&scan, figure.end - 1)->end,
            .role = SM_ROLE_FIGURE,
            .said_by = -1,
          };

          g_array_append_val (hits, hit);
          k = figure.end;
        }
      else
        {
          k++;
        }
    }

  scan_clear (&scan);
}
