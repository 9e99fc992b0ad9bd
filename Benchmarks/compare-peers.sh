#!/usr/bin/env bash
# Times extract against the peers users pick today, on the same slice of government
# text, in one run: chinese2digits, JioNLP (money), cn2an and Microsoft
# Recognizers-Text (numbers). Prints MB/s and each peer's speed relative to extract (the
# whole pipeline) and to the numeral scanner alone (the peers' own job: numerals only).
#
# Usage: Benchmarks/compare-peers.sh [MB]      (default 2; needs python3 and PyPI)
# The venv lives in .build/peers-venv; the slice is built by make-corpus.py.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-2}"
VENV=.build/peers-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  # recognizers-text-suite needs emoji<2 (it imports a name emoji 2 removed).
  "$VENV/bin/pip" install -q chinese2digits jionlp cn2an recognizers-text-suite "emoji<2"
fi
python3 Benchmarks/make-corpus.py --mb "$MB" --out .build/corpus >/dev/null
SLICE=".build/corpus/corpus-${MB}mb.txt"
swift build -c release --static-swift-stdlib --product extract 2>&1 | tail -1   # as make release builds it
(cd Benchmarks && swift build -c release --product scan-passes 2>&1 | tail -1)
"$VENV/bin/python" - "$SLICE" <<'PY'
import os, re, subprocess, sys, time

path = sys.argv[1]
lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
mb = os.path.getsize(path) / 1e6

def timed(name, fn, runs=3):
    # The best of three runs for every tool (the machine is shared and noisy).
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        d = time.perf_counter() - t
        best = d if best is None else min(best, d)
    return name, best, n

results = []
# extract: the whole pipeline, all kinds, JSON Lines written, one core, process start to exit.
cmd = [".build/release/extract", "--quiet", "--format", "jsonl", "-j", "1", path]
facts = subprocess.run(cmd, check=True, capture_output=True).stdout.count(b"\n")
def run_extract():
    # Output to /dev/null, as the peers' results stay in memory; the fact count comes from the run above.
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return facts
results.append(timed("extract (all kinds, -j 1)", run_extract))

# The scanning core alone (ChineseNumerals.NumeralScanner) on the same bytes, in its own process,
# timed inside it as the peers are timed inside Python (best of three): finding and reading
# numerals is the job chinese2digits and cn2an do, without extract's units, subjects and names.
out = subprocess.run(["Benchmarks/.build/release/scan-passes", "file", path, "3"], check=True,
                     capture_output=True, text=True).stdout
m = re.search(r"(\d+) matches, best of \d+: ([0-9.e-]+) s", out)
scanner = ("numeral scanner (numerals only)", float(m.group(2)), int(m.group(1)))

import chinese2digits as c2d
results.append(timed("chinese2digits takeNumberFromString",
                     lambda: sum(len(c2d.takeNumberFromString(l).get("digitsStringList", [])) for l in lines)))
import jionlp as jio
results.append(timed("jionlp ner.extract_money", lambda: sum(len(jio.ner.extract_money(l)) for l in lines)))
import cn2an
def run_cn2an():
    n = 0
    for l in lines:
        try:
            cn2an.transform(l, "cn2an")
            n += 1
        except Exception:
            pass
    return n
results.append(timed("cn2an transform", run_cn2an))
from recognizers_number import recognize_number, Culture
results.append(timed("Recognizers-Text recognize_number",
                     lambda: sum(len(recognize_number(l, Culture.Chinese)) for l in lines)))

base = mb / results[0][1]
core = mb / scanner[1]
print(f"slice: {path}, {mb:.2f} MB, {len(lines)} lines")
print(f"{'tool':40} {'seconds':>8} {'MB/s':>8} {'extract is':>12} {'scanner is':>12} {'items':>9}")
for name, secs, n in [results[0], scanner] + results[1:]:
    rate = mb / secs
    ours = name.startswith("extract") or name.startswith("numeral scanner")
    ratio = "—" if ours else f"{base / rate:,.0f}× faster"
    ratio2 = "—" if ours else f"{core / rate:,.0f}× faster"
    print(f"{name:40} {secs:8.4f} {rate:8.2f} {ratio:>12} {ratio2:>12} {n:9}")
PY
