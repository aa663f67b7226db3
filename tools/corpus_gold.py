#!/usr/bin/env python3
"""Builds corpus/gold.jsonl, the gold annotations of the corpus articles.

The annotations are written by hand in tools/corpus_gold_a.py (articles
a01..a16) and tools/corpus_gold_b.py (b01..b16); each computes code-point
offsets by searching the surfaces in corpus/<id>.txt and validates them. This
script runs both and writes one file, sorted by id.

Usage: python3 tools/corpus_gold.py [--check]
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "corpus", "gold.jsonl")


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    records = []
    for name in ("corpus_gold_a", "corpus_gold_b"):
        m = load(name)
        try:
            for aid in sorted(m.ARTICLES):
                built = m.build_article(aid, m.ARTICLES[aid])
                records.append(built[0] if isinstance(built, tuple) else built)
        except m.GoldError as e:
            sys.exit(f"{name}: {e}")
    records.sort(key=lambda r: r["id"])
    entities = sum(1 for r in records for e in r["entities"] if not e.get("optional"))
    relations = sum(1 for r in records for x in r["relations"] if not x.get("optional"))
    print(f"{len(records)} articles, {entities} non-optional entities, {relations} relations")
    if "--check" not in sys.argv[1:]:
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
