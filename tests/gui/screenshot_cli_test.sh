#!/bin/sh
# `dothi --screenshot` writes a PNG and exits 0; a project that cannot be opened exits 1.
# Usage: screenshot_cli_test.sh DOTHI OUTDIR. Exit 77 (skip) without an X display.
set -u
dothi=$1
out=$2
[ -n "${DISPLAY:-}" ] || { echo "SKIP: no DISPLAY (run under xvfb-run)"; exit 77; }
mkdir -p "$out"
rm -f "$out/empty.png" "$out/missing.png"
QT_QPA_PLATFORM=xcb "$dothi" --screenshot "$out/empty.png" || { echo "FAIL: empty window exit $?"; exit 1; }
[ -s "$out/empty.png" ] || { echo "FAIL: no PNG written"; exit 1; }
if QT_QPA_PLATFORM=xcb "$dothi" "$out/does-not-exist.dothi" --screenshot "$out/missing.png"; then
  echo "FAIL: a missing project must exit non-zero"; exit 1
fi
echo "1 passed, 0 failed"
