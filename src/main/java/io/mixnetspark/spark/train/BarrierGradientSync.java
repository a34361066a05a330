package io.mixnetspark.spark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.mixnetspark.train.GradientSync;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code BarrierGradientSync} is synchronous data-parallel training over Spark's barrier {@code
 * allGather}: after every backward pass each worker flattens its gradients into one float vector,
 * scales it by its batch size, and sends it (Base64 of little-endian floats) to all workers; every
 * worker then adds the vectors in rank order and divides by the total batch, so all of them compute
 * the same bits and, starting from the same weights, keep bit-identical weights and momentum.
 * BatchNorm running statistics are averaged the same way (unweighted) at every epoch end. A single
 * worker exchanges nothing (the exchange cost about a second per step through the driver).
 *
 * <p><b>Message size.</b> Spark's barrier coordinator on the driver relays every message to every
 * worker, so one exchange carries {@code workers} times the vector in its reply. Vectors are split
 * into chunks so that a reply stays under {@value #RPC_SHARE} of {@code spark.rpc.message.maxSize};
 * each chunk is one allGather round. MixNet-S (4.1 M trainable values, 22 MB as Base64) needs one
 * round per step for up to 4 workers at Spark's default 128 MiB.
 *
 * <p>Also counts the time spent synchronizing, for the training history.
 */
public final class BarrierGradientSync implements GradientSync {

    /** Share of {@code spark.rpc.message.maxSize} one allGather reply may use. */
    public static final double RPC_SHARE = 0.8;

    private static final NDIndex ALL = new NDIndex("...");

    private final AllGather gather;
    private final int rank;
    private final int workers;
    private final int chunkFloats;
    private long nanos;
    private long rounds;

    /**
     * Creates the sync for one worker.
     *
     * @param gather the collective
     * @param rank this worker's rank (its position in {@code gather}'s results)
     * @param workers how many workers take part
     * @param maxMessageBytes {@code spark.rpc.message.maxSize} in bytes
     */
    public BarrierGradientSync(AllGather gather, int rank, int workers, long maxMessageBytes) {
        if (rank < 0 || rank >= workers) {
            throw new IllegalArgumentException("rank " + rank + " is outside 0.." + (workers - 1));
        }
        this.gather = gather;
        this.rank = rank;
        this.workers = workers;
        this.chunkFloats = chunkFloats(workers, maxMessageBytes);
    }

    /**
     * Returns how many floats one allGather round carries per worker.
     *
     * @param workers how many workers take part
     * @param maxMessageBytes {@code spark.rpc.message.maxSize} in bytes
     * @return floats per chunk, at least 1024
     * @throws IllegalArgumentException when the limit cannot fit a useful chunk
     */
    public static int chunkFloats(int workers, long maxMessageBytes) {
        long floats = (long) (maxMessageBytes * RPC_SHARE / (workers * Messages.CHARS_PER_FLOAT));
        if (floats < 1024) {
            throw new IllegalArgumentException("spark.rpc.message.maxSize=" + maxMessageBytes + " bytes is too"
                    + " small to exchange gradients between " + workers + " workers; raise it (MiB)");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, floats);
    }

    @Override
    public void synchronize(Map<String, NDArray> gradients, int localBatchSize) {
        average(gradients, localBatchSize);
    }

    @Override
    public void averageBatchNormStatistics(Map<String, NDArray> runningStatistics) {
        average(runningStatistics, 1);
    }

    @Override
    public int rank() {
        return rank;
    }

    /**
     * Returns the mean wall time of one synchronization so far (gradient or BN statistics).
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

    private void average(Map<String, NDArray> arrays, int weight) {
        if (workers == 1) {
            return; // the mean over one worker is its own values: no round trip through the driver
        }
        long start = System.nanoTime();
        float[] flat = flatten(arrays);
        if (flat.length == 0) {
            return;
        }
        float[] sum = new float[flat.length];
        long totalWeight = 0;
        for (int from = 0; from < flat.length; from += chunkFloats) {
            int to = Math.min(flat.length, from + chunkFloats);
            String[] parts = gather.exchange(weight + ":" + Messages.floats(flat, from, to));
            totalWeight = addInRankOrder(parts, sum, from, to);
        }
        float divisor = totalWeight;
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= divisor;
        }
        scatter(sum, arrays);
        nanos += System.nanoTime() - start;
        rounds++;
    }

    /** Adds {@code weight * values} of every worker, rank 0 first; returns the total weight. */
    private long addInRankOrder(String[] parts, float[] sum, int from, int to) {
        if (parts.length != workers) {
            throw new IllegalStateException("expected " + workers + " workers in the barrier, got " + parts.length);
        }
        long totalWeight = 0;
        for (String part : parts) {
            int colon = part.indexOf(':');
            int weight = Integer.parseInt(part.substring(0, colon));
            float[] values = Messages.floats(part.substring(colon + 1));
            if (values.length != to - from) {
                throw new IllegalStateException("workers disagree on the tensor layout: " + values.length
                        + " values against " + (to - from) + " here (rank " + rank + ")");
            }
            for (int i = 0; i < values.length; i++) {
                sum[from + i] += weight * values[i];
            }
            totalWeight += weight;
        }
        return totalWeight;
    }

    private static float[] flatten(Map<String, NDArray> arrays) {
        long size = 0;
        for (NDArray a : arrays.values()) {
            size += a.size();
        }
        float[] flat = new float[Math.toIntExact(size)];
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
                a.set(ALL, temporary.create(Arrays.copyOfRange(flat, offset, offset + n), a.getShape()));
            }
            offset += n;
        }
    }
}
