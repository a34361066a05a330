package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.Region;
import java.util.random.RandomGenerator;

/**
 * {@code RandomErasing} (Zhong et al. 2017) as the MixNet recipe configures it (spec 3.1: re_prob
 * 0.25, scale 0.02..0.33, ratio 0.3..3.3, value 0): with probability {@code prob}, a rectangle of
 * the normalised CHW tensor is set to 0 (the mean colour), drawn as torchvision's {@code
 * RandomErasing.get_params} does (ten tries; nothing erased if none fits).
 *
 * @param prob chance an image is erased at all
 * @param minArea smallest erased fraction of the area
 * @param maxArea largest erased fraction
 * @param minRatio smallest height/width ratio
 * @param maxRatio largest height/width ratio
 */
public record RandomErasing(double prob, double minArea, double maxArea, double minRatio, double maxRatio) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a probability outside [0, 1] or invalid ranges
     */
    public RandomErasing {
        if (prob < 0 || prob > 1 || !(minArea > 0) || minArea > maxArea || !(minRatio > 0) || minRatio > maxRatio) {
            throw new IllegalArgumentException("invalid RandomErasing p=" + prob + " area " + minArea + ".."
                    + maxArea + " ratio " + minRatio + ".." + maxRatio);
        }
    }

    /**
     * The recipe's erasing with the given probability.
     *
     * @param prob re_prob (0.25 for MixNet)
     * @return the transform
     */
    public static RandomErasing recipe(double prob) {
        return new RandomErasing(prob, 0.02, 0.33, 0.3, 3.3);
    }

    /**
     * Maybe erases a rectangle, in place.
     *
     * @param chw the normalised tensor, 3 planes of {@code height x width}
     * @param height rows
     * @param width columns
     * @param rng the random source
     * @return the erased region, or null when nothing was erased
     */
    public Region apply(float[] chw, int height, int width, RandomGenerator rng) {
        if (rng.nextDouble() >= prob) {
            return null;
        }
        double area = (double) height * width;
        double logMin = Math.log(minRatio);
        double logMax = Math.log(maxRatio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double erase = area * (minArea + (maxArea - minArea) * rng.nextDouble());
            double aspect = Math.exp(logMin + (logMax - logMin) * rng.nextDouble());
            int h = (int) Math.rint(Math.sqrt(erase * aspect));
            int w = (int) Math.rint(Math.sqrt(erase / aspect));
            if (h < 1 || w < 1 || h >= height || w >= width) {
                continue;
            }
            int top = rng.nextInt(height - h + 1);
            int left = rng.nextInt(width - w + 1);
            int plane = height * width;
            for (int c = 0; c < 3; c++) {
                for (int y = top; y < top + h; y++) {
                    int from = c * plane + y * width + left;
                    java.util.Arrays.fill(chw, from, from + w, 0f);
                }
            }
            return new Region(left, top, w, h);
        }
        return null;
    }
}
