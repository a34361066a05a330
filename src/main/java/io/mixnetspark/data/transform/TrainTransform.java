package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * {@code TrainTransform} is the MixNet training augmentation (spec 3.1, MindCV's {@code
 * transforms_imagenet_train} order): RandomResizedCrop (bicubic), horizontal flip, a pixel-level
 * {@link ImageAugment} on 8-bit pixels (RandAugment, or colour jitter when a recipe has no {@code
 * auto_augment}), normalisation to CHW float, then random erasing on the tensor. All randomness
 * comes from the generator passed in, so a (seed, image) pair always gives the same tensor,
 * whichever thread runs it.
 */
public final class TrainTransform {

    /** The MixNet recipe's RandAugment policy (spec 3.1). */
    public static final String RECIPE_RAND_AUGMENT = "rand-m9-mstd0.5";

    /** The MixNet recipe's random erasing chance ({@code re_prob}, spec 3.1). */
    public static final double RECIPE_ERASING = 0.25;

    private final RandomResizedCrop crop;
    private final double flipProb;
    private final ImageAugment pixelAugment;
    private final RandomErasing erasing;
    private final Normalization normalization;

    /**
     * Creates the transform.
     *
     * @param crop the random resized crop
     * @param flipProb chance of a horizontal flip
     * @param pixelAugment RandAugment, colour jitter, or null for none
     * @param erasing random erasing, or null for none
     * @param normalization mean and std
     */
    public TrainTransform(RandomResizedCrop crop, double flipProb, ImageAugment pixelAugment, RandomErasing erasing,
            Normalization normalization) {
        if (flipProb < 0 || flipProb > 1) {
            throw new IllegalArgumentException("flip probability must be in [0, 1]: " + flipProb);
        }
        this.crop = crop;
        this.flipProb = flipProb;
        this.pixelAugment = pixelAugment;
        this.erasing = erasing;
        this.normalization = normalization;
    }

    /**
     * The MixNet-S/M recipe: crop scale 0.08..1, ratio 3/4..4/3, flip 0.5, {@code
     * rand-m9-mstd0.5}, erasing 0.25, ImageNet mean/std.
     *
     * @param size output side (224)
     * @return the transform
     */
    public static TrainTransform mixnet(int size) {
        return new TrainTransform(RandomResizedCrop.imagenet(size), 0.5, RandAugment.parse(RECIPE_RAND_AUGMENT),
                RandomErasing.recipe(RECIPE_ERASING), Normalization.IMAGENET);
    }

    /**
     * Returns the output side.
     *
     * @return pixels
     */
    public int size() {
        return crop.size();
    }

    /**
     * Augments one image into a network input.
     *
     * @param image the decoded image
     * @param rng the random source (use one per image or per thread, never shared between threads)
     * @return {@code 3 * size * size} floats, CHW
     */
    public float[] apply(RgbImage image, RandomGenerator rng) {
        RgbImage out = crop.apply(image, rng);
        if (rng.nextDouble() < flipProb) {
            out = AugmentOps.flipHorizontal(out);
        }
        if (pixelAugment != null) {
            out = pixelAugment.apply(out, rng);
        }
        float[] chw = normalization.toChw(out);
        if (erasing != null) {
            erasing.apply(chw, out.height(), out.width(), rng);
        }
        return chw;
    }

    /**
     * Augments one image with its own generator seeded by {@code seed} (for example a hash of the
     * epoch seed and the image's index), so results do not depend on thread scheduling.
     *
     * @param image the decoded image
     * @param seed the seed for this image
     * @return {@code 3 * size * size} floats, CHW
     */
    public float[] apply(RgbImage image, long seed) {
        return apply(image, new SplittableRandom(seed));
    }
}
