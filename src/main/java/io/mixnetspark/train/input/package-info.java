/**
 * The training input: how a worker turns its share of the data into the {@link
 * io.mixnetspark.train.Batch}es it trains and validates on.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.train.input.Shard}: the worker's samples (encoded image and label, by
 *       index), which the runner implements over whatever holds the data;
 *   <li>{@link io.mixnetspark.train.input.ShardBatches}: one pass over a shard as batches,
 *       shuffled by the epoch's seed for training or in order for evaluation, with the next batch
 *       prepared on a thread pool while the current one trains;
 *   <li>{@link io.mixnetspark.train.input.ImagePreparer}: one encoded image to the network's CHW
 *       floats (decode, then the train or eval transform);
 *   <li>{@link io.mixnetspark.train.input.Augmentation}: the named training preprocessing ({@code
 *       mixnet}, {@code light}, {@code none}), built from a fit's {@link
 *       io.mixnetspark.train.input.PreparationSettings}: its {@link
 *       io.mixnetspark.train.input.CropAndFlip} (geometry) and {@link
 *       io.mixnetspark.train.input.PixelAugmentation} (RandAugment, colour jitter, erasing).
 * </ul>
 *
 * <p>Imports {@code io.mixnetspark.data} (decoding and transforms), {@code
 * io.mixnetspark.concurrent} and {@code io.mixnetspark.train} ({@code Batch}); never Spark, Hadoop,
 * DJL or the model, and {@code io.mixnetspark.train} does not import it. Whoever runs the training
 * (the Spark barrier tasks in {@code io.mixnetspark.spark.train}) supplies the shards and the
 * settings.
 */
package io.mixnetspark.train.input;
