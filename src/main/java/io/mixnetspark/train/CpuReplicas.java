package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.mixnetspark.concurrent.DaemonThreads;
import io.mixnetspark.concurrent.TaskResults;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.blocks.ConstantOps;
import io.mixnetspark.model.blocks.MaskRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code CpuReplicas} runs a training step's forward and backward passes as data-parallel
 * replicas of one network, one per thread: the batch is cut into one {@link Shard} per replica,
 * each replica's thread runs PyTorch with one intra-op thread, and the replicas' gradients are
 * summed into the network's own. On a 2-core CPU two such replicas trained 1.1-1.4x as fast as one
 * pass over the whole batch on both cores (docs/benchmarks-log.md, "Training step speed"): many of
 * MixNet's kernels are small and gain little from a second intra-op thread.
 *
 * <p>The replicas share the network's blocks and weight storage. Each replica other than the
 * first reads the weights through detached views that collect their own gradients, and keeps its
 * own copy of the BatchNorm running statistics, which {@link #averageRunningStatistics} folds into
 * the network's at the end of an epoch. With one replica (a GPU, or {@link
 * TrainingRecipe#cpuReplicas()} 1) the pass runs on the calling thread with the network's own
 * arrays.
 *
 * <p>Each pass runs with gradient recording on and {@link MaskRandom} seeded from the step's seed
 * and the replica's index, so dropout masks do not depend on the threads' timing. Not thread-safe:
 * one step at a time. Closing stops the threads and frees the views and copies.
 */
final class CpuReplicas implements AutoCloseable {

    /** The forward pass of one shard, run on the shard's replica thread. */
    @FunctionalInterface
    interface ShardPass {
        /**
         * Runs the forward pass and the loss of a shard.
         *
         * @param shard which images
         * @param parameters the replica's parameters
         * @return the shard's weighted loss, which the replica differentiates, and its logits
         */
        ShardOutput run(Shard shard, ParameterStore parameters);
    }

    /**
     * What a shard's pass produced.
     *
     * @param weightedLoss the shard's mean loss times its share of the batch: the step's loss is
     *     the sum over shards, and so is its gradient
     * @param logits the shard's logits
     */
    record ShardOutput(NDArray weightedLoss, NDArray logits) {}

    /**
     * A contiguous run of a batch's images.
     *
     * @param replica the replica that trains on it
     * @param from first image
     * @param to one past the last image
     * @param batchSize images in the whole batch
     */
    record Shard(int replica, int from, int to, int batchSize) {

        /**
         * Returns this shard's rows of a batch tensor (a view when it is not the whole batch).
         *
         * @param batchArray a tensor whose first axis is the batch
         * @return the rows {@code from..to-1}
         */
        NDArray of(NDArray batchArray) {
            return from == 0 && to == batchSize ? batchArray : batchArray.get(from + ":" + to);
        }

        /**
         * Returns the shard's share of the batch.
         *
         * @return {@code (to - from) / batchSize}
         */
        float fraction() {
            return (to - from) / (float) batchSize;
        }
    }

    /**
     * The fewest images a replica trains on: BatchNorm normalises each shard with its own
     * statistics, which grow noisy on a handful of images, so smaller batches use fewer replicas.
     */
    static final int MIN_SHARD_IMAGES = 8;

    private final Collection<Parameter> trainable;
    private final Collection<Parameter> runningStatistics;
    /** Replicas 1..n-1; replica 0 is the network itself. */
    private final List<ReplicaParameters> others = new ArrayList<>();
    private final NDManager owner;
    private final ExecutorService threads;
    /** The most replicas a step used since the running statistics were last copied out. */
    private int usedSinceCopy = 1;

    /**
     * Prepares the replicas.
     *
     * @param model the network
     * @param trainable its trainable parameters
     * @param runningStatistics its BatchNorm running statistics
     * @param requested replicas asked for, 0 for one per PyTorch intra-op thread; GPUs get one
     */
    CpuReplicas(MixNetModel model, Collection<Parameter> trainable, Collection<Parameter> runningStatistics,
            int requested) {
        this.trainable = trainable;
        this.runningStatistics = runningStatistics;
        this.owner = model.djlModel().getNDManager().newSubManager();
        int count = model.device().isGpu() ? 1 : requested > 0 ? requested : JniUtils.getNumThreads();
        for (int r = 1; r < count; r++) {
            others.add(new ReplicaParameters(owner, trainable, runningStatistics));
        }
        this.threads = count > 1 ? singleThreadedPool(count) : null;
    }

    /**
     * Returns how many replicas there are (a step uses fewer when its batch has fewer than {@link
     * #MIN_SHARD_IMAGES} images per replica).
     *
     * @return the replica count
     */
    int count() {
        return others.size() + 1;
    }

    /**
     * Returns how many replicas a step on a batch of this size uses.
     *
     * @param batchSize images in the batch
     * @return at most {@link #count()}, with at least {@link #MIN_SHARD_IMAGES} images each, and 1
     */
    int usedFor(int batchSize) {
        return Math.max(1, Math.min(count(), batchSize / MIN_SHARD_IMAGES));
    }

    /**
     * Runs a step's passes and backward passes and leaves the summed gradient in the network's
     * gradients (which the caller zeroed, as {@link #zeroGradients} does the replicas').
     *
     * @param batchSize images in the batch
     * @param seed the step's seed
     * @param lossScale what each weighted loss is multiplied by before its backward pass (float16
     *     training's loss scale; 1 otherwise)
     * @param manager the step's manager, which takes the arrays the passes make
     * @param pass the forward pass of one shard
     * @return each shard's output, in batch order
     */
    List<ShardOutput> run(int batchSize, long seed, float lossScale, NDManager manager, ShardPass pass) {
        int n = usedFor(batchSize);
        usedSinceCopy = Math.max(usedSinceCopy, n);
        List<Shard> shards = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            shards.add(new Shard(r, batchSize * r / n, batchSize * (r + 1) / n, batchSize));
        }
        List<ShardOutput> outputs = new ArrayList<>(n);
        if (n == 1) {
            outputs.add(runShard(shards.get(0), seed, lossScale, manager, pass));
            return outputs;
        }
        List<Future<ShardOutput>> running = new ArrayList<>(n);
        for (Shard shard : shards) {
            running.add(threads.submit(() -> runShard(shard, seed, lossScale, manager, pass)));
        }
        RuntimeException failure = null;
        for (Future<ShardOutput> f : running) { // every replica ends before the step's arrays are freed
            try {
                outputs.add(TaskResults.await(f, "a training replica ran"));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        for (int r = 1; r < n; r++) {
            others.get(r - 1).addGradientsTo(trainable, manager);
        }
        return outputs;
    }

    private ShardOutput runShard(Shard shard, long seed, float lossScale, NDManager manager, ShardPass pass) {
        ParameterStore parameters = shard.replica() == 0 ? new ParameterStore(manager, false)
                : others.get(shard.replica() - 1).store(manager);
        MaskRandom.seedThisThread(seed + 0x9E3779B97F4A7C15L * shard.replica());
        try {
            return GradientMode.with(true, () -> {
                ShardOutput out = pass.run(shard, parameters);
                NDArray loss = out.weightedLoss();
                PtNDArray objective = (PtNDArray) (lossScale == 1f ? loss : ConstantOps.times(loss, lossScale));
                JniUtils.backward(objective, (PtNDArray) manager.ones(objective.getShape(), objective.getDataType()),
                        false, false);
                return out;
            });
        } finally {
            MaskRandom.clearThisThread();
        }
    }

    /** Clears the replicas' gradients (PyTorch accumulates them across backward passes). */
    void zeroGradients() {
        others.forEach(ReplicaParameters::zeroGradients);
    }

    /** Gives every replica the network's running statistics (at the start of an epoch). */
    void copyRunningStatistics() {
        others.forEach(r -> r.copyRunningStatisticsFrom(runningStatistics));
        usedSinceCopy = 1;
    }

    /**
     * Replaces the network's running statistics with the mean over the replicas that trained since
     * {@link #copyRunningStatistics} (end of an epoch).
     */
    void averageRunningStatistics() {
        if (usedSinceCopy == 1) {
            return;
        }
        List<ReplicaParameters> trained = others.subList(0, usedSinceCopy - 1);
        for (Parameter p : runningStatistics) {
            NDArray mean = p.getArray();
            trained.forEach(r -> mean.addi(r.arrayOf(p)));
            mean.divi(usedSinceCopy);
        }
    }

    /**
     * A pool of threads that each run PyTorch with one intra-op thread. PyTorch's thread count
     * setter also changes the default of threads that have not run an op yet, so the caller's
     * count is set back afterwards.
     */
    private static ExecutorService singleThreadedPool(int count) {
        int callerThreads = JniUtils.getNumThreads();
        ExecutorService pool = Executors.newFixedThreadPool(count, DaemonThreads.named("mixnet-train-replica"));
        CountDownLatch everyThread = new CountDownLatch(count);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(pool.submit(() -> {
                JniUtils.setNumThreads(1);
                JniUtils.getNumThreads(); // fixes this thread's count before the default is restored
                everyThread.countDown();
                everyThread.await(); // one start-up task per thread
                return null;
            }));
        }
        try {
            started.forEach(f -> TaskResults.await(f, "starting training replicas"));
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            JniUtils.setNumThreads(callerThreads);
        }
        return pool;
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
        owner.close();
    }
}
