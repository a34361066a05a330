/**
 * Everything that imports Spark: the image data source ({@code .source}), shard conversion ({@code
 * .shard}), what runs in tasks ({@code .exec}), the ML stages ({@code .ml}), the SQL labeling
 * functions ({@code .sql}) and Hadoop files ({@code .io}); here, the session for command-line tools
 * ({@link io.mixnetspark.spark.LocalSpark}), with the SQL functions registered.
 */
package io.mixnetspark.spark;
