#!/usr/bin/env bash
# Training step speed of one worker on the CPU (see BENCHMARKS.md): images/s at batch 32 / 224 px
# and 64 / 128 px by default. Extra arguments go to TrainStepBenchmark
# (e.g. --model mixnet_m --shape 16x224 --warmup 3 --steps 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"   # as ./mixnet: OpenMP threads sleep, not spin
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -Xmx6g -Dai.djl.offline=true -cp "target/classes:$(cat target/bench.classpath)" \
  io.mixnetspark.train.bench.TrainStepBenchmark "$@"
