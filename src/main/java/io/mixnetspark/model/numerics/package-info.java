/**
 * Right numbers on every CPU: before a JVM first computes MixNet, {@link
 * io.mixnetspark.model.numerics.Numerics} checks each fast path of the blocks ({@link
 * io.mixnetspark.model.blocks.FastPath}) against a float64 reference on small seeded probes of the
 * real network and keeps only those that agree, because some CPUs' oneDNN kernels compute some
 * convolutions wrongly ({@code docs/numerics.md}).
 *
 * <p>Depends on the blocks and the architecture tables; knows nothing of Spark.
 */
package io.mixnetspark.model.numerics;
