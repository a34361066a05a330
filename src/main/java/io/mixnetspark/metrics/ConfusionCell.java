package io.mixnetspark.metrics;

import java.io.Serializable;

/**
 * {@code ConfusionCell} names one cell of a confusion matrix: images of class {@code actual} whose
 * best-scoring class was {@code predicted}.
 *
 * @param actual the true class position
 * @param predicted the top-1 predicted class position
 */
public record ConfusionCell(int actual, int predicted) implements Serializable {}
