#!/usr/bin/env bash
# CI check of the scenario JSON Schema with an independent validator: check-jsonschema (PyPI, in
# a virtual environment this script creates) checks docs/scenario.schema.json against the draft-07
# metaschema, validates every scenario in scenarios/ and the coverage fixture against it, and
# makes sure a known-bad scenario is refused. That the file is the current `reachsim schema`
# output, and agrees with the loader, is checked by ScenarioSchemaTests in `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-schema
if [ ! -x "$VENV/bin/check-jsonschema" ]; then
  . scripts/apt-install.sh
  python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q --disable-pip-version-check check-jsonschema
fi
CJ="$VENV/bin/check-jsonschema"
SCHEMA=docs/scenario.schema.json
FIX=Tests/ReachSimTests/Fixtures/schema

"$CJ" --check-metaschema "$SCHEMA"
"$CJ" --schemafile "$SCHEMA" scenarios/*.yaml scenarios/questions/*.yaml "$FIX"/coverage*.yaml
if out=$("$CJ" --verbose --schemafile "$SCHEMA" "$FIX/known-bad.yaml" 2>&1); then
  echo "error: $FIX/known-bad.yaml passed the schema; it must be refused" >&2
  exit 1
fi
for want in "horizon_weeks" "base_visiblity"; do
  grep -q "$want" <<<"$out" || { echo "error: the schema's verdict on known-bad.yaml does not mention $want:" >&2; echo "$out" >&2; exit 1; }
done
n=$(ls scenarios/*.yaml scenarios/questions/*.yaml | wc -l)
c=$(ls "$FIX"/coverage*.yaml | wc -l)
echo "schema: $((n + c + 2)) passed, 0 failed"
