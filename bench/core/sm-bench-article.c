/* sm-bench-article.c: synthetic news articles with annotations, for benchmarks.
 *
 * The text reads like wire copy about trade and sanctions: paragraphs of
 * quoted and reported claims, their speakers, and figures inside the
 * claims, mixed with background sentences. It has what real articles
 * bring: accented names, curly quotes, emoji (flags, skin tones, ZWJ
 * sequences), combining accents, Persian and Arabic phrases with their
 * joiners, and optionally CR LF line ends. Spans are placed on what a
 * person would tag: SPEAKER on a name, CLAIM on what they said, FIGURE on
 * a number inside the claim (so spans nest), with a said_by relation
 * from each claim to its speaker.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-bench-article.h"

typedef struct
{
  guint start;
  guint end;
} Range;

/* One sentence's annotations: a speaker, a claim, maybe a figure in it */
typedef struct
{
  Range    speaker;
  Range    claim;
  Range    figure;
  gboolean has_figure;
} Unit;

typedef struct
{
  GString *text;
  guint    length;  /* in code points */
  GRand   *rand;
} Builder;

static const char * const speakers[] = {
  "Ebrahim Raisi", "Alexander Lukashenko", "José Ramírez", "Łukasz Wójcik",
  "Zoë Müller", "Ngozi Okonjo-Iweala", "François Lefèvre", "Søren Kierkegaard Jensen",
  "محمد جواد ظریف", "Ahmed Al-Sayed", "Chloé Dubois", "Mehmet Öztürk",
  "Björn Ólafsson", "Ana Sofía Peña", "Jürgen Weiß", "the minister",
  "a spokesperson for the ministry", "Oleksandra Kovalenko", "Tomás Ó Briain",
  "Nguyễn Thị Lan",
};

static const char * const roles[] = {
  "the foreign minister", "the trade envoy", "an economist at the central bank",
  "the head of the chamber of commerce", "a senior official", "the president",
  "a member of parliament", "the ambassador in Minsk",
};

static const char * const cities[] = {
  "Minsk", "Tehran", "Brussels", "Zürich", "São Paulo", "Kraków", "İstanbul",
  "Reykjavík", "Ciudad de México", "Genève",
};

static const char * const commodities[] = {
  "potash", "crude oil", "wheat", "fertiliser", "steel", "café", "saffron", "tractors",
};

/* Our own phrases, with the zero-width non-joiner Persian spells with */
static const char * const foreign_phrases[] = {
  "تحریم‌های جدید",
  "قال المتحدث باسم الوزارة",
  "همکاری‌های اقتصادی",
  "السوق المشتركة",
  "می‌خواهیم تجارت را دو برابر کنیم",
};

static const char * const decorations[] = {
  "🇮🇷", "🇧🇾", "📈", "👍🏽", "👨‍👩‍👧", "🤝", "⚠️", "🇪🇺",
};

static const char * const fillers[] = {
  "The talks took place behind closed doors and lasted well into the evening.",
  "Both delegations declined to answer questions from journalists afterwards.",
  "Analysts were divided on what the agreement would mean in practice.",
  "The announcement came a week after a new round of sanctions was imposed.",
  "Markets barely moved on the news, which had been widely expected.",
  "Officials said the details would be published on the ministry’s website.",
  "Critics called the deal a publicity stunt; supporters called it overdue.",
  "The résumé of the negotiators’ previous meetings was not made public.",
};

static void
append (Builder    *builder,
        const char *string)
{
  g_string_append (builder->text, string);
  builder->length += g_utf8_strlen (string, -1);
}

static void G_GNUC_PRINTF (2, 3)
appendf (Builder    *builder,
         const char *format,
         ...)
{
  g_autofree char *string = NULL;
  va_list args;

  va_start (args, format);
  string = g_strdup_vprintf (format, args);
  va_end (args);

  append (builder, string);
}

static const char *
pick (Builder            *builder,
      const char * const *strings,
      guint               n_strings)
{
  return strings[g_rand_int_range (builder->rand, 0, n_strings)];
}

#define PICK(builder, array) pick ((builder), (array), G_N_ELEMENTS (array))

