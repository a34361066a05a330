package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;
import java.util.random.RandomGenerator;

/**
 * {@code ImageAugment} is a random pixel-level change of an 8-bit image, applied by {@link
 * TrainTransform} after the crop and flip: {@link RandAugment} (the MixNet recipe) or {@link
 * ColorJitter} (MindCV's augmentation when a recipe has no {@code auto_augment}).
 */
@FunctionalInterface
public interface ImageAugment {

    /**
     * Augments one image.
     *
     * @param image 8-bit RGB
     * @param rng the random source
     * @return the augmented image (possibly {@code image} itself)
     */
    RgbImage apply(RgbImage image, RandomGenerator rng);
}
