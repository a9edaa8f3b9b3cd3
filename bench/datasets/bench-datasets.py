#!/usr/bin/env python3
# bench-datasets.py: spanmark-cli export and validate against plain Python json scripts.
#
# Generates a 1,000- and a 10,000-document corpus (generate-corpus.py), then
# times, side by side and alternately, `spanmark-cli export --format jsonl`
# against python-export.py and `spanmark-cli validate` against
# python-validate.py, and prints the medians and their ratios as a Markdown
# table. It checks that both exports are the same bytes, so both did the
# same work. Each is run on one core (taskset -c 0) and on all, and set
# beside what the machine can do with the same files: cat, reading them in
# C, SHA-256 of their texts (nettle), json-glib's parse and Python's
# json.loads (spanmark-bench-ceilings and a few lines of Python), as MB/s of
# the corpus's bytes. Nothing here asserts a time: see README.md.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The least a Python script does with each file: read it and parse it
PYTHON_LOADS = """
import json, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        json.loads(f.read())
"""


def corpus_files(folder):
    found = []
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name.lower().endswith(".json") and name != "spanmark-project.json":
                found.append(os.path.join(root, name))
    return sorted(found)


def median_time(command, runs):
    """The medians of the wall-clock and CPU times of @runs runs, after one untimed"""
    timed(command)
    results = [timed(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def ceilings(args, pin, corpus, runs):
    """What the machine does with the corpus's files, in seconds, by name"""
    files = corpus_files(corpus)
    found = {}
    found["cat"] = median_time(pin + ["cat"] + files, runs)[0]
    found["Python json.loads"] = median_time(pin + [sys.executable, "-c", PYTHON_LOADS] + files, runs)[0]
    if args.ceilings:
        output = subprocess.run(pin + [args.ceilings, "corpus", corpus, "--runs", str(runs)],
                                check=True, stdout=subprocess.PIPE, text=True).stdout
        for line in output.splitlines():
            fields = line.split("\t")
            if fields[0] != "files":
                found[fields[0]] = float(fields[1])
    return found

def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command):
    """The wall-clock time and the CPU time (user and system, all threads) of @command"""
    cpu = cpu_seconds()
    start = time.perf_counter()
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(command), process.stderr.decode()))
    return elapsed, cpu_seconds() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True, help="the spanmark-cli to measure")
    parser.add_argument("--baseline", help="another spanmark-cli (an older build) to time alongside")
    parser.add_argument("--ceilings", help="spanmark-bench-ceilings, for reading, SHA-256 and json-glib")
    parser.add_argument("--article", required=True, help="data/samples/belarus-iran-sanctions.txt")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--cores", nargs="+", default=["0", "all"],
                        help="taskset -c lists to run on; all for no taskset (default: 0 all)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    parser.add_argument("--work", help="where to generate the corpora (a temporary folder if not given)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="spanmark-bench-datasets-")
    python = sys.executable
    rows = []
    baseline_rows = []
    ceiling_rows = []

    for size in args.sizes:
        corpus = os.path.join(work, "corpus-%d" % size)
        if not os.path.isdir(corpus):
            subprocess.run([python, os.path.join(HERE, "generate-corpus.py"), args.article, corpus,
                            "-n", str(size)], check=True)
        n_bytes = sum(os.path.getsize(path) for path in corpus_files(corpus))
        cli_out = os.path.join(work, "cli-%d.jsonl" % size)
        python_out = os.path.join(work, "python-%d.jsonl" % size)
        baseline_out = os.path.join(work, "baseline-%d.jsonl" % size)
        commands = {
            "export": ([args.cli, "export", "--format", "jsonl", "--force", "-o", cli_out, corpus],
                       [python, os.path.join(HERE, "python-export.py"), corpus, python_out],
                       [args.baseline, "export", "--format", "jsonl", "--force", "-o", baseline_out, corpus]),
            "validate": ([args.cli, "validate", corpus],
                         [python, os.path.join(HERE, "python-validate.py"), corpus],
                         [args.baseline, "validate", corpus]),
        }

        for cores in args.cores:
            pin = [] if cores == "all" else ["taskset", "-c", cores]
            n_cores = os.cpu_count() if cores == "all" else len(os.sched_getaffinity(0) & parse_cores(cores))
            for name, (cli, script, baseline) in commands.items():
                cli, script, baseline = pin + cli, pin + script, pin + baseline
                # One untimed run each, so all read from a warm page cache
                timed(cli)
                timed(script)
                if args.baseline:
                    timed(baseline)
                cli_runs, script_runs, baseline_runs = [], [], []
                for _ in range(args.runs):
                    cli_runs.append(timed(cli))
                    script_runs.append(timed(script))
                    if args.baseline:
                        baseline_runs.append(timed(baseline))
                if name == "export" and not filecmp.cmp(cli_out, python_out, shallow=False):
                    sys.exit("the two exports of %d documents differ" % size)
                if name == "export" and args.baseline and not filecmp.cmp(cli_out, baseline_out, shallow=False):
                    sys.exit("the exports of %d documents by the two spanmark-cli differ" % size)
                rows.append((size, n_cores, n_bytes, name,
                             statistics.median(r[0] for r in cli_runs),
                             statistics.median(r[0] for r in script_runs),
                             statistics.median(r[1] for r in cli_runs),
                             statistics.median(r[1] for r in script_runs)))
                if args.baseline:
                    baseline_rows.append((size, n_cores, name,
                                          statistics.median(r[0] for r in baseline_runs),
                                          statistics.median(r[1] for r in baseline_runs),
                                          rows[-1][4], rows[-1][6]))
                print("%6d documents, %d core(s), %-8s spanmark-cli %.3f s (CPU %.3f s), Python %.3f s"
                      " (CPU %.3f s), load %.1f" % (size, n_cores, name, rows[-1][4], rows[-1][6],
                                                    rows[-1][5], rows[-1][7], os.getloadavg()[0]),
                      file=sys.stderr)
            found = ceilings(args, pin, corpus, args.runs)
            ceiling_rows.append((size, n_cores, n_bytes, found))
            print("%6d documents, %d core(s), ceilings: %s" %
                  (size, n_cores, ", ".join("%s %.3f s" % item for item in found.items())), file=sys.stderr)

    print("| documents | cores | command | spanmark-cli | Python json | Python / spanmark-cli"
          " | MB/s: spanmark-cli | MB/s: Python | CPU: spanmark-cli | CPU: Python |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size, n_cores, n_bytes, name, cli, script, cli_cpu, script_cpu in rows:
        print("| %s | %d | %s | %.3f s | %.3f s | %.2f× | %.0f | %.0f | %.3f s | %.3f s |" %
              ("{:,}".format(size), n_cores, name, cli, script, script / cli,
               n_bytes / cli / 1e6, n_bytes / script / 1e6, cli_cpu, script_cpu))
    print()
    if baseline_rows:
        print("| documents | cores | command | baseline spanmark-cli | spanmark-cli | baseline / spanmark-cli"
              " | CPU: baseline | CPU: spanmark-cli |")
        print("|---:|---:|---|---:|---:|---:|---:|---:|")
        for size, n_cores, name, base, base_cpu, cli, cli_cpu in baseline_rows:
            print("| %s | %d | %s | %.3f s | %.3f s | %.2f× | %.3f s | %.3f s |" %
                  ("{:,}".format(size), n_cores, name, base, cli, base / cli, base_cpu, cli_cpu))
        print()
    names = list(ceiling_rows[0][3].keys()) if ceiling_rows else []
    print("| documents (MB) | cores | " + " | ".join(names) + " |")
    print("|---:|---:|" + "---:|" * len(names))
    for size, n_cores, n_bytes, found in ceiling_rows:
        print("| %s (%.1f MB) | %d | " % ("{:,}".format(size), n_bytes / 1e6, n_cores) +
              " | ".join("%.3f s, %.0f MB/s" % (found[name], n_bytes / found[name] / 1e6)
                         for name in names) + " |")
    print()
    print("Medians of %d runs each, alternated, after one untimed run; wall-clock times, and the CPU"
          " time (user and system, all threads). MB/s are of the corpus's file bytes. The ceilings:"
          " cat and Python json.loads are whole processes (start-up included); reading, SHA-256 and"
          " json-glib are timed inside spanmark-bench-ceilings, on one thread a core. %d cores,"
          " load average %.1f at the end. The two exports were compared byte for byte: identical." %
          (args.runs, os.cpu_count(), os.getloadavg()[0]))


def parse_cores(text):
    """The processors of a taskset -c list such as 0 or 0,1 or 0-3"""
    found = set()
    for part in text.split(","):
        if "-" in part:
            first, last = part.split("-")
            found.update(range(int(first), int(last) + 1))
        else:
            found.add(int(part))
    return found


if __name__ == "__main__":
    main()
