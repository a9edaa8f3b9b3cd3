/* test-tokenizer.c: the tokens and sentences CoNLL exports are made of (docs/conll.md).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-tokenizer.h"
#include "sm-tokenizer-private.h"
#include "sm-word.h"

/* "Raisi said . / He left ." : tokens separated by spaces, "/" after the
 * last token of each sentence */
static char *
tokenize (const char *utf8)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new (utf8, -1, &error);
  g_autoptr(GArray) tokens = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  tokens = sm_tokenize (text);

  for (guint i = 0; i < tokens->len; i++)
    {
      SmToken *token = &g_array_index (tokens, SmToken, i);
      g_autofree char *slice = sm_text_dup_slice (text, token->start, token->end);

      g_assert_cmpuint (token->start, <, token->end);
      if (i > 0)
        {
          g_assert_cmpuint (g_array_index (tokens, SmToken, i - 1).end, <=, token->start);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, slice);
      if (token->sentence_end)
        g_string_append (out, " /");
    }

  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *text,
               const char *expected)
{
  g_autofree char *tokens = tokenize (text);

  g_assert_cmpstr (tokens, ==, expected);
}

static void
test_words_and_punctuation (void)
{
  assert_tokens ("Raisi said trade grew 5%.", "Raisi said trade grew 5% . /");
  assert_tokens ("U.S. sanctions, don't North-South 1,000 3.5 e.g. Mr. Raisi",
                 "U.S. sanctions , don't North-South 1,000 3.5 e.g. Mr. Raisi /");
  assert_tokens ("Khamenei\xE2\x80\x99s \xE2\x80\x9C" "doable,\xE2\x80\x9D he said...",
                 "Khamenei\xE2\x80\x99s \xE2\x80\x9C doable , \xE2\x80\x9D he said ... /");
  assert_tokens ("$100 million, 10:30 and/or AT&T", "$100 million , 10:30 and/or AT&T /");
}

/* The tokens are the words a double-click selects (sm-word.c): numbers with
 * their signs, abbreviations, addresses, handles and hashtags stay whole */
static void
test_words_kept_together (void)
{
  assert_tokens ("Trade grew 3.3% to 1,000 at 4.60, a share of 3.5% of it.",
                 "Trade grew 3.3% to 1,000 at 4.60 , a share of 3.5% of it . /");
  /* Arabic-Indic digits with their decimal separator and percent sign,
   * Persian digits */
  assert_tokens ("\xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA \xDB\xB1\xDB\xB2\xDB\xB0.",
                 "\xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA \xDB\xB1\xDB\xB2\xDB\xB0 . /");
  assert_tokens ("$100, 7% and \xE2\x82\xAC" "4.6bn; a US$5bn deal.",
                 "$100 , 7% and \xE2\x82\xAC" "4.6bn ; a US$5bn deal . /");
  assert_tokens ("The U.S. grew. In Sept. it fell.", "The U.S. grew . / In Sept. it fell . /");
  assert_tokens ("one another\xE2\x80\x99s North-South", "one another\xE2\x80\x99s North-South /");
  assert_tokens ("See https://irna.ir/a-1?id=5&x=2#top. Or www.irna.ir/en, ana.m@example.org.",
                 "See https://irna.ir/a-1?id=5&x=2#top . / Or www.irna.ir/en , ana.m@example.org . /");
  assert_tokens ("@IRNA_English posted #Iran2024 (a @ b)",
                 "@IRNA_English posted #Iran2024 ( a @ b ) /");
}

static void
test_emoji_and_marks (void)
{
  /* A skin tone, two flags, a ZWJ family, a run of marks */
  assert_tokens ("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 "
                 "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7!!",
                 "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 "
                 "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 !! /");
  /* e + U+0301 stays one word; a mark at the very start is a token */
  assert_tokens ("Cafe\xCC\x81.", "Cafe\xCC\x81 . /");
  assert_tokens ("\xCC\x81x", "\xCC\x81 x /");
}

static void
test_right_to_left (void)
{
  /* A zero-width non-joiner inside a Persian word, Persian digits */
  assert_tokens ("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF \xDB\xB5\xDB\xB1\xDB\xB0.",
                 "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF \xDB\xB5\xDB\xB1\xDB\xB0 . /");
  /* An Arabic sentence after a full stop has no case, and starts one */
  assert_tokens ("\xD9\x82\xD8\xA7\xD9\x84. \xD8\xA5\xD9\x86",
                 "\xD9\x82\xD8\xA7\xD9\x84 . / \xD8\xA5\xD9\x86 /");
}

static void
test_invisible_characters_separate (void)
{
  /* Zero-width space, a right-to-left mark, a byte order mark */
  assert_tokens ("a\xE2\x80\x8B" "b\xE2\x80\x8F" "c\xEF\xBB\xBF" "d", "a b c d /");
}

/* Every character with the Unicode White_Space property separates tokens
 * and is in none: nltk's CoNLL reader splits lines at each of them, so a
 * vertical tab inside a token breaks the file for it */
