package io.mixnetspark.model.arch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ArchitecturePlan} is a MixNet fully resolved from a {@link MixNetConfig}: stem width,
 * every block with its widths and strides, head width and classes. It is what the DJL builder
 * walks, and it answers parameter and multiply-add counts without building anything.
 *
 * <p>Resolution follows timm's {@code EfficientNetBuilder}: output widths rounded with {@link
 * ChannelMath#roundChannels}, stage depths scaled with {@code round}, stride only on a stage's
 * first repeat, SE width {@code round(in * se_ratio)}, drop-path ramped by global block index.
 */
public final class ArchitecturePlan {

    private final MixNetConfig config;
    private final int stemChannels;
    private final List<ResolvedBlock> blocks;

    private ArchitecturePlan(MixNetConfig config, int stemChannels, List<ResolvedBlock> blocks) {
        this.config = config;
        this.stemChannels = stemChannels;
        this.blocks = Collections.unmodifiableList(blocks);
    }

    /**
     * Resolves a configuration into a plan.
     *
     * @param config the network configuration
     * @return the plan
     */
    public static ArchitecturePlan resolve(MixNetConfig config) {
        double width = config.effectiveWidth();
        int stem = ChannelMath.roundChannels(config.variant().stemChannels(), width);
        List<List<BlockSpec>> stages = new ArrayList<>();
        for (List<String> stage : config.variant().stages()) {
            List<BlockSpec> specs = new ArrayList<>();
            for (String s : stage) {
                specs.add(BlockStringDecoder.decode(s, Activation.RELU));
            }
            stages.add(DepthScaling.scaleStage(specs, config.depthMultiplier()));
        }
        int total = stages.stream().flatMap(List::stream).mapToInt(BlockSpec::repeats).sum();
        List<ResolvedBlock> blocks = new ArrayList<>();
        int in = stem;
        int globalIndex = 0;
        for (int s = 0; s < stages.size(); s++) {
            int index = 0;
            for (BlockSpec spec : stages.get(s)) {
                int out = ChannelMath.roundChannels(spec.outChannels(), width);
                for (int r = 0; r < spec.repeats(); r++) {
                    int stride = r == 0 ? spec.stride() : 1;
                    float dropPath = config.dropPathRate() * globalIndex / total;
                    blocks.add(resolveBlock(spec, s, index, in, out, stride, dropPath));
                    in = out;
                    index++;
                    globalIndex++;
                }
            }
        }
        return new ArchitecturePlan(config, stem, blocks);
    }

    private static ResolvedBlock resolveBlock(
            BlockSpec spec, int stage, int index, int in, int out, int stride, float dropPath) {
        boolean ds = spec.type() == BlockType.DS;
        int mid = ds ? in : ChannelMath.makeDivisible(in * spec.expansionRatio());
        int se = spec.seRatio() > 0 ? (int) Math.rint(in * spec.seRatio()) : 0;
        boolean skip = stride == 1 && in == out && !spec.noSkip();
        return new ResolvedBlock(
                stage,
                index,
                spec.type(),
                in,
                out,
                mid,
                spec.kernelSizes(),
                ds ? 1 : spec.expansionGroups(),
                spec.projectionGroups(),
                stride,
                se,
                spec.activation(),
                skip,
                skip ? dropPath : 0f);
    }

    /**
     * Returns the configuration this plan was resolved from.
     *
     * @return the config
     */
    public MixNetConfig config() {
        return config;
    }

    /**
     * Returns the stem width.
     *
     * @return stem output channels
     */
    public int stemChannels() {
        return stemChannels;
    }

    /**
     * Returns the blocks in forward order.
     *
     * @return the resolved blocks
     */
    public List<ResolvedBlock> blocks() {
        return blocks;
    }

    /**
     * Returns the width entering the head conv.
     *
     * @return channels after the last block
     */
    public int lastBlockChannels() {
        return blocks.get(blocks.size() - 1).outChannels();
    }

    /**
     * Trainable parameters: convs, BN gamma/beta, SE, classifier weight and bias.
     *
     * @return the parameter count
     */
    public long trainableParameters() {
        long stem = 27L * stemChannels + 2L * stemChannels;
        long body = blocks.stream().mapToLong(ResolvedBlock::trainableParameters).sum();
        long head = (long) lastBlockChannels() * MixNetVariant.HEAD_CHANNELS + 2L * MixNetVariant.HEAD_CHANNELS;
        long classifier = (long) MixNetVariant.HEAD_CHANNELS * config.numClasses() + config.numClasses();
        return stem + body + head + classifier;
    }

    /**
     * BatchNorm running-statistics elements (running mean and variance of every BN layer), the
     * non-trainable tensors MindSpore counts as parameters (spec 2.1).
     *
     * @return the buffer element count
     */
    public long batchNormBufferElements() {
        long channels = stemChannels + MixNetVariant.HEAD_CHANNELS
                + blocks.stream().mapToLong(ResolvedBlock::batchNormChannels).sum();
        return 2 * channels;
    }

    /**
     * Returns the number of BatchNorm layers.
     *
     * @return BN layer count
     */
    public int batchNormLayers() {
        int perBlock = blocks.stream().mapToInt(b -> b.type() == BlockType.DS ? 2 : 3).sum();
        return 2 + perBlock;
    }

    /**
     * Returns the spatial size entering each block, and last the size entering the head.
     *
     * @param size input height and width (square input)
     * @return one size per block, then the head's
     */
    public int[] inputSizes(int size) {
        int[] sizes = new int[blocks.size() + 1];
        int s = ChannelMath.convOutputSize(size, 3, 2);
        for (int i = 0; i < blocks.size(); i++) {
            sizes[i] = s;
            s = blocks.get(i).outputSize(s);
        }
        sizes[blocks.size()] = s;
        return sizes;
    }
}
