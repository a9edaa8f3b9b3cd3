/* test-text.c: article text validation and code point offsets.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-text.h"

/* Texts that stress offsets: astral emoji with modifiers and ZWJ, combining
 * accents, Persian with ZWNJ and Extended Arabic-Indic digits, Arabic,
 * CRLF line ends and tabs. */
static const char *texts[] = {
  "Plain ASCII, nothing more.",
  "Emoji 👩🏽‍🔬 said “I’m done” 🇮🇷🇧🇾 ‼️ at 10:30.",
  "Cafe\xCC\x81 and re\xCC\x81sume\xCC\x81: combining accents.",
  "او می\u200cگوید که ۵۱۰ نفر آمدند.",
  "قال الرئيس إن 30 اتفاقية وقعت.",
  "Line one\r\nLine two\r\n\tTabbed\r\n",
  "x",
};

/* Python's text[start:end] on code points, without SmText's table */
static char *
python_slice (const char *utf8,
              glong       start,
              glong       end)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars;

  chars = g_utf8_to_ucs4 (utf8, -1, NULL, &n_chars, NULL);
  g_assert_nonnull (chars);
  g_assert_cmpint (end, <=, n_chars);

  return g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
}

static void
test_offsets_match_code_point_slicing (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmText) text = sm_text_new (texts[t], -1, &error);
      guint length;

      g_assert_no_error (error);
      length = sm_text_get_length (text);
      g_assert_cmpuint (length, ==, g_utf8_strlen (texts[t], -1));

      for (guint start = 0; start <= length; start++)
        {
          g_assert_cmpuint (sm_text_get_char_offset (text, sm_text_get_byte_offset (text, start)),
                            ==, start);

          for (guint end = start; end <= length; end++)
            {
              g_autofree char *expected = python_slice (texts[t], start, end);
              g_autofree char *slice = sm_text_dup_slice (text, start, end);

              g_assert_cmpstr (slice, ==, expected);
              g_assert_true (sm_text_slice_equal (text, start, end, expected));
            }
        }
    }
}

static void
test_offsets_in_long_text (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  g_autofree gunichar *chars = NULL;
  glong n_chars;

  /* Long enough for many checkpoints, with characters of 1 to 4 bytes */
  for (guint i = 0; i < 5000; i++)
    g_string_append (string, (i % 4 == 0) ? "a" : (i % 4 == 1) ? "é" : (i % 4 == 2) ? "€" : "😀");

  text = sm_text_new (string->str, string->len, NULL);
  chars = g_utf8_to_ucs4 (string->str, -1, NULL, &n_chars, NULL);
  g_assert_cmpuint (sm_text_get_length (text), ==, n_chars);

  for (guint offset = 0; offset < (guint) n_chars; offset += 37)
    {
      gsize byte = sm_text_get_byte_offset (text, offset);

      g_assert_cmpuint (g_utf8_get_char (string->str + byte), ==, chars[offset]);
      g_assert_cmpuint (sm_text_get_char_offset (text, byte), ==, offset);
    }

  g_assert_cmpuint (sm_text_get_byte_offset (text, n_chars), ==, string->len);
}

/* Mostly ASCII, as most articles are, with a character of 2 to 4 bytes
 * every so often: runs of every length around the 8-byte words the
 * counting takes at once, at every offset checked against GLib's walk */
static void
test_offsets_in_mostly_ascii_text (void)
{
  static const char * const others[] = { "é", "€", "😀", "\r\n" };
  g_autoptr(GString) string = g_string_new (NULL);
  g_autoptr(SmText) text = NULL;
  glong n_chars;

  for (guint i = 0; i < 400; i++)
    {
      for (guint j = 0; j < (i * 7) % 23; j++)
        g_string_append_c (string, 'a' + j % 26);
      g_string_append (string, others[i % G_N_ELEMENTS (others)]);
    }

  text = sm_text_new (string->str, string->len, NULL);
  n_chars = g_utf8_strlen (string->str, string->len);
  g_assert_cmpuint (sm_text_get_length (text), ==, n_chars);

  for (glong offset = 0; offset <= n_chars; offset++)
    {
      gsize byte = g_utf8_offset_to_pointer (string->str, offset) - string->str;

      g_assert_cmpuint (sm_text_get_byte_offset (text, offset), ==, byte);
      g_assert_cmpuint (sm_text_get_char_offset (text, byte), ==, offset);
    }
}

static void
test_bom_dropped_crlf_kept (void)
{
  g_autoptr(SmText) text = sm_text_new ("\xEF\xBB\xBFHello\r\nworld", -1, NULL);

  g_assert_cmpstr (sm_text_get_utf8 (text), ==, "Hello\r\nworld");
  g_assert_cmpuint (sm_text_get_length (text), ==, 12);
  /* sha256sum of the bytes "Hello\r\nworld" */
  g_assert_cmpstr (sm_text_get_sha256 (text), ==,
                   "aa504342eafa38cf4e19d74afd91d698a7c88befd217dae8e85083ad1c8580bc");
}

