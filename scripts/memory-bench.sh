#!/usr/bin/env bash
# Memory over a long labeling run (docs/benchmarks-log.md, issue 10): `./mixnet predict` on a lake of COPIES
# copies of the shared Imagenette validation photos (hard links into target/, so no disk is used;
# symbolic links across file systems), default 100 x 1,000 = 100,000 images, at IMAGE_SIZE pixels.
# Every INTERVAL seconds it samples the labeling JVM's resident set (VmRSS: heap, native tensors,
# PyTorch's and glibc's allocators), its peak so far (VmHWM) and the Java heap in use (jstat: all
# generations, and the old generation alone, which holds what survives collections) and the heap
# the JVM has committed (RSS minus it is roughly the native side: tensors, allocators, code) into
# target/memory-bench-COPIES.csv, then prints ten evenly spaced samples and predict's summary line.
# Usage: scripts/memory-bench.sh   (COPIES, IMAGE_SIZE, BATCH, INTERVAL, WEIGHTS may be overridden)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COPIES="${COPIES:-100}"
IMAGE_SIZE="${IMAGE_SIZE:-64}"
BATCH="${BATCH:-32}"
INTERVAL="${INTERVAL:-10}"
SOURCE="$ROOT/../shared/datasets/imagenette2-224-subset/val"
WEIGHTS="${WEIGHTS:-$ROOT/../shared/fixtures/mixnet_s-timm-random/model.safetensors}"
LAKE="$ROOT/target/memory-lake-$COPIES"
CSV="$ROOT/target/memory-bench-$COPIES.csv"
cd "$ROOT"
[ -d "$SOURCE" ] || { echo "no $SOURCE: the shared datasets must sit beside the project" >&2; exit 1; }

if [ ! -d "$LAKE" ]; then
  rm -rf "$LAKE.partial" && mkdir -p "$LAKE.partial"
  for i in $(seq -w 1 "$COPIES"); do
    cp -al "$SOURCE" "$LAKE.partial/copy-$i" 2>/dev/null || cp -as "$SOURCE" "$LAKE.partial/copy-$i"
  done
  mv "$LAKE.partial" "$LAKE"
fi

./mixnet --version >/dev/null   # builds first, so the process sampled below is the labeling JVM
./mixnet predict --data_dir "$LAKE" --ckpt_path "$WEIGHTS" --batch_size "$BATCH" --image_size "$IMAGE_SIZE" \
    --database mixnet_memory --run_id "memory-$COPIES" > "target/memory-bench-$COPIES.out" 2> "target/memory-bench-$COPIES.err" &
PID=$!
echo "seconds,rss_mib,peak_rss_mib,heap_used_mib,old_gen_used_mib,heap_committed_mib" > "$CSV"
START=$(date +%s)
while kill -0 "$PID" 2>/dev/null; do
  status="$(cat "/proc/$PID/status" 2>/dev/null || true)"
  rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' <<< "$status")
  peak=$(awk '/^VmHWM/ {print int($2 / 1024)}' <<< "$status")
  heap=$(jstat -gc "$PID" 2>/dev/null | awk 'NR == 2 {print int(($3 + $4 + $6 + $8) / 1024) "," int($8 / 1024) "," int(($1 + $2 + $5 + $7) / 1024)}' || true)
  [ -n "$rss" ] && [ -n "$heap" ] && echo "$(( $(date +%s) - START )),$rss,$peak,$heap" >> "$CSV"
  sleep "$INTERVAL"
done
wait "$PID" || { cat "target/memory-bench-$COPIES.err" >&2; exit 1; }

echo "samples (of $(( $(wc -l < "$CSV") - 1 )), every ${INTERVAL} s) in $CSV:"
awk -F, 'NR == 1 {print; next} {row[NR - 1] = $0} END {n = NR - 1; for (i = 1; i <= 10; i++) print row[int(i * n / 10)]}' "$CSV"
cat "target/memory-bench-$COPIES.out"
