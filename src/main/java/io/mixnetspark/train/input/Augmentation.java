package io.mixnetspark.train.input;

import io.mixnetspark.data.transform.ColorJitter;
import io.mixnetspark.data.transform.EvalTransform;
import io.mixnetspark.data.transform.Normalization;
import io.mixnetspark.data.transform.RandAugment;
import io.mixnetspark.data.transform.RandomErasing;
import io.mixnetspark.data.transform.TrainTransform;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code Augmentation} names the training-time preprocessing a fit can use:
 *
 * <ul>
 *   <li>{@link #MIXNET}: the recipe's augmentation (as {@link TrainTransform#mixnet}: RandomResizedCrop
 *       bicubic, flip, RandAugment (by default {@code rand-m9-mstd0.5}), random erasing);
 *   <li>{@link #LIGHT}: RandomResizedCrop, flip and colour jitter (none unless {@code colorJitter} is
 *       set);
 *   <li>{@link #NONE}: the eval preprocessing (resize, centre crop), for debugging and tiny data.
 * </ul>
 *
 * <p>The crop's ranges and the flip chance ({@link CropAndFlip}), the RandAugment policy, colour
 * jitter and erasing chance ({@link PixelAugmentation}) come from the fit's {@link
 * PreparationSettings}; the recipe's values are the defaults.
 */
public enum Augmentation {
    /** The MixNet recipe's augmentation. */
    MIXNET,
    /** RandomResizedCrop, horizontal flip and colour jitter. */
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
     * @param settings the fit's settings: image size, eval crop fraction (used by {@link #NONE}),
     *     crop and flip, RandAugment policy and erasing chance (used by {@link #MIXNET}), colour
     *     jitter (used by {@link #LIGHT})
     * @return encoded bytes and a seed to a CHW tensor
     */
    public ImagePreparer trainPreparer(PreparationSettings settings) {
        int size = settings.imageSize();
        CropAndFlip geometry = settings.cropAndFlip();
        PixelAugmentation pixels = settings.pixels();
        return switch (this) {
            case MIXNET -> ImagePreparer.training(new TrainTransform(geometry.crop(size), geometry.flipProbability(),
                    RandAugment.parse(pixels.randAugment()), RandomErasing.recipe(pixels.erasingProbability()),
                    Normalization.IMAGENET));
            case LIGHT -> ImagePreparer.training(new TrainTransform(geometry.crop(size), geometry.flipProbability(),
                    pixels.colorJitter() > 0 ? new ColorJitter(pixels.colorJitter()) : null, null, Normalization.IMAGENET));
            case NONE -> ImagePreparer.evaluation(EvalTransform.timm(size, settings.evalCropPct()));
        };
    }
}
