package io.mixnetspark.model.weights;

/**
 * {@code BlockLayout} is what {@link MindCvNames} needs to know about one MixNet block to name its
 * parameters: where it sits (timm {@code blocks.<stage>.<index>}) and which optional parts it has
 * (spec sections 4.1 and 4.2). A list of them in flat order describes a variant; the position in
 * the list is MindCV's flat index {@code layers.<j>}.
 *
 * @param stage the stage, timm's {@code blocks.<stage>} (0-based)
 * @param index the block within its stage, timm's {@code blocks.<stage>.<index>} (0-based)
 * @param expansion whether the block has an expansion 1x1 conv (MindCV: expand ratio not 1; timm:
 *     an inverted-residual {@code ir} block rather than a depthwise-separable {@code ds} block)
 * @param squeezeExcite whether the block has squeeze-and-excitation
 */
public record BlockLayout(int stage, int index, boolean expansion, boolean squeezeExcite) {

    /**
     * Checks that stage and index are non-negative.
     *
     * @throws IllegalArgumentException when either is negative
     */
    public BlockLayout {
        if (stage < 0 || index < 0) {
            throw new IllegalArgumentException(
                    "Block stage and index must be >= 0, got stage " + stage + ", index " + index);
        }
    }
}
