/* test-figures.c: the figure recognizer on real sentences, and on the
 * numbers it must leave alone.
 *
 * Short excerpts quoted from other projects, as their licences allow:
 * oil news from meisin/Commodity-News-Corpus at 18464582 (MIT); press
 * releases of CENTCOM and the US State Department, and a Wikipedia
 * coordinate line, from dstl/re3d at b061ff06 (US government works,
 * public domain; Wikipedia CC BY-SA 3.0); test inputs of
 * microsoft/Recognizers-Text at 90e968ea, Specs/NumberWithUnit/English
 * (MIT); US presidential debate sentences from
 * utaresearch/claimbuster-spotter at 332bba08 (public domain); a sentence
 * of UD_Persian-Seraji at e53af38f (CC BY-SA 4.0) and one of
 * UD_Arabic-PUD at be733f45 (CC BY-SA 3.0); a Wikinews sentence
 * from christianscheible/qsample at e282028d (CC BY 2.5). The Persian and Arabic
 * sentences without a source were written for this test.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sm-lexicon.h"
#include "sm-suggest-rules.h"
#include "temp-folder.h"

static GArray *
find_figures (SmLexicon  *lexicon,
              SmText     *text)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (SmHit));

  sm_find_figures (text, lexicon, hits);

  return hits;
}

/* Checks that the figures found in @text are, in order, the strings of
 * @expected (NULL-terminated), and that each is a figure with no speaker */
static void
check_figures_with (SmLexicon          *lexicon,
                    const char         *text,
                    const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) article = sm_text_new (text, -1, &error);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *found_joined = NULL;
  g_autofree char *expected_joined = NULL;

  g_assert_no_error (error);
  hits = find_figures (lexicon, article);

  for (guint i = 0; i < hits->len; i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);

      g_assert_cmpint (hit->role, ==, SM_ROLE_FIGURE);
      g_assert_cmpint (hit->said_by, ==, -1);
      g_assert_cmpuint (hit->start, <, hit->end);
      g_ptr_array_add (found, sm_text_dup_slice (article, hit->start, hit->end));
    }
  g_ptr_array_add (found, NULL);

  /* One string each, so a failure shows all that was found */
  found_joined = g_strjoinv (" | ", (char **) found->pdata);
  expected_joined = g_strjoinv (" | ", (char **) expected);
  if (g_strcmp0 (found_joined, expected_joined) != 0)
    g_test_message ("In: %s", text);
  g_assert_cmpstr (found_joined, ==, expected_joined);
}

static void
check_figures (const char         *language,
               const char         *text,
               const char * const *expected)
{
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new (language);

  check_figures_with (lexicon, text, expected);
}

#define FIGURES(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define NONE ((const char * const[]) { NULL })

/* The sample article: exactly the three figures of the gold, and none of
 * "the two countries", "The two presidents", "their two nations" */
static void
test_figures_sample_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmText) article = NULL;
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new ("en");
  g_autoptr(GArray) hits = NULL;
  static const struct { guint start, end; const char *text; } gold[] = {
    { 2432, 2440, "30 years" },
    { 2560, 2576, "eight agreements" },
    { 3411, 3423, "$100 million" },
  };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  article = sm_text_new (contents, -1, &error);
  g_assert_no_error (error);

  hits = find_figures (lexicon, article);

  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (gold));
  for (guint i = 0; i < G_N_ELEMENTS (gold); i++)
    {
      const SmHit *hit = &g_array_index (hits, SmHit, i);

      g_assert_cmpuint (hit->start, ==, gold[i].start);
      g_assert_cmpuint (hit->end, ==, gold[i].end);
      g_assert_true (sm_text_slice_equal (article, hit->start, hit->end, gold[i].text));
    }
}

