package io.mixnetspark.model.blocks;

import java.util.Arrays;
import java.util.Locale;
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

    /** The batch is stored channels-last (NHWC) from the stem on, on the CPU. */
    CHANNELS_LAST("channels_last", true),

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
    GROUPED_POINTWISE("grouped_1x1", true);

    private final String key;
    private final boolean inTraining;

    FastPath(String key, boolean inTraining) {
        this.key = key;
        this.inTraining = inTraining;
    }

    /**
     * Whether training passes take this path too (the others change only the eval forward).
     *
     * @return whether it is on in training
     */
    public boolean inTraining() {
        return inTraining;
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
