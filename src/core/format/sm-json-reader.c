/* sm-json-reader.c: a pull reader of strict JSON (RFC 8259) in a buffer.
 *
 * The Spanmark loader reads a file's known members straight into its
 * model instead of through a tree of the whole file: SmJsonReader hands
 * out one token at a time, decodes strings into one buffer it keeps, and
 * builds a JsonNode only for a value the caller asks for (members Spanmark
 * keeps but does not know).
 *
 * Every JSON Spanmark reads goes through it: Spanmark files, project
 * files, JSON Lines imports, the corpus index (sm_json_read() builds a
 * tree for those that want one). It refuses nesting past
 * SM_JSON_MAX_DEPTH, text after the value, escapes JSON does not have,
 * "\u0000", half a surrogate pair, whole numbers past 64 bits (json-glib
 * 1.6 wraps them around) and, being strict, also what json-glib 1.6 lets
 * pass: comments, single quotes, hex and octal numbers, a sign apart from
 * its number, unescaped control characters in strings. A syntax error is
 * told in json-glib's words, and every error at a line and a column in
 * characters (sm_text_locate()), the first in the text.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sm-document.h"
#include "sm-json-reader.h"
#include "sm-text.h"

/* What may come next */
typedef enum
{
  EXPECT_VALUE,          /* the value of the whole text */
  EXPECT_FIRST_MEMBER,   /* after "{" */
  EXPECT_MEMBER,         /* after "," in an object */
  EXPECT_MEMBER_VALUE,   /* after a member's ":" */
  EXPECT_FIRST_ELEMENT,  /* after "[" */
  EXPECT_ELEMENT,        /* after "," in an array */
  EXPECT_SEPARATOR,      /* after a value in an object or an array */
  EXPECT_END,            /* after the value of the whole text */
  EXPECT_NOTHING,        /* after the end */
} Expect;

/* json-glib names in a message the token it read last */
typedef enum
{
  LAST_CHAR,
  LAST_STRING,
  LAST_INT,
  LAST_DOUBLE,
  LAST_LITERAL,
} LastKind;

#define STACK_FIRST 16

struct _SmJsonReader
{
  const char  *data;
  const char  *end;
  const char  *p;

  /* Decoded strings, each NUL-terminated, kept until the reader is freed.
   * A string decodes to no more bytes than it takes in the text, quotes
   * included, so a buffer the size of the text never fills. */
  char        *strings;
  char        *strings_next;

  Expect       expect;
  guint        depth;

  /* The token last returned */
  SmJsonToken  token;
  const char  *token_start;
  const char  *string;
  gsize        string_length;
  gint64       integer;
  gdouble      number;

  /* The token last read, for messages */
  LastKind     last_kind;
  const char  *last_end;
  char         last_char;
  const char  *last_string;
  const char  *last_literal;
  guint64      last_magnitude;
  gdouble      last_abs_number;

  GError      *error;

  /* The containers open, as deep as the JSON goes: room for STACK_FIRST
   * levels in the reader, on the heap past them, up to SM_JSON_MAX_DEPTH.
   * A Spanmark file goes four deep; a reader with room for 512 was 4.6 KB
   * to allocate and clear for each file of a corpus (3 % of reading one). */
  char        *containers;
  /* The member each open object is at (in self->strings), for messages
   * about a value in it; NULL for an array, or before the first member */
  const char **members;
  guint        stack_size;
  char         containers_first[STACK_FIRST];
  const char  *members_first[STACK_FIRST];
};

/* A byte that stands for itself in a string */
static inline gboolean
is_plain_in_string (guchar c)
{
  return c >= 0x20 && c != '"' && c != '\\';
}

/* Whether one of eight bytes does not stand for itself in a string: below
 * 0x20, a quote or a backslash. The usual zero-byte test (a byte's borrow
 * sets its top bit only if it was zero, or below the value subtracted),
 * on the bytes, on them xor '"' and on them xor '\\' */
static inline gboolean
has_special_in_string (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 tops = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = word ^ (ones * '"');
  guint64 backslash = word ^ (ones * '\\');
  guint64 special = ((word - ones * 0x20) & ~word) |
                    ((quote - ones) & ~quote) |
                    ((backslash - ones) & ~backslash);

  return (special & tops) != 0;
}

