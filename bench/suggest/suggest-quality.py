#!/usr/bin/env python3
# suggest-quality.py: what `spanmark-cli suggest` proposes, against gold.
#
# Issue 13's quality targets, measured the way a user would: each gold
# set's articles are written as .txt files, `spanmark-cli suggest
# --as-spans` accepts every suggestion (as "Accept All Suggestions" does in
# the window), and `spanmark-cli evaluate --json` scores the result against
# the gold by overlap (docs/suggestions.md). It prints one Markdown table
# with the targets beside the figures; nothing here asserts anything.
#
#   python3 bench/suggest/suggest-quality.py --cli _build/src/cli/spanmark-cli
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import glob
import json
import os
import re
import subprocess
import tempfile

# A predicted figure that is money or a percentage says so in its text
MONEY_OR_PERCENT = re.compile(r'[$€£¥₹﷼%٪]|\b(?:percent|per cent|percentage points?|dollars?|'
                              r'euros?|pounds?|yuan|yen|rials?|rupees?|USD|EUR|GBP)\b', re.I)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# (set, figure, target): None where the issue sets none
TARGETS = {
    ('sample', 'FIGURE'): 0.95,
    ('sample', 'SPEAKER'): 0.85,
    ('sample', 'CLAIM'): 0.85,
    ('sample', 'said_by found'): 0.90,
    ('news', 'CLAIM'): 0.80,
    ('news', 'speaker of found claims'): 0.85,
    ('held-out', 'CLAIM'): 0.80,
    ('held-out', 'speaker of found claims'): 0.85,
    ('held-out', 'FIGURE: money and %'): 0.90,
    ('dev', 'FIGURE: money and %'): 0.90,
}


def gold_sets(shared):
    return [
        ('sample', 'Sample article (../shared/gold)',
         [os.path.join(shared, 'gold', 'belarus-iran-sanctions.gold.json')]),
        ('news', 'News gold (bench/suggest/news-gold, 6 articles)',
         sorted(glob.glob(os.path.join(HERE, 'news-gold', '*.gold.json')))),
        ('held-out', 'Held-out gold (bench/suggest/held-out-gold, 8 press releases)',
         sorted(glob.glob(os.path.join(HERE, 'held-out-gold', '*.gold.json')))),
        ('dev', 'Dev gold (bench/suggest/dev-gold, 4 Wikinews articles)',
         sorted(glob.glob(os.path.join(HERE, 'dev-gold', '*.gold.json')))),
    ]


def evaluate(cli, gold_files, tmp):
    articles = os.path.join(tmp, 'articles')
    predicted = os.path.join(tmp, 'predicted')
    gold = os.path.join(tmp, 'gold')
    os.makedirs(articles)
    os.makedirs(gold)
    for path in gold_files:
        with open(path, encoding='utf-8') as f:
            document = json.load(f)
        name = os.path.basename(path).replace('.gold.json', '')
        with open(os.path.join(articles, name + '.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(document['document']['text'])
        with open(os.path.join(gold, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump(document, f, ensure_ascii=False)
    subprocess.run([cli, 'suggest', '--as-spans', '-o', predicted, articles],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = run_evaluate(cli, gold, predicted)

    # Money and percentages alone: the gold's FIGURE spans of those kinds
    # (the hand-made sets give each figure a "kind"), and the predicted
    # figures whose text shows a currency or a percentage
    kinds = [keep_money_or_percent(os.path.join(gold, name), os.path.join(tmp, 'gold-mp'),
                                   lambda span: span.get('kind') in ('money', 'percent'))
             for name in sorted(os.listdir(gold))]
    if any(kinds):
        for name in sorted(os.listdir(predicted)):
            keep_money_or_percent(os.path.join(predicted, name), os.path.join(tmp, 'predicted-mp'),
                                  lambda span: MONEY_OR_PERCENT.search(span['text']) is not None)
        subset = run_evaluate(cli, os.path.join(tmp, 'gold-mp'), os.path.join(tmp, 'predicted-mp'))
        result['labels']['FIGURE: money and %'] = subset['labels'].get('FIGURE', {})
    return result


def run_evaluate(cli, gold, predicted):
    result = subprocess.run([cli, 'evaluate', '--json', gold, predicted],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def keep_money_or_percent(path, folder, keep):
    """Writes @path's document into @folder with only the FIGURE spans
    @keep takes; says whether any span has a "kind" to tell by"""
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    has_kinds = any('kind' in span for span in document['spans'])
    document['spans'] = [span for span in document['spans']
                         if span['label'] == 'FIGURE' and keep(span)]
    document['relations'] = []
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, os.path.basename(path)), 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False)
    return has_kinds


def cell(value):
    return '' if value is None else '%.3f' % value


def main():
    parser = argparse.ArgumentParser(description='Suggestions against gold')
    parser.add_argument('--cli', required=True, help='the spanmark-cli to run')
    parser.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'),
                        help='the shared folder with gold/ (default ../shared)')
    args = parser.parse_args()

    print('| gold | label | gold spans | predicted | precision | recall | F1 | target |')
    print('|---|---|---:|---:|---:|---:|---:|---:|')
    links = []
    for key, title, files in gold_sets(args.shared):
        with tempfile.TemporaryDirectory(prefix='suggest-quality-') as tmp:
            result = evaluate(args.cli, files, tmp)
        for label in ('SPEAKER', 'CLAIM', 'FIGURE', 'FIGURE: money and %'):
            if label not in result['labels'] and label.startswith('FIGURE:'):
                continue
            figures = result['labels'].get(label, {})
            target = TARGETS.get((key, label))
            print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
                title, label, figures.get('gold', 0), figures.get('predicted', 0),
                cell(figures.get('precision')), cell(figures.get('recall')),
                cell(figures.get('f1')), '≥ %.2f' % target if target else ''))
        said_by = result['said_by']
        links.append((key, title, said_by))

    print()
    print('| gold | said_by | claim found | claim and speaker found | share of gold | '
          'speaker of found claims | targets |')
    print('|---|---:|---:|---:|---:|---:|---|')
    for key, title, said_by in links:
        found_claims = said_by.get('claim_found', 0)
        of_found = said_by['found'] / found_claims if found_claims else None
        wanted = []
        if (key, 'said_by found') in TARGETS:
            wanted.append('share ≥ %.2f' % TARGETS[(key, 'said_by found')])
        if (key, 'speaker of found claims') in TARGETS:
            wanted.append('of found claims ≥ %.2f' % TARGETS[(key, 'speaker of found claims')])
        print('| %s | %d | %d | %d | %s | %s | %s |' % (
            title, said_by['gold'], found_claims, said_by['found'],
            cell(said_by.get('share')), cell(of_found), ', '.join(wanted)))


if __name__ == '__main__':
    main()
