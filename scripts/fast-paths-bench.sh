#!/usr/bin/env bash
# Speed of each candidate set of fast paths on this CPU (docs/benchmarks-log.md, "Numerics: the paths the
# self-check picks"): the eval forward (`./mixnet bench forward`) and the training step
# (TrainStepBenchmark) under each set the numerics self-check can choose, forced with
# MIXNET_FAST_PATHS, in ROUNDS interleaved rounds. Sets the self-check rejects on this CPU are
# timed too (their numbers are wrong there; only their speed is shown) and marked.
# Usage: scripts/fast-paths-bench.sh [ROUNDS]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
cd "$ROOT"
./mixnet --version >/dev/null   # builds on first use
# shellcheck source=scripts/malloc-preload.sh
source scripts/malloc-preload.sh
PRELOAD="$(mixnet_malloc_preload)"
# shellcheck source=scripts/bench-ours.sh
source scripts/bench-ours.sh

echo "malloc: ${PRELOAD:-glibc}; the self-check here: $(./mixnet info 2>/dev/null | sed -n 's/^numerics *//p')"
EVAL_SETS=(
  "channels_last,fused_activation,block_diagonal_1x1,padded_depthwise,grouped_1x1"
  "channels_last,fused_activation,block_diagonal_1x1,padded_depthwise,grouped_1x1,pointwise_matmul"
  "channels_last,block_diagonal_1x1,padded_depthwise,grouped_1x1,pointwise_matmul"
  "fused_activation,block_diagonal_1x1,padded_depthwise,grouped_1x1"
  "block_diagonal_1x1,padded_depthwise,grouped_1x1"
  "none")
TRAIN_SETS=("grouped_1x1" "none" "grouped_1x1,channels_last_training,pointwise_matmul" "grouped_1x1,channels_last_training")

echo "| round | case | fast paths (forced) | images/s |"
echo "|---:|---|---|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for batch in 16 64; do
    for paths in "${EVAL_SETS[@]}"; do
      rate=$(MIXNET_FAST_PATHS="$paths" mixnet_bench_ours forward "$batch" 224)
      echo "| $round | forward ${batch}x224 | $paths | $rate |"
    done
  done
  for shape in "32 224" "64 128"; do
    read -r batch size <<< "$shape"
    for paths in "${TRAIN_SETS[@]}"; do
      rate=$(MIXNET_FAST_PATHS="$paths" mixnet_bench_ours train "$batch" "$size")
      echo "| $round | train ${batch}x${size} | $paths | $rate |"
    done
  done
done
