/**
 * Accuracy of a labeling stage's output, computed on the executors with Spark SQL: {@link
 * io.mixnetspark.spark.eval.ScoredRows} turns each labelled row into the rank of its true class,
 * its cross-entropy and its top-1 class; {@link io.mixnetspark.spark.eval.Evaluation} aggregates
 * those into top-1/top-5/loss, per-class figures and confusion counts. Used by the {@code
 * MixNetEvaluator}, {@code mixnet validate} and the training run record.
 */
package io.mixnetspark.spark.eval;
