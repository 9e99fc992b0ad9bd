#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for SECONDS (default 60).
# Seeds come from Fixtures/; crashes are written to Fuzz/.build/crashes/.
# Usage: Tests/fuzz.sh [SECONDS]
set -euo pipefail
SECONDS_PER_TARGET="${1:-60}"
cd "$(dirname "$0")/.."
ROOT="$PWD"
cd Fuzz
swift build -c debug -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" | tail -3
BIN="$(swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
WORK=".build/fuzz"
mkdir -p "$WORK/crashes"

# Seed corpora: lines of the fixture documents, numeral expressions, JSON Lines.
seed() {
  local dir="$WORK/corpus-$1"
  mkdir -p "$dir"
  if [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
    case "$1" in
      FuzzNumerals)
        python3 - "$ROOT" "$dir" <<'PY'
import glob, os, re, sys
root, out = sys.argv[1], sys.argv[2]
text = "".join(open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(root, "Fixtures/documents/*.txt")))
found = sorted(set(re.findall(r"[0-9０-９一二三四五六七八九十百千万亿零两.．,，%％‰第余多约超近至到—~-]{1,24}", text)))
for k, s in enumerate(found[:2000]):
    open(os.path.join(out, f"n-{k:04d}"), "w", encoding="utf-8").write(s)
PY
        ;;
      FuzzFacts)
        python3 - "$ROOT" "$dir" <<'PY'
import glob, os, sys
root, out = sys.argv[1], sys.argv[2]
lines = [l for p in sorted(glob.glob(os.path.join(root, "Fixtures/documents/*.txt"))) for l in open(p, encoding="utf-8") if len(l) > 10]
for k, l in enumerate(lines[:1500]):
    open(os.path.join(out, f"d-{k:04d}"), "w", encoding="utf-8").write(l)
PY
        ;;
      FuzzJSONLine)
        python3 - "$ROOT" "$dir" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
lines = [l.strip() for l in open(os.path.join(root, "seeds", os.listdir(os.path.join(root, "seeds"))[0]), encoding="utf-8") if l.strip()]
for k, l in enumerate(lines[:300]):
    with open(os.path.join(out, f"j-{k:04d}"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": k, "text": l, "extra": [1, {"a": None}]}, ensure_ascii=k % 2 == 0))
PY
        ;;
    esac
  fi
  echo "$dir"
}

status=0
for target in FuzzNumerals FuzzFacts FuzzJSONLine; do
  corpus="$(seed "$target")"
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s ($(ls "$corpus" | wc -l) seeds)"
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/$target" "$corpus" \
      -dict=numerals.dict -max_len=4096 -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix="$WORK/crashes/$target-" -print_final_stats=1 2> "$WORK/$target.log"; then
    echo "fuzz: $target FAILED; see Fuzz/$WORK/$target.log and Fuzz/$WORK/crashes/" >&2
    tail -40 "$WORK/$target.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$WORK/$target.log" | sed "s/^/fuzz: $target /"
done
exit $status
