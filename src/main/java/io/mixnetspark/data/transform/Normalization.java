package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;
import java.util.Arrays;

/**
 * {@code Normalization} turns 8-bit RGB into the network's input: CHW float32, each value {@code
 * (v / 255 - mean[c]) / std[c]} computed in float as torchvision's {@code ToTensor} and {@code
 * Normalize} do.
 *
 * @param mean per-channel mean on the 0..1 scale (R, G, B)
 * @param std per-channel standard deviation on the 0..1 scale
 */
public record Normalization(float[] mean, float[] std) {

    /** ImageNet's statistics, used by every MixNet checkpoint (timm {@code IMAGENET_DEFAULT_*}). */
    public static final Normalization IMAGENET = new Normalization(
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    /**
     * Checks and copies the statistics.
     *
     * @throws IllegalArgumentException unless both have three entries and std is positive
     */
    public Normalization {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 channels");
        }
        mean = mean.clone();
        std = std.clone();
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive");
            }
        }
    }

    /**
     * Returns the per-channel mean (a copy).
     *
     * @return R, G, B means on the 0..1 scale
     */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /**
     * Returns the per-channel standard deviation (a copy).
     *
     * @return R, G, B standard deviations on the 0..1 scale
     */
    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }

    /**
     * Normalises an image into a new CHW array.
     *
     * @param image 8-bit RGB
     * @return {@code 3 * height * width} floats, channel-major
     */
    public float[] toChw(RgbImage image) {
        int plane = image.width() * image.height();
        float[] out = new float[3 * plane];
        byte[] px = image.pixels();
        float[] table = new float[256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                table[v] = (v / 255f - mean[c]) / std[c];
            }
            int o = c * plane;
            for (int i = 0; i < plane; i++) {
                out[o + i] = table[px[3 * i + c] & 0xFF];
            }
        }
        return out;
    }
}