/* Room for twice as many levels, up to SM_JSON_MAX_DEPTH */
static void
grow_stacks (SmJsonReader *self)
{
  guint size = MIN (2 * self->stack_size, SM_JSON_MAX_DEPTH + 1);

  if (self->containers == self->containers_first)
    {
      self->containers = g_memdup2 (self->containers_first, sizeof self->containers_first);
      self->members = g_memdup2 (self->members_first, sizeof self->members_first);
    }
  self->containers = g_renew (char, self->containers, size);
  self->members = g_renew (const char *, self->members, size);
  self->stack_size = size;
}

/**
 * sm_json_reader_new:
 * @data: JSON text, valid UTF-8 (sm_text_check_utf8())
 * @length: its length in bytes
 *
 * Returns: (transfer full): a reader of @data, which must outlive it
 */
SmJsonReader *
sm_json_reader_new (const char *data,
                    gsize       length)
{
  SmJsonReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (SmJsonReader, 1);
  self->containers = self->containers_first;
  self->members = self->members_first;
  self->stack_size = STACK_FIRST;
  self->data = data ? data : "";
  self->end = self->data + length;
  self->p = self->data;
  self->strings = g_malloc (length + 1);
  self->strings_next = self->strings;
  self->expect = EXPECT_VALUE;
  self->token = SM_JSON_TOKEN_END;

  return self;
}

void
sm_json_reader_free (SmJsonReader *self)
{
  if (self == NULL)
    return;

  g_clear_error (&self->error);
  g_free (self->strings);
  if (self->containers != self->containers_first)
    {
      g_free (self->containers);
      g_free (self->members);
    }
  g_free (self);
}

/* Positions */

/* The line and the column of the character at @at */
static void
char_position (SmJsonReader *self,
               const char   *at,
               guint        *line,
               guint        *column)
{
  sm_text_locate (self->data, at - self->data, line, column);
}

/* Where json-glib finds a problem: at the last character it read before
 * @after, or at the end of the text if that is where it stopped */
static void
json_glib_position (SmJsonReader *self,
                    const char   *after,
                    gboolean      at_text_end,
                    guint        *line,
                    guint        *column)
{
  char_position (self, at_text_end ? after : g_utf8_find_prev_char (self->data, after), line, column);
}

/* Errors */

/* Keeps @message as the reader's error, from which it does not go on */
static SmJsonToken
fail_with_code (SmJsonReader  *self,
                gint           code,
                char          *message,
                GError       **error)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_free (message);

  self->error = g_error_new_literal (SM_DOCUMENT_ERROR, code, valid);
  self->expect = EXPECT_NOTHING;
  self->token = SM_JSON_TOKEN_ERROR;
  if (error != NULL)
    *error = g_error_copy (self->error);

  return SM_JSON_TOKEN_ERROR;
}

static SmJsonToken
fail_with (SmJsonReader  *self,
           char          *message,
           GError       **error)
{
  return fail_with_code (self, SM_DOCUMENT_ERROR_SYNTAX, message, error);
}

/* json-glib's scanner names a token in a buffer of 56 bytes: at most 55
 * of them, and the 55th always a string's closing quote (which doubles
 * the quote of a description 54 bytes long) */
static char *
cut_description (char     *description,
                 gboolean  is_string)
{
  gsize length = strlen (description);

  if (is_string && length >= 54)
    {
      char *cut = g_malloc (56);

      memcpy (cut, description, 54);
      cut[54] = '"';
      cut[55] = '\0';
      g_free (description);
      return cut;
    }

  if (length > 55)
    description[55] = '\0';

  return description;
}

static char *
describe_char (char c)
{
  guchar u = (guchar) c;

  if (u >= ' ' && u <= '~')
    return g_strdup_printf ("character `%c'", u);

  return g_strdup_printf ("character `\\%o'", u);
}

static char *
describe_string (const char *string,
                 gboolean    invalid)
{
  return cut_description (g_strdup_printf ("%s%sstring constant \"%s\"",
                                           invalid ? "invalid " : "",
                                           string[0] == '\0' ? "empty " : "",
                                           string), TRUE);
}

static char *
describe_last (SmJsonReader *self,
               gboolean      expecting_string)
{
  switch (self->last_kind)
    {
    case LAST_STRING:
      return describe_string (self->last_string, expecting_string);

    case LAST_INT:
      return g_strdup_printf ("number `%" G_GUINT64_FORMAT "'", self->last_magnitude);

    case LAST_DOUBLE:
      return g_strdup_printf ("number `%.3f'", self->last_abs_number);

    case LAST_LITERAL:
      return g_strdup_printf ("value `%s'", self->last_literal);

    case LAST_CHAR:
    default:
      return describe_char (self->last_char);
    }
}

