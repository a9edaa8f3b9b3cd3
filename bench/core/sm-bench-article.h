/* sm-bench-article.h: synthetic news articles with annotations, for benchmarks.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint32  seed;      /* the same seed gives the same document */
  gsize    n_bytes;   /* the text's size in UTF-8 bytes, roughly (a little over) */
  guint    n_spans;   /* exactly this many spans, if the text has room */
  gboolean crlf;      /* paragraphs end in CR LF, as in files from Windows */
} SmBenchArticle;

SmText     *sm_bench_article_new_text     (const SmBenchArticle *article);
SmDocument *sm_bench_article_new_document (const SmBenchArticle *article,
                                           const char           *name);

G_END_DECLS
