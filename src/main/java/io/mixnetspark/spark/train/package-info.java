/**
 * Training MixNet inside Spark: data-parallel workers in barrier execution mode.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.spark.train.DistributedFit}: the driver side (slot check, shards,
 *       the barrier job, agreement of the results);
 *   <li>{@code TrainingWorker}: one worker per barrier task, driving {@code
 *       io.mixnetspark.train.EpochTrainer} over its in-memory shard;
 *   <li>{@link io.mixnetspark.spark.train.BarrierGradientSync}: synchronous gradient averaging
 *       over {@code BarrierTaskContext.allGather};
 *   <li>{@link io.mixnetspark.spark.train.RunCheckpoints} and {@link
 *       io.mixnetspark.spark.train.HadoopCheckpointFiles}: per-epoch checkpoints on any Hadoop
 *       file system, and resuming from them when Spark retries the stage;
 *   <li>{@link io.mixnetspark.spark.train.StartWeights}: identical starting weights (fresh or
 *       pretrained with a new head), made on the driver.
 * </ul>
 *
 * <p>Imports Spark, {@code io.mixnetspark.train}, {@code model}, {@code data} and {@code
 * spark.exec}; nothing here is used by the labeling path.
 */
package io.mixnetspark.spark.train;
