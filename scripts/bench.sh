#!/usr/bin/env bash
# One benchmark command: release build, then every figure and budget.
# Usage: scripts/bench.sh [STEPDATA_DIR]   (default ../shared/stepdata)
# Prints one table and writes bench-results/latest.json; exits non-zero
# when a budget in bench/budgets.json breaks.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
DATA="${1:-../shared/stepdata}"
mkdir -p bench-results
trunk build --release
if [ -d "$DATA" ]; then
  cargo run --release --quiet --example step_accuracy -- "$DATA" --json bench-results/steps-accuracy.json > bench-results/steps-accuracy.md
  cargo run --release --quiet --example step_throughput -- "$DATA" > bench-results/steps-throughput.txt
else
  echo "step data not found at $DATA: detector figures skipped" >&2
  rm -f bench-results/steps-accuracy.json bench-results/steps-accuracy.md bench-results/steps-throughput.txt
fi
node bench/bench.mjs