/* Money and prices in oil news (Commodity-News-Corpus: MONEY, Price_unit) */
static void
test_figures_money (void)
{
  check_figures ("en",
                 "On the New York Mercantile Exchange, light sweet crude futures for delivery in "
                 "June traded down 2.24% at USD87.04 a barrel on Wednesday, off from a session high "
                 "of USD89.36 and up from an earlier session low of USD86.42.",
                 FIGURES ("2.24%", "USD87.04 a barrel", "USD89.36", "USD86.42"));
  check_figures ("en",
                 "In the afternoon of Asian trading hours, international benchmark Brent crude "
                 "futures dropped 13% to $16.82 per barrel.",
                 FIGURES ("13%", "$16.82 per barrel"));
  check_figures ("en",
                 "On Thursday, West Texas Intermediate crude for April delivery fell $4.60, or "
                 "7.1%, to settle at $60 a barrel on the New York Mercantile Exchange",
                 FIGURES ("$4.60", "7.1%", "$60 a barrel"));
  check_figures ("en",
                 "April natural gas declined by 1.9% to $2.48 per million British thermal units.",
                 FIGURES ("1.9%", "$2.48 per million British thermal units"));
  check_figures ("en",
                 "April WTI crude (CL1:COM) dropped 5.8% to $60.85/bbl and May Brent (CO1:COM) "
                 "dropped 5.5% to $64.23/bbl, both hitting at least two-week lows.",
                 FIGURES ("5.8%", "$60.85/bbl", "5.5%", "$64.23/bbl", "two-week"));
  check_figures ("en",
                 "Price of oil falls from US$30 a barrel to $18 on perceptions of overwhelming "
                 "allied military strength.",
                 FIGURES ("US$30 a barrel", "$18"));
  check_figures ("en",
                 "This year, oil prices initially hit 12-year lows of around $26-$27 a barrel.",
                 FIGURES ("12-year", "$26-$27 a barrel"));
  check_figures ("en",
                 "Oil fell more than $1 a barrel on Thursday to a four-year low below $83 a barrel",
                 FIGURES ("$1 a barrel", "four-year", "$83 a barrel"));
  check_figures ("en",
                 "West Texas Intermediate crude settled down 6 cents, or 0.9%, at $52.75 per barrel",
                 FIGURES ("6 cents", "0.9%", "$52.75 per barrel"));
  check_figures ("en",
                 "reducing their overall profit before tax 44 percent to 74 billion dinars ($68 "
                 "million) in the third quarter",
                 FIGURES ("44 percent", "74 billion dinars", "$68 million"));
  /* Hedges are read over but left out, as the gold conventions say */
  check_figures ("en",
                 "The June WTI contract plunged more than 40% on Tuesday while Brent dropped from "
                 "levels above $24 per barrel.",
                 FIGURES ("40%", "$24 per barrel"));
  /* re3d-open, US State Department and CENTCOM */
  check_figures ("en",
                 "the United States will provide nearly $100 million in new assistance to the "
                 "Syrian opposition",
                 FIGURES ("$100 million"));
  check_figures ("en",
                 "This new assistance includes an additional $15 million contribution to the Syria "
                 "Recovery Trust Fund",
                 FIGURES ("$15 million"));
  /* Recognizers-Text CurrencyModel, pre-tokenized as it is there */
  check_figures ("en",
                 "new jersey , for example , was asked to accept $ 300,000 , but refused .",
                 FIGURES ("$ 300,000"));
  check_figures ("en",
                 "The cost is 500 USD, and 115USD or 10 us dollar elsewhere.",
                 FIGURES ("500 USD", "115USD", "10 us dollar"));
  /* ClaimBuster */
  check_figures ("en",
                 "The president of the US was told officially it was a $20-billion problem.",
                 FIGURES ("$20-billion"));
  /* The brief's own: scales written short, and currencies of the region */
  check_figures ("en",
                 "It spent €4.6bn, US$5bn, Rs 300 crore and 1.2 trillion rials.",
                 FIGURES ("€4.6bn", "US$5bn", "Rs 300 crore", "1.2 trillion rials"));
  /* qsample-wikinews: a code run together with a sign */
  check_figures ("en",
                 "the end of a five-year-long US$180 million (CNY¥1.2 billion) construction project",
                 FIGURES ("US$180 million", "CNY¥1.2 billion"));
}

