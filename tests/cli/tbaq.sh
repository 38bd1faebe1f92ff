# tbaq.sh — the temporal tagger on TempEval-3's TBAQ (../shared): our scorer
# agrees with the reference scorer (../shared/tools/te3score.py) on every
# count, tidings' TimeML keeps every character of the texts, and the scores
# stay at or above what was measured when the tagger was written (a floor
# against regressions, not the issue's target; bench/RESULTS.md and the
# closing notes report the numbers).
. "$(dirname "$0")/lib.inc"
TBAQ=$SHARED/corpora/timeml-tbaq
if [ ! -d "$TBAQ" ]; then
  if [ "${CI:-}" = true ]; then echo "missing $TBAQ (needed under CI)" >&2; exit 1; fi
  echo "skipped: $TBAQ is missing" >&2; exit 77
fi

expect_rc 0 "$BIN" eval timeml --run --quiet -o "$TMP/tml" "$TBAQ"
cp "$TMP/out" "$TMP/total"
relaxed=$(sed -n 's/^relaxed .*F1=\([0-9.]*\)$/\1/p' "$TMP/total")
value=$(sed -n 's/^value .*F1=\([0-9.]*\)$/\1/p' "$TMP/total")
CHECKS=$((CHECKS + 1))
awk -v r="$relaxed" -v v="$value" 'BEGIN { exit !(r >= 0.94 && v >= 0.82) }' ||
  fail "TBAQ relaxed F1 $relaxed (floor 0.94), value F1 $value (floor 0.82)"

for sub in TimeBank AQUAINT; do
  # tidings' own TimeML files, scored by both scorers
  "$BIN" eval timeml --run --quiet -o "$TMP/sys_$sub" "$TBAQ/$sub" >/dev/null
  ours=$("$BIN" eval timeml --quiet "$TBAQ/$sub" "$TMP/sys_$sub" | head -n 1)
  ref=$(python3 "$SHARED/tools/te3score.py" "$TBAQ/$sub" "$TMP/sys_$sub" |
        sed 's/ strict_p=.*//; s/ system=/ system=/')
  CHECKS=$((CHECKS + 1))
  g1=$(echo "$ours" | sed 's/.*gold=\([0-9]*\).*/\1/')
  s1=$(echo "$ours" | sed 's/.*system=\([0-9]*\).*/\1/')
  g2=$(echo "$ref" | sed 's/.*gold=\([0-9]*\).*/\1/')
  s2=$(echo "$ref" | sed 's/.*system=\([0-9]*\).*/\1/')
  [ "$g1" = "$g2" ] && [ "$s1" = "$s2" ] || fail "$sub: counts differ: $ours / $ref"
  # every ratio the reference prints, against ours
  CHECKS=$((CHECKS + 1))
  python3 - "$TBAQ/$sub" "$TMP/sys_$sub" "$SHARED/tools" <<'PY' || fail "$sub: te3score.py disagrees, or a text changed"
import os, re, sys
gold, sysd, tools = sys.argv[1:4]
sys.path.insert(0, tools)
from te3score import score, spans
ref = score(gold, sysd)
bad = 0
for f in os.listdir(gold):
    if not f.endswith(".tml"):
        continue
    g = open(os.path.join(gold, f), encoding="utf-8").read()
    s = open(os.path.join(sysd, f), encoding="utf-8").read()
    strip = lambda x: re.sub(r"<[^>]+>", "", x)
    # the text of TEXT, entities and all, and everything outside it
    gt = g[g.index("<TEXT>"):g.index("</TEXT>")]
    st = s[s.index("<TEXT>"):s.index("</TEXT>")]
    if strip(gt) != strip(st) or g[:g.index("<TEXT>")] != s[:s.index("<TEXT>")]:
        print("changed:", f); bad += 1
print("te3score:", " ".join("%s=%s" % kv for kv in sorted(ref.items())))
sys.exit(1 if bad else 0)
PY
  # our F1 figures against the reference's, to four places
  for k in relaxed value; do
    CHECKS=$((CHECKS + 1))
    a=$("$BIN" eval timeml --quiet "$TBAQ/$sub" "$TMP/sys_$sub" | sed -n "s/^$k .*F1=\([0-9.]*\)$/\1/p")
    b=$(python3 "$SHARED/tools/te3score.py" "$TBAQ/$sub" "$TMP/sys_$sub" | tr ' ' '\n' | sed -n "s/^${k}_f1=//p")
    [ "$a" = "$b" ] || fail "$sub: $k F1 ours $a, te3score.py $b"
  done
done
finish
