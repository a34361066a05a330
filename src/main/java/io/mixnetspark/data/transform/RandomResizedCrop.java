package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;
import java.util.random.RandomGenerator;

/**
 * {@code RandomResizedCrop} picks a random part of the image (area fraction in {@code scale},
 * aspect ratio log-uniform in {@code ratio}) and resizes it to {@code size x size} with PIL
 * bicubic, as timm's {@code RandomResizedCropAndInterpolation} does: ten tries, then the
 * centre crop fallback.
 *
 * @param size output side
 * @param minScale smallest area fraction (0.08 in the MixNet recipe)
 * @param maxScale largest area fraction (1.0)
 * @param minRatio smallest width/height ratio (3/4)
 * @param maxRatio largest width/height ratio (4/3)
 */
public record RandomResizedCrop(int size, double minScale, double maxScale, double minRatio, double maxRatio) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for an empty size or reversed or non-positive ranges
     */
    public RandomResizedCrop {
        if (size < 1 || !(minScale > 0) || minScale > maxScale || !(minRatio > 0) || minRatio > maxRatio) {
            throw new IllegalArgumentException("invalid RandomResizedCrop " + size + " scale " + minScale + ".."
                    + maxScale + " ratio " + minRatio + ".." + maxRatio);
        }
    }

    /**
     * The MixNet recipe's crop (spec 3.1): scale 0.08..1, ratio 3/4..4/3.
     *
     * @param size output side
     * @return the crop
     */
    public static RandomResizedCrop imagenet(int size) {
        return new RandomResizedCrop(size, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    }

    /**
     * Draws the crop rectangle ({@code get_params} in timm).
     *
     * @param width image width
     * @param height image height
     * @param rng the random source
     * @return a region inside the image
     */
    public Region sample(int width, int height, RandomGenerator rng) {
        double area = (double) width * height;
        double logMin = Math.log(minRatio);
        double logMax = Math.log(maxRatio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = uniform(rng, minScale, maxScale) * area;
            double aspect = Math.exp(uniform(rng, logMin, logMax));
            int w = (int) Math.rint(Math.sqrt(target * aspect));
            int h = (int) Math.rint(Math.sqrt(target / aspect));
            if (w >= 1 && h >= 1 && w <= width && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new Region(left, top, w, h);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < minRatio) {
            h = Math.max(1, (int) Math.rint(w / minRatio));
        } else if (inRatio > maxRatio) {
            w = Math.max(1, (int) Math.rint(h * maxRatio));
        }
        return new Region((width - w) / 2, (height - h) / 2, w, h);
    }

    /**
     * Draws a crop and resizes it.
     *
     * @param image the decoded image
     * @param rng the random source
     * @return a {@code size x size} image
     */
    public RgbImage apply(RgbImage image, RandomGenerator rng) {
        Region crop = sample(image.width(), image.height(), rng);
        return PilResize.resize(image, crop, size, size, Region.of(size, size));
    }

    private static double uniform(RandomGenerator rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }
}
