#!/usr/bin/env python3
"""Golden test: runs khabar on every DIR/*.txt and compares the records with a
golden file, record by record.

Compared: the record ids and their order, `meta`, each entity as (type,
start, end, text, value, norm, subtype), and each relation with its entities
spelled out. Not compared: `source` (an absolute path), `rule` provenance (line
numbers move with every edit) and `errors`.

On a mismatch it prints, per record, the expected and the got entities that
differ, and exits 1. Rebuild the golden file with tools/update-golden after
reviewing the differences.

Usage: golden_test.py --khabar BIN --corpus DIR --golden FILE
"""

import argparse
import json
import os
import subprocess
import sys

ENTITY_FIELDS = ("type", "start", "end", "text", "value", "norm", "subtype")


def entity_key(e):
    return tuple(e.get(f, "") for f in ENTITY_FIELDS)


def show_entity(key):
    etype, start, end, text, value, norm, subtype = key
    out = "%s%s [%d,%d) %r" % (etype, "/" + subtype if subtype else "", start, end, text)
    if value:
        out += " value=%s" % value
    if norm and norm != text:
        out += " norm=%r" % norm
    return out


def relation_key(record, rel):
    def ref(index):
        if index is None:
            return None
        entities = record.get("entities", [])
        if not isinstance(index, int) or not 0 <= index < len(entities):
            return ("bad index", index)
        return entity_key(entities[index])[:4]

    return (rel.get("type", ""), ref(rel.get("person")), ref(rel.get("role")), ref(rel.get("org")))


def show_relation(key):
    def part(ref):
        if ref is None:
            return "null"
        return "%s [%s,%s) %r" % ref if len(ref) == 4 else repr(ref)

    rtype, person, role, org = key
    return "%s person=%s role=%s org=%s" % (rtype, part(person), part(role), part(org))


def load_records(lines, where):
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise SystemExit("%s:%d: not a JSON record: %s" % (where, n, e))
    return records


def diff_lists(expected, got):
    """Items of `expected` missing from `got` and items of `got` not expected
    (as multisets), each in its list's order."""
    remaining = list(got)
    missing = []
    for item in expected:
        if item in remaining:
            remaining.remove(item)
        else:
            missing.append(item)
    extra_pool = list(expected)
    extra = []
    for item in got:
        if item in extra_pool:
            extra_pool.remove(item)
        else:
            extra.append(item)
    return missing, extra


def compare_record(exp, got):
    """Lines describing how `got` differs from `exp`; empty when equal."""
    lines = []
    if exp.get("meta", {}) != got.get("meta", {}):
        lines.append("  - expected meta: " + json.dumps(exp.get("meta", {}), ensure_ascii=False))
        lines.append("  + got meta:      " + json.dumps(got.get("meta", {}), ensure_ascii=False))
    exp_entities = [entity_key(e) for e in exp.get("entities", [])]
    got_entities = [entity_key(e) for e in got.get("entities", [])]
    if exp_entities != got_entities:
        missing, extra = diff_lists(exp_entities, got_entities)
        for key in missing:
            lines.append("  - expected: " + show_entity(key))
        for key in extra:
            lines.append("  + got:      " + show_entity(key))
        if not missing and not extra:
            lines.append("  entities in a different order")
    exp_rel = [relation_key(exp, r) for r in exp.get("relations", [])]
    got_rel = [relation_key(got, r) for r in got.get("relations", [])]
    if exp_rel != got_rel:
        missing, extra = diff_lists(exp_rel, got_rel)
        for key in missing:
            lines.append("  - expected relation: " + show_relation(key))
        for key in extra:
            lines.append("  + got relation:      " + show_relation(key))
        if not missing and not extra:
            lines.append("  relations in a different order")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--khabar", required=True, help="the khabar binary")
    parser.add_argument("--corpus", required=True, help="directory of .txt articles")
    parser.add_argument("--golden", required=True, help="golden JSON-lines file")
    args = parser.parse_args()

    if not os.path.exists(args.golden):
        print("golden file %s is missing; create it with tools/update-golden" % args.golden)
        return 1
    with open(args.golden, encoding="utf-8") as f:
        expected = load_records(f, args.golden)

    files = sorted(os.path.join(args.corpus, name) for name in os.listdir(args.corpus)
                   if name.endswith(".txt") and os.path.isfile(os.path.join(args.corpus, name)))
    got = []
    if files:
        proc = subprocess.run([args.khabar, "extract", "--threads", "2"] + files,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 1):
            print("khabar exited %d:\n%s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
            return 1
        got = load_records(proc.stdout.decode("utf-8").splitlines(), "khabar output")

    failures = 0
    exp_ids = [r.get("id") for r in expected]
    got_ids = [r.get("id") for r in got]
    if exp_ids != got_ids:
        failures += 1
        missing = [i for i in exp_ids if i not in got_ids]
        extra = [i for i in got_ids if i not in exp_ids]
        print("records differ: expected %d, got %d" % (len(exp_ids), len(got_ids)))
        if missing:
            print("  missing: " + " ".join(map(str, missing)))
        if extra:
            print("  new:     " + " ".join(map(str, extra)))
        if not missing and not extra:
            print("  same ids in a different order")

    got_by_id = {}
    for r in got:
        got_by_id.setdefault(r.get("id"), r)
    changed = 0
    for exp in expected:
        rid = exp.get("id")
        if rid not in got_by_id:
            continue
        lines = compare_record(exp, got_by_id[rid])
        if lines:
            changed += 1
            print("record %s:" % rid)
            print("\n".join(lines))
    failures += changed

    if failures:
        print("\n%d of %d records differ from %s." % (changed, len(expected), args.golden))
        print("If the changes are intended, rebuild it with tools/update-golden and review the diff.")
        return 1
    print("%d records match %s" % (len(expected), args.golden))
    return 0


if __name__ == "__main__":
    sys.exit(main())
