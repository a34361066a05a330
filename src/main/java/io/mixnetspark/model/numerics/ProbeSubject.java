package io.mixnetspark.model.numerics;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.arch.ArchitecturePlan;
import io.mixnetspark.model.arch.BlockType;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.arch.ResolvedBlock;
import io.mixnetspark.model.blocks.DepthwiseSeparable;
import io.mixnetspark.model.blocks.InvertedResidual;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ProbeSubject} is one piece of the real network that the numerics self-check runs on a
 * small seeded input: a block of MixNet-S as its plan resolves it (so with the network's own channel
 * counts, kernel mixes, groups and squeeze-excite), or its stem or head.
 *
 * @param name what it is, e.g. {@code blocks.2.0}
 * @param factory builds a fresh, uninitialised copy
 * @param input the input shape (N, C, H, W)
 * @param trained whether its training pass is probed too (eval always is)
 */
record ProbeSubject(String name, Supplier<Block> factory, Shape input, boolean trained) {

    /** Images per probe batch: one image per probe misses faults that split the batch over threads. */
    static final int BATCH = 2;

    /**
     * The standard probes: MixNet-S's stem, six of its blocks, a block with its widest kernel mix
     * (3 to 11 at stride 2, as {@code blocks.5.0} has, at 120 channels instead of 720 to keep the
     * float64 reference quick), its last block's 1x1 expansion (200 to 1200 channels, which oneDNN
     * computed wrongly at 5x5 pixels under its AVX2 kernels) and its head, each at a small size
     * whose outputs are 5x5 or 10x10 pixels. Between them they run every fast path: channels-last
     * storage, fused ReLU and Swish, block-diagonal and grouped 1x1 convolutions (narrow and wide
     * groups), depthwise kernels 3 to 11 at strides 1 and 2 (padded to one convolution and one per
     * group), squeeze-excite with its 1x1 convolutions, and 1x1 convolutions whose output widths
     * (24, 40, 48, 72, 80, 120, 144, 240, 360, 1200, 1536) do and do not fill oneDNN's channel
     * blocks.
     *
     * @return the probes
     */
    static List<ProbeSubject> standard() {
        ArchitecturePlan plan = ArchitecturePlan.resolve(MixNetConfig.builder(MixNetVariant.MIXNET_S).build());
        List<ProbeSubject> subjects = new ArrayList<>();
        subjects.add(new ProbeSubject("stem", () -> new ConvBnActivationBlock(plan.stemChannels(), 3, 2, Activation.RELU),
                new Shape(BATCH, 3, 20, 20), true));
        for (ResolvedBlock block : plan.blocks()) {
            if (PROBED_BLOCKS.contains(block.timmPath())) {
                subjects.add(block(block, plan, block.timmPath()));
            }
        }
        ResolvedBlock widest = plan.blocks().stream().filter(b -> b.kernelSizes().length == 5).findFirst().orElseThrow();
        ResolvedBlock narrowed = new ResolvedBlock(widest.stage(), widest.index(), widest.type(), 40, 48, 120,
                widest.kernelSizes(), 1, 1, widest.stride(), 20, widest.activation(), false, 0f);
        subjects.add(block(narrowed, plan, widest.timmPath() + " at 120 channels"));
        ResolvedBlock last = plan.blocks().get(plan.blocks().size() - 1);
        subjects.add(new ProbeSubject(last.timmPath() + ".conv_pw",
                () -> new ConvBnActivationBlock(last.midChannels(), 1, 1, last.activation()),
                new Shape(BATCH, last.inChannels(), 5, 5), false));
        subjects.add(new ProbeSubject("head",
                () -> new ConvBnActivationBlock(MixNetVariant.HEAD_CHANNELS, 1, 1, Activation.RELU),
                new Shape(BATCH, plan.lastBlockChannels(), 5, 5), true));
        return subjects;
    }

    /** The blocks of MixNet-S probed as they are. */
    private static final List<String> PROBED_BLOCKS =
            List.of("blocks.0.0", "blocks.1.0", "blocks.1.1", "blocks.2.0", "blocks.3.0", "blocks.4.1");

    /**
     * The blocks whose training pass is probed: between them every kind of training computation
     * (narrow and wide grouped 1x1, per-group depthwise kernels 3 to 9, squeeze-excite), and fewer
     * than all, since training passes cost most of the check.
     */
    private static final List<String> TRAINED_BLOCKS = List.of("blocks.1.0", "blocks.2.0", "blocks.4.1");

    /** A block probed at 10x10 input (5x5 output) when it strides, else at 5x5. */
    private static ProbeSubject block(ResolvedBlock block, ArchitecturePlan plan, String name) {
        int size = block.stride() == 2 || block.stage() < 2 ? 10 : 5;
        return new ProbeSubject(name, () -> build(block, plan), new Shape(BATCH, block.inChannels(), size, size),
                TRAINED_BLOCKS.contains(name));
    }

    private static Block build(ResolvedBlock block, ArchitecturePlan plan) {
        return block.type() == BlockType.DS ? new DepthwiseSeparable(block)
                : new InvertedResidual(block, plan.config().seActivation());
    }
}
