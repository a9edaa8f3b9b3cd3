/* sm-tokenizer.c: splitting an article into tokens and sentences for CoNLL.
 *
 * The tokens are the application's words (sm-word.c), so a CoNLL token is
 * what a double-click selects; the sentence rules are deterministic and
 * language-neutral, so an export gives the same sentences on every
 * machine. Both are documented in docs/conll.md; change them together.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tokenizer"

#include "config.h"

#include "sm-tokenizer.h"
#include "sm-word.h"

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

/* A word never starts with a full stop, so a token that does is a run of
 * terminators (with the marks on them) */
static gboolean
is_terminator_token (const gunichar *chars,
                     const SmToken  *token)
{
  return is_terminator (chars[token->start]);
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
        line_break = sm_text_is_line_break (chars[i]);

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
 * Splits @text into tokens, the application's words (see sm_word_scan()):
 * words with the numbers, signs, abbreviations and addresses that belong
 * together, and single punctuation marks and symbols. Whitespace and
 * invisible format characters separate tokens and belong to none.
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

      if (sm_word_is_separator (chars[i]))
        {
          i++;
          continue;
        }

      token.start = i;
      token.end = i = sm_word_scan (chars, n, i, NULL);
      g_array_append_val (tokens, token);
    }

  mark_sentence_ends (chars, tokens);

  return tokens;
}
