#!/usr/bin/env bash
# Labeling throughput: `./mixnet predict` (JPEG files -> top-5 rows in the predictions table, on
# the embedded local Spark) against the network's own eval forward loop (`./mixnet bench forward`,
# a random batch already in a tensor), in interleaved rounds, so the ratio is measured side by side.
# Usage: scripts/predict-bench.sh [ROUNDS]   (DATA and WEIGHTS may be overridden from the environment)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
DATA="${DATA:-$ROOT/../shared/datasets/imagenette2-224-subset/val}"
WEIGHTS="${WEIGHTS:-$ROOT/../shared/fixtures/mixnet_s-timm-random/model.safetensors}"
BATCH="${BATCH:-32}"

cd "$ROOT"
for round in $(seq 1 "$ROUNDS"); do
  forward=$(./mixnet bench forward --batch_size "$BATCH" --image_size 224 --warmup 3 --iterations 10 2>/dev/null \
    | sed -n 's/.*: \([0-9.]*\) images\/s$/\1/p')
  predict=$(./mixnet predict --data_dir "$DATA" --ckpt_path "$WEIGHTS" --batch_size "$BATCH" \
      --database mixnet_bench --run_id "bench-$round" 2>/dev/null \
    | sed -n 's/.*s, \([0-9.]*\) images\/s,.*/\1/p')
  awk -v r="$round" -v f="$forward" -v p="$predict" \
    'BEGIN { printf "round %s: predict %.1f images/s, forward loop %.1f images/s, ratio %.2f\n", r, p, f, p / f }'
done
