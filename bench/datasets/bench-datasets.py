#!/usr/bin/env python3
# bench-datasets.py: spanmark-cli export and validate against plain Python json scripts.
#
# Generates a 1,000- and a 10,000-document corpus (generate-corpus.py), then
# times, side by side and alternately, `spanmark-cli export --format jsonl`
# against python-export.py and `spanmark-cli validate` against
# python-validate.py, and prints the medians and their ratios as a Markdown
# table. It checks that both exports are the same bytes, so both did the
# same work. Nothing here asserts a time: see README.md.
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
    parser.add_argument("--article", required=True, help="data/samples/belarus-iran-sanctions.txt")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    parser.add_argument("--work", help="where to generate the corpora (a temporary folder if not given)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="spanmark-bench-datasets-")
    python = sys.executable
    rows = []

    for size in args.sizes:
        corpus = os.path.join(work, "corpus-%d" % size)
        if not os.path.isdir(corpus):
            subprocess.run([python, os.path.join(HERE, "generate-corpus.py"), args.article, corpus,
                            "-n", str(size)], check=True)
        cli_out = os.path.join(work, "cli-%d.jsonl" % size)
        python_out = os.path.join(work, "python-%d.jsonl" % size)
        commands = {
            "export": ([args.cli, "export", "--format", "jsonl", "--force", "-o", cli_out, corpus],
                       [python, os.path.join(HERE, "python-export.py"), corpus, python_out]),
            "validate": ([args.cli, "validate", corpus],
                         [python, os.path.join(HERE, "python-validate.py"), corpus]),
        }

        for name, (cli, script) in commands.items():
            # One untimed run each, so both read from a warm page cache
            timed(cli)
            timed(script)
            cli_runs, script_runs = [], []
            for _ in range(args.runs):
                cli_runs.append(timed(cli))
                script_runs.append(timed(script))
            if name == "export" and not filecmp.cmp(cli_out, python_out, shallow=False):
                sys.exit("the two exports of %d documents differ" % size)
            rows.append((size, name,
                         statistics.median(r[0] for r in cli_runs), statistics.median(r[0] for r in script_runs),
                         statistics.median(r[1] for r in cli_runs), statistics.median(r[1] for r in script_runs)))
            print("%6d documents, %-8s spanmark-cli %.3f s (CPU %.3f s), Python %.3f s (CPU %.3f s)" %
                  (size, name, rows[-1][2], rows[-1][4], rows[-1][3], rows[-1][5]), file=sys.stderr)

    print("| documents | command | spanmark-cli | Python json | Python / spanmark-cli | CPU: spanmark-cli | CPU: Python |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size, name, cli, script, cli_cpu, script_cpu in rows:
        print("| %s | %s | %.3f s | %.3f s | %.2f× | %.3f s | %.3f s |" %
              ("{:,}".format(size), name, cli, script, script / cli, cli_cpu, script_cpu))
    print()
    print("Medians of %d runs each, alternated, after one untimed run; wall-clock times, and the CPU"
          " time (user and system, all threads). %d cores, load average %.1f at the end. The two"
          " exports were compared byte for byte: identical." % (args.runs, os.cpu_count(), os.getloadavg()[0]))


if __name__ == "__main__":
    main()
