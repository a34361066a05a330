package io.mixnetspark.spark.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.collective.PeerAddress;
import io.mixnetspark.collective.RingCollective;
import io.mixnetspark.collective.RingListener;
import io.mixnetspark.concurrent.DaemonThreads;
import io.mixnetspark.metrics.TopKAccumulator;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.SafetensorsFile;
import io.mixnetspark.spark.exec.TaskDevice;
import io.mixnetspark.train.Batch;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.EpochRecord;
import io.mixnetspark.train.EpochStats;
import io.mixnetspark.train.EpochTrainer;
import io.mixnetspark.train.TrainingCheckpoint;
import io.mixnetspark.train.TrainingRecipe;
import io.mixnetspark.train.input.Augmentation;
import io.mixnetspark.train.input.ImagePreparer;
import io.mixnetspark.train.input.ShardBatches;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code TrainingWorker} is what each task of the barrier training stage runs: one data-parallel
 * worker. It joins the ring of workers ({@link RingCollective}: the one exchange of addresses through
 * the driver, then direct connections), agrees with the others on the steps per epoch, builds the
 * network from the broadcast starting weights (or resumes the run's newest checkpoint), then per
 * epoch trains on its shard with {@link BarrierGradientSync} over the ring, evaluates its
 * validation shard, combines every worker's figures into an {@link EpochRecord}, and (rank 0) writes a checkpoint and deletes the ones its {@link
 * CheckpointRetention} does not keep. It returns a digest of its final weights; rank 0 also returns
 * the weights and the history.
 *
 * <p>One worker per executor JVM: the PyTorch engine keeps one random generator and one intra-op
 * thread count per process, so a second worker in the same JVM fails with a message instead of
 * silently disturbing the first.
 */
