#!/usr/bin/env bash
# Co-simulates the seed model on all 10,000 Fashion-MNIST test images: the Verilog engine under
# Verilator against the cycle-accurate simulator, split into one chunk per core. Prints each
# chunk's JSON report and the total time; exits 1 if any image differs.
#   scripts/cosim-full.sh [FILE] [JOBS] [TARGET]     (TARGET: default xc7a35t, the 16-lane engine; generic has 8 lanes, generic-serial one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
file="${1:-examples/fmnist_shuffle_delay.ttfs}"
jobs="${2:-$(nproc)}"
target="${3:-xc7a35t}"
total=10000
chunk=$(( (total + jobs - 1) / jobs ))
out="$(mktemp -d)"
start=$(date +%s)
./firstspike --version >/dev/null   # build once before the chunks start
pids=()
for ((j = 0; j < jobs; j++)); do
  first=$(( j * chunk ))
  n=$(( first + chunk > total ? total - first : chunk ))
  ((n > 0)) || continue
  ./firstspike cosim "$file" --target "$target" --first "$first" --images "$n" --json >"$out/chunk$j.json" 2>"$out/chunk$j.err" &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
cat "$out"/chunk*.json
echo "cosim-full: $total images on $target in $(( $(date +%s) - start )) s with $jobs jobs; exit $status"
exit "$status"
