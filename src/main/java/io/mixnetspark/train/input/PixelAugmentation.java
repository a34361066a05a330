package io.mixnetspark.train.input;

import io.mixnetspark.data.transform.RandAugment;
import java.io.Serializable;

/**
 * {@code PixelAugmentation} is the pixel-level part of a fit's training augmentation, as set on the
 * classifier ({@code randAugment}, {@code colorJitter}, {@code erasingProbability}; recipe keys
 * {@code auto_augment}, {@code color_jitter}, {@code re_prob}), as {@link CropAndFlip} is the
 * geometric part. The {@code mixnet} {@link Augmentation} uses the RandAugment policy and the
 * erasing chance; the {@code light} one uses the colour jitter. Read through the fit's {@link
 * PreparationSettings}.
 *
 * @param randAugment timm/MindCV RandAugment policy, e.g. {@code rand-m9-mstd0.5}
 * @param colorJitter colour jitter strength, 0 for none
 * @param erasingProbability random erasing chance
 */
public record PixelAugmentation(String randAugment, double colorJitter, double erasingProbability)
        implements Serializable {

    /** Validates the values, naming the bad one. */
    public PixelAugmentation {
        try {
            RandAugment.parse(randAugment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("randAugment: " + e.getMessage(), e);
        }
        if (!(colorJitter >= 0 && Double.isFinite(colorJitter))) {
            throw new IllegalArgumentException("colorJitter must be >= 0, got " + colorJitter);
        }
        if (!(erasingProbability >= 0 && erasingProbability <= 1)) {
            throw new IllegalArgumentException("erasingProbability must be in [0, 1], got " + erasingProbability);
        }
    }
}
