# The two set-up commands of the README:
#   make demo   install what is missing, build in release mode, run scenarios/museum-baseline.yaml
#   make test   install what is missing, run the whole test suite (it includes the calibration:
#               every preset against its published targets, and docs/calibration.csv must be current)
#   make slurm-test  a sharded sweep on a throwaway single-node Slurm cluster (root; see docs/cluster.md)
#   make calibrate   rerun the calibration (debug build, as the test does) and rewrite docs/calibration.{csv,md}
#   make bench-check   CI's benchmark step: the small suites against Benchmarks/Thresholds/
#   make bench-thresholds   record Benchmarks/Thresholds/ anew (on a quiet machine), then commit them
#   make peers   the cascade against ndlib and cynetdiff (Benchmarks/peers/, several minutes)
#   make engines   the grouped engine against the exact one (Benchmarks/engines/; ENGINES_ARGS=--quick for the fast subset)
#   make check-schema   validate scenarios/ against docs/scenario.schema.json with check-jsonschema (PyPI)
#   make sanitize    the tests under AddressSanitizer and ThreadSanitizer (scripts/sanitize.sh)
#   make fuzz-smoke  every fuzz target for FUZZ_SECONDS (default 45) each; new inputs go to a scratch folder
SWIFT ?= swift
OUT ?= out/museum-baseline

.PHONY: deps build demo test slurm-test check-views check-schema sanitize fuzz-smoke notebooks calibrate bench \
	bench-check bench-thresholds peers engines clean

deps:
	@bash scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c release --product reachsim

demo: build
	$$($(SWIFT) build -c release --show-bin-path)/reachsim run scenarios/museum-baseline.yaml --out $(OUT)

test: deps
	$(SWIFT) test --disable-xctest

# `reachsim slurm` on a real single-node Slurm (needs root: installs slurm-wlm and munge, runs the
# daemons from a temporary directory); a 4-shard sweep merged must equal the local sweep byte for byte.
slurm-test: deps
	bash scripts/slurm-test.sh

check-schema:
	bash scripts/check-schema.sh

sanitize: deps
	bash scripts/sanitize.sh

FUZZ_SECONDS ?= 45
fuzz-smoke: deps
	FUZZ_NEW_INPUTS=$$(mktemp -d) bash Fuzz/run.sh $(FUZZ_SECONDS)

# What people look at: reports rendered in headless Chromium, notebooks executed with Jupyter.
check-views: deps
	bash scripts/check-report-and-notebooks.sh

# Re-export and execute notebooks-export/ (committed executed) after a change to the model or the exporter.
notebooks: deps
	bash scripts/export-notebooks.sh

calibrate: deps
	$(SWIFT) run reachsim calibrate --out docs

bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

bench-check: deps
	bash scripts/bench-check.sh

bench-thresholds: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark thresholds update \
		--target CascadeBenchmarks --target GraphBenchmarks --target EngineBenchmarks --no-progress

peers: deps
	bash Benchmarks/peers/run.sh

ENGINES_ARGS ?=
engines: deps
	bash Benchmarks/engines/run.sh --build $(ENGINES_ARGS)

clean:
	rm -rf .build .build-asan .build-tsan Benchmarks/.build Fuzz/.build Fuzz/artifacts out ci-artifacts .venv-notebooks .venv-schema
