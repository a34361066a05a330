package io.mixnetspark.model.arch;

/**
 * {@code ChannelMath} holds MixNet's integer rules for channel widths, shared by every
 * implementation (spec sections 1.6 and 1.7).
 */
public final class ChannelMath {

    private static final int DIVISOR = 8;
    private static final double ROUND_LIMIT = 0.9;

    private ChannelMath() {}

    /**
     * Rounds {@code channels * multiplier} to a multiple of 8, never more than 10% below the
     * product (timm {@code make_divisible} via {@code round_channels}).
     *
     * @param channels the unscaled width
     * @param multiplier the width multiplier
     * @return the rounded width
     */
    public static int roundChannels(int channels, double multiplier) {
        if (multiplier == 1.0) {
            return channels;
        }
        return makeDivisible(channels * multiplier);
    }

    /**
     * timm's {@code make_divisible(v, 8)}: nearest multiple of 8, at least 8, bumped up by 8 if it
     * would fall below 90% of {@code v}.
     *
     * @param v the value to round
     * @return the multiple of 8
     */
    public static int makeDivisible(double v) {
        int rounded = Math.max(DIVISOR, (int) (v + DIVISOR / 2.0) / DIVISOR * DIVISOR);
        if (rounded < ROUND_LIMIT * v) {
            rounded += DIVISOR;
        }
        return rounded;
    }

    /**
     * Splits {@code channels} into {@code groups} equal parts, the remainder going to the first
     * group (timm/TF/MindCV {@code _split_channels}).
     *
     * @param channels the total number of channels
     * @param groups the number of groups
     * @return the group sizes, in channel order
     */
    public static int[] splitChannels(int channels, int groups) {
        if (groups < 1 || channels < groups) {
            throw new IllegalArgumentException(
                    "Cannot split " + channels + " channels into " + groups + " groups");
        }
        int[] split = new int[groups];
        java.util.Arrays.fill(split, channels / groups);
        split[0] += channels - channels / groups * groups;
        return split;
    }

    /**
     * Output size of a convolution with symmetric padding {@code k / 2} (timm's PyTorch-style
     * padding for odd kernels, spec 1.11).
     *
     * @param size input height or width
     * @param kernel kernel size (odd)
     * @param stride stride
     * @return output height or width
     */
    public static int convOutputSize(int size, int kernel, int stride) {
        return (size + 2 * (kernel / 2) - kernel) / stride + 1;
    }
}
