#!/usr/bin/env python3
# check-exports.py: spanmark-cli's exports, read by the tools people use.
#
# JSON Lines through Python's own json module, CSV through its csv module,
# CoNLL through a strict IOB2 checker written here; each compared with the
# documents exported, code point for code point. On the sample article, on
# a text of emoji, combining marks, Arabic, Persian and CR LF, on random
# spans that nest, overlap and cut tokens, and on the brat and doccano data
# of other projects in data/. Prints TAP.
#
# Usage: check-exports.py SPANMARK-CLI SOURCE-DIR
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import unicodedata

CLI = sys.argv[1]
SOURCE = sys.argv[2]
DATA = os.path.join(SOURCE, "data")
SAMPLE = os.path.join(SOURCE, "..", "..", "data", "samples", "belarus-iran-sanctions.txt")
LABELS = [
    {"id": "SPEAKER", "name": "Speaker", "color": "#9141ac", "key": "1"},
    {"id": "CLAIM", "name": "Claim", "color": "#e5a50a", "key": "2"},
    {"id": "FIGURE", "name": "Figure", "color": "#2ec27e", "key": "3"},
]
TAG = re.compile(r"^(O|([BI])-([A-Za-z][A-Za-z0-9_.-]*))$")

UNICODE_TEXT = (
    "Raisi said: “Trade grew 👍🏽 by 5 per cent.”\r\n"
    "Cafe\u0301 owners in Zürich 🇮🇷 said 👨\u200d👩\u200d👧 families paid $100.\r\n"
    "قال المتحدث إن الصادرات ارتفعت 12 في المئة.\r\n"
    "وزیر گفت که می\u200cخواهد ۵۱۰ هزار بشکه.\r\n"
)

tests = []


def test(function):
    tests.append(function)
    return function


class Document:
    """A Spanmark document as the tests write it, and as they expect it back."""

    def __init__(self, name, text, status="done"):
        self.name = name
        self.text = text
        self.status = status
        self.spans = []
        self.relations = []

    def tag(self, label, needle, nth=0, note=None):
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return self.add(label, start, start + len(needle), note)

    def add(self, label, start, end, note=None):
        span = {"id": "T%d" % (len(self.spans) + 1), "label": label, "start": start, "end": end,
                "text": self.text[start:end]}
        if note is not None:
            span["note"] = note
        self.spans.append(span)
        return span

    def said_by(self, claim, speaker):
        self.relations.append({"id": "R%d" % (len(self.relations) + 1), "type": "said_by",
                               "from": claim["id"], "to": speaker["id"]})

    def save(self, folder):
        data = {
            "format": "spanmark", "version": 1,
            "document": {"name": self.name, "text": self.text, "length": len(self.text),
                         "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest()},
            "labels": LABELS, "spans": self.spans, "relations": self.relations,
            "status": self.status,
        }
        path = os.path.join(folder, self.name + ".json")
        with open(path, "w", encoding="utf-8", newline="") as f:
            json.dump(data, f, ensure_ascii=False)
        return path

    def span(self, span_id):
        return next(s for s in self.spans if s["id"] == span_id)

    def speaker_of(self, span):
        for relation in self.relations:
            if relation["type"] == "said_by" and relation["from"] == span["id"]:
                return self.span(relation["to"])
        return None


def sample_document():
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        document = Document("belarus-iran-sanctions", f.read())
    khamenei = document.tag("SPEAKER", "Ayatollah Seyyed Ali Khamenei")
    document.said_by(document.tag("CLAIM", "countries sanctioned by the U.S. must join hands to neutralize the weapon"), khamenei)
    leader = document.tag("SPEAKER", "the Leader")
    document.said_by(document.tag("CLAIM", "Countries that are sanctioned by the U.S. must work together and form a joint "
                                  "collective to eliminate the weapon of sanctions, and we believe this is doable",
                                  note='direct quote, "verbatim"\nchecked twice'), leader)
    lukashenko = document.tag("SPEAKER", "Lukashenko", 5)
    document.said_by(document.tag("CLAIM", "Iran and Belarus both want to see a just, multipolar world"), lukashenko)
    document.tag("CLAIM", "The two agreed to set a target of $100 million for bilateral trade this year")
    document.tag("FIGURE", "$100 million")
    document.tag("FIGURE", "30 years")
    document.tag("FIGURE", "eight")
    return document


def unicode_document():
    document = Document("unicode", UNICODE_TEXT, "in-progress")
    raisi = document.tag("SPEAKER", "Raisi")
    document.said_by(document.tag("CLAIM", "Trade grew 👍🏽 by 5 per cent."), raisi)
    document.tag("FIGURE", "5 per cent")
    owners = document.tag("SPEAKER", "Cafe\u0301 owners")
    document.said_by(document.tag("CLAIM", "Zürich 🇮🇷 said 👨\u200d👩\u200d👧 families paid $100.\r\nقال المتحدث",
                                  note="over a line break 👍\nsecond line"), owners)
    document.tag("FIGURE", "$100")
    speaker = document.tag("SPEAKER", "المتحدث")
    document.said_by(document.tag("CLAIM", "الصادرات ارتفعت 12 في المئة"), speaker)
    document.tag("FIGURE", "12")
    minister = document.tag("SPEAKER", "وزیر")
    document.said_by(document.tag("CLAIM", "می\u200cخواهد ۵۱۰ هزار بشکه"), minister)
    document.tag("FIGURE", "۵۱۰ هزار")
    return document


def random_documents(count):
    """Spans anywhere: nested, overlapping, cutting tokens, over line breaks"""
    rng = random.Random(4)
    words = ["Raisi", "said", "trade", "grew", "5%", "“yes,”", "US$5bn", "Zürich", "👍🏽", "e\u0301",
             "قال", "۵۱۰", "می\u200cخواهد", "U.S.", "don't", "North-South", "\r\n", "\n", ".", "!"]
    documents = []
    for index in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 60))) + "\n"
        document = Document("random-%02d" % index, text, ["new", "in-progress", "done"][index % 3])
        taken = set()
        for _ in range(rng.randint(0, 12)):
            start = rng.randrange(0, len(text) - 1)
            end = rng.randint(start + 1, min(len(text), start + 40))
            label = rng.choice(["SPEAKER", "CLAIM", "FIGURE"])
            if (label, start, end) not in taken:
                taken.add((label, start, end))
                document.add(label, start, end)
        claims = [s for s in document.spans if s["label"] == "CLAIM"]
        speakers = [s for s in document.spans if s["label"] == "SPEAKER"]
        for claim in claims:
            if speakers and rng.random() < 0.7:
                document.said_by(claim, rng.choice(speakers))
        documents.append(document)
    return documents


