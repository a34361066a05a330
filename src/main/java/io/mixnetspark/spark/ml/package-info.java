/**
 * The Spark ML stages: {@link io.mixnetspark.spark.ml.MixNetClassificationModel} (a {@code
 * Model}/Transformer that labels images on the executors) with its params, persistence and
 * schema, and {@link io.mixnetspark.spark.ml.MixNetClassifier} (the {@code Estimator} that trains
 * it across executors, through {@code io.mixnetspark.spark.train}). Everything that touches Spark lives under {@code io.mixnetspark.spark}; the network and
 * the decoders below it know nothing of Spark.
 */
package io.mixnetspark.spark.ml;
