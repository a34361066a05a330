package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import io.mixnetspark.model.arch.Activation;

/**
 * {@code Layers} creates the primitive layers MixNet uses, with timm's conventions: symmetric
 * padding {@code k / 2}, no conv bias except in squeeze-excite, BatchNorm eps 1e-5 and PyTorch
 * momentum 0.1, and timm's {@code _init_weight_goog} initialisation (spec 1.11, 1.12, 1.14).
 */
public final class Layers {

    /** PyTorch BatchNorm epsilon (timm {@code mixnet_*}, MindCV). */
    public static final float BN_EPSILON = 1e-5f;

    /** DJL momentum 0.9 is PyTorch momentum 0.1: DJL passes {@code 1 - momentum} to torch. */
    public static final float BN_MOMENTUM = 0.9f;

    private Layers() {}

    /**
     * A square convolution.
     *
     * @param outChannels filters
     * @param kernel kernel size (odd)
     * @param stride stride
     * @param groups conv groups (input channels for depthwise)
     * @param bias whether the conv has a bias
     * @return the conv block, with timm's fan-out initialisation
     */
    public static Conv2d conv(int outChannels, int kernel, int stride, int groups, boolean bias) {
        Conv2d conv =
                Conv2d.builder()
                        .setFilters(outChannels)
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(kernel / 2, kernel / 2))
                        .optGroups(groups)
                        .optBias(bias)
                        .build();
        conv.setInitializer(new FanOutNormalInitializer(groups), Parameter.Type.WEIGHT);
        return conv;
    }

    /**
     * A convolution over a list of kernel sizes: a plain conv for one kernel, a {@link MixedConv2d}
     * for several (timm's {@code create_conv2d}).
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernels kernel size per channel group
     * @param stride stride
     * @param depthwise whether each group is a depthwise conv
     * @return the conv block
     */
    public static Block mixedOrPlain(int inChannels, int outChannels, int[] kernels, int stride, boolean depthwise) {
        if (kernels.length == 1) {
            return conv(outChannels, kernels[0], stride, depthwise ? inChannels : 1, false);
        }
        return new MixedConv2d(inChannels, outChannels, kernels, stride, depthwise);
    }

    /**
     * A BatchNorm layer over channels (axis 1).
     *
     * @return the BN block
     */
    public static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
    }

    /**
     * Applies an activation.
     *
     * @param activation which one
     * @param x the input
     * @return the activated array
     */
    public static NDArray activate(Activation activation, NDArray x) {
        if (activation == Activation.RELU) {
            return ai.djl.nn.Activation.relu(x);
        }
        return TorchScriptOp.SILU.apply(x);
    }

    /**
     * Stores a CPU batch channels-last (NHWC in memory, still an NCHW array): every convolution,
     * BatchNorm and activation after it keeps that layout, which measured 1.3-1.9x faster for
     * MixNet training and about 1.1x for inference on the CPU (BENCHMARKS.md). Arrays on a GPU are
     * returned as they are: the layout has not been measured there.
     *
     * @param x an (N, C, H, W) array
     * @return the same values, channels-last on the CPU
     */
    public static NDArray channelsLastOnCpu(NDArray x) {
        return x.getDevice().isGpu() ? x : TorchScriptOp.CHANNELS_LAST.apply(x);
    }

    /**
     * Drop-path (stochastic depth) on a residual branch in training: zeroes whole samples with
     * probability {@code rate} and scales the kept ones by {@code 1 / (1 - rate)}, as timm's
     * {@code drop_path}.
     *
     * @param x the branch output (N, C, H, W)
     * @param rate the drop probability
     * @param training whether this is a training pass
     * @return the branch, dropped or not
     */
    public static NDArray dropPath(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        float keep = 1f - rate;
        Shape maskShape = new Shape(x.getShape().get(0), 1, 1, 1);
        NDArray mask = x.getManager().randomUniform(0f, 1f, maskShape, x.getDataType()).lt(keep);
        return x.mul(mask.toType(x.getDataType(), false)).div(keep);
    }
}
