/**
 * Collectives between the workers of a Spark barrier stage, directly over TCP and off the driver:
 * a deterministic, bandwidth-optimal ring allReduce of float gradients and an allGather of small
 * byte arrays. Pure Java (java.nio), no Spark: the caller brokers the addresses once.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.collective.RingListener}: opens a rank's listening port, then joins
 *       the ring once every rank's {@link io.mixnetspark.collective.PeerAddress} is known;
 *   <li>{@link io.mixnetspark.collective.RingCollective}: allReduce (in buckets if wanted) and
 *       allGather over the ring;
 *   <li>{@link io.mixnetspark.collective.CollectiveSettings}: bind host, {@link
 *       io.mixnetspark.collective.PortRange}, {@link io.mixnetspark.collective.NamedTimeout}s and
 *       the {@link io.mixnetspark.collective.WireFormat} (float32, or float16/bfloat16 compression);
 *   <li>{@link io.mixnetspark.collective.StageSecret}: the per-stage key that every connection
 *       proves in a mutual HMAC handshake before any data moves.
 * </ul>
 *
 * <p>In a barrier task: open a listener, publish its address through one {@code
 * BarrierTaskContext.allGather}, join with the secret the driver generated for the stage, and use
 * the collective for every step; close it when the task ends.
 */
package io.mixnetspark.collective;
