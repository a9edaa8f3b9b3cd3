/* sm-text.c: an article's text, validated, with fast code point <-> byte offsets.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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
  /* checkpoints[i] is the byte offset of code point i * STRIDE */
  gsize           *checkpoints;
  guint            n_checkpoints;
};

G_DEFINE_BOXED_TYPE (SmText, sm_text, sm_text_ref, sm_text_unref)
G_DEFINE_QUARK (sm-text-error-quark, sm_text_error)

static void
line_and_column (const char *data,
                 gsize       byte_offset,
                 guint      *line,
                 guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < data + byte_offset; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }

  /* Bytes before the bad one on its line are valid UTF-8, so count characters */
  *column = (guint) g_utf8_strlen (line_start, data + byte_offset - line_start) + 1;
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
          line_and_column (data, offset, &line, &column);
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

      line_and_column (data, offset, &line, &column);
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
  g_autoptr(GChecksum) checksum = NULL;
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

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) self->utf8, n_bytes);
  self->sha256 = g_strdup (g_checksum_get_string (checksum));

  /* n_bytes / STRIDE + 1 is enough: every code point is at least one byte */
  self->checkpoints = g_new (gsize, n_bytes / STRIDE + 1);
  for (p = self->utf8; p < self->utf8 + n_bytes; p = g_utf8_next_char (p), offset++)
    {
      if (offset % STRIDE == 0)
        self->checkpoints[self->n_checkpoints++] = p - self->utf8;
    }
  self->length = offset;

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