/* "LINE:COLUMN: unexpected TOKEN, expected EXPECTED" as json-glib says it,
 * at the last character of the token, which ends at @at_end; @token is
 * taken */
static SmJsonToken
fail_unexpected (SmJsonReader  *self,
                 const char    *at_end,
                 char          *token,
                 const char    *expected,
                 gboolean       invalid,
                 GError       **error)
{
  g_autofree char *owned = token;
  guint line, column;

  json_glib_position (self, at_end, FALSE, &line, &column);

  if (invalid)
    return fail_with (self, g_strdup_printf ("%u:%u: %s, expected valid %s", line, column, token, expected), error);

  return fail_with (self, g_strdup_printf ("%u:%u: unexpected %s, expected %s", line, column, token, expected), error);
}

/* After what was read last, something other than @expected */
static SmJsonToken
fail_after_last (SmJsonReader  *self,
                 const char    *expected,
                 GError       **error)
{
  gboolean expecting_string = strcmp (expected, "string constant") == 0;

  return fail_unexpected (self, self->last_end, describe_last (self, expecting_string), expected,
                          expecting_string && self->last_kind == LAST_STRING, error);
}

/* One of json-glib's scanner's own errors, at the last character before
 * @at, or at the end of the text for a string the text ends in */
static SmJsonToken
fail_scanner (SmJsonReader  *self,
              const char    *at,
              gboolean       at_text_end,
              const char    *what,
              GError       **error)
{
  guint line, column;

  json_glib_position (self, at, at_text_end, &line, &column);

  return fail_with (self, g_strdup_printf ("%u:%u: scanner: %s", line, column, what), error);
}

/* The member the value being read is in, however deep in arrays */
static const char *
current_member (SmJsonReader *self)
{
  for (guint depth = self->depth; depth > 0; depth--)
    {
      if (self->members[depth] != NULL)
        return self->members[depth];
    }

  return NULL;
}

/* "LINE:COLUMN: “member”: the number N" for the number from
 * self->token_start to @end */
static char *
describe_number (SmJsonReader *self,
                 const char   *end)
{
  const char *member = current_member (self);
  gsize n = end - self->token_start;
  guint line, column;

  char_position (self, self->token_start, &line, &column);

  if (member != NULL)
    {
      g_autofree char *printable = sm_text_escape_controls (member);

      return g_strdup_printf (_("%u:%u: “%s”: the number %.*s%s"), line, column, printable,
                              (int) MIN (n, 40), self->token_start, n > 40 ? "…" : "");
    }

  return g_strdup_printf (_("%u:%u: the number %.*s%s"), line, column,
                          (int) MIN (n, 40), self->token_start, n > 40 ? "…" : "");
}

/* Scanning */

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  return p;
}

static inline void
remember_char (SmJsonReader *self,
               const char   *at)
{
  self->last_kind = LAST_CHAR;
  self->last_char = *at;
  self->last_end = at + 1;
}

static inline void
after_value (SmJsonReader *self)
{
  self->expect = self->depth == 0 ? EXPECT_END : EXPECT_SEPARATOR;
}

