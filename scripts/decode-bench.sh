#!/usr/bin/env bash
# Decode + eval preprocessing benchmark, Java against PIL in one run (see BENCHMARKS.md).
# Needs Debian's python3-pil and python3-numpy (apt-get install python3-pil python3-numpy) and
# ../shared beside the repository. Extra arguments go to DecodeBenchmark (e.g. --rounds 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=/usr/bin/python3
SHARED=${MIXNET_SHARED_DIR:-../shared}
PHOTOS="$SHARED/datasets/imagenette2-224-subset/val"

mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
"$PYTHON" scripts/make_bench_jpegs.py "$PHOTOS" target/decode-bench 100
java -Xmx2g -cp "target/classes:$(cat target/bench.classpath)" io.mixnetspark.data.bench.DecodeBenchmark \
  --set "shared 224x224 photos=$PHOTOS" \
  --set "ImageNet-sized 500x375=target/decode-bench/500x375" \
  --set "large 1600x1200=target/decode-bench/1600x1200" \
  --limit 500 --pil "$PYTHON" --pil-script scripts/pil_decode_bench.py "$@"
