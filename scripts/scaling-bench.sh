#!/usr/bin/env bash
# Gradient exchange per training step against the worker count (BENCHMARKS.md, "Scaling"):
#  1. AllReduceBenchmark: the ring allReduce of MixNet-S's full gradient (4,134,606 float32 values,
#     16.5 MB) between N one-processor JVMs on loopback, next to the ring lower bound
#     2(N-1)/N x 16.5 MB / the loopback bandwidth it measures in the same run;
#  2. ExchangeScalingBenchmark: the exchange as a fit sees it (EpochRecord.syncMillis: flatten,
#     exchange, scatter back), MixNet-S with 1000 classes at batch 2 / 32 px on a loopback
#     local-cluster of N one-core executor JVMs, and the bytes sent through the driver per epoch.
# Usage: scripts/scaling-bench.sh [workers 2,4,8] [steps per worker 8] [epochs 2]
# MIXNET_SHARED: the shared data folder (default ../shared). SKIP_RING=1 runs only step 2, e.g. in
# a tree without io.mixnetspark.collective, to measure the exchange through the driver (copy this
# script and src/test/java/io/mixnetspark/spark/ml/ExchangeScalingBenchmark.java there).
# Absolute class path: the executor JVMs of the local-cluster take it as spark.executor.extraClassPath.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORKERS="${1:-2,4,8}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" SPARK_LOCAL_IP=127.0.0.1
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="$PWD/target/classes:$PWD/target/test-classes:$(cat target/bench.classpath)"
OPENS=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)
if [[ "${SKIP_RING:-0}" != 1 ]]; then
  java -Xmx2g -cp "$CP" io.mixnetspark.collective.bench.AllReduceBenchmark --ranks "$WORKERS"
fi
# shellcheck disable=SC2086
java -Xmx6g $OPENS -Dai.djl.offline=true -Djava.awt.headless=true -Dmixnet.shared.dir="${MIXNET_SHARED:-$PWD/../shared}" \
  -cp "$CP" io.mixnetspark.spark.ml.ExchangeScalingBenchmark "$WORKERS" "${2:-8}" "${3:-2}" 2>target/scaling-bench.log \
  | grep -E '^(EXCHANGE|workers=)'
