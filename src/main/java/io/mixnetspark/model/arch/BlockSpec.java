package io.mixnetspark.model.arch;

import java.util.Arrays;

/**
 * {@code BlockSpec} is one decoded timm block string such as {@code
 * ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw}: a row of the architecture table before width and
 * depth scaling.
 *
 * @param type the block kind
 * @param repeats how many times the block repeats ({@code r})
 * @param kernelSizes depthwise kernel sizes, one channel group each ({@code k3.5.7})
 * @param expansionGroups number of groups of the expansion 1x1 conv ({@code a1.1} = 2)
 * @param projectionGroups number of groups of the projection 1x1 conv ({@code p1.1} = 2)
 * @param stride stride of the first repeat ({@code s})
 * @param expansionRatio expansion ratio ({@code e})
 * @param outChannels output channels before width scaling ({@code c})
 * @param seRatio squeeze-excite ratio relative to the block input channels, 0 for none ({@code
 *     se})
 * @param activation the block's activation ({@code nsw} = Swish, ReLU otherwise)
 * @param noSkip true when the residual connection is disabled ({@code noskip})
 */
public record BlockSpec(
        BlockType type,
        int repeats,
        int[] kernelSizes,
        int expansionGroups,
        int projectionGroups,
        int stride,
        double expansionRatio,
        int outChannels,
        double seRatio,
        Activation activation,
        boolean noSkip) {

    /** Validates the values so that a bad table fails where it is written. */
    public BlockSpec {
        if (repeats < 1 || stride < 1 || outChannels < 1 || expansionGroups < 1) {
            throw new IllegalArgumentException("Invalid block spec: " + describe(type, repeats, stride, outChannels));
        }
        if (projectionGroups < 1 || kernelSizes.length == 0 || expansionRatio <= 0 || seRatio < 0) {
            throw new IllegalArgumentException("Invalid block spec: " + describe(type, repeats, stride, outChannels));
        }
        for (int k : kernelSizes) {
            if (k < 1 || k % 2 == 0) {
                throw new IllegalArgumentException(
                        "Kernel sizes must be odd and positive, got " + Arrays.toString(kernelSizes));
            }
        }
        kernelSizes = kernelSizes.clone();
    }

    /**
     * Returns the depthwise kernel sizes (a copy).
     *
     * @return the kernel sizes, one per channel group
     */
    @Override
    public int[] kernelSizes() {
        return kernelSizes.clone();
    }

    /**
     * Returns a copy with another repeat count (used by depth scaling).
     *
     * @param newRepeats the repeat count
     * @return the copy
     */
    public BlockSpec withRepeats(int newRepeats) {
        return new BlockSpec(
                type,
                newRepeats,
                kernelSizes,
                expansionGroups,
                projectionGroups,
                stride,
                expansionRatio,
                outChannels,
                seRatio,
                activation,
                noSkip);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSpec other
                && type == other.type
                && repeats == other.repeats
                && Arrays.equals(kernelSizes, other.kernelSizes)
                && expansionGroups == other.expansionGroups
                && projectionGroups == other.projectionGroups
                && stride == other.stride
                && Double.compare(expansionRatio, other.expansionRatio) == 0
                && outChannels == other.outChannels
                && Double.compare(seRatio, other.seRatio) == 0
                && activation == other.activation
                && noSkip == other.noSkip;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(kernelSizes) * 31 + toString().hashCode();
    }

    @Override
    public String toString() {
        return "BlockSpec[" + describe(type, repeats, stride, outChannels) + ", k=" + Arrays.toString(kernelSizes)
                + ", a=" + expansionGroups + ", p=" + projectionGroups + ", e=" + expansionRatio
                + ", se=" + seRatio + ", act=" + activation + (noSkip ? ", noskip" : "") + "]";
    }

    private static String describe(BlockType type, int repeats, int stride, int outChannels) {
        return type + " r=" + repeats + " s=" + stride + " c=" + outChannels;
    }
}