def run(*args, cwd):
    process = subprocess.run([CLI, *args], cwd=cwd, capture_output=True)
    return process.returncode, process.stdout, process.stderr.decode("utf-8")


def fail(message):
    raise AssertionError(message)


def expect(condition, message):
    if not condition:
        fail(message)


# JSON Lines

def check_jsonl(data, documents):
    lines = data.decode("utf-8").split("\n")
    expect(lines[-1] == "", "the file does not end with a line break")
    records = [json.loads(line) for line in lines[:-1]]
    expect(len(records) == len(documents), "%d records for %d documents" % (len(records), len(documents)))
    for record, document in zip(records, documents):
        expect(record["id"] == document.name, "record %r for %r" % (record["id"], document.name))
        expect(record["text"] == document.text, "%s: the text differs" % document.name)
        spans = sorted((s["start"], s["end"], s["label"]) for s in document.spans)
        expect(sorted(tuple(t) for t in record["label"]) == spans, "%s: label differs" % document.name)
        entities = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
        expect(len(entities) == len(record["entities"]), "%s: entity ids repeat" % document.name)
        expect(all(isinstance(i, int) for i in entities), "%s: entity ids are not integers" % document.name)
        expect(sorted(entities.values()) == spans, "%s: entities differ" % document.name)
        relation_ids = [r["id"] for r in record["relations"]]
        expect(len(set(relation_ids)) == len(relation_ids), "%s: relation ids repeat" % document.name)
        got = sorted((r["type"], entities[r["from_id"]], entities[r["to_id"]]) for r in record["relations"])
        want = sorted((r["type"],
                       (document.span(r["from"])["start"], document.span(r["from"])["end"], document.span(r["from"])["label"]),
                       (document.span(r["to"])["start"], document.span(r["to"])["end"], document.span(r["to"])["label"]))
                      for r in document.relations)
        expect(got == want, "%s: relations differ: %r != %r" % (document.name, got, want))
        for start, end, label in record["label"]:
            expect(0 <= start < end <= len(record["text"]), "%s: [%d, %d) is out of the text" % (document.name, start, end))
    return records


