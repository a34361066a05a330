package io.mixnetspark.testing;

/**
 * {@code PixelDiff} is the mean and maximum absolute difference between two 8-bit images of the
 * same size, in levels (0..255).
 *
 * @param mean mean absolute difference per sample
 * @param max largest absolute difference of any sample
 */
public record PixelDiff(double mean, int max) {

    /**
     * Compares two sample arrays.
     *
     * @param a first image's samples
     * @param b second image's samples, same length
     * @return the difference
     */
    public static PixelDiff of(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("sizes differ: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            sum += d;
            max = Math.max(max, d);
        }
        return new PixelDiff(sum / (double) a.length, max);
    }

    @Override
    public String toString() {
        return String.format("mean |diff| %.4f, max %d (levels)", mean, max);
    }
}
