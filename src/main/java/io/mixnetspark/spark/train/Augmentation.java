package io.mixnetspark.spark.train;

import io.mixnetspark.data.transform.EvalTransform;
import io.mixnetspark.data.transform.Normalization;
import io.mixnetspark.data.transform.RandomResizedCrop;
import io.mixnetspark.data.transform.TrainTransform;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code Augmentation} names the training-time preprocessing a fit can use:
 *
 * <ul>
 *   <li>{@link #MIXNET}: the recipe's augmentation ({@link TrainTransform#mixnet}: RandomResizedCrop
 *       0.08-1 bicubic, flip, RandAugment {@code rand-m9-mstd0.5}, random erasing 0.25);
 *   <li>{@link #LIGHT}: RandomResizedCrop and flip only;
 *   <li>{@link #NONE}: the eval preprocessing (resize, centre crop), for debugging and tiny data.
 * </ul>
 */
public enum Augmentation {
    /** The MixNet recipe's augmentation. */
    MIXNET,
    /** RandomResizedCrop and horizontal flip. */
    LIGHT,
    /** No augmentation: the eval transform. */
    NONE;

    /**
     * Parses a name, case-insensitively.
     *
     * @param name {@code mixnet}, {@code light} or {@code none}
     * @return the value
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Augmentation parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("augmentation must be one of " + names() + ", got " + name, e);
        }
    }

    /**
     * Returns the allowed names.
     *
     * @return lower-case names
     */
    public static String[] names() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * Returns the per-image preparation for training images.
     *
     * @param imageSize output side
     * @param evalCropPct the eval crop fraction, used by {@link #NONE}
     * @return encoded bytes and a seed to a CHW tensor
     */
    ImagePreparer trainPreparer(int imageSize, double evalCropPct) {
        return switch (this) {
            case MIXNET -> ImagePreparer.training(TrainTransform.mixnet(imageSize));
            case LIGHT -> ImagePreparer.training(new TrainTransform(
                    RandomResizedCrop.imagenet(imageSize), 0.5, null, null, Normalization.IMAGENET));
            case NONE -> ImagePreparer.evaluation(EvalTransform.timm(imageSize, evalCropPct));
        };
    }
}
