package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.ResolvedBlock;

/**
 * {@code InvertedResidual} is MixNet's main block ({@code ir} in timm, {@code MixnetBlock} in the
 * TF reference): expansion 1x1 conv (possibly grouped), BN, activation, MixConv depthwise, BN,
 * activation, optional squeeze-excite, projection 1x1 conv (possibly grouped), BN, plus the input
 * when the shape allows (spec 1.2). Modules: {@code conv_pw}, {@code bn1}, {@code conv_dw}, {@code
 * bn2}, {@code se}, {@code conv_pwl}, {@code bn3}.
 */
public final class InvertedResidual extends ResidualBlock {

    private final Block convPw;
    private final Block bn1;
    private final Block convDw;
    private final Block bn2;
    private final Block se;
    private final Block convPwl;
    private final Block bn3;

    /**
     * Builds the block from its resolved spec.
     *
     * @param spec the resolved block (type IR)
     * @param seActivation the activation inside squeeze-excite
     */
    public InvertedResidual(ResolvedBlock spec, SeActivation seActivation) {
        super(spec);
        int mid = spec.midChannels();
        convPw = module("conv_pw",
                Layers.mixedOrPlain(spec.inChannels(), mid, DepthwiseSeparable.ones(spec.expansionGroups()), 1, false));
        bn1 = module("bn1", Layers.batchNorm());
        convDw = module("conv_dw", Layers.mixedOrPlain(mid, mid, spec.kernelSizes(), spec.stride(), true));
        bn2 = module("bn2", Layers.batchNorm());
        Activation inner = seActivation == SeActivation.RELU ? Activation.RELU : spec.activation();
        se = spec.hasSqueezeExcite() ? module("se", new SqueezeExcite(mid, spec.seChannels(), inner)) : null;
        convPwl = module("conv_pwl",
                Layers.mixedOrPlain(mid, spec.outChannels(), DepthwiseSeparable.ones(spec.projectionGroups()), 1, false));
        bn3 = module("bn3", Layers.batchNorm());
    }

    @Override
    protected NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = ConvBn.forward(ps, convPw, bn1, spec.activation(), x, training);
        y = ConvBn.forward(ps, convDw, bn2, spec.activation(), y, training);
        if (se != null) {
            y = run(se, ps, y, training);
        }
        return ConvBn.forward(ps, convPwl, bn3, y, training);
    }
}
