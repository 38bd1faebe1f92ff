#!/bin/sh
# store.sh — tidings ingest and tidings query: the examples stored twice
# (the second time all duplicates), queries in every format with real rows,
# a malformed input skipped, usage errors, and an ingest killed with -9:
# the database stays whole, no document is half-stored, and a rerun
# completes it without duplicates. Needs the sqlite3 command.
. "$(dirname "$0")/lib.inc"

command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 command" >&2; exit 77; }
EX=$SRC/examples
DB=$TMP/t.db
q() { sqlite3 "$1" "$2"; }
# expect_eq WANT GOT WHAT
expect_eq() {
  CHECKS=$((CHECKS + 1))
  [ "$1" = "$2" ] || fail "$3: got '$2', want '$1'"
}

# ---- ingest, twice -----------------------------------------------------------
# every event the annotator finds is stored: as many rows as `annotate
# --events` prints
NEV=$("$BIN" annotate --events "$EX/stories" 2>/dev/null | grep -c '^v[0-9]')
expect_rc 0 "$BIN" ingest --db "$DB" --stats "$EX/stories"
expect_in "$TMP/err" '9 stored, 0 duplicates, 0 refused'
expect_eq 9 "$(q "$DB" 'SELECT count(*) FROM documents')" documents
expect_eq "$NEV" "$(q "$DB" 'SELECT count(*) FROM events')" events
expect_eq 3 "$(q "$DB" 'SELECT count(*) FROM stories')" stories
expect_eq 9 "$(q "$DB" 'SELECT count(*) FROM story_docs')" story_docs
expect_eq 9 "$(q "$DB" 'SELECT count(*) FROM annotations')" annotations
expect_eq 1 "$(q "$DB" "SELECT value FROM meta WHERE key = 'schema_version'")" schema_version
expect_eq wal "$(q "$DB" 'PRAGMA journal_mode')" journal_mode
expect_eq 1 "$(q "$DB" "SELECT count(*) FROM link_json WHERE json LIKE '{%'")" link_json
CHECKS=$((CHECKS + 1))
grep -q . "$TMP/err" && ! grep -q "$(printf '\r')" "$TMP/err" || fail "progress line on a stderr that is not a terminal"
expect_rc 0 "$BIN" ingest --db "$DB" --stats "$EX/stories"
expect_in "$TMP/err" '0 stored, 9 duplicates, 0 refused'
expect_eq 9 "$(q "$DB" 'SELECT count(*) FROM documents')" "documents after the second ingest"
expect_eq "$NEV" "$(q "$DB" 'SELECT count(*) FROM events')" "events after the second ingest"
expect_eq 3 "$(q "$DB" 'SELECT count(*) FROM stories')" "stories after the second ingest"

# ---- queries -------------------------------------------------------------------
expect_rc 0 "$BIN" query --db "$DB" --actor SRB --format csv
expect_lines "$TMP/out" 6
expect_in "$TMP/out" 'event_id,doc_id,agency,day,'
expect_in "$TMP/out" 'flood-unapress-v5,flood-unapress,Una Press,2025-05-21,2025-05-21,day,story,0331,03,1,5.2,AGREE,,IGOEUREEC,BIH SRB,'
expect_in "$TMP/out" 'e2101b6969dcf7d1-v1,e2101b6969dcf7d1,Meridian,2025-05-20,'
CHECKS=$((CHECKS + 1))
[ "$(head -1 "$TMP/out" | od -c | grep -c '\\r')" -ge 1 ] || fail "CSV lines end in CRLF"
expect_rc 0 "$BIN" query --db "$DB" --code 19 --from 2025-06-22 --to 2025-06-22
expect_lines "$TMP/out" 4
expect_in "$TMP/out" 'ceasefire-caspianwire-v1  Caspian Wire  2025-06-22  190   ASSAULT  ARMMIL   AZEMIL   Kalbajar  fired on'
expect_in "$TMP/out" 'ceasefire-sevannews-v3    Sevan News    2025-06-22  190   ASSAULT  ARM               Sotk      combat'
expect_rc 0 "$BIN" query --db "$DB" --source 'sevan news' --format jsonl
expect_lines "$TMP/out" 13
expect_in "$TMP/out" '"event_id":"ceasefire-sevannews-v2","doc_id":"ceasefire-sevannews","agency":"Sevan News","day":"2025-06-22"'
expect_rc 0 "$BIN" query --db "$DB" --search detainee
expect_lines "$TMP/out" 19
expect_in "$TMP/out" '771cd7e8a5a8816a-v4   Steppe Wire  2025-10-15  042   CONSULT  KGZ TJK  KAZ      Nur-Sultan'
expect_rc 0 "$BIN" query --db "$DB" --search detainee --format plover
expect_lines "$TMP/out" 11
expect_in "$TMP/out" '{"id":"771cd7e8a5a8816a-v2","date":"2025-10-15","source":[{"code":"KAZ"'
expect_rc 0 "$BIN" query --db "$DB" --source Meridian --plover reject --format gdelt
expect_lines "$TMP/out" 1
expect_in "$TMP/out" "$(printf '6151090632664143\t20250520\t202505\t2025\t2025.4658\tSRBCOP\tDjurovic\tSRB')"
expect_rc 0 "$BIN" query --db "$DB" --actor ZZZ
expect_lines "$TMP/out" 1
expect_rc 2 "$BIN" query --db "$DB" --from 2025-13-01
expect_in "$TMP/err" 'expected a date'
expect_rc 2 "$BIN" query --db "$DB" --to yesterday
expect_rc 2 "$BIN" query --db "$DB" --search 'AND AND'
expect_in "$TMP/err" 'fts5: syntax error'
expect_rc 2 "$BIN" query --db "$DB" --format xml
expect_rc 2 "$BIN" query --actor SRB
expect_rc 2 "$BIN" ingest "$EX/stories"
expect_rc 1 "$BIN" query --db "$TMP/none.db"

