package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mixnetspark.model.arch.Activation;

/**
 * {@code SqueezeExcite} re-weights channels: spatial mean, 1x1 conv down to {@code reduced}
 * channels (with bias), activation, 1x1 conv back (with bias), sigmoid gate, multiply (Hu et al.;
 * timm {@code SqueezeExcite}, spec 1.8). The inner activation is Swish for timm/TF weights and ReLU
 * for MindCV weights.
 */
public final class SqueezeExcite extends NamedBlock {

    private final Conv2d reduce;
    private final Conv2d expand;
    private final Activation activation;

    /**
     * Creates the block.
     *
     * @param channels channels of the tensor being gated
     * @param reduced channels of the bottleneck
     * @param activation activation between the two convs
     */
    public SqueezeExcite(int channels, int reduced, Activation activation) {
        this.activation = activation;
        this.reduce = module("conv_reduce", Layers.conv(reduced, 1, 1, 1, true));
        this.expand = module("conv_expand", Layers.conv(channels, 1, 1, 1, true));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long pixels = x.getShape().get(2) * x.getShape().get(3);
        NDArray squeezed = ConstantOps.dividedBy(x.sum(new int[] {2, 3}, true), pixels);
        NDArray hidden = Layers.activate(activation, Layers.convolve(ps, reduce, squeezed, training));
        NDArray gate = ai.djl.nn.Activation.sigmoid(Layers.convolve(ps, expand, hidden, training));
        return new NDList(x.mul(gate));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), 1, 1);
        reduce.initialize(manager, dataType, pooled);
        expand.initialize(manager, dataType, reduce.getOutputShapes(new Shape[] {pooled}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
