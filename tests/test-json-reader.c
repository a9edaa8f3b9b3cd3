/* test-json-reader.c: SmJsonReader, the strict JSON pull reader the
 * Spanmark loader uses: tokens, strings and escapes, numbers, nesting, and
 * the exact message and position of each syntax error.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sm-document.h"
#include "sm-json-reader.h"

/* The tokens of @json, one word each, or "error: MESSAGE" at the first
 * error ("invalid: MESSAGE" for JSON with a value Spanmark cannot keep) */
static char *
dump (const char *json)
{
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      SmJsonToken token = sm_json_reader_next (reader, &error);

      if (out->len > 0)
        g_string_append_c (out, ' ');

      switch (token)
        {
        case SM_JSON_TOKEN_ERROR:
          if (g_error_matches (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID))
            {
              g_string_append_printf (out, "invalid: %s", error->message);
              return g_string_free (out, FALSE);
            }
          g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
          g_string_append_printf (out, "error: %s", error->message);
          return g_string_free (out, FALSE);
        case SM_JSON_TOKEN_END:
          g_assert_no_error (error);
          g_string_append (out, "END");
          return g_string_free (out, FALSE);
        case SM_JSON_TOKEN_BEGIN_OBJECT:  g_string_append (out, "{"); break;
        case SM_JSON_TOKEN_END_OBJECT:    g_string_append (out, "}"); break;
        case SM_JSON_TOKEN_BEGIN_ARRAY:   g_string_append (out, "["); break;
        case SM_JSON_TOKEN_END_ARRAY:     g_string_append (out, "]"); break;
        case SM_JSON_TOKEN_TRUE:          g_string_append (out, "true"); break;
        case SM_JSON_TOKEN_FALSE:         g_string_append (out, "false"); break;
        case SM_JSON_TOKEN_NULL:          g_string_append (out, "null"); break;
        case SM_JSON_TOKEN_MEMBER:
          g_string_append_printf (out, "%s:", sm_json_reader_get_string (reader, NULL));
          break;
        case SM_JSON_TOKEN_STRING:
          g_string_append_printf (out, "\"%s\"", sm_json_reader_get_string (reader, NULL));
          break;
        case SM_JSON_TOKEN_INT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, sm_json_reader_get_int (reader));
          break;
        case SM_JSON_TOKEN_DOUBLE:
          g_string_append_printf (out, "%gd", sm_json_reader_get_double (reader));
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
    }
}

typedef struct
{
  const char *json;
  const char *tokens;
} Case;

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *tokens = dump (cases[i].json);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

static void
test_tokens (void)
{
  static const Case cases[] = {
    { "{}", "{ } END" },
    { "[]", "[ ] END" },
    { " \t\r\n{ \"a\" : 1 , \"b\":[true,false,null,\"x\",{}] }\r\n ", "{ a: 1 b: [ true false null \"x\" { } ] } END" },
    { "\"text\"", "\"text\" END" },
    { "42", "42 END" },
    { "null", "null END" },
    { "[[[[]]]]", "[ [ [ [ ] ] ] ] END" },
    { "{\"\": 1}", "{ : 1 } END" },
    { "{\"a\": 1, \"a\": 2}", "{ a: 1 a: 2 } END" },
    { "", "END" },
    { " \n\t ", "END" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_strings (void)
{
  static const Case cases[] = {
    { "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"]", "[ \"\" \\ / \b \f \n \r \t\" ] END" },
    { "[\"caf\\u00e9 \\u00E9 é\"]", "[ \"café é é\" ] END" },
    { "[\"\\u20ac\\u2028\"]", "[ \"€\xE2\x80\xA8\" ] END" },
    /* A surrogate pair is one character beyond the BMP */
    { "[\"\\ud83d\\ude00 \\uD83C\\uDDEE\\uD83C\\uDDF7\"]", "[ \"😀 🇮🇷\" ] END" },
    /* Pairs of backslashes are backslashes: none of these escapes a "u" */
    { "[\"\\\\u0000\", \"\\\\\\\\ud800\"]", "[ \"\\u0000\" \"\\\\ud800\" ] END" },
    { "[\"\"]", "[ \"\" ] END" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_strings_kept (void)
{
  const char *json = "[\"one\", \"t\\u0077o\", \"three\"]";
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  const char *strings[3];
  gsize length;

  g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_BEGIN_ARRAY);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_STRING);
      strings[i] = sm_json_reader_get_string (reader, &length);
      g_assert_cmpuint (length, ==, strlen (strings[i]));
    }
  g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_END_ARRAY);
  g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_END);
  g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_END);

  /* Every string stays valid as long as the reader */
  g_assert_cmpstr (strings[0], ==, "one");
  g_assert_cmpstr (strings[1], ==, "two");
  g_assert_cmpstr (strings[2], ==, "three");
}