# ---- a malformed document is reported and skipped ------------------------------
printf '{"id":"bad","text":\n' > "$TMP/mixed.jsonl"
printf '{"id":"good","date":"2025-03-01","source":"Test Wire","text":"MOSCOW, March 1. Russia accused Ukraine of shelling the town on Saturday, officials said."}\n' >> "$TMP/mixed.jsonl"
printf ' date 2025-03-02 Bad bytes\n\nKYIV, March 2 - \377\376 broken.\n' > "$TMP/bad.txt"
expect_rc 1 "$BIN" ingest --db "$TMP/m.db" --stats "$TMP/mixed.jsonl" "$TMP/bad.txt"
expect_in "$TMP/err" 'mixed.jsonl:1:'
expect_in "$TMP/err" 'bad.txt:3:'
expect_in "$TMP/err" '1 stored, 0 duplicates, 2 refused'
expect_eq good "$(q "$TMP/m.db" 'SELECT doc_id FROM documents')" "the good document"

# ---- kill -9 during an ingest ----------------------------------------------------
GEN=$(dirname "$BIN")/td_benchgen
MB=20
# sanitizer builds run about ten times slower: a smaller input
if nm "$BIN" 2>/dev/null | grep -q __asan_init; then MB=4; fi
"$GEN" --mb "$MB" -o "$TMP/big.txt" || fail "td_benchgen"
nstories=$(grep -c '^ date ' "$TMP/big.txt")
"$BIN" ingest --db "$TMP/k.db" -j2 "$TMP/big.txt" >/dev/null 2>&1 &
pid=$!
# kill it once a first batch is in (the time that takes varies with the
# build: a sanitizer build loads the dictionaries for seconds)
tries=0
while [ "$tries" -lt 600 ] && kill -0 "$pid" 2>/dev/null; do
  n=$(q "$TMP/k.db" 'SELECT count(*) FROM documents' 2>/dev/null)
  [ "${n:-0}" -gt 0 ] && break
  sleep 0.1
  tries=$((tries + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
expect_eq ok "$(q "$TMP/k.db" 'PRAGMA integrity_check')" "integrity after kill -9"
half="SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.doc = d.id) OR d.nevents != (SELECT count(*) FROM events e WHERE e.doc = d.id)"
expect_eq 0 "$(q "$TMP/k.db" "$half")" "half-stored documents after kill -9"
got=$(q "$TMP/k.db" 'SELECT count(*) FROM documents')
echo "store.sh: $got of $nstories documents stored before kill -9" >&2
CHECKS=$((CHECKS + 1))
[ "${got:-0}" -gt 0 ] && [ "${got:-0}" -lt "$nstories" ] ||
  fail "kill -9 did not land during the ingest ($got of $nstories stored)"
expect_rc 0 "$BIN" ingest --db "$TMP/k.db" -j2 --stats "$TMP/big.txt"
expect_eq "$nstories" "$(q "$TMP/k.db" 'SELECT count(*) FROM documents')" "documents after the rerun"
expect_eq 0 "$(q "$TMP/k.db" 'SELECT count(*) - count(DISTINCT hash) FROM documents')" "duplicates after the rerun"
expect_eq 0 "$(q "$TMP/k.db" "$half")" "half-stored documents after the rerun"
expect_eq "$nstories" "$(q "$TMP/k.db" 'SELECT count(*) FROM story_docs')" "every document in a story"
expect_eq ok "$(q "$TMP/k.db" 'PRAGMA integrity_check')" "integrity after the rerun"
finish