# CSV

def check_csv(data, documents):
    rows = list(csv.reader(data.decode("utf-8").splitlines(keepends=True), strict=True))
    expect(rows[0] == ["document", "span", "label", "start", "end", "text", "note", "speaker", "speaker_text"],
           "the header is %r" % rows[0])
    expect(data.endswith(b"\r\n"), "rows do not end with CR LF")
    by_name = {d.name: d for d in documents}
    expect(len(rows) - 1 == sum(len(d.spans) for d in documents), "%d rows" % (len(rows) - 1))
    for row in rows[1:]:
        expect(len(row) == 9, "a row has %d fields" % len(row))
        document = by_name[row[0]]
        span = document.span(row[1])
        start, end = int(row[3]), int(row[4])
        expect((row[2], start, end) == (span["label"], span["start"], span["end"]), "%s: %r" % (row[0], row))
        expect(row[5] == document.text[start:end], "%s %s: the text differs" % (row[0], row[1]))
        expect(row[6] == span.get("note", ""), "%s %s: the note differs" % (row[0], row[1]))
        speaker = document.speaker_of(span)
        expect(row[7] == (speaker["id"] if speaker else ""), "%s %s: speaker %r" % (row[0], row[1], row[7]))
        expect(row[8] == (speaker["text"] if speaker else ""), "%s %s: speaker text" % (row[0], row[1]))


# CoNLL

def check_iob2(data):
    """A strict IOB2 checker: returns the documents as lists of sentences of
    (token, [tags]) and the label of each tag column"""
    text = data.decode("utf-8")
    expect(text.endswith("\n\n"), "the file does not end with a blank line")
    lines = text.split("\n")[:-1]
    documents = []
    columns = None
    sentence = None
    previous_blank = True
    for number, line in enumerate(lines, 1):
        where = "line %d" % number
        if line == "":
            expect(not previous_blank or (documents and documents[-1] == [] and sentence is None),
                   "%s: an empty sentence" % where)
            if sentence:
                documents[-1].append(sentence)
            sentence = None
            previous_blank = True
            continue
        fields = line.split("\t")
        if fields[0] == "-DOCSTART-":
            expect(previous_blank, "%s: -DOCSTART- inside a sentence" % where)
            expect(all(f == "O" for f in fields[1:]), "%s: -DOCSTART- has tags" % where)
            if columns is None:
                columns = [None] * (len(fields) - 1)
            expect(len(fields) - 1 == len(columns), "%s: %d columns, not %d" % (where, len(fields) - 1, len(columns)))
            documents.append([])
            previous_blank = False
            expect(lines[number] == "", "%s: -DOCSTART- is not followed by a blank line" % where)
            continue
        expect(documents, "%s: a token before -DOCSTART-" % where)
        expect(len(fields) == len(columns) + 1, "%s: %d fields, not %d" % (where, len(fields), len(columns) + 1))
        token, tags = fields[0], fields[1:]
        expect(token != "" and not any(c.isspace() for c in token), "%s: token %r" % (where, token))
        if sentence is None:
            sentence = []
        for c, tag in enumerate(tags):
            match = TAG.match(tag)
            expect(match, "%s: %r is not an IOB2 tag" % (where, tag))
            if match.group(2):
                label = match.group(3)
                expect(columns[c] in (None, label), "%s: column %d has %s and %s" % (where, c + 1, columns[c], label))
                columns[c] = label
                if match.group(2) == "I":
                    before = sentence[-1][1][c] if sentence else "O"
                    expect(before in ("B-" + label, "I-" + label),
                           "%s: %s after %s: not IOB2" % (where, tag, before))
        sentence.append((token, tags))
        previous_blank = False
    expect(sentence is None, "the last sentence is not ended")
    return documents, columns


def is_separator(character):
    return character.isspace() or unicodedata.category(character) == "Cf" and character not in "\u200c\u200d\u00ad"


