/**
 * The decode + eval preprocessing benchmark ({@link io.mixnetspark.data.bench.DecodeBenchmark}):
 * images per second per core for this project's decoder against PIL on the same machine, in one
 * run. Run it through {@code scripts/decode-bench.sh}; results are kept in {@code BENCHMARKS.md}.
 * Must not import Spark or DJL.
 */
package io.mixnetspark.data.bench;
