#!/usr/bin/env bash
# Convergence of MixNet-S from scratch on the shared Imagenette subset at 128 px (see docs/benchmarks-log.md,
# "Convergence"): ./mixnet train with conf/mixnet_s_imagenette_128.yaml, recorded in the metrics
# tables under RUN_ID, then the run's report in target/report-RUN_ID. Extra arguments are recipe
# overrides or train flags (e.g. --epoch_size 30 --decay_epochs 28); with --verbose the workers log
# every epoch as it ends.
# WORKERS=2 trains data-parallel on a local-cluster of WORKERS executor JVMs with one core each
# (batch 64 / WORKERS per worker, so the global batch and the steps per epoch stay the same).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUN_ID="${RUN_ID:-convergence-$(date +%Y%m%d-%H%M%S)}"
DATA="${DATA:-../shared/datasets/imagenette2-224-subset}"
WORKERS="${WORKERS:-1}"
[ -d "$DATA" ] && DATA="$(cd "$DATA" && pwd)"   # executors resolve paths from their own folders
FLAGS=()
if [ "$WORKERS" -gt 1 ]; then
  ./mixnet --version >/dev/null   # builds on first use
  HOME_DIR="$ROOT/target/local-cluster-spark-home"   # the layout Spark's launcher expects, no jars needed
  mkdir -p "$HOME_DIR/jars" "$HOME_DIR/launcher/target/scala-2.13"
  # executor JVMs inherit the environment: they get ./mixnet's --add-opens flags through JAVA_TOOL_OPTIONS
  JAVA_TOOL_OPTIONS="$(grep -o -- '--add-opens=[^ ]*' mixnet | tr '\n' ' ') -Dai.djl.offline=true -Djava.awt.headless=true"
  export JAVA_TOOL_OPTIONS
  export MIXNET_JAVA_OPTS="-Xmx3g -Dspark.master=local-cluster[$WORKERS,1,7168] -Dspark.testing=true
    -Dspark.test.home=$HOME_DIR -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1
    -Dspark.driver.bindAddress=127.0.0.1 -Dspark.executor.memory=6g
    -Dspark.executor.extraClassPath=$ROOT/target/classes:$(cat target/runtime-classpath.txt)
    -Dspark.executorEnv.OMP_WAIT_POLICY=PASSIVE -Dspark.executorEnv.OMP_NUM_THREADS=1
    -Dspark.sql.catalogImplementation=hive -Dspark.sql.warehouse.dir=$ROOT/spark-warehouse
    -Dspark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=$ROOT/metastore_db;create=true"
  FLAGS=(--distribute --num_workers "$WORKERS" --batch_size "$((64 / WORKERS))")
fi
./mixnet train --config conf/mixnet_s_imagenette_128.yaml --data_dir "$DATA" --run_id "$RUN_ID" "${FLAGS[@]}" "$@"
unset MIXNET_JAVA_OPTS JAVA_TOOL_OPTIONS
./mixnet report --run_id "$RUN_ID" --output "target/report-$RUN_ID"
