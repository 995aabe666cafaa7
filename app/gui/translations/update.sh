#!/bin/sh
# Refreshes dothi_vi.ts from the sources (lupdate), then fills in the Vietnamese table.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gui=$(dirname "$here")
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
cd "$gui"
# -I ..: the sources include "gui/x.hpp"; without it lupdate cannot see the classes'
# namespaces and files the strings under the wrong context.
"$lupdate" -I .. -no-obsolete -locations none . -ts translations/dothi_vi.ts
python3 translations/fill_vi.py translations/dothi_vi.ts
