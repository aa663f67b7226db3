#!/usr/bin/env bash
# Behaviour of the khabar binary: help and usage errors, every input kind,
# per-article errors and exit codes, closed pipes, threads, check and explain.
#
# Usage: tests/cli_test.sh KHABAR_BINARY
# Prints "ok - NAME" or "not ok - NAME" (with expected and got) per check, then
# "N passed, M failed"; exits 1 if any check failed.
set -u

if [[ $# -ne 1 ]]; then
  echo "usage: $0 KHABAR_BINARY" >&2
  exit 2
fi
KHABAR=$1
if [[ $KHABAR != /* ]]; then KHABAR=$PWD/$KHABAR; fi
if [[ ! -x $KHABAR ]]; then
  echo "$0: $KHABAR is not an executable" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/khabar_cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 2

passed=0
failed=0

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() {
  echo "not ok - $1"
  shift
  local line
  for line in "$@"; do echo "#   $line"; done
  failed=$((failed + 1))
}
# check NAME EXPECTED GOT
check() {
  if [[ "$2" == "$3" ]]; then ok "$1"; else not_ok "$1" "expected: $2" "got:      $3"; fi
}
# check_true NAME DETAIL COMMAND...: passes when COMMAND succeeds.
check_true() {
  local name=$1 detail=$2
  shift 2
  if "$@"; then ok "$name"; else not_ok "$name" "$detail"; fi
}

# run CMD...: runs with stdout in out, stderr in err, exit code in $rc.
run() {
  { "$@" >out 2>err; } 2>/dev/null
  rc=$?
}
stderr_has() { grep -q -- "$1" err; }
first_err() { head -c 300 err | tr '\n' ' '; }

# py SCRIPT ARGS...: runs a Python snippet (standard library only).
py() {
  local script=$1
  shift
  python3 -c "$script" "$@"
}

# Summary of records: "id|errors>0|entity count" per line, or a parse failure.
PY_SUMMARY='
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    print("%s|%d|%d" % (r["id"], len(r["errors"]) > 0, len(r["entities"])))
'
summary() { py "$PY_SUMMARY" "$1" 2>&1 | tr '\n' ' ' | sed 's/ $//'; }
# The same without the entity count: "id|errors>0" per record.
ids_errors() { summary "$1" | sed -E 's/\|[0-9]+( |$)/\1/g'; }

# Records of two files equal once "source" is removed.
PY_SAME='
import json, sys
def load(p):
    out = []
    for line in open(p, encoding="utf-8"):
        r = json.loads(line)
        r.pop("source", None)
        out.append(r)
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
if a != b:
    print("%d vs %d records" % (len(a), len(b)))
    for x, y in zip(a, b):
        if x != y:
            print("first difference:\n  %s\n  %s" % (json.dumps(x, ensure_ascii=False)[:400], json.dumps(y, ensure_ascii=False)[:400]))
            break
    sys.exit(1)
'
same_records() { py "$PY_SAME" "$1" "$2"; }

# Every line is a JSON object with the contract keys in order, and every
# entity satisfies text == original[start:end] (originals from a JSON-lines file).
PY_VALID='
import json, sys
texts = {}
if len(sys.argv) > 2:
    for line in open(sys.argv[2], encoding="utf-8"):
        try:
            a = json.loads(line)
            texts[str(a["id"])] = a["text"]
        except Exception:
            pass
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    keys = list(r.keys())
    assert keys == ["id", "source", "meta", "entities", "relations", "errors"], keys
    prev_end = -1
    for e in r["entities"]:
        assert e["start"] >= prev_end, ("overlap or order", r["id"], e)
        prev_end = e["end"]
        if r["id"] in texts:
            assert texts[r["id"]][e["start"]:e["end"]] == e["text"], (r["id"], e)
    n += 1
print(n)
'
valid_records() { py "$PY_VALID" "$@" 2>&1 | tail -1; }

# Articles used below.
A1='زار الوفد بلجيكا يوم 5 مارس 2020 ونظمت جمعية الأمل للتنمية لقاء بإقليم صفرو'
A2='قال رئيس المجلس الإقليمي لتاونات، يوم الأحد 24 دجنبر 2023م، إن المغرب وفرنسا'
A3='وكالة ANRT بالدار البيضاء في ١٢ نونبر٢٠٢٣م.'

mkdir -p dir/sub
printf '%s\n' "$A1" >dir/a1.txt
printf '%s\n' "$A2" >dir/sub/a2.txt
printf '%s\n' "$A3" >dir/sub/a3.txt
py '
import json, sys
ids = ["a1", "a2", "a3"]
with open("articles.jsonl", "w", encoding="utf-8") as out:
    for i, t in zip(ids, sys.argv[1:]):
        out.write(json.dumps({"id": i, "text": t + "\n"}, ensure_ascii=False) + "\n")
' "$A1" "$A2" "$A3"
py '
import gzip, shutil
with open("articles.jsonl", "rb") as f, gzip.open("articles.jsonl.gz", "wb") as g:
    shutil.copyfileobj(f, g)
'

# Generated articles: a few hundred, with error lines among them.
py '
import json, random
random.seed(7)
parts = ["زار الوفد بلجيكا", "يوم 5 مارس 2020", "بإقليم صفرو", "رئيس المجلس الإقليمي لتاونات",
         "جمعية الأمل للتنمية", "وكالة ANRT", "في ١٢ نونبر٢٠٢٣م", "الأحد 24 دجنبر 2023م", "،", ".", "\n"]
with open("many.jsonl", "w", encoding="utf-8") as out:
    for i in range(400):
        if i % 50 == 49:
            out.write("{not json\n")
            continue
        text = " ".join(random.choice(parts) for _ in range(random.randint(0, 40)))
        out.write(json.dumps({"id": "g%d" % i, "date": "2023-05-%02d" % (1 + i % 28), "text": text}, ensure_ascii=False) + "\n")
'
# A big input for the closed-pipe check (several MB of records).
py '
import json
t = "زار الوفد بلجيكا يوم 5 مارس 2020 بإقليم صفرو ونظمت جمعية الأمل للتنمية لقاء. " * 10
with open("big.jsonl", "w", encoding="utf-8") as out:
    for i in range(4000):
        out.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
'

# --- help and usage errors ---------------------------------------------------

run "$KHABAR" --help
check "khabar --help exits 0" 0 "$rc"
for cmd in extract check explain eval; do
  run "$KHABAR" "$cmd" --help
  check "khabar $cmd --help exits 0" 0 "$rc"
  check_true "khabar $cmd --help prints a usage line" "got: $(head -c 200 out)" grep -qi "usage" out
done

run "$KHABAR" --version
check "khabar --version exits 0" 0 "$rc"

run "$KHABAR" extract --no-such-option articles.jsonl
check "unknown option exits 2" 2 "$rc"
check_true "unknown option is named on stderr" "stderr: $(first_err)" stderr_has "no-such-option"
check "unknown option writes no records" "" "$(cat out)"

run "$KHABAR" frobnicate
check "unknown command exits 2" 2 "$rc"
check_true "unknown command is named on stderr" "stderr: $(first_err)" stderr_has "frobnicate"

for bad in 2023-02-30 2023-13-01 23-01-01 yesterday 2023/01/01; do
  run "$KHABAR" extract --doc-date "$bad" articles.jsonl
  check "bad --doc-date $bad exits 2" 2 "$rc"
done
check_true "bad --doc-date is explained on stderr" "stderr: $(first_err)" stderr_has "doc-date"
run "$KHABAR" extract --doc-date 2024-02-29 articles.jsonl
check "valid --doc-date (leap day) exits 0" 0 "$rc"

run "$KHABAR" extract --threads -1 articles.jsonl
check "--threads -1 exits 2" 2 "$rc"
run "$KHABAR" extract --threads many articles.jsonl
check "--threads many exits 2" 2 "$rc"
run "$KHABAR" extract --max-article-bytes 0 articles.jsonl
check "--max-article-bytes 0 exits 2" 2 "$rc"

run "$KHABAR" explain
check "explain without text exits 2" 2 "$rc"

run "$KHABAR" extract -o "$TMP/no/such/dir/out.jsonl" articles.jsonl
check "-o into a missing directory exits 2" 2 "$rc"

# --- inputs ------------------------------------------------------------------

run "$KHABAR" extract dir/a1.txt
check "extract of a .txt exits 0" 0 "$rc"
check "extract of a .txt gives one record with id = file stem" "a1|0" "$(ids_errors out)"
check "the .txt record names its source" "dir/a1.txt" "$(py 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["source"])' out)"

run "$KHABAR" dir/a1.txt
cp out default_cmd.jsonl
run "$KHABAR" extract dir/a1.txt
check_true "extract is the default command" "records differ" cmp -s out default_cmd.jsonl

run "$KHABAR" extract --threads 2 articles.jsonl
cp out from_jsonl.jsonl
check "JSON lines file exits 0" 0 "$rc"
check "JSON lines file gives its records in order" "a1|0 a2|0 a3|0" "$(ids_errors from_jsonl.jsonl)"
check "records are valid, ordered, and text == original[start:end]" 3 "$(valid_records from_jsonl.jsonl articles.jsonl)"
check_true "the articles give some entities" "no entities in $(head -c 300 from_jsonl.jsonl)" \
  py 'import json,sys; sys.exit(0 if sum(len(json.loads(l)["entities"]) for l in open(sys.argv[1])) > 0 else 1)' from_jsonl.jsonl

"$KHABAR" extract <articles.jsonl >from_stdin.jsonl 2>err
rc=$?
check "standard input (no INPUT) exits 0" 0 "$rc"
check_true "standard input gives the same records" "$(same_records from_jsonl.jsonl from_stdin.jsonl)" same_records from_jsonl.jsonl from_stdin.jsonl
check "standard input records have source -" "-" "$(py 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["source"])' from_stdin.jsonl)"

"$KHABAR" extract - <articles.jsonl >from_dash.jsonl 2>err
check_true "'-' reads standard input" "records differ" cmp -s from_stdin.jsonl from_dash.jsonl

"$KHABAR" extract <articles.jsonl.gz >from_stdin_gz.jsonl 2>err
check_true "gzip on standard input gives the same records" "$(same_records from_jsonl.jsonl from_stdin_gz.jsonl)" same_records from_jsonl.jsonl from_stdin_gz.jsonl

run "$KHABAR" extract articles.jsonl.gz
cp out from_gz.jsonl
check ".jsonl.gz exits 0" 0 "$rc"
check_true ".jsonl.gz gives the same records" "$(same_records from_jsonl.jsonl from_gz.jsonl)" same_records from_jsonl.jsonl from_gz.jsonl

run "$KHABAR" extract dir
cp out from_dir.jsonl
check "directory exits 0" 0 "$rc"
check "directory is walked recursively in path order" "a1 a2 a3" \
  "$(py 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' from_dir.jsonl)"
check_true "directory gives the same records" "$(same_records from_jsonl.jsonl from_dir.jsonl)" same_records from_jsonl.jsonl from_dir.jsonl

cp articles.jsonl dir/sub/gold.jsonl
run "$KHABAR" extract dir
check "gold.jsonl in a directory is skipped" "3" "$(wc -l <out | tr -d ' ')"
rm dir/sub/gold.jsonl

run "$KHABAR" extract dir/a1.txt articles.jsonl dir/sub
check "several inputs are read in the order given" "a1 a1 a2 a3 a2 a3" \
  "$(py 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' out)"

# --- per-article errors --------------------------------------------------------

printf '%s\n' '{"id": "ok1", "text": "بلجيكا"}' '{"id": "x", "text": ' '{"id": "ok2", "text": "المغرب"}' >badjson.jsonl
run "$KHABAR" extract badjson.jsonl
check "invalid JSON line exits 1" 1 "$rc"
check "invalid JSON line gets a record with id FILE:LINE and an error" "ok1|0 badjson.jsonl:2|1 ok2|0" \
  "$(ids_errors out)"

printf '%s\n' '{"id": "nt", "title": "no text"}' >notext.jsonl
run "$KHABAR" extract notext.jsonl
check "missing text exits 1" 1 "$rc"
check "missing text gives one record with an error and no entities" "1|1|0" \
  "$(py 'import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
print("%d|%d|%d" % (len(r), len(r[0]["errors"]) > 0, len(r[0]["entities"])))' out)"

printf '{"id": "u8", "text": "\xd8\xa8\xd9\x84\xd8\xac\xd9\x8a\xd9\x83\xd8\xa7 \xff\xfe \xd8\xa7\xd9\x84\xd9\x85\xd8\xba\xd8\xb1\xd8\xa8"}\n' >badutf8.jsonl
run "$KHABAR" extract badutf8.jsonl
check "invalid UTF-8 exits 1" 1 "$rc"
check "invalid UTF-8 gives a repaired record with an error" "u8|1" "$(ids_errors out)"
check_true "invalid UTF-8: the output is valid UTF-8 JSON" "$(head -c 300 out)" \
  py 'import json,sys; json.loads(open(sys.argv[1], encoding="utf-8", errors="strict").read())' out
printf 'x \xff \xd8\xa8\xd9\x84\xd8\xac\xd9\x8a\xd9\x83\xd8\xa7\n' >badutf8.txt
run "$KHABAR" extract badutf8.txt
check "invalid UTF-8 in a .txt exits 1 with a repaired record" "1 badutf8|1" "$rc $(ids_errors out)"
check_true "offsets count U+FFFD as one code point" "$(head -c 400 out)" py '
import json, sys
r = json.loads(open(sys.argv[1]).read())
t = "x \ufffd " + "بلجيكا\n"
sys.exit(0 if all(t[e["start"]:e["end"]] == e["text"] for e in r["entities"]) else 1)' out

printf '%s\n' '{"id": "empty", "text": ""}' >empty.jsonl
run "$KHABAR" extract empty.jsonl
check "empty article exits 0" 0 "$rc"
check "empty article gives a record with no entities and no errors" "empty|0|0" "$(summary out)"
: >empty.txt
run "$KHABAR" extract empty.txt
check "empty .txt gives a record with no entities" "0 empty|0|0" "$rc $(summary out)"

run "$KHABAR" extract --max-article-bytes 100 dir/a1.txt
check "--max-article-bytes 100 on a larger article exits 1" 1 "$rc"
check "--max-article-bytes 100 gives an error record" "a1|1|0" "$(summary out)"
run "$KHABAR" extract --max-article-bytes 50 articles.jsonl
check "--max-article-bytes on JSON lines: every line gets an error record" "3 1" \
  "$(py 'import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
print(len(r), int(all(x["errors"] and not x["entities"] for x in r)))' out)"

run "$KHABAR" extract dir/a1.txt missing.txt dir/sub/a2.txt
check "missing input file exits 1" 1 "$rc"
check_true "missing input file is reported on stderr" "stderr: $(first_err)" stderr_has "missing.txt"
check "other inputs are still processed" "a1 a2" \
  "$(py 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' out)"

py '
import zlib, json
c = zlib.compressobj(6, zlib.DEFLATED, 31)
head = c.compress(b"".join(json.dumps({"id": "t%d" % i, "text": "x"}).encode() + b"\n" for i in range(3)))
head += c.flush(zlib.Z_FULL_FLUSH)
open("truncated.jsonl.gz", "wb").write(head)
'
run "$KHABAR" extract truncated.jsonl.gz
check "a truncated .gz file is reported (exit 1)" 1 "$rc"

# --- output, pipes, threads -------------------------------------------------

"$KHABAR" extract big.jsonl 2>pipe_err | head -1 >pipe_out
statuses=("${PIPESTATUS[@]}")
check "extract | head -1: khabar exits 0" 0 "${statuses[0]}"
check "extract | head -1: nothing on stderr" "" "$(head -c 300 pipe_err)"
check "extract | head -1: the first record arrives" "0" \
  "$(py 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' pipe_out)"

run "$KHABAR" extract -o written.jsonl articles.jsonl
check "-o FILE exits 0" 0 "$rc"
check "-o FILE writes nothing to stdout" "" "$(cat out)"
check_true "-o FILE writes the records" "$(head -c 200 written.jsonl)" cmp -s written.jsonl from_jsonl.jsonl

run "$KHABAR" extract --threads 1 many.jsonl
cp out t1.jsonl
check "--threads 1 on generated articles exits 1 (error lines)" 1 "$rc"
run "$KHABAR" extract --threads 2 many.jsonl
cp out t2.jsonl
run "$KHABAR" extract --threads 4 many.jsonl
cp out t4.jsonl
check "generated articles: one record per line" 400 "$(wc -l <t1.jsonl | tr -d ' ')"
check_true "--threads 1 and --threads 2 are byte-identical" "$(cmp t1.jsonl t2.jsonl 2>&1)" cmp -s t1.jsonl t2.jsonl
check_true "--threads 1 and --threads 4 are byte-identical" "$(cmp t1.jsonl t4.jsonl 2>&1)" cmp -s t1.jsonl t4.jsonl
check "generated records are valid and map back" 400 "$(valid_records t1.jsonl many.jsonl)"
run "$KHABAR" extract --threads 2 many.jsonl
check_true "a re-run gives the same bytes" "$(cmp t2.jsonl out 2>&1)" cmp -s t2.jsonl out

# --- check ---------------------------------------------------------------------

run "$KHABAR" check
check "khabar check exits 0 on the built-in data" 0 "$rc"
if [[ $rc -ne 0 ]]; then echo "#   $(first_err)"; fi

mkdir -p rules_ok rules_bad gaz_bad
cat >rules_ok/ok.yaml <<'EOF'
classes:
  month: {مارس: 3}
rules:
  - id: t.day_month
    type: DATE
    trigger: DIGIT
    pattern: '[0-9]{1,2} {month}'
    examples:
      - {text: 'زار الوفد بلجيكا يوم 5 مارس', match: '5 مارس'}
    counter_examples:
      - 'مارس مهنة التعليم'
EOF
run "$KHABAR" check --rules rules_ok
check "khabar check --rules with a good file exits 0" 0 "$rc"

cp rules_ok/ok.yaml rules_bad/a_ok.yaml
cat >rules_bad/b_broken.yaml <<'EOF'
rules:
  - id: t.fine
    type: DATE
    trigger: DIGIT
    pattern: '[0-9]+'
  - id: t.broken
    type: DATE
    trigger: DIGIT
    pattern: '([0-9]+'
EOF
run "$KHABAR" check --rules rules_bad
check "khabar check --rules with a broken file exits 2" 2 "$rc"
check_true "the error names file:line" "stderr: $(first_err)" stderr_has "b_broken.yaml:6"
check_true "the error names the rule" "stderr: $(first_err)" stderr_has "t.broken"

run "$KHABAR" extract --rules rules_bad articles.jsonl
check "extract refuses broken rules (exit 2)" 2 "$rc"
check "extract with broken rules writes no records" "" "$(cat out)"

cat >rules_bad/b_broken.yaml <<'EOF'
rules:
  - id: t.example
    type: DATE
    trigger: DIGIT
    pattern: '[0-9]{4}'
    examples:
      - {text: 'في عام 20', match: '20'}
EOF
run "$KHABAR" check --rules rules_bad
check "khabar check with a failing example exits 2" 2 "$rc"
check_true "the failing example is named by file:line" "stderr: $(first_err)" stderr_has "b_broken.yaml:7"

cat >rules_bad/b_broken.yaml <<'EOF'
rules:
  - id: t.no_trigger
    type: DATE
    pattern: '[0-9]{4}'
EOF
run "$KHABAR" check --rules rules_bad
check "a rule without trigger: exits 2 (not a crash)" 2 "$rc"

printf '# source: test\n# license: CC0\nname\tcanonical\ttype\tsubtype\tid\nبلجيكا\tبلجيكا\tLOC\tcountry\n' >gaz_bad/bad.tsv
run "$KHABAR" check --gazetteers gaz_bad
check "khabar check --gazetteers with a broken file exits 2" 2 "$rc"
check_true "the gazetteer error names file:line" "stderr: $(first_err)" stderr_has "bad.tsv:4"

run "$KHABAR" check --rules no_such_dir
check "khabar check --rules on a missing directory exits 2" 2 "$rc"

# --- explain -------------------------------------------------------------------

run "$KHABAR" explain 'زار الوفد بلجيكا يوم 5 مارس'
check "explain exits 0" 0 "$rc"
for stage in "== original" "== normalized" "== tokens" "== candidates" "== entities" "== record"; do
  check_true "explain prints '$stage'" "got: $(head -c 300 out)" grep -q -- "$stage" out
done
check_true "explain lists the tokens" "got: $(head -c 300 out)" grep -q "number '5'" out
check_true "explain ends with a JSON record" "got: $(tail -1 out)" \
  py 'import json,sys; r=json.loads(open(sys.argv[1]).read().splitlines()[-1]); sys.exit(0 if r["id"]=="explain" else 1)' out
run "$KHABAR" explain --doc-date 2023-01-01 'يوم 5 مارس الماضي'
check "explain --doc-date exits 0" 0 "$rc"
run "$KHABAR" explain --doc-date nope 'x'
check "explain with a bad --doc-date exits 2" 2 "$rc"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
