#!/usr/bin/env python3
"""Write the held-out gold set as Spanmark files (format version 1).

HELD OUT: never tune the recognizers on these files; measure only.

The annotations below were made by hand, reading each press release sentence
by sentence, without running or reading any Spanmark recognizer (see
README.md).  They are kept here as data so that anyone can read and correct
them; the offsets are computed, never typed.  Each document's text is the
`text` member of its line in the re3d source folder's documents.json
(mongoexport JSON lines), unchanged.

The annotations are written as in ../news-gold/make-gold.py (exact
substrings, with a context where one occurs more than once; see
../gold_files.py), with one more member:

  source:  (folder, _id)   the re3d source folder and the document's _id

Usage: make-gold.py [--check] [RE3D_DIR] — writes <name>.gold.json next to
this script; --check only verifies that the files there are up to date.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_files import GoldError, run  # noqa: E402  (bench/suggest/gold_files.py)

DEFAULT_SOURCE = "/work/shared/testdata/re3d-open"

ARTICLES = {}

# ---------------------------------------------------------------------------
ARTICLES["centcom-carter-abadi"] = {
    "source": ("CENTCOM", "6646F63F6AC6B483D15DA258CB182147"),
    "claims": [
        ("Defense Secretary Ash Carter today met with Iraqi Prime Minister\u200e Haider al-Abadi in Baghdad, where the two leaders discussed the campaign to liberate the Iraqi city of Mosul from Islamic State of Iraq and the Levant terrorists and other issues",
         "a Defense Department news release"),
        ("The meeting focused on the military campaign to deliver ISIL a lasting defeat, and Carter complimented the prime minister on the performance of Iraqi security forces in the ongoing fight for Mosul",
         ("the release", "Mosul, the release said")),
        ("the two leaders discussed the next steps in the Mosul operation, including the need to continue the close cooperation between the Iraqi government and the Kurdistan regional government",
         "The release"),
        ("Carter thanked Abadi for nearly two years of a close personal partnership, and noted the continued supporting role the United States and the counter-ISIL coalition can play in Iraq's efforts to destroy the terrorist group",
         ("the release", "according to the release")),
        ("The secretary and Abadi agreed that there will still be work to rid Iraq of ISIL after the liberation of Mosul\u200e, and that a strong U.S.-Iraq partnership is critical to finish ISIL and address the security challenges that follow",
         ("the release", "follow, the release said")),
        ("On behalf of the Department of Defense, I want to convey my deepest condolences to the families of the victims in Saturday's cowardly terrorist attack in Istanbul",
         "the secretary"),
        # The next quotation has no attribution of its own: same speaker.
        ("This attack only redoubles our resolve to stand shoulder-to-shoulder with our Turkish allies in condemning these attacks and relentlessly combating terrorism. We remain firmly committed to working closely with Turkey within NATO and the counter-ISIL coalition as well as bilaterally to combat such threats to security and stability",
         "the secretary"),
    ],
    "figures": [
        ("count", ("two leaders", "where the two leaders")),
        ("count", ("two leaders", "said the two leaders")),
        ("duration", "two years"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["centcom-cook-airstrikes"] = {
    "source": ("CENTCOM", "76957901E4278B498901454FA209CFFA"),
    "claims": [
        ("A series of precision U.S. airstrikes against al-Qaida operatives this week in northwestern Syria’s Idlib province killed more than 20 militants and destroyed eight vehicles and nine structures",
         "Pentagon Press Secretary Peter Cook"),
        ("A U.S. strike on Jan. 1 hit two al-Qaida vehicles that had departed a large al-Qaida headquarters near Sarmada, Syria",
         ("Cook", "Syria, Cook said")),
        ("a Jan. 3 U.S. strike hit the headquarters compound itself",
         ("he", "itself, he added")),
        ("Al-Qaida's foreign terrorist fighter network used this headquarters as a gathering place, and their leaders directed terrorist operations out of this location",
         ("Cook", "location,” Cook said")),
        ("As you know, al-Qaida remains committed to carrying out terrorist attacks against the United States, our interests, and our allies and friends. We will continue to take actions to deny any safe haven for al-Qaida in Syria. We will not allow al-Qaida to grow its capacity to attack the United States or our allies around the world, and these strikes demonstrate that commitment",
         ("He", "He added, “As")),
        ("the campaign against Islamic State of Iraq and the Levant terrorists is also progressing in both Iraq and Syria",
         ("Cook", "Cook said the campaign")),
        ("Iraqi security forces have made progress in liberating neighborhoods and in clearing areas already liberated",
         ("he", "liberated, he said")),
        ("They have further linked the various axes of advance into Mosul, which as we’ve mentioned previously makes the ISF’s job easier and ISIL’s job more difficult",
         ("Cook", "difficult,” Cook said")),
        # The next quotation has no attribution of its own: same speaker.
        ("Of course, the global coalition continues to support Iraqi forces with air strikes -- eight in the last 24 hours in support of the Mosul operations -- as well as assistance from the ground",
         ("Cook", "difficult,” Cook said")),
        ("Syrian democratic forces continue to liberate territory on the way to Raqqah",
         "the press secretary"),
        ("SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, and continue to make progress in clearing areas north and west of Raqqah",
         ("Cook", "Raqqah,” Cook said")),
        # The next quotation has no attribution of its own: same speaker.
        ("In support of these operations, the coalition in the last 24 hours conducted 10 airstrikes, including strikes against both tactical units and the oil infrastructure that provides ISIL’s shrinking financial support",
         ("Cook", "Raqqah,” Cook said")),
    ],
    "figures": [
        ("count", "20 militants"),
        ("count", "eight vehicles"),
        ("count", "nine structures"),
        ("count", "two al-Qaida vehicles"),
        ("count", ("eight", "-- eight in")),
        ("duration", ("24 hours", "eight in the last 24 hours")),
        ("quantity", "7.5 kilometers"),
        ("duration", ("24 hours", "last 24 hours conducted")),
        ("count", "10 airstrikes"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["centcom-davis-mosul-raqqa"] = {
    "source": ("CENTCOM", "D52939C747F4DB8D1ECF6D415559ADA0"),
    "claims": [
        ("Iraqi forces maintained their defensive positions against Islamic State of Iraq and the Levant fighters on three sides of Mosul, the country’s second-largest city",
         "Pentagon press operations director Navy Capt. Jeff Davis"),
        ("ISIL has had control of Mosul for two years, and the Iraqis have cleared 15 to 20 percent of the city of enemy forces since the liberation of the city began Oct. 17",
         ("Davis", "Oct. 17, Davis said")),
        ("the U.S.-led \ncoalition\n conducted five airstrikes, delivering 101 munitions",
         ("Davis", "hours, Davis said")),
        ("These strikes engaged three ISIL tactical units, four ISIL vehicles, four enemy mortar systems, four ISIL-held buildings, three rocket-propelled grenades, two vehicle-borne homemade bombs, two front-end loaders, a tunnel, a land bridge and a supply cache; damaged 13 supply routes; and suppressed three ISIL tactical units",
         ("he", "units, he added")),
        ("the number of munitions delivered in support of the liberation \ncampaign\n now totals 6,602",
         ("Davis", "Davis said the number")),
        ("The airstrikes have destroyed 967 vehicle bombs, 111 tunnels, 274 vehicles, 280 bunkers, 20 anti-aircraft artillery systems and 224 artillery and mortar systems",
         ("he", "systems, he said")),
        ("Many Arab citizens who have been liberated from villages around Raqqa are seeking to join the SDF’s fight against ISIL",
         ("Davis", "ISIL, Davis said")),
        ("The SDF have regained about 300 square miles since the isolation of Raqqa began early last month",
         ("Davis", "month, Davis said")),
        ("the U.S.-led coalition’s four airstrikes delivered 24 munitions against ISIL targets, which include three tactical units, a command-and-control node and five supply routes in support of SDF operations to isolate Raqqa",
         ("Davis", "Raqqa, Davis said")),
        ("The most recent airstrikes bring the total number of munitions in support of the SDF since Dec. 5 to 922",
         ("he", "922, he added")),
    ],
    "figures": [
        ("duration", ("24 hours", "In the past 24 hours, Iraqi")),
        ("count", "three sides"),
        ("duration", "two years"),
        ("percent", "15 to 20 percent"),
        ("duration", ("24 hours", "Also in the past 24 hours")),
        ("count", "five airstrikes"),
        ("count", "101 munitions"),
        ("count", ("three ISIL tactical units", "engaged three ISIL tactical units")),
        ("count", "four ISIL vehicles"),
        ("count", "four enemy mortar systems"),
        ("count", "four ISIL-held buildings"),
        ("count", "three rocket-propelled grenades"),
        ("count", "two vehicle-borne homemade bombs"),
        ("count", "two front-end loaders"),
        ("count", "13 supply routes"),
        ("count", ("three ISIL tactical units", "suppressed three ISIL tactical units")),
        ("count", "6,602"),
        ("count", "967 vehicle bombs"),
        ("count", "111 tunnels"),
        ("count", "274 vehicles"),
        ("count", "280 bunkers"),
        ("count", "20 anti-aircraft artillery systems"),
        ("count", "224 artillery and mortar systems"),
        ("quantity", "300 square miles"),
        ("duration", ("24 hours", "In the past 24 hours, the U.S.-led")),
        ("count", "four airstrikes"),
        ("count", "24 munitions"),
        ("count", "three tactical units"),
        ("count", "five supply routes"),
        ("count", "922"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["centcom-dayton"] = {
    "source": ("CENTCOM", "F7AC57DBBAD0284C8C0DE6566B9B5C29"),
    "claims": [
        ("Navy Senior Chief Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in northern Syria, of wounds sustained in an improvised explosive device blast",
         "a DoD news release issued yesterday"),
        ("Dayton, who was supporting Operation Inherent Resolve, was assigned to Explosive Ordnance Disposal Mobile Unit Two, which is based in Virginia Beach, Virginia",
         ("the release", "Virginia, the release said")),
        ("I am deeply saddened by the news on this Thanksgiving Day that one of our brave service members has been killed in Syria while protecting us from the evil of ISIL",
         ("Carter", "Carter said")),
        # The next quotation has no attribution of its own: same speaker.
        ("It is a painful reminder of the dangers our men and women in uniform face around the world to keep us safe",
         ("Carter", "Carter said")),
        ("Please keep this service member's family, friends and teammates in your thoughts and prayers, and this Thanksgiving I hope you will join me in expressing thanks to all of our dedicated troops who selflessly protect us every day",
         "The secretary"),
        ("Dayton was mortally wounded in the vicinity of Ayn Issa in northern Syria",
         "a Combined Joint Task Force - Operation Inherent Resolve news release"),
        ("The entire counter-ISIL coalition sends our condolences to this hero's family, friends and teammates",
         "Army Lt. Gen. Stephen J. Townsend"),
        # The next quotation has no attribution of its own: same speaker.
        ("On this Thanksgiving, please be thankful that there are service members willing to take up the fight to protect our homeland from ISIL's hateful and brutal ideology",
         "Army Lt. Gen. Stephen J. Townsend"),
    ],
    # "Dayton, 42," is an age without a unit: not a figure.
    "figures": [],
}

# ---------------------------------------------------------------------------
ARTICLES["centcom-tinker-airmen"] = {
    "source": ("CENTCOM", "E50B8563BB8395102D95333699FF73A3"),
    "claims": [
        ("The nation’s business is why we are all here", "Col. Travis Caughlin"),
        # The next quotation has no attribution of its own: same speaker.
        ("We’ve spent a long time training and preparing and it’s very worthwhile when you get to go execute what’s really going on. It doesn’t get any more real than this",
         "Col. Travis Caughlin"),
        ("support from the Air Reserve Component is vital", "wing leadership"),
        # The closing mark is typed as an opening one (“Caughlin said).
        ("I’m convinced tankers are the key to global reach",
         ("Caughlin", "“Caughlin said")),
        ("If we don’t get there, fighters, bombers, and airlifters won’t get there without the tanker. We’ve got to get that gas to the warfighter",
         ("Caughlin", "“Caughlin said")),
    ],
    "figures": [
        ("count", "Ninety-Four Citizen Airmen"),
        ("duration", "two months"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["ukgov-johnson-aleppo"] = {
    "source": ("UK Government", "78C6FA20C3559F23A36974F2B22BC73A"),
    "claims": [
        ("it has still not been given access to eastern Aleppo", "The UN"),
        # A quotation in three paragraphs, each opened by “ and only the
        # last one closed: one claim per paragraph, all said by Johnson.
        ("It is unacceptable that the UN has still not been given access to eastern Aleppo to assist those who remain and carry out monitoring. The regime and those who back it must immediately deliver on their obligations and comply with Security Council Resolution 2328 to ensure that civilians are protected",
         "the Foreign Secretary Boris Johnson"),
        ("The Syrian army now claims full control of Aleppo, but this is a hollow victory. Assad has been utterly dependent on foreign militias and Russian air support, and has caused destruction on a tragic scale including further atrocities against the Syrian people. Assad’s brutal regime can never unite Syria and bring stability",
         "the Foreign Secretary Boris Johnson"),
        ("There is only one way to end this conflict: a Syrian-led political settlement based on a transition away from the Assad regime. The international community – including Russia and Iran – must now work to support a nationwide Cessation of Hostilities to help create the environment for a political settlement based on genuine transition",
         "the Foreign Secretary Boris Johnson"),
    ],
    "figures": [],
}

# ---------------------------------------------------------------------------
ARTICLES["ukgov-ellwood-mosul"] = {
    "source": ("UK Government", "ED9C03D12FCA518C78DD6C3909CA5E42"),
    # "X said:" followed by the statement in paragraphs without quotation
    # marks: one claim per paragraph, all said by that mention.
    "claims": [
        ("Nearly 12 months since the city of Mosul in Northern Iraq was taken by ISIL terrorists, we have heard once again about the horrendous treatment of the people of Mosul",
         ("Tobias Ellwood", "Tobias Ellwood said:")),
        ("I am appalled by reports of the murder of hundreds of people, the ill treatment of women and the recruitment of children as young as 10 as soldiers, executioners and suicide bombers",
         ("Tobias Ellwood", "Tobias Ellwood said:")),
        ("The UK, the wider Global Coalition and the Government of Iraq are committed to defeating these terrorists and have already supported the re-taking by Iraqi security forces of over 25% of Iraqi territory, including Tikrit. We have supported the liberation of key towns in Northern Iraq including Rabiyah and Zumar, broken the siege of the Yazidis on Mount Sinjar, and pushed ISIL out of Kobane",
         ("Tobias Ellwood", "Tobias Ellwood said:")),
        ("As the second largest contributor to the Coalition military activities, the UK has flown over 870 missions, conducted over 265 bombing raids on ISIL targets, and is now providing an additional 125 soldiers to assist in Counter-IED training for the Iraqi Army helping them to clear territory safely and return it to local people",
         ("Tobias Ellwood", "Tobias Ellwood said:")),
        ("Last week, we also announced that we would increase our humanitarian support to Iraq by £20 million, bringing our total contribution to £59.5 million, supporting people across Iraq who have been forced to flee from ISIL’s brutality",
         ("Tobias Ellwood", "Tobias Ellwood said:")),
    ],
    # "children as young as 10" is an age without a unit: not a figure.
    "figures": [
        ("duration", ("12 months", "Speaking nearly 12 months")),
        ("duration", ("12 months", "Nearly 12 months since")),
        ("percent", "25%"),
        ("count", "870 missions"),
        ("count", "265 bombing raids"),
        ("count", "125 soldiers"),
        ("money", "£20 million"),
        ("money", "£59.5 million"),
    ],
}

# ---------------------------------------------------------------------------
ARTICLES["ukgov-ellwood-madaya"] = {
    "source": ("UK Government", "8A716D1B7D81B723DFD8361BAEA100DC"),
    # As above: the statement's paragraphs follow "X said:" without marks.
    "claims": [
        ("I am deeply relieved by the delivery of life-saving food and aid supplies to Madaya. Although long overdue, these supplies will help relieve the suffering of 40,000 civilians besieged within the city",
         "Foreign Office Minister Tobias Ellwood"),
        ("The UN Security Council is clear that the use of starvation of civilians as a method of combat, including the besiegement of populated areas, is unacceptable. But last year just 10 per cent of UN convoy requests to besieged areas were approved by the Asad regime. The International Community must do all it can to pressure the Asad regime to lift sieges in place across Syria and sustain humanitarian access",
         "Foreign Office Minister Tobias Ellwood"),
        ("The UK is at the forefront of global efforts to provide humanitarian aid having committed over £1.1bn to vulnerable and displaced people inside Syria and to refugees in neighbouring countries. In February we will bring together world leaders in London to identify long-term solutions to help address the needs of those affected by the crisis",
         "Foreign Office Minister Tobias Ellwood"),
    ],
    "figures": [
        ("count", "40,000 civilians"),
        ("percent", "10 per cent"),
        ("money", "£1.1bn"),
    ],
}


def read_text(source, name, ann):
    """The text of the document ann["source"] names, from its folder's
    documents.json, one JSON object a line (mongoexport), exactly as it
    stands there."""
    folder, doc_id = ann["source"]
    with open(os.path.join(source, folder, "documents.json"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                if doc["_id"] == doc_id:
                    return doc["text"]
    raise GoldError(f"{folder}: no document {doc_id}")


if __name__ == "__main__":
    run(HERE, DEFAULT_SOURCE, ARTICLES, read_text)
