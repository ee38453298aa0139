#!/usr/bin/env python3
"""Notebook helper for scripts/export-notebooks.sh and scripts/check-report-and-notebooks.sh.

Standard library only (json, re, difflib), so the check can run it with any python3, without Jupyter.

  strip-notebook.py clean NOTEBOOK...
      Rewrites each executed notebook in place without its volatile metadata (nbclient's execution
      timings, the kernel's Python version...) and without the kernel's process id in the file
      names of warnings, keeping the outputs, in nbformat's own layout (indent 1, sorted keys). The
      export runs it after executing the notebooks.
  strip-notebook.py compare COMMITTED FRESH
      Exits 0 when the two notebooks are the same once outputs, execution counts and volatile
      metadata are dropped on both sides; otherwise prints a unified diff of the stripped JSON and
      exits 1. Executed outputs (which vary a little with the pandas and matplotlib versions) never
      count; any change to a code or markdown cell does.
  strip-notebook.py strip NOTEBOOK
      Prints the stripped JSON that `compare` compares.
"""
import difflib
import json
import re
import sys

# Cell metadata that records an execution or a view rather than the notebook's content.
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")
# Notebook metadata written by a kernel or an editor; language_info keeps only its "name".
VOLATILE_NOTEBOOK_METADATA = ("widgets", "papermill", "vscode")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def without_kernel_pid(value):
    """A warning's file name in a stream output, /tmp/ipykernel_<pid>/<hash>.py, without the pid."""
    return re.sub(r"ipykernel_[0-9]+", "ipykernel", value)


def drop_volatile_metadata(nb):
    meta = nb.get("metadata", {})
    for key in VOLATILE_NOTEBOOK_METADATA:
        meta.pop(key, None)
    if isinstance(meta.get("language_info"), dict):
        meta["language_info"] = {"name": meta["language_info"].get("name", "python")}
    for cell in nb.get("cells", []):
        for key in VOLATILE_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = without_kernel_pid(text(output.get("text", ""))).splitlines(True)
    return nb


def text(value):
    """A notebook's multiline string, a list of lines or one string (both are valid), as one string."""
    return "".join(value) if isinstance(value, list) else value


def stripped(nb):
    nb = drop_volatile_metadata(nb)
    for cell in nb.get("cells", []):
        cell["source"] = text(cell.get("source", "")).splitlines(True)  # as nbformat writes it
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def dumps(nb):
    # nbformat's layout, so that an executed notebook rewritten here is what Jupyter would write.
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def clean(paths):
    for path in paths:
        nb = drop_volatile_metadata(load(path))
        with open(path, "w", encoding="utf-8") as f:
            f.write(dumps(nb))


def compare(committed, fresh):
    a = dumps(stripped(load(committed))).splitlines(keepends=True)
    b = dumps(stripped(load(fresh))).splitlines(keepends=True)
    if a == b:
        return 0
    sys.stdout.writelines(difflib.unified_diff(a, b, f"{committed} (committed, stripped)",
                                               f"{fresh} (fresh export, stripped)"))
    return 1


def main(argv):
    if len(argv) >= 2 and argv[0] == "clean":
        clean(argv[1:])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(argv[1], argv[2])
    if len(argv) == 2 and argv[0] == "strip":
        sys.stdout.write(dumps(stripped(load(argv[1]))))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
