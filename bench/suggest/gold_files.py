#!/usr/bin/env python3
"""What the hand-made gold sets' make-gold.py scripts share: finding each
annotation's text in the article, and writing the Spanmark files (format
version 1) with computed offsets, length and SHA-256.

Each annotation names its text by an exact substring.  A bare string must occur
exactly once in the article; when it does not, give (text, context): the
context must occur exactly once in the article and the text exactly once
inside the context.  GoldError says what is ambiguous.
"""

# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import sys

LABELS = [
    {"id": "SPEAKER", "name": "Speaker", "color": "#9141ac", "key": "1"},
    {"id": "CLAIM", "name": "Claim", "color": "#e5a50a", "key": "2"},
    {"id": "FIGURE", "name": "Figure", "color": "#2ec27e", "key": "3"},
]

FIGURE_KINDS = {"money", "percent", "quantity", "count", "duration"}


class GoldError(Exception):
    pass


def occurrences(haystack, needle):
    found, i = [], haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def locate(text, ref, what):
    """(start, end) of ref, a unique substring or (substring, unique context).

    text is the article with no-break spaces read as spaces (one character for
    one, so the offsets are the article's), so that annotations can be typed
    with ordinary spaces."""
    if isinstance(ref, tuple):
        needle, context = ref
    else:
        needle, context = ref, None
    if context is None:
        hits = occurrences(text, needle)
        if len(hits) != 1:
            raise GoldError(f"{what} {needle!r} occurs {len(hits)} times; give a context")
        return hits[0], hits[0] + len(needle)
    ctx_hits = occurrences(text, context)
    if len(ctx_hits) != 1:
        raise GoldError(f"{what} context {context!r} occurs {len(ctx_hits)} times")
    inner = occurrences(context, needle)
    if len(inner) != 1:
        raise GoldError(f"{what} {needle!r} occurs {len(inner)} times in {context!r}")
    start = ctx_hits[0] + inner[0]
    return start, start + len(needle)


def build(name, text, ann):
    spans = {}  # (label, start, end) -> span
    plain = text.replace("\u00a0", " ")
    claims = []

    def add(label, ref, extra=None):
        start, end = locate(plain, ref, f"{name}: {label}")
        if plain[start:end] != plain[start:end].strip():
            raise GoldError(f"{name}: {label} {text[start:end]!r} has outer spaces")
        key = (label, start, end)
        if key not in spans:
            spans[key] = {"label": label, "start": start, "end": end,
                          "text": text[start:end], **(extra or {})}
        elif label != "SPEAKER":
            raise GoldError(f"{name}: {label} {text[start:end]!r} given twice")
        return key

    for claim, speaker in ann["claims"]:
        claims.append((add("CLAIM", claim), add("SPEAKER", speaker)))
    for kind, ref in ann["figures"]:
        if kind not in FIGURE_KINDS:
            raise GoldError(f"{name}: unknown figure kind {kind!r}")
        add("FIGURE", ref, {"kind": kind})

    ordered = sorted(spans.values(), key=lambda s: (s["start"], -s["end"], s["label"]))
    ids = {}
    out_spans = []
    for n, span in enumerate(ordered, 1):
        ids[(span["label"], span["start"], span["end"])] = f"T{n}"
        out_spans.append({"id": f"T{n}", **span})
    relations = [{"id": f"R{n}", "type": "said_by", "from": ids[c], "to": ids[s]}
                 for n, (c, s) in enumerate(sorted(claims, key=lambda cs: cs[0][1]), 1)]
    return {
        "format": "spanmark",
        "version": 1,
        "document": {
            "name": name,
            "text": text,
            "length": len(text),
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
        "labels": LABELS,
        "spans": out_spans,
        "relations": relations,
        "status": "done",
        "meta": {},
    }


def write_gold(argv, here, default_source, articles, read_text):
    """Build every article's gold file and write it into here (or, with
    --check, only compare).  read_text(source, name, annotations) gives the
    article's text; argv may name the source instead of default_source."""
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    source = args[0] if args else default_source
    totals = {"SPEAKER": 0, "CLAIM": 0, "FIGURE": 0, "said_by": 0}
    kinds = {k: 0 for k in sorted(FIGURE_KINDS)}
    stale = []
    for name, ann in articles.items():
        text = read_text(source, name, ann)
        doc = build(name, text, ann)
        counts = {label["id"]: sum(s["label"] == label["id"] for s in doc["spans"])
                  for label in LABELS}
        counts["said_by"] = len(doc["relations"])
        for key, value in counts.items():
            totals[key] += value
        for span in doc["spans"]:
            if "kind" in span:
                kinds[span["kind"]] += 1
        print(f"{name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        path = os.path.join(here, name + ".gold.json")
        data = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != data:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
    print("total: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    print("figures by kind: " + ", ".join(f"{v} {k}" for k, v in kinds.items()))
    if stale:
        print("out of date: " + " ".join(stale), file=sys.stderr)
        return 1
    return 0


def read_article(source, name, ann):
    """The read_text of a set whose articles are SOURCE/<name>.txt: the file,
    byte for byte (no newline translation)."""
    with open(os.path.join(source, name + ".txt"), encoding="utf-8", newline="") as f:
        return f.read()


def run(here, default_source, articles, read_text=read_article):
    """main() of a make-gold.py: exit status 1 on an ambiguous annotation or
    (with --check) an out-of-date file."""
    try:
        sys.exit(write_gold(sys.argv[1:], here, default_source, articles, read_text))
    except GoldError as e:
        print(f"make-gold.py: {e}", file=sys.stderr)
        sys.exit(1)
