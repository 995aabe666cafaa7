#!/usr/bin/env bash
# README's "run": install what is missing, build, and open DoThi on the bundled Monaco sample.
# With no display it renders the city to dothi-city.png and prints its indicators instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
CLI=build/app/dothi-cli
SAMPLE=build/sample/monaco.dothi
if [ ! -f "$SAMPLE" ] || [ -n "$(find data -newer "$SAMPLE" -name '*.geojson' | head -1)" ] ||
   ! "$CLI" info "$SAMPLE" | grep -q '^  Terrain:'; then
  rm -f "$SAMPLE"
  mkdir -p build/sample
  for f in buildings roads landuse utility_lines; do
    "$CLI" import "data/monaco2021_$f.geojson" --into "$SAMPLE" --layer "$f" -q
  done
  # The ground (SRTM), tiled roofs on house-sized buildings, street names.
  "$CLI" import data/srtm3_monaco_nice_utm32n_30m.tif --into "$SAMPLE" --kind terrain -q
  "$CLI" style "$SAMPLE" --default-roof auto > /dev/null
  "$CLI" style "$SAMPLE" --layer roads --label name > /dev/null
fi
if [ -n "${DISPLAY:-}" ] && [ -x build/app/gui/dothi ]; then
  exec build/app/gui/dothi "$SAMPLE"
fi
"$CLI" render "$SAMPLE" --out dothi-city.png --size 1600x900 --view oblique
"$CLI" info "$SAMPLE"
"$CLI" indicators "$SAMPLE"
echo "No display: the city is rendered in $(pwd)/dothi-city.png"
