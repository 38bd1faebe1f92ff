# errors.sh — every bad input of the foundation issue, through the command
# line: a clear message naming the file, line or byte and the problem; the
# other documents still read; the documented exit codes.
. "$(dirname "$0")/lib.inc"

good="$TMP/good.txt"
printf ' date 2024-05-15 Good story\n\nBAKU, May 15. /TASS/. It is fine.\n' >"$good"

# Each bad input next to a good one: exit 1, the good story still printed.
: >"$TMP/empty.txt"
printf 'abc\000def' >"$TMP/binary.bin"
printf ' date 2024-05-15 Head\n\nCaf\351 au lait.\n' >"$TMP/latin1.txt"
printf ' date 2024-13-45 Head\n\nBody.\n' >"$TMP/baddate.txt"
printf '{"text":"x","date":"2024-02-30"}\n' >"$TMP/baddate.jsonl"

check_bad() {
  expect_rc 1 "$BIN" read "$TMP/$1" "$good"
  expect_in "$TMP/err" "$TMP/$1"
  expect_in "$TMP/err" "$2"
  expect_lines "$TMP/out" 1
  expect_in "$TMP/out" '"title":"Good story"'
}
check_bad empty.txt "error: empty input"
check_bad binary.bin "byte 3: error: binary data"
check_bad latin1.txt "latin1.txt:3: byte 26: error: invalid UTF-8 (byte 0xE9 at column 4)"
check_bad baddate.txt "baddate.txt:1: byte 6: error: impossible story date 2024-13-45"
check_bad baddate.jsonl "baddate.jsonl:1: byte 0: error: impossible date \"2024-02-30\""
expect_rc 1 "$BIN" read "$TMP/does-not-exist" "$good"
expect_in "$TMP/err" "does-not-exist: error: cannot open: No such file or directory"
expect_lines "$TMP/out" 1

# A missing date: the story is read, with a warning.
printf '{"text":"No date here."}\n' >"$TMP/nodate.jsonl"
expect_rc 0 "$BIN" read "$TMP/nodate.jsonl"
expect_in "$TMP/err" "nodate.jsonl:1: warning: no story date"
expect_in "$TMP/out" '"warnings":["no story date'

# CRLF and a byte order mark.
printf '\357\273\277 date 2024-05-15 Head\r\n\r\nBAKU, May 15. /TASS/. One. Two.\r\n' >"$TMP/crlf.txt"
expect_rc 0 "$BIN" read --table "$TMP/crlf.txt"
expect_in "$TMP/out" "2024-05-15  TASS (dateline)  [BAKU]  2 para, 3 sent  Head"

# A story in another script: read, with a warning.
printf ' date 2024-05-15 Миротворцы покинули Карабах\n\nБАКУ, 15 мая. Российские миротворцы завершили миссию. Об этом сообщили в министерстве.\n' >"$TMP/cyrillic.txt"
expect_rc 0 "$BIN" read "$TMP/cyrillic.txt"
expect_in "$TMP/err" "mostly in Cyrillic script"
expect_in "$TMP/out" '"script":"Cyrillic"'

# A 50 MB line: read under the default limit; refused over a smaller one,
# and the next document still read.
{
  printf '{"id":"huge","text":"'
  head -c 50000000 /dev/zero | tr '\000' 'a'
  printf '"}\n{"id":"after","text":"Small."}\n'
} >"$TMP/huge.jsonl"
expect_rc 0 "$BIN" read --no-text --table "$TMP/huge.jsonl"
expect_lines "$TMP/out" 2
expect_rc 1 "$BIN" read --table --max-doc-size 10M "$TMP/huge.jsonl"
expect_in "$TMP/err" "huge.jsonl:1: byte 0: error: a line of 50000024 bytes is larger than the limit of 10485760 bytes"
expect_lines "$TMP/out" 1
expect_in "$TMP/out" "after"

# Standard input, explicit and implicit; --format overrides detection.
expect_rc 0 sh -c "cat '$good' | '$BIN' read --table -"
expect_in "$TMP/out" "Good story"
expect_rc 0 sh -c "'$BIN' read --table < '$good'"
expect_in "$TMP/out" "Good story"
expect_rc 0 "$BIN" read --format text --date 2024-05-16 --source Desk "$good"
expect_in "$TMP/out" '"format":"text"'
expect_in "$TMP/out" '"date":"2024-05-16"'

# Usage errors: exit 2, nothing read.
expect_rc 2 "$BIN" read --no-such-option "$good"
expect_rc 2 "$BIN" read --format xml "$good"
expect_in "$TMP/err" "--format xml"
expect_rc 2 "$BIN" read --date 2024-13-45 "$good"
expect_in "$TMP/err" "--date 2024-13-45: no such date"
expect_rc 2 "$BIN" read --date yesterday "$good"
expect_rc 2 "$BIN" read --max-doc-size lots "$good"
expect_rc 2 "$BIN" read --jobs 0 "$good"
expect_rc 2 "$BIN" frobnicate
expect_rc 2 "$BIN"
expect_rc 0 "$BIN" read --help
expect_in "$TMP/out" "usage: tidings read"

finish
