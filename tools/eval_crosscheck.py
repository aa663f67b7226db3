#!/usr/bin/env python3
"""Cross-checks `khabar eval` with an independent scorer written in Python.

Runs `khabar extract` on the articles, scores the records against the gold
annotations itself, runs `khabar eval --json --gold GOLD` on the same input and
compares every count: tp/fp/fn per entity type and overall for both matchings,
DATE values (matched, correct), relations (tp/fp/fn) and documents. It prints
both sets of counts side by side and lists the differences.

Usage:
  python3 tools/eval_crosscheck.py --khabar build/khabar --gold corpus/gold.jsonl
  python3 tools/eval_crosscheck.py --khabar build/khabar \\
      --gold ../shared/seeds/gold.jsonl [options] [INPUT...]

  INPUT...  what `khabar eval` accepts: .txt articles (id = file name without
            .txt), .jsonl articles (one per line), directories of them
            (walked recursively, sorted by path, gold*.jsonl skipped); or a
            single PRED.jsonl of khabar records (lines with "entities"), which
            is scored as it is. Without INPUT: DIR/<id>.txt for every gold id,
            DIR being the directory of GOLD.
  --types LIST        score only these entity types (as `khabar eval --types`)
  --rules DIR, --gazetteers DIR, --doc-date YYYY-MM-DD
                      passed to both khabar commands

Extraction: every article is given to `khabar extract` as a JSON-lines article
whose "date" (the anchor of relative dates) is the gold document's meta.date
when the gold has one, as `khabar eval` does when it extracts; otherwise the
article's own date or --doc-date applies.

Exit status: 0 when all counts agree, 1 when some differ, 2 on a usage error,
a missing file or a khabar run that fails.

Scoring (gold: JSON lines with id, meta, entities, relations; offsets in code
points; records matched to gold by id; a gold document without a record has all
its entities and relations missed; records without gold are ignored):

  types     PERSON, ORG, LOC, DATE and ROLE (or --types). Predictions of other
            types are ignored; gold spans of other types (EVENT) are optional.
  entities  Optional gold spans count neither for nor against: they take no
            part in matching, and an unmatched prediction that overlaps an
            optional span (of its own type, or of a type that is not scored)
            and no other gold span of its type is ignored. Every other
            unmatched prediction is a false positive, every unmatched gold
            span a false negative.
            strict:  same type, same start and end.
            overlap: same type and overlapping spans, one-to-one, greedy: the
                     pair with the largest overlap (in code points) first; ties
                     go to the earlier gold span, then the earlier prediction.
            P = tp/(tp+fp), R = tp/(tp+fn), F1 their harmonic mean, per type
            and micro-averaged over all types (ALL).
  dates     the DATE pairs of the overlap matching, and how many of them have
            a prediction "value" equal to the gold "value" (a pair whose gold
            has no value is never correct).
  relations (person, role, organization) triples compared by name after
            Arabic normalization (diacritics and tatweel removed, أ إ آ -> ا,
            ى -> ي, ة -> ه, whitespace collapsed). A record's relation refers
            to its entities by index: the person's name is the entity's "norm"
            (for a surname-only mention, the full name), the role's its
            canonical "value", the organization's its "norm" (each falling
            back to "text"). A gold relation matches when person and role are
            equal and the organization is its "org" or one of its "org_alt"
            (other names of the same organization); a null person or
            organization matches only null. Each gold relation is one fact:
            all predicted triples that match it count as one true positive.
            Predictions matching only optional gold relations are ignored, the
            others are false positives; unmatched non-optional gold relations
            are false negatives.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

TYPES = ("PERSON", "ORG", "LOC", "DATE", "ROLE")
KHABAR_TIMEOUT = 600


class UsageError(Exception):
    """A problem with the command line, the input files or a khabar run (exit 2)."""


# --------------------------------------------------------------------------
# Arabic name normalization

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8"
                         "\u06ea-\u06ed\u0640]")
_LETTERS = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                          "\u0649": "\u064a", "\u0629": "\u0647"})


def normalize_name(name):
    """The comparison form of a name; None stays None."""
    if name is None:
        return None
    name = _DIACRITICS.sub("", name).translate(_LETTERS)
    return " ".join(name.split())


# --------------------------------------------------------------------------
# Reading gold, records and articles

def read_jsonl(path, what):
    records = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except ValueError as e:
                    raise UsageError(f"{path}:{number}: {what} line is not valid JSON: {e}")
    except OSError as e:
        raise UsageError(f"cannot read {what} {path}: {e.strerror}")
    return records


def read_gold(path):
    gold = {}
    for doc in read_jsonl(path, "gold"):
        if not isinstance(doc, dict) or "id" not in doc:
            raise UsageError(f"{path}: a gold line has no id")
        doc_id = str(doc["id"])
        if doc_id in gold:
            raise UsageError(f"{path}: gold id {doc_id} appears twice")
        gold[doc_id] = doc
    if not gold:
        raise UsageError(f"{path}: no gold documents")
    return gold


def is_prediction_file(path):
    """True for a .jsonl file whose first record is a khabar output record."""
    if not os.path.isfile(path) or not path.endswith(".jsonl"):
        return False
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and isinstance(record.get("entities"), list)
    except (OSError, ValueError):
        return False
    return False


def walk(directory):
    found = []
    for root, _, files in os.walk(directory):
        for name in files:
            if name.startswith("gold") and name.endswith(".jsonl"):
                continue
            path = os.path.join(root, name)
            if name.endswith((".txt", ".jsonl")):
                found.append(path)
    return sorted(found)


def read_articles(inputs):
    """The articles of the inputs as JSON-lines objects (id, text, date, ...), in order."""
    paths = []
    for path in inputs:
        paths.extend(walk(path) if os.path.isdir(path) else [path])
    articles = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            raise UsageError(f"cannot read {path}: {e.strerror}")
        if path.endswith(".jsonl"):
            for number, line in enumerate(raw.decode("utf-8", "replace").split("\n"), 1):
                if not line.strip():
                    continue
                try:
                    article = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(article, dict) or "text" not in article:
                    continue
                article = dict(article)
                article["id"] = str(article["id"]) if "id" in article else f"{path}:{number}"
                articles.append(article)
        else:
            name = os.path.basename(path)
            if name.endswith(".txt"):
                name = name[: -len(".txt")]
            articles.append({"id": name, "text": raw.decode("utf-8", "replace")})
    return articles


# --------------------------------------------------------------------------
# Entity scoring

def overlap_len(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match_strict(gold, pred):
    """Pairs (gold index, pred index) with the same type, start and end."""
    by_span = {}
    for gi, g in enumerate(gold):
        by_span.setdefault((g["type"], g["start"], g["end"]), []).append(gi)
    pairs = []
    for pi, p in enumerate(pred):
        candidates = by_span.get((p["type"], p["start"], p["end"]))
        if candidates:
            pairs.append((candidates.pop(0), pi))
    return pairs


def match_overlap(gold, pred):
    """One-to-one pairs of the same type with overlapping spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["type"] == p["type"]:
                n = overlap_len(g, p)
                if n > 0:
                    candidates.append((-n, g["start"], g["end"], p["start"], p["end"], gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_entities(gold_entities, pred_entities, matcher, scored):
    """Per-type Counts and the matched (gold, pred) pairs of one document."""
    required = [g for g in gold_entities if g["type"] in scored and not g.get("optional")]
    optional = [g for g in gold_entities if g["type"] not in scored or g.get("optional")]
    pred = [p for p in pred_entities if p.get("type") in scored]
    pairs = matcher(required, pred)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    counts = {}

    def of(t):
        return counts.setdefault(t, Counts())

    for gi, _ in pairs:
        of(required[gi]["type"]).tp += 1
    for gi, g in enumerate(required):
        if gi not in matched_gold:
            of(g["type"]).fn += 1
    for pi, p in enumerate(pred):
        if pi in matched_pred:
            continue
        touches_optional = any((o["type"] == p["type"] or o["type"] not in scored)
                               and overlap_len(o, p) > 0 for o in optional)
        touches_required = any(g["type"] == p["type"] and overlap_len(g, p) > 0 for g in required)
        if touches_optional and not touches_required:
            continue
        of(p["type"]).fp += 1
    return counts, [(required[gi], pred[pi]) for gi, pi in pairs]


# --------------------------------------------------------------------------
# Relation scoring

def entity_name(entities, index, fields):
    if index is None:
        return None
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(entities):
        return "\0invalid index"
    entity = entities[index]
    for field in fields:
        if entity.get(field):
            return normalize_name(entity[field])
    return ""


def predicted_triples(record):
    entities = record.get("entities") or []
    triples = set()
    for r in record.get("relations") or []:
        triples.add((entity_name(entities, r.get("person"), ("norm", "text")),
                     entity_name(entities, r.get("role"), ("value", "norm", "text")),
                     entity_name(entities, r.get("org"), ("norm", "text"))))
    return triples


def score_relations(gold_relations, record):
    gold = []
    for r in gold_relations:
        org = r.get("org")
        orgs = {None} if org is None else {normalize_name(o) for o in [org] + list(r.get("org_alt") or [])}
        gold.append((normalize_name(r.get("person")), normalize_name(r.get("role")), orgs,
                     bool(r.get("optional"))))
    counts = Counts()
    matched = set()
    for person, role, org in (predicted_triples(record) if record else ()):
        hits = [i for i, (gp, gr, go, _) in enumerate(gold) if gp == person and gr == role and org in go]
        required = [i for i in hits if not gold[i][3]]
        if required:
            fresh = [i for i in required if i not in matched]
            matched.add(fresh[0] if fresh else required[0])
        elif not hits:
            counts.fp += 1
    counts.tp = len(matched)
    counts.fn = sum(1 for i, g in enumerate(gold) if not g[3] and i not in matched)
    return counts


# --------------------------------------------------------------------------
# The whole evaluation

def score(gold, records, scored):
    by_id = {}
    for record in records:
        if isinstance(record, dict):
            by_id.setdefault(str(record.get("id")), record)
    result = {"strict": {}, "overlap": {}, "dates": {"matched": 0, "value_correct": 0},
              "relations": Counts(), "documents": len(gold), "documents_without_prediction": 0}
    for doc_id, doc in gold.items():
        record = by_id.get(doc_id)
        if record is None:
            result["documents_without_prediction"] += 1
        pred = (record.get("entities") or []) if record else []
        gold_entities = doc.get("entities") or []
        for mode, matcher in (("strict", match_strict), ("overlap", match_overlap)):
            counts, pairs = score_entities(gold_entities, pred, matcher, scored)
            for t, c in counts.items():
                result[mode].setdefault(t, Counts()).add(c)
            if mode == "overlap":
                for g, p in pairs:
                    if g["type"] == "DATE":
                        result["dates"]["matched"] += 1
                        if g.get("value") is not None and p.get("value") == g.get("value"):
                            result["dates"]["value_correct"] += 1
        result["relations"].add(score_relations(doc.get("relations") or [], record))
    for mode in ("strict", "overlap"):
        total = Counts()
        for c in result[mode].values():
            total.add(c)
        result[mode]["ALL"] = total
    return result


# --------------------------------------------------------------------------
# Running khabar

def run(command, what, accepted=(0,)):
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=KHABAR_TIMEOUT)
    except OSError as e:
        raise UsageError(f"cannot run {command[0]}: {e.strerror}")
    except subprocess.TimeoutExpired:
        raise UsageError(f"{what} did not finish within {KHABAR_TIMEOUT} s")
    if proc.returncode not in accepted:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"{what} failed (exit {proc.returncode}): {' '.join(command)}\n{err}")
    return proc.stdout.decode("utf-8")