/* The value of the four hex digits at @p, or -1 */
static gint
hex4 (const char *p,
      const char *end)
{
  gint value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      gint digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Says what is wrong with the escape at @q (its backslash), which is not
 * one JSON has ("\x", "\u12"), or not a character Spanmark can keep:
 *
 * - "\u0000": a string of json-glib's is NUL-terminated, and would be cut
 *   short there, and an article's text would lose its end;
 * - half of a surrogate pair alone ("\ud800"): it is no character, and as
 *   bytes it is not UTF-8, so a file saved with it could not be opened. */
static void
fail_escape (SmJsonReader  *self,
             const char    *q,
             GError       **error)
{
  const char *p = q + 1;
  gint value = *p == 'u' ? hex4 (p + 1, self->end) : -1;
  guint line, column;

  char_position (self, q, &line, &column);

  if (value < 0)
    {
      g_autofree char *shown = NULL;
      gsize n = 1;

      /* What follows the backslash, printably and on one line */
      if (*p == 'u')
        {
          while (n < 5 && p + n < self->end && g_ascii_isxdigit (p[n]))
            n++;
          shown = g_strndup (p, n);
        }
      else if (g_ascii_isgraph (*p))
        shown = g_strndup (p, 1);
      else
        shown = g_strdup_printf ("<0x%02X>", (guchar) *p);

      fail_with (self, g_strdup_printf (_("%u:%u: “\\%s” is not an escape JSON has: a backslash goes before"
                                          " \", \\, /, b, f, n, r, t, or u and four hex digits"),
                                        line, column, shown), error);
    }
  else if (value == 0)
    fail_with (self, g_strdup_printf (_("%u:%u: a string holds the character U+0000 (\\u0000), which Spanmark cannot keep"),
                                      line, column), error);
  else
    fail_with (self, g_strdup_printf (_("%u:%u: “\\%.5s” is half of a UTF-16 surrogate pair without its other half,"
                                        " which is not a character"),
                                      line, column, p), error);
}

/* A string at @p (its opening quote), decoded into self->strings */
static gboolean
scan_string (SmJsonReader  *self,
             const char    *p,
             const char   **after,
             GError       **error)
{
  const char *end = self->end;
  const char *q = p + 1;
  char *out = self->strings_next;

  for (;;)
    {
      const char *run = q;
      gint value, low;
      char c;

      /* Eight bytes at a time through the text, most of a file */
      while (end - q >= 8)
        {
          guint64 word;

          memcpy (&word, q, 8);
          if (has_special_in_string (word))
            break;
          q += 8;
        }
      while (q < end && is_plain_in_string ((guchar) *q))
        q++;
      memcpy (out, run, q - run);
      out += q - run;

      if (q == end)
        {
          fail_scanner (self, end, TRUE, "unterminated string constant", error);
          return FALSE;
        }

      c = *q;
      if (c == '"')
        break;

      if (c != '\\')
        {
          guint line, column;

          char_position (self, q, &line, &column);
          fail_with (self,
                     g_strdup_printf (_("%u:%u: a string holds the control character U+%04X unescaped;"
                                        " JSON writes it as an escape such as \\u%04X"),
                                      line, column, (guchar) c, (guchar) c),
                     error);
          return FALSE;
        }

      if (q + 1 == end)
        {
          fail_scanner (self, end, TRUE, "unterminated string constant", error);
          return FALSE;
        }

      switch (q[1])
        {
        case '"':  *out++ = '"'; q += 2; continue;
        case '\\': *out++ = '\\'; q += 2; continue;
        case '/':  *out++ = '/'; q += 2; continue;
        case 'b':  *out++ = '\b'; q += 2; continue;
        case 'f':  *out++ = '\f'; q += 2; continue;
        case 'n':  *out++ = '\n'; q += 2; continue;
        case 'r':  *out++ = '\r'; q += 2; continue;
        case 't':  *out++ = '\t'; q += 2; continue;
        case 'u':  break;
        default:   goto bad_escape;
        }

      value = hex4 (q + 2, end);
      if (value <= 0)
        goto bad_escape;

      if (value >= 0xD800 && value <= 0xDBFF)
        {
          /* A whole pair is one character beyond the BMP, such as an emoji */
          if (end - q < 12 || q[6] != '\\' || q[7] != 'u' ||
              (low = hex4 (q + 8, end)) < 0xDC00 || low > 0xDFFF)
            goto bad_escape;
          value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
          q += 12;
        }
      else if (value >= 0xDC00 && value <= 0xDFFF)
        goto bad_escape;
      else
        q += 6;

      out += g_unichar_to_utf8 (value, out);
      continue;

    bad_escape:
      fail_escape (self, q, error);
      return FALSE;
    }

  *out = '\0';
  self->string = self->strings_next;
  self->string_length = out - self->strings_next;
  self->strings_next = out + 1;

  self->last_kind = LAST_STRING;
  self->last_string = self->string;
  self->last_end = q + 1;
  *after = q + 1;

  return TRUE;
}

static inline gboolean
is_digit (const char *p,
          const char *end)
{
  return p < end && *p >= '0' && *p <= '9';
}

static inline gboolean
is_letter (const char *p,
           const char *end)
{
  return p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'));
}

/* json-glib's scanner reads on into letters and dots after a number, and
 * gives up just after the first one that cannot be part of it */
static SmJsonToken
fail_number (SmJsonReader  *self,
             gboolean       negative,
             const char    *minus,
             const char    *at,
             GError       **error)
{
  /* After a "-", it wants a whole number or none */
  if (negative)
    return fail_unexpected (self, minus + 1, g_strdup ("character `-'"), "number (integer)", FALSE, error);

  if (at < self->end && (is_letter (at, self->end) || *at == '.'))
    return fail_scanner (self, at + 1, FALSE, "unknown error", error);

  return fail_scanner (self, at, FALSE, "non digit in constant", error);
}

/* A number at @p: "-"? then the digits of RFC 8259 */
static SmJsonToken
scan_number (SmJsonReader  *self,
             const char    *p,
             GError       **error)
{
  const char *end = self->end;
  const char *q = p;
  const char *digits;
  gboolean negative = FALSE;
  gboolean fraction = FALSE;

  if (*q == '-')
    {
      negative = TRUE;
      q++;
      if (!is_digit (q, end))
        return fail_unexpected (self, q, g_strdup ("character `-'"), "number (integer)", FALSE, error);
    }

  digits = q;
  if (*q == '0')
    q++;
  else
    while (is_digit (q, end))
      q++;

  if (q < end && *q == '.')
    {
      fraction = TRUE;
      q++;
      if (!is_digit (q, end))
        return fail_number (self, negative, p, q, error);
      while (is_digit (q, end))
        q++;
    }

  if (q < end && (*q == 'e' || *q == 'E'))
    {
      fraction = TRUE;
      q++;
      if (is_letter (q, end))
        return fail_number (self, negative, p, q, error);
      if (q < end && (*q == '+' || *q == '-'))
        q++;
      if (!is_digit (q, end))
        return fail_number (self, negative, p, q, error);
      while (is_digit (q, end))
        q++;
    }

  if (is_letter (q, end) || (q < end && *q == '.'))
    return fail_number (self, negative, p, q, error);

  self->token_start = p;
  self->last_end = q;
  self->p = q;
  after_value (self);

  if (fraction)
    {
      char buffer[64];
      g_autofree char *long_number = NULL;
      gsize n = q - digits;
      const char *text;

      if (n < sizeof buffer)
        {
          memcpy (buffer, digits, n);
          buffer[n] = '\0';
          text = buffer;
        }
      else
        text = long_number = g_strndup (digits, n);

      self->last_kind = LAST_DOUBLE;
      self->last_abs_number = g_ascii_strtod (text, NULL);
      self->number = negative ? -self->last_abs_number : self->last_abs_number;
      return self->token = SM_JSON_TOKEN_DOUBLE;
    }
  else
    {
      guint64 magnitude = 0;

      for (const char *d = digits; d < q; d++)
        {
          guint digit = *d - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            {
              magnitude = G_MAXUINT64;
              break;
            }
          magnitude = magnitude * 10 + digit;
        }

      /* Past the 64-bit range, json-glib 1.6 wraps a number around
       * (18446744073709551617 is -1) and 1.10 keeps it at the range's
       * end: either makes an absurd number look plausible. %lld, not
       * G_GINT64_FORMAT, inside _(): xgettext cannot see past a macro */
      if (magnitude > (guint64) G_MAXINT64 + (negative ? 1 : 0))
        {
          g_autofree char *number = describe_number (self, q);

          if (negative)
            return fail_with_code (self, SM_DOCUMENT_ERROR_INVALID,
                                   g_strdup_printf (_("%s is too small to keep; the smallest whole number is %lld"),
                                                    number, (long long) G_MININT64),
                                   error);
          return fail_with_code (self, SM_DOCUMENT_ERROR_INVALID,
                                 g_strdup_printf (_("%s is too large to keep; the largest whole number is %lld"),
                                                  number, (long long) G_MAXINT64),
                                 error);
        }

      self->last_kind = LAST_INT;
      self->last_magnitude = magnitude;
      self->integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      return self->token = SM_JSON_TOKEN_INT;
    }
}

static inline gboolean
is_identifier_start (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline gboolean
is_identifier_char (char c)
{
  return is_identifier_start (c) || (c >= '0' && c <= '9') || c == '-';
}

/* A value that starts at @p */
static SmJsonToken
read_value (SmJsonReader  *self,
            const char    *p,
            GError       **error)
{
  const char *end = self->end;
  const char *q;
  char c;

  if (p == end)
    {
      guint line, column;

      /* json-glib reads the end of the text as a token: it is after the
       * last character */
      char_position (self, end, &line, &column);
      return fail_with (self, g_strdup_printf ("%u:%u: unexpected end of file, expected %s", line, column,
                                               self->containers[self->depth] == '{' ? "character `}'"
                                                                                    : "character `]'"),
                        error);
    }

  c = *p;
  self->token_start = p;

  switch (c)
    {
    case '{':
    case '[':
      if (self->depth == SM_JSON_MAX_DEPTH)
        {
          guint line, column;

          char_position (self, p, &line, &column);
          return fail_with (self, g_strdup_printf (_("%u:%u: the JSON is nested more than %u levels deep"),
                                                   line, column, SM_JSON_MAX_DEPTH), error);
        }
      if (self->depth + 1 == self->stack_size)
        grow_stacks (self);
      self->containers[++self->depth] = c;
      self->members[self->depth] = NULL;
      self->expect = c == '{' ? EXPECT_FIRST_MEMBER : EXPECT_FIRST_ELEMENT;
      remember_char (self, p);
      self->p = p + 1;
      return self->token = c == '{' ? SM_JSON_TOKEN_BEGIN_OBJECT : SM_JSON_TOKEN_BEGIN_ARRAY;

    case '"':
      if (!scan_string (self, p, &self->p, error))
        return SM_JSON_TOKEN_ERROR;
      after_value (self);
      return self->token = SM_JSON_TOKEN_STRING;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (self, p, error);

    default:
      break;
    }

  if (is_identifier_start (c))
    {
      static const char * const literals[] = { "true", "false", "null" };
      static const SmJsonToken literal_tokens[] = {
        SM_JSON_TOKEN_TRUE, SM_JSON_TOKEN_FALSE, SM_JSON_TOKEN_NULL
      };

      for (q = p + 1; q < end && is_identifier_char (*q); q++)
        ;

      for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
        {
          if ((gsize) (q - p) == strlen (literals[i]) && memcmp (p, literals[i], q - p) == 0)
            {
              self->last_kind = LAST_LITERAL;
              self->last_literal = literals[i];
              self->last_end = q;
              self->p = q;
              after_value (self);
              return self->token = literal_tokens[i];
            }
        }

      return fail_unexpected (self, q,
                              cut_description (g_strdup_printf ("identifier `%.*s'", (int) (q - p), p), FALSE),
                              "value", FALSE, error);
    }

  /* Any other character: json-glib reads it and wants a value, or the end
   * of the array or object the value was to be in */
  return fail_unexpected (self, p + 1, describe_char (c),
                          self->depth == 0 ? "value" :
                          self->containers[self->depth] == '{' ? "character `}'" : "character `]'",
                          FALSE, error);
}

/* Whether the string at @p ends before the text does. json-glib looks
 * ahead at a member's name: one cut short by the end of the text is not a
 * string to it, and it names what it read before instead. */
static gboolean
string_ends (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '"')
        return TRUE;
      if (*p == '\\')
        p++;
    }

  return FALSE;
}

