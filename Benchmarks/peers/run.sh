#!/usr/bin/env bash
# Peer comparison of the cascade engine: creates a virtual environment with networkx, ndlib and
# cynetdiff (PyPI), builds reachsim in release mode and runs peers.py. Extra arguments go to
# peers.py (e.g. --nodes 20000 for a quick look).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check networkx ndlib six cynetdiff
fi
(cd "$root" && swift build -c release --product reachsim >/dev/null)
bin="$(cd "$root" && swift build -c release --show-bin-path)/reachsim"
cd "$here"
"$venv/bin/python" peers.py --reachsim "$bin" --workdir "$here/.work" "$@"
