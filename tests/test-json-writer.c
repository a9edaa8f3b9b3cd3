/* test-json-writer.c: sm_json_append_string() and sm_json_append_uint()
 * write what json-glib's JsonGenerator, through sm_json_write_object(),
 * writes for the same string or number.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-json.h"

/* {"s":STRING} by JsonGenerator and by sm_json_append_string() */
static void
assert_same_string (const char       *string,
                    SmJsonWriteFlags  flags)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new ("{\"s\":");

  json_object_set_string_member (object, "s", string);
  sm_json_write_object (expected, object, flags);

  sm_json_append_string (actual, string, flags);
  g_string_append_c (actual, '}');

  g_assert_cmpstr (actual->str, ==, expected->str);
}

static void
assert_same_everywhere (const char *string)
{
  assert_same_string (string, SM_JSON_WRITE_COMPACT);
  assert_same_string (string, SM_JSON_WRITE_ASCII);
}

static void
test_special_characters (void)
{
  static const char * const strings[] = {
    "", "plain", "\"", "\\", "a\"b\\c", "/", "\x7f", "é", "\xc2\xa0", "\xc2\x85",
    "\xe2\x80\xa7", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x82\xac", "\xe2\x80\xa8x\xe2\x80\xa9",
    "😀", "👩🏽‍🔬", "ق", "۱۲۳", "e\xcc\x81", "\xef\xbb\xbf", "line\r\nnext", "\xf4\x8f\xbf\xbf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    assert_same_everywhere (strings[i]);

  /* Every control character, alone and between letters */
  for (guint c = 1; c < 0x20; c++)
    {
      char alone[2] = { (char) c, '\0' };
      g_autofree char *between = g_strdup_printf ("a%cb%c", c, c);

      assert_same_everywhere (alone);
      assert_same_everywhere (between);
    }
}

/* Strings drawn from characters of every kind the escapes treat apart */
static void
test_random_strings (void)
{
  static const char * const pieces[] = {
    "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1e", "\x1f", "\x7f",
    "é", "\xc2\x85", "\xc2\xa0", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x9c", "😀", "ق",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) string = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);

      for (guint j = 0; j < n; j++)
        g_string_append (string, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      assert_same_everywhere (string->str);
    }
}

/* Long runs of plain ASCII, which are skipped eight bytes at a time, with
 * each byte that needs a look at every place in and around a word */
static void
test_long_plain_runs (void)
{
  static const char * const specials[] = {
    "\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "~", "é", "\xc2\x85", "\xe2\x80\xa8", "😀",
  };

  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    {
      for (guint at = 0; at < 26; at++)
        {
          g_autoptr(GString) string = g_string_new (NULL);

          for (guint j = 0; j < at; j++)
            g_string_append_c (string, 'a' + j % 26);
          g_string_append (string, specials[i]);
          for (guint j = 0; j < 17 + at % 9; j++)
            g_string_append_c (string, 'A' + j % 26);

          assert_same_everywhere (string->str);
        }
    }
}

static void
test_numbers (void)
{
  static const gint64 numbers[] = { 0, 1, 9, 10, 99, 100, 4096, G_MAXUINT, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) actual = g_string_new ("{\"n\":");

      json_object_set_int_member (object, "n", numbers[i]);
      sm_json_write_object (expected, object, SM_JSON_WRITE_COMPACT);

      sm_json_append_uint (actual, numbers[i]);
      g_string_append_c (actual, '}');

      g_assert_cmpstr (actual->str, ==, expected->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/special-characters", test_special_characters);
  g_test_add_func ("/json-writer/random-strings", test_random_strings);
  g_test_add_func ("/json-writer/long-plain-runs", test_long_plain_runs);
  g_test_add_func ("/json-writer/numbers", test_numbers);

  return g_test_run ();
}
