#!/usr/bin/env bash
# Sourced by export-notebooks.sh and check-report-and-notebooks.sh, from the repository's root.
#   notebook_venv: creates the virtual environment .venv-notebooks with Jupyter's nbconvert, nbclient,
#     ipykernel, pandas and matplotlib (from PyPI) unless it is there, installing python3-venv with
#     apt-get (scripts/apt-install.sh) when it is missing.
#   execute_notebook NOTEBOOK LOG NBCONVERT-OPTION...: executes NOTEBOOK with that environment's
#     kernel, from the notebook's own directory (for its ../out/ paths), without recording execution
#     timings. Figures come out as inline PNG (the notebooks say `%matplotlib inline`) at 72 dpi, set
#     by a matplotlibrc of our own (which also keeps a user's matplotlibrc out), so that the committed
#     notebooks stay well under 1 MB each. On an error it prints the end of LOG, naming the notebook,
#     and fails.
. scripts/apt-install.sh

NOTEBOOK_VENV=.venv-notebooks

notebook_venv() {
  if [ ! -x "$NOTEBOOK_VENV/bin/jupyter" ]; then
    python3 -m venv "$NOTEBOOK_VENV" 2>/dev/null \
      || { rm -rf "$NOTEBOOK_VENV"; apt_install python3-venv; python3 -m venv "$NOTEBOOK_VENV"; }
    "$NOTEBOOK_VENV/bin/pip" install -q --disable-pip-version-check nbconvert nbclient ipykernel pandas matplotlib
  fi
}

execute_notebook() {
  local nb=$1 log=$2
  shift 2
  printf 'figure.dpi: 72\n' >"$NOTEBOOK_VENV/matplotlibrc"
  MATPLOTLIBRC="$PWD/$NOTEBOOK_VENV/matplotlibrc" "$NOTEBOOK_VENV/bin/jupyter" nbconvert --to notebook --execute \
      --ExecutePreprocessor.record_timing=False "$@" "$nb" >/dev/null 2>"$log" \
    || { echo "error: $nb failed to execute:" >&2; tail -20 "$log" >&2; return 1; }
}
