/* test-word.c: the one notion of a word that snapping, double-click,
 * whole-word search and the CoNLL tokens share (docs/conll.md).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-word.h"

static SmText *
new_text (const char *utf8)
{
  g_autoptr(GError) error = NULL;
  SmText *text = sm_text_new (utf8, -1, &error);

  g_assert_no_error (error);
  return text;
}

/* The words of @utf8 as a double-click finds them, one at every offset,
 * joined by " | " */
static char *
words_of (const char *utf8)
{
  g_autoptr(SmText) text = new_text (utf8);
  GString *out = g_string_new (NULL);
  guint offset = 0;

  while (offset < sm_text_get_length (text))
    {
      g_autofree char *word = NULL;
      guint start, end;

      if (!sm_word_find (text, offset, &start, &end))
        {
          offset++;
          continue;
        }

      /* The same word from each of its characters */
      g_assert_cmpuint (start, ==, offset);
      for (guint i = start + 1; i < end; i++)
        {
          guint other_start, other_end;

          g_assert_true (sm_word_find (text, i, &other_start, &other_end));
          g_assert_cmpuint (other_start, ==, start);
          g_assert_cmpuint (other_end, ==, end);
        }

      word = sm_text_dup_slice (text, start, end);
      if (out->len > 0)
        g_string_append (out, " | ");
      g_string_append (out, word);
      offset = end;
    }

  return g_string_free (out, FALSE);
}

static const struct {
  const char *text;
  const char *words;
} word_table[] = {
  /* Decimals and thousands, in any script */
  { "Trade grew 3.3% to 1,000 at 4.60.", "Trade | grew | 3.3% | to | 1,000 | at | 4.60 | ." },
  { "a share of 3.5% of it", "a | share | of | 3.5% | of | it" },
  { "\xD9\xA3\xD9\xAB\xD9\xA5 \xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA \xDB\xB1\xDB\xB2\xDB\xB0.",
    "\xD9\xA3\xD9\xAB\xD9\xA5 | \xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA | \xDB\xB1\xDB\xB2\xDB\xB0 | ." },
  /* Money and percent */
  { "$100, 7% and \xE2\x82\xAC" "4.6bn.", "$100 | , | 7% | and | \xE2\x82\xAC" "4.6bn | ." },
  { "a US$5bn deal, $ 5", "a | US$5bn | deal | , | $ | 5" },
  /* Abbreviations keep their full stop; a sentence's full stop is its own */
  { "the U.S. grew.", "the | U.S. | grew | ." },
  { "In Sept. Mr. Raisi said e.g. no.", "In | Sept. | Mr. | Raisi | said | e.g. | no | ." },
  /* Apostrophes and hyphens inside words */
  { "one another\xE2\x80\x99s North-South don't", "one | another\xE2\x80\x99s | North-South | don't" },
  { "\xE2\x80\x9Cquoted\xE2\x80\x9D 'single' -dash-", "\xE2\x80\x9C | quoted | \xE2\x80\x9D | ' | single | ' | - | dash | -" },
  /* A zero-width non-joiner inside a Persian word */
  { "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF \xDA\xA9\xD9\x87",
    "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF | \xDA\xA9\xD9\x87" },
  /* Web and e-mail addresses, handles and hashtags */
  { "See https://irna.ir/news/a-1?id=5&x=%20y#top.",
    "See | https://irna.ir/news/a-1?id=5&x=%20y#top | ." },
  { "(www.irna.ir/en) or (https://en.wikipedia.org/wiki/Iran_(country)).",
    "( | www.irna.ir/en | ) | or | ( | https://en.wikipedia.org/wiki/Iran_(country) | ) | ." },
  { "Write to ana.m@example.org, @IRNA_English #Iran2024!",
    "Write | to | ana.m@example.org | , | @IRNA_English | #Iran2024 | !" },
  { "a @ b # c", "a | @ | b | # | c" },
  /* Punctuation, emoji and flags */
  { "Wait... what?! \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
    "Wait | ... | what | ? | ! | \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 | \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" },
};

static void
test_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (word_table); i++)
    {
      g_autofree char *words = words_of (word_table[i].text);

      g_test_message ("%s", word_table[i].text);
      g_assert_cmpstr (words, ==, word_table[i].words);
    }
}

/* Selects the first @selected in @utf8, snaps it and returns
 * what is selected then */
static char *
snap (const char *utf8,
      const char *selected)
{
  g_autoptr(SmText) text = new_text (utf8);
  const char *found = strstr (utf8, selected);
  guint start, end;

  g_assert_nonnull (found);
  start = sm_text_get_char_offset (text, found - utf8);
  end = sm_text_get_char_offset (text, found - utf8 + strlen (selected));

  if (!sm_word_snap (text, &start, &end))
    return NULL;

  return sm_text_dup_slice (text, start, end);
}

static void
test_snap (void)
{
  const char *text = "Trade grew 3.3%, said the U.S. official. \xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA  ok";
  const struct {
    const char *selected;
    const char *snapped;
  } table[] = {
    { "3.", "3.3%" },
    { "3.3", "3.3%" },
    { ".3%", "3.3%" },
    { "3.3%,", "3.3%," },
    { "U", "U.S." },
    { "U.S", "U.S." },
    { "S. off", "U.S. official" },
    { "rew", "grew" },
    { " grew 3", "grew 3.3%" },
    { "officia", "official" },
    { "official. ", "official." },
    { "\xD9\xAB", "\xD9\xA3\xD9\xAB\xD9\xA5\xD9\xAA" },
    { "  ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *snapped = snap (text, table[i].selected);

      g_test_message ("“%s”", table[i].selected);
      g_assert_cmpstr (snapped, ==, table[i].snapped);
    }
}

static void
test_whole (void)
{
  g_autoptr(SmText) text = new_text ("Iranian Iran 3.3% U.S. grew.");

  g_assert_false (sm_word_is_whole (text, 0, 4));   /* Iran in Iranian */
  g_assert_true (sm_word_is_whole (text, 8, 12));   /* Iran */
  g_assert_false (sm_word_is_whole (text, 13, 16)); /* 3.3 in 3.3% */
  g_assert_true (sm_word_is_whole (text, 13, 17));  /* 3.3% */
  g_assert_false (sm_word_is_whole (text, 18, 21)); /* U.S in U.S. */
  g_assert_true (sm_word_is_whole (text, 18, 22));  /* U.S. */
  g_assert_true (sm_word_is_whole (text, 23, 27));  /* grew, without its full stop */
  g_assert_true (sm_word_is_whole (text, 23, 28));  /* grew. */
  g_assert_false (sm_word_is_whole (text, 8, 8));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word/words", test_words);
  g_test_add_func ("/word/snap", test_snap);
  g_test_add_func ("/word/whole", test_whole);

  return g_test_run ();
}
