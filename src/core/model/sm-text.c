/* sm-text.c: an article's text, validated, with fast code point <-> byte offsets.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#if defined (__x86_64__) && (defined (__GNUC__) || defined (__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHA_NI 1
#endif

#include "sm-text.h"

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

/* SHA-256 (FIPS 180-4) of an article's text, which every load of a
 * Spanmark file checks. GLib's portable code takes some 50 instructions a
 * byte; processors with the SHA extensions (x86-64 since about 2017) do
 * it in a few, so they do it here, and every other one goes through GLib. */

#ifdef HAVE_SHA_NI

static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
have_sha_ni (void)
{
  static gsize checked = 0;
  static gboolean have = FALSE;

  if (g_once_init_enter (&checked))
    {
      guint a, b, c, d;

      /* SHA (leaf 7, EBX bit 29), SSSE3 and SSE4.1 (leaf 1, ECX bits 9 and 19) */
      if (__get_cpuid (1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)) &&
          __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & (1u << 29)))
        have = TRUE;
      g_once_init_leave (&checked, 1);
    }

  return have;
}

/* @n_blocks blocks of 64 bytes into @state (A to H). The instructions keep
 * the state as two vectors, ABEF and CDGH (highest lane first), and do two
 * rounds at a time. */
__attribute__ ((target ("sha,ssse3,sse4.1")))
static void
sha256_blocks (guint32      state[8],
               const guchar *data,
               gsize         n_blocks)
{
  const __m128i big_endian = _mm_set_epi64x (0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i abef, cdgh, dcba, hgfe;

  dcba = _mm_loadu_si128 ((const __m128i *) &state[0]);
  hgfe = _mm_loadu_si128 ((const __m128i *) &state[4]);
  dcba = _mm_shuffle_epi32 (dcba, 0xB1);                 /* CDAB */
  hgfe = _mm_shuffle_epi32 (hgfe, 0x1B);                 /* EFGH */
  abef = _mm_alignr_epi8 (dcba, hgfe, 8);
  cdgh = _mm_blend_epi16 (hgfe, dcba, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef_before = abef;
      __m128i cdgh_before = cdgh;
      __m128i w[4];

      for (guint i = 0; i < 16; i++)
        {
          __m128i sum;

          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), big_endian);
          else
            {
              /* W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four at a time */
              __m128i partial = _mm_sha256msg1_epu32 (w[i & 3], w[(i + 1) & 3]);

              partial = _mm_add_epi32 (partial, _mm_alignr_epi8 (w[(i + 3) & 3], w[(i + 2) & 3], 4));
              w[i & 3] = _mm_sha256msg2_epu32 (partial, w[(i + 3) & 3]);
            }

          sum = _mm_add_epi32 (w[i & 3], _mm_loadu_si128 ((const __m128i *) &sha256_k[4 * i]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, sum);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (sum, 0x0E));
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  abef = _mm_shuffle_epi32 (abef, 0x1B);                 /* FEBA */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);                 /* DCHG */
  dcba = _mm_blend_epi16 (abef, cdgh, 0xF0);
  hgfe = _mm_alignr_epi8 (cdgh, abef, 8);
  _mm_storeu_si128 ((__m128i *) &state[0], dcba);
  _mm_storeu_si128 ((__m128i *) &state[4], hgfe);
}

static char *
sha256_hex (const char *data,
            gsize       length)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0 };
  gsize n_full = length / 64;
  gsize rest = length % 64;
  gsize tail_length = rest < 56 ? 64 : 128;
  guint64 bits = (guint64) length * 8;
  char *hex = g_malloc (65);

  sha256_blocks (state, (const guchar *) data, n_full);

  /* The last bytes, a 1 bit, zeros, and the length in bits */
  memcpy (tail, data + n_full * 64, rest);
  tail[rest] = 0x80;
  for (guint i = 0; i < 8; i++)
    tail[tail_length - 1 - i] = (guchar) (bits >> (8 * i));
  sha256_blocks (state, tail, tail_length / 64);

  for (guint i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);

  return hex;
}

#endif

static char *
compute_sha256 (const char *data,
                gsize       length)
{
#ifdef HAVE_SHA_NI
  if (have_sha_ni ())
    return sha256_hex (data, length);
#endif

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
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
  SmText *self;
  gsize n_bytes;
  guint offset = 0;
  const char *p;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  n_bytes = length < 0 ? strlen (data) : (gsize) length;

  if (n_bytes >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n_bytes -= 3;
    }

  if (!sm_text_check_utf8 (data, n_bytes, error))
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

  self->sha256 = compute_sha256 (self->utf8, n_bytes);

  /* n_bytes / STRIDE + 1 is enough: every code point is at least one byte */
  self->checkpoints = g_new (guint32, n_bytes / STRIDE + 1);
  for (p = self->utf8; p < self->utf8 + n_bytes; p = g_utf8_next_char (p), offset++)
    {
      if (offset % STRIDE == 0)
        self->checkpoints[self->n_checkpoints++] = (guint32) (p - self->utf8);
    }
  self->length = offset;
  /* Sized for a text of one byte a character; give back what more
   * characters of several bytes left unused */
  self->checkpoints = g_renew (guint32, self->checkpoints, MAX (self->n_checkpoints, 1));

  return self;
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
  const char *p;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  if (offset == self->length)
    return self->n_bytes;

  p = self->utf8 + self->checkpoints[offset / STRIDE];
  for (guint i = offset % STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

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
