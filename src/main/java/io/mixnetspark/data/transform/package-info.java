/**
 * Pixels to network input: PIL-exact bicubic resampling ({@link
 * io.mixnetspark.data.transform.PilResize}), timm's eval preprocessing ({@link
 * io.mixnetspark.data.transform.EvalTransform}) and the MixNet training augmentation ({@link
 * io.mixnetspark.data.transform.TrainTransform}: RandomResizedCrop, horizontal flip, RandAugment,
 * random erasing) driven by an explicit {@link java.util.random.RandomGenerator}. Output tensors are
 * {@code float[]} in CHW order (channel, row, column), normalised with ImageNet mean and std.
 *
 * <p>Stateless and thread-safe; no global random state. Must not import Spark or DJL.
 */
package io.mixnetspark.data.transform;
