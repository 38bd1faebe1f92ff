#!/bin/sh
# compare.sh — tidings stories, compare, timeline and eval compare on the
# examples: three stories, the views, usage errors, and a floor for the
# gold disagreements found (raise it as the comparison improves).
. "$(dirname "$0")/lib.inc"

EX=$SRC/examples
expect_rc 0 "$BIN" stories "$EX/stories"
n=$(grep -c '^Story ' "$TMP/out")
[ "$n" = 3 ] || fail "examples: 3 stories, got $n"
expect_rc 0 "$BIN" compare --json "$EX/stories"
expect_in "$TMP/out" '"status":"conflict"'
expect_in "$TMP/out" '"num_sources":3'
expect_rc 0 "$BIN" timeline --svg "$EX/stories"
expect_in "$TMP/out" '<svg'
expect_rc 2 "$BIN" compare --svg "$EX/stories"
expect_rc 2 "$BIN" compare --threshold 2 "$EX/stories"
expect_rc 0 "$BIN" eval compare "$EX/disagreements.tsv" "$EX/stories"
found=$(sed -n 's/^total: found \([0-9]*\) of.*/\1/p' "$TMP/out")
false=$(sed -n 's/.*false conflicts \([0-9]*\)$/\1/p' "$TMP/out")
CHECKS=$((CHECKS + 2))
[ "${found:-0}" -ge 36 ] || fail "eval compare: found $found gold rows, floor 36"
[ "${false:-99}" -le 0 ] || fail "eval compare: $false false conflicts, want none"
printf 'event\tattribute\n' > "$TMP/bad.tsv"
expect_rc 1 "$BIN" eval compare "$TMP/bad.tsv" "$EX/stories"

# ---- ECB+ in ../shared: documents grouped into seminal events -----------------
E=$SHARED/corpora/ecbplus
if [ ! -d "$E" ]; then
  if [ "${CI:-}" = true ]; then echo "missing $E (needed under CI)" >&2; exit 1; fi
  echo "skipped: $E is missing" >&2
  finish; exit $?
fi
expect_rc 0 "$BIN" eval ecb "$E"
expect_in "$TMP/out" 'documents into seminal events'
b3=$(sed -n '/documents into seminal events/,/ARI/s/.*B-cubed.*F1 \([0-9.]*\).*/\1/p' "$TMP/out")
CHECKS=$((CHECKS + 1))
awk -v f="${b3:-0}" 'BEGIN { exit !(f >= 0.90) }' || fail "eval ecb: document B-cubed F1 $b3, floor 0.90"
expect_rc 2 "$BIN" eval ecb --threshold 0 "$E"
finish
