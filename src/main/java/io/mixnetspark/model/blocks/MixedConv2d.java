package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.arch.ChannelMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code MixedConv2d} is MixConv (Tan & Le, 2019): the input channels are split into groups, each
 * group gets its own convolution with its own kernel size, and the outputs are concatenated.
 * Channel splits are equal with the remainder in the first group (spec 1.7). With {@code
 * depthwise} each group's conv is depthwise (the MixConv layer); without it every kernel is 1x1
 * and the block is a grouped pointwise conv. Mirrors timm's {@code timm/layers/mixed_conv2d.py};
 * children are named {@code 0}, {@code 1}, ... as there.
 *
 * <p>Two shortcuts avoid splitting the input and concatenating the outputs, which copy every
 * activation. A grouped pointwise conv whose groups are all the same size runs as one convolution
 * with {@code groups} set, its weight the groups' weights concatenated (the same arithmetic); in
 * eval, when its groups have fewer than {@link #DENSE_BELOW_GROUP_INPUTS} input channels, as one
 * dense convolution whose weight is block-diagonal (the same sums plus multiplications by zero),
 * because oneDNN runs such narrow groups on a slow generic kernel (training measured no faster). In
 * eval, a depthwise MixConv runs as one depthwise convolution whose kernels are the groups' kernels
 * zero-padded to the largest size (the same sums, plus multiplications by zero). Training keeps
 * the per-group depthwise convolutions: their backward pass grows with the kernel area, and the
 * padded kernels measured slower there. Each shortcut is a {@link FastPath} ({@link
 * FastPath#GROUPED_POINTWISE}, {@link FastPath#BLOCK_DIAGONAL_POINTWISE}, {@link
 * FastPath#PADDED_DEPTHWISE}); with it off, the groups run one convolution each.
 */
public final class MixedConv2d extends NamedBlock {

    /**
     * A grouped pointwise conv with fewer input channels per group runs as one dense convolution
     * with block-diagonal weights: oneDNN has no fast kernel for such narrow groups.
     */
    static final int DENSE_BELOW_GROUP_INPUTS = 32;

    private final int[] inSplits;
    /** Where each group's output channels start, then the total. */
    private final long[] outOffsets;
    private final long[] splitIndices;
    private final List<Block> convs = new ArrayList<>();
    /** Whether the groups can run as one grouped convolution (1x1 kernels, equal splits). */
    private final boolean equalPointwise;
    /** The largest kernel, to which a depthwise group's kernel is zero-padded to run as one conv in eval. */
    private final int maxKernel;
    private final boolean depthwise;

    /**
     * Creates a mixed convolution.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernels kernel size of each channel group (at least two)
     * @param stride stride of every group
     * @param depthwise whether each group's conv is depthwise
     */
    public MixedConv2d(int inChannels, int outChannels, int[] kernels, int stride, boolean depthwise) {
        this.inSplits = ChannelMath.splitChannels(inChannels, kernels.length);
        int[] outSplits = ChannelMath.splitChannels(outChannels, kernels.length);
        this.outOffsets = new long[kernels.length + 1];
        this.splitIndices = new long[kernels.length - 1];
        long offset = 0;
        for (int g = 0; g < kernels.length; g++) {
            if (g > 0) {
                splitIndices[g - 1] = offset;
            }
            offset += inSplits[g];
            outOffsets[g + 1] = outOffsets[g] + outSplits[g];
            int groups = depthwise ? inSplits[g] : 1;
            convs.add(module(String.valueOf(g), Layers.conv(outSplits[g], kernels[g], stride, groups, false)));
        }
        this.depthwise = depthwise;
        this.maxKernel = Arrays.stream(kernels).max().orElseThrow();
        equalPointwise = !depthwise && Arrays.stream(kernels).allMatch(k -> k == 1)
                && Arrays.stream(inSplits).distinct().count() == 1 && Arrays.stream(outSplits).distinct().count() == 1;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (runsAsOneConv(training)) {
            return new NDList(groupedConv(ps, x, training, null, null, null));
        }
        // In training a group's channel slice is made contiguous before its convolution, which
        // autograd then keeps for the backward pass; otherwise the convolution copies the strided
        // slice in the forward pass and again in the backward pass.
        return new NDList(perGroup(x, (g, part) -> Layers.convolve(ps, convs.get(g),
                training ? Layers.channelsLastOnCpu(part, true) : part, training)));
    }

    /**
     * The eval forward with a following BatchNorm folded in ({@link ConvBn}): each group's
     * convolution gets its slice of the scale and shift.
     *
     * @param ps the parameter store
     * @param x the input
     * @param scale the BatchNorm scale over all output channels
     * @param shift the BatchNorm shift over all output channels
     * @param activation the activation after the BatchNorm, or {@code null} for none
     * @return {@code activation(bn(this(x)))} in eval mode
     */
    NDArray forwardFolded(ParameterStore ps, NDArray x, NDArray scale, NDArray shift, Activation activation) {
        if (runsAsOneConv(false)) {
            return groupedConv(ps, x, false, scale, shift, activation);
        }
        return perGroup(x, (g, part) -> {
            String channels = outOffsets[g] + ":" + outOffsets[g + 1];
            return ConvBn.folded(ps, (Conv2d) convs.get(g), part, scale.get(channels), shift.get(channels),
                    activation);
        });
    }

    /** Whether a pass runs all groups as one convolution (see the class comment). */
    private boolean runsAsOneConv(boolean training) {
        if (depthwise) {
            return !training && FastPaths.enabled(FastPath.PADDED_DEPTHWISE);
        }
        return equalPointwise && (FastPaths.enabled(FastPath.GROUPED_POINTWISE) || runsDense(training));
    }

    /** Whether a pointwise pass runs as one dense convolution with block-diagonal weights. */
    private boolean runsDense(boolean training) {
        return !training && inSplits[0] < DENSE_BELOW_GROUP_INPUTS
                && FastPaths.enabled(FastPath.BLOCK_DIAGONAL_POINTWISE);
    }

    /**
     * All groups as one convolution with {@code groups} set (depthwise: one group per channel, the
     * kernels zero-padded to the largest); with {@code scale}, BatchNorm folded in as {@link
     * ConvBn#folded} does for one convolution, and then {@code activation} (eval only).
     */
    private NDArray groupedConv(
            ParameterStore ps, NDArray x, boolean training, NDArray scale, NDArray shift, Activation activation) {
        NDList weights = new NDList(convs.size());
        // results of ops on the parameters belong to the parameters' manager and would outlive the call
        boolean dense = !depthwise && runsDense(training);
        for (int g = 0; g < convs.size(); g++) {
            NDArray w = ps.getValue(convs.get(g).getParameters().get("weight"), x.getDevice(), training);
            int p = (maxKernel - (int) w.getShape().get(3)) / 2;
            if (depthwise && p > 0) {
                w = w.pad(new Shape(p, p, p, p), 0);
                w.attach(x.getManager());
            } else if (dense) { // zero weights for the other groups' input channels: block-diagonal
                long before = (long) g * inSplits[0];
                long after = (long) (convs.size() - 1 - g) * inSplits[0];
                w = w.pad(new Shape(0, 0, 0, 0, before, after), 0);
                w.attach(x.getManager());
            }
            weights.add(w);
        }
        NDArray weight = NDArrays.concat(weights, 0);
        weight.attach(x.getManager());
        if (scale != null) {
            weight = scale.reshape(-1, 1, 1, 1).mul(weight);
        }
        Conv2d first = (Conv2d) convs.get(0);
        return ConvActivation.apply(x, weight, shift, first.getStride(), new Shape(maxKernel / 2, maxKernel / 2),
                first.getDilation(), depthwise ? (int) x.getShape().get(1) : dense ? 1 : convs.size(), activation,
                training);
    }

    /** Splits the input channels into the groups, applies {@code conv} to each, concatenates. */
    private NDArray perGroup(NDArray x, BiFunction<Integer, NDArray, NDArray> conv) {
        NDList parts = x.split(splitIndices, 1);
        NDList outputs = new NDList(parts.size());
        for (int g = 0; g < parts.size(); g++) {
            outputs.add(conv.apply(g, parts.get(g)));
        }
        return NDArrays.concat(outputs, 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int g = 0; g < convs.size(); g++) {
            convs.get(g).initialize(manager, dataType, groupShape(inputShapes[0], g));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long channels = 0;
        Shape first = null;
        for (int g = 0; g < convs.size(); g++) {
            Shape out = convs.get(g).getOutputShapes(new Shape[] {groupShape(inputShapes[0], g)})[0];
            channels += out.get(1);
            first = out;
        }
        return new Shape[] {new Shape(first.get(0), channels, first.get(2), first.get(3))};
    }

    private Shape groupShape(Shape input, int group) {
        return new Shape(input.get(0), inSplits[group], input.get(2), input.get(3));
    }
}
