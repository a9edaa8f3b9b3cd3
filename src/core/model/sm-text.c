/* sm-text.c: an article's text, validated, with fast code point <-> byte offsets.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "sm-text.h"
#include "sm-text-private.h"

/* One checkpoint every STRIDE code points: converting an offset walks at
 * most STRIDE - 1 characters from the nearest checkpoint. */
#define STRIDE 64

struct _SmText
{
  gatomicrefcount  ref_count;
  char            *utf8;
  gsize            n_bytes;
  guint            length;
  char            *sha256;
  /* checkpoints[i] is the byte offset of code point i * STRIDE; 32 bits
   * are enough, as a text is less than 4 GB */
  guint32         *checkpoints;
  guint            n_checkpoints;
};

G_DEFINE_BOXED_TYPE (SmText, sm_text, sm_text_ref, sm_text_unref)
G_DEFINE_QUARK (sm-text-error-quark, sm_text_error)

/**
 * sm_text_locate:
 * @data: text, valid UTF-8 up to @byte_offset
 * @byte_offset: a place in @data
 * @line: (out): its line, from 1
 * @column: (out): the column of the character at @byte_offset, from 1,
 *   counted in characters
 *
 * Where every message about a place in a file says it is ("LINE:COLUMN:
 * ..."): the line as editors number it, and the column in characters, so
 * that text that is not ASCII before it does not shift it.
 */
void
sm_text_locate (const char *data,
                gsize       byte_offset,
                guint      *line,
                guint      *column)
{
  const char *line_start = data;

  g_return_if_fail (data != NULL || byte_offset == 0);

  *line = 1;
  for (const char *p = data; p < data + byte_offset; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }

  *column = (guint) g_utf8_strlen (line_start, data + byte_offset - line_start) + 1;
}

/* SHA-256 of an article's text, which every load of a Spanmark file
 * checks: nettle's, which on x86-64 and ARMv8 picks the processor's SHA
 * instructions at run time where they exist (its "fat" build, Debian's and
 * the GNOME runtime's), some ten times faster than GLib's portable
 * GChecksum. The bench of the machine's ceilings times it too. */
char *
_sm_text_compute_sha256 (const char *data,
                         gsize       length)
{
  static const char hex_digits[] = "0123456789abcdef";
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&context);
  sha256_update (&context, length, (const guint8 *) data);
  sha256_digest (&context, SHA256_DIGEST_SIZE, digest);

  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = hex_digits[digest[i] >> 4];
      hex[2 * i + 1] = hex_digits[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';

  return hex;
}

/* Whether @data has no NUL byte and is valid UTF-8, found quickly where
 * it is: eight ASCII bytes at a time, and each run of other bytes checked
 * by g_utf8_validate_len() on its own (a character of several bytes has no
 * ASCII byte in it, so a run of them is valid on its own or not at all).
 * %FALSE says only that sm_text_check_utf8() must look closer. Files are
 * mostly ASCII: g_utf8_validate() and memchr() byte by byte over all of
 * them were 3.5 % of exporting a corpus. */
static gboolean
is_plain_utf8 (const char *data,
               gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (p < end)
    {
      const guchar *run;

      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          /* No byte with its top bit set, and none zero */
          if (((word | ((word - ones) & ~word)) & highs) == 0)
            {
              p += 8;
              continue;
            }
        }

      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        {
          p++;
          continue;
        }

      for (run = p; p < end && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len ((const char *) run, p - run, NULL))
        return FALSE;
    }

  return TRUE;
}

/**
 * sm_text_check_utf8:
 * @data: bytes read from a file
 * @length: their length
 * @error: where to say what is wrong
 *
 * Checks that @data is text a person could annotate: not empty, no NUL byte
 * (a sign of a binary file or of UTF-16), and valid UTF-8. Errors give the
 * line, the column and the byte offset of the first problem as "LINE:COL: ...".
 */
gboolean
sm_text_check_utf8 (const char  *data,
                    gsize        length,
                    GError     **error)
{
  const char *nul;
  const char *end = NULL;
  guint line, column;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0)
    {
      g_set_error_literal (error, SM_TEXT_ERROR, SM_TEXT_ERROR_EMPTY,
                           _("the file is empty: there is no text to annotate"));
      return FALSE;
    }

  if (is_plain_utf8 (data, length))
    return TRUE;

  if ((nul = memchr (data, '\0', length)) != NULL)
    {
      gsize offset = nul - data;

      /* Report the position only if what precedes the NUL is text */
      if (g_utf8_validate (data, offset, NULL))
        {
          sm_text_locate (data, offset, &line, &column);
          g_set_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_BINARY,
                       _("%u:%u: this is not a text file: it contains a NUL byte at byte offset %lu"
                         " (a binary file, or text in UTF-16)"),
                       line, column, (gulong) offset);
        }
      else
        g_set_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_BINARY,
                     _("this is not a text file: it contains a NUL byte at byte offset %lu"
                       " (a binary file, or text in UTF-16)"), (gulong) offset);
      return FALSE;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      gsize offset = end - data;

      sm_text_locate (data, offset, &line, &column);
      g_set_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_ENCODING,
                   _("%u:%u: not valid UTF-8: byte 0x%02X at byte offset %lu"
                     " cannot start or continue a character. The file is probably in another"
                     " encoding (such as Latin-1 or Windows-1252); convert it to UTF-8 first,"
                     " for example with: iconv -f WINDOWS-1252 -t UTF-8"),
                   line, column, (guchar) data[offset], (gulong) offset);
      return FALSE;
    }

  return TRUE;
}

