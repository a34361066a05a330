package io.mixnetspark.train;

import java.io.Serializable;

/**
 * {@code EpochStats} summarises one training epoch on one worker. Loss and accuracy are measured on
 * the training batches in training mode (dropout on, batch statistics), before each step's update.
 *
 * @param epoch the 0-based epoch index
 * @param steps optimizer steps taken, skipped ones included (one per batch)
 * @param skippedSteps of those, the steps whose float16 gradients overflowed and so changed no
 *     weight (the loss scale was halved instead); always 0 in float32 training
 * @param images images seen
 * @param meanLoss mean training loss per image (label-smoothed and, with batch mixing, against the
 *     mixed targets, as optimised)
 * @param top1 fraction of images whose best-scoring class was the label (the image's own label when
 *     batches are mixed)
 * @param seconds wall time of the epoch
 * @param lastLr learning rate of the last step
 */
public record EpochStats(
        int epoch, int steps, int skippedSteps, long images, double meanLoss, double top1, double seconds,
        double lastLr)
        implements Serializable {

    /**
     * Returns the throughput.
     *
     * @return images per second
     */
    public double imagesPerSecond() {
        return images / seconds;
    }

    /**
     * Returns the mean wall time of a step.
     *
     * @return milliseconds per step
     */
    public double msPerStep() {
        return seconds * 1000 / steps;
    }
}