/* Codes of letters count only as written: "all" is not the lek */
static void
test_figures_currency_case (void)
{
  check_figures ("en", "It sold 5 ALL and rs 300 and usd10.", NONE);
  /* Pence run together with the number only */
  check_figures ("en", "A stamp costs 50p, see page 5 p. 12.", FIGURES ("50p"));
}

static void
test_figures_percentages (void)
{
  check_figures ("en",
                 "The IMF earlier said it trimmed its 2013 world economic growth forecast to 3.3%, "
                 "down from a January projection of 3.5%, while the multilateral lending "
                 "institution's 2014 growth forecast fell to 4.0% from 4.1%.",
                 FIGURES ("3.3%", "3.5%", "4.0%", "4.1%"));
  check_figures ("en",
                 "From 1974 to 1975 output fell by 12 per cent, followed by moderate recovery, but "
                 "from 1979 to 1981 there was a reduction of output of no less than 17 per cent.",
                 FIGURES ("12 per cent", "17 per cent"));
  check_figures ("en",
                 "In 1986 alone, primary commodity prices fell sharply by an average of nine per cent.",
                 FIGURES ("nine per cent"));
  check_figures ("en",
                 "But understand, we only have three to four percent of the world's oil reserves "
                 "and we use 25 percent of the world's oil",
                 FIGURES ("three to four percent", "25 percent"));
  check_figures ("en",
                 "Chinese tariffs of between 5% to 10% on a range of U.S. goods",
                 FIGURES ("5% to 10%"));
  check_figures ("en",
                 "Rates rose 7.5 percentage points, or seven percent, between 5 and 7 percent "
                 "a year, and 50 basis points.",
                 FIGURES ("7.5 percentage points", "seven percent", "5 and 7 percent",
                          "50 basis points"));
  check_figures ("en", "net interest income sank 27 % in the quarter", FIGURES ("27 %"));
}

static void
test_figures_quantities (void)
{
  check_figures ("en",
                 "In total, PDVSA exported 675,000 bpd of crude and 245,000 bpd of fuel, versus "
                 "1.28 million to 1.46 million bpd of crude and 200,000 bpd of fuel prior to "
                 "sanctions.",
                 FIGURES ("675,000 bpd", "245,000 bpd", "1.28 million to 1.46 million bpd",
                          "200,000 bpd"));
  check_figures ("en",
                 "Gasoline stockpiles fell by about 300,000 barrels during the week, less than the "
                 "558,000 draw analysts were looking for, while distillates were down 2.4m "
                 "barrels, deeper than the 1.63m barrel decline expected.",
                 FIGURES ("300,000 barrels", "2.4m barrels", "1.63m barrel"));
  check_figures ("en",
                 "Venezuelan oil production was still around 1.7 million barrels per day in December.",
                 FIGURES ("1.7 million barrels per day"));
  check_figures ("en",
                 "prices had tumbled to $1,603.50 a tonne, and fell steadily as stocks rose to a "
                 "record 315,600 tonnes in December.",
                 FIGURES ("$1,603.50 a tonne", "315,600 tonnes"));
  /* re3d-open, CENTCOM */
  check_figures ("en",
                 "retaking more than 18,000 square kilometers of territory previously held by the enemy",
                 FIGURES ("18,000 square kilometers"));
  /* Recognizers-Text DimensionModel and TemperatureModel */
  check_figures ("en",
                 "the fda began detaining chinese mushrooms in 68-ounce cans after more than 100 "
                 "people in mississippi became ill",
                 FIGURES ("68-ounce", "100 people"));
  check_figures ("en", "the javadi hills are located about 17 km from ambur.",
                 FIGURES ("17 km"));
  check_figures ("en", "98.6 degrees f is normal temperature, and it was 20°C outside",
                 FIGURES ("98.6 degrees f", "20°C"));
  check_figures ("en", "I'm only 29 years old!", FIGURES ("29 years old"));
  /* Durations as hyphenated modifiers are figures too */
  check_figures ("en",
                 "Oil prices fell on Wednesday to a 5-1/2-year low under pressure from a global "
                 "glut of crude, and a 35-year-old trader sold.",
                 FIGURES ("5-1/2-year", "35-year-old"));
  check_figures ("en", "It ran at 40km/h for 3hrs.", FIGURES ("40km/h", "3hrs"));
}