/* A quote, a backslash or a control character at every place of the
 * eight-byte words the reader scans strings by, after plain ASCII and
 * UTF-8: each is found, and json-glib decodes the same string */
static void
test_strings_at_every_place (void)
{
  static const char * const specials[] = { "\\\"", "\\\\", "\\n", "\\u00e9", "\t", "\x01" };

  for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
    for (guint before = 0; before < 20; before++)
      {
        g_autoptr(GString) json = g_string_new ("[\"");
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(SmJsonReader) reader = NULL;
        g_autoptr(GError) error = NULL;
        gboolean control = specials[s][0] != '\\';
        SmJsonToken token;

        for (guint i = 0; i < before; i++)
          g_string_append (json, i % 5 == 4 ? "\xC3\xA9" : "a");
        g_string_append (json, specials[s]);
        g_string_append (json, "tail of more than eight bytes\"]");

        reader = sm_json_reader_new (json->str, json->len);
        g_assert_cmpint (sm_json_reader_next (reader, NULL), ==, SM_JSON_TOKEN_BEGIN_ARRAY);
        token = sm_json_reader_next (reader, &error);

        if (control)
          {
            /* A raw control character is refused, where it is */
            g_assert_cmpint (token, ==, SM_JSON_TOKEN_ERROR);
            g_assert_nonnull (strstr (error->message, "unescaped"));
            continue;
          }

        g_assert_no_error (error);
        g_assert_cmpint (token, ==, SM_JSON_TOKEN_STRING);
        g_assert_true (json_parser_load_from_data (parser, json->str, json->len, NULL));
        g_assert_cmpstr (sm_json_reader_get_string (reader, NULL), ==,
                         json_array_get_string_element (json_node_get_array (json_parser_get_root (parser)), 0));
      }
}

