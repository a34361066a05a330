/** Speed measurements of the network alone (no Spark, no decoding), for BENCHMARKS.md. */
package io.mixnetspark.model.bench;
