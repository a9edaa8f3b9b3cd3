#!/usr/bin/env python3
# python-validate.py: the plain Python json script spanmark-cli validate is measured against.
#
# Checks what makes a Spanmark file usable (docs/format.md): it is JSON, a
# Spanmark file of version 1, its text matches its length and SHA-256, its
# labels are unique, every span has a known label, fits the text and has the
# text it says, and every relation links two spans. spanmark-cli checks more
# (key shortcuts, colours, duplicates, dates); this is the least a script
# would do.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import sys


def check(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "spanmark" or data.get("version") != 1:
        return "not a Spanmark file of version 1"
    text = data["document"]["text"]
    if "length" in data["document"] and data["document"]["length"] != len(text):
        return "the length disagrees"
    if "sha256" in data["document"] and \
       data["document"]["sha256"].lower() != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return "the SHA-256 disagrees"
    labels = {label["id"] for label in data["labels"]}
    if len(labels) != len(data["labels"]):
        return "a label is defined twice"
    spans = set()
    for span in data["spans"]:
        if span["label"] not in labels:
            return "span %s: unknown label" % span["id"]
        if not 0 <= span["start"] < span["end"] <= len(text):
            return "span %s: out of the text" % span["id"]
        if "text" in span and span["text"] != text[span["start"]:span["end"]]:
            return "span %s: the text disagrees" % span["id"]
        if span["id"] in spans:
            return "span %s: the id is used twice" % span["id"]
        spans.add(span["id"])
    for relation in data.get("relations", []):
        if relation["from"] not in spans or relation["to"] not in spans:
            return "relation %s: unknown span" % relation["id"]
    return None


def main():
    valid = invalid = 0
    for folder in sys.argv[1:]:
        for root, folders, names in os.walk(folder):
            for name in names:
                if name.lower().endswith(".json"):
                    problem = check(os.path.join(root, name))
                    if problem:
                        print("%s: %s" % (os.path.join(root, name), problem), file=sys.stderr)
                        invalid += 1
                    else:
                        valid += 1
    print("%d files are valid" % valid if not invalid else "%d of %d files are valid" % (valid, valid + invalid))
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
