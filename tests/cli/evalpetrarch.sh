# evalpetrarch.sh — `tidings eval petrarch`: on small records and
# dictionaries written here (an exact record, a record expecting no event,
# a record expecting a code no dictionary gives, a pattern, a skipped
# parse-tree record, a malformed record, a bad dictionary line, usage
# errors), then on PETRARCH's validation records in ../shared: the report's
# lines, counts that add up (error lines, categories and totals), and a
# floor on the share of exact records.
. "$(dirname "$0")/lib.inc"

# expect_count FILE REGEX N : N lines of FILE match REGEX (grep -E)
expect_count() {
  CHECKS=$((CHECKS + 1))
  n=$(grep -cE -- "$2" "$1")
  [ "$n" -eq "$3" ] || fail "$(basename "$1"): $n lines match '$2', want $3"
}

# ---- records written here ----------------------------------------------------
D=$TMP/dicts
mkdir -p "$D"
printf -- '--- ATTACK [190] ---\nATTACK\n- * + WITH ROCKETS [195]\n- * BADLY [+++]\n' >"$D/t.verbs"
printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$D/t.actors"
printf 'SOLDIER [~MIL]\n' >"$D/t.agents"
cat >"$D/r.xml" <<'EOF'
<Validation>
<Environment>
<Verbfile>t.verbs</Verbfile>
<Actorfile>t.actors</Actorfile>
<Agentfile>t.agents</Agentfile>
</Environment>
<Sentences>
<Sentence date="20240101" id="A-1" category="BASIC" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor
  attacked Gondor.</Text>
</Sentence>
<Sentence date="20240101" id="A-2" category="BASIC" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="20240101" id="A-3" category="WRONG" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>Arnor attacked Gondor.</Text>
</Sentence>
<Sentence date="20240101" id="A-4" category="BASIC" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="195"></EventCoding>
<Text>Arnor attacked Gondor with rockets.</Text>
</Sentence>
<Sentence date="20240101" id="P-1" category="PARSE" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor attacked Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
EOF
expect_rc 0 "$BIN" eval petrarch --errors "$D/r.xml"
cp "$TMP/out" "$TMP/small"
expect_in "$TMP/small" "records=4 exact=3 (75.0%) expected=3 produced=3 matched=2 missing=1 extra=1 skipped=1 refused=0"
expect_in "$TMP/small" "A-3	WRONG	ARN GON 999	ARN GON 190	Arnor attacked Gondor."
expect_in "$TMP/small" "BASIC	3	3	100.0%	2	2	2"
expect_in "$TMP/small" "WRONG	1	0	0.0%	1	1	0"
expect_count "$TMP/small" "^(A|P)-[0-9]	" 1
# the dictionary line skipped: listed with --errors, counted without
expect_in "$TMP/err" "t.verbs:4: warning: "
expect_rc 0 "$BIN" eval petrarch --quiet "$D/r.xml"
expect_lines "$TMP/out" 1
expect_in "$TMP/err" "1 lines of the validation dictionaries were skipped"
# a malformed record: reported with its line, the others still scored
sed 's/id="A-2"/id=A-2/' "$D/r.xml" >"$D/bad.xml"
expect_rc 1 "$BIN" eval petrarch --quiet "$D/bad.xml"
expect_in "$TMP/err" "bad.xml:13: byte "
expect_in "$TMP/err" "an attribute's value must be quoted; the record is left out"
expect_in "$TMP/out" "records=3 exact=2 "
expect_in "$TMP/out" "refused=1"
# no Verbfile: said, and nothing coded
grep -v Verbfile "$D/r.xml" >"$D/noverbs.xml"
expect_rc 0 "$BIN" eval petrarch --quiet "$D/noverbs.xml"
expect_in "$TMP/err" "names no Verbfile"
expect_in "$TMP/out" "produced=0"
# a dictionary that is not there
sed 's/t.actors/missing.actors/' "$D/r.xml" >"$D/nodict.xml"
expect_rc 1 "$BIN" eval petrarch "$D/nodict.xml"
expect_in "$TMP/err" "missing.actors: error: cannot open"
# usage
expect_rc 2 "$BIN" eval petrarch
expect_rc 2 "$BIN" eval petrarch "$D/r.xml" "$D/r.xml"
expect_rc 2 "$BIN" eval petrarch --bogus "$D/r.xml"
expect_rc 1 "$BIN" eval petrarch "$D/nothing.xml"
expect_in "$TMP/err" "nothing.xml: error: cannot open"
expect_rc 0 "$BIN" eval petrarch --help
expect_in "$TMP/out" "RECORDS.xml"
expect_rc 0 "$BIN" eval --help
expect_in "$TMP/out" "tidings eval petrarch"

