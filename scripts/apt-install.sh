#!/usr/bin/env bash
# Sourced by the set-up scripts: apt_install PACKAGE... installs Debian packages when running as
# root with apt-get, or prints the exact command to run and fails.
apt_install() {
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $* with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
  else
    echo "error: missing $*. Install with:" >&2
    echo "  sudo apt-get install -y $*" >&2
    return 1
  fi
}
