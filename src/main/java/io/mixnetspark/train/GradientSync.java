package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * {@code GradientSync} is where data-parallel training plugs into the single-worker loop: {@link
 * EpochTrainer} calls {@link #synchronize} after every backward pass and before the optimizer step,
 * so an implementation can replace each worker's gradients with the average over all workers (an
 * all-reduce). With identical starting weights on every worker, identical gradients keep the
 * weights and momentum buffers identical everywhere. {@link #LOCAL} is the single-worker case.
 *
 * <p>The loop does not start workers from the same weights: the caller does (load the same
 * weights, or create the model after seeding the engine identically on every worker).
 *
 * <p><b>BatchNorm across workers.</b> In training mode BatchNorm normalises with the statistics of
 * the local batch (no cross-worker "sync BN"), and each worker's running mean and variance follow
 * its own batches, so they drift apart even though the weights stay equal. Running statistics are
 * only used in evaluation, so the loop calls {@link #averageBatchNormStatistics} once at the end of
 * every epoch: averaging them there (as timm's {@code --dist-bn reduce} does) gives every worker the
 * same evaluation model and lets any one of them write the checkpoint. MindCV, like plain
 * MindSpore data parallelism, does not average them and saves rank 0's.
 */
@FunctionalInterface
public interface GradientSync {

    /** Single-worker training: gradients stay as they are; rank 0. */
    GradientSync LOCAL = (gradients, localBatchSize) -> {};

    /**
     * Makes the gradients global. Called once per step, on every worker, with the same keys in the
     * same order. Each gradient is of the mean loss over this worker's batch; an implementation
     * replaces it in place with the mean over all workers, weighted by batch size if batches can
     * differ: copy into the existing tensor ({@code set(new NDIndex("..."), mean)}) or use in-place
     * arithmetic, not {@code set(float[])}, which points the tensor at a Java buffer freed with the
     * handle. The arrays are valid only during the call.
     *
     * @param gradients gradient of every trainable tensor by timm key, in module order
     * @param localBatchSize images in this worker's batch
     */
    void synchronize(Map<String, NDArray> gradients, int localBatchSize);

    /**
     * Makes the BatchNorm running statistics agree across workers, at the end of every epoch.
     * Default: nothing (one worker).
     *
     * @param runningStatistics every {@code running_mean} and {@code running_var} by timm key, to
     *     be replaced in place
     */
    default void averageBatchNormStatistics(Map<String, NDArray> runningStatistics) {}

    /**
     * Returns this worker's position among the workers. The loop mixes it into each step's random
     * seed, so workers draw different dropout masks. Default 0.
     *
     * @return the rank, 0 for a single worker
     */
    default int rank() {
        return 0;
    }
}
