#!/usr/bin/env python3
# generate-corpus.py: writes a corpus of annotated news articles as Spanmark files.
#
# Each document is a few paragraphs built from the sample article's sentences
# and from lines in other scripts (emoji, combining marks, Arabic, Persian),
# with speakers, claims, figures and said_by relations on them, so that an
# export meets what real corpora hold. The same seed gives the same corpus.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import hashlib
import json
import os
import random
import re
import sys

EXTRA_LINES = [
    "“We will not accept 🚫 sanctions,” the minister said on Tuesday 👍🏽.",
    "Café owners in Zürich said prices rose 5 per cent (e\u0301 written with a combining mark).",
    "قال المتحدث إن الصادرات ارتفعت 12 في المئة هذا العام.",
    "وزیر گفت که تولید ۵۱۰ هزار بشکه در روز است.",
    "The flag 🇮🇷 and the family 👨‍👩‍👧 appear in posts\r\nwith CR LF line ends.",
    "Officials said 3,200 people attended, up from 1,850 last year.",
]

STATUSES = ["new", "in-progress", "done"]


def sentences(text):
    # The sample article has a paragraph per line; keep whole lines
    return [line for line in text.split("\n") if line.strip()]


def make_document(rng, pool, index):
    lines = rng.sample(pool, k=min(len(pool), rng.randint(8, 14)))
    text = "\n".join(lines) + "\n"
    spans = []
    relations = []
    taken = set()

    def add(label, start, end):
        if start >= end or (label, start, end) in taken:
            return None
        taken.add((label, start, end))
        span_id = "T%d" % (len(spans) + 1)
        spans.append({"id": span_id, "label": label, "start": start, "end": end,
                      "text": text[start:end]})
        return span_id

    offset = 0
    for line in lines:
        # A claim on each quotation, said by the speaker after it
        for quote in re.finditer(r"“([^”]+)”", line):
            claim = add("CLAIM", offset + quote.start(1), offset + quote.end(1))
            said = re.search(r"(?:,”|”,?) ((?:[A-Z][a-z]+ )*[A-Z][a-z]+) said", line[quote.end():])
            if claim and said:
                start = offset + quote.end() + said.start(1)
                speaker = add("SPEAKER", start, start + len(said.group(1)))
                if speaker:
                    relations.append({"id": "R%d" % (len(relations) + 1), "type": "said_by",
                                      "from": claim, "to": speaker})
        for figure in re.finditer(r"\$?\d[\d,.]*(?: (?:million|billion|per cent|years))?", line):
            add("FIGURE", offset + figure.start(), offset + figure.end())
        offset += len(line) + 1

    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return {
        "format": "spanmark",
        "version": 1,
        "document": {
            "name": "article-%05d" % index,
            "text": text,
            "length": len(text),
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
        "labels": [
            {"id": "SPEAKER", "name": "Speaker", "color": "#3584e4", "key": "1"},
            {"id": "CLAIM", "name": "Claim", "color": "#e5a50a", "key": "2"},
            {"id": "FIGURE", "name": "Figure", "color": "#2ec27e", "key": "3"},
        ],
        "spans": spans,
        "relations": relations,
        "status": STATUSES[index % 3],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", help="the sample article, data/samples/belarus-iran-sanctions.txt")
    parser.add_argument("folder", help="where to write the documents (made if missing)")
    parser.add_argument("-n", "--count", type=int, default=1000, help="how many documents")
    parser.add_argument("--seed", type=int, default=4, help="the random seed")
    args = parser.parse_args()

    with open(args.article, encoding="utf-8") as f:
        pool = sentences(f.read()) + EXTRA_LINES

    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)
    for index in range(1, args.count + 1):
        document = make_document(rng, pool, index)
        path = os.path.join(args.folder, document["document"]["name"] + ".json")
        with open(path, "w", encoding="utf-8", newline="") as f:
            json.dump(document, f, ensure_ascii=False, indent=1)
            f.write("\n")

    print("wrote %d documents to %s" % (args.count, args.folder), file=sys.stderr)


if __name__ == "__main__":
    main()
