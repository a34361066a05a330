/**
 * Training MixNet on one worker, with the hook that makes it data-parallel.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.train.TrainingRecipe}: the hyper-parameters, with MindCV's {@code
 *       mixnet_s} recipe as {@link io.mixnetspark.train.TrainingRecipe#mindcvMixnetS()};
 *   <li>{@link io.mixnetspark.train.LearningRateSchedule}: per-step linear warmup and cosine decay;
 *   <li>{@link io.mixnetspark.train.MomentumSgd}: SGD with momentum, Nesterov and filtered weight
 *       decay, PyTorch semantics, state by timm key;
 *   <li>{@link io.mixnetspark.train.LabelSmoothingCrossEntropy}: the loss, as a DJL {@code Loss};
 *   <li>{@link io.mixnetspark.train.WeightsEma}: the moving average of weights and BN statistics;
 *   <li>{@link io.mixnetspark.train.EpochTrainer}: the epoch loop over {@link
 *       io.mixnetspark.train.Batch}es, returning {@link io.mixnetspark.train.EpochStats}; {@link
 *       io.mixnetspark.train.ModelEvaluator} scores a network into a mergeable {@code
 *       io.mixnetspark.metrics.TopKAccumulator};
 *   <li>{@link io.mixnetspark.train.GradientSync}: called between backward and update (and with the
 *       BN statistics at each epoch end), which a distributed runner implements;
 *   <li>{@link io.mixnetspark.train.TrainingCheckpoint}: save and resume through {@link
 *       io.mixnetspark.train.CheckpointFiles} (a local folder, or streams on any file system);
 *       {@link io.mixnetspark.train.CheckpointRetention}: when a fit checkpoints and which
 *       checkpoints it keeps;
 *   <li>{@link io.mixnetspark.train.EpochRecord}: one line of a data-parallel fit's history, merged
 *       from every worker's {@link io.mixnetspark.train.EpochStats} and validation counts.
 * </ul>
 *
 * <p>Imports DJL, {@code io.mixnetspark.model} and {@code io.mixnetspark.metrics}, never Spark.
 */
package io.mixnetspark.train;