/* Appends a figure and returns its range */
static Range
append_figure (Builder *builder)
{
  Range range;

  range.start = builder->length;
  switch (g_rand_int_range (builder->rand, 0, 6))
    {
    case 0:
      appendf (builder, "$%d.%d million", g_rand_int_range (builder->rand, 1, 999),
               g_rand_int_range (builder->rand, 0, 9));
      break;
    case 1:
      appendf (builder, "%d%%", g_rand_int_range (builder->rand, 1, 100));
      break;
    case 2:
      appendf (builder, "%d,%03d tonnes", g_rand_int_range (builder->rand, 1, 99),
               g_rand_int_range (builder->rand, 0, 999));
      break;
    case 3:
      appendf (builder, "€%d billion", g_rand_int_range (builder->rand, 1, 40));
      break;
    case 4:
      /* Persian digits */
      append (builder, "۱۵ درصد");
      break;
    default:
      appendf (builder, "%d times", g_rand_int_range (builder->rand, 2, 12));
      break;
    }
  range.end = builder->length;

  return range;
}

/* Sentences start with a capital; every phrase here starts with ASCII */
static void
capitalize_from (Builder *builder,
                 gsize    byte_offset)
{
  builder->text->str[byte_offset] = g_ascii_toupper (builder->text->str[byte_offset]);
}

/* Appends what someone claims, with or without a figure */
static void
append_claim (Builder  *builder,
              Unit     *unit,
              gboolean  capital)
{
  gsize byte_offset = builder->text->len;

  unit->claim.start = builder->length;
  unit->has_figure = TRUE;

  switch (g_rand_int_range (builder->rand, 0, 5))
    {
    case 0:
      append (builder, "trade between our countries will reach ");
      unit->figure = append_figure (builder);
      appendf (builder, " by %d", g_rand_int_range (builder->rand, 2025, 2031));
      break;
    case 1:
      appendf (builder, "exports of %s grew by ", PICK (builder, commodities));
      unit->figure = append_figure (builder);
      append (builder, " last year");
      break;
    case 2:
      append (builder, "the sanctions have cost the economy ");
      unit->figure = append_figure (builder);
      break;
    case 3:
      appendf (builder, "the new route through %s cuts delivery times ", PICK (builder, cities));
      unit->figure = append_figure (builder);
      break;
    default:
      append (builder, "sanctions will not stop our cooperation");
      unit->has_figure = FALSE;
      break;
    }

  unit->claim.end = builder->length;
  if (capital)
    capitalize_from (builder, byte_offset);
}

static void
append_speaker (Builder  *builder,
                Unit     *unit,
                gboolean  capital)
{
  gsize byte_offset = builder->text->len;

  unit->speaker.start = builder->length;
  append (builder, PICK (builder, speakers));
  unit->speaker.end = builder->length;
  if (capital)
    capitalize_from (builder, byte_offset);
}

/* One sentence; returns whether it carries a claim */
static gboolean
append_sentence (Builder *builder,
                 Unit    *unit)
{
  switch (g_rand_int_range (builder->rand, 0, 8))
    {
    case 0:
    case 1:
      append_speaker (builder, unit, TRUE);
      append (builder, " said: “");
      append_claim (builder, unit, TRUE);
      append (builder, ".”");
      return TRUE;
    case 2:
    case 3:
      append (builder, "“");
      append_claim (builder, unit, TRUE);
      append (builder, ",” ");
      append_speaker (builder, unit, FALSE);
      appendf (builder, ", %s, told reporters in %s.", PICK (builder, roles), PICK (builder, cities));
      return TRUE;
    case 4:
      append (builder, "According to ");
      append_speaker (builder, unit, FALSE);
      append (builder, ", ");
      append_claim (builder, unit, FALSE);
      append (builder, ".");
      return TRUE;
    case 5:
      appendf (builder, "In %s the phrase “%s” was on every front page %s.",
               PICK (builder, cities), PICK (builder, foreign_phrases), PICK (builder, decorations));
      return FALSE;
    case 6:
      /* "é" as e + combining acute, as some editors write it */
      append (builder, "The cafe\xCC\x81 near the ministry was full of delegates. ");
      append (builder, PICK (builder, fillers));
      return FALSE;
    default:
      append (builder, PICK (builder, fillers));
      return FALSE;
    }
}

