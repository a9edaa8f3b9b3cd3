/* datasets-fixtures.h: documents and files the dataset tests share.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-corpus.h"
#include "sm-document.h"
#include "sm-export.h"
#include "sm-import.h"
#include "temp-folder.h"

G_BEGIN_DECLS

/* The text of fixture_unicode_document(): emoji (a skin tone, a flag, a
 * family joined by ZWJ), a combining mark, Arabic and Persian (right to
 * left, Persian digits, a zero-width non-joiner) and CR LF line ends */
#define FIXTURE_FRAGMENTS_TEXT \
  "\xE2\x80\x9CWe have come to know our true friends,\xE2\x80\x9D Lukashenko said, \xE2\x80\x9C" \
  "and we are determined to trade $100 million with them.\xE2\x80\x9D\r\n" \
  "Raisi said: Trade, he said, grew 5%\r\nlast year and will grow.\r\n"

#define FIXTURE_UNICODE_TEXT \
  "Raisi said: \xE2\x80\x9CTrade grew \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD by 5 per cent.\xE2\x80\x9D\r\n" \
  "Cafe\xCC\x81 owners in Z\xC3\xBCrich \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 said " \
  "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 families paid $100.\r\n" \
  "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB " \
  "\xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84\xD8\xB5\xD8\xA7\xD8\xAF\xD8\xB1\xD8\xA7\xD8\xAA " \
  "\xD8\xA7\xD8\xB1\xD8\xAA\xD9\x81\xD8\xB9\xD8\xAA 12 \xD9\x81\xD9\x8A " \
  "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA6\xD8\xA9.\r\n" \
  "\xD9\x88\xD8\xB2\xDB\x8C\xD8\xB1 \xDA\xAF\xD9\x81\xD8\xAA \xDA\xA9\xD9\x87 " \
  "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD8\xAF " \
  "\xDB\xB5\xDB\xB1\xDB\xB0 \xD9\x87\xD8\xB2\xD8\xA7\xD8\xB1 \xD8\xA8\xD8\xB4\xDA\xA9\xD9\x87.\r\n"

/* Each test's own folder, removed after it */
typedef struct
{
  char *dir;
} Fixture;

void         fixture_set_up                  (Fixture       *fixture,
                                              gconstpointer  data);
void         fixture_tear_down               (Fixture       *fixture,
                                              gconstpointer  data);
char        *fixture_path                    (Fixture     *fixture,
                                              const char  *name);
void         fixture_assert_messages         (GPtrArray          *messages,
                                              const char * const *expected);
char        *fixture_read                    (const char  *path,
                                              gsize       *length);
void         fixture_write                   (const char  *path,
                                              const char  *contents,
                                              gssize       length);
char        *fixture_data_path               (const char  *first,
                                              ...) G_GNUC_NULL_TERMINATED;
SmDocument  *fixture_new_document            (const char  *name,
                                              const char  *text);
SmSpan      *fixture_tag                     (SmDocument  *document,
                                              const char  *label,
                                              const char  *needle,
                                              guint        nth);
void         fixture_said_by                 (SmDocument  *document,
                                              SmSpan      *claim,
                                              SmSpan      *speaker);
SmDocument  *fixture_sample_document         (void);
SmDocument  *fixture_unicode_document        (void);
SmDocument  *fixture_small_document          (void);
SmSpan      *fixture_tag_fragments           (SmDocument  *document,
                                              const char  *label,
                                              const char  *needle,
                                              ...) G_GNUC_NULL_TERMINATED;
SmDocument  *fixture_fragments_document      (void);
char        *fixture_describe                (SmDocument  *document,
                                              gboolean     with_ids);
void         fixture_assert_same             (SmDocument  *expected,
                                              SmDocument  *actual,
                                              gboolean     with_ids);
GPtrArray   *fixture_strings                 (void);
char        *fixture_export                  (SmExportFormat  format,
                                              SmDocument     *document,
                                              const char * const *labels,
                                              GPtrArray      *warnings);
void         fixture_save                    (SmDocument  *document,
                                              const char  *path);
SmDocument  *fixture_load                    (const char  *path);

G_END_DECLS