def conll_spans(document_text, sentences, columns):
    """Finds each token in the text, in order, and turns B-/I- runs into spans"""
    position = 0
    spans = set()
    for sentence in sentences:
        open_spans = {}
        for token, tags in sentence:
            while document_text[position:position + len(token)] != token:
                expect(is_separator(document_text[position]),
                       "token %r not found at %d (%r)" % (token, position, document_text[position:position + 10]))
                position += 1
            start, end = position, position + len(token)
            position = end
            for c, tag in enumerate(tags):
                if tag.startswith("I-"):
                    open_spans[c][1] = end
                    continue
                if c in open_spans:
                    spans.add((columns[c], *open_spans.pop(c)))
                if tag.startswith("B-"):
                    open_spans[c] = [start, end]
        for c, (start, end) in open_spans.items():
            spans.add((columns[c], start, end))
    expect(all(is_separator(c) for c in document_text[position:]), "text after the last token")
    return spans


def check_conll(data, documents, labels=None):
    parsed, columns = check_iob2(data)
    expect(len(parsed) == len(documents), "%d documents for %d" % (len(parsed), len(documents)))
    results = []
    for sentences, document in zip(parsed, documents):
        results.append(conll_spans(document.text, sentences, columns))
    return results, columns


# The tests

def export(folder, format, documents, *options):
    paths = [d.save(folder) for d in documents]
    status, out, err = run("export", "--format", format, *options, *[os.path.basename(p) for p in paths], cwd=folder)
    expect(status == 0, "export --format %s: exit %d: %s" % (format, status, err))
    return out, err


@test
def jsonl_is_json_lines(folder):
    documents = [sample_document(), unicode_document()] + random_documents(30)
    out, err = export(folder, "jsonl", documents)
    expect(err == "", err)
    check_jsonl(out, documents)


@test
def csv_is_rfc_4180(folder):
    documents = [sample_document(), unicode_document()] + random_documents(30)
    out, err = export(folder, "csv", documents)
    expect(err == "", err)
    check_csv(out, documents)


@test
def conll_is_strict_iob2_and_holds_every_span_on_tokens(folder):
    documents = [sample_document(), unicode_document()]
    out, err = export(folder, "conll", documents)
    expect(err == "", err)
    results, columns = check_conll(out, documents)
    expect(columns == ["SPEAKER", "CLAIM", "FIGURE"], "columns %r" % columns)
    for spans, document in zip(results, documents):
        want = {(s["label"], s["start"], s["end"]) for s in document.spans}
        expect(spans == want, "%s: %r" % (document.name, spans ^ want))


def fits_tokens(text, span, start, end):
    """Whether [start, end) is @span on whole tokens: its spaces at either
    end left out, and the tokens it cuts taken whole"""
    inner_start, inner_end = span["start"], span["end"]
    while inner_start < inner_end and is_separator(text[inner_start]):
        inner_start += 1
    while inner_end > inner_start and is_separator(text[inner_end - 1]):
        inner_end -= 1
    return (start <= inner_start and inner_end <= end and
            not any(is_separator(c) for c in text[start:inner_start] + text[inner_end:end]))


@test
def conll_stays_iob2_with_spans_anywhere(folder):
    documents = random_documents(60)
    out, err = export(folder, "conll", documents)
    results, columns = check_conll(out, documents)
    # What was left out or widened is said, span by span
    for line in err.splitlines():
        expect(re.match(r"^random-\d\d\.json: span T\d+ \((SPEAKER|CLAIM|FIGURE)", line), "warning %r" % line)
    for spans, document in zip(results, documents):
        for label, start, end in spans:
            expect(any(s["label"] == label and fits_tokens(document.text, s, start, end) for s in document.spans),
                   "%s: %s [%d, %d) comes from no span" % (document.name, label, start, end))


@test
def conll_one_label(folder):
    documents = [sample_document(), unicode_document()]
    out, err = export(folder, "conll", documents, "--label", "FIGURE")
    results, columns = check_conll(out, documents)
    expect(columns == ["FIGURE"], "columns %r" % columns)
    for spans, document in zip(results, documents):
        want = {(s["label"], s["start"], s["end"]) for s in document.spans if s["label"] == "FIGURE"}
        expect(spans == want, "%s: %r" % (document.name, spans ^ want))


@test
def stats_json(folder):
    documents = [sample_document(), unicode_document()]
    paths = [d.save(folder) for d in documents]
    status, out, err = run("stats", "--json", *paths, cwd=folder)
    expect(status == 0, err)
    stats = json.loads(out)
    expect(stats["documents"] == 2 and stats["invalid"] == 0, repr(stats))
    expect(stats["spans"] == sum(len(d.spans) for d in documents), repr(stats))
    expect(stats["characters"] == sum(len(d.text) for d in documents), repr(stats))
    expect(stats["relation_types"] == {"said_by": sum(len(d.relations) for d in documents)}, repr(stats))
    expect(stats["status"] == {"new": 0, "in-progress": 1, "done": 1}, repr(stats))


