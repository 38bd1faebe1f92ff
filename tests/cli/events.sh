# events.sh — `tidings events` and the events layer from the command line:
# PLOVER JSON Lines (one record per event, the PLOVER fields and ours),
# the GDELT 2.0 table (61 TAB-separated columns on every row, dates as
# YYYYMMDD, one row per source-target pair), --all, the `annotate --events`
# view, usage errors, a user's verb dictionary with its bad lines reported,
# and the seed stories' events when ../shared is there.
. "$(dirname "$0")/lib.inc"

# expect_count FILE REGEX N : N lines of FILE match REGEX (grep -E)
expect_count() {
  CHECKS=$((CHECKS + 1))
  n=$(grep -cE -- "$2" "$1")
  [ "$n" -eq "$3" ] || fail "$(basename "$1"): $n lines match '$2', want $3"
}

S=$TMP/story.txt
printf 'Russia attacked Ukraine on Tuesday. Armenia, Azerbaijan and Russia signed the agreement on May 2. An offensive may follow.\n' >"$S"

# PLOVER: one record per event with an actor and a date
expect_rc 0 "$BIN" events --input-format text --date 2024-05-15 "$S"
cp "$TMP/out" "$TMP/plover"
expect_count "$TMP/plover" '^\{"id":' 2
expect_in "$TMP/plover" '"event":["ASSAULT"]'
expect_in "$TMP/plover" '"date":"2024-05-14"'
expect_in "$TMP/plover" '"source":[{"code":"RUS","sector":null,"actor_text":"Russia"'
expect_in "$TMP/plover" '"recipient":[{"code":"UKR"'
expect_in "$TMP/plover" '"cameo":"057"'
expect_in "$TMP/plover" '"date_value":"2024-05-02","granularity":"day","date_from":"timex"'
# --all: the offensive too, which has no actor
expect_rc 0 "$BIN" events --all --input-format text --date 2024-05-15 "$S"
expect_count "$TMP/out" '^\{"id":' 3
expect_in "$TMP/out" '"event_text":["offensive"]'

# GDELT: 61 columns on every row; the agreement is one row per ordered pair
expect_rc 0 "$BIN" events --format gdelt --input-format text --date 2024-05-15 "$S"
cp "$TMP/out" "$TMP/gdelt"
CHECKS=$((CHECKS + 1))
bad=$(awk -F'\t' 'NF != 61' "$TMP/gdelt" | wc -l)
[ "$bad" -eq 0 ] || fail "$bad GDELT rows without 61 columns"
expect_count "$TMP/gdelt" '	20240514	202405	2024	' 1
expect_count "$TMP/gdelt" '	057	057	05	1	' 6
expect_in "$TMP/gdelt" '	RUS	Russia	RUS	'

# the annotate view
expect_rc 0 "$BIN" annotate --events --format text --date 2024-05-15 "$S"
expect_in "$TMP/out" '190	ASSAULT	RUS -> UKR	2024-05-14 (timex)'
expect_in "$TMP/out" '057	'
expect_in "$TMP/out" 'ARM+AZE+RUS -> ARM+AZE+RUS'
expect_in "$TMP/out" '190	ASSAULT	- -> -	2024-05-15 (story)	hypothetical	offensive'

# usage errors
expect_rc 2 "$BIN" events --format xml "$S"
expect_in "$TMP/err" 'expected plover or gdelt'
expect_rc 2 "$BIN" events --verbs /nonexistent/verbs.txt "$S"
expect_in "$TMP/err" '/nonexistent/verbs.txt'

# a user's verb dictionary (TABARI format) with a bad line: reported with
# its line, the rest loaded and used alone
V=$TMP/my.verbs
printf -- '--- THRASH [190] ---\nTHRASH\n- * SOUNDLY_+ [182]\n- * [12345678]\n' >"$V"
printf 'Arnor thrashed Gondor.\n' >"$TMP/t.txt"
expect_rc 0 "$BIN" annotate --events --verbs "$V" --no-own-events --format text --date 2024-05-15 "$TMP/t.txt"
expect_in "$TMP/err" 'my.verbs:4'
expect_in "$TMP/out" '190	ASSAULT'
expect_rc 1 "$BIN" dict check --kind verbs "$V"

# the seeds
if [ -d "$SHARED/seeds" ]; then
  expect_rc 0 "$BIN" annotate --events "$SHARED/seeds"
  expect_in "$TMP/out" '057	SUPPORT	AZE+ARM+RUS -> AZE+ARM+RUS	2020-11-09 (timex)'
  expect_in "$TMP/out" '2020-11-10 (timex)'
  expect_in "$TMP/out" 'RUSMIL -> AZE	2024-05-15'
  expect_in "$TMP/out" 'conditional'
elif [ "${CI:-}" = true ]; then
  fail "../shared/seeds is missing"
fi
finish
