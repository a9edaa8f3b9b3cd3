/* sm-tokenizer.c: splitting an article into tokens and sentences for CoNLL.
 *
 * Deterministic, language-neutral rules that need no model and no data
 * files, so an export gives the same tokens on every machine. They are
 * documented for dataset users in docs/conll.md; change both together.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tokenizer"

#include "config.h"

#include <string.h>

#include "sm-tokenizer.h"

#define ZWNJ 0x200C
#define ZWJ  0x200D

/* Words that keep their full stop, so "Mr. Raisi" is not two sentences */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov",
  "Lt", "Col", "Capt", "Sgt", "vs", "etc", "Inc", "Ltd", "Corp", "Co", "No",
  NULL
};

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

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

/* Everything that separates tokens: what Python's str.split() splits on,
 * and invisible format characters (bidi marks, zero-width space, BOM),
 * which no CoNLL reader could show in a token anyway. */
static gboolean
is_space (gunichar c)
{
  if (g_unichar_isspace (c) || (c >= 0x1C && c <= 0x1F) || c == 0x85)
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

/* Characters that stay inside a word when a word character follows:
 * "don't", "North-South", "1,000", "3.5", "10:30", "and/or", "AT&T" */
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

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_terminator (gunichar c)
{
  switch (c)
    {
    case '.': case '!': case '?':
    case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x3002: case 0xFF01: case 0xFF1F: case 0x061F: case 0x06D4:
    case 0x0964: case 0x0965:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closing (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' ||
         type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION;
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

static guint
skip_extend (const gunichar *chars,
             guint           i,
             guint           n)
{
  while (i < n && is_extend (chars[i]))
    {
      /* Whatever follows a zero-width joiner is part of the same
       * picture: 👩‍🚒 is one token */
      if (chars[i] == ZWJ && i + 1 < n && !is_space (chars[i + 1]))
        i += 2;
      else
        i++;
    }

  return i;
}

static guint
scan_word (const gunichar *chars,
           guint           start,
           guint           n)
{
  guint i = start;

  for (;;)
    {
      while (i < n && (is_word (chars[i]) || is_extend (chars[i])))
        i++;

      if (i + 1 < n && is_joiner (chars[i]) && is_word (chars[i + 1]))
        {
          i++;
          continue;
        }

      break;
    }

  if (i < n && chars[i] == '.' && is_abbreviation (chars, start, i))
    i++;

  return i;
}

static gboolean
is_terminator_token (const gunichar *chars,
                     const SmToken  *token)
{
  for (guint i = token->start; i < token->end; i++)
    {
      if (!is_terminator (chars[i]) && !is_extend (chars[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_closing_token (const gunichar *chars,
                  const SmToken  *token)
{
  return token->end - token->start == 1 && is_closing (chars[token->start]);
}

/* A sentence may end after a token followed by a line break, or after a
 * full stop (question mark, …), and any closing quotes and brackets
 * right after it, when the next token does not start in lower case. */
static void
mark_sentence_ends (const gunichar *chars,
                    GArray         *tokens)
{
  for (guint k = 0; k + 1 < tokens->len; k++)
    {
      SmToken *token = &g_array_index (tokens, SmToken, k);
      const SmToken *next = &g_array_index (tokens, SmToken, k + 1);
      gboolean line_break = FALSE;
      guint j;

      for (guint i = token->end; i < next->start && !line_break; i++)
        line_break = is_line_break (chars[i]);

      if (line_break)
        {
          token->sentence_end = TRUE;
          continue;
        }

      if (next->start == token->end || g_unichar_islower (chars[next->start]))
        continue;

      /* Back over closing quotes and brackets that touch each other */
      j = k;
      while (j > 0 && is_closing_token (chars, &g_array_index (tokens, SmToken, j)) &&
             g_array_index (tokens, SmToken, j - 1).end == g_array_index (tokens, SmToken, j).start)
        j--;

      if (is_terminator_token (chars, &g_array_index (tokens, SmToken, j)))
        token->sentence_end = TRUE;
    }

  if (tokens->len > 0)
    g_array_index (tokens, SmToken, tokens->len - 1).sentence_end = TRUE;
}

/**
 * sm_tokenize:
 * @text: an article
 *
 * Splits @text into tokens: words (letters, digits and the marks on them,
 * with apostrophes, hyphens, full stops and commas inside them), and
 * single punctuation marks and symbols (with the marks, modifiers and
 * joined characters that belong to them). Whitespace and invisible format
 * characters separate tokens and belong to none.
 *
 * Returns: (transfer full) (element-type SmToken): the tokens in order,
 *   offsets in code points
 */
GArray *
sm_tokenize (SmText *text)
{
  g_autofree gunichar *chars = NULL;
  GArray *tokens;
  glong n_chars = 0;
  guint n;
  guint i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  chars = g_utf8_to_ucs4_fast (sm_text_get_utf8 (text), sm_text_get_n_bytes (text), &n_chars);
  n = (guint) n_chars;
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (SmToken), n / 5 + 1);

  while (i < n)
    {
      SmToken token = { 0, };
      gunichar c = chars[i];

      if (is_space (c))
        {
          i++;
          continue;
        }

      token.start = i;

      if (is_word (c))
        i = scan_word (chars, i, n);
      else if (is_regional_indicator (c))
        {
          /* Two regional indicators are one flag: 🇮🇷 */
          i++;
          if (i < n && is_regional_indicator (chars[i]))
            i++;
        }
      else
        {
          i++;
          if (is_repeatable (c))
            {
              while (i < n && chars[i] == c)
                i++;
            }
        }

      i = skip_extend (chars, i, n);
      token.end = MIN (i, n);
      g_array_append_val (tokens, token);
    }

  mark_sentence_ends (chars, tokens);

  return tokens;
}
