#!/usr/bin/env python3
"""Write the hand-made news gold set as Spanmark files (format version 1).

The annotations below were made by hand, reading each article sentence by
sentence, without running or reading any Spanmark recognizer (see README.md).
They are kept here as data so that anyone can read and correct them; the
offsets are computed, never typed.

Each annotation names its text by an exact substring.  A bare string must occur
exactly once in the article; when it does not, give (text, context): the
context must occur exactly once in the article and the text exactly once
inside the context.  The script stops with a message on any ambiguity.

  CLAIMS:  (claim, speaker)      each claim is said_by that speaker mention;
                                 several claims may share one mention
  FIGURES: (kind, figure)        kind: money, percent, quantity, count,
                                 duration (kept as the span's "kind" member,
                                 which Spanmark keeps and ignores, so money
                                 and percentages can be scored on their own)

Usage: make-gold.py [--check] [SOURCE_DIR] — writes <name>.gold.json next to
this script; --check only verifies that the files there are up to date.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_files import run  # noqa: E402  (bench/suggest/gold_files.py)

DEFAULT_SOURCE = "/work/shared/testdata/commodity-news-corpus/raw-files/data"

ARTICLES = {}

# ---------------------------------------------------------------------------
ARTICLES["Meltdown-in-oil-continues-as-Brent-plunges"] = {
    "claims": [
        ("the situation in the oil markets is “going to be worse",
         "Per Magnus Nysveen"),
        ("The world is running out of place to store the oil",
         ("Nysveen", "oil,” Nysveen told")),
        ("storage acts as “a kind of buffer",
         ("Nysveen", "oil,” Nysveen told")),
        ("When the supply and demand balance is positive or negative, then you can build or draw from storage",
         ("he", "storage,” he said")),
        ("But when the storage gets full, then there is no buffer for this very strong imbalance that we’re seeing",
         ("he", "storage,” he said")),
        ("the “world is overflowing in oil” despite a recent decision by the Organization of the Petroleum Exporting Countries and its allies — known collectively as OPEC+ — to cut oil supply",
         "Pictet Wealth Management’s Jean-Pierre Durante"),
        ("World storage capacity will rapidly reach saturation point",
         ("Durante", "said Durante")),
    ],
    "figures": [
        ("percent", ("13%", "plunges 13%")),
        ("percent", ("13%", "dropped 13%")),
        ("money", "$16.82 per barrel"),
        ("percent", ("3%", "fell 3%")),
        ("money", "$11.20 per barrel"),
        ("money", "$19 per barrel"),
        ("percent", "40%"),
        ("money", "$24 per barrel"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["Oil-drops-7%-on-Europe-vaccine-snag-US"] = {
    "claims": [
        ("U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on Russia",
         "Phillip Streible"),
        # The next quotation has no attribution of its own: same speaker.
        ("One way Russia could retaliate is to target shale producers by flooding the market with oil",
         "Phillip Streible"),
        (("I do", "said “I do.”"), "U.S. President Joe Biden"),
        ("it’s recalling its ambassador to Washington for consultations",
         ("Russia", "Russia then announced")),
        ("West Texas Intermediate crude for April delivery fell $4.60, or 7.1%, to settle at $60 a barrel on the New York Mercantile Exchange, with prices suffering their largest one-day percentage loss since Sept. 8",
         "Dow Jones Market Data"),
        ("U.S. crude inventories rose by 2.4 million barrels for the week ended March 12",
         "The Energy Information Administration"),
        ("Crude stocks have been swelling for the past four weeks, largely as a postmortem effect of the February freeze in Texas that slashed the demand for oil input into refineries",
         "Louise Dickson"),
        ("In terms of the inventory builds, these will take time to clear out, but the U.S. appears to be moving in the right direction with its vaccine rollouts and lifting restrictions across many states that should spur economic recovery and end-user oil consumption",
         ("she", "consumption,” she said")),
        ("A sluggish vaccine rollout in Europe also remains a weight on crude",
         ("analysts", "crude, analysts said")),
        ("Even if the AstraZeneca vaccine recovers public confidence, this will likely not be the last inoculation issue to arise as countries race to vaccinate as many people as possible all while new mutations are constantly being discovered",
         ("Dickson", "said Dickson.")),
        ("Gasoline inventories, which had fallen sharply in previous weeks as a result of refinery shutdowns, also rose last week",
         "the EIA"),
        ("Gasoline had been the engine pulling the energy rally higher before the recent pullback",
         "Robert Yawger"),
        ("Wednesday’s gasoline storage build “could put the brakes on that dynamic",
         ("he", "dynamic,” he said")),
        ("domestic supplies of natural gas declined by 11 billion cubic feet for the week ended March 12",
         "The U.S. Energy Information Administration"),
    ],
    "figures": [
        ("percent", ("7%", "Oil drops 7%")),
        ("percent", ("7%", "dropped 7%")),
        ("duration", ("two weeks", "more than two weeks")),
        ("money", "$4.60"),
        ("percent", "7.1%"),
        ("money", "$60 a barrel"),
        ("money", "$4.72"),
        ("percent", "6.9%"),
        ("money", "$63.28 a barrel"),
        ("quantity", "2.4 million barrels"),
        ("duration", ("three weeks", "previous three weeks")),
        ("duration", "four weeks"),
        ("percent", ("5%", "fell 5%")),
        ("money", "$1.94 a gallon"),
        ("percent", "6.4%"),
        ("money", "$1.78 a gallon"),
        ("percent", "1.9%"),
        ("money", "$2.48 per million British thermal units"),
        ("quantity", "11 billion cubic feet"),
        ("quantity", "17 billion cubic feet"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["Oil-sinks-to-lowest-this-month-on-US"] = {
    "claims": [
        ("U.S.-Russia tensions are increasing, with the U.S. threatening sanctions on Russia",
         "Blue Line Futures chief market strategist Phillip Streible"),
        ("one way Russia could retaliate is to target shale producers by flooding the market with oil",
         "Blue Line Futures chief market strategist Phillip Streible"),
        ("a killer", "President Biden"),
        ("Europe's sluggish vaccine rollout also remains a weight on crude, raising questions about the speed of the recovery in demand",
         "Analysts"),
        ("Even if the AstraZeneca vaccine recovers public confidence, this will likely not be the last inoculation issue to arise as countries race to vaccinate as many people as possible all while new mutations are constantly being discovered",
         "Rystad Energy analyst Louise Dickson"),
        ("stockpiles could grow further since WTI recently switched from backwardation to contango, where front-month oil is cheaper than the second-month",
         "traders"),
        ("Contango is bearish because it encourages [firms to] store crude oil and sell it further down the curve at a profit",
         "Mizuho's Bob Yawger"),
        ("pre-pandemic global oil demand is unlikely to return for at least another two years",
         "the latest report from the International Energy Agency"),
    ],
    "figures": [
        ("percent", ("5%", "more than 5%")),
        ("percent", "5.8%"),
        ("money", "$60.85/bbl"),
        ("percent", "5.5%"),
        ("money", "$64.23/bbl"),
        ("duration", "two-week"),
        ("duration", "two years"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["embargo"] = {
    "claims": [
        ("it was prepared to impose “strong and swift” economic sanctions on Venezuela, including banning its crude-oil exports to the U.S., if its president moves ahead with a plan to rewrite the country’s constitution",
         "The Trump administration"),
        ("banning exports of oil from Venezuela is also a possibility",
         "The former Exxon CEO"),
        ("The U.S. is considering a ban on oil imports from Venezuela but is wary of damage to U.S. companies",
         "Secretary of State Tillerson"),
        ("a US oil embargo will not help Washington to oust Maduro, but will create more hardship for the Venezuelan people, who are suffering from food and medical shortages",
         "Critics"),
        ("it may impose an embargo on imports from Venezuela to add more pressure on Maduro before the presidential elections in the country in April",
         ("Washington", "Washington warned")),
        ("The oil embargo would be one of the biggest mistakes in international politics that Donald Trump would commit",
         ("Maduro", "Maduro posted")),
        ("Venezuela’s oil exports sank 40 percent in the first full month after the beginning of U.S. sanctions designed to oust Socialist President Nicolas Maduro",
         "data from state-run oil firm PDVSA and Refinitiv Eikon"),
        ("the US could sanction Venezuelan oil imports, possibly crippling the country’s economy",
         "Secretary of State Rex Tillerson"),
        ("The United States is preparing to impose more sanctions on Venezuela’s oil sector",
         ("President Donald Trump", "President Donald Trump said")),
        ("new sanctions against Venezuela’s oil sector will be more aggressive in punishing people and companies that violate them",
         "U.S. Special Representative for Venezuela Elliott Abrams"),
        ("The actual supply cut is more than 2.5 million bpd",
         "OPEC figures"),
    ],
    "figures": [
        ("percent", "40 percent"),
        ("quantity", "165,000 bpd"),
        ("quantity", "675,000 bpd"),
        ("quantity", "245,000 bpd"),
        ("quantity", "1.28 million to 1.46 million bpd"),
        ("quantity", "200,000 bpd"),
        ("count", "three straight sessions"),
        ("duration", "four-year"),
        ("quantity", "2.5 million bpd"),
        ("count", "two OPEC founder members"),
        ("quantity", "1 million bpd"),
        ("duration", ("two years", "lowest in two years")),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["movement_up_gain"] = {
    "claims": [
        ("it expects domestic oil output in 2016 to grow only 2.2 percent, the slowest pace in years, as the relentless rout in prices puts the brakes on the country’s five-year shale boom",
         "The U.S. government"),
        ("Production of oil has risen steadily , climbing to nearly 1.8 billion gallons in 2013 from 1.1 billion gallons in 2012",
         "the National Biodiesel Board"),
        ("OPEC’s oil production rose in July from June", "a Reuters survey"),
        ("Venezuelan oil production has been falling fast since 2014, but the country still pumped 1.7 million barrels a day in December, according to industry estimates",
         "CNN Money"),
        ("The actual supply cut is more than 2.5 million bpd", "OPEC figures"),
        ("Venezuela’s exports since then have dropped to 920,000 barrels per day (bpd) of crude and fuel",
         "the data"),
        ("prices would fall further", "Goldman Sachs"),
        ("it will not cut oil output despite fears of a glut", ("OPEC", "after OPEC once")),
        ("ExxonMobil plans to triple its production in the Permian Basin",
         "the energy giant"),
    ],
    "figures": [
        ("percent", "4 percent"),
        ("percent", "2.2 percent"),
        ("duration", "five-year"),
        ("quantity", "1.8 billion gallons"),
        ("quantity", "1.1 billion gallons"),
        ("duration", "5-1/2-year"),
        ("money", "$105 a barrel"),
        ("duration", "four-month"),
        ("money", "$110 a barrel"),
        ("money", "$19 a barrel"),
        ("money", "$18.84"),
        ("money", "$112"),
        ("quantity", "1.7 million barrels per day"),
        ("percent", "0.1 per cent"),
        ("duration", "ten quarters"),
        ("percent", "12 per cent"),
        ("percent", "17 per cent"),
        ("quantity", "1.7 million barrels a day"),
        ("quantity", "2.5 million bpd"),
        ("count", "two OPEC founder members"),
        ("duration", "four-year"),
        ("count", "three straight sessions"),
        ("quantity", "920,000 barrels per day"),
        ("quantity", "800,000 bpd"),
        ("count", "11 members"),
        ("percent", ("5 percent", "Oil fell 5 percent")),
        ("duration", "six years"),
        ("duration", "46-year"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["shortages"] = {
    "claims": [
        ("Oil prices are at a suitable level for OPEC members and the group sees no shortage in supply",
         "the United Arab Emirates Energy Minister Suhail bin Mohammed al-Mazroui"),
        ("the rise of Islamic State presented a major challenge for the investment necessary to prevent an oil shortage in the next decade",
         "The International Energy Agency’s chief economist Fatih Birol"),
        ("An oil supply shortage may be the last thing on investors’ minds right now, but the ability of OPEC producers to cope with an unexpected surge in demand is diminishing fast",
         "analysts and forecasters"),
        ("Falling oil prices caused a liquidity shortage at Iraq’s listed banks, reducing their overall profit before tax 44 percent to 74 billion dinars ($68 million) in the third quarter from a year earlier",
         "a report by Rabee Securities in Baghdad"),
        ("Riyadh does not want prices to fall again because of fiscal pressures at home and as it fears that a drop in oil investment around the world could lead to acute shortages and price spikes",
         "Sources familiar with the matter"),
        ("a sharp drop in global investment in oil and gas would result in a supply shortage by the end of the decade",
         "Oil executives and the International Energy Agency"),
        ("he thought the world was headed for a global supply shortage",
         "the CEO of Saudi Aramco Amin Nasser"),
        ("U.S. gasoline futures RBc1 pared gains and ended a shade firmer after hitting their strongest levels in four months and the highest in three years for this time of year as traders booked profits and worries over supply shortages have already been priced in",
         "market participants"),
    ],
    "figures": [
        ("percent", "44 percent"),
        ("money", "74 billion dinars"),
        ("money", "$68 million"),
        ("duration", "12-year"),
        ("money", "$26-$27 a barrel"),
        ("money", "$50"),
        ("count", "two oil sands producers"),
        ("duration", "four months"),
        ("duration", "three years"),
        ("percent", "26 percent"),
        ("duration", "two-year"),
        ("money", "$2 a gallon"),
    ],
}


if __name__ == "__main__":
    run(HERE, DEFAULT_SOURCE, ARTICLES)  # the articles are SOURCE/<name>.txt
