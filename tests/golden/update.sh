#!/bin/sh
# update.sh — regenerates the golden files from the current build.
# Usage: tests/golden/update.sh [path/to/tidings]
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-build/tidings}
"$bin" read examples/stories >tests/golden/examples.json
"$bin" read --table examples/stories >tests/golden/examples.table
"$bin" read --sentences examples/stories >tests/golden/examples.sentences
"$bin" annotate --no-text examples/stories >tests/golden/examples.annotate
"$bin" annotate --timexes examples/stories >tests/golden/examples.timexes
"$bin" annotate --entities examples/stories >tests/golden/examples.entities
"$bin" annotate --places examples/stories >tests/golden/examples.places
"$bin" annotate --events examples/stories >tests/golden/examples.events
"$bin" events examples/stories >tests/golden/examples.plover
"$bin" events --format gdelt examples/stories >tests/golden/examples.gdelt
echo "golden files updated; review with git diff tests/golden" >&2
