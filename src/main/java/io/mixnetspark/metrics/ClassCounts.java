package io.mixnetspark.metrics;

import java.io.Serializable;

/**
 * {@code ClassCounts} is what an evaluation counted for one true class.
 *
 * @param classIndex the class position (0-based)
 * @param support images whose true label is this class
 * @param top1 of those, images whose best-scoring class was the true one
 * @param top5 of those, images whose true class was among the five best-scoring ones
 */
public record ClassCounts(int classIndex, long support, long top1, long top5) implements Serializable {}