/* The name of a member at @p (its opening quote), and its ":" */
static SmJsonToken
read_member (SmJsonReader  *self,
             const char    *p,
             GError       **error)
{
  const char *q;

  self->token_start = p;
  if (!scan_string (self, p, &q, error))
    return SM_JSON_TOKEN_ERROR;
  self->members[self->depth] = self->string;

  q = skip_space (q, self->end);
  if (q == self->end || *q != ':')
    return fail_after_last (self, "character `:'", error);

  remember_char (self, q);
  self->p = q + 1;
  self->expect = EXPECT_MEMBER_VALUE;

  return self->token = SM_JSON_TOKEN_MEMBER;
}

static SmJsonToken
close_container (SmJsonReader *self,
                 const char   *p)
{
  char container = self->containers[self->depth--];

  self->token_start = p;
  remember_char (self, p);
  self->p = p + 1;
  after_value (self);

  return self->token = container == '{' ? SM_JSON_TOKEN_END_OBJECT : SM_JSON_TOKEN_END_ARRAY;
}

/**
 * sm_json_reader_next:
 *
 * Reads the next token: a member's name (%SM_JSON_TOKEN_MEMBER, with its
 * ":" read too), a value, or the start or end of an object or an array.
 * After the value of the whole text comes %SM_JSON_TOKEN_END, also the
 * first token of a text that holds nothing but spaces.
 *
 * Errors are %SM_DOCUMENT_ERROR_SYNTAX, or %SM_DOCUMENT_ERROR_INVALID for
 * a whole number past the 64-bit range, with a message that starts with
 * "LINE:COLUMN: " (sm_text_locate()). After one, the reader stays at
 * %SM_JSON_TOKEN_ERROR.
 *
 * Returns: the token
 */
