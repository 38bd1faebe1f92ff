# dicts.sh — dictionaries from the command line: `tidings dict check` passes
# our own data files and reports bad lines by number (exit 1; 2 for a file
# it cannot read); TABARI/PETRARCH dictionaries given with --actors/--agents
# code actors by story date, alone or with ours; the Phoenix dictionaries
# load; and the actor-code recall on PETRARCH2's unit-test records with its
# validation dictionaries stays at or above the floor measured when the
# loader was written (scripts/eval-petrarch-actors.py; the numbers are in
# bench/RESULTS.md and the closing notes).
. "$(dirname "$0")/lib.inc"
cd "$SRC" || exit 1

# our data files are clean
for f in actors agents roles names places countries; do
  expect_rc 0 "$BIN" dict check "data/$f.txt"
  expect_in "$TMP/out" "0 problems"
done

# a bad line of ours: file, line and what is wrong
printf 'actor\tIGOXYZ\tigo\tExample Union\nactor\tIGOXYZ\tplanet\tMars Union\nactor\tIGOXYZ\n' >"$TMP/actors.txt"
expect_rc 1 "$BIN" dict check "$TMP/actors.txt"
expect_in "$TMP/out" "2 problems"
expect_in "$TMP/err" "actors.txt:2:"
expect_in "$TMP/err" "actors.txt:3:"
expect_rc 2 "$BIN" dict check "$TMP/no-such-file.txt"
# bytes that are not UTF-8: reported with the line, the rest still read
printf 'actor\tIGOXYZ\tigo\tExample Union\nactor\tIGOXYZ\tigo\tBad \377 Union\n' >"$TMP/actors.txt"
expect_rc 1 "$BIN" dict check "$TMP/actors.txt"
expect_in "$TMP/err" "actors.txt:2: error: invalid UTF-8"
printf 'GOOD_NAME [GGG]\nBAD\377NAME [BBB]\n' >"$TMP/u.actors"
expect_rc 1 "$BIN" dict check --kind actors "$TMP/u.actors"
expect_in "$TMP/err" "u.actors:2: warning: invalid UTF-8 at byte 3"
expect_in "$TMP/out" "1 problem"

# a TABARI .actors file: synonyms, + alternates, date-bounded codes, a
# comment, and a broken line that is reported and skipped
cat >"$TMP/t.actors" <<'EOF'
# a comment
ZORBLAT_REPUBLIC [ZZZ]
+ZORBLATIA
FOO_BAR [ABC
QUUX_PARTY [ZZZOPP <990101] [ZZZGOV >990101]
EOF
cat >"$TMP/t.agents" <<'EOF'
HARBOUR_MASTER [~BUS]
EOF
expect_rc 1 "$BIN" dict check --kind actors "$TMP/t.actors"
expect_in "$TMP/err" "t.actors:4:"
printf '%s\n' \
  '{"id":"new","date":"2001-01-01","text":"Zorblatia said the Quux Party will meet the harbour master of Zorblatia."}' \
  '{"id":"old","date":"1995-01-01","text":"The Quux Party met in Zorblatia."}' \
  >"$TMP/stories.jsonl"
expect_rc 0 "$BIN" annotate --entities --actors "$TMP/t.actors" \
  --agents "$TMP/t.agents" "$TMP/stories.jsonl"
cp "$TMP/out" "$TMP/ents"
expect_in "$TMP/ents" "	ZZZ	-	Zorblatia	"
expect_in "$TMP/ents" "	ZZZGOV	-	Quux Party	"
expect_in "$TMP/ents" "	ZZZOPP	-	Quux Party	"
expect_in "$TMP/ents" "	ZZZBUS	-	harbour master of Zorblatia	"
expect_in "$TMP/err" "t.actors:4:"
# with ours as well, and without
printf '%s\n' '{"id":"x","date":"2001-01-01","text":"Zorblatia and the United Nations met."}' >"$TMP/un.jsonl"
expect_rc 0 "$BIN" annotate --entities --actors "$TMP/t.actors" "$TMP/un.jsonl"
expect_in "$TMP/out" "IGOUNO"
expect_in "$TMP/out" "ZZZ"
expect_rc 0 "$BIN" annotate --entities --no-own-actors --actors "$TMP/t.actors" "$TMP/un.jsonl"
CHECKS=$((CHECKS + 1))
grep -q IGOUNO "$TMP/out" && fail "--no-own-actors still codes the UN with ours"

# the shared corpora: Phoenix loads; PETRARCH recall
PHX=$SHARED/corpora/phoenix-dictionaries
PETR=$SHARED/corpora/petrarch-validation
if [ ! -d "$PHX" ] || [ ! -d "$PETR" ]; then
  if [ "${CI:-}" = true ]; then echo "missing $PHX or $PETR (needed under CI)" >&2; exit 1; fi
  echo "skipped the shared-corpus checks: $PHX or $PETR is missing" >&2
  finish
  exit $?
fi
expect_rc 0 "$BIN" dict stats --actors "$PHX/Phoenix.Countries.actors.txt" \
  --actors "$PHX/Phoenix.International.actors.txt" \
  --actors "$PHX/Phoenix.MilNonState.actors.txt" --agents "$PHX/Phoenix.agents.txt"
CHECKS=$((CHECKS + 1))
n=$(sed -n 's/^TABARI actors \([0-9]*\)$/\1/p' "$TMP/out")
[ "${n:-0}" -gt 10000 ] || fail "Phoenix: only ${n:-0} TABARI actors loaded"
expect_rc 0 python3 scripts/eval-petrarch-actors.py "$BIN" "$PETR" --floor 0.92
cat "$TMP/out" >&2
finish
