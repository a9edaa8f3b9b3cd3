#!/usr/bin/env python3
# check-readers.py: spanmark-cli's exports, read by pandas and nltk as their
# users read them.
#
#   pandas  the CSV export read with pandas.read_csv(path,
#           keep_default_na=False, dtype=str), as docs/datasets.md says,
#           gives spans whose texts are "NA", "null" and "N/A" as text
#   nltk    the CoNLL export read with nltk's ConllCorpusReader, columns as
#           docs/conll.md says, gives Spanmark's tokens and tags, in a text
#           with a vertical tab, U+2028 and a no-break space between words
#
# Exits 77 (skipped) only if the reader cannot be imported.
#
# Usage: check-readers.py pandas|nltk SPANMARK-CLI
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77
LABELS = [
    {"id": "SPEAKER", "name": "Speaker", "color": "#9141ac", "key": "1"},
    {"id": "CLAIM", "name": "Claim", "color": "#e5a50a", "key": "2"},
    {"id": "FIGURE", "name": "Figure", "color": "#2ec27e", "key": "3"},
]


def save(folder, name, text, spans):
    """Writes a Spanmark document with @spans, (label, text) pairs each
    found after the one before"""
    records = []
    position = 0
    for number, (label, needle) in enumerate(spans, 1):
        start = text.index(needle, position)
        position = start
        records.append({"id": "T%d" % number, "label": label, "start": start,
                        "end": start + len(needle), "text": needle})
    data = {
        "format": "spanmark", "version": 1,
        "document": {"name": name, "text": text, "length": len(text),
                     "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "labels": LABELS, "spans": records, "relations": [], "status": "done",
    }
    path = os.path.join(folder, name + ".json")
    with open(path, "w", encoding="utf-8", newline="") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def export(cli, folder, format, paths, output):
    process = subprocess.run([cli, "export", "--format", format, "-o", output, *paths],
                             cwd=folder, capture_output=True, encoding="utf-8")
    if process.returncode != 0:
        sys.exit("export --format %s: exit %d: %s" % (format, process.returncode, process.stderr))
    return os.path.join(folder, output)


def check(condition, message):
    if not condition:
        sys.exit(message)


def check_pandas(cli, folder):
    try:
        import pandas
    except ImportError:
        print("pandas cannot be imported: skipped")
        return SKIP

    # pandas' defaults take these for missing values ("None" since pandas 2)
    texts = ["NA", "null", "N/A", "NaN", "None", "n/a", "#N/A"]
    text = "Ana said NA, then null, then N/A, NaN, None, n/a and #N/A.\n"
    path = save(folder, "missing", text, [("SPEAKER", "Ana")] + [("FIGURE", t) for t in texts])
    csv_path = export(cli, folder, "csv", [path], "spans.csv")

    # Without keep_default_na=False the texts are lost: the test reads what
    # the advice in docs/datasets.md guards against
    default = pandas.read_csv(csv_path)
    check(default["text"].isna().sum() >= 3, "pandas' defaults read them as text: %r" % list(default["text"]))

    frame = pandas.read_csv(csv_path, keep_default_na=False, dtype=str)
    check(list(frame.columns) == ["document", "span", "label", "start", "end", "text", "note",
                                  "speaker", "speaker_text"], "columns %r" % list(frame.columns))
    check(list(frame["text"]) == ["Ana"] + texts, "texts %r" % list(frame["text"]))
    check(not frame.isna().any().any(), "missing values:\n%s" % frame)
    check(list(frame["note"]) == [""] * (len(texts) + 1), "notes %r" % list(frame["note"]))
    for row in frame.itertuples():
        start, end = int(row.start), int(row.end)
        check(text[start:end] == row.text, "%s: [%d, %d) is not %r" % (row.span, start, end, row.text))
    print("pandas %s reads %d span texts as text" % (pandas.__version__, len(texts)))
    return 0


def check_nltk(cli, folder):
    try:
        from nltk.corpus.reader import ConllCorpusReader
        import nltk
    except ImportError:
        print("nltk cannot be imported: skipped")
        return SKIP

    plain = save(folder, "a-plain", "Raisi said trade grew 5 per cent.\n",
                 [("SPEAKER", "Raisi"), ("CLAIM", "trade grew 5 per cent"), ("FIGURE", "5 per cent")])
    # A vertical tab, a line separator and a no-break space separate words
    odd = save(folder, "b-odd", "Ana\vsaid\u2028exports\u00a0rose 12 per\u00a0cent\n",
               [("SPEAKER", "Ana"), ("CLAIM", "exports\u00a0rose 12 per\u00a0cent"), ("FIGURE", "12 per\u00a0cent")])
    conll_path = export(cli, folder, "conll", [plain, odd], "spans.conll")

    # One tag column per label, SPEAKER CLAIM FIGURE (docs/conll.md).
    # nltk's iob_words() needs a "pos" and a "chunk" column: the first two
    # labels are read as those, the third by a second reader
    first = ConllCorpusReader(folder, ["spans.conll"], ("words", "pos", "chunk", "ignore"))
    third = ConllCorpusReader(folder, ["spans.conll"], ("words", "ignore", "ignore", "pos"))
    got = [(word, speaker, claim, figure)
           for (word, speaker, claim), (_, figure) in zip(first.iob_words(), third.tagged_words())]
    check(len(first.iob_words()) == len(third.tagged_words()), "the readers differ")
    want = [
        ("Raisi", "B-SPEAKER", "O", "O"),
        ("said", "O", "O", "O"),
        ("trade", "O", "B-CLAIM", "O"),
        ("grew", "O", "I-CLAIM", "O"),
        ("5", "O", "I-CLAIM", "B-FIGURE"),
        ("per", "O", "I-CLAIM", "I-FIGURE"),
        ("cent", "O", "I-CLAIM", "I-FIGURE"),
        (".", "O", "O", "O"),
        ("Ana", "B-SPEAKER", "O", "O"),
        ("said", "O", "O", "O"),
        ("exports", "O", "B-CLAIM", "O"),
        ("rose", "O", "I-CLAIM", "O"),
        ("12", "O", "I-CLAIM", "B-FIGURE"),
        ("per", "O", "I-CLAIM", "I-FIGURE"),
        ("cent", "O", "I-CLAIM", "I-FIGURE"),
    ]
    check(got == want, "nltk reads:\n%s" % "\n".join(map(repr, got)))
    print("nltk %s reads %d tokens and their tags" % (nltk.__version__, len(got)))
    return 0


def main():
    reader, cli = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="spanmark-readers-") as folder:
        return {"pandas": check_pandas, "nltk": check_nltk}[reader](cli, folder)


if __name__ == "__main__":
    sys.exit(main())
