#!/usr/bin/env bash
# Installs what ReachSim needs to build on Debian/Ubuntu, or says exactly what to install.
# Needed: a Swift 6.1+ toolchain, pkg-config, GSL (libgsl-dev) and zlib (zlib1g-dev, for ZIPFoundation).
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "error: no Swift toolchain on PATH. Install Swift 6.1 or later (https://www.swift.org/install/linux/) and retry." >&2
  exit 1
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists gsl 2>/dev/null; then missing+=(libgsl-dev); fi
if ! pkg-config --exists zlib 2>/dev/null; then missing+=(zlib1g-dev); fi
[ ${#missing[@]} -eq 0 ] && exit 0

. "$(dirname "$0")/apt-install.sh"
apt_install "${missing[@]}"
pkg-config --exists gsl || { echo "error: GSL is still not found by pkg-config after installing ${missing[*]}" >&2; exit 1; }
echo "Installed ${missing[*]}."
