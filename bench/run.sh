#!/bin/sh
# bench/run.sh [BUILD_DIR] — the `make bench` script: generates the bench
# corpora into build-bench/ (once; they are kept) and times `tidings read`
# on them with td_benchrun. It builds nothing: `make bench` builds first.
#
# Environment:
#   BENCH_BIG=1        also generate and read a 1 GB corpus (--table)
#   BENCH_JOBS=LIST    job counts to try (default 1,2)
#   BENCH_REPEAT=K     runs per measurement, best reported (default 3;
#                      the 1 GB corpus is read once per job count)
set -eu

BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in
  /*) ;;
  *) BUILD=$(pwd)/$BUILD ;;
esac
TIDINGS=$BUILD/tidings
GEN=$BUILD/td_benchgen
RUN=$BUILD/td_benchrun
LIB=$BUILD/td_benchlib
JOBS=${BENCH_JOBS:-1,2}
REPEAT=${BENCH_REPEAT:-3}
BIG=${BENCH_BIG:-0}

for f in "$TIDINGS" "$GEN" "$RUN" "$LIB"; do
  if [ ! -x "$f" ]; then
    echo "bench/run.sh: $f not found; build first (make bench, or" \
         "cmake --build $BUILD)" >&2
    exit 1
  fi
done

OUT=$ROOT/build-bench
mkdir -p "$OUT"

# gen NAME ARGS...: writes build-bench/NAME unless it is already there.
gen() {
  name=$1
  shift
  if [ ! -s "$OUT/$name" ]; then
    echo "generating build-bench/$name ($*) ..." >&2
    "$GEN" "$@" -o "$OUT/$name.tmp"
    mv "$OUT/$name.tmp" "$OUT/$name"
  fi
}

gen wire-100MB.txt --seed 1 --mb 100 --format wire
gen jsonl-100MB.jsonl --seed 3 --mb 100 --format jsonl
if [ "$BIG" = 1 ]; then
  gen wire-1GB.txt --seed 2 --mb 1000 --format wire
fi

cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo \
        2>/dev/null | head -n 1)
[ -n "$cpu" ] || cpu=unknown
ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
commit=$(cd "$ROOT" && git rev-parse -q --verify --short HEAD 2>/dev/null) ||
  commit=uncommitted

echo "tidings benchmark"
echo "  date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "  machine: $(uname -m), $ncpu CPUs online, $cpu"
echo "  commit:  $commit"
echo "  binary:  $TIDINGS"
echo "  runs:    best of $REPEAT; MB = 10^6 bytes of document text"
echo

cd "$OUT"
# The library's stages in-process, without output: reading alone, then
# reading + tokenising + sentence splitting (the text model), then the
# text model + the time expressions (time), then everything annotate does
# (time + lexicon + places + actors + quotes + events). A stage's own speed is
# 1/(1/this - 1/previous): time alone from time and text; places and
# actors (with the lexicon) from annotate and time.
for stage in read text time annotate; do
  for j in $(echo "$JOBS" | tr ',' ' '); do
    "$LIB" --stage "$stage" --jobs "$j" --repeat "$REPEAT" wire-100MB.txt
  done
done
# The same with the Phoenix dictionaries (actors, agents and the CAMEO.2.0
# verb dictionary) loaded with ours, when they are
# there (../shared/corpora/phoenix-dictionaries, or $PHOENIX), and their
# load time.
PHX=${PHOENIX:-$ROOT/../shared/corpora/phoenix-dictionaries}
if [ -d "$PHX" ]; then
  set -- --actors "$PHX/Phoenix.Countries.actors.txt" \
    --actors "$PHX/Phoenix.International.actors.txt" \
    --actors "$PHX/Phoenix.MilNonState.actors.txt" \
    --agents "$PHX/Phoenix.agents.txt" \
    --verbs "$PHX/CAMEO.2.0.txt"
  for j in $(echo "$JOBS" | tr ',' ' '); do
    "$LIB" --stage annotate --jobs "$j" --repeat "$REPEAT" "$@" \
      wire-100MB.txt 2>/dev/null
  done
  echo "dictionary load, ours alone: $("$TIDINGS" dict stats | sed -n 's/^load seconds //p') s;" \
    "with Phoenix: $("$TIDINGS" dict stats "$@" 2>/dev/null | sed -n 's/^load seconds //p') s"
fi
# (a) full JSON output, text included
"$RUN" --bin "$TIDINGS" --jobs "$JOBS" --repeat "$REPEAT" \
  --label "wire-100MB json" wire-100MB.txt
# (b) JSON without the text
"$RUN" --bin "$TIDINGS" --jobs "$JOBS" --repeat "$REPEAT" \
  --label "wire-100MB json --no-text" wire-100MB.txt -- --no-text
# (c) one line per document: reading, tokenising, sentence splitting
"$RUN" --bin "$TIDINGS" --jobs "$JOBS" --repeat "$REPEAT" \
  --label "wire-100MB --table" wire-100MB.txt -- --table
# (d) annotate: the text model, time expressions, places and actors, as
#     JSON without text
"$RUN" --bin "$TIDINGS" --cmd annotate --jobs "$JOBS" --repeat "$REPEAT" \
  --label "wire-100MB annotate --no-text" wire-100MB.txt -- --no-text
# (e) JSON Lines input
"$RUN" --bin "$TIDINGS" --jobs "$JOBS" --repeat "$REPEAT" \
  --label "jsonl-100MB json" jsonl-100MB.jsonl
# (f) ten times the input: peak RSS should not grow
if [ "$BIG" = 1 ]; then
  "$RUN" --bin "$TIDINGS" --jobs 1,2 --repeat 1 \
    --label "wire-1GB --table" wire-1GB.txt -- --table
fi
