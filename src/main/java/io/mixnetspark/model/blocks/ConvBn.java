package io.mixnetspark.model.blocks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.arch.Activation;

/**
 * {@code ConvBn} runs a bias-free convolution followed by BatchNorm, as every convolution in MixNet
 * is followed. In training both run as they are (batch statistics, running averages updated). In
 * eval the BatchNorm is an affine map per output channel, {@code s = gamma / sqrt(var + eps)} and
 * {@code t = beta - mean * s}, and is folded into the convolution: weights times {@code s}, {@code
 * t} as the bias, one op where there were two passes over the activations. The fold is recomputed
 * on every eval call (a pass over the weights, not the activations), so validation during training
 * always sees the current weights; its temporaries are closed before the call returns. An
 * activation after the BatchNorm is fused into the eval convolution where {@link ConvActivation}
 * can.
 */
public final class ConvBn {

    private ConvBn() {}

    /**
     * {@code bn(conv(x))}.
     *
     * @param ps the parameter store
     * @param conv a {@link Conv2d} or {@link MixedConv2d} without bias
     * @param bn the BatchNorm after it (built by {@link Layers#batchNorm()})
     * @param x the input
     * @param training whether this is a training pass
     * @return the normalised convolution output, attached to {@code x}'s manager
     */
    public static NDArray forward(ParameterStore ps, Block conv, Block bn, NDArray x, boolean training) {
        return forward(ps, conv, bn, null, x, training);
    }

    /**
     * {@code activation(bn(conv(x)))}.
     *
     * @param ps the parameter store
     * @param conv a {@link Conv2d} or {@link MixedConv2d} without bias
     * @param bn the BatchNorm after it (built by {@link Layers#batchNorm()})
     * @param activation the activation after the BatchNorm, or {@code null} for none
     * @param x the input
     * @param training whether this is a training pass
     * @return the activated normalised convolution output, attached to {@code x}'s manager
     */
    public static NDArray forward(
            ParameterStore ps, Block conv, Block bn, Activation activation, NDArray x, boolean training) {
        if (training) {
            NDArray y = NamedBlock.run(bn, ps, Layers.convolve(ps, conv, x, true), true);
            return activation == null ? y : Layers.activate(activation, y);
        }
        // copies of the BatchNorm values on a per-call scope: arithmetic on the shared parameter
        // arrays would attach its results to the model's manager (growing with every call), and
        // another task thread may be using the same parameters at the same time
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray gamma = local(scope, ps, bn, "gamma", x.getDevice());
            NDArray var = local(scope, ps, bn, "runningVar", x.getDevice());
            NDArray scale = gamma.div(var.add(Layers.BN_EPSILON).sqrt());
            NDArray shift = local(scope, ps, bn, "beta", x.getDevice())
                    .sub(local(scope, ps, bn, "runningMean", x.getDevice()).mul(scale));
            return conv instanceof MixedConv2d mixed
                    ? mixed.forwardFolded(ps, x, scale, shift, activation)
                    : folded(ps, (Conv2d) conv, x, scale, shift, activation);
        }
    }

    /**
     * One convolution with BatchNorm folded in.
     *
     * @param ps the parameter store
     * @param conv the convolution (no bias)
     * @param x its input
     * @param scale the per-output-channel BatchNorm scale
     * @param shift the per-output-channel BatchNorm shift (the bias)
     * @param activation the activation after the BatchNorm, or {@code null} for none
     * @return {@code activation(conv(x) * scale + shift)}, attached to {@code x}'s manager
     */
    static NDArray folded(
            ParameterStore ps, Conv2d conv, NDArray x, NDArray scale, NDArray shift, Activation activation) {
        NDArray weight = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), false);
        NDArray scaledWeight = scale.reshape(-1, 1, 1, 1).mul(weight);
        return ConvActivation.apply(x, scaledWeight, shift, conv.getStride(), conv.getPadding(), conv.getDilation(),
                conv.getGroups(), activation, false);
    }

    private static NDArray local(NDManager scope, ParameterStore ps, Block bn, String name, Device device) {
        NDArray copy = ps.getValue(((BatchNorm) bn).getParameters().get(name), device, false).duplicate();
        copy.attach(scope);
        return copy;
    }
}
