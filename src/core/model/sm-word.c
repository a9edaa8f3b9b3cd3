/* sm-word.c: what a word is, for everything that works on whole words.
 *
 * One notion of a word for the whole application: a selection snaps to
 * these words, a double-click selects one, whole-word search matches them
 * and the CoNLL export writes them as tokens, so a figure such as "3.3%"
 * or a name such as "U.S." is the same unit everywhere. Deterministic,
 * language-neutral rules that need no model and no data files; they are
 * documented for users in docs/conll.md: change both together.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-word"

#include "config.h"

#include <string.h>

#include "sm-word.h"

#define ZWNJ 0x200C
#define ZWJ  0x200D

/* Words that keep their full stop, so "Mr. Raisi" is not two sentences */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov",
  "Pres", "Rev", "Hon", "Maj", "Lt", "Col", "Capt", "Sgt", "Mt", "Ave", "Dept",
  "vs", "etc", "approx", "Inc", "Ltd", "Corp", "Co", "No",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  NULL
};

/* Marks, joiners, emoji modifiers and tag characters belong to the
 * character before them: "é" written as e + U+0301 is one token, and so
 * is 👍🏽 or a Persian word with a zero-width non-joiner in it. */
static gboolean
is_extend (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      break;
    }

  return c == ZWNJ || c == ZWJ || c == 0x00AD ||
         (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F);
}

/* The Unicode White_Space property, which the readers of our exports
 * (nltk, Python's str.split()) split on. GLib's g_unichar_isspace() leaves
 * out the vertical tab and U+0085, so it is not used. */