static void
build (const SmBenchArticle *article,
       GString              *text,
       GArray               *units)
{
  Builder builder = { text, 0, g_rand_new_with_seed (article->seed) };
  const char *paragraph_end = article->crlf ? "\r\n\r\n" : "\n\n";

  while (text->len < article->n_bytes)
    {
      guint n_sentences = g_rand_int_range (builder.rand, 2, 7);

      for (guint i = 0; i < n_sentences; i++)
        {
          Unit unit = { { 0, 0 }, { 0, 0 }, { 0, 0 }, FALSE };

          if (i > 0)
            append (&builder, " ");
          if (append_sentence (&builder, &unit) && units != NULL)
            g_array_append_val (units, unit);
        }
      append (&builder, paragraph_end);
    }

  g_rand_free (builder.rand);
}

/**
 * sm_bench_article_new_text:
 *
 * Returns: (transfer full): the article's text alone
 */
SmText *
sm_bench_article_new_text (const SmBenchArticle *article)
{
  g_autoptr(GString) text = g_string_sized_new (article->n_bytes + 256);

  build (article, text, NULL);

  return sm_text_new (text->str, text->len, NULL);
}

static guint
unit_size (const Unit *unit)
{
  return unit->has_figure ? 3 : 2;
}

/* Adds @unit's spans while fewer than @n_spans are there: the speaker and
 * the claim with a relation between them, then the figure */
static void
add_unit (SmDocument *document,
          const Unit *unit,
          guint       n_spans)
{
  SmSpan *speaker = NULL;
  SmSpan *claim = NULL;

  if (sm_document_get_n_spans (document) < n_spans)
    speaker = sm_document_add_span (document, SM_LABEL_SPEAKER,
                                    unit->speaker.start, unit->speaker.end, NULL);
  if (sm_document_get_n_spans (document) < n_spans)
    claim = sm_document_add_span (document, SM_LABEL_CLAIM,
                                  unit->claim.start, unit->claim.end, NULL);
  if (speaker != NULL && claim != NULL)
    sm_document_set_speaker (document, claim, speaker, NULL);
  if (unit->has_figure && sm_document_get_n_spans (document) < n_spans)
    sm_document_add_span (document, SM_LABEL_FIGURE,
                          unit->figure.start, unit->figure.end, NULL);
}

/**
 * sm_bench_article_new_document:
 *
 * Returns: (transfer full): the article with @article->n_spans spans spread
 *   evenly over it (fewer if the text has too few claims for them), saved
 *   as nothing yet and with one undo step that made them all
 */
SmDocument *
sm_bench_article_new_document (const SmBenchArticle *article,
                               const char           *name)
{
  g_autoptr(GString) string = g_string_sized_new (article->n_bytes + 256);
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr(GArray) taken = NULL;
  g_autoptr(SmText) text = NULL;
  SmDocument *document;
  guint n_candidates = 0;
  gdouble quota = 0;
  gdouble ratio;

  build (article, string, units);
  text = sm_text_new (string->str, string->len, NULL);
  document = sm_document_new (text, name);

  for (guint i = 0; i < units->len; i++)
    n_candidates += unit_size (&g_array_index (units, Unit, i));
  ratio = n_candidates > 0 ? MIN (1.0, (gdouble) article->n_spans / n_candidates) : 0;

  /* Whole units, spread evenly over the text; then fill up what rounding left */
  taken = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), units->len);
  g_array_set_size (taken, units->len);

  sm_document_begin_user_action (document);
  for (guint i = 0; i < units->len; i++)
    {
      const Unit *unit = &g_array_index (units, Unit, i);

      quota += ratio * unit_size (unit);
      if (sm_document_get_n_spans (document) + unit_size (unit) <= quota + 0.5)
        {
          add_unit (document, unit, article->n_spans);
          g_array_index (taken, gboolean, i) = TRUE;
        }
    }
  for (guint i = 0; i < units->len && sm_document_get_n_spans (document) < article->n_spans; i++)
    {
      if (!g_array_index (taken, gboolean, i))
        add_unit (document, &g_array_index (units, Unit, i), article->n_spans);
    }
  sm_document_end_user_action (document);

  return document;
}