/* Counts of things and durations: a number and a plural noun, unless a
 * determiner makes it a reference to things already named */
static void
test_figures_counts (void)
{
  check_figures ("en",
                 "The two presidents and their delegations held talks, at the end of which they "
                 "signed eight agreements on trade, mining and transportation.",
                 FIGURES ("eight agreements"));
  check_figures ("en",
                 "The visit comes as the two countries mark 30 years of official diplomatic relations.",
                 FIGURES ("30 years"));
  check_figures ("en",
                 "The two agreed to set a target; both countries oppose it, and their two nations "
                 "support these three proposals.",
                 NONE);
  /* ClaimBuster */
  check_figures ("en",
                 "That's why the National Federation of Independent Businesses said your plan will "
                 "kill 700,000 jobs.",
                 FIGURES ("700,000 jobs"));
  check_figures ("en", "He's shipped jobs to 12 countries, including Mexico.",
                 FIGURES ("12 countries"));
  check_figures ("en", "That's 16 million jobs in America.", FIGURES ("16 million jobs"));
  check_figures ("en", "For 15 years I said so; on the Amendment that you mentioned, I "
                 "abandoned it 15 years ago, and it sold at $60 a barrel a year ago.",
                 FIGURES ("15 years", "$60 a barrel"));
  /* re3d-open, CENTCOM */
  check_figures ("en",
                 "officials reported that the operation killed 139 insurgents and took 256 more "
                 "prisoners",
                 FIGURES ("139 insurgents", "256 more prisoners"));
  /* ClaimBuster: words that describe what is counted */
  check_figures ("en",
                 "Last year, our brave ICE officers arrested more than 120,000 criminal aliens "
                 "charged with nearly 10,000 burglaries, 5,000 sexual assaults",
                 FIGURES ("120,000 criminal aliens", "10,000 burglaries",
                          "5,000 sexual assaults"));
  check_figures ("en",
                 "Saudi Arabia cut more because of U.S. sanctions on two OPEC founder members, and "
                 "five US troops and four ISIL tactical units were hit.",
                 FIGURES ("two OPEC founder members", "five US troops", "four ISIL tactical units"));
  check_figures ("en",
                 "Page 12 also shows that 5 of the days and 3.5 days and billions and billions of "
                 "dollars were lost.",
                 FIGURES ("3.5 days"));
  check_figures ("en",
                 "It costs a hundred dollars; one hundred and six people came; twenty-one years "
                 "passed and 300 people left.",
                 FIGURES ("a hundred dollars", "one hundred and six people", "twenty-one years",
                          "300 people"));
}

/* Numbers that are no figure: dates, times, ordinals, numbers in names,
 * years, phone, version, page and section numbers, bare numbers, and
 * hyphenated times that say when ("a 12-year high") */
