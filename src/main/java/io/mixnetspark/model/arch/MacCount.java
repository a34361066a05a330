package io.mixnetspark.model.arch;

import java.util.List;

/**
 * {@code MacCount} counts the multiply-adds of one forward pass of a planned MixNet at a square
 * input size, under two stated rules (spec section 2.2).
 *
 * <ul>
 *   <li>{@link #convFcMacs()}: convolutions and the classifier only. This is the count that forward
 *       hooks on {@code Conv2d} and {@code Linear} give for the PyTorch reference (239.17 M for
 *       MixNet-S at 224x224).
 *   <li>{@link #macs()}: the paper-style total. It adds one multiply-add per element for every
 *       other arithmetic step of the eval forward: BatchNorm (a scale and shift per element),
 *       Swish's product {@code x * sigmoid(x)}, the squeeze-excite pooling sum and gating
 *       product, residual additions, and the global-pool sum. Comparisons and the sigmoid itself
 *       are not counted. This rule gives 251.8 M / 355.0 M / 576.3 M for S / M / L, within 2% of
 *       the paper's 256 M / 360 M / 565 M.
 * </ul>
 *
 * @param convFcMacs conv and classifier multiply-adds
 * @param elementwiseMacs the per-element operations listed above
 */
public record MacCount(long convFcMacs, long elementwiseMacs) {

    /**
     * Returns the paper-style total, conv/FC plus elementwise.
     *
     * @return multiply-adds
     */
    public long macs() {
        return convFcMacs + elementwiseMacs;
    }

    /**
     * Counts a plan at a square input size.
     *
     * @param plan the network plan
     * @param size input height and width
     * @return the counts
     */
    public static MacCount of(ArchitecturePlan plan, int size) {
        int stemSize = ChannelMath.convOutputSize(size, 3, 2);
        long stemElements = (long) stemSize * stemSize * plan.stemChannels();
        long conv = stemElements * 27;
        long elementwise = stemElements; // stem BN
        List<ResolvedBlock> blocks = plan.blocks();
        int[] sizes = plan.inputSizes(size);
        for (int i = 0; i < blocks.size(); i++) {
            ResolvedBlock b = blocks.get(i);
            int in = sizes[i];
            int out = b.outputSize(in);
            conv += b.convMacs(in, in);
            long expanded = b.type() == BlockType.IR ? (long) in * in * b.midChannels() : 0;
            long depthwise = (long) out * out * b.midChannels();
            long output = (long) out * out * b.outChannels();
            long activated = expanded + depthwise;
            elementwise += activated + output; // BN after each conv
            if (b.activation() == Activation.SWISH) {
                elementwise += activated;
            }
            if (b.hasSqueezeExcite()) {
                elementwise += 2 * depthwise; // pooling sum and gating product
            }
            if (b.hasSkip()) {
                elementwise += output;
            }
        }
        int head = sizes[sizes.length - 1];
        long headElements = (long) head * head * MixNetVariant.HEAD_CHANNELS;
        conv += headElements * plan.lastBlockChannels();
        elementwise += 2 * headElements; // head BN and global-pool sum
        conv += (long) MixNetVariant.HEAD_CHANNELS * plan.config().numClasses();
        return new MacCount(conv, elementwise);
    }
}
