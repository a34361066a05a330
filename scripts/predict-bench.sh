#!/usr/bin/env bash
# Labeling throughput: `./mixnet predict` (JPEG files -> top-5 rows in the predictions table, on
# the embedded local Spark) against the network's own eval forward loop (`./mixnet bench forward`,
# a random batch already in a tensor) and against the PyTorch reference's forward at the same batch
# (scripts/torch_mixnet_bench.py, eager and channels-last; skipped when $PYTHON cannot import torch),
# in interleaved rounds, so the ratios are measured side by side.
# Usage: scripts/predict-bench.sh [ROUNDS]   (DATA, WEIGHTS, BATCH, PYTHON may be overridden)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
DATA="${DATA:-$ROOT/../shared/datasets/imagenette2-224-subset/val}"
WEIGHTS="${WEIGHTS:-$ROOT/../shared/fixtures/mixnet_s-timm-random/model.safetensors}"
BATCH="${BATCH:-32}"
PYTHON="${PYTHON:-/usr/bin/python3}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"   # the reference too, as ./mixnet sets it

reference() {   # [--channels_last]
  "$PYTHON" -c 'import torch' 2>/dev/null || return 0
  LD_PRELOAD="$PRELOAD" "$PYTHON" scripts/torch_mixnet_bench.py --mode forward --batch "$BATCH" --size 224 \
      --threads "$(nproc)" --warmup 2 --steps 5 "$@" | sed -n 's/.*: \([0-9.]*\) images\/s$/\1/p'
}

cd "$ROOT"
# The reference runs under the allocator ./mixnet preloads (tcmalloc where Debian's
# libtcmalloc-minimal4 is installed, unless MIXNET_MALLOC=glibc), as in reference-bench.sh.
# shellcheck source=scripts/malloc-preload.sh
source scripts/malloc-preload.sh
PRELOAD="$(mixnet_malloc_preload)"
echo "malloc: ${PRELOAD:-glibc} (every figure below)"
for round in $(seq 1 "$ROUNDS"); do
  forward=$(./mixnet bench forward --batch_size "$BATCH" --image_size 224 --warmup 3 --iterations 10 2>/dev/null \
    | sed -n 's/.*: \([0-9.]*\) images\/s$/\1/p')
  predict=$(./mixnet predict --data_dir "$DATA" --ckpt_path "$WEIGHTS" --batch_size "$BATCH" \
      --database mixnet_bench --run_id "bench-$round" 2>/dev/null \
    | sed -n 's/.*s, \([0-9.]*\) images\/s,.*/\1/p')
  eager=$(reference)
  channels_last=$(reference --channels_last)
  awk -v r="$round" -v f="$forward" -v p="$predict" -v e="$eager" -v c="$channels_last" 'BEGIN {
    printf "round %s: predict %.1f images/s, forward loop %.1f images/s, ratio %.2f", r, p, f, p / f
    if (e != "") {
      best = e > c ? e : c
      printf "; torch forward %.1f eager / %.1f channels-last, predict to best %.2f", e, c, p / best
    }
    printf "\n" }'
done