static void
test_sha256 (void)
{
  g_autoptr(SmText) text = sm_text_new ("abc", -1, NULL);

  /* The FIPS 180-2 test vector */
  g_assert_cmpstr (sm_text_get_sha256 (text), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Every length around the 64-byte blocks and the 56 bytes where the
 * padding needs one more block, and a long text, against GLib's SHA-256 */
static void
test_sha256_lengths (void)
{
  g_autoptr(GString) string = g_string_new (NULL);
  const gsize lengths[] = { 1, 2, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 100003 };

  for (gsize i = 0; string->len < 100003; i++)
    g_string_append_c (string, 'a' + i % 26);

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(SmText) text = sm_text_new (string->str, lengths[i], NULL);
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                               (const guchar *) string->str,
                                                               lengths[i]);

      g_assert_cmpstr (sm_text_get_sha256 (text), ==, expected);
    }
}

static void
test_empty_refused (void)
{
  g_autoptr(GError) error = NULL;
  SmText *text;

  text = sm_text_new ("", 0, &error);
  g_assert_null (text);
  g_assert_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "the file is empty: there is no text to annotate");
  g_clear_error (&error);

  /* A BOM alone is empty too */
  text = sm_text_new ("\xEF\xBB\xBF", 3, &error);
  g_assert_null (text);
  g_assert_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_EMPTY);
}

static void
test_binary_refused (void)
{
  static const char data[] = "line one\nab\0cd";
  g_autoptr(GError) error = NULL;
  SmText *text;

  text = sm_text_new (data, sizeof data - 1, &error);
  g_assert_null (text);
  g_assert_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==,
                   "2:3: this is not a text file: it contains a NUL byte at byte offset 11"
                   " (a binary file, or text in UTF-16)");
}

static void
test_invalid_utf8_refused (void)
{
  /* "café" in Latin-1 on the second line */
  static const char data[] = "Title\nIt was a caf\xE9 in Minsk.";
  g_autoptr(GError) error = NULL;
  SmText *text;

  text = sm_text_new (data, sizeof data - 1, &error);
  g_assert_null (text);
  g_assert_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message,
                                   "2:13: not valid UTF-8: byte 0xE9 at byte offset 18 cannot"));
  g_assert_nonnull (strstr (error->message, "iconv"));
}

/* sm_text_check_utf8() agrees with g_utf8_validate() and memchr() on
 * strings of every length made of ASCII, NUL, and the bytes of valid and
 * broken characters, at every alignment */
static void
test_check_utf8_agrees_with_glib (void)
{
  static const guchar alphabet[] = {
    'a', 'Z', '\n', '\0', 0x7F, 0x80, 0xBF, 0xC3, 0xA9, 0xC0, 0xE2, 0x82, 0xAC,
    0xED, 0xA0, 0xF0, 0x9F, 0x91, 0x8D, 0xF4, 0x90, 0xFF,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  char data[48];

  for (guint round = 0; round < 200000; round++)
    {
      gsize length = g_rand_int_range (rand, 1, sizeof data);
      /* Mostly ASCII, so long runs reach the fast path */
      gint32 odds = g_rand_int_range (rand, 1, 40);
      g_autoptr(GError) error = NULL;
      gboolean expected;

      for (gsize i = 0; i < length; i++)
        data[i] = g_rand_int_range (rand, 0, 40) < odds
                  ? 'a' + g_rand_int_range (rand, 0, 26)
                  : (char) alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];

      expected = memchr (data, '\0', length) == NULL && g_utf8_validate (data, length, NULL);
      if (sm_text_check_utf8 (data, length, &error) != expected)
        g_error ("round %u: %s for a string of %zu bytes", round,
                 expected ? "refused" : "accepted", length);
      g_assert_true (expected == (error == NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/offsets-match-code-point-slicing", test_offsets_match_code_point_slicing);
  g_test_add_func ("/text/offsets-in-long-text", test_offsets_in_long_text);
  g_test_add_func ("/text/bom-dropped-crlf-kept", test_bom_dropped_crlf_kept);
  g_test_add_func ("/text/sha256", test_sha256);
  g_test_add_func ("/text/offsets-in-mostly-ascii-text", test_offsets_in_mostly_ascii_text);
  g_test_add_func ("/text/sha256-lengths", test_sha256_lengths);
  g_test_add_func ("/text/empty-refused", test_empty_refused);
  g_test_add_func ("/text/binary-refused", test_binary_refused);
  g_test_add_func ("/text/invalid-utf8-refused", test_invalid_utf8_refused);
  g_test_add_func ("/text/check-utf8-agrees-with-glib", test_check_utf8_agrees_with_glib);

  return g_test_run ();
}
