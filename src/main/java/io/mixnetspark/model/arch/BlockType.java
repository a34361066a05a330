package io.mixnetspark.model.arch;

/**
 * {@code BlockType} is the kind of a MixNet block: {@code ds} (depthwise-separable, the first block,
 * no expansion) or {@code ir} (inverted residual with expansion), as timm's block strings name them.
 */
public enum BlockType {
    /** Depthwise-separable block: depthwise conv, BN, act, pointwise conv, BN (+ skip). */
    DS,
    /** Inverted residual: expand 1x1, BN, act, MixConv, BN, act, SE, project 1x1, BN (+ skip). */
    IR
}