SmJsonToken
sm_json_reader_next (SmJsonReader  *self,
                     GError       **error)
{
  const char *p;

  g_return_val_if_fail (self != NULL, SM_JSON_TOKEN_ERROR);

  if (self->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return SM_JSON_TOKEN_ERROR;
    }

again:
  p = skip_space (self->p, self->end);

  switch (self->expect)
    {
    case EXPECT_VALUE:
      if (p == self->end)
        {
          self->expect = EXPECT_NOTHING;
          return self->token = SM_JSON_TOKEN_END;
        }
      return read_value (self, p, error);

    case EXPECT_MEMBER_VALUE:
      return read_value (self, p, error);

    case EXPECT_FIRST_ELEMENT:
      if (p < self->end && *p == ']')
        return close_container (self, p);
      return read_value (self, p, error);

    case EXPECT_ELEMENT:
      if (p < self->end && *p == ']')
        return fail_after_last (self, "character `]'", error);
      return read_value (self, p, error);

    case EXPECT_FIRST_MEMBER:
      if (p < self->end && *p == '}')
        return close_container (self, p);
      if (p < self->end && *p == '"' && string_ends (p, self->end))
        return read_member (self, p, error);
      return fail_after_last (self, "string constant", error);

    case EXPECT_MEMBER:
      /* json-glib asks for a "]" after a trailing comma in an object too */
      if (p < self->end && *p == '}')
        return fail_after_last (self, "character `]'", error);
      if (p < self->end && *p == '"' && string_ends (p, self->end))
        return read_member (self, p, error);
      return fail_after_last (self, "string constant", error);

    case EXPECT_SEPARATOR:
      {
        char container = self->containers[self->depth];

        if (p < self->end && *p == ',')
          {
            remember_char (self, p);
            self->p = p + 1;
            self->expect = container == '{' ? EXPECT_MEMBER : EXPECT_ELEMENT;
            goto again;
          }

        if (p < self->end && *p == (container == '{' ? '}' : ']'))
          return close_container (self, p);

        /* json-glib wants a comma before another member, and otherwise
         * the next member's name */
        if (container == '{' && (p == self->end || *p != '"' || !string_ends (p, self->end)))
          return fail_after_last (self, "string constant", error);
        return fail_after_last (self, "character `,'", error);
      }

    case EXPECT_END:
      if (p == self->end)
        {
          self->expect = EXPECT_NOTHING;
          return self->token = SM_JSON_TOKEN_END;
        }
      else
        {
          guint line, column;

          char_position (self, p, &line, &column);
          return fail_with (self, g_strdup_printf (_("%u:%u: unexpected text after the end of the JSON value"),
                                                   line, column), error);
        }

    case EXPECT_NOTHING:
    default:
      return self->token = SM_JSON_TOKEN_END;
    }
}

