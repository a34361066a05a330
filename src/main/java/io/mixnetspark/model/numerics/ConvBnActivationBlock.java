package io.mixnetspark.model.numerics;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.blocks.ConvBn;
import io.mixnetspark.model.blocks.Layers;
import io.mixnetspark.model.blocks.NamedBlock;

/**
 * {@code ConvBnActivationBlock} is the network's stem or head as a block of its own, for a probe: a
 * square convolution without bias, BatchNorm and an activation, computed by {@link ConvBn} as
 * {@code MixNet} computes its stem and head.
 */
final class ConvBnActivationBlock extends NamedBlock {

    private final Block conv;
    private final Block bn;
    private final Activation activation;

    /**
     * Creates the block.
     *
     * @param outChannels the convolution's filters
     * @param kernel its kernel size
     * @param stride its stride
     * @param activation the activation after the BatchNorm
     */
    ConvBnActivationBlock(int outChannels, int kernel, int stride, Activation activation) {
        this.conv = module("conv", Layers.conv(outChannels, kernel, stride, 1, false));
        this.bn = module("bn", Layers.batchNorm());
        this.activation = activation;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(ConvBn.forward(ps, conv, bn, activation, inputs.singletonOrThrow(), training));
    }
}
