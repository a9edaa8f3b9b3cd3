/* test-quotes.c: quotations, reported speech and their speakers
 * (sm_find_quotes), on real sentences from the sample article and from
 * news in shared/testdata (qsample-wikinews, gum-wikinews, ud-arabic-pud's
 * English text), and on ones it must leave alone.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-suggest-rules.h"
#include "temp-folder.h"

/* A claim and who said it (NULL: no speaker) */
typedef struct
{
  const char *claim;
  const char *speaker;
} Said;

typedef struct
{
  SmText *text;
  GArray *hits;
  guint   n_before;  /* hits already in the array before the call */
} Found;

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->text, sm_text_unref);
  g_clear_pointer (&found->hits, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

/* Runs the recognizer on @article after a hit that is there already, as
 * the suggester calls it after the figures */
static void
find (const char *article,
      SmLexicon  *lexicon,
      Found      *found)
{
  g_autoptr(GError) error = NULL;
  SmHit figure = { 0, 1, SM_ROLE_FIGURE, -1 };

  found->text = sm_text_new (article, -1, &error);
  g_assert_no_error (error);
  found->hits = g_array_new (FALSE, FALSE, sizeof (SmHit));
  g_array_append_val (found->hits, figure);
  found->n_before = found->hits->len;

  sm_find_quotes (found->text, lexicon, found->hits);
}

static char *
hit_text (const Found *found,
          const SmHit *hit)
{
  return sm_text_dup_slice (found->text, hit->start, hit->end);
}

/* The claims found in @article are @expected, in order, each said by the
 * speaker expected, and every speaker found says something */
static void
check_in (const char *article,
          SmLexicon  *lexicon,
          const Said *expected,
          guint       n_expected)
{
  g_auto(Found) found = { 0, };
  guint n_claims = 0;

  find (article, lexicon, &found);

  for (guint i = found.n_before; i < found.hits->len; i++)
    {
      const SmHit *hit = &g_array_index (found.hits, SmHit, i);
      g_autofree char *text = hit_text (&found, hit);

      if (hit->role == SM_ROLE_SPEAKER)
        {
          gboolean said = FALSE;

          for (guint j = found.n_before; j < found.hits->len; j++)
            said = said || g_array_index (found.hits, SmHit, j).said_by == (int) i;
          if (!said)
            g_error ("speaker “%s” says nothing", text);
          continue;
        }

      g_assert_cmpint (hit->role, ==, SM_ROLE_CLAIM);
      if (n_claims >= n_expected)
        g_error ("unexpected claim “%s”", text);
      g_assert_cmpstr (text, ==, expected[n_claims].claim);

      if (expected[n_claims].speaker == NULL)
        g_assert_cmpint (hit->said_by, ==, -1);
      else
        {
          const SmHit *speaker;
          g_autofree char *speaker_text = NULL;

          g_assert_cmpint (hit->said_by, >=, (int) found.n_before);
          g_assert_cmpint (hit->said_by, <, (int) found.hits->len);
          speaker = &g_array_index (found.hits, SmHit, hit->said_by);
          g_assert_cmpint (speaker->role, ==, SM_ROLE_SPEAKER);
          speaker_text = hit_text (&found, speaker);
          g_assert_cmpstr (speaker_text, ==, expected[n_claims].speaker);
        }
      n_claims++;
    }

  g_assert_cmpuint (n_claims, ==, n_expected);
}

static SmLexicon *
english (void)
{
  return sm_lexicon_new_from_dirs ("en", NULL);
}

static void
check (const char *article,
       const Said *expected,
       guint       n_expected)
{
  g_autoptr(SmLexicon) lexicon = english ();

  check_in (article, lexicon, expected, n_expected);
}

static void
check_none (const char *article)
{
  check (article, NULL, 0);
}

/* The two claims of @article are said by one speaker hit */
static void
check_same_speaker (const char *article)
{
  g_autoptr(SmLexicon) lexicon = english ();
  g_auto(Found) found = { 0, };
  int said_by[2] = { -2, -2 };
  guint n = 0;

  find (article, lexicon, &found);
  for (guint i = found.n_before; i < found.hits->len; i++)
    {
      const SmHit *hit = &g_array_index (found.hits, SmHit, i);

      if (hit->role == SM_ROLE_CLAIM)
        {
          g_assert_cmpuint (n, <, 2);
          said_by[n++] = hit->said_by;
        }
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (said_by[0], >=, 0);
  g_assert_cmpint (said_by[0], ==, said_by[1]);
}

/* “…,” X said */
static void
test_quotes_direct_then_speaker (void)
{
  static const Said leader[] = {
    { "Countries that are sanctioned by the U.S. must work together and form a joint "
      "collective to eliminate the weapon of sanctions, and we believe this is doable",
      "the Leader" },
  };
  static const Said khamenei[] = {
    { "If the countries that have been sanctioned by America make use of one another’s "
      "capacities, it will have great benefit for all of them", "Ayatollah Khamenei" },
  };
  static const Said raisi[] = {
    { "Today we achieved an agreement on a comprehensive roadmap between Iran and Belarus",
      "President Raisi" },
  };
  static const Said schulman[] = {
    { "While much of the digital transition is unprecedented in the United States, the "
      "peaceful transition of power is not", "Obama special assistant Kori Schulman" },
  };
  static const Said he[] = {
    { "So I hate to put a little pressure on you, but the fate of the republic rests on "
      "your shoulders", "he" },
  };

  check ("“Countries that are sanctioned by the U.S. must work together and form a joint "
         "collective to eliminate the weapon of sanctions, and we believe this is doable,” "
         "the Leader said.", leader, G_N_ELEMENTS (leader));
  check ("“If the countries that have been sanctioned by America make use of one another’s "
         "capacities, it will have great benefit for all of them,” Ayatollah Khamenei said.",
         khamenei, G_N_ELEMENTS (khamenei));
  check ("“Today we achieved an agreement on a comprehensive roadmap between Iran and "
         "Belarus,” President Raisi said during a joint conference with Lukashenko following "
         "the talks.", raisi, G_N_ELEMENTS (raisi));
  check ("“While much of the digital transition is unprecedented in the United States, the "
         "peaceful transition of power is not,” Obama special assistant Kori Schulman wrote "
         "in a blog post Monday.", schulman, G_N_ELEMENTS (schulman));
  check ("“So I hate to put a little pressure on you, but the fate of the republic rests on "
         "your shoulders,” he told the crowd gathered on a sports field at the University of "
         "North Carolina.", he, G_N_ELEMENTS (he));
}

/* “…,” said X; the speaker is the phrase the attribution names first,
 * without the apposition after its comma ("[a spokesman for …], Brian
 * Mitchelhill"), as bench/suggest/dev-gold and news-gold annotate it */
static void
test_quotes_direct_said_speaker (void)
{
  static const Said spokesman[] = {
    { "It's our understanding there are a number of people injured on the train. We think "
      "there are numerous injuries",
      "a spokesman for the Cumbria Fire and Rescue squad" },
  };
  static const Said official[] = {
    { "At the moment, we have reports of various injuries, from leg injuries to back "
      "injuries and head injuries -- ranging from minor to quite serious",
      "an unnamed ambulance official" },
  };
  static const Said sternlieb[] = {
    { "We face a lot of competition, and we think transit can help", "Joe Sternlieb" },
  };

  check ("\"It's our understanding there are a number of people injured on the train. We "
         "think there are numerous injuries,\" said a spokesman for the Cumbria Fire and "
         "Rescue squad, Brian Mitchelhill.", spokesman, G_N_ELEMENTS (spokesman));
  check ("\"At the moment, we have reports of various injuries, from leg injuries to back "
         "injuries and head injuries -- ranging from minor to quite serious,\" said an "
         "unnamed ambulance official.", official, G_N_ELEMENTS (official));
  check ("“We face a lot of competition, and we think transit can help,” said Joe "
         "Sternlieb, president of the Georgetown BID.", sternlieb, G_N_ELEMENTS (sternlieb));
}

/* X said: “…” and X said during …, “…” */
static void
test_quotes_speaker_then_direct (void)
{
  static const Said xi[] = {
    { "great scientific and technological capacity is a must for China to be strong",
      "President Xi Jinping" },
  };
  static const Said fellini[] = {
    { "The clown is to humanity as the shadow is to man", "Federico Fellini" },
  };
  static const Said he[] = {
    { "A general election is frankly the last thing that the Government wants", "He" },
  };

  check ("With the country's founding centenary coming in 2049, Chinese President Xi "
         "Jinping said during a Beijing conference, \"great scientific and technological "
         "capacity is a must for China to be strong\".", xi, G_N_ELEMENTS (xi));
  check ("Federico Fellini once said: \"The clown is to humanity as the shadow is to man\".",
         fellini, G_N_ELEMENTS (fellini));
  check ("He told the BBC’s Andrew Marr Show: “A general election is frankly the last thing "
         "that the Government wants.”", he, G_N_ELEMENTS (he));
}

/* A second quotation after the attribution, and a quoted paragraph after
 * the speaker's paragraph, are that speaker's: the same speaker hit */
static void
test_quotes_runs (void)
{
  static const Said lukashenko[] = {
    { "Iran and Belarus both want to see a just, multipolar world", "Lukashenko" },
    { "The two countries fully trust each other and their two nations also support "
      "expanding relations", "Lukashenko" },
  };
  static const Said he[] = {
    { "his trip to Iran was also aimed at getting acquainted with Iran’s achievements in "
      "various fields", "He" },
    { "We have come to know our true and false friends under the current hard "
      "international conditions and we are determined to engage in special cooperation "
      "with our true friends", "He" },
  };
  static const Said thomson[] = {
    { "The carriage I am in is completely on its side, it did a sort of bump - and I was "
      "thinking don't worry this fine - but then the swaying became very dramatic",
      "a BBC executive" },
    { "Where I am there are some injuries - a woman with a very badly hurt back but I "
      "suspect further up the train it's a bit more serious",
      "a BBC executive" },
  };
  static const Said raisi[] = {
    { "Today we achieved an agreement on a comprehensive roadmap between Iran and Belarus",
      "President Raisi" },
    { "This comprehensive roadmap between Iran and Belarus outlines political and "
      "economic conditions and encompasses all areas of interest between the two countries",
      "President Raisi" },
  };
  const char *runs[] = {
    "“Iran and Belarus both want to see a just, multipolar world,” Lukashenko said. “The two "
    "countries fully trust each other and their two nations also support expanding "
    "relations.”",
    "He said his trip to Iran was also aimed at getting acquainted with Iran’s achievements "
    "in various fields.\n“We have come to know our true and false friends under the current "
    "hard international conditions and we are determined to engage in special cooperation "
    "with our true friends.”",
  };

  check (runs[0], lukashenko, G_N_ELEMENTS (lukashenko));
  check (runs[1], he, G_N_ELEMENTS (he));
  check ("\"The carriage I am in is completely on its side, it did a sort of bump - and I "
         "was thinking don't worry this fine - but then the swaying became very dramatic,\" "
         "said a BBC executive, Caroline Thomson. \"Where I am there are some injuries - a "
         "woman with a very badly hurt back but I suspect further up the train it's a bit "
         "more serious.\"", thomson, G_N_ELEMENTS (thomson));
  check ("“Today we achieved an agreement on a comprehensive roadmap between Iran and "
         "Belarus,” President Raisi said during a joint conference with Lukashenko following "
         "the talks.\n“This comprehensive roadmap between Iran and Belarus outlines political "
         "and economic conditions and encompasses all areas of interest between the two "
         "countries.”", raisi, G_N_ELEMENTS (raisi));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    check_same_speaker (runs[i]);

  /* A quotation inside a paragraph does not take the speaker of the
   * paragraph before */
  check ("Pedro Sánchez, like many other socialists, said in the programme Évole that Spain "
         "is a nation of nations.\nAdnan Z. Amin, General Director of the International "
         "Organization for Renewable Energies (IRENA) is certain: \"Offshore wind power can "
         "become the top power generator in a global economy that is free of coal-based "
         "energy.\"",
         (const Said[]) {
           { "Spain is a nation of nations", "Pedro Sánchez" },
           { "Offshore wind power can become the top power generator in a global economy "
             "that is free of coal-based energy", NULL },
         }, 2);
}

/* A quotation over several paragraphs opens each with a mark and closes
 * only at the end, where it is attributed: each paragraph is a claim of
 * that speaker. The sentences are LitBank's (Tess of the d'Urbervilles,
 * Q317), set as a story prints a quotation of two paragraphs; the
 * attribution is written for the test */
static void
test_quotes_paragraphs (void)
{
  static const Said parson[] = {
    { "Well it's true. Throw up your chin a moment, so that I may catch the profile of "
      "your face better", "the parson" },
    { "Yes, that's the d'Urberville nose and chin -- a little debased", "the parson" },
  };

  check ("“Well it's true. Throw up your chin a moment, so that I may catch the profile of "
         "your face better.\n\n“Yes, that's the d'Urberville nose and chin -- a little "
         "debased,” said the parson.", parson, G_N_ELEMENTS (parson));
  check ("\"Well it's true. Throw up your chin a moment, so that I may catch the profile of "
         "your face better.\n\"Yes, that's the d'Urberville nose and chin -- a little "
         "debased,\" said the parson.", parson, G_N_ELEMENTS (parson));

  /* The quotation may open after its attribution, in the middle of the
   * paragraph; one left open that the next paragraph does not go on with
   * is no quotation */
  check ("The parson said: “Well it's true. Throw up your chin a moment, so that I may catch "
         "the profile of your face better.\n\n“Yes, that's the d'Urberville nose and chin -- "
         "a little debased.”",
         (const Said[]) {
           { "Well it's true. Throw up your chin a moment, so that I may catch the profile of "
             "your face better", "The parson" },
           { "Yes, that's the d'Urberville nose and chin -- a little debased", "The parson" },
         }, 2);
  check_none ("The parson looked up. “Well it's true, all of it.\n\nThe parson left.");
}

/* Press-release attributions, written for the test in the shape wire
 * copy and releases use (the testdata has none of these shapes): a dash
 * before the verb, a title then the name set off by commas, a relative
 * clause on the subject, an addressee then the claim without "that" */
static void
test_quotes_release_shapes (void)
{
  check ("“The results speak for themselves” – said Mary Jones, head of research at the "
         "institute.",
         (const Said[]) { { "The results speak for themselves", "Mary Jones" } }, 1);
  check ("“We are confident in our strategy,” the CEO, Jane Doe, said.",
         (const Said[]) { { "We are confident in our strategy", "the CEO" } }, 1);
  check ("Smith, who joined the company in 2019, said the new product would ship next month.",
         (const Said[]) { { "the new product would ship next month", "Smith" } }, 1);
  check ("A senior U.S. official, speaking on condition of anonymity, said the talks had "
         "stalled.",
         (const Said[]) { { "the talks had stalled", "A senior U.S. official" } }, 1);
  check ("Prices rose sharply in early trading, extending recent gains, said John Doe.",
         (const Said[]) {
           { "Prices rose sharply in early trading, extending recent gains", "John Doe" },
         }, 1);
  /* What stands between a release's subject and its verb: a ticker, a
   * time; and a name with "and" in it */
  check ("SAN JOSE, Calif., Oct. 12, 2026 /PRNewswire/ -- Acme Corp. (NASDAQ: ACME) today "
         "announced that it has acquired Beta Inc. for $20 million.",
         (const Said[]) { { "it has acquired Beta Inc. for $20 million", "Acme Corp." } }, 1);
  check ("WASHINGTON (AP) - The White House on Tuesday said it would veto the bill.",
         (const Said[]) { { "it would veto the bill", "The White House" } }, 1);
  check ("The Food and Drug Administration today announced that it has approved the drug.",
         (const Said[]) {
           { "it has approved the drug", "The Food and Drug Administration" },
         }, 1);
  check ("Acme Corp. is pleased to announce that Jane Doe has joined its board of directors.",
         (const Said[]) { { "Jane Doe has joined its board of directors", "Acme Corp." } }, 1);
  check_none ("The team was proud to announce the winners.");
  check ("Smith told the BBC the decision was final.",
         (const Said[]) { { "the decision was final", "Smith" } }, 1);

  /* An opening phrase before the subject, and a subject that only names
   * someone before "said" (not an inverted "…, said X") */
  check ("Commenting on the announcement, Jane Doe, CEO of Acme, said: \"This is a "
         "transformative moment for our company.\"",
         (const Said[]) { { "This is a transformative moment for our company", "Jane Doe" } }, 1);
  check ("The spokesperson for the Ministry of Foreign Affairs, Wang Wenbin, said China "
         "firmly opposes the sanctions.",
         (const Said[]) {
           { "China firmly opposes the sanctions",
             "The spokesperson for the Ministry of Foreign Affairs" },
         }, 1);
  check ("Mr. Jones, 54, said the decision was difficult.",
         (const Said[]) { { "the decision was difficult", "Mr. Jones" } }, 1);

  /* A company before a post in capitals */
  check ("Department of Public Service CEO Rory Christian said the agency is working closely "
         "with providers to speed up construction.",
         (const Said[]) {
           { "the agency is working closely with providers to speed up construction",
             "Department of Public Service CEO Rory Christian" },
         }, 1);

  /* Ranks of two words before the name */
  check ("Lt. Gen. Mark Brown, commander of the 3rd Infantry Division, said the troops would "
         "return by March.",
         (const Said[]) { { "the troops would return by March", "Lt. Gen. Mark Brown" } }, 1);

  /* A speaker noun with what follows it: a place of work, a participle */
  check ("Officials at the Department of Energy said the plant was safe.",
         (const Said[]) { { "the plant was safe", "Officials at the Department of Energy" } }, 1);
  check ("A news release issued yesterday said the plant would close in June.",
         (const Said[]) {
           { "the plant would close in June", "A news release issued yesterday" },
         }, 1);
  /* An apposition after "According to X," is not the claim */
  check ("According to Mary Jones, the company's chief financial officer, the results "
         "reflect strong demand in Europe.",
         (const Said[]) { { "the results reflect strong demand in Europe", "Mary Jones" } }, 1);

  /* Who a release's quotation is by without a speech verb: a signature
   * line after it, a name and post before a colon; and "quoted X as" */
  check ("Intro.\n\n\"Our customers continue to rely on us,\" Doe said.\n\n\"Access to clean "
         "water should never depend on where you live.\"\n— Jane Doe, Executive Director",
         (const Said[]) {
           { "Our customers continue to rely on us", "Doe" },
           { "Access to clean water should never depend on where you live", "Jane Doe" },
         }, 2);
  check ("\"Access to clean water should never depend on where you live.\" — Jane Doe, "
         "Executive Director",
         (const Said[]) {
           { "Access to clean water should never depend on where you live", "Jane Doe" },
         }, 1);
  check ("\"We will win the election\" — Trump's slogan drew crowds.",
         (const Said[]) { { "We will win the election", NULL } }, 1);
  check ("Jane Doe, CEO of Acme: \"We are building the future of energy.\"",
         (const Said[]) { { "We are building the future of energy", "Jane Doe" } }, 1);
  check ("The statement quoted Doe as saying the plant would close.",
         (const Said[]) { { "the plant would close", "Doe" } }, 1);

  /* "X said:" closing its paragraph, and the quotation in the next */
  check ("Kirby said:\n\n\"We will hold those responsible to account. We will not rest "
         "until justice is done.\"",
         (const Said[]) {
           { "We will hold those responsible to account. We will not rest until justice is done",
             "Kirby" },
         }, 1);
}

/* Text wrapped at a fixed width, as wire copy and mail are: a line break
 * inside a sentence, before a word in lower case, neither ends the
 * sentence nor the quotation (qsample-wikinews sentences, wrapped) */
static void
test_quotes_wrapped (void)
{
  check ("“We face a lot of competition, and we\nthink transit can help,” said Joe "
         "Sternlieb, president of the Georgetown BID.",
         (const Said[]) {
           { "We face a lot of competition, and we\nthink transit can help", "Joe Sternlieb" },
         }, 1);
  check ("Mr. Haddox told us that the size of the hole is much smaller than the 330 feet\n"
         "depth originally reported.",
         (const Said[]) {
           { "the size of the hole is much smaller than the 330 feet\ndepth originally reported",
             "Mr. Haddox" },
         }, 1);
}

/* Reports and services as speakers, and a post in lower case before a
 * name (bench/suggest/dev-gold, from qsample-wikinews) */
static void
test_quotes_reports (void)
{
  check ("First reports suggested that the train hit something on the track at 20:15 near "
         "Grayrigg, between Oxenholme and Tebay, derailed and slid down an embankment. Early "
         "investigators reports say a set of points will be the primary focus of the "
         "investigation.",
         (const Said[]) {
           { "the train hit something on the track at 20:15 near Grayrigg, between Oxenholme "
             "and Tebay, derailed and slid down an embankment", "First reports" },
           { "a set of points will be the primary focus of the investigation",
             "Early investigators reports" },
         }, 2);
  check ("As of 22:16, Sleeper services over the affected line have been suspended. Other "
         "major services are terminating at Preston or Carlisle according to (UK) National "
         "Rail Enquires.",
         (const Said[]) {
           { "Other major services are terminating at Preston or Carlisle",
             "National Rail Enquires" },
         }, 1);
  /* The dev gold ends this claim before the closing mark, the sample's
   * gold after it ("oppose “unilateralism”"); the recognizer keeps the
   * sample's */
  check ("The Chinese government supports the resettlement, with senior party official Li "
         "Yuecheng saying the relocation would provide a \"sound electromagnetic wave "
         "environment\".",
         (const Said[]) {
           { "the relocation would provide a \"sound electromagnetic wave environment\"",
             "senior party official Li Yuecheng" },
         }, 1);
}

/* A quotation of one or two words right after a speech verb or right
 * before its attribution (commodity-news-corpus; LitBank, The Hound of
 * the Baskervilles); the verb before it, not the sentence after, says
 * whose it is */
static void
test_quotes_short (void)
{
  check ("U.S. President Joe Biden, when asked in an interview earlier week about whether "
         "Russian President Vladimir Putin is a killer, said “I do.” Russia then announced "
         "on Wednesday it’s recalling its ambassador to Washington for consultations.",
         (const Said[]) {
           { "I do", "President Joe Biden" },
         }, 1);
  check ("“Good!” said Holmes.", (const Said[]) { { "Good!", "Holmes" } }, 1);

  /* A quotation left open by mistake ends with its sentence before the
   * next opening mark, and keeps the speaker before it (the
   * commodity-news-corpus text, as published) */
  check ("“U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on Russia,” "
         "Phillip Streible, chief market strategist at Blue Line Futures, told MarketWatch. “One "
         "way Russia could retaliate is to target shale producers by flooding the market with "
         "oil. “U.S. President Joe Biden, when asked in an interview earlier week about whether "
         "Russian President Vladimir Putin is a killer, said “I do.”",
         (const Said[]) {
           { "U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on Russia",
             "Phillip Streible" },
           { "One way Russia could retaliate is to target shale producers by flooding the market "
             "with oil", "Phillip Streible" },
           { "I do", "President Joe Biden" },
         }, 3);
  check_none ("He wrote a song called “Yesterday.”");
  check_none ("“Why?” said Holmes.");
}

/* A quoted word or phrase that a speaker gives as their own, however
 * short, is a claim (the news-gold and dev-gold conventions; sentences of
 * qsample-wikinews); not in the passive, nor a name of something */
static void
test_quotes_named_phrase (void)
{
  check ("The Chinese government opposed the decision, calling it \"ill-founded\".",
         (const Said[]) { { "ill-founded", "The Chinese government" } }, 1);
  check ("The Philippine government referred to the decision as a \"milestone decision\".",
         (const Said[]) { { "milestone decision", "The Philippine government" } }, 1);
  /* Adverbs and a time phrase between the subject and the verb
   * (commodity-news-corpus) */
  check ("President Biden earlier this week essentially called Russian President Putin \"a "
         "killer,\" prompting Russia to recall its ambassador to the U.S. for consultations.",
         (const Said[]) { { "a killer", "President Biden" } }, 1);
  check_none ("The group launched a program called \"Smart Start\".");
}

/* X said (that) …, X told Y that …, pledged to …, also declared that … */
static void
test_quotes_reported (void)
{
  static const Said khamenei[] = {
    { "countries sanctioned by the U.S. must join hands to neutralize the weapon",
      "Ayatollah Seyyed Ali Khamenei" },
  };
  static const Said belarusian[] = {
    { "his visit to Iran was aimed at opening a new chapter in the two countries’ relations",
      "The Belarusian president" },
    { "to follow up on all agreements between the two countries through cooperation and "
      "determination of his Iranian counterpart", "He" },
  };
  static const Said iranian[] = {
    { "Tehran has made United States and Western sanctions into opportunities for itself "
      "and is ready to share its experiences of dealing with the sanctions with “friendly” "
      "Belarus", "The Iranian president" },
  };
  static const Said haddox[] = {
    { "the size of the hole is much smaller than the 330 feet depth originally reported "
      "and that the erosion causing the collapse is believed to have happened over a long "
      "time, and not just during the recent rains as initially suspected", "Mr. Haddox" },
  };
  static const Said company[] = {
    { "it would be the responsibility of each airline brand to decide whether to charge "
      "passengers an access fee", "The company" },
  };

  /* The line break inside the title is the sample's own */
  check ("TEHRAN – Leader of the\nIslamic Revolution Ayatollah Seyyed Ali Khamenei told "
         "visiting Belarus President Alexander Lukashenko that countries sanctioned by the "
         "U.S. must join hands to neutralize the weapon.", khamenei, G_N_ELEMENTS (khamenei));
  check ("The Belarusian president said his visit to Iran was aimed at opening a new chapter "
         "in the two countries’ relations. He pledged to follow up on all agreements between "
         "the two countries through cooperation and determination of his Iranian "
         "counterpart.", belarusian, G_N_ELEMENTS (belarusian));
  check ("The Iranian president also declared that Tehran has made United States and "
         "Western sanctions into opportunities for itself and is ready to share its "
         "experiences of dealing with the sanctions with “friendly” Belarus.",
         iranian, G_N_ELEMENTS (iranian));
  check ("Mr. Haddox told us that the size of the hole is much smaller than the 330 feet "
         "depth originally reported and that the erosion causing the collapse is believed to "
         "have happened over a long time, and not just during the recent rains as initially "
         "suspected.", haddox, G_N_ELEMENTS (haddox));
  /* Written for the test: the testdata has no speaker of this shape before the verb */
  check ("A spokesman for the ministry said the talks would resume next week.",
         (const Said[]) {
           { "the talks would resume next week", "A spokesman for the ministry" },
         }, 1);
  /* LitBank, David Copperfield */
  check ("My father had often hinted that she seldom conducted herself like any ordinary "
         "Christian.",
         (const Said[]) {
           { "she seldom conducted herself like any ordinary Christian", "My father" },
         }, 1);
  check ("The company told the BBC it would be the responsibility of each airline brand to "
         "decide whether to charge passengers an access fee.", company, G_N_ELEMENTS (company));
}

/* …, X said and …, says X: the claim is the clause before */
static void
test_quotes_reported_after (void)
{
  static const Said raisi[] = {
    { "Both countries oppose “unilateralism”", "Raisi" },
  };
  static const Said police[] = {
    { "She killed Andre Price III by pressing his face into an air mattress in her sitting "
      "room before trying to do the same to her daughter, Angel", "police" },
  };
  static const Said tarlo[] = {
    { "Throughout history, the international hair market has always had a political "
      "dimension", "Tarlo" },
  };
  static const Said haddox[] = {
    { "Authorities are also concerned that similar breakages and undermining may be "
      "happening at other locations", "Mr. Haddox" },
  };

  check ("Both countries oppose “unilateralism”, Raisi said.", raisi, G_N_ELEMENTS (raisi));
  check ("She killed Andre Price III by pressing his face into an air mattress in her "
         "sitting room before trying to do the same to her daughter, Angel, police said.",
         police, G_N_ELEMENTS (police));
  check ("Throughout history, the international hair market has always had a political "
         "dimension, says Tarlo.", tarlo, G_N_ELEMENTS (tarlo));
  check ("Authorities are also concerned that similar breakages and undermining may be "
         "happening at other locations, Mr. Haddox said. Muddy water has been seen coming "
         "out of the main collector pipes.", haddox, G_N_ELEMENTS (haddox));
}

/* Wire-service attributions (commodity-news-corpus): time phrases after
 * the verb, titles of several words, appositions */
static void
test_quotes_wire (void)
{
  check ("The U.S. government said on Tuesday it expects domestic oil output in 2016 to grow "
         "only 2.2 percent, the slowest pace in years, as the relentless rout in prices puts "
         "the brakes on the country’s five-year shale boom.",
         (const Said[]) {
           { "it expects domestic oil output in 2016 to grow only 2.2 percent, the slowest pace "
             "in years, as the relentless rout in prices puts the brakes on the country’s "
             "five-year shale boom", "The U.S. government" },
         }, 1);
  check ("Brazil’s oil output fell 1.21 percent in November from the previous month, "
         "regulator ANP said in a statement on Tuesday, after state-run oil company Petróleo "
         "Brasileiro SA carried out maintenance work at some production units.",
         (const Said[]) {
           { "Brazil’s oil output fell 1.21 percent in November from the previous month",
             "regulator ANP" },
         }, 1);
  check ("The United States is preparing to impose more sanctions on Venezuela’s oil sector, "
         "President Donald Trump said on Tuesday, in an attempt to choke financing to "
         "President Nicolas Maduro’s government.",
         (const Said[]) {
           { "The United States is preparing to impose more sanctions on Venezuela’s oil sector",
             "President Donald Trump" },
         }, 1);
  check ("Secretary of State Rex Tillerson said the US could sanction Venezuelan oil imports, "
         "possibly crippling the country’s economy .",
         (const Said[]) {
           { "the US could sanction Venezuelan oil imports, possibly crippling the country’s "
             "economy", "Secretary of State Rex Tillerson" },
         }, 1);
  check ("The former Exxon CEO also said banning exports of oil from Venezuela is also a "
         "possibility.",
         (const Said[]) {
           { "banning exports of oil from Venezuela is also a possibility",
             "The former Exxon CEO" },
         }, 1);
  check ("“U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on "
         "Russia,” Phillip Streible, chief market strategist at Blue Line Futures, told "
         "MarketWatch.",
         (const Said[]) {
           { "U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on "
             "Russia", "Phillip Streible" },
         }, 1);
}

/* Attributions that close the sentence, with any speaker between the comma
 * and the verb (commodity-news-corpus, ud-arabic-pud) */
static void
test_quotes_trailing (void)
{
  check ("U.S. gasoline futures RBc1 pared gains and ended a shade firmer after hitting their "
         "strongest levels in four months, market participants said.",
         (const Said[]) {
           { "U.S. gasoline futures RBc1 pared gains and ended a shade firmer after hitting "
             "their strongest levels in four months", "market participants" },
         }, 1);
  check ("Oil prices are at a suitable level for OPEC members and the group sees no shortage "
         "in supply, the United Arab Emirates Energy Minister Suhail bin Mohammed al-Mazroui "
         "was quoted as saying on Tuesday.",
         (const Said[]) {
           { "Oil prices are at a suitable level for OPEC members and the group sees no "
             "shortage in supply",
             "the United Arab Emirates Energy Minister Suhail bin Mohammed al-Mazroui" },
         }, 1);
  check ("Wednesday’s gasoline storage build “could put the brakes on that dynamic,” he said.",
         (const Said[]) {
           { "Wednesday’s gasoline storage build “could put the brakes on that dynamic", "he" },
         }, 1);
  check ("The actual supply cut is more than 2.5 million bpd, according to OPEC figures, "
         "because top exporter Saudi Arabia has voluntary reduced supply.",
         (const Said[]) {
           { "The actual supply cut is more than 2.5 million bpd", "OPEC figures" },
         }, 1);
  check ("Meanwhile on Monday the CEO of Saudi Aramco Amin Nasser told a conference in "
         "Istanbul he thought the world was headed for a global supply shortage.",
         (const Said[]) {
           { "he thought the world was headed for a global supply shortage",
             "the CEO of Saudi Aramco Amin Nasser" },
         }, 1);
  check ("An oil supply shortage may be the last thing on investors’ minds right now, but the "
         "ability of OPEC producers to cope with an unexpected surge in demand is diminishing "
         "fast, analysts and forecasters say. ",
         (const Said[]) {
           { "An oil supply shortage may be the last thing on investors’ minds right now, but "
             "the ability of OPEC producers to cope with an unexpected surge in demand is "
             "diminishing fast", "analysts and forecasters" },
         }, 1);
  check ("Sources familiar with the matter say Riyadh does not want prices to fall again "
         "because of fiscal pressures at home.",
         (const Said[]) {
           { "Riyadh does not want prices to fall again because of fiscal pressures at home",
             "Sources familiar with the matter" },
         }, 1);
  check ("The International Energy Agency’s chief economist Fatih Birol said on Tuesday the "
         "rise of Islamic State presented a major challenge for the investment necessary to "
         "prevent an oil shortage in the next decade.",
         (const Said[]) {
           { "the rise of Islamic State presented a major challenge for the investment "
             "necessary to prevent an oil shortage in the next decade",
             "The International Energy Agency’s chief economist Fatih Birol" },
         }, 1);
  check ("Pictet Wealth Management’s Jean-Pierre Durante agreed with Nysveen’s assessment of "
         "the situation, commenting in a Wednesday note that the “world is overflowing in "
         "oil” despite a recent decision by OPEC+ to cut oil supply.",
         (const Said[]) {
           { "the “world is overflowing in oil” despite a recent decision by OPEC+ to cut oil "
             "supply", "Pictet Wealth Management’s Jean-Pierre Durante" },
         }, 1);
  /* Someone else's clause after ", and" is not said */
  check ("Crude prices plunged further on Monday after OPEC once again said it will not cut "
         "oil output despite fears of a glut, and a UAE official opposed holding an emergency "
         "meeting of the producer group to support prices.",
         (const Said[]) {
           { "it will not cut oil output despite fears of a glut", "OPEC" },
         }, 1);
  /* "found" as a participle attributes nothing */
  check_none ("Iron is an essential element the body requires to produce hemoglobin, the "
              "protein found in red blood cells that's responsible for transporting oxygen to "
              "tissues in the body.");
}

/* ", saying …" is the sentence's subject's; "and added that …" is said by
 * who said the first part, one speaker hit for both */
static void
test_quotes_saying_and_added (void)
{
  static const Said saying[] = {
    { "they made Iran explore its intrinsic capabilities and forces", "Ayatollah Khamenei" },
  };
  static const Said added[] = {
    { "sanctions could be turned into an opportunity", "Lukashenko" },
    { "he was looking forward to expanding economic relations with Iran", "Lukashenko" },
  };
  const char *added_text =
    "Lukashenko said sanctions could be turned into an opportunity, and added that he was "
    "looking forward to expanding economic relations with Iran. The two agreed to set a "
    "target of $100 million for bilateral trade this year.";

  check ("Ayatollah Khamenei touched on U.S. sanctions against Iran since the victory of the "
         "Islamic Revolution, saying they made Iran explore its intrinsic capabilities and "
         "forces.", saying, G_N_ELEMENTS (saying));
  check (added_text, added, G_N_ELEMENTS (added));
  check_same_speaker (added_text);
}

/* According to X, … and …, according to X */
static void
test_quotes_according_to (void)
{
  static const Said rathbun[] = {
    { "a detective for the Los Angeles Sheriff's office was provided with material from "
      "Scientology to build a case against Montalvo", "Rathbun" },
  };
  static const Said figaro[] = {
    { "this government plan could free up 42 million euros, of which 15.5 million would go "
      "towards security", "Le Figaro" },
  };

  check ("According to Rathbun, a detective for the Los Angeles Sheriff's office was provided "
         "with material from Scientology to build a case against Montalvo.",
         rathbun, G_N_ELEMENTS (rathbun));
  check ("According to Le Figaro, this government plan could free up 42 million euros, of "
         "which 15.5 million would go towards security.", figaro, G_N_ELEMENTS (figaro));
  /* After a colon, and a source longer than a noun */
  check ("Therefore the irksome signs will not completely disappear: According to "
         "information from the news agency dpa, they will only be activated if, for instance, the "
         "artist or record label is not a member of GEMA.",
         (const Said[]) {
           { "they will only be activated if, for instance, the artist or record label is not a "
             "member of GEMA",
             "information from the news agency dpa" },
         }, 1);
  /* Not a speaker */
  check_none ("Chinese New Year and other feasts observed by Thai Chinese vary with respect "
              "to both, as these are calculated according to the Chinese calendar.");
}

/* Scare quotes, titles of works, questions, "said" that attributes nothing */
static void
test_quotes_not_claims (void)
{
  check_none ("Seagal made headlines when he described Russia's actions in Crimea, which it "
              "annexed in 2014, as \"very reasonable\".");
  check_none ("Branson's train was described as \"built like a tank\" by engineers.");
  check_none ("In June 2012, the Icelandic band Sigur Rós released a video for the song "
              "\"Fjögur Píanó\", starring LaBeouf, in which he appears nude.");
  check_none ("New episodes are followed by after show, \"The Talking Dead.\"");
  check_none ("Rafferty recorded a new version of his Humblebums song \"Her Father Didn't "
              "Like Me Anyway\" on the album Over My Head (1994).");
  check_none ("“I wonder when in the world you’re going to do anything, Rudolf?” said my "
              "brother’s wife.");
  check_none ("So far 12 passengers have been taken to The Royal Preston Hospital, where "
              "three casualties are said to be in a \"critical condition\" and one serious.");
  check_none ("The Internet effort was said to be the main driver of capital expenditures for "
              "the unit.");
  check_none ("The said company has since been dissolved by the court.");
  check_none ("The agency warned of further delays.");
  /* What is emphasized as a noun phrase is no claim (news-gold's rule) */
  check_none ("Secretary Blinken emphasized the importance of the alliance.");
  /* Words of the speech-verb list's kind that are not verbs here (LitBank:
   * The War of the Worlds, Lady Bridget in the Never-Never Land) */
  check_none ("It had occurred towards midnight of the twelfth; and the spectroscope, to "
              "which he had at once resorted, indicated a mass of flaming gas, chiefly "
              "hydrogen, moving with an enormous velocity towards this earth.");
  check_none ("She felt pretty certain that Lady Bridget would have contrived to beg, borrow "
              "or steal -- on a hazardous promissory note, after the happy-go-lucky financial "
              "morals of that section of society to which by birth she belonged.");
  check_none ("On Sunday, China announced the attachment of the final panel to its telescope "
              "named Five hundred meter Aperture Spherical Telescope (FAST).");
  check_none ("The United States and Belarus signed eight agreements on trade, mining and "
              "transportation.");
  /* Verbs that also take "to" without promising anything */
  check_none ("It was so successful that the military continued to use it for many years "
              "after the war, and it was still in use in some countries in the 1980s.");
  check_none ("The review is also investigating inflammatory Facebook posts from September, "
              "alleged to come from police officers in the northern Ontario city.");
}

/* Without word lists (any language but English): quotations by their
 * punctuation, no speakers, no reported speech */
static void
test_quotes_other_languages (void)
{
  g_autoptr(SmLexicon) arabic = sm_lexicon_new_from_dirs ("ar", NULL);
  g_autoptr(SmLexicon) german = sm_lexicon_new_from_dirs ("de", NULL);
  static const Said schulman[] = {
    { "فيما الكثير من عمليات الانتقال الرقمي غير مسبوقة في الولايات المتحدة, فإن الانتقال "
      "السلمي للسلطة سبق له أن حدث", NULL },
  };
  static const Said lukashenko[] = {
    { "Iran and Belarus both want to see a just, multipolar world", NULL },
  };

  check_in ("كتبت كوري شولمان, المساعدة الخاصة لأوباما في تدوينة نشرتها يوم الإثنين: \"فيما "
            "الكثير من عمليات الانتقال الرقمي غير مسبوقة في الولايات المتحدة, فإن الانتقال "
            "السلمي للسلطة سبق له أن حدث\".", arabic, schulman, G_N_ELEMENTS (schulman));
  /* A scare quote of two words in Arabic: "“tremendous numbers”" */
  check_in ("لكن بعيداً عن كلامه السابق بشأن الحد من الهجرة, أعلن المرشح الجمهوري أنه كرئيس "
            "سيسمح \"بأعدادٍ هائلة\" من المهاجرين الشرعيين على أساس \"نظام الجدارة\".",
            arabic, NULL, 0);
  /* French marks with no-break spaces inside; a one-word scare quote */
  check_in ("«\u00a0Les pays sanctionnés par les États-Unis doivent travailler ensemble\u00a0», "
            "a déclaré le Guide. Il a parlé de «\u00a0coopération\u00a0».", german,
            (const Said[]) {
              { "Les pays sanctionnés par les États-Unis doivent travailler ensemble", NULL },
            }, 1);
  check_in ("„Iran and Belarus both want to see a just, multipolar world“, Lukashenko said. "
            "Lukashenko said sanctions could be turned into an opportunity.",
            german, lukashenko, G_N_ELEMENTS (lukashenko));
}

/* A user's list adds a speech verb */
static void
test_quotes_user_verbs (void)
{
  g_autofree char *dir = temp_folder_new ("quotes");
  const char * const dirs[] = { dir, NULL };
  g_autoptr(SmLexicon) before = english ();
  g_autoptr(SmLexicon) after = NULL;
  g_autofree char *path = NULL;
  const char *article = "Lukashenko opined that sanctions could be turned into an opportunity.";
  static const Said opined[] = {
    { "sanctions could be turned into an opportunity", "Lukashenko" },
  };

  path = temp_folder_write (dir, "en/speech-verbs.txt", "opined\n", -1);
  after = sm_lexicon_new_from_dirs ("en", dirs);

  check_in (article, before, NULL, 0);
  check_in (article, after, opined, G_N_ELEMENTS (opined));

  temp_folder_remove (dir);
}

/* Stray marks where a speaker would stand give no empty or reversed hit
 * (found by feeding random word salad to the recognizer) */
static void
test_quotes_stray_marks (void)
{
  const char *articles[] = {
    "The talks went well, ‘ saying\nHe left.",
    "He ; “ « \n\n she who ” „ Iran's Iran's   , ‘ saying \n said \n \" ; -   Leader",
    "“ ” said , , said: “",
  };

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(SmLexicon) lexicon = english ();
      g_auto(Found) found = { 0, };

      find (articles[i], lexicon, &found);
      for (guint j = found.n_before; j < found.hits->len; j++)
        {
          const SmHit *hit = &g_array_index (found.hits, SmHit, j);

          g_assert_cmpuint (hit->start, <, hit->end);
          g_assert_cmpuint (hit->end, <=, sm_text_get_length (found.text));
          if (hit->said_by >= 0)
            g_assert_cmpint (g_array_index (found.hits, SmHit, hit->said_by).role, ==, SM_ROLE_SPEAKER);
        }
    }
}

/* The sample article: as many claims and speakers as the gold, the same
 * on every run */
static void
test_quotes_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "belarus-iran-sanctions.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SmLexicon) lexicon = english ();
  guint n_claims = 0, n_speakers = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("The sample article is not in the source tree");
      return;
    }

  {
    g_auto(Found) first = { 0, };
    g_auto(Found) second = { 0, };

    find (contents, lexicon, &first);
    find (contents, lexicon, &second);
    g_assert_cmpuint (first.hits->len, ==, second.hits->len);
    g_assert_cmpmem (first.hits->data, first.hits->len * sizeof (SmHit),
                     second.hits->data, second.hits->len * sizeof (SmHit));

    for (guint i = first.n_before; i < first.hits->len; i++)
      {
        const SmHit *hit = &g_array_index (first.hits, SmHit, i);

        if (hit->role == SM_ROLE_CLAIM)
          {
            n_claims++;
            g_assert_cmpint (hit->said_by, >=, 0);
          }
        else if (hit->role == SM_ROLE_SPEAKER)
          n_speakers++;
      }
    g_assert_cmpuint (n_claims, ==, 22);
    g_assert_cmpuint (n_speakers, ==, 18);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotes/direct-then-speaker", test_quotes_direct_then_speaker);
  g_test_add_func ("/quotes/direct-said-speaker", test_quotes_direct_said_speaker);
  g_test_add_func ("/quotes/speaker-then-direct", test_quotes_speaker_then_direct);
  g_test_add_func ("/quotes/runs", test_quotes_runs);
  g_test_add_func ("/quotes/paragraphs", test_quotes_paragraphs);
  g_test_add_func ("/quotes/release-shapes", test_quotes_release_shapes);
  g_test_add_func ("/quotes/wrapped", test_quotes_wrapped);
  g_test_add_func ("/quotes/reports", test_quotes_reports);
  g_test_add_func ("/quotes/named-phrase", test_quotes_named_phrase);
  g_test_add_func ("/quotes/short", test_quotes_short);
  g_test_add_func ("/quotes/reported", test_quotes_reported);
  g_test_add_func ("/quotes/reported-after", test_quotes_reported_after);
  g_test_add_func ("/quotes/wire", test_quotes_wire);
  g_test_add_func ("/quotes/trailing", test_quotes_trailing);
  g_test_add_func ("/quotes/saying-and-added", test_quotes_saying_and_added);
  g_test_add_func ("/quotes/according-to", test_quotes_according_to);
  g_test_add_func ("/quotes/not-claims", test_quotes_not_claims);
  g_test_add_func ("/quotes/other-languages", test_quotes_other_languages);
  g_test_add_func ("/quotes/user-verbs", test_quotes_user_verbs);
  g_test_add_func ("/quotes/stray-marks", test_quotes_stray_marks);
  g_test_add_func ("/quotes/sample", test_quotes_sample);

  return g_test_run ();
}
