package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
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
     * Runs a convolution block ({@link Conv2d} or {@link MixedConv2d}) in its input's floating
     * type, on the pass's fast paths ({@link ConvActivation}: a 1x1 convolution of a channels-last
     * pass may run as a matrix product). The weights stay float32; for a float16 input they are
     * cast per call, and autograd carries their gradients back to float32 (mixed precision, as
     * PyTorch's autocast runs convolutions).
     *
     * @param ps the parameter store
     * @param conv the convolution
     * @param x the input, float32 or float16
     * @param training whether this is a training pass
     * @return the output, in {@code x}'s type
     */
    public static NDArray convolve(ParameterStore ps, Block conv, NDArray x, boolean training) {
        if (!(conv instanceof Conv2d plain)) {
            return NamedBlock.run(conv, ps, x, training);
        }
        NDArray weight = ps.getValue(plain.getParameters().get("weight"), x.getDevice(), training);
        Parameter bias = plain.getParameters().get("bias");
        NDArray shift = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return ConvActivation.apply(x, weight, shift, plain.getStride(), plain.getPadding(), plain.getDilation(),
                plain.getGroups(), null, training);
    }

    /**
     * Casts a float32 array (a weight) to the floating type of an activation, recorded by autograd.
     *
     * @param array a float32 array
     * @param like the activation, float32 or float16
     * @return {@code array} itself when the types match, else its float16 copy attached to {@code
     *     like}'s manager (a cast of a parameter must not outlive the call)
     * @throws IllegalArgumentException for another type than float32 or float16
     */
    static NDArray castLike(NDArray array, NDArray like) {
        DataType type = like.getDataType();
        if (array.getDataType() == type) {
            return array;
        }
        if (type != DataType.FLOAT16 || array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(
                    "MixNet computes in float32 or float16, not " + array.getDataType() + " with " + type);
        }
        NDArray cast = TorchScriptOp.HALF.apply(array);
        cast.attach(like.getManager());
        return cast;
    }

    /**
     * Returns a float16 activation as float32, recorded by autograd: the end of the float16 part of
     * a mixed-precision forward (the classifier and the loss run in float32). Other types pass
     * through (the numerics self-check runs its reference network in float64).
     *
     * @param x an array
     * @return its float32 copy when {@code x} is float16, else {@code x} itself
     */
    public static NDArray toFloat32(NDArray x) {
        return x.getDataType() == DataType.FLOAT16 ? TorchScriptOp.FLOAT.apply(x) : x;
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
     * returned as they are: the layout has not been measured there. Only while the pass's path is on
     * ({@link FastPath#channelsLast(boolean)}).
     *
     * @param x an (N, C, H, W) array
     * @param training whether the pass trains
     * @return the same values, channels-last on the CPU when the path is on
     */
    public static NDArray channelsLastOnCpu(NDArray x, boolean training) {
        return x.getDevice().isGpu() || !FastPaths.enabled(FastPath.channelsLast(training)) ? x
                : TorchScriptOp.CHANNELS_LAST.apply(x);
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
        return dropWithMask(x, rate, new Shape(x.getShape().get(0), 1, 1, 1));
    }

    /**
     * Dropout: in training, zeroes each element with probability {@code rate} and scales the kept
     * ones by {@code 1 / (1 - rate)}; the identity otherwise. Masks come from {@link MaskRandom}.
     *
     * @param x the input
     * @param rate the drop probability
     * @param training whether this is a training pass
     * @return the input, dropped or not
     */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        return dropWithMask(x, rate, x.getShape());
    }

    /**
     * Multiplies by a keep mask of {@code maskShape} (broadcast over x) and rescales, the constant
     * through {@link ConstantOps}.
     */
    private static NDArray dropWithMask(NDArray x, float rate, Shape maskShape) {
        float keep = 1f - rate;
        NDArray mask = MaskRandom.keepMask(x.getManager(), maskShape, keep, x.getDataType());
        return ConstantOps.dividedBy(x.mul(mask), keep);
    }
}
