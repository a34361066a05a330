/**
 * Converting an ImageFolder split into shards with Spark: {@link
 * io.mixnetspark.spark.shard.ShardConverter} runs a {@link io.mixnetspark.spark.shard.ShardConversion}
 * (seeded deterministic order from {@link io.mixnetspark.spark.shard.ShardPlan}, one task per shard,
 * {@link io.mixnetspark.spark.shard.ShardManifest} at the end). The shard formats themselves live in
 * {@code io.mixnetspark.data.layout}.
 */
package io.mixnetspark.spark.shard;
