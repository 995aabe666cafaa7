#!/usr/bin/env bash
# README's "test": install what is missing, build, run every test (under one Xvfb for GL tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j"$(nproc)" --timeout 300 "$@"