def read_brat(ann_path):
    spans, relations, notes = {}, [], {}
    with open(ann_path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            fields = line.split("\t")
            if line.startswith("T"):
                label, offsets = fields[1].split(" ", 1)
                start, end = offsets.split(" ")
                spans[fields[0]] = (label, int(start), int(end), fields[2])
            elif line.startswith("R"):
                kind, first, second = fields[1].split(" ")
                relations.append((kind, first.split(":")[1], second.split(":")[1]))
            elif line.startswith("#") and fields[1].startswith("AnnotatorNotes T"):
                notes[fields[1].split(" ")[1]] = fields[2]
    relations = [r for r in relations if r[1] in spans and r[2] in spans]
    return spans, relations, notes


@test
def brat_data_imports_and_exports_back(folder):
    status, out, err = run("import", "--from", "brat", "-o", "imported", os.path.join(DATA, "brat"), cwd=folder)
    expect(status == 0, err)
    expect(err.endswith("Imported 8 documents into imported\n"), err)
    status, out, err = run("export", "--format", "brat", "-o", "back", "imported", cwd=folder)
    expect(status == 0 and err == "Exported 8 documents to back\n", err)
    for ann in glob.glob(os.path.join(DATA, "brat", "*", "*.ann")):
        name = os.path.basename(ann)
        exported = os.path.join(folder, "back", name)
        a, b = read_brat(ann), read_brat(exported)
        expect(a[0] == b[0], "%s: spans differ" % name)
        expect(sorted(set(a[1])) == sorted(b[1]), "%s: relations differ" % name)
        expect(a[2] == b[2], "%s: notes differ" % name)
        with open(ann[:-4] + ".txt", "rb") as f, open(exported[:-4] + ".txt", "rb") as g:
            expect(f.read() == g.read(), "%s: the text differs" % name)
    # The same documents read by the other exporters
    documents = []
    for path in sorted(glob.glob(os.path.join(folder, "imported", "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        document = Document(data["document"]["name"], data["document"]["text"])
        document.spans = data["spans"]
        document.relations = data["relations"]
        documents.append(document)
    status, out, err = run("export", "--format", "jsonl", "imported", cwd=folder)
    check_jsonl(out, documents)
    status, out, err = run("export", "--format", "csv", "imported", cwd=folder)
    check_csv(out, documents)
    status, out, err = run("export", "--format", "conll", "imported", cwd=folder)
    check_iob2(out)


def brat_conf_types(conf):
    """The types annotation.conf defines, by section, checked as brat's
    configuration reader checks them: comment lines start with "#", a type
    name is ^[a-zA-Z0-9_-]*$ (or a <RESERVED> one), none is defined twice"""
    sections, section, seen = {}, None, set()
    for line in conf.split("\n"):
        line = line.strip()
        if line == "" or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            sections[section] = []
            continue
        name = re.split(r"\s", line, 1)[0]
        expect(re.match(r"^[a-zA-Z0-9_-]*$", name) or re.match(r"^<[A-Z-]+>$", name),
               "annotation.conf: type name %r contains illegal characters" % name)
        expect(name not in seen, "annotation.conf: %r defined more than once" % name)
        seen.add(name)
        if section == "relations" and not name.startswith("<"):
            for argument in re.split(r"\s", line, 1)[1].split(","):
                role, types = argument.strip().split(":")
                for type_name in types.split("|"):
                    expect(type_name in sections["entities"], "%s: %s %r is no entity" % (name, role, type_name))
        sections[section].append(name)
    return sections


@test
def brat_names_stay_distinct_and_come_back(folder):
    labels = [{"id": label, "name": label, "color": "#9141ac", "key": str(n)}
              for n, label in enumerate(["Q.A", "Q_A", "a__b", "x-y"], 1)]
    text = "Who asked? Ana did, and Ben."
    spans = [{"id": "T%d" % n, "label": label, "start": start, "end": end, "text": text[start:end]}
             for n, (label, start, end) in enumerate([("Q.A", 0, 10), ("Q_A", 11, 14), ("a__b", 24, 27),
                                                      ("x-y", 15, 18)], 1)]
    relations = [{"id": "R1", "type": "cites.by", "from": "T1", "to": "T2"},
                 {"id": "R2", "type": "cites_by", "from": "T2", "to": "T3"}]
    data = {"format": "spanmark", "version": 1,
            "document": {"name": "names", "text": text, "length": len(text),
                         "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
            "labels": labels, "spans": spans, "relations": relations,
            "relation_types": [{"type": "cites.by", "from": ["Q.A"], "to": ["Q_A"]},
                               {"type": "cites_by", "from": ["Q_A"], "to": ["a__b"]}]}
    with open(os.path.join(folder, "names.json"), "w", encoding="utf-8") as f:
        json.dump(data, f)
    status, out, err = run("export", "--format", "brat", "-o", "brat", "names.json", cwd=folder)
    expect(status == 0, err)
    expect(sum("is written as" in line for line in err.splitlines()) == 3, err)
    with open(os.path.join(folder, "brat", "annotation.conf"), encoding="utf-8") as f:
        sections = brat_conf_types(f.read())
    expect(len(sections["entities"]) == 4, "entities %r" % sections["entities"])
    expect(len(sections["relations"]) == 3, "relations %r" % sections["relations"])
    status, out, err = run("import", "--from", "brat", "-o", "back", "brat", cwd=folder)
    expect(status == 0, err)
    with open(os.path.join(folder, "back", "names.json"), encoding="utf-8") as f:
        back = json.load(f)
    expect(sorted((s["id"], s["label"]) for s in back["spans"]) == sorted((s["id"], s["label"]) for s in spans),
           "spans %r" % back["spans"])
    expect(sorted((r["id"], r["type"]) for r in back["relations"]) == [("R1", "cites.by"), ("R2", "cites_by")],
           "relations %r" % back["relations"])


def doccano_spans(record):
    spans = set()
    for key in ("label", "column_label"):
        for item in record.get(key, []):
            if isinstance(item, list):
                spans.add((item[0], item[1], item[2]))
    entities = {}
    for item in record.get("entities", []):
        if isinstance(item, list):
            spans.add((item[0], item[1], item[2]))
        else:
            spans.add((item["start_offset"], item["end_offset"], item["label"]))
            entities[item["id"]] = (item["start_offset"], item["end_offset"], item["label"])
    relations = sorted((r["type"], entities[r["from_id"]], entities[r["to_id"]]) for r in record.get("relations", []))
    return spans, relations


@test
def doccano_data_imports_and_exports_back(folder):
    files = sorted(glob.glob(os.path.join(DATA, "doccano", "*.jsonl"))) + [os.path.join(DATA, "flair", "train.jsonl")]
    originals = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            content = f.read()
        try:
            records = [json.loads(line) for line in content.split("\n") if line.strip()]
        except json.JSONDecodeError:
            records = [json.loads(content)]
        originals += [r for r in records if any(k in r for k in ("text", "data", "column_data"))]
    status, out, err = run("import", "--from", "jsonl", "-o", "imported", *files, cwd=folder)
    expect(status == 1, "exit %d" % status)
    expect("test-sequence-labeling.jsonl:3: the record has no “text”\n" in err, err)
    status, out, err = run("export", "--format", "jsonl", "imported", cwd=folder)
    expect(status == 0, err)
    exported = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    expect(len(exported) == len(originals), "%d records, not %d" % (len(exported), len(originals)))
    # Documents are in the order of their file names: match them by text and spans
    remaining = list(exported)
    for original in originals:
        text = original.get("text", original.get("data", original.get("column_data")))
        spans, relations = doccano_spans(original)
        match = next((e for e in remaining
                      if e["text"] == text and {tuple(t) for t in e["label"]} == spans), None)
        expect(match is not None, "no export of %r" % original)
        got = sorted((r["type"], tuple(next((e["start_offset"], e["end_offset"], e["label"])
                                             for e in match["entities"] if e["id"] == r[k]) for k in ("from_id",))[0],
                      next((e["start_offset"], e["end_offset"], e["label"])
                           for e in match["entities"] if e["id"] == r["to_id"]))
                     for r in match["relations"])
        expect(got == relations, "relations of %r: %r" % (text, got))
        remaining.remove(match)


def main():
    print("1..%d" % len(tests))
    failed = 0
    for number, function in enumerate(tests, 1):
        folder = tempfile.mkdtemp(prefix="spanmark-check-")
        try:
            function(folder)
            print("ok %d - %s" % (number, function.__name__))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (number, function.__name__))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
