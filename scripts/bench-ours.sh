# shellcheck shell=bash
# Sourced by the benchmarks that time this project against something else (reference-bench.sh,
# fast-paths-bench.sh). Run from the repository root after ./mixnet has built the class path, with
# $PRELOAD set from malloc-preload.sh. mixnet_bench_ours MODE BATCH SIZE prints this project's
# images/s: MODE forward is `./mixnet bench forward` (eval forward), train is TrainStepBenchmark
# (forward, loss, backward, SGD step); 2 warmup and 5 timed iterations, under the environment the
# caller sets (e.g. MIXNET_FAST_PATHS).
mixnet_bench_ours() {
  if [ "$1" = forward ]; then
    ./mixnet bench forward --batch_size "$2" --image_size "$3" --warmup 2 --iterations 5 2>/dev/null \
      | sed -n 's/.*: \([0-9.]*\) images\/s$/\1/p'
  else
    env LD_PRELOAD="$PRELOAD" java -Xmx6g -Dai.djl.offline=true -cp "target/classes:$(cat target/runtime-classpath.txt)" \
        io.mixnetspark.train.bench.TrainStepBenchmark --shape "$2x$3" --warmup 2 --steps 5 2>/dev/null \
      | awk -F'|' '/^\| mixnet_s/ { gsub(/ /, "", $(NF-1)); print $(NF-1) }'
  fi
}
