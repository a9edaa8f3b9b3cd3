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

#include <string.h>

#include "sm-tokenizer.h"
#include "sm-tokenizer-private.h"
#include "sm-word.h"

/* How much of the text is decoded at a time (see _sm_tokenize_in_pieces()) */
#define PIECE_BYTES (64 * 1024)

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
                     guint           base,
                     const SmToken  *token)
{
  return is_terminator (chars[token->start - base]);
}

static gboolean
is_closing_token (const gunichar *chars,
                  guint           base,
                  const SmToken  *token)
{
  return token->end - token->start == 1 && is_closing (chars[token->start - base]);
}

/* A sentence may end after a token followed by a line break, or after a
 * full stop (question mark, …), and any closing quotes and brackets
 * right after it, when the next token does not start in lower case.
 *
 * @tokens are those of one piece (see _sm_tokenize_in_pieces()), @chars its
 * code points, the first of which is code point @base of the text. A
 * piece ends after a line break, so its last token ends a sentence. */
static void
mark_sentence_ends (const gunichar *chars,
                    guint           base,
                    GArray         *tokens)
{
  for (guint k = 0; k + 1 < tokens->len; k++)
    {
      SmToken *token = &g_array_index (tokens, SmToken, k);
      const SmToken *next = &g_array_index (tokens, SmToken, k + 1);
      gboolean line_break = FALSE;
      guint j;

      for (guint i = token->end; i < next->start && !line_break; i++)
        line_break = sm_text_is_line_break (chars[i - base]);

      if (line_break)
        {
          token->sentence_end = TRUE;
          continue;
        }

      if (next->start == token->end || g_unichar_islower (chars[next->start - base]))
        continue;

      /* Back over closing quotes and brackets that touch each other */
      j = k;
      while (j > 0 && is_closing_token (chars, base, &g_array_index (tokens, SmToken, j)) &&
             g_array_index (tokens, SmToken, j - 1).end == g_array_index (tokens, SmToken, j).start)
        j--;

      if (is_terminator_token (chars, base, &g_array_index (tokens, SmToken, j)))
        token->sentence_end = TRUE;
    }

  if (tokens->len > 0)
    g_array_index (tokens, SmToken, tokens->len - 1).sentence_end = TRUE;
}

/* Where the piece that starts at byte @start ends: after the first line
 * feed at or past @piece_bytes bytes from it, or at the end of the text */
static gsize
piece_end (const char *utf8,
           gsize       n_bytes,
           gsize       start,
           gsize       piece_bytes)
{
  const char *line_feed;

  if (piece_bytes >= n_bytes - start)
    return n_bytes;
  line_feed = memchr (utf8 + start + piece_bytes - 1, '\n', n_bytes - start - piece_bytes + 1);

  return line_feed != NULL ? (gsize) (line_feed - utf8) + 1 : n_bytes;
}

/* The tokens of the text, read in pieces that end after a line feed
 * (about @piece_bytes long): each piece is decoded into code points and
 * tokenized on its own, into exact-size blocks, and the blocks are copied
 * into one array of exactly the tokens' size.
 *
 * No rule looks across a line break: a token ends at a separator, which a
 * line break is; a line break ends a sentence; and the look-ahead of a
 * word ("https://x") stops at a separator. So the tokens of the pieces
 * are those of the whole text, and a tokenization takes the memory of its
 * tokens and of a piece, where decoding the whole text took four bytes a
 * character (74 MB for a 20 MB article) on top of the tokens. */
SmToken *
_sm_tokenize_in_pieces (SmText *text,
                        gsize   piece_bytes,
                        guint  *n_tokens)
{
  const char *utf8 = sm_text_get_utf8 (text);
  gsize n_bytes = sm_text_get_n_bytes (text);
  g_autoptr(GArray) piece = g_array_new (FALSE, FALSE, sizeof (SmToken));
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  g_autofree gunichar *chars = NULL;
  gsize chars_size = 0;
  guint base = 0;
  guint total = 0;
  SmToken *tokens, *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (piece_bytes > 0, NULL);
  g_return_val_if_fail (n_tokens != NULL, NULL);

  for (gsize start = 0, end; start < n_bytes; start = end)
    {
      guint n = 0;
      guint i = 0;

      end = piece_end (utf8, n_bytes, start, piece_bytes);
      if (end - start > chars_size)
        {
          chars_size = end - start;
          chars = g_renew (gunichar, chars, chars_size);
        }
      for (const char *p = utf8 + start; p < utf8 + end; p = g_utf8_next_char (p))
        chars[n++] = g_utf8_get_char (p);

      g_array_set_size (piece, 0);
      while (i < n)
        {
          SmToken token = { 0, };

          if (sm_word_is_separator (chars[i]))
            {
              i++;
              continue;
            }

          token.start = base + i;
          i = sm_word_scan (chars, n, i, NULL);
          token.end = base + i;
          g_array_append_val (piece, token);
        }
      mark_sentence_ends (chars, base, piece);

      if (piece->len > 0)
        {
          g_ptr_array_add (blocks, g_bytes_new (piece->data, piece->len * sizeof (SmToken)));
          total += piece->len;
        }
      base += n;
    }

  tokens = out = g_new (SmToken, MAX (total, 1));
  for (guint b = 0; b < blocks->len; b++)
    {
      GBytes *block = g_ptr_array_index (blocks, b);
      gsize size;
      gconstpointer data = g_bytes_get_data (block, &size);

      memcpy (out, data, size);
      out += size / sizeof (SmToken);
      g_bytes_unref (block);
    }

  *n_tokens = total;
  return tokens;
}

/**
 * sm_tokenize_compact:
 * @text: an article
 * @n_tokens: (out): how many tokens there are
 *
 * sm_tokenize() for long texts: the same tokens in an array of exactly
 * their size (a #GArray rounds its size up to a power of two: 67 MB for
 * the 44 MB of tokens of a 20 MB article).
 *
 * Returns: (transfer full) (array length=n_tokens): the tokens, offsets in
 *   code points; free with g_free()
 */
SmToken *
sm_tokenize_compact (SmText *text,
                     guint  *n_tokens)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (n_tokens != NULL, NULL);

  return _sm_tokenize_in_pieces (text, PIECE_BYTES, n_tokens);
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
  g_autofree SmToken *tokens = NULL;
  GArray *array;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  tokens = sm_tokenize_compact (text, &n);
  array = g_array_sized_new (FALSE, FALSE, sizeof (SmToken), n);
  g_array_append_vals (array, tokens, n);

  return array;
}
