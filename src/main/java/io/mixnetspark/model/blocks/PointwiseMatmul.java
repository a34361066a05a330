package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * {@code PointwiseMatmul} computes a 1x1 convolution with stride 1 as a matrix product over the
 * channels ({@link FastPath#POINTWISE_MATMUL}): for a batch stored channels-last, the input is a
 * (pixels, channels) matrix as it lies in memory, and the output, (pixels, filters), is the
 * channels-last result, so nothing is copied. PyTorch computes the product with its BLAS (MKL),
 * not with oneDNN's convolution kernels, some of which give wrong 1x1 results on some CPUs ({@code
 * docs/numerics.md}). Autograd differentiates it like the convolution; a grouped convolution is a
 * batch of products, one per group.
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
     * {@code conv2d(x, weight, bias)} for a 1x1 kernel.
     *
     * @param x the input (N, C, H, W), best stored channels-last
     * @param weight the weight (O, C / groups, 1, 1), of {@code x}'s type
     * @param bias the bias (O), of {@code x}'s type, or {@code null}
     * @param groups the convolution groups
     * @return the output (N, O, H, W), stored channels-last
     */
    static NDArray apply(NDArray x, NDArray weight, NDArray bias, int groups) {
        Shape in = x.getShape();
        long pixels = in.get(0) * in.get(2) * in.get(3);
        long channels = in.get(1);
        long filters = weight.getShape().get(0);
        // every intermediate is closed here (autograd keeps what the backward pass needs): views of a
        // parameter would otherwise stay on the model's manager, one more per call
        try (NDArray pixelsLast = x.transpose(0, 2, 3, 1);
                NDArray rows = pixelsLast.reshape(pixels, channels);
                NDArray products = groups == 1 ? dense(rows, weight, filters, channels)
                        : grouped(rows, weight, groups, filters, channels);
                NDArray shifted = bias == null ? null : products.add(bias);
                NDArray image = (shifted == null ? products : shifted).reshape(in.get(0), in.get(2), in.get(3), filters)) {
            return image.transpose(0, 3, 1, 2);
        }
    }

    /** (pixels, channels) times the (channels, filters) transpose of the weight. */
    private static NDArray dense(NDArray rows, NDArray weight, long filters, long channels) {
        try (NDArray matrix = weight.reshape(filters, channels); NDArray transposed = matrix.transpose()) {
            return rows.matMul(transposed);
        }
    }

    /** One product per group, (groups, pixels, channels / groups) times (groups, channels / groups, filters / groups). */
    private static NDArray grouped(NDArray rows, NDArray weight, int groups, long filters, long channels) {
        try (NDArray split = rows.reshape(rows.getShape().get(0), groups, channels / groups);
                NDArray perGroup = split.transpose(1, 0, 2);
                NDArray matrices = weight.reshape(groups, filters / groups, channels / groups);
                NDArray kernels = matrices.transpose(0, 2, 1);
                NDArray products = perGroup.matMul(kernels);
                NDArray byPixel = products.transpose(1, 0, 2)) {
            return byPixel.reshape(rows.getShape().get(0), filters);
        }
    }
}
