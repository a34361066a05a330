#!/usr/bin/env bash
# Convergence of MixNet-S from scratch on the shared Imagenette subset at 128 px (see BENCHMARKS.md,
# "Convergence"): ./mixnet train with conf/mixnet_s_imagenette_128.yaml, recorded in the metrics
# tables under RUN_ID. Extra arguments are recipe overrides or train flags (e.g. --epoch_size 30
# --decay_epochs 28). With --verbose the worker logs every epoch as it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUN_ID="${RUN_ID:-convergence-$(date +%Y%m%d-%H%M%S)}"
DATA="${DATA:-../shared/datasets/imagenette2-224-subset}"
./mixnet train --config conf/mixnet_s_imagenette_128.yaml --data_dir "$DATA" --run_id "$RUN_ID" "$@"
./mixnet report --run_id "$RUN_ID" --output "target/report-$RUN_ID"
