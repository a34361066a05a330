/**
 * Classification metrics as small mergeable accumulators: {@link
 * io.mixnetspark.metrics.TopKAccumulator} counts top-1/top-5 hits, loss, per-class support and a
 * sparse confusion map, and merges with another accumulator, so each partition or worker can count
 * its own share and the driver adds them up.
 *
 * <p>Plain Java: nothing here imports DJL or Spark. Every type is {@link java.io.Serializable} so
 * Spark can ship partial results.
 */
package io.mixnetspark.metrics;
