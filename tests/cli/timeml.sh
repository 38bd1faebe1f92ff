# timeml.sh — `tidings timeml`: TimeML out, the text unchanged, one file
# per document with -o; `tidings eval timeml` on a small gold set.
. "$(dirname "$0")/lib.inc"

mkdir -p "$TMP/gold"
cat >"$TMP/gold/a.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML>
<DOCID>A</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-15" functionInDocument="CREATION_TIME">2024-05-15</TIMEX3></DCT>
<TEXT>
Talks between A&amp;B <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-05-14">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P5Y">five years</TIMEX3>; the next round is due in <TIMEX3 tid="t3" type="DATE" value="2025">2025</TIMEX3>.
</TEXT>
</TimeML>
TML

expect_rc 0 "$BIN" timeml "$TMP/gold/a.tml"
expect_in "$TMP/out" '<TIMEX3 tid="t1" type="DATE" value="2024-05-14">yesterday</TIMEX3>'
expect_in "$TMP/out" '<TIMEX3 tid="t2" type="DURATION" value="P5Y">five years</TIMEX3>'
expect_in "$TMP/out" 'A&amp;B <EVENT eid="e1">ended</EVENT>'
# Every character outside the tags is the input's.
CHECKS=$((CHECKS + 1))
sed 's/<[^>]*>//g' "$TMP/gold/a.tml" >"$TMP/a.txt"
sed 's/<[^>]*>//g' "$TMP/out" >"$TMP/b.txt"
cmp -s "$TMP/a.txt" "$TMP/b.txt" || fail "the text changed"

# -o DIR: TimeML inputs keep their names; other inputs are named by id.
printf ' date 2024-05-15 Head\n\nBAKU, May 15. /TASS/. It lasted 44 days.\n' >"$TMP/story.txt"
expect_rc 0 "$BIN" timeml -o "$TMP/tml" "$TMP/gold/a.tml" "$TMP/story.txt"
CHECKS=$((CHECKS + 1))
[ -f "$TMP/tml/a.tml" ] || fail "no tml/a.tml"
CHECKS=$((CHECKS + 1))
[ "$(ls "$TMP/tml" | wc -l)" -eq 2 ] || fail "expected two files in tml/"
for f in "$TMP"/tml/*.tml; do
  case $f in */a.tml) continue ;; esac
  expect_in "$f" '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-15"'
  expect_in "$f" '<TIMEX3 tid="t2" type="DURATION" value="P44D">44 days</TIMEX3>'
done

# eval: the gold against itself scores 1; against tidings, by the rules.
expect_rc 0 "$BIN" eval timeml "$TMP/gold" "$TMP/gold"
expect_in "$TMP/out" "relaxed  P=1.0000 R=1.0000 F1=1.0000"
expect_in "$TMP/out" "value    accuracy=1.0000 F1=1.0000"
expect_rc 0 "$BIN" eval timeml --run "$TMP/gold"
expect_in "$TMP/out" "a.tml"
expect_in "$TMP/out" "gold=3 system=3 strict=3 relaxed=3 value=3 type=3"
expect_rc 2 "$BIN" eval timeml
expect_rc 2 "$BIN" eval nosuch
expect_rc 1 "$BIN" eval timeml "$TMP/gold" "$TMP/nonexistent"
finish