final class TrainingWorker implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWorker.class);
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final WorkerSettings settings;
    private final Broadcast<byte[]> startWeights;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final FitProgress progress;

    /**
     * Creates the worker function on the driver.
     *
     * @param settings recipe, network and fit settings
     * @param startWeights safetensors bytes every worker starts from
     * @param hadoop the Hadoop configuration for checkpoints
     * @param progress images taken and epochs finished, for progress on the driver
     */
    TrainingWorker(WorkerSettings settings, Broadcast<byte[]> startWeights,
            Broadcast<SerializableConfiguration> hadoop, FitProgress progress) {
        this.settings = settings;
        this.startWeights = startWeights;
        this.hadoop = hadoop;
        this.progress = progress;
    }

    /**
     * Trains on this task's shards.
     *
     * @param shards the task's training and validation images
     * @return this worker's result
     */
    WorkerResult run(Shards shards) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("two training workers were placed in one executor JVM; give each"
                    + " executor one task slot for training (spark.task.cpus = spark.executor.cores)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads(ctx), DaemonThreads.named("mixnet-train-prep"));
        try {
            return train(ctx, shards, pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
            RUNNING.set(false);
        }
    }

    /** Joins the ring of workers, then trains over it; the ring closes when the task ends. */
    private WorkerResult train(BarrierTaskContext ctx, Shards shards, ExecutorService pool) throws IOException {
        CountingAllGather gather = new CountingAllGather(ctx::allGather);
        try (RingCollective ring = joinRing(ctx, gather)) {
            return train(ctx, shards, pool, gather, new BarrierGradientSync(ring));
        }
    }

    /**
     * Opens this worker's listener on its executor's host, publishes its address in the one
     * allGather of addresses, and forms the ring with the secret of this stage attempt.
     */
    private RingCollective joinRing(BarrierTaskContext ctx, AllGather gather) throws IOException {
        int rank = ctx.partitionId();
        String host = PeerAddress.parse(ctx.getTaskInfos()[rank].address()).host();
        try (RingListener listener = RingListener.open(settings.ring().on(host))) {
            List<PeerAddress> peers = Arrays.stream(gather.exchange(listener.address().toString()))
                    .map(PeerAddress::parse).toList();
            return listener.join(rank, peers, settings.ring().secretFor(ctx.stageAttemptNumber()));
        }
    }

    private WorkerResult train(BarrierTaskContext ctx, Shards shards, ExecutorService pool, CountingAllGather gather,
            BarrierGradientSync sync) throws IOException {
        int rank = ctx.partitionId();
        int workers = settings.numWorkers();
        TrainingRecipe recipe = settings.recipe();
        int steps = agreeOnSteps(gather, shards.train().size(), recipe.batchSize(), settings.dropRemainder());
        OfflineEngine.pytorch();
        Device device = TaskDevice.choose(settings.device());
        Configuration conf = hadoop.value().value();
        RunCheckpoints checkpoints = settings.runFolder() == null ? null : new RunCheckpoints(conf, settings.runFolder());
        Optional<HadoopCheckpointFiles> latest = checkpoints == null ? Optional.empty() : checkpoints.latest();
        ImagePreparer trainPrep = settings.augmentation().trainPreparer(settings);
        ImagePreparer evalPrep = Augmentation.NONE.trainPreparer(settings);
        List<EpochRecord> history = new ArrayList<>();
        try (MixNetModel model = MixNetModel.create(settings.config(), device);
                EpochTrainer trainer = start(model, steps, sync, latest, history)) {
            int firstEpoch = trainer.completedEpochs();
            LOG.info("worker {}/{} (stage attempt {}): {} training and {} validation images, {} steps per epoch,"
                            + " starting at epoch {}", rank, workers, ctx.stageAttemptNumber(), shards.train().size(),
                    shards.validation().size(), steps, firstEpoch);
            for (int epoch = firstEpoch; epoch < recipe.epochs(); epoch++) {
                sync.resetTiming();
                EpochStats stats = trainer.trainEpoch(counted(ShardBatches.training(shards.train(), steps,
                        recipe.batchSize(), recipe.imageSize(), trainPrep, epochSeed(recipe.seed(), epoch, rank), pool)));
                double syncMillis = sync.meanMillis();
                TopKAccumulator val = trainer.evaluate(ShardBatches.evaluation(shards.validation(),
                        recipe.batchSize(), recipe.imageSize(), evalPrep, pool));
                List<EpochRecord.WorkerEpoch> all = new ArrayList<>();
                for (String m : gather.exchange(Messages.object(new EpochRecord.WorkerEpoch(stats, val, gather.takeBytes())))) {
                    all.add(Messages.object(m, EpochRecord.WorkerEpoch.class));
                }
                EpochRecord record = EpochRecord.merge(all, ctx.stageAttemptNumber(), syncMillis);
                history.add(record);
                LOG.info("worker {}: {}", rank, record);
                progress.finishedEpoch(rank, record);
                if (checkpoints != null && settings.retention().savesAfter(epoch + 1, recipe.epochs())) {
                    if (rank == 0) {
                        HadoopCheckpointFiles files = checkpoints.afterEpoch(epoch + 1);
                        RunCheckpoints.writeHistory(files, history);
                        TrainingCheckpoint.save(trainer, files);
                        checkpoints.prune(settings.retention(), history);
                    }
                    ctx.barrier();
                    FaultInjection.afterCheckpoint(ctx, rank, workers, epoch, sync);
                }
            }
            byte[] weights = finalWeights(model, trainer);
            return new WorkerResult(rank, ctx.stageAttemptNumber(), firstEpoch, sha256(weights),
                    rank == 0 ? weights : null, rank == 0 ? history : List.of());
        }
    }

    /** Adds each batch's images to the progress accumulator as the trainer takes it. */
    private Iterator<Batch> counted(Iterator<Batch> batches) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public Batch next() {
                Batch batch = batches.next();
                progress.tookImages(batch.size());
                return batch;
            }
        };
    }

    /** A fresh trainer from the broadcast weights, or one resumed from the newest checkpoint. */
    private EpochTrainer start(MixNetModel model, int steps, BarrierGradientSync sync,
            Optional<HadoopCheckpointFiles> latest, List<EpochRecord> history) throws IOException {
        if (latest.isEmpty()) {
            try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
                model.loadStateDict(SafetensorsFile.read(manager, startWeights.value(), "the start weights"),
                        "the start weights");
            }
            return new EpochTrainer(model, settings.recipe(), steps, sync);
        }
        EpochTrainer trainer = TrainingCheckpoint.resume(model, latest.get(), sync, settings.recipe());
        if (trainer.stepsPerEpoch() != steps) {
            trainer.close();
            throw new IllegalStateException("checkpoint " + latest.get() + " was made for " + trainer.stepsPerEpoch()
                    + " steps per epoch, but the data now gives " + steps);
        }
        history.addAll(RunCheckpoints.readHistory(latest.get()));
        return trainer;
    }

    /**
     * Every worker takes the same number of steps: {@code ceil(n / batchSize)} for the smallest
     * shard, or {@code floor(n / batchSize)} when the remainder is dropped (larger shards leave a
     * different random remainder out each epoch).
     */
    static int agreeOnSteps(AllGather gather, int images, int batchSize, boolean dropRemainder) {
        String[] counts = gather.exchange(Integer.toString(images));
        int steps = Integer.MAX_VALUE;
        for (int rank = 0; rank < counts.length; rank++) {
            int n = Integer.parseInt(counts[rank]);
            if (n == 0) {
                throw new IllegalArgumentException("training worker " + rank + " received no images: use fewer"
                        + " workers (numWorkers) or more training data");
            }
            if (dropRemainder && n < batchSize) {
                throw new IllegalArgumentException("training worker " + rank + " received " + n + " images, fewer"
                        + " than one batch of " + batchSize + ", and dropRemainder leaves a short batch out: use a"
                        + " smaller batchSize, fewer workers, or dropRemainder=false");
            }
            steps = Math.min(steps, dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize);
        }
        return steps;
    }

    /** The final weights as safetensors; the EMA weights when the recipe keeps an EMA. */
    private static byte[] finalWeights(MixNetModel model, EpochTrainer trainer) throws IOException {
        trainer.ema().ifPresent(ema -> ema.swapWith(model.stateDict()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SafetensorsFile.write(model.stateDict(), bytes);
        trainer.ema().ifPresent(ema -> ema.swapWith(model.stateDict()));
        return bytes.toByteArray();
    }

    /**
     * Returns the hex SHA-256 of bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    static String sha256(byte[] bytes) {
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Mixes seed, epoch and rank into the seed of an epoch's shuffle and augmentation. */
    private static long epochSeed(long seed, int epoch, int rank) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1) + 0xD1B54A32D192ED03L * (rank + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int threads(BarrierTaskContext ctx) {
        return settings.decodeThreads() > 0 ? settings.decodeThreads() : Math.max(1, ctx.cpus());
    }

    /**
     * One task's data: its training shard and its validation shard (possibly empty).
     *
     * @param train training images
     * @param validation validation images
     */
    record Shards(ShardImages train, ShardImages validation) {}
}
