#!/usr/bin/env bash
# The device benchmarks (kind bench in build/assemblies.txt) on nanoCLR's POSIX host: builds and converts like
# run-tests.sh, runs each benchmark assembly RUNS times (default 3) and prints the median of every figure as
# "nanoclr-bench: NAME VALUE UNIT" (also in artifacts/pe/bench.txt), with library-pe-total.
#   build/nanoclr/run-bench.sh [--no-build]      RUNS=5 build/nanoclr/run-bench.sh
# Figures are this machine's interpreter, not an ESP32: see docs/device-benchmarks.md for how they translate.
set -uo pipefail
cd "$(dirname "$0")/../.."
exec build/nanoclr/run-tests.sh "$@" --bench "${RUNS:-3}"
