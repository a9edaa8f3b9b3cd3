#!/usr/bin/env python3
# python-export.py: the plain Python json script spanmark-cli export is measured against.
#
# Reads every Spanmark file of a folder, in the order spanmark-cli reads
# them (byte order of the paths), and writes the same JSON Lines as
# `spanmark-cli export --format jsonl`: the bench checks the two files are
# identical, so both do the same work.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys


def files(folder):
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name.lower().endswith(".json"):
                yield os.path.join(root, name)


def main():
    folder, output = sys.argv[1], sys.argv[2]
    with open(output, "w", encoding="utf-8", newline="") as out:
        for path in sorted(files(folder)):
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
            spans = sorted(document["spans"], key=lambda s: (s["start"], s["end"], s["label"]))
            ids = {span["id"]: number for number, span in enumerate(spans, 1)}
            relations = sorted(document.get("relations", []),
                               key=lambda r: (r["id"].rstrip("0123456789"), int(r["id"][1:] or 0)))
            record = {
                "id": document["document"]["name"],
                "text": document["document"]["text"],
                "label": [[s["start"], s["end"], s["label"]] for s in spans],
                "entities": [{"id": ids[s["id"]], "label": s["label"], "start_offset": s["start"],
                              "end_offset": s["end"]} for s in spans],
                "relations": [{"id": number, "from_id": ids[r["from"]], "to_id": ids[r["to"]],
                               "type": r["type"]} for number, r in enumerate(relations, 1)],
            }
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
