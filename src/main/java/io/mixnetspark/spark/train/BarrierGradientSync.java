package io.mixnetspark.spark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.mixnetspark.collective.RingCollective;
import io.mixnetspark.train.GradientSync;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * {@code BarrierGradientSync} is synchronous data-parallel training over the workers' {@link
 * RingCollective}, directly between the executors and off the driver: after every backward pass
 * each worker flattens its gradients into one float vector and scales it by its batch size; a ring
 * allReduce sums the vectors (in an order fixed by rank, so every worker gets the same bits) and an
 * allGather of the batch sizes gives the total, by which every worker divides. Starting from the
 * same weights, the workers so keep bit-identical weights and momentum. BatchNorm running
 * statistics are averaged the same way (unweighted) at every epoch end. A single worker exchanges
 * nothing.
 *
 * <p>Also times the gradient exchanges, for the training history, and offers one hook
 * before the next exchange ({@link FaultInjection} kills a worker there).
 */
public final class BarrierGradientSync implements GradientSync {

    private static final NDIndex ALL = new NDIndex("...");

    private final RingCollective ring;
    private float[] flat;
    private Runnable beforeNextExchange;
    private long nanos;
    private long rounds;

    /**
     * Creates the sync for one worker.
     *
     * @param ring the worker's end of the ring (its rank and size are the worker's)
     */
    public BarrierGradientSync(RingCollective ring) {
        this.ring = ring;
    }

    @Override
    public void synchronize(Map<String, NDArray> gradients, int localBatchSize) {
        if (ring.size() == 1) {
            return; // the mean over one worker is its own gradient
        }
        long start = System.nanoTime();
        average(gradients, localBatchSize);
        nanos += System.nanoTime() - start;
        rounds++;
    }

    @Override
    public void averageBatchNormStatistics(Map<String, NDArray> runningStatistics) {
        average(runningStatistics, 1);
    }

    @Override
    public int rank() {
        return ring.rank();
    }

    /**
     * Returns the mean wall time of one gradient exchange so far (flatten, allReduce, scatter).
     *
     * @return milliseconds per call, 0 before the first
     */
    public double meanMillis() {
        return rounds == 0 ? 0 : nanos / 1e6 / rounds;
    }

    /** Resets the timing, e.g. at the start of an epoch. */
    public void resetTiming() {
        nanos = 0;
        rounds = 0;
    }

    /**
     * Runs an action once, at the start of the next exchange, before this worker takes part in it.
     *
     * @param action what to run
     */
    void beforeNextExchange(Runnable action) {
        beforeNextExchange = action;
    }

    private void average(Map<String, NDArray> arrays, int weight) {
        if (ring.size() == 1) {
            return;
        }
        if (beforeNextExchange != null) {
            Runnable action = beforeNextExchange;
            beforeNextExchange = null;
            action.run();
        }
        float[] vector = flatten(arrays);
        if (vector.length == 0) {
            return;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= weight;
        }
        ring.allReduce(vector);
        float divisor = totalWeight(weight);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= divisor;
        }
        scatter(vector, arrays);
    }

    /** Sums every worker's weight, in rank order. */
    private long totalWeight(int weight) {
        long total = 0;
        for (byte[] theirs : ring.allGather(ByteBuffer.allocate(Integer.BYTES).putInt(weight).array())) {
            total += ByteBuffer.wrap(theirs).getInt();
        }
        return total;
    }

    /**
     * Copies the arrays into one vector, reusing the previous step's when the size is the same (a
     * step's gradients are 16.5 MB for MixNet-S: a new vector per step would only feed the GC).
     */
    private float[] flatten(Map<String, NDArray> arrays) {
        long size = 0;
        for (NDArray a : arrays.values()) {
            size += a.size();
        }
        if (flat == null || flat.length != size) {
            flat = new float[Math.toIntExact(size)];
        }
        int offset = 0;
        for (NDArray a : arrays.values()) {
            float[] values = a.toFloatArray();
            System.arraycopy(values, 0, flat, offset, values.length);
            offset += values.length;
        }
        return flat;
    }

    /**
     * Copies the averages into the arrays in place ({@code set(NDIndex, NDArray)}, an indexed copy
     * into the existing storage). {@code NDArray.set(float[])} would not do: PyTorch's engine
     * points the tensor at a Java buffer owned by that handle, which a gradient handle closed
     * after the step leaves dangling.
     */
    private static void scatter(float[] flat, Map<String, NDArray> arrays) {
        int offset = 0;
        for (NDArray a : arrays.values()) {
            int n = Math.toIntExact(a.size());
            try (NDManager temporary = NDManager.newBaseManager(a.getDevice())) {
                a.set(ALL, temporary.create(FloatBuffer.wrap(flat, offset, n), a.getShape()));
            }
            offset += n;
        }
    }
}
