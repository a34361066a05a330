/**
 * The training input: how a worker turns its share of the data into the images it trains on.
 *
 * <ul>
 *   <li>{@link io.mixnetspark.train.input.Augmentation}: the named training preprocessing ({@code
 *       mixnet}, {@code light}, {@code none}), built from a fit's {@link
 *       io.mixnetspark.train.input.PreparationSettings}: its {@link
 *       io.mixnetspark.train.input.CropAndFlip} (geometry) and {@link
 *       io.mixnetspark.train.input.PixelAugmentation} (RandAugment, colour jitter, erasing);
 *   <li>{@link io.mixnetspark.train.input.ImagePreparer}: one encoded image to the network's CHW
 *       floats (decode, then the train or eval transform).
 * </ul>
 *
 * <p>Imports {@code io.mixnetspark.data} (decoding and transforms); never Spark, Hadoop, DJL or
 * the model. Whoever runs the training (the Spark barrier tasks in {@code
 * io.mixnetspark.spark.train}) supplies the settings.
 */
package io.mixnetspark.train.input;
