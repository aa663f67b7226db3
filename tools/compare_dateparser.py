#!/usr/bin/python3
"""Compares khabar's dates with python3-dateparser on the date test set.

Runs both tools over corpus/dates/gold_dates.jsonl (format and scoring in
corpus/dates/README.md) and prints a side-by-side table: accuracy, false dates
and speed.

  khabar:     `khabar extract` reads the sentences as JSON lines on standard
              input ({"id", "text", "date": anchor}); its DATE entities are
              compared with the expected ones exactly (surface and value), as
              tests/date_set_test.cc does.
  dateparser: `dateparser.search.search_dates(text, languages=['ar'])`, with
              settings={'RELATIVE_BASE': anchor} when the sentence has one. It
              returns (substring, datetime) pairs. A pair matches an expected
              date when its substring is the expected surface, allowing the
              words that khabar's spans leave out in front (`في`, `يوم`, `سنة`
              ...), and its datetime agrees with the expected value at the
              precision the value has (year; year-month; day; ISO week; the
              known parts of an `XXXX-11`-style value). An interval value
              cannot be matched by a single datetime.

Speed is wall-clock time for the whole set (khabar: one process, start-up
included), repeated --repeat times.

Usage: /usr/bin/python3 tools/compare_dateparser.py [--khabar build/khabar]
       [--data corpus/dates/gold_dates.jsonl] [--repeat N] [--show-failures]
Exit status: 0 on success, 2 when khabar cannot be run or the data is missing.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Words that khabar's DATE spans leave outside and dateparser keeps in front.
LEADING_WORDS = {
    'في', 'يوم', 'يومه', 'يومي', 'سنة', 'السنة', 'عام', 'العام', 'شهر', 'بتاريخ', 'تاريخ',
    'خلال', 'من', 'منذ', 'حتى', 'إلى', 'الى', 'صباح', 'مساء', 'ليلة', 'بين', 'ما',
}
PUNCT = ' \t\n.,،:;()[]«»"\'-'


def load_rows(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit('%s:%d: bad JSON: %s' % (path, n, e))
    return rows


def score(rows, predicted):
    """predicted: id -> list of (surface, value) pairs, or a callable test."""
    correct = false_dates = 0
    failures = []
    for row in rows:
        expected = [(e['text'], e['value']) for e in row['expected']]
        got = predicted[row['id']]
        false_dates += sum(1 for g in got if g not in expected)
        if sorted(got) == sorted(expected):
            correct += 1
        else:
            failures.append((row, expected, got))
    return correct, false_dates, failures


# ---- khabar -------------------------------------------------------------------

def run_khabar(binary, rows, repeat):
    lines = []
    for row in rows:
        article = {'id': row['id'], 'text': row['text']}
        if row.get('anchor'):
            article['date'] = row['anchor']
        lines.append(json.dumps(article, ensure_ascii=False))
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    start = time.perf_counter()
    for _ in range(repeat):
        proc = subprocess.run([binary, 'extract', '--threads', '1'], input=data,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode('utf-8', 'replace'))
        sys.exit('khabar exited with status %d' % proc.returncode)
    predicted = {}
    for line in proc.stdout.decode('utf-8').splitlines():
        record = json.loads(line)
        predicted[str(record['id'])] = [(e['text'], e.get('value', '')) for e in record['entities']
                                        if e['type'] == 'DATE']
    return predicted, seconds


# ---- dateparser ---------------------------------------------------------------

def strip_leading(surface):
    words = surface.strip(PUNCT).split()
    while len(words) > 1 and words[0].strip(PUNCT) in LEADING_WORDS:
        words = words[1:]
    return ' '.join(words).strip(PUNCT)


def value_agrees(value, dt):
    """Whether a datetime agrees with an expected ISO value at its precision."""
    if '/' in value:
        return False
    m = re.fullmatch(r'(\d{4})-W(\d{2})', value)
    if m:
        iso = dt.isocalendar()
        return (iso[0], iso[1]) == (int(m.group(1)), int(m.group(2)))
    parts = value.split('-')
    fields = [dt.year, dt.month, dt.day]
    for part, field in zip(parts, fields):
        if 'X' in part:
            continue
        if int(part) != field:
            return False
    return True


def dateparser_pairs(found, expected):
    """Maps dateparser's (substring, datetime) pairs onto expected dates where
    they agree, and keeps the others as they are, for scoring."""
    out = []
    remaining = list(expected)
    for substring, dt in found or []:
        surface = strip_leading(substring)
        match = None
        for exp in remaining:
            if surface == exp[0].strip(PUNCT) and value_agrees(exp[1], dt):
                match = exp
                break
        if match:
            remaining.remove(match)
            out.append(match)
        else:
            out.append((substring, dt.isoformat()))
    return out


def run_dateparser(rows, repeat):
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None, None
    warnings.filterwarnings('ignore')
    predicted = {}
    start = time.perf_counter()
    for _ in range(repeat):
        for row in rows:
            settings = {}
            if row.get('anchor'):
                settings['RELATIVE_BASE'] = datetime.datetime.fromisoformat(row['anchor'])
            found = search_dates(row['text'], languages=['ar'], settings=settings)
            expected = [(e['text'], e['value']) for e in row['expected']]
            predicted[row['id']] = dateparser_pairs(found, expected)
    seconds = time.perf_counter() - start
    return predicted, seconds


# ---- report -------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--khabar', default=os.path.join(ROOT, 'build', 'khabar'))
    parser.add_argument('--data', default=os.path.join(ROOT, 'corpus', 'dates', 'gold_dates.jsonl'))
    parser.add_argument('--repeat', type=int, default=1, help='run the set N times for timing')
    parser.add_argument('--show-failures', action='store_true')
    args = parser.parse_args()

    if not os.path.exists(args.data):
        print('no test set at %s' % args.data, file=sys.stderr)
        return 2
    if not os.access(args.khabar, os.X_OK):
        print('cannot run khabar at %s (build it, or pass --khabar PATH)' % args.khabar, file=sys.stderr)
        return 2
    rows = load_rows(args.data)
    repeat = max(1, args.repeat)
    n = len(rows) * repeat

    results = []
    predicted, seconds = run_khabar(args.khabar, rows, repeat)
    results.append(('khabar', score(rows, predicted), seconds))

    predicted, seconds = run_dateparser(rows, repeat)
    if predicted is None:
        print('python3-dateparser is not installed: `apt-get install python3-dateparser` and run this '
              'script with /usr/bin/python3. Showing khabar only.', file=sys.stderr)
    else:
        results.append(('dateparser', score(rows, predicted), seconds))

    negatives = sum(1 for r in rows if not r['expected'])
    print('date test set: %d sentences (%d negatives), %d expected dates; timing over %d run(s)'
          % (len(rows), negatives, sum(len(r['expected']) for r in rows), repeat))
    print()
    print('| tool       | correct | accuracy | false dates | seconds | sentences/s |')
    print('|------------|--------:|---------:|------------:|--------:|------------:|')
    for name, (correct, false_dates, _), seconds in results:
        print('| %-10s | %3d/%-3d | %8.3f | %11d | %7.2f | %11.0f |'
              % (name, correct, len(rows), correct / len(rows), false_dates, seconds, n / seconds))
    if args.show_failures:
        for name, (_, _, failures), _ in results:
            print('\n%s failures (%d):' % (name, len(failures)))
            for row, expected, got in failures:
                print('  %s %s\n    expected: %s\n    got:      %s' % (row['id'], row['text'], expected, got))
    return 0


if __name__ == '__main__':
    sys.exit(main())