# ---- PETRARCH's validation records ---------------------------------------------
P=$SHARED/corpora/petrarch-validation/PETR.UnitTest.records.xml
if [ ! -f "$P" ]; then
  if [ "${CI:-}" = true ]; then echo "missing $P (needed under CI)" >&2; exit 1; fi
  [ "$FAILS" -eq 0 ] || { finish; exit 1; }
  echo "skipped: $P is missing" >&2; exit 77
fi

expect_rc 0 "$BIN" eval petrarch --errors "$P"
cp "$TMP/out" "$TMP/all"
total=$(grep '^records=' "$TMP/all")
CHECKS=$((CHECKS + 1))
echo "$total" | grep -qE '^records=282 exact=[0-9]+ \([0-9.]+%\) expected=359 produced=[0-9]+ matched=[0-9]+ missing=[0-9]+ extra=[0-9]+ skipped=2 refused=0$' ||
  fail "totals: $total"
num() { echo "$total" | sed -n "s/.* $1=\([0-9]*\).*/\1/p"; }
rec=$(echo "$total" | sed -n 's/^records=\([0-9]*\) .*/\1/p')
exact=$(num exact)
e=$(num expected); p=$(num produced); m=$(num matched)
CHECKS=$((CHECKS + 1))
[ "$(num missing)" -eq $((e - m)) ] && [ "$(num extra)" -eq $((p - m)) ] ||
  fail "missing/extra do not add up: $total"
# one error line per record that is not exact
expect_count "$TMP/all" "^[A-Za-z0-9_.-]+	[A-Za-z]+	[^	]+	[^	]+	.+$" $((rec - exact))
# the categories add up to the totals
CHECKS=$((CHECKS + 1))
sums=$(awk -F'\t' '/^# category/ { on = 1; next } on && NF == 7 { r += $2; x += $3; e += $5; p += $6; m += $7 } END { print r, x, e, p, m }' "$TMP/all")
[ "$sums" = "$rec $exact $e $p $m" ] || fail "categories sum to $sums, totals $rec $exact $e $p $m"
expect_in "$TMP/all" "# category	records	exact	share	expected	produced	matched"
expect_count "$TMP/all" "^(DEMO|AGENT|COMPOUND|DATE|VERB|PATTERN|SYNSET|ERROR)	" 8
# the validation dictionaries' bad lines, each with its file and line
expect_in "$TMP/err" "PETR.Validate.verbs.txt:233: warning: "
# floor on the share of exact records: the issue's target, 80% (80.9%
# was measured when this floor was set)
CHECKS=$((CHECKS + 1))
floor=80
awk -v x="$exact" -v r="$rec" -v f="$floor" 'BEGIN { exit !(r > 0 && 100 * x / r >= f) }' ||
  fail "exact share $exact/$rec below $floor%"
# a file that holds no record (binary, or not PETRARCH's XML): an error
printf 'not\001xml\000at all' >"$TMP/junk.xml"
expect_rc 1 "$BIN" eval petrarch "$TMP/junk.xml"
expect_in "$TMP/err" 'no <Sentence> record found'
finish
