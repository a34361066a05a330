/**
 * Everything that imports Spark: the image data source ({@code .source}), shard conversion ({@code
 * .shard}), what runs in tasks ({@code .exec}) and the ML stages ({@code .ml}); here, the session
 * for command-line tools ({@link io.mixnetspark.spark.LocalSpark}) and the session's Hadoop
 * configuration ({@link io.mixnetspark.spark.HadoopConf}).
 */
package io.mixnetspark.spark;
