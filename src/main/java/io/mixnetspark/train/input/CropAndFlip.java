package io.mixnetspark.train.input;

import io.mixnetspark.data.transform.RandomResizedCrop;
import java.io.Serializable;

/**
 * {@code CropAndFlip} is the geometric part of a fit's training augmentation, as set on the
 * classifier ({@code cropScale}, {@code cropRatio}, {@code flipProbability}; recipe keys {@code
 * scale}, {@code ratio}, {@code hflip}): the RandomResizedCrop's area and aspect ranges and the
 * chance of a horizontal flip. Read through the fit's {@link PreparationSettings}.
 *
 * @param minScale smallest crop area as a fraction of the image
 * @param maxScale largest crop area fraction
 * @param minRatio smallest aspect ratio (width / height)
 * @param maxRatio largest aspect ratio
 * @param flipProbability chance of a horizontal flip
 */
public record CropAndFlip(double minScale, double maxScale, double minRatio, double maxRatio, double flipProbability)
        implements Serializable {

    /** The MixNet recipe's values (spec 3.1): area 0.08-1, aspect 3/4-4/3, flip 0.5. */
    public static final CropAndFlip RECIPE = new CropAndFlip(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, 0.5);

    /** Validates the ranges, naming the bad one. */
    public CropAndFlip {
        if (!(minScale > 0) || minScale > maxScale || maxScale > 1) {
            throw new IllegalArgumentException("crop scale must satisfy 0 < min <= max <= 1, got [" + minScale + ", "
                    + maxScale + "]");
        }
        if (!(minRatio > 0) || minRatio > maxRatio) {
            throw new IllegalArgumentException("crop ratio must satisfy 0 < min <= max, got [" + minRatio + ", "
                    + maxRatio + "]");
        }
        if (!(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + flipProbability);
        }
    }

    /**
     * Returns the crop for an output size.
     *
     * @param size output side in pixels
     * @return the random resized crop
     */
    public RandomResizedCrop crop(int size) {
        return new RandomResizedCrop(size, minScale, maxScale, minRatio, maxRatio);
    }
}
