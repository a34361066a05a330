package io.mixnetspark.model.blocks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.arch.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code TorchScriptOp} is a PyTorch op that DJL 0.36 does not bind, reached through DJL's
 * TorchScript entry point: each is a code-only scripted module ({@code scripts/make_torchscript_ops.py}
 * writes them, about 3 KB each, no weights) loaded once per JVM from the class path, whose {@code
 * forward} is called like any other op. Autograd records the call like the surrounding ops (it
 * does not switch gradient mode), and the input's device is kept. Measured reasons for each are in
 * docs/benchmarks-log.md ("Against the PyTorch reference").
 */
enum TorchScriptOp {

    /**
     * Swish, {@code x * sigmoid(x)}, as PyTorch's fused {@code silu} kernel: one elementwise pass
     * forward and one backward, instead of two (and a temporary) forward and three backward when
     * composed from {@code sigmoid} and {@code mul}.
     */
    SILU("silu.pt"),

    /**
     * {@code x.contiguous(memory_format=torch.channels_last)}: the same NCHW tensor stored NHWC.
     * PyTorch's convolution, BatchNorm and elementwise kernels keep that layout for their outputs,
     * and oneDNN's channels-last convolutions (depthwise ones most) are faster on the CPU.
     */
    CHANNELS_LAST("channels_last.pt"),

    /**
     * {@code x.to(torch.float16)}, layout kept. Unlike DJL's {@code toType}, autograd records it, so
     * the gradient of a float32 weight used in float16 flows back as float32 (mixed precision).
     */
    HALF("to_half.pt"),

    /** {@code x.to(torch.float32)}, layout kept, recorded by autograd. */
    FLOAT("to_float.pt"),

    /**
     * A convolution with ReLU as oneDNN post-op ({@code mkldnn::_convolution_pointwise}, attribute
     * {@code relu}): the activation is applied while the output is written, not in a pass of its
     * own. CPU, float32, no derivative: eval only ({@link ConvActivation}).
     */
    CONV_RELU("conv_relu.pt"),

    /** As {@link #CONV_RELU}, with Swish ({@code x * sigmoid(x)}, oneDNN's {@code swish}). */
    CONV_SWISH("conv_swish.pt"),

    /**
     * A 1x1 convolution with stride 1 as one matrix product over the channels with the bias added
     * by the product ({@code addmm}, {@code baddbmm} per group): arguments input, weight, bias.
     * Differentiable; see {@link PointwiseMatmul}.
     */
    POINTWISE("pointwise.pt"),

    /**
     * A 1x1 convolution with stride 1 and no groups as oneDNN's matrix product over the channels
     * ({@code mkldnn::_linear_pointwise}): arguments input, weight, bias. CPU, float32, no
     * derivative: eval only ({@link PointwiseMatmul}).
     */
    LINEAR("linear.pt"),

    /** As {@link #LINEAR}, with ReLU as oneDNN post-op. */
    LINEAR_RELU("linear_relu.pt"),

    /** As {@link #LINEAR}, with Swish as oneDNN post-op. */
    LINEAR_SWISH("linear_swish.pt");

    private final String resource;
    private volatile PtSymbolBlock module;

    TorchScriptOp(String resource) {
        this.resource = resource;
    }

    /**
     * The convolution with {@code activation} as oneDNN post-op.
     *
     * @param activation ReLU or Swish
     * @return {@link #CONV_RELU} or {@link #CONV_SWISH}
     */
    static TorchScriptOp convolution(Activation activation) {
        return activation == Activation.RELU ? CONV_RELU : CONV_SWISH;
    }

    /**
     * oneDNN's matrix product with {@code activation}, if any, as post-op.
     *
     * @param activation ReLU, Swish, or null for none
     * @return {@link #LINEAR}, {@link #LINEAR_RELU} or {@link #LINEAR_SWISH}
     */
    static TorchScriptOp product(Activation activation) {
        return activation == null ? LINEAR : activation == Activation.RELU ? LINEAR_RELU : LINEAR_SWISH;
    }

    /**
     * Applies the op.
     *
     * @param inputs the module's tensor arguments, in order (one for all but the convolutions)
     * @return the result, attached to the first input's manager
     */
    NDArray apply(NDArray... inputs) {
        return IValueUtils.forward(module(), new NDList(inputs), true).singletonOrThrow();
    }

    /**
     * Applies a fused convolution op ({@link #CONV_RELU}, {@link #CONV_SWISH}): the same stride on
     * both axes, zero padding {@code k / 2} of the weight's kernel size {@code k}, dilation 1, and
     * {@code x}'s channels over the weight's input channels as groups.
     *
     * @param x the input (N, C, H, W)
     * @param weight the weight (out, C / groups, k, k)
     * @param bias the bias (out)
     * @param stride the stride along both axes
     * @return the activated convolution, attached to {@code x}'s manager
     */
    NDArray convolve(NDArray x, NDArray weight, NDArray bias, long stride) {
        try (NDArray step = x.getManager().create(stride)) {
            return apply(x, weight, bias, step);
        }
    }

    private PtSymbolBlock module() {
        PtSymbolBlock loaded = module;
        if (loaded == null) {
            synchronized (this) {
                if (module == null) {
                    module = load();
                }
                loaded = module;
            }
        }
        return loaded;
    }

    /** The module lives as long as the JVM: its owner manager is never closed (it holds no tensors). */
    private PtSymbolBlock load() {
        PtNDManager owner = (PtNDManager) Engine.getEngine("PyTorch").newBaseManager();
        try (InputStream in = TorchScriptOp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path next to "
                        + TorchScriptOp.class.getName() + " (scripts/make_torchscript_ops.py writes it)");
            }
            return JniUtils.loadModule(owner, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }
}