static void
test_white_space_separates (void)
{
  static const gunichar white_space[] = {
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
  };

  for (guint i = 0; i < G_N_ELEMENTS (white_space); i++)
    {
      char utf8[8] = { 0, };
      g_autofree char *text = NULL;
      g_autofree char *tokens = NULL;

      g_unichar_to_utf8 (white_space[i], utf8);
      text = g_strconcat ("ab", utf8, "cd", NULL);
      tokens = tokenize (text);

      if (!g_str_equal (tokens, "ab cd /") && !g_str_equal (tokens, "ab / cd /"))
        g_error ("U+%04X: the tokens of “ab<U+%04X>cd” are “%s”", white_space[i], white_space[i], tokens);
      g_assert_true (sm_word_is_separator (white_space[i]));
    }
}

static void
test_sentences (void)
{
  assert_tokens ("\xE2\x80\x9C" "Fine,\xE2\x80\x9D Ana said. He left.\r\nNext line",
                 "\xE2\x80\x9C Fine , \xE2\x80\x9D Ana said . / He left . / Next line /");
  /* A closing quote after the full stop ends the sentence after it */
  assert_tokens ("He said \xE2\x80\x9Cno.\xE2\x80\x9D Then",
                 "He said \xE2\x80\x9C no . \xE2\x80\x9D / Then /");
  /* Lower case after a full stop: no new sentence */
  assert_tokens ("by the U.S. must join. in 2019. 15 people",
                 "by the U.S. must join . in 2019 . / 15 people /");
  /* A title line without a full stop is a sentence of its own */
  assert_tokens ("Countries Must Join\nTEHRAN \xE2\x80\x93 Leader",
                 "Countries Must Join / TEHRAN \xE2\x80\x93 Leader /");
}

static void
test_empty_of_tokens (void)
{
  assert_tokens (" \r\n\t ", "");
}

/* The tokenizer reads a long text in pieces that end after a line feed
 * (issue 15): its tokens are those of the whole text at once, whatever
 * the pieces' length */
static void
assert_same_in_pieces (const char *utf8,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) text = sm_text_new (utf8, length, &error);
  g_autofree SmToken *whole = NULL;
  guint n_whole = 0;
  const gsize piece_bytes[] = { 1, 2, 7, 64, 4096 };

  g_assert_no_error (error);
  whole = _sm_tokenize_in_pieces (text, G_MAXSIZE, &n_whole);
  g_assert_cmpuint (n_whole, >, 0);

  for (guint p = 0; p < G_N_ELEMENTS (piece_bytes); p++)
    {
      g_autofree SmToken *pieces = NULL;
      guint n = 0;

      pieces = _sm_tokenize_in_pieces (text, piece_bytes[p], &n);
      g_assert_cmpuint (n, ==, n_whole);
      for (guint k = 0; k < n; k++)
        {
          g_assert_cmpuint (pieces[k].start, ==, whole[k].start);
          g_assert_cmpuint (pieces[k].end, ==, whole[k].end);
          g_assert_cmpuint (pieces[k].sentence_end, ==, whole[k].sentence_end);
        }
    }
}

static void
test_pieces (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autofree char *article = NULL;
  gsize length;
  const char *lines =
    /* a web address and its look-ahead at the end of a line */
    "See https://\nexample.org or http:/\n/x and www.\nexample.org\n"
    /* a quotation closed at a line's end, then lower case */
    "\xE2\x80\x9C" "Fine.\xE2\x80\x9D\nand then. \xE2\x80\x9D\n\n"
    /* CR LF, a combining accent and a joiner after a line feed */
    "He left.\r\n\xCC\x81" "accent \xE2\x80\x8D" "joined\n"
    /* emoji, Persian with its joiner, and a last line without a break */
    "\xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 \xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB4\xD9\x88\xD8\xAF 1.5%";

  assert_same_in_pieces (lines, -1);

  g_assert_true (g_file_get_contents (path, &article, &length, NULL));
  assert_same_in_pieces (article, length);

  /* And as one array, what sm_tokenize() gives */
  {
    g_autoptr(SmText) text = sm_text_new (article, length, NULL);
    g_autoptr(GArray) tokens = sm_tokenize (text);
    g_autofree SmToken *compact = NULL;
    guint n = 0;

    compact = sm_tokenize_compact (text, &n);
    g_assert_cmpuint (n, ==, tokens->len);
    g_assert_cmpmem (compact, n * sizeof (SmToken), tokens->data, tokens->len * sizeof (SmToken));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/words-and-punctuation", test_words_and_punctuation);
  g_test_add_func ("/tokenizer/words-kept-together", test_words_kept_together);
  g_test_add_func ("/tokenizer/emoji-and-marks", test_emoji_and_marks);
  g_test_add_func ("/tokenizer/right-to-left", test_right_to_left);
  g_test_add_func ("/tokenizer/invisible-characters-separate", test_invisible_characters_separate);
  g_test_add_func ("/tokenizer/white-space-separates", test_white_space_separates);
  g_test_add_func ("/tokenizer/sentences", test_sentences);
  g_test_add_func ("/tokenizer/empty-of-tokens", test_empty_of_tokens);
  g_test_add_func ("/tokenizer/pieces", test_pieces);

  return g_test_run ();
}
