/**
 * Training MixNet inside Spark: data-parallel workers in barrier execution mode, the thin adapter
 * between Spark and the Spark-free training code.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.spark.train.DistributedFit}: the driver side (slot check, shards,
 *       the barrier job, agreement of the results);
 *   <li>{@code TrainingWorker}: one worker per barrier task, driving {@code
 *       io.mixnetspark.train.EpochTrainer} over the batches {@code
 *       io.mixnetspark.train.input.ShardBatches} serves from its in-memory partition ({@code
 *       ShardImages}, a {@code io.mixnetspark.train.input.Shard});
 *   <li>{@link io.mixnetspark.spark.train.WorkerSettings}: what the driver ships to every worker,
 *       including the {@code io.mixnetspark.train.input.PreparationSettings} of its images;
 *   <li>{@link io.mixnetspark.spark.train.BarrierGradientSync}: synchronous gradient averaging
 *       over the workers' ring ({@code io.mixnetspark.collective}), off the driver;
 *   <li>{@link io.mixnetspark.spark.train.RunCheckpoints} and {@link
 *       io.mixnetspark.spark.train.HadoopCheckpointFiles}: per-epoch checkpoints on any Hadoop
 *       file system, pruned by a {@code io.mixnetspark.train.CheckpointRetention}, and resuming
 *       from them when Spark retries the stage;
 *   <li>{@link io.mixnetspark.spark.train.StartWeights}: identical starting weights (fresh or
 *       pretrained with a new head), made on the driver.
 * </ul>
 *
 * <p>Imports Spark, Hadoop, {@code io.mixnetspark.train} and {@code train.input}, {@code
 * collective}, {@code model}, {@code metrics} and {@code spark.exec}; nothing here is used by the
 * labeling path.
 */
package io.mixnetspark.spark.train;