static void
test_figures_not_figures (void)
{
  check_figures ("en",
                 "The talks began on March 3, 2020 and ended on 3 March 2021 at 10:30.", NONE);
  check_figures ("en",
                 "The meeting is at 5 pm, or 5 p.m. at the latest, on the 5th floor.", NONE);
  check_figures ("en", "He came third; it was the third time in 2019, and the 1990s.", NONE);
  check_figures ("en", "The 2019-20 seasons and 1990-2000 elections, 5th, 5G, 737MAX.", NONE);
  check_figures ("en",
                 "Flights of the Boeing 737 were halted after COVID-19 reached G7 nations; "
                 "Resolution 2231 states it, and Chapter two describes it.",
                 NONE);
  check_figures ("en",
                 "Call +98 21 8888 1234 or see page 12, section 4, version 2.0.", NONE);
  check_figures ("en", "He scored 3 in the final, and 2,000 more followed.", NONE);
  check_figures ("en",
                 "The 2019 elections came at a high, and one day the seven will meet.",
                 NONE);
  /* ClaimBuster: number words in capitals inside a sentence are a name's */
  check_figures ("en",
                 "To protect the environment, days ago I announced that the United States will join "
                 "the One Trillion Trees Initiative.",
                 NONE);
  /* Recognizers-Text, inputs that give nothing */
  check_figures ("en",
                 "However, takeaway deliveries are permitted only until 11pm under the government "
                 "restrictions.",
                 NONE);
  /* re3d-open, Wikipedia: coordinates are no temperature */
  check_figures ("en", "Coordinates: 33°47′N 44°30′E / 33.783°N 44.500°E", NONE);
}

/* Persian and Arabic: their digits, separators, percent sign and words */
static void
test_figures_persian_arabic (void)
{
  check_figures ("fa",
                 "نرخ تورم به ۴۵٫۵ درصد رسید و بودجه ۱۲۰ هزار میلیارد ریال است.",
                 FIGURES ("۴۵٫۵ درصد", "۱۲۰ هزار میلیارد ریال"));
  check_figures ("fa",
                 "ایران و بلاروس ۳۰ سال روابط دارند؛ قیمت ۱۰۰ دلار بود، تاریخ ۱۴۰۱/۰۵/۱۲ و سال ۱۴۰۰.",
                 FIGURES ("۳۰ سال", "۱۰۰ دلار"));
  check_figures ("fa",
                 "صادرات ۲٫۴ میلیون بشکه در روز بود و ۷٪ افزایش یافت.",
                 FIGURES ("۲٫۴ میلیون بشکه در روز", "۷٪"));
  /* Persian decimals written with a slash, which a date has two of */
  check_figures ("fa", "نرخ تورم ۳/۵ درصد بود و در تاریخ ۱۴۰۱/۰۵/۱۲ افزایش یافت.",
                 FIGURES ("۳/۵ درصد"));
  /* UD Persian-Seraji: a year is no figure */
  check_figures ("fa", "نظامی می‌گوید که در سال ۵۱۰ تربت او را زیارت کرده.", NONE);
  check_figures ("ar",
                 "ارتفع التضخم إلى ٣٫٥٪ وبلغت الميزانية ١٠٠ مليون دولار.",
                 FIGURES ("٣٫٥٪", "١٠٠ مليون دولار"));
  check_figures ("ar",
                 "انخفضت الصادرات ٧ بالمئة خلال ٣٠ عاما، وفي عام ٢٠١٩ وفي ٥ مايو.",
                 FIGURES ("٧ بالمئة", "٣٠ عاما"));
  /* UD Arabic-PUD: Latin digits in Arabic text */
  check_figures ("ar",
                 "نظرياً, يمكن لزوجين أن يفتحا أربع حسابات \"تسكو\" وأن يكسبا 3% على 12000 جنيه "
                 "إسترليني, أي 360 جنيه إسترليني.",
                 FIGURES ("3%", "12000 جنيه إسترليني", "360 جنيه إسترليني"));
}

/* A language without lists of its own gets digits, signs and the common
 * lists */
static void
test_figures_other_language (void)
{
  check_figures ("de",
                 "Der Preis stieg um 7 % auf 60 $, und 40 km weiter am 3. März 2020 um 10:30.",
                 FIGURES ("7 %", "60 $", "40 km"));
}

