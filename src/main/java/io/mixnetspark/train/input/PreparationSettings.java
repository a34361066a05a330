package io.mixnetspark.train.input;

/**
 * {@code PreparationSettings} is what preparing a fit's images needs of its settings: the network's
 * input size, the training augmentation's geometric and pixel parts, and the validation crop. The
 * runner's settings (in Spark, the settings shipped to each barrier worker) implement it, and
 * {@link Augmentation#trainPreparer} reads it.
 */
public interface PreparationSettings {

    /**
     * Returns the network's input side.
     *
     * @return pixels per side of the prepared square image
     */
    int imageSize();

    /**
     * Returns the training crop's ranges and the flip chance.
     *
     * @return the geometric augmentation
     */
    CropAndFlip cropAndFlip();

    /**
     * Returns the RandAugment policy, colour jitter and erasing chance.
     *
     * @return the pixel augmentation
     */
    PixelAugmentation pixels();

    /**
     * Returns the crop fraction of the validation (eval) preprocessing.
     *
     * @return centre crop fraction, in (0, 1]
     */
    double evalCropPct();
}
