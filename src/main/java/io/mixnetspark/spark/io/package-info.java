/**
 * Spark-side file handling: the one bridge to Spark ML's internal persistence helpers ({@link
 * io.mixnetspark.spark.io.SparkMlPersistence}) and small helpers for files on any Hadoop file
 * system ({@link io.mixnetspark.spark.io.HadoopFiles}), and the session's Hadoop configuration
 * ({@link io.mixnetspark.spark.io.HadoopConf}).
 */
package io.mixnetspark.spark.io;