/* A user extends a list with a file of the same name */
static void
test_figures_user_list (void)
{
  g_autofree char *dir = temp_folder_new ("figures");
  g_autofree char *folder = g_build_filename (dir, "en", NULL);
  g_autofree char *path = g_build_filename (folder, "currencies.txt", NULL);
  const char * const dirs[] = { dir, NULL };
  g_autoptr(SmLexicon) before = sm_lexicon_new_from_dirs ("en", NULL);
  g_autoptr(SmLexicon) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, "# mine\nmanat\n!yen\n", -1, &error);
  g_assert_no_error (error);
  after = sm_lexicon_new_from_dirs ("en", dirs);

  check_figures_with (before, "It cost 300 manat and 5 yen.", FIGURES ("5 yen"));
  check_figures_with (after, "It cost 300 manat and 5 yen.", FIGURES ("300 manat"));

  temp_folder_remove (dir);
}

/* Hits are appended after what the array holds, the same on every run */
static void
test_figures_appends (void)
{
  g_autoptr(SmText) article = sm_text_new ("Oil fell 5 percent to $60 a barrel.", -1, NULL);
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new ("en");
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  SmHit other = { 0, 3, SM_ROLE_SPEAKER, -1 };

  g_array_append_val (hits, other);
  sm_find_figures (article, lexicon, hits);
  sm_find_figures (article, lexicon, hits);

  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpint (g_array_index (hits, SmHit, 0).role, ==, SM_ROLE_SPEAKER);
  for (guint i = 1; i < 3; i++)
    {
      const SmHit *first = &g_array_index (hits, SmHit, i);
      const SmHit *second = &g_array_index (hits, SmHit, i + 2);

      g_assert_cmpuint (first->start, ==, second->start);
      g_assert_cmpuint (first->end, ==, second->end);
    }
  g_assert_true (sm_text_slice_equal (article, g_array_index (hits, SmHit, 1).start,
                                      g_array_index (hits, SmHit, 1).end, "5 percent"));
  g_assert_true (sm_text_slice_equal (article, g_array_index (hits, SmHit, 2).start,
                                      g_array_index (hits, SmHit, 2).end, "$60 a barrel"));
}

typedef struct
{
  SmText    *text;
  SmLexicon *lexicon;
} Job;

static gpointer
find_in_thread (gpointer data)
{
  Job *job = data;

  return find_figures (job->lexicon, job->text);
}

/* Workers share a lexicon, the first ones compiling its tables together,
 * and each finds the same figures */
static void
test_figures_threads (void)
{
  static const char text[] =
    "Oil fell 5 percent to $60 a barrel, and output was 2.4 million barrels a day "
    "over 30 years, as they signed eight agreements.";
  g_autoptr(SmText) article = sm_text_new (text, -1, NULL);
  g_autoptr(SmLexicon) lexicon = sm_lexicon_new ("en");
  Job job = { article, lexicon };
  GThread *threads[4];
  g_autoptr(GArray) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("figures", find_in_thread, &job);

  first = g_thread_join (threads[0]);
  g_assert_cmpuint (first->len, ==, 5);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GArray) hits = g_thread_join (threads[i]);

      g_assert_cmpuint (hits->len, ==, first->len);
      g_assert_cmpmem (hits->data, hits->len * sizeof (SmHit),
                       first->data, first->len * sizeof (SmHit));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/sample-article", test_figures_sample_article);
  g_test_add_func ("/figures/money", test_figures_money);
  g_test_add_func ("/figures/currency-case", test_figures_currency_case);
  g_test_add_func ("/figures/percentages", test_figures_percentages);
  g_test_add_func ("/figures/quantities", test_figures_quantities);
  g_test_add_func ("/figures/counts", test_figures_counts);
  g_test_add_func ("/figures/not-figures", test_figures_not_figures);
  g_test_add_func ("/figures/persian-arabic", test_figures_persian_arabic);
  g_test_add_func ("/figures/other-language", test_figures_other_language);
  g_test_add_func ("/figures/user-list", test_figures_user_list);
  g_test_add_func ("/figures/appends", test_figures_appends);
  g_test_add_func ("/figures/threads", test_figures_threads);

  return g_test_run ();
}