/**
 * sm_json_reader_get_string:
 * @length: (out) (optional): its length in bytes
 *
 * Returns: the decoded text of the %SM_JSON_TOKEN_STRING or the name of
 *   the %SM_JSON_TOKEN_MEMBER just read, valid as long as the reader
 */
const char *
sm_json_reader_get_string (SmJsonReader *self,
                           gsize        *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == SM_JSON_TOKEN_STRING || self->token == SM_JSON_TOKEN_MEMBER, NULL);

  if (length != NULL)
    *length = self->string_length;

  return self->string;
}

/**
 * sm_json_reader_get_int:
 *
 * Returns: the value of the %SM_JSON_TOKEN_INT just read (a whole number
 *   past the 64-bit range is an error, %SM_DOCUMENT_ERROR_INVALID, instead)
 */
gint64
sm_json_reader_get_int (SmJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->token == SM_JSON_TOKEN_INT, 0);

  return self->integer;
}

/**
 * sm_json_reader_get_double:
 *
 * Returns: the value of the %SM_JSON_TOKEN_DOUBLE just read (a number
 *   with a fraction or an exponent); infinite past the range of a double
 */
gdouble
sm_json_reader_get_double (SmJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->token == SM_JSON_TOKEN_DOUBLE, 0);

  return self->number;
}

/**
 * sm_json_reader_get_depth:
 *
 * Returns: how many objects and arrays are open: 1 inside the outermost
 */
guint
sm_json_reader_get_depth (SmJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}

/**
 * sm_json_reader_get_offset:
 *
 * Returns: where the token just read starts, in bytes from the start
 */
gsize
sm_json_reader_get_offset (SmJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->token_start ? (gsize) (self->token_start - self->data) : 0;
}

/**
 * sm_json_reader_skip:
 *
 * After %SM_JSON_TOKEN_BEGIN_OBJECT or %SM_JSON_TOKEN_BEGIN_ARRAY, reads
 * up to its end, checking everything on the way. After any other value,
 * does nothing.
 *
 * Returns: %FALSE with @error set if the skipped value is not JSON
 */
