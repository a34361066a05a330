package io.mixnetspark.model.arch;

/**
 * {@code ResolvedBlock} is one concrete block of a built network: a {@link BlockSpec} repeat with
 * its channel widths, stride and drop-path rate fixed, named as timm names it ({@code
 * blocks.<stage>.<index>}). Spec section 1.15 tabulates these for S, M and L.
 *
 * @param stage stage index (timm {@code blocks.<stage>})
 * @param index index within the stage
 * @param type block kind
 * @param inChannels input channels
 * @param outChannels output channels
 * @param midChannels expanded channels (equal to {@code inChannels} for a DS block)
 * @param kernelSizes depthwise kernel sizes, one channel group each
 * @param expansionGroups groups of the expansion 1x1 conv (IR only)
 * @param projectionGroups groups of the projection (IR) or pointwise (DS) 1x1 conv
 * @param stride depthwise stride
 * @param seChannels squeeze-excite reduced channels, 0 for no SE
 * @param activation the block's activation
 * @param hasSkip whether the block adds its input (stride 1, same width, skip allowed)
 * @param dropPathRate drop-path probability of the residual branch in training
 */
public record ResolvedBlock(
        int stage,
        int index,
        BlockType type,
        int inChannels,
        int outChannels,
        int midChannels,
        int[] kernelSizes,
        int expansionGroups,
        int projectionGroups,
        int stride,
        int seChannels,
        Activation activation,
        boolean hasSkip,
        float dropPathRate) {

    /** Copies the kernel array so that the record stays immutable. */
    public ResolvedBlock {
        kernelSizes = kernelSizes.clone();
    }

    /**
     * Returns the depthwise kernel sizes (a copy).
     *
     * @return the kernel sizes
     */
    @Override
    public int[] kernelSizes() {
        return kernelSizes.clone();
    }

    /**
     * Returns timm's module path of this block, e.g. {@code blocks.2.1}.
     *
     * @return the module path
     */
    public String timmPath() {
        return "blocks." + stage + "." + index;
    }

    /**
     * Returns whether the block has squeeze-excite.
     *
     * @return true when {@link #seChannels()} is positive
     */
    public boolean hasSqueezeExcite() {
        return seChannels > 0;
    }

    /**
     * Trainable parameters of the block: conv weights, BN gamma/beta, SE weights and biases.
     *
     * @return the parameter count
     */
    public long trainableParameters() {
        long depthwise = 0;
        int[] dwSplit = ChannelMath.splitChannels(midChannels, kernelSizes.length);
        for (int g = 0; g < kernelSizes.length; g++) {
            depthwise += (long) dwSplit[g] * kernelSizes[g] * kernelSizes[g];
        }
        long projection = groupedPointwise(midChannels, outChannels, projectionGroups);
        if (type == BlockType.DS) {
            return depthwise + 2L * midChannels + projection + 2L * outChannels;
        }
        long expansion = groupedPointwise(inChannels, midChannels, expansionGroups);
        long se = hasSqueezeExcite() ? 2L * midChannels * seChannels + seChannels + midChannels : 0;
        return expansion + 2L * midChannels + depthwise + 2L * midChannels + se + projection
                + 2L * outChannels;
    }

    /**
     * Channels normalised by the block's BatchNorm layers (each has a running mean and variance).
     *
     * @return the sum of BN widths
     */
    public long batchNormChannels() {
        return type == BlockType.DS
                ? (long) midChannels + outChannels
                : 2L * midChannels + outChannels;
    }

    /**
     * Multiply-adds of the block's convolutions for an input of {@code h x w} (SE convs count at
     * 1x1).
     *
     * @param h input height
     * @param w input width
     * @return conv multiply-adds
     */
    public long convMacs(int h, int w) {
        long outPixels = (long) outputSize(h) * outputSize(w);
        long inPixels = (long) h * w;
        long macs = 0;
        int[] dwSplit = ChannelMath.splitChannels(midChannels, kernelSizes.length);
        for (int g = 0; g < kernelSizes.length; g++) {
            macs += outPixels * dwSplit[g] * kernelSizes[g] * kernelSizes[g];
        }
        macs += outPixels * groupedPointwise(midChannels, outChannels, projectionGroups);
        if (type == BlockType.IR) {
            macs += inPixels * groupedPointwise(inChannels, midChannels, expansionGroups);
        }
        if (hasSqueezeExcite()) {
            macs += 2L * midChannels * seChannels;
        }
        return macs;
    }

    /**
     * Output height or width for an input size.
     *
     * @param size input height or width
     * @return output height or width
     */
    public int outputSize(int size) {
        return ChannelMath.convOutputSize(size, 3, stride);
    }

    private static long groupedPointwise(int in, int out, int groups) {
        int[] inSplit = ChannelMath.splitChannels(in, groups);
        int[] outSplit = ChannelMath.splitChannels(out, groups);
        long sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += (long) inSplit[g] * outSplit[g];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedBlock other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return timmPath() + "[" + type + " " + inChannels + "->" + midChannels + "->" + outChannels
                + " k=" + java.util.Arrays.toString(kernelSizes) + " a=" + expansionGroups
                + " p=" + projectionGroups + " s=" + stride + " se=" + seChannels + " " + activation
                + (hasSkip ? " skip" : "") + " dp=" + dropPathRate + "]";
    }
}
