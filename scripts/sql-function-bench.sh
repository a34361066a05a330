#!/usr/bin/env bash
# SQL labeling function against the labeling stage: `mixnet_topk(content)` in a Spark SQL query
# and MixNetClassificationModel.transform on the same in-memory photos, same local session, in
# interleaved rounds (src/test/java/io/mixnetspark/spark/sql/SqlFunctionBenchmark.java). Prints
# images/s of each per round, their ratio, and whether both gave the same top-k.
# Usage: scripts/sql-function-bench.sh [ROUNDS]   (DATA, WEIGHTS, BATCH may be overridden)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
DATA="${DATA:-$ROOT/../shared/datasets/imagenette2-224-subset/val}"
WEIGHTS="${WEIGHTS:-$ROOT/../shared/fixtures/mixnet_s-timm-random/model.safetensors}"
BATCH="${BATCH:-32}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"   # as ./mixnet sets it

cd "$ROOT"
# shellcheck source=scripts/malloc-preload.sh
source scripts/malloc-preload.sh
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
# the --add-opens flags Spark needs, as ./mixnet gives them
OPENS="$(grep -o -- '--add-opens=[^ ]*' mixnet | tr '\n' ' ')"
# shellcheck disable=SC2086
LD_PRELOAD="$(mixnet_malloc_preload)" java $OPENS -Xmx6g -Dai.djl.offline=true -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" io.mixnetspark.spark.sql.SqlFunctionBenchmark \
  "$DATA" "$WEIGHTS" "$ROUNDS" "$BATCH" 2>/dev/null