def default_inputs(gold_path, gold):
    directory = os.path.dirname(os.path.abspath(gold_path))
    paths = [os.path.join(directory, doc_id + ".txt") for doc_id in gold]
    missing = [p for p in paths if not os.path.isfile(p)]
    if missing:
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise UsageError(f"articles named by the gold ids are missing: {', '.join(missing[:5])}{more}")
    return paths


def khabar_records(khabar, gold, inputs, options):
    """Extracts the articles, each anchored on its gold meta.date when there is one."""
    articles = read_articles(inputs)
    for article in articles:
        doc = gold.get(article["id"])
        date = ((doc or {}).get("meta") or {}).get("date")
        if date:
            article["date"] = date
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "articles.jsonl")
        out = os.path.join(tmp, "records.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            for article in articles:
                f.write(json.dumps(article, ensure_ascii=False) + "\n")
        run([khabar, "extract", "-o", out] + options + [source], "khabar extract", accepted=(0, 1))
        return read_jsonl(out, "khabar record")


def khabar_eval(khabar, gold_path, inputs, options):
    text = run([khabar, "eval", "--json", "--gold", gold_path] + options + inputs, "khabar eval")
    try:
        return json.loads(text)
    except ValueError as e:
        raise UsageError(f"khabar eval --json printed no valid JSON: {e}")


# --------------------------------------------------------------------------
# Comparison and report

def reported_types(mine, theirs, mode):
    present = set(mine[mode]) | set(theirs.get(mode) or {})
    return [t for t in TYPES if t in present] + sorted(present - set(TYPES) - {"ALL"}) + ["ALL"]


def compared_rows(mine, theirs):
    """(label, this scorer, khabar eval) for every count both must agree on."""
    rows = []
    for mode in ("strict", "overlap"):
        for t in reported_types(mine, theirs, mode):
            c = mine[mode].get(t, Counts())
            o = (theirs.get(mode) or {}).get(t) or {}
            for field in ("tp", "fp", "fn"):
                rows.append((f"{mode} {t} {field}", getattr(c, field), o.get(field, 0)))
    for field in ("matched", "value_correct"):
        rows.append((f"dates {field}", mine["dates"][field], (theirs.get("dates") or {}).get(field)))
    for field in ("tp", "fp", "fn"):
        rows.append((f"relations {field}", getattr(mine["relations"], field),
                     (theirs.get("relations") or {}).get(field)))
    for field in ("documents", "documents_without_prediction"):
        rows.append((field, mine[field], theirs.get(field)))
    return rows


def cell(a, b):
    return f"{a}" if a == b else f"{a} [{b}]"


def print_report(mine, theirs):
    print("this scorer; khabar eval's count in [brackets] where it differs")
    print(f"  {'match':8} {'type':7} {'tp':>11} {'fp':>11} {'fn':>11} {'P':>7} {'R':>7} {'F1':>7}")
    for mode in ("strict", "overlap"):
        for t in reported_types(mine, theirs, mode):
            c = mine[mode].get(t, Counts())
            o = (theirs.get(mode) or {}).get(t) or {}
            tp, fp, fn = (cell(getattr(c, f), o.get(f, 0)) for f in ("tp", "fp", "fn"))
            p, r, f = c.prf()
            print(f"  {mode:8} {t:7} {tp:>11} {fp:>11} {fn:>11} {p:7.4f} {r:7.4f} {f:7.4f}")
    d, od = mine["dates"], theirs.get("dates") or {}
    accuracy = d["value_correct"] / d["matched"] if d["matched"] else 0.0
    print(f"dates:     matched {cell(d['matched'], od.get('matched'))},"
          f" value correct {cell(d['value_correct'], od.get('value_correct'))},"
          f" accuracy {accuracy:.4f}")
    rel, orel = mine["relations"], theirs.get("relations") or {}
    p, r, f = rel.prf()
    print(f"relations: tp {cell(rel.tp, orel.get('tp'))}, fp {cell(rel.fp, orel.get('fp'))},"
          f" fn {cell(rel.fn, orel.get('fn'))}, P {p:.4f} R {r:.4f} F1 {f:.4f}")
    print(f"documents: {cell(mine['documents'], theirs.get('documents'))}, without prediction"
          f" {cell(mine['documents_without_prediction'], theirs.get('documents_without_prediction'))}")

    rows = compared_rows(mine, theirs)
    differences = [row for row in rows if row[1] != row[2]]
    print()
    if not differences:
        print(f"all {len(rows)} counts agree with khabar eval")
        return True
    print(f"{len(differences)} of {len(rows)} counts differ:")
    print(f"  {'count':34} {'here':>6} {'eval':>6} {'diff':>6}")
    for label, a, b in differences:
        delta = a - b if isinstance(a, int) and isinstance(b, int) else "?"
        print(f"  {label:34} {a!s:>6} {b!s:>6} {delta!s:>6}")
    return False


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Score khabar's records with an independent scorer and compare every "
                    "count with `khabar eval --json`.")
    parser.add_argument("--khabar", required=True, help="the khabar binary (e.g. build/khabar)")
    parser.add_argument("--gold", required=True, help="gold annotations (JSON lines)")
    parser.add_argument("--types", help="score only these types, e.g. PERSON,ORG,LOC")
    parser.add_argument("--rules", help="rule directory, passed to khabar")
    parser.add_argument("--gazetteers", help="gazetteer directory, passed to khabar")
    parser.add_argument("--doc-date", help="anchor date YYYY-MM-DD, passed to khabar")
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="articles or one PRED.jsonl (default: DIR/<id>.txt beside GOLD)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    try:
        if not os.path.isfile(args.khabar) or not os.access(args.khabar, os.X_OK):
            raise UsageError(f"khabar binary not found or not executable: {args.khabar}")
        if not os.path.isfile(args.gold):
            raise UsageError(f"gold file not found: {args.gold}")
        for path in args.inputs:
            if path == "-":
                raise UsageError("khabar eval does not read standard input: name the files")
            if not os.path.exists(path):
                raise UsageError(f"input not found: {path}")
        scored = set(TYPES)
        options = []
        if args.types:
            scored = {t.strip() for t in args.types.split(",") if t.strip()}
            unknown = sorted(scored - set(TYPES))
            if unknown or not scored:
                raise UsageError(f"--types: unknown entity type {', '.join(unknown) or '(none)'}"
                                 f" (expected {', '.join(TYPES)})")
        for flag, value in (("--rules", args.rules), ("--gazetteers", args.gazetteers),
                            ("--doc-date", args.doc_date)):
            if value is not None:
                options += [flag, value]
        gold = read_gold(args.gold)
        eval_options = options + (["--types", args.types] if args.types else [])
        if len(args.inputs) == 1 and is_prediction_file(args.inputs[0]):
            records = read_jsonl(args.inputs[0], "prediction")
            theirs = khabar_eval(args.khabar, args.gold, args.inputs, eval_options)
        else:
            inputs = args.inputs or default_inputs(args.gold, gold)
            records = khabar_records(args.khabar, gold, inputs, options)
            theirs = khabar_eval(args.khabar, args.gold, args.inputs, eval_options)
    except UsageError as e:
        print(f"eval_crosscheck: {e}", file=sys.stderr)
        return 2
    mine = score(gold, records, scored)
    return 0 if print_report(mine, theirs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
