#!/usr/bin/env bash
# Same-run ratios against the PyTorch reference (docs/benchmarks-log.md, "Against the PyTorch reference"):
# for each case, this project's figure (`./mixnet bench forward`, TrainStepBenchmark) and then the
# reference's (scripts/torch_mixnet_bench.py, eager and channels-last) back to back, in ROUNDS
# interleaved rounds, so every ratio is measured under the same machine conditions.
# Usage: scripts/reference-bench.sh [ROUNDS]   (PYTHON= a python3 with torch, default /usr/bin/python3)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
PYTHON="${PYTHON:-/usr/bin/python3}"
THREADS="$(nproc)"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"   # both sides, as ./mixnet sets it

cd "$ROOT"
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "reference-bench: $PYTHON cannot import torch; install Debian's python3-torch or set PYTHON=" >&2
  exit 2
fi
./mixnet --version >/dev/null   # builds on first use; TrainStepBenchmark uses the same class path
# Every figure, the reference's too, runs under the allocator ./mixnet preloads (tcmalloc where Debian's
# libtcmalloc-minimal4 is installed, unless MIXNET_MALLOC=glibc): both sides gain from it, up to 2x.
# shellcheck source=scripts/malloc-preload.sh
source scripts/malloc-preload.sh
PRELOAD="$(mixnet_malloc_preload)"
echo "malloc: ${PRELOAD:-glibc} (every figure below)"
# shellcheck source=scripts/bench-ours.sh
source scripts/bench-ours.sh

reference() {   # mode batch size [--channels_last]
  LD_PRELOAD="$PRELOAD" "$PYTHON" scripts/torch_mixnet_bench.py --mode "$1" --batch "$2" --size "$3" --threads "$THREADS" \
      --warmup 2 --steps 5 ${4:-} | sed -n 's/.*: \([0-9.]*\) images\/s$/\1/p'
}

echo "| round | case | this project | torch eager | torch channels-last | ratio to eager | ratio to best |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for case in "forward 16 224" "forward 64 224" "train 32 224" "train 64 128"; do
    read -r mode batch size <<< "$case"
    o=$(mixnet_bench_ours "$mode" "$batch" "$size")
    e=$(reference "$mode" "$batch" "$size")
    c=$(reference "$mode" "$batch" "$size" --channels_last)
    awk -v r="$round" -v m="$mode" -v b="$batch" -v s="$size" -v o="$o" -v e="$e" -v c="$c" 'BEGIN {
      best = e > c ? e : c
      printf "| %s | %s %dx%d | %.1f | %.1f | %.1f | %.2f | %.2f |\n", r, m, b, s, o, e, c, o / e, o / best }'
  done
done
