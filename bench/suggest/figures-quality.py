#!/usr/bin/env python3
# figures-quality.py: precision, recall and F1 of the figure recognizer
# (src/core/suggest/sm-suggest-figures.c) against gold spans written by
# others, and its time on a 1 MB article. Run by hand, never as a test:
#
#   python3 bench/suggest/figures-quality.py --bench _build/bench/suggest/spanmark-bench-figures \
#       --shared /work/shared [--show-errors]
#
# Matching: "overlap" pairs a predicted and a gold span one to one when
# their characters' intersection over union is at least 0.5, best pairs
# first (as `spanmark-cli evaluate` does); "exact" needs the same offsets.
# Which gold labels are compared is printed with each row.

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_bench(bench, texts, language=None):
    """The figures found in each text, as lists of (start, end)"""
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as f:
        for text in texts:
            f.write(json.dumps(text) + '\n')
        name = f.name
    try:
        args = [bench, '--jsonl', name] + (['--language', language] if language else [])
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    lines = [json.loads(line) for line in out.splitlines()]
    # Empty texts are skipped by the bench; give them no figures
    result, it = [], iter(lines)
    for text in texts:
        result.append([tuple(p) for p in next(it)['figures']] if text else [])
    return result


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0


def match(pred, gold, exact):
    """How many predicted spans pair with gold spans one to one"""
    if exact:
        return len(set(pred) & set(gold))
    pairs = sorted(((iou(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if iou(p, g) >= 0.5), reverse=True)
    used_p, used_g, n = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            n += 1
    return n


class Score:
    def __init__(self):
        self.tp = {True: 0, False: 0}
        self.n_pred = 0
        self.n_gold = 0
        self.errors = []

    def add(self, text, pred, gold):
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        for exact in (True, False):
            self.tp[exact] += match(pred, gold, exact)
        matched_p = {i for i, p in enumerate(pred) if any(iou(p, g) >= 0.5 for g in gold)}
        matched_g = {j for j, g in enumerate(gold) if any(iou(p, g) >= 0.5 for p in pred)}
        for i, p in enumerate(pred):
            if i not in matched_p:
                self.errors.append(('FP', text[p[0]:p[1]], context(text, p)))
        for j, g in enumerate(gold):
            if j not in matched_g:
                self.errors.append(('FN', text[g[0]:g[1]], context(text, g)))

    def row(self, exact):
        tp = self.tp[exact]
        p = tp / self.n_pred if self.n_pred else 1.0
        r = tp / self.n_gold if self.n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def context(text, span, width=40):
    s, e = span
    return (text[max(0, s - width):s] + '[' + text[s:e] + ']' + text[e:e + width]).replace('\n', ' ')


def print_row(name, score, labels):
    if score.n_gold == 0:
        # Inputs that must give nothing: only what was found says anything
        print(f'| {name} | 0 | {score.n_pred} | — | — | — | — | — | — | {labels} |')
        return
    cells = []
    for exact in (False, True):
        p, r, f = score.row(exact)
        cells.append(f'{p:.3f} | {r:.3f} | {f:.3f}')
    print(f'| {name} | {score.n_gold} | {score.n_pred} | {cells[0]} | {cells[1]} | {labels} |')


# What a predicted figure is, to compare it with gold that tags only some
# kinds (money and percentages)
def word_list(*names):
    words = set()
    for name in names:
        with open(os.path.join(TOP, 'data', 'suggest', name), encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    words.add(line.split('\t')[0].lower())
    return words


MONEY_WORDS = word_list('en/currencies.txt', 'common/currency-symbols.txt')
PERCENT_WORDS = word_list('en/percent.txt', 'common/percent.txt')


def has_word(s, words):
    low = s.lower()
    tokens = re.findall(r"[\w.$]+", low)
    joined = ' ' + ' '.join(tokens) + ' '
    return bool(set(tokens) & words) or any(' ' + w + ' ' in joined for w in words if ' ' in w)


def is_money(s):
    return bool(re.search(r'[$€£¥₹₽﷼₩₺₪₦₴₱฿₫₡₾₭₿元]|\b(USD|EUR|GBP|IRR)', s)) or has_word(s, MONEY_WORDS)


def is_percent(s):
    return bool(re.search(r'[%٪‰]', s)) or has_word(s, PERCENT_WORDS)


def is_money_or_percent(s):
    return is_money(s) or is_percent(s)


def read_brat(ann):
    spans = []
    with open(ann, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('T'):
                continue
            _, info, _ = line.rstrip('\n').split('\t', 2)
            label, rest = info.split(' ', 1)
            if ';' in rest:
                continue
            start, end = map(int, rest.split())
            spans.append((label, start, end))
    return spans


NUMBER_WORD = re.compile(r'\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|'
                         r'twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b', re.I)


def sample(args):
    text = open(os.path.join(args.shared, 'samples', 'belarus-iran-sanctions.txt'), encoding='utf-8').read()
    gold = json.load(open(os.path.join(args.shared, 'gold', 'belarus-iran-sanctions.gold.json'), encoding='utf-8'))
    spans = [(s['start'], s['end']) for s in gold['spans'] if s['label'] == 'FIGURE']
    score = Score()
    score.add(text, run_bench(args.bench, [text])[0], spans)
    return [('Sample article (gold)', score, 'FIGURE')]


def news_gold(args):
    """The team's own gold for six news articles (bench/suggest/news-gold/),
    annotated blind to the recognizers; each FIGURE has a kind"""
    docs = []
    for path in sorted(glob.glob(os.path.join(TOP, 'bench', 'suggest', 'news-gold', '*.gold.json'))):
        gold = json.load(open(path, encoding='utf-8'))
        docs.append((gold['document']['text'], [s for s in gold['spans'] if s['label'] == 'FIGURE']))
    preds = run_bench(args.bench, [t for t, _ in docs], 'en')
    every, money = Score(), Score()
    for (text, spans), pred in zip(docs, preds):
        every.add(text, pred, [(s['start'], s['end']) for s in spans])
        money.add(text, [p for p in pred if is_money_or_percent(text[p[0]:p[1]])],
                  [(s['start'], s['end']) for s in spans if s.get('kind') in ('money', 'percent')])
    return [
        ('News gold: money and %', money, 'FIGURE of kind money or percent; predictions with a currency or percent'),
        ('News gold: all figures', every, 'FIGURE; all predictions'),
    ]


def commodity(args):
    folder = os.path.join(args.shared, 'testdata', 'commodity-news-corpus', 'raw-files', 'data')
    docs = []
    for txt in sorted(glob.glob(os.path.join(folder, '*.txt'))):
        text = open(txt, encoding='utf-8').read()
        docs.append((text, read_brat(txt[:-4] + '.ann')))
    preds = run_bench(args.bench, [t for t, _ in docs], 'en')

    money = Score()
    figures = Score()
    figures_dur = Score()
    for (text, spans), pred in zip(docs, preds):
        gold_mp = [(s, e) for l, s, e in spans if l in ('MONEY', 'PERCENTAGE', 'Price_unit')]
        pred_mp = [p for p in pred if is_money_or_percent(text[p[0]:p[1]])]
        money.add(text, pred_mp, gold_mp)
        base = ('MONEY', 'PERCENTAGE', 'Price_unit', 'Production_unit', 'Quantity')
        gold_all = [(s, e) for l, s, e in spans if l in base]
        figures.add(text, pred, gold_all)
        gold_dur = gold_all + [(s, e) for l, s, e in spans
                               if l == 'DURATION' and NUMBER_WORD.search(text[s:e])]
        figures_dur.add(text, pred, gold_dur)
    return [
        ('Commodity news: money and %', money,
         'MONEY + PERCENTAGE + Price_unit; predictions with a currency or percent only'),
        ('Commodity news: all figures', figures,
         'MONEY + PERCENTAGE + Price_unit + Production_unit + Quantity; all predictions'),
        ('Commodity news: all + durations', figures_dur,
         'the same + DURATION with a number ("two weeks", "five-year")'),
    ]


def re3d(args):
    docs = {}
    ents = {}
    for folder in sorted(glob.glob(os.path.join(args.shared, 'testdata', 're3d-open', '*', ''))):
        for line in open(os.path.join(folder, 'documents.json'), encoding='utf-8'):
            d = json.loads(line)
            docs[d['_id']] = d['text']
        for line in open(os.path.join(folder, 'entities.json'), encoding='utf-8'):
            e = json.loads(line)
            ents.setdefault(e['documentId'], []).append(e)
    ids = sorted(docs)
    preds = run_bench(args.bench, [docs[i] for i in ids], 'en')

    money = Score()
    measures = Score()
    for i, pred in zip(ids, preds):
        text = docs[i]
        es = [e for e in ents.get(i, []) if e['confidence'] >= 0.5]
        gold_money = [(e['begin'], e['end']) for e in es if e['type'] == 'Money' and re.search(r'\d', e['value'])]
        money.add(text, [p for p in pred if is_money(text[p[0]:p[1]])], gold_money)
        # Quantities that are a number with what it measures: not bare
        # numbers ("two", "265"), which the gold conventions leave out
        gold_q = [(e['begin'], e['end']) for e in es
                  if e['type'] in ('Money', 'Quantity') and NUMBER_WORD.search(e['value'])
                  and re.search(r'[^\W\d]{2,}|%', re.sub(NUMBER_WORD, '', e['value']))
                  and not re.fullmatch(r'(?i)(at least|more than|over|about|some|nearly)\s+\S+', e['value'])
                  and not re.search(r'\d(st|nd|rd|th)\b', e['value'])]
        # A prediction over another entity (a Temporal "30 years") is not
        # counted against us: re3d tags durations as Temporal
        others = [(e['begin'], e['end']) for e in es if e['type'] == 'Temporal']
        pred_q = [p for p in pred if not any(iou(p, o) >= 0.5 for o in others)]
        # re3d tags the number of a count alone ("34" in "34 strikes"):
        # a count found over such a number stands for it in the gold
        bare = [(e['begin'], e['end']) for e in es if e['type'] == 'Quantity'
                and (e['begin'], e['end']) not in gold_q and re.fullmatch(r'[\d,.]+|[a-z]+', e['value'])]
        for b in bare:
            holder = next((p for p in pred_q if p[0] <= b[0] and b[1] <= p[1]), None)
            if holder is not None and holder not in gold_q:
                gold_q.append(holder)
        measures.add(text, pred_q, gold_q)
    return [
        ('re3d: Money', money, 'Money with a digit, confidence ≥ 0.5; predictions with a currency'),
        ('re3d: measures', measures,
         'Money + Quantity with a unit or noun ("645 beds", "10 per cent"), and bare Quantity numbers '
         'that a found count holds ("34" of "34 strikes") as that count, confidence ≥ 0.5; '
         'predictions over a Temporal span left out'),
    ]


SPEC_TYPES = ('currency', 'percentage', 'dimension', 'temperature', 'age')


def specs(args):
    folder = os.path.join(args.shared, 'testdata', 'recognizers-text-specs', 'Specs')
    cases = []
    negatives = []
    for path in sorted(glob.glob(os.path.join(folder, '*', 'English', '*.json'))):
        for case in json.load(open(path, encoding='utf-8-sig')):
            results = case.get('Results', [])
            if not results:
                negatives.append((os.path.basename(path), case['Input']))
            elif all(r['TypeName'] in SPEC_TYPES for r in results):
                cases.append((os.path.basename(path), case['Input'],
                              [(r['Start'], r['End'] + 1) for r in results]))
    preds = run_bench(args.bench, [c[1] for c in cases] + [n[1] for n in negatives], 'en')
    scores = {}
    for (name, text, gold), pred in zip(cases, preds):
        scores.setdefault(name, Score()).add(text, pred, gold)
    # Inputs with no result: in the files of our kinds (with a unit), a
    # figure there is a mistake; in the plain number and ordinal files,
    # "the 180ml liquid" gives no *number* because it is a measure, which
    # is a figure for us, so those are only listed
    neg_ours, neg_numbers = Score(), Score()
    n_ours = 0
    for (name, text), pred in zip(negatives, preds[len(cases):]):
        ours = name.startswith(('Age', 'Currency', 'Dimension', 'Temperature', 'Percent'))
        n_ours += ours
        (neg_ours if ours else neg_numbers).add(text, pred, [])
    rows = [(f'Recognizers-Text {name[:-5]}', s, 'all results of the file') for name, s in sorted(scores.items())]
    rows.append(('Recognizers-Text: no-result cases, units', neg_ours,
                 f'{n_ours} inputs of the currency, dimension, temperature, age and percent files'))
    rows.append(('Recognizers-Text: no-result cases, numbers', neg_numbers,
                 f'{len(negatives) - n_ours} inputs of the number, range and ordinal files'))
    return rows


def timing(args):
    text = open(os.path.join(args.shared, 'samples', 'belarus-iran-sanctions.txt'), encoding='utf-8').read()
    big = (text + '\n') * (1_000_000 // (len(text.encode()) + 1) + 1)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write(big)
        name = f.name
    try:
        out = subprocess.run([args.bench, '--language', 'en', '--time', str(args.runs), name],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    return out.strip().split(': ', 1)[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--bench', default=os.path.join(TOP, '_build', 'bench', 'suggest', 'spanmark-bench-figures'))
    # ../shared beside the checkout (or beside its worktrees' folder)
    shared = next((d for d in (os.path.join(TOP, '..', 'shared'), os.path.join(TOP, '..', '..', 'shared'))
                   if os.path.isdir(d)), os.path.join(TOP, '..', 'shared'))
    parser.add_argument('--shared', default=shared)
    parser.add_argument('--runs', type=int, default=21)
    parser.add_argument('--show-errors', action='store_true')
    args = parser.parse_args()

    rows = sample(args) + news_gold(args) + commodity(args) + re3d(args) + specs(args)
    print('| data | gold | found | P overlap | R | F1 | P exact | R | F1 | compared with |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for name, score, labels in rows:
        print_row(name, score, labels)
    print()
    print('1 MB article (the sample repeated):', timing(args))

    if args.show_errors:
        for name, score, _ in rows:
            if score.errors:
                print(f'\n## {name}')
                for kind, s, ctx in score.errors:
                    print(f'{kind}\t{s!r}\t{ctx}')


if __name__ == '__main__':
    sys.exit(main())
