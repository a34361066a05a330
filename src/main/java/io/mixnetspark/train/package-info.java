/**
 * Training MixNet on one worker: the {@link io.mixnetspark.train.TrainingRecipe}, the per-step
 * {@link io.mixnetspark.train.LearningRateSchedule}, the SGD optimizer, the label-smoothing loss,
 * weight EMA, checkpoints and the epoch loop.
 *
 * <p>Imports DJL, {@code io.mixnetspark.model} and {@code io.mixnetspark.metrics}, never Spark.
 * Distributed training plugs in through {@link io.mixnetspark.train.GradientSync}, which a Spark
 * barrier stage implements.
 */
package io.mixnetspark.train;
