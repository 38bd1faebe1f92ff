# golden.sh — `tidings read` and `tidings annotate` on our example
# stories give exactly the committed output (tests/golden/). After an
# intended change, regenerate with tests/golden/update.sh and review the
# diff.
. "$(dirname "$0")/lib.inc"
cd "$SRC" || exit 1
for mode in json table sentences annotate timexes entities places events \
    plover gdelt; do
  cmd=read
  case $mode in
    json) args="" ;;
    table) args="--table" ;;
    sentences) args="--sentences" ;;
    annotate) cmd=annotate; args="--no-text" ;;
    timexes) cmd=annotate; args="--timexes" ;;
    entities) cmd=annotate; args="--entities" ;;
    places) cmd=annotate; args="--places" ;;
    events) cmd=annotate; args="--events" ;;
    plover) cmd=events; args="" ;;
    gdelt) cmd=events; args="--format gdelt" ;;
  esac
  CHECKS=$((CHECKS + 1))
  # shellcheck disable=SC2086
  "$BIN" $cmd $args examples/stories >"$TMP/$mode" 2>"$TMP/$mode.err"
  if ! cmp -s "$TMP/$mode" "tests/golden/examples.$mode"; then
    fail "$cmd $args examples/stories differs from tests/golden/examples.$mode:"
    diff "tests/golden/examples.$mode" "$TMP/$mode" | head -20 >&2
  fi
done
finish
