/**
 * Measuring the collective: {@link io.mixnetspark.collective.bench.AllReduceBenchmark} times the
 * ring allReduce of a full MixNet-S gradient against the loopback lower bound.
 */
package io.mixnetspark.collective.bench;
