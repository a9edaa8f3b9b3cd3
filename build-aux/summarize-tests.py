#!/usr/bin/env python3
"""Prints "N passed, N failed" from meson's test log (one JSON object per test)."""

import json
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

if skipped:
    print(f"({skipped} skipped)")
print(f"{passed} passed, {failed} failed")