gboolean
sm_json_reader_skip (SmJsonReader  *self,
                     GError       **error)
{
  guint depth;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->token == SM_JSON_TOKEN_ERROR)
    return sm_json_reader_next (self, error) != SM_JSON_TOKEN_ERROR;

  if (self->token != SM_JSON_TOKEN_BEGIN_OBJECT && self->token != SM_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  depth = self->depth - 1;
  while (self->depth > depth)
    {
      if (sm_json_reader_next (self, error) == SM_JSON_TOKEN_ERROR)
        return FALSE;
    }

  return TRUE;
}

/**
 * sm_json_reader_read_node:
 *
 * Reads the value whose first token was just read (a scalar, or an object
 * or an array from its start to its end) into a #JsonNode, as json-glib
 * would have built it: a member given twice keeps its first place and its
 * last value. A number past the range of a double is refused
 * (%SM_DOCUMENT_ERROR_INVALID): it could not be written back as JSON.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set
 */
JsonNode *
sm_json_reader_read_node (SmJsonReader  *self,
                          GError       **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->token)
    {
    case SM_JSON_TOKEN_STRING:
      return json_node_init_string (json_node_alloc (), self->string);

    case SM_JSON_TOKEN_INT:
      return json_node_init_int (json_node_alloc (), self->integer);

    case SM_JSON_TOKEN_DOUBLE:
      if (!isfinite (self->number))
        {
          g_autofree char *number = describe_number (self, self->last_end);

          /* json-glib would write it back as "inf", which no JSON reader
           * reads: the saved file could not be opened again */
          fail_with_code (self, SM_DOCUMENT_ERROR_INVALID,
                          g_strdup_printf (_("%s is too large to keep; the largest is about 1.8e308"), number),
                          error);
          return NULL;
        }
      return json_node_init_double (json_node_alloc (), self->number);

    case SM_JSON_TOKEN_TRUE:
    case SM_JSON_TOKEN_FALSE:
      return json_node_init_boolean (json_node_alloc (), self->token == SM_JSON_TOKEN_TRUE);

    case SM_JSON_TOKEN_NULL:
      return json_node_init_null (json_node_alloc ());

    case SM_JSON_TOKEN_BEGIN_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (;;)
          {
            SmJsonToken token = sm_json_reader_next (self, error);
            const char *name;
            JsonNode *member;

            if (token == SM_JSON_TOKEN_END_OBJECT)
              break;
            if (token != SM_JSON_TOKEN_MEMBER)
              return NULL;

            name = self->string;
            if (sm_json_reader_next (self, error) == SM_JSON_TOKEN_ERROR ||
                !(member = sm_json_reader_read_node (self, error)))
              return NULL;
            json_object_set_member (object, name, member);
          }

        return json_node_init_object (json_node_alloc (), object);
      }

    case SM_JSON_TOKEN_BEGIN_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        for (;;)
          {
            SmJsonToken token = sm_json_reader_next (self, error);
            JsonNode *element;

            if (token == SM_JSON_TOKEN_END_ARRAY)
              break;
            if (token == SM_JSON_TOKEN_ERROR || !(element = sm_json_reader_read_node (self, error)))
              return NULL;
            json_array_add_element (array, element);
          }

        return json_node_init_array (json_node_alloc (), array);
      }

    case SM_JSON_TOKEN_ERROR:
      sm_json_reader_next (self, error);
      return NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sm_json_read:
 * @data: JSON text, valid UTF-8 (sm_text_check_utf8())
 * @length: its length in bytes
 *
 * Reads the one value of @data into a tree, for files small enough that a
 * tree is the simplest way to look at them (a project file, a record of
 * JSON Lines). Errors are those of SmJsonReader, "LINE:COLUMN: ...", and
 * %SM_DOCUMENT_ERROR_SYNTAX for a text with no value at all.
 *
 * Returns: (transfer full) (nullable): the value
 */
JsonNode *
sm_json_read (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(SmJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  SmJsonToken token;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader = sm_json_reader_new (data, length);
  token = sm_json_reader_next (reader, error);
  if (token == SM_JSON_TOKEN_ERROR)
    return NULL;

  if (token == SM_JSON_TOKEN_END)
    {
      g_set_error_literal (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_SYNTAX,
                           _("there is no JSON value in the file"));
      return NULL;
    }

  if (!(root = sm_json_reader_read_node (reader, error)) ||
      sm_json_reader_next (reader, error) != SM_JSON_TOKEN_END)
    return NULL;

  return g_steal_pointer (&root);
}
