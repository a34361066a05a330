package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.arch.Activation;

/**
 * {@code ConvActivation} runs an eval convolution, its BatchNorm already folded into weight and
 * bias ({@link ConvBn}), and the activation that follows it, if any. On the CPU, in float32, with
 * gradient mode off (the eval forward, {@code MixNetModel#logits}), a convolution and its activation
 * run as one oneDNN convolution with the activation as post-op ({@link TorchScriptOp#CONV_RELU},
 * {@link TorchScriptOp#CONV_SWISH}): the activation is applied while the output is written, instead
 * of in a pass of its own over it. Anywhere else (GPU, float16, gradient mode on, a shape the op
 * does not take) they run one after the other; the values are the same up to float rounding.
 */
final class ConvActivation {

    private ConvActivation() {}

    /**
     * {@code activation(conv2d(x, weight, bias))}.
     *
     * @param x the input
     * @param weight the weight (float32; cast to {@code x}'s type when that is float16)
     * @param bias the bias (float32, likewise), or {@code null} for none (not fused)
     * @param stride the stride
     * @param padding the zero padding
     * @param dilation the dilation
     * @param groups the convolution groups
     * @param activation the activation after the convolution, or {@code null} for none
     * @param training whether the pass trains (picks the pass's fast paths)
     * @return the result, attached to {@code x}'s manager
     */
    static NDArray apply(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
            int groups, Activation activation, boolean training) {
        if (PointwiseMatmul.takes(x, weight, stride, padding, training)) {
            return PointwiseMatmul.apply(x, Layers.castLike(weight, x), bias == null ? null : Layers.castLike(bias, x),
                    activation);
        }
        if (activation != null && bias != null && fusable(x, weight, stride, padding, dilation)) {
            return TorchScriptOp.convolution(activation).convolve(x, weight, bias, stride.get(0));
        }
        NDArray shift = bias == null ? null : Layers.castLike(bias, x);
        NDArray y = Conv2d.conv2d(x, Layers.castLike(weight, x), shift, stride, padding, dilation, groups)
                .singletonOrThrow();
        return activation == null ? y : Layers.activate(activation, y);
    }

    /**
     * Whether the fused op takes this call: {@link FastPath#FUSED_ACTIVATION} is on, oneDNN runs on
     * the CPU, the op has no derivative (so a pass that records gradients keeps the two ops), and it
     * takes one stride for both axes and padding {@code k / 2} (the only padding MixNet uses).
     *
     * @param x the input
     * @param weight the weight (out, in / groups, k, k)
     * @param stride the stride
     * @param padding the padding
     * @param dilation the dilation
     * @return whether {@link #apply} runs the fused op for an activation and a bias
     */
    static boolean fusable(NDArray x, NDArray weight, Shape stride, Shape padding, Shape dilation) {
        Shape kernel = weight.getShape();
        return fusesActivations(x) && stride.get(0) == stride.get(1) && kernel.get(2) == kernel.get(3)
                && padding.get(0) == kernel.get(2) / 2 && padding.get(1) == kernel.get(2) / 2
                && dilation.get(0) == 1 && dilation.get(1) == 1;
    }

    /**
     * Whether oneDNN's eval-only ops (no derivative) can compute on {@code x}: on the CPU, in
     * float32, with gradient mode off.
     *
     * @param x the input
     * @return whether the fused convolutions and oneDNN's matrix products may take it
     */
    static boolean oneDnnEval(NDArray x) {
        return !x.getDevice().isGpu() && x.getDataType() == DataType.FLOAT32 && !JniUtils.isGradMode();
    }

    /**
     * Whether an activation is applied by the op before it as a oneDNN post-op: {@link
     * FastPath#FUSED_ACTIVATION} is on and {@link #oneDnnEval} holds.
     *
     * @param x the input
     * @return whether activations fuse here
     */
    static boolean fusesActivations(NDArray x) {
        return FastPaths.enabled(FastPath.FUSED_ACTIVATION) && oneDnnEval(x);
    }
}
