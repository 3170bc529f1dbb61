#!/usr/bin/env bash
# Builds the benchmarks (and the modules they use) and runs every benchmark: a table of ratios
# and absolute figures goes to stdout and to benchmarks/target/benchmark-results.md.
# Takes 11 to 16 minutes. Run it on a quiet machine; extra arguments go to the runner, e.g.
#   benchmarks/run.sh --only fetch,decode      benchmarks/run.sh --out /tmp/results.md
#   benchmarks/run.sh --only throttle          (adaptive against fixed window, 429s counted)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -pl benchmarks -am package -DskipTests
# The memory benchmark's emulator holds 1,000,000 serialized licences in this JVM.
exec java -Xmx4g -jar benchmarks/target/vspc-benchmarks.jar "$@"
