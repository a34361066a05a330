package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.model.arch.Activation;

/**
 * {@code PointwiseMatmul} computes a 1x1 convolution with stride 1 as a matrix product over the
 * channels ({@link FastPath#POINTWISE_MATMUL}): for a batch stored channels-last, the input is a
 * (pixels, channels) matrix as it lies in memory, and the output, (pixels, filters), is the
 * channels-last result, so nothing is copied. The bias is added by the product itself (one pass
 * over the output, as the convolution's). The products are not oneDNN's convolution kernels, some
 * of which give wrong 1x1 results on some CPUs ({@code docs/numerics.md}): the eval forward (CPU,
 * float32, gradient mode off, no groups) runs oneDNN's matrix product ({@link TorchScriptOp#LINEAR}),
 * with the activation as its post-op where {@link FastPath#FUSED_ACTIVATION} is on; passes that
 * record gradients, and grouped convolutions (a batch of products, one per group), run PyTorch's
 * BLAS ({@link TorchScriptOp#POINTWISE}), which autograd differentiates like the convolution.
 */
final class PointwiseMatmul {

    private PointwiseMatmul() {}

    /**
     * Whether a convolution is taken: the path is on, the pass is stored channels-last, the tensors
     * are on the CPU, and the kernel is 1x1 with stride 1 and no padding.
     *
     * @param x the input
     * @param weight the weight (out, in / groups, kh, kw)
     * @param stride the stride
     * @param padding the padding
     * @param training whether the pass trains
     * @return whether {@link #apply} computes it
     */
    static boolean takes(NDArray x, NDArray weight, Shape stride, Shape padding, boolean training) {
        Shape kernel = weight.getShape();
        return FastPaths.enabled(FastPath.POINTWISE_MATMUL) && FastPaths.enabled(FastPath.channelsLast(training))
                && !x.getDevice().isGpu()
                && kernel.get(2) == 1 && kernel.get(3) == 1 && stride.get(0) == 1 && stride.get(1) == 1
                && padding.get(0) == 0 && padding.get(1) == 0;
    }

    /**
     * {@code activation(conv2d(x, weight, bias))} for a 1x1 kernel, as one product.
     *
     * @param x the input (N, C, H, W), best stored channels-last
     * @param weight the weight (O, C / groups, 1, 1), of {@code x}'s type
     * @param bias the bias (O), of {@code x}'s type, or {@code null}
     * @param activation the activation after the convolution, or {@code null} for none
     * @return the output (N, O, H, W), stored channels-last, attached to {@code x}'s manager
     */
    static NDArray apply(NDArray x, NDArray weight, NDArray bias, Activation activation) {
        boolean oneDnn = ConvActivation.oneDnnEval(x) && x.getShape().get(1) == weight.getShape().get(1);
        boolean fused = oneDnn && activation != null && FastPaths.enabled(FastPath.FUSED_ACTIVATION);
        TorchScriptOp op = !oneDnn ? TorchScriptOp.POINTWISE : TorchScriptOp.product(fused ? activation : null);
        NDArray y = withBias(op, x, weight, bias);
        if (activation == null || fused) {
            return y;
        }
        try (y) { // like the fused op, leave only the activated result (autograd keeps what it needs)
            return Layers.activate(activation, y);
        }
    }

    private static NDArray withBias(TorchScriptOp op, NDArray x, NDArray weight, NDArray bias) {
        if (bias != null) {
            return op.apply(x, weight, bias);
        }
        try (NDArray zero = x.getManager().zeros(new Shape(weight.getShape().get(0)), x.getDataType())) {
            return op.apply(x, weight, zero);
        }
    }
}
