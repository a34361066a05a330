package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.arch.ResolvedBlock;

/**
 * {@code DepthwiseSeparable} is MixNet's first block ({@code ds} in timm): depthwise conv, BN,
 * activation, pointwise conv, BN without activation, plus the input when the shape allows (timm
 * {@code DepthwiseSeparableConv}, spec 1.2). Modules: {@code conv_dw}, {@code bn1}, {@code
 * conv_pw}, {@code bn2}.
 */
public final class DepthwiseSeparable extends ResidualBlock {

    private final Block convDw;
    private final Block bn1;
    private final Block convPw;
    private final Block bn2;

    /**
     * Builds the block from its resolved spec.
     *
     * @param spec the resolved block (type DS)
     */
    public DepthwiseSeparable(ResolvedBlock spec) {
        super(spec);
        int in = spec.inChannels();
        convDw = module("conv_dw", Layers.mixedOrPlain(in, in, spec.kernelSizes(), spec.stride(), true));
        bn1 = module("bn1", Layers.batchNorm());
        convPw = module("conv_pw", Layers.mixedOrPlain(in, spec.outChannels(), ones(spec.projectionGroups()), 1, false));
        bn2 = module("bn2", Layers.batchNorm());
    }

    static int[] ones(int count) {
        int[] kernels = new int[count];
        java.util.Arrays.fill(kernels, 1);
        return kernels;
    }

    @Override
    protected NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = ConvBn.forward(ps, convDw, bn1, spec.activation(), x, training);
        return ConvBn.forward(ps, convPw, bn2, y, training);
    }
}
