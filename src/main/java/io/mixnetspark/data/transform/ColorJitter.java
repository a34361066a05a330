package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;
import java.util.random.RandomGenerator;

/**
 * {@code ColorJitter} is torchvision's {@code ColorJitter(brightness=s, contrast=s, saturation=s)},
 * which MindCV's {@code transforms_imagenet_train} applies (as {@code RandomColorAdjust}) when a
 * recipe sets no {@code auto_augment} ({@code color_jitter}, default 0.4). Each of brightness,
 * contrast and saturation gets a factor drawn uniformly from {@code [max(0, 1 - s), 1 + s]}, and the
 * three are applied in a random order as PIL's {@code ImageEnhance.Brightness}, {@code Contrast} and
 * {@code Color}. Hue is not jittered (MindCV passes none).
 *
 * @param strength the jitter strength {@code s} (&gt; 0)
 */
public record ColorJitter(double strength) implements ImageAugment {

    /** Checks the strength. */
    public ColorJitter {
        if (!(strength > 0 && Double.isFinite(strength))) {
            throw new IllegalArgumentException("color jitter strength must be > 0, got " + strength);
        }
    }

    @Override
    public RgbImage apply(RgbImage image, RandomGenerator rng) {
        int[] order = {0, 1, 2};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        double low = Math.max(0, 1 - strength);
        double[] factors = {rng.nextDouble(low, 1 + strength), rng.nextDouble(low, 1 + strength),
            rng.nextDouble(low, 1 + strength)};
        RgbImage out = image;
        for (int op : order) {
            out = switch (op) {
                case 0 -> AugmentOps.brightness(out, factors[0]);
                case 1 -> AugmentOps.contrast(out, factors[1]);
                default -> AugmentOps.color(out, factors[2]);
            };
        }
        return out;
    }
}
