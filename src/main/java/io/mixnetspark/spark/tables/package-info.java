/**
 * The metrics tables every train, validate and predict run writes through the session's catalog
 * ({@link io.mixnetspark.spark.tables.MetricsTables}: runs, epoch metrics, class metrics,
 * confusion counts), their rows ({@link io.mixnetspark.spark.tables.RunRecord}, {@link
 * io.mixnetspark.spark.tables.EpochRow}), and the idempotent partition overwrite they share with
 * the predictions table ({@link io.mixnetspark.spark.tables.PartitionOverwrite}).
 */
package io.mixnetspark.spark.tables;