/* Counts the code points and notes where every STRIDE-th starts: a code
 * point starts at every byte but the continuation bytes (10xxxxxx). Eight
 * bytes are counted at once, with no branch a byte, wherever no checkpoint
 * can fall among them; loading a text is where this counts. */
static void
find_checkpoints (SmText *self)
{
  const guchar *data = (const guchar *) self->utf8;
  gsize n_bytes = self->n_bytes;
  gsize i = 0;
  guint count = 0;

  /* n_bytes / STRIDE + 1 is enough: every code point is at least one byte */
  self->checkpoints = g_new (guint32, n_bytes / STRIDE + 1);

  while (i < n_bytes)
    {
      guint in_stride = count % STRIDE;

      if (in_stride != 0 && in_stride + 8 <= STRIDE && n_bytes - i >= 8)
        {
          guint64 word;
          guint64 continuation;

          memcpy (&word, data + i, 8);
          /* Bit 7 of each byte whose bit 7 is set and bit 6 is not */
          continuation = word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080);
          /* Their number: a 0 or 1 a byte, summed into the top byte by
           * one multiplication (__builtin_popcountll is a call into
           * libgcc where the baseline x86-64 has no POPCNT) */
          count += 8 - (guint) (((continuation >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
          i += 8;
        }
      else
        {
          if ((data[i] & 0xC0) != 0x80)
            {
              if (in_stride == 0)
                self->checkpoints[self->n_checkpoints++] = (guint32) i;
              count++;
            }
          i++;
        }
    }

  self->length = count;
  /* Sized for a text of one byte a character; give back what characters
   * of several bytes left unused */
  self->checkpoints = g_renew (guint32, self->checkpoints, MAX (self->n_checkpoints, 1));
}

static SmText *
text_new (const char  *data,
          gssize       length,
          gboolean     check,
          GError     **error)
{
  SmText *self;
  gsize n_bytes;

  n_bytes = length < 0 ? strlen (data) : (gsize) length;

  if (n_bytes >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n_bytes -= 3;
    }

  /* Without the check, an empty text is still told as the check tells it */
  if ((check || n_bytes == 0) && !sm_text_check_utf8 (data, n_bytes, error))
    return NULL;

  if (n_bytes >= G_MAXUINT)
    {
      g_set_error (error, SM_TEXT_ERROR, SM_TEXT_ERROR_BINARY,
                   _("the text is too large (%lu bytes); the limit is 4 GB"),
                   (gulong) n_bytes);
      return NULL;
    }

  self = g_new0 (SmText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->utf8 = g_strndup (data, n_bytes);
  self->n_bytes = n_bytes;

  self->sha256 = _sm_text_compute_sha256 (self->utf8, n_bytes);

  find_checkpoints (self);

  return self;
}

/**
 * sm_text_new:
 * @data: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: where to say what is wrong
 *
 * Validates @data (see sm_text_check_utf8()) and keeps a copy. A leading
 * byte order mark is dropped; every other character, CR LF included, is kept.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 */
SmText *
sm_text_new (const char  *data,
             gssize       length,
             GError     **error)
{
  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  return text_new (data, length, TRUE, error);
}

/**
 * _sm_text_new_valid:
 * @data: text already known to be valid UTF-8 with no NUL, such as a
 *   string the JSON reader decoded from a file sm_format_parse() checked
 *
 * As sm_text_new(), without checking again what the caller has: a
 * Spanmark file's text was checked with the whole file. An empty text is
 * still refused.
 */
SmText *
_sm_text_new_valid (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  return text_new (data, length, FALSE, error);
}

SmText *
sm_text_ref (SmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sm_text_unref (SmText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->utf8);
      g_free (self->sha256);
      g_free (self->checkpoints);
      g_free (self);
    }
}

const char *
sm_text_get_utf8 (SmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->utf8;
}

gsize
sm_text_get_n_bytes (SmText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bytes;
}

/**
 * sm_text_get_length:
 *
 * Returns: the number of Unicode code points in the text
 */
guint
sm_text_get_length (SmText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

/**
 * sm_text_get_sha256:
 *
 * Returns: the SHA-256 of the text's UTF-8 bytes, in lower-case hex
 */
const char *
sm_text_get_sha256 (SmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sha256;
}

/**
 * sm_text_get_byte_offset:
 * @offset: a code point offset, at most the text's length
 *
 * Returns: the byte offset where code point @offset starts
 */
gsize
sm_text_get_byte_offset (SmText *self,
                         guint   offset)
{
  const char *p, *end;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  if (offset == self->length)
    return self->n_bytes;

  p = self->utf8 + self->checkpoints[offset / STRIDE];
  end = self->utf8 + self->n_bytes;
  for (guint i = offset % STRIDE; i > 0;)
    {
      guint64 word;

      /* Eight ASCII characters at once: checking a span's text looks up
       * both its ends, for each span of each file read */
      if (i >= 8 && end - p >= 8)
        {
          memcpy (&word, p, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              i -= 8;
              continue;
            }
        }

      p = g_utf8_next_char (p);
      i--;
    }

  return p - self->utf8;
}

/**
 * sm_text_get_char_offset:
 * @byte_offset: a byte offset at a character boundary, at most the byte length
 *
 * Returns: the code point offset of the character starting at @byte_offset
 */
guint
sm_text_get_char_offset (SmText *self,
                         gsize   byte_offset)
{
  guint lo, hi;
  const char *p;
  guint offset;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (byte_offset <= self->n_bytes, self->length);

  if (byte_offset == self->n_bytes)
    return self->length;

  /* The last checkpoint at or before byte_offset */
  lo = 0;
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->checkpoints[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  offset = lo * STRIDE;
  for (p = self->utf8 + self->checkpoints[lo]; p < self->utf8 + byte_offset; p = g_utf8_next_char (p))
    offset++;

  return offset;
}

/**
 * sm_text_dup_slice:
 * @start: first code point
 * @end: code point after the last, at least @start
 *
 * Returns: (transfer full): the text of [@start, @end)
 */
char *
sm_text_dup_slice (SmText *self,
                   guint   start,
                   guint   end)
{
  gsize start_byte, end_byte;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  start_byte = sm_text_get_byte_offset (self, start);
  end_byte = sm_text_get_byte_offset (self, end);

  return g_strndup (self->utf8 + start_byte, end_byte - start_byte);
}

/**
 * sm_text_dup_slices:
 * @bounds: 2 × @n_slices code point offsets, each slice's start and end
 * @joiner: what goes between two slices
 *
 * Returns: (transfer full): the slices' texts joined by @joiner: the text
 *   of a discontinuous span with %SM_SPAN_FRAGMENT_JOINER
 */
char *
sm_text_dup_slices (SmText      *self,
                    const guint *bounds,
                    guint        n_slices,
                    const char  *joiner)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bounds != NULL || n_slices == 0, NULL);
  g_return_val_if_fail (joiner != NULL, NULL);

  if (n_slices == 1)
    return sm_text_dup_slice (self, bounds[0], bounds[1]);

  out = g_string_new (NULL);
  for (guint i = 0; i < n_slices; i++)
    {
      gsize start_byte, end_byte;

      g_return_val_if_fail (bounds[2 * i] <= bounds[2 * i + 1] &&
                            bounds[2 * i + 1] <= self->length,
                            g_string_free (out, TRUE));

      start_byte = sm_text_get_byte_offset (self, bounds[2 * i]);
      end_byte = sm_text_get_byte_offset (self, bounds[2 * i + 1]);
      if (i > 0)
        g_string_append (out, joiner);
      g_string_append_len (out, self->utf8 + start_byte, end_byte - start_byte);
    }

  return g_string_free (out, FALSE);
}

/**
 * sm_text_slice_equal:
 *
 * Returns: whether the text of [@start, @end) is exactly @expected
 */
gboolean
sm_text_slice_equal (SmText     *self,
                     guint       start,
                     guint       end,
                     const char *expected)
{
  gsize start_byte, end_byte;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start <= end && end <= self->length, FALSE);
  g_return_val_if_fail (expected != NULL, FALSE);

  start_byte = sm_text_get_byte_offset (self, start);
  end_byte = sm_text_get_byte_offset (self, end);

  return strlen (expected) == end_byte - start_byte &&
         memcmp (self->utf8 + start_byte, expected, end_byte - start_byte) == 0;
}

/**
 * sm_text_is_line_break:
 *
 * Whether @c ends a line for Python's str.splitlines(), which is how brat
 * and other Python tools read line-based files: LF, CR, VT, FF, U+001C,
 * U+001D, U+001E, U+0085, U+2028 and U+2029 (CR LF, one line end for
 * Python, is two of them here). What a format writes one record per line
 * must not hold any of them raw.
 */
gboolean
sm_text_is_line_break (gunichar c)
{
  switch (c)
    {
    case '\n': case '\r': case '\v': case '\f':
    case 0x1C: case 0x1D: case 0x1E: case 0x85:
    case 0x2028: case 0x2029:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * sm_text_escape_controls:
 *
 * Returns: (transfer full): @string with control characters written as
 *   JSON escapes ("\u0007"), so that an id or a name from a file can be
 *   shown in a one-line message whatever it contains
 */
char *
sm_text_escape_controls (const char *string)
{
  GString *out = g_string_sized_new (strlen (string));

  for (const char *p = string; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        g_string_append_printf (out, "\\u%04X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
