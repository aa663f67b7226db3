#!/usr/bin/env python3
"""Cross-checks `khabar eval` with an independent scorer written in Python.

Runs `khabar extract` on the articles, scores the records against the gold
annotations itself, runs `khabar eval --json --gold GOLD` on the same input and
compares every count: tp/fp/fn per entity type and overall for both matchings,
DATE values (matched, correct) and relations (tp/fp/fn). It prints both sets of
counts side by side with their differences.

Usage:
  python3 tools/eval_crosscheck.py --khabar build/khabar --gold corpus/gold.jsonl
  python3 tools/eval_crosscheck.py --khabar build/khabar \\
      --gold /work/shared/seeds/gold.jsonl [INPUT...]

  INPUT...  what `khabar extract` and `khabar eval` read: .txt articles (id =
            file name without .txt), directories, .jsonl articles; or a single
            PRED.jsonl of khabar records (lines with "entities"), scored as is.
            Without INPUT, the texts beside GOLD are read: DIR/<id>.txt for
            every gold id, as `khabar eval` does.
  --rules DIR, --gazetteers DIR, --doc-date YYYY-MM-DD are passed to both
  khabar commands.

Exit status: 0 when all counts agree, 1 when some differ, 2 on a usage error,
a missing file or a khabar run that fails.

Scoring (JSON-lines gold: id, meta, entities, relations; offsets in code
points; records matched to gold by id; a gold document without a record counts
all its entities and relations as misses; records without gold are ignored):

  entities  Gold spans marked "optional" count neither for nor against: they
            take no part in matching, and a prediction left unmatched that
            overlaps an optional gold span and no other gold span of its type
            is ignored. Every other unmatched prediction is a false positive,
            every unmatched gold span a false negative.
            strict:  same type, same start and end.
            overlap: same type and overlapping spans, one-to-one, greedy: the
                     pair with the largest overlap (in code points) is taken
                     first; ties go to the earlier gold span, then the earlier
                     prediction.
            P = tp/(tp+fp), R = tp/(tp+fn), F1 their harmonic mean, per type
            and micro-averaged over all types (ALL).
  dates     over the DATE pairs of the overlap matching: how many there are
            and how many have a prediction "value" equal to the gold "value".
  relations (person, role, organization) triples compared by name after
            Arabic normalization (diacritics and tatweel removed, أ إ آ -> ا,
            ى -> ي, ة -> ه, whitespace collapsed). A record's relation refers
            to its entities by index: the person's name is the entity's "norm"
            (for a surname-only mention, the full name), the role's is its
            canonical "value", the organization's its "norm" (each falling
            back to "text"). A gold relation matches when the person and role
            are equal and the organization is its "org" or one of its
            "org_alt"; a null person or organization matches only null.
            Predicted triples are a set: several predictions matching the same
            gold relation count once. Predictions matching only optional gold
            relations are ignored; the rest are false positives; unmatched
            non-optional gold relations are false negatives.
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
    """A problem with the command line or the input files (exit status 2)."""


# --------------------------------------------------------------------------
# Arabic name normalization

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
_LETTERS = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                          "\u0649": "\u064a", "\u0629": "\u0647"})


def normalize_name(name):
    """The comparison form of a name; None stays None."""
    if name is None:
        return None
    name = _DIACRITICS.sub("", name).translate(_LETTERS)
    return " ".join(name.split())


# --------------------------------------------------------------------------
# Reading

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
                    raise UsageError(f"{path}:{number}: {what} is not valid JSON: {e}")
    except OSError as e:
        raise UsageError(f"cannot read {what} {path}: {e.strerror}")
    return records


def read_gold(path):
    gold = {}
    for doc in read_jsonl(path, "gold"):
        if "id" not in doc:
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
    if not path.endswith(".jsonl") or not os.path.isfile(path):
        return False
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    return isinstance(json.loads(line).get("entities"), list)
    except (OSError, ValueError, AttributeError):
        return False
    return False


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


def score_entities(gold_entities, pred_entities, matcher):
    """Per-type Counts and the matched (gold, pred) pairs of one document."""
    required = [g for g in gold_entities if not g.get("optional")]
    optional = [g for g in gold_entities if g.get("optional")]
    pairs = matcher(required, pred_entities)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    counts = {}

    def of(t):
        return counts.setdefault(t, Counts())

    for gi, pi in pairs:
        of(required[gi]["type"]).tp += 1
    for gi, g in enumerate(required):
        if gi not in matched_gold:
            of(g["type"]).fn += 1
    for pi, p in enumerate(pred_entities):
        if pi in matched_pred:
            continue
        touches_optional = any(o["type"] == p["type"] and overlap_len(o, p) > 0 for o in optional)
        touches_required = any(g["type"] == p["type"] and overlap_len(g, p) > 0 for g in required)
        if touches_optional and not touches_required:
            continue
        of(p["type"]).fp += 1
    return counts, [(required[gi], pred_entities[pi]) for gi, pi in pairs]


# --------------------------------------------------------------------------
# Relation scoring

def entity_name(entities, index, field_order):
    if index is None:
        return None
    if not isinstance(index, int) or not 0 <= index < len(entities):
        return "\0invalid"
    e = entities[index]
    for field in field_order:
        if e.get(field):
            return normalize_name(e[field])
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
    for person, role, org in predicted_triples(record) if record else ():
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

def score(gold, records):
    by_id = {}
    for rec in records:
        by_id.setdefault(str(rec.get("id")), rec)
    result = {"strict": {}, "overlap": {}, "dates": {"matched": 0, "value_correct": 0},
              "relations": Counts(), "documents": len(gold), "documents_without_prediction": 0}
    for doc_id, doc in gold.items():
        rec = by_id.get(doc_id)
        if rec is None:
            result["documents_without_prediction"] += 1
        pred = (rec.get("entities") or []) if rec else []
        gold_entities = doc.get("entities") or []
        for mode, matcher in (("strict", match_strict), ("overlap", match_overlap)):
            counts, pairs = score_entities(gold_entities, pred, matcher)
            for t, c in counts.items():
                result[mode].setdefault(t, Counts()).add(c)
            if mode == "overlap":
                for g, p in pairs:
                    if g["type"] == "DATE":
                        result["dates"]["matched"] += 1
                        if p.get("value") == g.get("value"):
                            result["dates"]["value_correct"] += 1
        result["relations"].add(score_relations(doc.get("relations") or [], rec))
    for mode in ("strict", "overlap"):
        total = Counts()
        for c in result[mode].values():
            total.add(c)
        result[mode]["ALL"] = total
    return result


# --------------------------------------------------------------------------
# Running khabar

def run(command, what):
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=KHABAR_TIMEOUT)
    except OSError as e:
        raise UsageError(f"cannot run {command[0]}: {e.strerror}")
    except subprocess.TimeoutExpired:
        raise UsageError(f"{what} did not finish within {KHABAR_TIMEOUT} s")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"{what} failed (exit {proc.returncode}): {' '.join(command)}\n{err}")
    return proc.stdout.decode("utf-8")


def default_inputs(gold_path, gold):
    directory = os.path.dirname(os.path.abspath(gold_path))
    paths = [os.path.join(directory, doc_id + ".txt") for doc_id in gold]
    missing = [p for p in paths if not os.path.isfile(p)]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise UsageError(f"articles named by the gold ids are missing: {shown}")
    return paths


def khabar_records(args, inputs, options):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "records.jsonl")
        run([args.khabar, "extract", "-o", out] + options + inputs, "khabar extract")
        return read_jsonl(out, "khabar records")


def khabar_eval(args, inputs, options):
    text = run([args.khabar, "eval", "--json", "--gold", args.gold] + options + inputs, "khabar eval")
    try:
        return json.loads(text)
    except ValueError as e:
        raise UsageError(f"khabar eval --json printed no valid JSON: {e}")


# --------------------------------------------------------------------------
# Comparison and report

def compared_rows(mine, theirs):
    """(label, mine, theirs) for every count that both scorers must agree on."""
    rows = []
    for mode in ("strict", "overlap"):
        types = [t for t in TYPES if t in mine[mode] or t in theirs.get(mode, {})]
        types += sorted(t for t in set(mine[mode]) | set(theirs.get(mode, {}))
                        if t not in TYPES and t != "ALL")
        for t in types + ["ALL"]:
            c = mine[mode].get(t, Counts())
            o = theirs.get(mode, {}).get(t, {})
            for field in ("tp", "fp", "fn"):
                rows.append((f"{mode} {t} {field}", getattr(c, field), o.get(field, 0)))
    for field in ("matched", "value_correct"):
        rows.append((f"dates {field}", mine["dates"][field], theirs.get("dates", {}).get(field)))
    for field in ("tp", "fp", "fn"):
        rows.append((f"relations {field}", getattr(mine["relations"], field),
                     theirs.get("relations", {}).get(field)))
    for field in ("documents", "documents_without_prediction"):
        rows.append((field, mine[field], theirs.get(field)))
    return rows


def print_report(mine, theirs):
    print("entities (this scorer; khabar eval in brackets where it differs)")
    print(f"  {'':8} {'type':7} {'tp':>10} {'fp':>10} {'fn':>10} {'P':>7} {'R':>7} {'F1':>7}")
    for mode in ("strict", "overlap"):
        types = [t for t in TYPES if t in mine[mode] or t in theirs.get(mode, {})]
        types += sorted(t for t in set(mine[mode]) | set(theirs.get(mode, {}))
                        if t not in TYPES and t != "ALL")
        for t in types + ["ALL"]:
            c = mine[mode].get(t, Counts())
            o = theirs.get(mode, {}).get(t, {})
            cells = []
            for field in ("tp", "fp", "fn"):
                a, b = getattr(c, field), o.get(field, 0)
                cells.append(f"{a}" if a == b else f"{a} [{b}]")
            p, r, f = c.prf()
            print(f"  {mode:8} {t:7} {cells[0]:>10} {cells[1]:>10} {cells[2]:>10}"
                  f" {p:7.4f} {r:7.4f} {f:7.4f}")
    d, od = mine["dates"], theirs.get("dates", {})
    accuracy = d["value_correct"] / d["matched"] if d["matched"] else 0.0
    print(f"dates: matched {d['matched']} [{od.get('matched')}],"
          f" value correct {d['value_correct']} [{od.get('value_correct')}], accuracy {accuracy:.4f}")
    rel, orel = mine["relations"], theirs.get("relations", {})
    p, r, f = rel.prf()
    print(f"relations: tp {rel.tp} [{orel.get('tp')}], fp {rel.fp} [{orel.get('fp')}],"
          f" fn {rel.fn} [{orel.get('fn')}], P {p:.4f} R {r:.4f} F1 {f:.4f}")
    print(f"documents: {mine['documents']} [{theirs.get('documents')}],"
          f" without prediction {mine['documents_without_prediction']}"
          f" [{theirs.get('documents_without_prediction')}]")

    rows = compared_rows(mine, theirs)
    differences = [(label, a, b) for label, a, b in rows if a != b]
    print()
    if not differences:
        print(f"all {len(rows)} counts agree with khabar eval")
        return True
    print(f"{len(differences)} of {len(rows)} counts differ (this scorer, khabar eval, difference):")
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
    parser.add_argument("--rules", help="rule directory, passed to khabar")
    parser.add_argument("--gazetteers", help="gazetteer directory, passed to khabar")
    parser.add_argument("--doc-date", help="anchor date YYYY-MM-DD, passed to khabar")
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="articles or one PRED.jsonl (default: GOLD's DIR/<id>.txt)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    try:
        if not os.path.isfile(args.khabar) or not os.access(args.khabar, os.X_OK):
            raise UsageError(f"khabar binary not found or not executable: {args.khabar}")
        if not os.path.isfile(args.gold):
            raise UsageError(f"gold file not found: {args.gold}")
        for path in args.inputs:
            if path != "-" and not os.path.exists(path):
                raise UsageError(f"input not found: {path}")
        gold = read_gold(args.gold)
        options = []
        for flag, value in (("--rules", args.rules), ("--gazetteers", args.gazetteers),
                            ("--doc-date", args.doc_date)):
            if value is not None:
                options += [flag, value]
        inputs = args.inputs
        if len(inputs) == 1 and is_prediction_file(inputs[0]):
            records = read_jsonl(inputs[0], "predictions")
        else:
            if not inputs:
                inputs = default_inputs(args.gold, gold)
            records = khabar_records(args, inputs, options)
        theirs = khabar_eval(args, args.inputs, options)
    except UsageError as e:
        print(f"eval_crosscheck: {e}", file=sys.stderr)
        return 2
    mine = score(gold, records)
    return 0 if print_report(mine, theirs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
