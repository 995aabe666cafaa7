#!/usr/bin/env bash
# Installs the Debian 12 packages DoThi needs to build, run and test. Does nothing when all are
# present (so it is cheap to run before every build). Needs root (or sudo) only to install.
set -euo pipefail
PACKAGES=(
  cmake ninja-build g++ pkg-config libgtest-dev ccache
  libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev
  libopenscenegraph-dev openscenegraph
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libxkbcommon-dev qt6-tools-dev qt6-l10n-tools
  libcgal-dev
  libspatialite-dev libsqlite3-mod-spatialite spatialite-bin libsqlite3-dev sqlite3
  nlohmann-json3-dev libcli11-dev
  libcurl4-openssl-dev libprotobuf-dev protobuf-compiler libminizip-dev libmosquitto-dev
  mosquitto mosquitto-clients
  xvfb xauth libgl1-mesa-dri libgl-dev mesa-utils fonts-dejavu-core
  postgresql-15 postgresql-15-postgis-3
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
