#!/usr/bin/env python3
"""Builds corpus/gold.jsonl, the gold annotations of the corpus articles.

The annotations are written by hand in tools/corpus_gold_a.py (articles
a01..a16) and tools/corpus_gold_b.py (b01..b16); each computes code-point
offsets by searching the surfaces in corpus/<id>.txt and validates them. This
script runs both, marks optional what stands in a "related articles" block
(see RELATED_OPENERS below), and writes one file, sorted by id.

Usage: python3 tools/corpus_gold.py [--check]
"""
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")
OUT = os.path.join(CORPUS, "gold.jsonl")

# Lines that open a block of links to other articles (web boilerplate, which
# yields no entities): the line itself and the short lines after it (at most
# MAX_HEADLINE_WORDS words each, a list of headlines) up to the first
# paragraph. Names there belong to other articles: they are optional.
RELATED_OPENERS = ("اقرأ أيضا", "اقرأ أيضاً", "اقرأ كذلك", "مقالات ذات صلة", "مواضيع ذات صلة",
                   "أخبار ذات صلة", "الوسوم", "كلمات مفتاحية")
MAX_HEADLINE_WORDS = 18


def related_blocks(text):
    """Code-point ranges of the "related articles" blocks of `text`."""
    blocks = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        if lines[i].strip().startswith(RELATED_OPENERS):
            j = i + 1
            while j < len(lines) and len(re.findall(r"\w+", lines[j])) <= MAX_HEADLINE_WORDS:
                j += 1
            blocks.append((starts[i], starts[j - 1] + len(lines[j - 1])))
            i = j
        else:
            i += 1
    return blocks


def mark_related(record):
    with open(os.path.join(CORPUS, record["id"] + ".txt"), encoding="utf-8") as f:
        blocks = related_blocks(f.read())
    for e in record["entities"]:
        if any(b <= e["start"] and e["end"] <= end for b, end in blocks):
            e["optional"] = True


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
    for r in records:
        mark_related(r)
    entities = sum(1 for r in records for e in r["entities"] if not e.get("optional"))
    relations = sum(1 for r in records for x in r["relations"] if not x.get("optional"))
    print(f"{len(records)} articles, {entities} non-optional entities, {relations} relations")
    if "--check" not in sys.argv[1:]:
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