static void
test_bad_strings (void)
{
  static const Case cases[] = {
    { "[\"a\\u0000b\"]", "[ error: 1:4: a string holds the character U+0000 (\\u0000), which Spanmark cannot keep" },
    { "[\"\\ud800\"]", "[ error: 1:3: “\\ud800” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "[\"\\udc00\\ud800\"]", "[ error: 1:3: “\\udc00” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "[\"\\ud800\\u0041\"]", "[ error: 1:3: “\\ud800” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "[\"\\ud800\\\\udc00\"]", "[ error: 1:3: “\\ud800” is half of a UTF-16 surrogate pair without its other half, which is not a character" },
    { "[\"\\x41\"]",
      "[ error: 1:3: “\\x” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    { "[\"\\u12\"]",
      "[ error: 1:3: “\\u12” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    { "[\"\\uZZZZ\"]",
      "[ error: 1:3: “\\u” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    { "[\"é\\q\"]",
      "[ error: 1:4: “\\q” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    /* Control characters are escaped in JSON, not written as they are */
    { "[\"a\tb\"]", "[ error: 1:4: a string holds the control character U+0009 unescaped; JSON writes it as an escape such as \\u0009" },
    { "{\"a\":\n \"é\nb\"}", "{ a: error: 2:4: a string holds the control character U+000A unescaped; JSON writes it as an escape such as \\u000A" },
    /* Cut short: at the end of the text, after its last character */
    { "[\"abc", "[ error: 1:6: scanner: unterminated string constant" },
    { "[\"abc\\", "[ error: 1:7: scanner: unterminated string constant" },
    { "\"é", "error: 1:3: scanner: unterminated string constant" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_numbers (void)
{
  static const Case cases[] = {
    { "[0, -0, 7, -7, 1234567890123]", "[ 0 0 7 -7 1234567890123 ] END" },
    { "[9223372036854775807, -9223372036854775808]", "[ 9223372036854775807 -9223372036854775808 ] END" },
    /* Past 64 bits, refused where they are, naming the member they are in
     * however deep in arrays (json-glib 1.6 reads 2^64 + 1 as
     * -1, 2^63 as -2^63) */
    { "[18446744073709551617]",
      "[ invalid: 1:2: the number 18446744073709551617 is too large to keep; the largest whole number is 9223372036854775807" },
    { "{\"a\": [1, {\"b\": 2}, 9223372036854775808]}",
      "{ a: [ 1 { b: 2 } invalid: 1:21: “a”: the number 9223372036854775808 is too large to keep; the largest whole number is 9223372036854775807" },
    { "{\"a\": {\"b\":\n -9223372036854775809}}",
      "{ a: { b: invalid: 2:2: “b”: the number -9223372036854775809 is too small to keep; the smallest whole number is -9223372036854775808" },
    { "{\"a\\u0001\": 99999999999999999999999999999999999999999999}",
      "{ a\001: invalid: 1:13: “a\\u0001”: the number 9999999999999999999999999999999999999999… is too large to keep; the largest whole number is 9223372036854775807" },
    { "[1.5, -0.25, 5.0, 5e0, 1E3, 2e-2, 1.5e+2]", "[ 1.5d -0.25d 5d 5d 1000d 0.02d 150d ] END" },
    { "[1e400, -1e400]", "[ infd -infd ] END" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_numbers (void)
{
  static const Case cases[] = {
    { "[-]", "[ error: 1:2: unexpected character `-', expected number (integer)" },
    { "[- 1]", "[ error: 1:2: unexpected character `-', expected number (integer)" },
    { "{\"a\": -x}", "{ a: error: 1:7: unexpected character `-', expected number (integer)" },
    { "[1.]", "[ error: 1:3: scanner: non digit in constant" },
    { "[1e]", "[ error: 1:3: scanner: non digit in constant" },
    { "[1e+]", "[ error: 1:4: scanner: non digit in constant" },
    { "[.5]", "[ error: 1:2: unexpected character `.', expected character `]'" },
    { "[+1]", "[ error: 1:2: unexpected character `+', expected character `]'" },
    /* Leading zeros are not JSON: "0" is a number, what follows is not */
    { "[007]", "[ 0 error: 1:2: unexpected number `0', expected character `,'" },
    /* json-glib's scanner reads letters and dots on into a number */
    { "[12x3]", "[ error: 1:4: scanner: unknown error" },
    { "[1.5.5]", "[ error: 1:5: scanner: unknown error" },
    { "[1ex]", "[ error: 1:4: scanner: unknown error" },
    { "{\"a\": 0x10}", "{ a: error: 1:8: scanner: unknown error" },
    { "[-1x]", "[ error: 1:2: unexpected character `-', expected number (integer)" },
    { "[1_]", "[ 1 error: 1:2: unexpected number `1', expected character `,'" },
    { "{\"a\": 1.5 2}", "{ a: 1.5d error: 1:9: unexpected number `1.500', expected string constant" },
    { "[-5 1]", "[ -5 error: 1:3: unexpected number `5', expected character `,'" },
    { "[9223372036854775807 1]", "[ 9223372036854775807 error: 1:20: unexpected number `9223372036854775807', expected character `,'" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* json-glib 1.6's words, at the last character json-glib reads (its own
 * columns count bytes; these count characters, as every message does) */
static void
test_syntax_errors (void)
{
  static const Case cases[] = {
    { "{\"format\": \"spanmark\",,}", "{ format: \"spanmark\" error: 1:22: unexpected character `,', expected string constant" },
    { "{\"a\": 1,}", "{ a: 1 error: 1:8: unexpected character `,', expected character `]'" },
    { "[1,]", "[ 1 error: 1:3: unexpected character `,', expected character `]'" },
    { "[1,,", "[ 1 error: 1:4: unexpected character `,', expected character `]'" },
    { "[1 2]", "[ 1 error: 1:2: unexpected number `1', expected character `,'" },
    { "{\"a\": 1 2}", "{ a: 1 error: 1:7: unexpected number `1', expected string constant" },
    { "{\"a\": 1\n \"b\": 2}", "{ a: 1 error: 1:7: unexpected number `1', expected character `,'" },
    { "{\"a\" 1}", "{ error: 1:4: unexpected string constant \"a\", expected character `:'" },
    { "{\"é\"}", "{ error: 1:4: unexpected string constant \"é\", expected character `:'" },
    { "{\"a\": }", "{ a: error: 1:7: unexpected character `}', expected character `}'" },
    { "{\"a\":\n  }", "{ a: error: 2:3: unexpected character `}', expected character `}'" },
    { "{\"a\": tru}", "{ a: error: 1:9: unexpected identifier `tru', expected value" },
    { "[True]", "[ error: 1:5: unexpected identifier `True', expected value" },
    { "{\"a\": \"x\"", "{ a: \"x\" error: 1:9: invalid string constant \"x\", expected valid string constant" },
    { "{\"a\": \"\" 1}", "{ a: \"\" error: 1:8: invalid empty string constant \"\", expected valid string constant" },
    { "[\"a\" 1]", "[ \"a\" error: 1:4: unexpected string constant \"a\", expected character `,'" },
    { "[true 1]", "[ true error: 1:5: unexpected value `true', expected character `,'" },
    { "[{} 1]", "[ { } error: 1:3: unexpected character `}', expected character `,'" },
    { "{\"a\": [] 2}", "{ a: [ ] error: 1:8: unexpected character `]', expected string constant" },
    { "{", "{ error: 1:1: unexpected character `{', expected string constant" },
    { "{1}", "{ error: 1:1: unexpected character `{', expected string constant" },
    { "[", "[ error: 1:2: unexpected end of file, expected character `]'" },
    { "[1,\n\n", "[ 1 error: 3:1: unexpected end of file, expected character `]'" },
    { "{\"a\":   ", "{ a: error: 1:9: unexpected end of file, expected character `}'" },
    { "[é]", "[ error: 1:2: unexpected character `\\303', expected character `]'" },
    { "[\f1]", "[ error: 1:2: unexpected character `\\14', expected character `]'" },
    { "}", "error: 1:1: unexpected character `}', expected value" },
    { "x", "error: 1:1: unexpected identifier `x', expected value" },
    /* Not JSON, though json-glib 1.6 lets them pass */
    { "{\"a\": 1 /* c */}", "{ a: 1 error: 1:7: unexpected number `1', expected string constant" },
    { "[1, /* c */ 2]", "[ 1 error: 1:5: unexpected character `/', expected character `]'" },
    { "{'a': 1}", "{ error: 1:1: unexpected character `{', expected string constant" },
    /* json-glib cuts the token it quotes to 55 bytes, with a quote at the
     * end, which doubles the quote of a token 54 bytes long */
    { "[\"“Trade will reach $100 million.”\" 1]",
      "[ \"“Trade will reach $100 million.”\" error: 1:35: unexpected string constant"
      " \"“Trade will reach $100 million.”\"\", expected character `,'" },
    { "{\"\":\"mallksandra Kovalenko sid: “\"",
      "{ : \"mallksandra Kovalenko sid: “\" error: 1:34: invalid string constant"
      " \"mallksandra Kovalenko sid: \xEF\xBF\xBD\xEF\xBF\xBD\", expected valid string constant" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Of several problems, the first in the text is told */
static void
test_error_order (void)
{
  static const Case cases[] = {
    /* A second value: counted in characters, like the other checks */
    { "{\"a\": \"é\"} {\"b\": 2}", "{ a: \"é\" } error: 1:12: unexpected text after the end of the JSON value" },
    { "[1]\n\n  x", "[ 1 ] error: 3:3: unexpected text after the end of the JSON value" },
    /* The first problem in the text is the one told, whatever it is */
    { "/* c */ {}", "error: 1:1: unexpected character `/', expected value" },
    { "[1,, \"\\x\"]", "[ 1 error: 1:4: unexpected character `,', expected character `]'" },
    { "[\"\\x\", 1,,]", "[ error: 1:3: “\\x” is not an escape JSON has: a backslash goes before \", \\, /, b, f, n, r, t, or u and four hex digits" },
    { "[1] [\"\\x\"]", "[ 1 ] error: 1:5: unexpected text after the end of the JSON value" },
    { "[18446744073709551617, \"\\x\"]", "[ invalid: 1:2: the number 18446744073709551617 is too large to keep; the largest whole number is 9223372036854775807" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static GString *
nested (guint depth)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (json, i % 2 ? "[" : "{\"é\": ");
  for (guint i = depth; i > 0; i--)
    g_string_append (json, (i - 1) % 2 ? "]" : "}");

  return json;
}

static void
test_depth (void)
{
  g_autoptr(GString) deepest = nested (SM_JSON_MAX_DEPTH);
  g_autoptr(GString) too_deep = nested (SM_JSON_MAX_DEPTH + 1);
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (deepest->str, deepest->len);
  g_autoptr(SmJsonReader) refused = sm_json_reader_new (too_deep->str, too_deep->len);
  g_autoptr(GError) error = NULL;
  guint deepest_seen = 0;
  SmJsonToken token;

  while ((token = sm_json_reader_next (reader, &error)) != SM_JSON_TOKEN_END)
    {
      g_assert_cmpint (token, !=, SM_JSON_TOKEN_ERROR);
      deepest_seen = MAX (deepest_seen, sm_json_reader_get_depth (reader));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (deepest_seen, ==, SM_JSON_MAX_DEPTH);
  g_assert_cmpuint (sm_json_reader_get_depth (reader), ==, 0);

  while ((token = sm_json_reader_next (refused, &error)) != SM_JSON_TOKEN_ERROR)
    g_assert_cmpint (token, !=, SM_JSON_TOKEN_END);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
  /* 256 × '{"é": ' (6 characters) and 256 × '[' before the 513th bracket */
  g_assert_cmpstr (error->message, ==, "1:1793: the JSON is nested more than 512 levels deep");

  /* And it stays refused */
  g_clear_error (&error);
  g_assert_cmpint (sm_json_reader_next (refused, &error), ==, SM_JSON_TOKEN_ERROR);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
}

static void
test_skip (void)
{
  const char *json = "{\"skip\": {\"a\": [1, {\"b\": [[]]}], \"c\": \"}\"}, \"next\": true}";
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_MEMBER);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpuint (sm_json_reader_get_offset (reader), ==, 9);
  g_assert_true (sm_json_reader_skip (reader, &error));
  g_assert_cmpuint (sm_json_reader_get_depth (reader), ==, 1);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (sm_json_reader_get_string (reader, NULL), ==, "next");
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_TRUE);
  g_assert_true (sm_json_reader_skip (reader, &error));
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_END);
  g_assert_no_error (error);
}

static void
test_skip_checks_syntax (void)
{
  const char *json = "{\"skip\": {\"a\": [1 2]}}";
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_MEMBER);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_false (sm_json_reader_skip (reader, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "1:17: unexpected number `1', expected character `,'");
}

/* A value read into a JsonNode is what json-glib builds from the same text */
static void
test_read_node (void)
{
  static const char * const values[] = {
    "{\"a\": [1, -2, 3.25, 1e300, \"x\\ny\", true, false, null, {}, []], \"b\": {\"c\": \"😀\"}}",
    "{\"dup\": 1, \"other\": 2, \"dup\": [3]}",
    "[9223372036854775807, -9223372036854775808, 0.1, 123456789.123456789, -0.0]",
    "\"\\ud83c\\uddee\\ud83c\\uddf7\"",
    "-12",
    "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(SmJsonReader) reader = sm_json_reader_new (values[i], strlen (values[i]));
      g_autoptr(JsonNode) expected = json_from_string (values[i], NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_text = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", values[i]);
      sm_json_reader_next (reader, &error);
      node = sm_json_reader_read_node (reader, &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_END);

      g_assert_nonnull (expected);
      expected_text = json_to_string (expected, FALSE);
      text = json_to_string (node, FALSE);
      g_assert_cmpstr (text, ==, expected_text);
      g_assert_true (json_node_equal (node, expected));
    }
}

/* A number past the range of a double would be written back as "inf",
 * which is not JSON (found by fuzz-format) */
static void
test_read_node_too_large (void)
{
  const char *json = "{\"a\": [1,\n  -1e400]}";
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_null (sm_json_reader_read_node (reader, &error));
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "2:3: “a”: the number -1e400 is too large to keep; the largest is about 1.8e308");
  g_clear_error (&error);
  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_ERROR);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_INVALID);
}

static void
test_read_node_error (void)
{
  const char *json = "[{\"a\": [1, {\"b\" 2}]}]";
  g_autoptr(SmJsonReader) reader = sm_json_reader_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (sm_json_reader_next (reader, &error), ==, SM_JSON_TOKEN_BEGIN_ARRAY);
  node = sm_json_reader_read_node (reader, &error);
  g_assert_null (node);
  g_assert_error (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "1:15: unexpected string constant \"b\", expected character `:'");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/tokens", test_tokens);
  g_test_add_func ("/json-reader/strings", test_strings);
  g_test_add_func ("/json-reader/strings-kept", test_strings_kept);
  g_test_add_func ("/json-reader/strings-at-every-place", test_strings_at_every_place);
  g_test_add_func ("/json-reader/bad-strings", test_bad_strings);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/bad-numbers", test_bad_numbers);
  g_test_add_func ("/json-reader/syntax-errors", test_syntax_errors);
  g_test_add_func ("/json-reader/error-order", test_error_order);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/skip", test_skip);
  g_test_add_func ("/json-reader/skip-checks-syntax", test_skip_checks_syntax);
  g_test_add_func ("/json-reader/read-node", test_read_node);
  g_test_add_func ("/json-reader/read-node-too-large", test_read_node_too_large);
  g_test_add_func ("/json-reader/read-node-error", test_read_node_error);

  return g_test_run ();
}
