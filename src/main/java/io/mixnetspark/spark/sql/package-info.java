/**
 * SQL functions that label images ({@code mixnet_topk}, {@code mixnet_label}, {@code
 * mixnet_error}), registered in a Spark session by {@link io.mixnetspark.spark.sql.MixNetSqlExtensions}
 * through {@code spark.sql.extensions} and run in batches on the executors by the labeling stage's
 * partition function.
 */
package io.mixnetspark.spark.sql;
