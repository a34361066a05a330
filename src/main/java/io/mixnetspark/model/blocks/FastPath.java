package io.mixnetspark.model.blocks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code FastPath} names each way the blocks compute faster than the plain ops would, for the same
 * values up to float rounding. Each can be switched off on its own ({@link FastPaths}); with none,
 * the network runs the plain PyTorch ops on NCHW tensors, one convolution per MixConv group. The
 * numerics self-check ({@code io.mixnetspark.model.numerics}) decides which of them a JVM uses,
 * because on some CPUs the oneDNN kernels behind a path compute wrong values
 * ({@code docs/numerics.md}).
 */
public enum FastPath {

    /** Eval passes store the batch channels-last (NHWC) from the stem on, on the CPU. */
    CHANNELS_LAST("channels_last", false),

    /**
     * In eval on the CPU, a convolution and the activation after it run as one oneDNN convolution
     * with the activation as post-op ({@code mkldnn::_convolution_pointwise}).
     */
    FUSED_ACTIVATION("fused_activation", false),

    /**
     * In eval, a grouped 1x1 convolution with narrow groups runs as one dense convolution whose
     * weight is block-diagonal.
     */
    BLOCK_DIAGONAL_POINTWISE("block_diagonal_1x1", false),

    /**
     * In eval, a MixConv's depthwise kernels are zero-padded to the largest and run as one
     * depthwise convolution.
     */
    PADDED_DEPTHWISE("padded_depthwise", false),

    /** A grouped 1x1 convolution with equal groups runs as one convolution with {@code groups} set. */
    GROUPED_POINTWISE("grouped_1x1", true),

    /**
     * In passes stored channels-last ({@link #CHANNELS_LAST}, {@link #CHANNELS_LAST_TRAINING}), 1x1
     * convolutions on the CPU run as matrix products over the channels (oneDNN's in the eval
     * forward, PyTorch's BLAS where gradients are recorded) instead of oneDNN convolutions; the
     * channels-last layout is the products' own, so nothing is copied. Not among the defaults: the
     * self-check takes it where oneDNN's 1x1 kernels are wrong.
     */
    POINTWISE_MATMUL("pointwise_matmul", true),

    /**
     * Training passes store the batch channels-last too. Not among the defaults, and never chosen
     * by the self-check: PyTorch's channels-last BatchNorm accumulates its batch statistics in
     * float32, about ten times less accurately than the NCHW kernel at ImageNet sizes, which moved
     * the early layers' gradients of the training-step fixture 1.2e-3 (relative) away from float64
     * where NCHW stays within 1e-5 (docs/numerics.md). A setting can force it.
     */
    CHANNELS_LAST_TRAINING("channels_last_training", true);

    private final String key;
    /** Whether training passes can take this path (the others change only the eval forward). */
    private final boolean inTraining;

    /**
     * The paths a JVM takes where the self-check finds them right, and before any check: every
     * path but {@link #POINTWISE_MATMUL}, which only replaces wrong oneDNN kernels, and {@link
     * #CHANNELS_LAST_TRAINING}, which is less accurate.
     *
     * @return a new set of them
     */
    public static Set<FastPath> defaults() {
        return EnumSet.complementOf(EnumSet.of(POINTWISE_MATMUL, CHANNELS_LAST_TRAINING));
    }

    /**
     * The path that stores a pass channels-last.
     *
     * @param training whether the pass trains (records gradients)
     * @return {@link #CHANNELS_LAST_TRAINING} for training, else {@link #CHANNELS_LAST}
     */
    public static FastPath channelsLast(boolean training) {
        return training ? CHANNELS_LAST_TRAINING : CHANNELS_LAST;
    }

    /**
     * The paths of {@code paths} that change what a training pass computes: those training can take,
     * without {@link #POINTWISE_MATMUL} unless training passes are channels-last
     * ({@link #CHANNELS_LAST_TRAINING}), since it only replaces 1x1 convolutions of channels-last
     * passes.
     *
     * @param paths a set of paths
     * @return a new set, the ones a training pass sees
     */
    public static Set<FastPath> seenByTraining(Set<FastPath> paths) {
        Set<FastPath> seen = EnumSet.noneOf(FastPath.class);
        paths.stream().filter(p -> p.inTraining).forEach(seen::add);
        if (!seen.contains(CHANNELS_LAST_TRAINING)) {
            seen.remove(POINTWISE_MATMUL);
        }
        return seen;
    }

    FastPath(String key, boolean inTraining) {
        this.key = key;
        this.inTraining = inTraining;
    }

    /**
     * Returns the name settings and reports use, e.g. {@code channels_last}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Finds a path by its {@link #key()}.
     *
     * @param key a path name, case-insensitive
     * @return the path
     * @throws IllegalArgumentException naming the allowed names
     */
    public static FastPath of(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fast path '" + key + "'; allowed: "
                        + Arrays.stream(values()).map(FastPath::key).collect(Collectors.joining(", "))));
    }
}