static gboolean
is_white_space (gunichar c)
{
  switch (c)
    {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

/**
 * sm_word_is_separator:
 *
 * Whether @c separates words and belongs to none: every character with
 * the Unicode White_Space property, U+001C–U+001F (which Python's
 * str.split() splits on too), and invisible format characters (bidi
 * marks, zero-width space, BOM), except the joiners that belong to a word.
 */
gboolean
sm_word_is_separator (gunichar c)
{
  if (is_white_space (c) || (c >= 0x1C && c <= 0x1F))
    return TRUE;

  return g_unichar_type (c) == G_UNICODE_FORMAT && !is_extend (c);
}

static gboolean
is_word (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_digit (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER;
}

static gboolean
is_currency (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

/* Characters that stay inside a word when a word character follows:
 * "don't", "North-South", "1,000", "3.5", "10:30", "and/or", "AT&T",
 * "ana@example.org" */
static gboolean
is_joiner (gunichar c)
{
  switch (c)
    {
    case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
    case '.': case ',': case ':': case '/': case '&': case '@':
    case 0x00B7: case 0x066B: case 0x066C:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a number takes after it: "7%", "٣٫٥٪", "100€" */
static gboolean
is_unit (gunichar c)
{
  return c == '%' || c == 0x066A || c == 0x2030 || c == 0x2031 || is_currency (c);
}

/* What starts a word when a word character follows: "$100", "€4.6bn",
 * "@handle", "#hashtag" */
static gboolean
is_prefix (gunichar c)
{
  return c == '@' || c == '#' || is_currency (c);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Runs of these are one token: "...", "--", "!!" */
static gboolean
is_repeatable (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_OTHER_PUNCTUATION || type == G_UNICODE_DASH_PUNCTUATION;
}

/* Whether the word chars[start, end) takes the full stop after it: an
 * initialism such as "U.S" or "e.g", or one of the abbreviations */
static gboolean
is_abbreviation (const gunichar *chars,
                 guint           start,
                 guint           end)
{
  gboolean initialism = end - start >= 3;
  char word[8];
  guint n = 0;

  for (guint i = start; i < end && initialism; i++)
    {
      gboolean letter_expected = (i - start) % 2 == 0;

      if (letter_expected ? !g_unichar_isalpha (chars[i]) : chars[i] != '.')
        initialism = FALSE;
    }

  if (initialism)
    return TRUE;

  if (end - start >= sizeof word)
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      if (chars[i] >= 0x80)
        return FALSE;
      word[n++] = (char) chars[i];
    }
  word[n] = '\0';

  return g_strv_contains (abbreviations, word);
}

static gboolean
ascii_equal (const gunichar *chars,
             guint           n_chars,
             guint           i,
             const char     *expected)
{
  for (; *expected != '\0'; expected++, i++)
    {
      if (i >= n_chars || chars[i] >= 0x80 ||
          g_ascii_tolower ((char) chars[i]) != *expected)
        return FALSE;
    }

  return TRUE;
}

/* Whether the word chars[start, end) begins a web address: a scheme such
 * as "https" before "://", or "www." */
static gboolean
is_url_start (const gunichar *chars,
              guint           n_chars,
              guint           start,
              guint           end)
{
  if (ascii_equal (chars, n_chars, start, "www."))
    return TRUE;

  if (!ascii_equal (chars, n_chars, end, "://") || end + 3 >= n_chars ||
      sm_word_is_separator (chars[end + 3]))
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      if (chars[i] >= 0x80 || !g_ascii_isalpha ((char) chars[i]))
        return FALSE;
    }

  return end > start;
}

/* A web address goes on to the next space, quote or angle bracket; the
 * punctuation at its end belongs to the sentence, and so does a closing
 * bracket that no bracket in the address opens: "(see https://x.org/a)." */
static guint
scan_url (const gunichar *chars,
          guint           n_chars,
          guint           start,
          guint           i)
{
  int open_brackets = 0;

  while (i < n_chars && !sm_word_is_separator (chars[i]) &&
         chars[i] != '"' && chars[i] != '<' && chars[i] != '>' &&
         g_unichar_type (chars[i]) != G_UNICODE_INITIAL_PUNCTUATION &&
         g_unichar_type (chars[i]) != G_UNICODE_FINAL_PUNCTUATION)
    i++;

  for (guint k = start; k < i; k++)
    {
      if (chars[k] == '(')
        open_brackets++;
      else if (chars[k] == ')')
        open_brackets--;
    }

  while (i > start + 1)
    {
      gunichar last = chars[i - 1];

      if (last == ')' && open_brackets < 0)
        open_brackets++;
      else if (last == 0 || last >= 0x80 || strchr (".,:;!?'", (int) last) == NULL)
        break;
      i--;
    }

  return i;
}

static guint
scan_word (const gunichar *chars,
           guint           n_chars,
           guint           start)
{
  guint i = start;

  if (is_prefix (chars[i]))
    i++;

  for (;;)
    {
      while (i < n_chars && (is_word (chars[i]) || is_extend (chars[i])))
        i++;

      if (i + 1 < n_chars && is_joiner (chars[i]) && is_word (chars[i + 1]))
        {
          i++;
          continue;
        }

      /* A currency between letters and a number: "US$5bn" */
      if (i + 1 < n_chars && is_currency (chars[i]) && is_digit (chars[i + 1]))
        {
          i++;
          continue;
        }

      break;
    }

  if (i > start && i < n_chars && is_digit (chars[i - 1]) && is_unit (chars[i]))
    return i + 1;

  if (is_url_start (chars, n_chars, start, i))
    return scan_url (chars, n_chars, start, i);

  if (i < n_chars && chars[i] == '.' && is_abbreviation (chars, start, i))
    i++;

  return i;
}

static guint
skip_extend (const gunichar *chars,
             guint           n_chars,
             guint           i)
{
  while (i < n_chars && is_extend (chars[i]))
    {
      /* Whatever follows a zero-width joiner is part of the same
       * picture: 👩‍🚒 is one token */
      if (chars[i] == ZWJ && i + 1 < n_chars && !sm_word_is_separator (chars[i + 1]))
        i += 2;
      else
        i++;
    }

  return MIN (i, n_chars);
}

/**
 * sm_word_scan:
 * @chars: code points
 * @n_chars: how many
 * @start: where a token starts: not a separator, and not inside a token
 * @is_word: (out) (optional): whether the token is a word rather than
 *   punctuation, a symbol or an emoji
 *
 * Finds where the token that starts at @start ends. A token is a word
 * (letters, digits and the marks on them, with apostrophes, hyphens, full
 * stops and commas inside; numbers with their currency and percent signs;
 * abbreviations with their full stop; web and e-mail addresses, handles
 * and hashtags), or a single punctuation mark or symbol with what belongs
 * to it (a run of the same punctuation, a flag, an emoji sequence).
 *
 * Returns: the code point after the token
 */
guint
sm_word_scan (const gunichar *chars,
              guint           n_chars,
              guint           start,
              gboolean       *is_word_out)
{
  gunichar c;
  gboolean word = FALSE;
  guint i = start;

  g_return_val_if_fail (chars != NULL, start);
  g_return_val_if_fail (start < n_chars, start);

  c = chars[i];
  if (is_word (c) || (is_prefix (c) && i + 1 < n_chars && is_word (chars[i + 1])))
    {
      i = scan_word (chars, n_chars, i);
      word = TRUE;
    }
  else if (is_regional_indicator (c))
    {
      /* Two regional indicators are one flag: 🇮🇷 */
      i++;
      if (i < n_chars && is_regional_indicator (chars[i]))
        i++;
    }
  else
    {
      i++;
      if (is_repeatable (c))
        {
          while (i < n_chars && chars[i] == c)
            i++;
        }
    }

  if (is_word_out != NULL)
    *is_word_out = word;

  return skip_extend (chars, n_chars, i);
}

/* Words never hold a separator, so the token at @offset is found by
 * cutting the run of non-separators around it, from its first character,
 * the same way the whole text would be cut */
static gboolean
find_token (SmText *text,
            guint   offset,
            guint  *token_start,
            guint  *token_end)
{
  const char *utf8 = sm_text_get_utf8 (text);
  const char *text_end = utf8 + sm_text_get_n_bytes (text);
  const char *at, *run_start, *run_end;
  g_autofree gunichar *chars = NULL;
  guint run_offset;
  glong n = 0;
  guint i = 0;

  if (offset >= sm_text_get_length (text))
    return FALSE;

  at = utf8 + sm_text_get_byte_offset (text, offset);
  if (sm_word_is_separator (g_utf8_get_char (at)))
    return FALSE;

  run_start = at;
  while (run_start > utf8)
    {
      const char *previous = g_utf8_prev_char (run_start);

      if (sm_word_is_separator (g_utf8_get_char (previous)))
        break;
      run_start = previous;
    }

  run_end = at;
  while (run_end < text_end && !sm_word_is_separator (g_utf8_get_char (run_end)))
    run_end = g_utf8_next_char (run_end);

  chars = g_utf8_to_ucs4_fast (run_start, run_end - run_start, &n);
  run_offset = sm_text_get_char_offset (text, run_start - utf8);

  for (;;)
    {
      guint end = sm_word_scan (chars, (guint) n, i, NULL);

      if (run_offset + end > offset)
        {
          *token_start = run_offset + i;
          *token_end = run_offset + end;
          return TRUE;
        }
      i = end;
    }
}

static gboolean
is_boundary (SmText *text,
             guint   offset)
{
  guint start, end;

  return !find_token (text, offset, &start, &end) || start == offset;
}

/**
 * sm_word_find:
 * @offset: a code point
 * @start: (out): where the token at @offset starts
 * @end: (out): the code point after it
 *
 * Finds the token (see sm_word_scan()) that holds the character at
 * @offset: what a double-click selects.
 *
 * Returns: whether there is one, %FALSE on a separator or past the end
 */
gboolean
sm_word_find (SmText *text,
              guint   offset,
              guint  *start,
              guint  *end)
{
  guint token_start, token_end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (!find_token (text, offset, &token_start, &token_end))
    return FALSE;

  *start = token_start;
  *end = token_end;
  return TRUE;
}

/**
 * sm_word_snap:
 * @start: (inout): first code point of a range
 * @end: (inout): the code point after it
 *
 * Grows a range that starts or ends inside a token to the token's edges,
 * then leaves out the separators at either end: what people mean when
 * they drag roughly.
 *
 * Returns: whether anything but separators is left in the range
 */
gboolean
sm_word_snap (SmText *text,
              guint  *start,
              guint  *end)
{
  guint length;
  guint token_start, token_end;
  guint s, e;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (*start <= *end, FALSE);

  length = sm_text_get_length (text);
  s = MIN (*start, length);
  e = MIN (*end, length);
  if (s == e)
    return FALSE;

  if (find_token (text, s, &token_start, &token_end))
    s = token_start;
  if (find_token (text, e - 1, &token_start, &token_end))
    e = token_end;

  while (s < e && !find_token (text, s, &token_start, &token_end))
    s++;
  while (e > s && !find_token (text, e - 1, &token_start, &token_end))
    e--;

  if (s == e)
    return FALSE;

  *start = s;
  *end = e;
  return TRUE;
}

/**
 * sm_word_is_whole:
 * @start: first code point of a range
 * @end: the code point after it
 *
 * Whether [@start, @end) cuts no token in two: what a whole-word search
 * matches. "Iran" is not whole in "Iranian", nor "3.3" in "3.3%".
 */
gboolean
sm_word_is_whole (SmText *text,
                  guint   start,
                  guint   end)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start <= end && end <= sm_text_get_length (text), FALSE);

  return start < end && is_boundary (text, start) && is_boundary (text, end);
}
