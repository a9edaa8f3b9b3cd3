#!/usr/bin/env python3
"""Write the hand-made development gold set (four Wikinews articles) as
Spanmark files (format version 1).

The annotations below were made by hand, reading each article sentence by
sentence, without running or reading any Spanmark recognizer (see README.md).
They are kept here as data so that anyone can read and correct them; the
offsets are computed, never typed.  This is a development set: the
recognizers may be tuned on it.

Each annotation names its text by an exact substring.  A bare string must occur
exactly once in the article; when it does not, give (text, context): the
context must occur exactly once in the article and the text exactly once
inside the context.  The script stops with a message on any ambiguity.

  CLAIMS:  (claim, speaker)      each claim is said_by that speaker mention;
                                 several claims may share one mention
  FIGURES: (kind, figure)        kind: money, percent, quantity, count,
                                 duration (kept as the span's "kind" member)

Usage: make-gold.py [--check] [SOURCE_DIR] — writes <name>.gold.json next to
this script; --check only verifies that the files there are up to date.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_files import run  # noqa: E402  (bench/suggest/gold_files.py)

DEFAULT_SOURCE = "/work/shared/testdata/qsample-wikinews/example/documents"

ARTICLES = {}

# ---------------------------------------------------------------------------
ARTICLES["wikinews-20070223-train"] = {
    "claims": [
        ("several passengers have broken bones", "Witnesses"),
        ("It's our understanding there are a number of people injured on the train. We think there are numerous injuries",
         "a spokesman for the Cumbria Fire and Rescue squad"),
        ("A train has crashed between Oxenholme and Tebay, but that is all we know at the moment. We have got two cars travelling there now and local police are attending",
         "a spokeswoman for the British Transport Police"),
        ("At the moment, we have reports of various injuries, from leg injuries to back injuries and head injuries -- ranging from minor to quite serious",
         "an unnamed ambulance official"),
        ("The carriage I am in is completely on its side, it did a sort of bump - and I was thinking don't worry this fine - but then the swaying became very dramatic",
         "a BBC executive"),
        ("Where I am there are some injuries - a woman with a very badly hurt back but I suspect further up the train it's a bit more serious",
         "a BBC executive"),
        ("the train hit something on the track at 20:15 near Grayrigg, between Oxenholme and Tebay, derailed and slid down an embankment",
         "First reports"),
        ("a set of points will be the primary focus of the investigation",
         "Early investigators reports"),
        ("All but one of the train's carriages are said to have totally come off the tracks",
         ("a spokeswoman", "tracks, a spokeswoman said")),
        ("Other major services are terminating at Preston or Carlisle",
         "National Rail Enquires"),
        ("the Virgin Train Pendolino was \"built like a tank", ("Branson", "Branson stated")),
        ("the track was to blame", ("Branson", "Branson stated")),
    ],
    "figures": [
        ("count", "9 Carriage"),
        ("count", "180 people"),
        ("count", "one carriage"),
        ("count", "5 people"),
        ("count", "11 people"),
        ("count", "1 death"),
        ("duration", "84 year"),
        ("count", "two cars"),
        ("count", "twelve ambulances"),
        ("count", "five fire trucks"),
        ("count", "3 Royal Air Force Sea King helicopters"),
        ("count", "two mountain rescue teams"),
        ("count", "one police helicopter"),
        ("count", "12 passengers"),
        ("count", "three casualties"),
        ("count", "3 passengers"),
        ("quantity", "five mile"),
        ("quantity", "200 meters"),
        ("count", "700 sets of rail points"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["wikinews-20070306-drain"] = {
    "claims": [
        ("the size of the hole is much smaller than the 330 feet depth originally reported and that the erosion causing the collapse is believed to have happened over a long time, and not just during the recent rains as initially suspected",
         ("Mr. Haddox", "Mr. Haddox told us")),
        ("Things like this don't happen often and there are many interesting engineering lessons to be learned with them",
         ("Mr. Haddox", "them\", Mr. Haddox said")),
        ("Authorities are also concerned that similar breakages and undermining may be happening at other locations",
         ("Mr. Haddox", "locations, Mr. Haddox said")),
    ],
    "figures": [
        ("count", "three people"),
        ("count", "twelve houses"),
        ("duration", "53-year"),
        ("count", "a thousand people"),
        ("quantity", ("330 feet", "the 330 feet depth")),
        ("count", "four-story"),
        ("count", "two collector pipes"),
        ("quantity", "3.5m"),
        ("duration", "20 to 50 years"),
        ("duration", ("20 years", "last 20 years")),
        ("quantity", "20m"),
        ("quantity", "60m"),
        ("quantity", "204 feet"),
        ("quantity", ("330 feet", "not 330 feet")),
        ("quantity", "15m"),
        ("quantity", "25m"),
        ("quantity", "40m"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["wikinews-20160706-telescope"] = {
    "claims": [
        ("great scientific and technological capacity is a must for China to be strong",
         "Chinese President Xi Jinping"),
        ("the relocation would provide a \"sound electromagnetic wave environment",
         "senior party official Li Yuecheng"),
        ("FAST's \"potential to discover an alien civilization will be 5 to 10 times that of current equipment, as it can see farther and darker planets",
         "NAO Radio Astronomy Technology Laboratory director Peng Bo"),
    ],
    "figures": [
        ("duration", "five-year-long"),
        ("money", "US$180 million"),
        ("money", "CNY¥1.2 billion"),
        ("count", "4,500 panels"),
        ("quantity", "500 meters"),
        ("quantity", "1640 feet"),
        ("count", "9,100 inhabitants"),
        ("quantity", "3.1-mile"),
        ("quantity", "5km"),
        ("money", "US$1,800"),
        ("money", "CNY¥12,000"),
        ("money", "US$1,500"),
        ("money", "CNY¥10,000"),
        ("quantity", "305-meter"),
        ("quantity", "576 meters"),
        ("quantity", "5 to 10 times"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["wikinews-20160714-UN"] = {
    "claims": [
        ("China knowingly permitted the poaching of endangered turtles and clams as well as destroyed coral reefs to construct artificial islands",
         ("The tribunal", "The tribunal also concluded")),
        ("ill-founded", "The Chinese government"),
        ("China neither accepts nor recognizes", ("It", "It said")),
        ("milestone decision", "The Philippine government"),
        ("it was an \"important contribution to the shared goal of a peaceful resolution to disputes in the South China Sea",
         ("The US", "The US, a key ally")),
    ],
    "figures": [
        ("percent", "nine tenths"),
        ("money", "US$5 trillion"),
        ("quantity", "200-nautical mile"),
    ],
}


if __name__ == "__main__":
    run(HERE, DEFAULT_SOURCE, ARTICLES)  # the articles are SOURCE/<name>.txt
