package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * {@code ConstantOps} multiplies and divides arrays by constants so that autograd can
 * differentiate the result safely. DJL's {@code NDArray.mul(Number)} and {@code div(Number)}
 * (and the other {@code Number} overloads) wrap the number in a PyTorch tensor over a Java direct
 * buffer, which PyTorch does not own ({@code from_blob}), and close it when the call returns.
 * Autograd keeps that tensor to compute the gradient of the product or quotient and reads it in
 * the backward pass, by which time the buffer may have been freed and its memory reused: the
 * gradients then come out wrong or NaN, at random and mostly in a JVM's first steps, while the
 * garbage collector runs often (squeeze-excite's pooling, label smoothing and the replicas' loss
 * weights did this: {@code CpuReplicasTest}'s two-replica check failed in 11 of 180 runs, three
 * per fresh JVM, and in none of 180 after). Here the constant is a tensor in PyTorch's own memory,
 * which autograd's reference keeps alive. Every product or quotient with a constant in a pass
 * whose gradient is taken goes through this class.
 */
public final class ConstantOps {

    private ConstantOps() {}

    /**
     * Returns {@code x * factor}.
     *
     * @param x an array, possibly recorded by autograd
     * @param factor the constant
     * @return the product, on {@code x}'s manager
     */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray constant = constant(x, factor)) {
            return x.mul(constant);
        }
    }

    /**
     * Returns {@code x / divisor}.
     *
     * @param x an array, possibly recorded by autograd
     * @param divisor the constant
     * @return the quotient, on {@code x}'s manager
     */
    public static NDArray dividedBy(NDArray x, float divisor) {
        try (NDArray constant = constant(x, divisor)) {
            return x.div(constant);
        }
    }

    /** A 0-d array of {@code x}'s type in PyTorch's memory (DJL's {@code full} is {@code torch::full}). */
    private static NDArray constant(NDArray x, float value) {
        return x.getManager().full(new Shape(), value, x.getDataType());
    }
}
