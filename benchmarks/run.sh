#!/usr/bin/env bash
# Builds the benchmarks and the command line (and the modules they use) and runs every
# benchmark: a table of ratios and absolute figures goes to stdout and to
# benchmarks/target/benchmark-results.md. Takes 13 to 20 minutes. Run it on a quiet machine;
# extra arguments go to the runner, e.g.
#   benchmarks/run.sh --only fetch,decode      benchmarks/run.sh --out /tmp/results.md
#   benchmarks/run.sh --only throttle          (adaptive against fixed window, 429s counted)
#   benchmarks/run.sh --only process           (whole processes against curl; needs curl 7.66+)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -pl cli,benchmarks -am package -DskipTests
# The memory benchmark's emulator holds 1,000,000 serialized licences in this JVM.
exec java -Xmx4g -jar benchmarks/target/vspc-benchmarks.jar "$@"
