# run.sh — installs the library into a temporary prefix and builds a
# program against it with pkg-config: the headers, the archive and the .pc
# file are all that a user of the library needs.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pc=$(find "$tmp/prefix" -name tidings.pc)
[ -n "$pc" ] || { echo "no tidings.pc installed" >&2; exit 1; }
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")
# shellcheck disable=SC2046
cc -std=c11 -o "$tmp/use" "$src/tests/install/use.c" \
  $(pkg-config --cflags --libs --static tidings)
out=$("$tmp/use")
[ "$out" = "3 TASS" ] || { echo "unexpected output: $out" >&2; exit 1; }
echo "install: ok ($out)"
