package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.metrics.TopKAccumulator;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.blocks.ConstantOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EpochTrainer} trains a {@link MixNetModel} one epoch at a time on one worker. Each step:
 * {@link BatchMix Mixup or CutMix} when the recipe turns them on, forward in training mode and
 * {@link LabelSmoothingCrossEntropy label-smoothed loss} then backward, on the CPU as {@link
 * CpuReplicas data-parallel replicas} (one per core by default; {@link TrainingRecipe#cpuReplicas()}),
 * {@link GradientSync#synchronize}, the {@link LearningRateSchedule scheduled} learning rate, a
 * {@link MomentumSgd} update, then the {@link WeightsEma} update when EMA is on. At the end of each
 * epoch the replicas' BatchNorm running statistics are averaged into the network's, which then go
 * through {@link GradientSync#averageBatchNormStatistics}.
 *
 * <p><b>Randomness.</b> Every step has a seed made from the recipe's seed, the worker's {@link
 * GradientSync#rank() rank} and the global step. The batch mixing draws from it, and each replica's
 * dropout and drop-path masks from it and the replica's index ({@link
 * io.mixnetspark.model.blocks.MaskRandom}). Masks and mixing therefore depend only on those, so a run
 * resumed from a {@link TrainingCheckpoint} draws exactly the masks an uninterrupted run would have
 * drawn, whatever the threads' timing.
 *
 * <p><b>Memory.</b> Every step's tensors (batch, activations, gradient handles, temporaries) live in
 * a sub-manager closed at the end of the step; only the weights, momentum buffers and EMA persist,
 * so native memory stays flat over any number of steps.
 *
 * <p><b>Precision.</b> With {@link TrainingRecipe#mixedPrecision()} on a GPU, the forward and
 * backward passes run in float16 (the batch is cast, each convolution casts its float32 weights per
 * call, the classifier and the loss run in float32; see {@code MixNet}) under a {@link
 * DynamicLossScale}; the weights, their gradients, the momentum buffers and the EMA stay float32. A
 * step whose gradients overflow is skipped. On the CPU training stays float32: a float16 training
 * step measured about 27x slower there, and DJL 0.36 cannot hold bfloat16 tensors (docs/benchmarks-log.md,
 * "Mixed precision").
 *
 * <p>Not thread-safe. Close the trainer to free the optimizer state, the EMA and the replicas'
 * threads and arrays; the model stays open.
 */
public final class EpochTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EpochTrainer.class);

    private final MixNetModel model;
    private final TrainingRecipe recipe;
    private final int stepsPerEpoch;
    private final GradientSync sync;
    private final LearningRateSchedule schedule;
    private final LabelSmoothingCrossEntropy loss;
    private final MomentumSgd optimizer;
    private final WeightsEma ema;
    /** The loss scale of float16 training; null when training is float32. */
    private final DynamicLossScale lossScale;
    private final Map<String, Parameter> trainable = new LinkedHashMap<>();
    private final Map<String, Parameter> runningStatistics = new LinkedHashMap<>();
    private final CpuReplicas replicas;
    private int completedEpochs;
    private long globalStep;

    /**
     * Prepares training from the model's current weights, at epoch 0 and step 0.
     *
     * @param model the network to train (weights change in place)
     * @param recipe the hyper-parameters
     * @param stepsPerEpoch optimizer steps per epoch on each worker, which fixes the schedule
     * @param sync how gradients are shared with other workers ({@link GradientSync#LOCAL} for one)
     */
    public EpochTrainer(MixNetModel model, TrainingRecipe recipe, int stepsPerEpoch, GradientSync sync) {
        this(model, recipe, stepsPerEpoch, sync, halfPrecisionScale(recipe, model));
    }

    /**
     * Prepares training with an explicit precision: float16 under {@code lossScale} on any device
     * (the CPU included, where it is much slower; benchmarks and tests use it), or float32 when it is
     * null.
     *
     * @param model the network to train (weights change in place)
     * @param recipe the hyper-parameters ({@link TrainingRecipe#mixedPrecision()} is not consulted)
     * @param stepsPerEpoch optimizer steps per epoch on each worker, which fixes the schedule
     * @param sync how gradients are shared with other workers ({@link GradientSync#LOCAL} for one)
     * @param lossScale the loss scale of float16 training, or null for float32
     */
    public EpochTrainer(MixNetModel model, TrainingRecipe recipe, int stepsPerEpoch, GradientSync sync,
            DynamicLossScale lossScale) {
        this.model = model;
        this.lossScale = lossScale;
        this.recipe = recipe;
        this.stepsPerEpoch = stepsPerEpoch;
        this.sync = sync;
        this.schedule = LearningRateSchedule.of(recipe, stepsPerEpoch);
        this.loss = new LabelSmoothingCrossEntropy((float) recipe.labelSmoothing());
        model.stateDict().entries().forEach((key, p) -> (p.requiresGradient() ? trainable : runningStatistics).put(key, p));
        NDManager root = model.djlModel().getNDManager();
        this.optimizer = MomentumSgd.of(root, recipe);
        this.ema = recipe.emaDecay() > 0 ? new WeightsEma(model.stateDict(), (float) recipe.emaDecay(), root) : null;
        this.replicas = new CpuReplicas(model, trainable.values(), runningStatistics.values(), recipe.cpuReplicas());
        if (replicas.count() > 1) {
            LOG.info("training {} replicas side by side, one per core, each on an equal share of every batch"
                    + " (TrainingRecipe.cpuReplicas)", replicas.count());
        }
    }

    /** Float16 where the device runs it fast (a GPU), as the recipe asks; float32 otherwise. */
    private static DynamicLossScale halfPrecisionScale(TrainingRecipe recipe, MixNetModel model) {
        if (!recipe.mixedPrecision()) {
            return null;
        }
        if (!model.device().isGpu()) {
            LOG.info("mixedPrecision applies on GPUs: {} trains in float32 (a float16 training step is about 27x"
                    + " slower on the CPU)", model.device());
            return null;
        }
        return DynamicLossScale.pytorchDefaults();
    }

    /**
     * Trains on every batch of the iterator (one epoch) and counts the epoch as completed.
     *
     * @param batches the epoch's batches, each at most {@code recipe.batchSize()} images of {@code
     *     recipe.imageSize()} pixels with labels below the class count
     * @return what the epoch measured
     * @throws IllegalArgumentException for an empty epoch or a batch that does not fit
     * @throws IllegalStateException when the loss becomes NaN or infinite
     */
    public EpochStats trainEpoch(Iterator<Batch> batches) {
        long start = System.nanoTime();
        replicas.copyRunningStatistics();
        int steps = 0;
        int skipped = 0;
        long images = 0;
        long correct = 0;
        double lossSum = 0;
        double lr = Double.NaN;
        while (batches.hasNext()) {
            Batch batch = batches.next();
            checkBatch(batch);
            lr = schedule.at(globalStep);
            StepResult result = step(batch, (float) lr);
            steps++;
            skipped += result.applied() ? 0 : 1;
            images += batch.size();
            correct += result.correct();
            lossSum += result.loss() * batch.size();
        }
        if (steps == 0) {
            throw new IllegalArgumentException("epoch " + completedEpochs + " had no batches");
        }
        averageRunningStatistics();
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochStats stats = new EpochStats(completedEpochs, steps, skipped, images, lossSum / images,
                (double) correct / images, seconds, lr);
        completedEpochs++;
        return stats;
    }

    private void checkBatch(Batch batch) {
        if (batch.size() > recipe.batchSize() || batch.height() != recipe.imageSize() || batch.width() != recipe.imageSize()) {
            throw new IllegalArgumentException(
                    "batch of " + batch.size() + " images of " + batch.height() + "x" + batch.width()
                            + " does not fit the recipe (at most " + recipe.batchSize() + " images of "
                            + recipe.imageSize() + "x" + recipe.imageSize() + ")");
        }
        int classes = model.config().numClasses();
        for (int label : batch.labels()) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
            }
        }
    }

    private StepResult step(Batch batch, float lr) {
        NDManager root = model.djlModel().getNDManager();
        int seed = stepSeed(recipe.seed(), sync.rank(), globalStep);
        try (NDManager manager = root.newSubManager()) {
            zeroGradients();
            NDArray labels = manager.create(batch.labels());
            BatchMix.Mixed mixed = recipe.mixing().mixesNothing() ? null
                    : recipe.mixing().apply(batch, model.config().numClasses(), recipe.labelSmoothing(), seed);
            NDArray pixels = manager.create(mixed == null ? batch.pixels() : mixed.pixels(), batch.shape());
            NDArray images = lossScale == null ? pixels : pixels.toType(DataType.FLOAT16, false);
            NDArray targets = mixed == null ? null
                    : manager.create(mixed.targets(), new Shape(batch.size(), model.config().numClasses()));
            float scale = lossScale == null ? 1f : lossScale.scale();
            List<CpuReplicas.ShardOutput> shards = replicas.run(batch.size(), seed, scale, manager, (shard, ps) -> {
                NDArray logits = model.network().forward(ps, new NDList(shard.of(images)), true).singletonOrThrow();
                NDArray lossValue = targets == null ? loss.evaluate(new NDList(shard.of(labels)), new NDList(logits))
                        : LabelSmoothingCrossEntropy.softTargets(shard.of(targets), logits).mean();
                return new CpuReplicas.ShardOutput(ConstantOps.times(lossValue, shard.fraction()), logits);
            });
            float value = 0;
            NDList logits = new NDList(shards.size());
            for (CpuReplicas.ShardOutput shard : shards) {
                value += shard.weightedLoss().getFloat();
                logits.add(shard.logits());
            }
            if (!Float.isFinite(value)) {
                throw new IllegalStateException("training diverged: loss " + value + " at step " + globalStep);
            }
            long correct = NDArrays.concat(logits).argMax(1).eq(labels.toType(DataType.INT64, false)).sum().getLong();

            Map<String, NDArray> gradients = new LinkedHashMap<>();
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
                gradients.put(e.getKey(), owned(e.getValue().getArray().getGradient(), manager));
                weights.put(e.getKey(), owned(e.getValue().getArray().stopGradient(), manager));
            }
            sync.synchronize(Collections.unmodifiableMap(gradients), batch.size());
            boolean applied = lossScale == null || lossScale.unscale(gradients.values());
            if (applied) {
                optimizer.step(weights, gradients, lr);
                if (ema != null) {
                    ema.update(model.stateDict());
                }
            } else {
                LOG.info("step {} skipped: float16 gradients overflowed; loss scale now {}", globalStep,
                        lossScale.scale());
            }
            globalStep++;
            return new StepResult(value, correct, applied);
        }
    }

    /**
     * PyTorch accumulates gradients across backward passes: clear them before each one. They are
     * overwritten with zeros ({@code Tensor.zero_()}), not computed to zero: after a float16
     * overflow they hold infinities, and {@code g - g} would leave NaN there for good.
     */
    private void zeroGradients() {
        trainable.values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p.getArray()));
        replicas.zeroGradients();
    }

    /** Moves a handle created on the model's manager to the step's manager, so it is freed. */
    private static NDArray owned(NDArray array, NDManager manager) {
        array.attach(manager);
        return array;
    }

    private void averageRunningStatistics() {
        replicas.averageRunningStatistics();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        runningStatistics.forEach((key, p) -> arrays.put(key, p.getArray()));
        sync.averageBatchNormStatistics(Collections.unmodifiableMap(arrays));
    }

    /** Mixes seed, rank and step into a non-negative int seed (SplitMix64 finaliser). */
    static int stepSeed(long seed, int rank, long step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1) + 0xC2B2AE3D27D4EB4FL * (rank + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z >>> 33);
    }

    /**
     * Evaluates the network on labelled batches (see {@link ModelEvaluator}); with EMA on, the
     * averaged weights are evaluated and the training weights put back afterwards.
     *
     * @param batches labelled batches
     * @return the counts
     */
    public TopKAccumulator evaluate(Iterator<Batch> batches) {
        if (ema == null) {
            return ModelEvaluator.evaluate(model, batches);
        }
        ema.swapWith(model.stateDict());
        try {
            return ModelEvaluator.evaluate(model, batches);
        } finally {
            ema.swapWith(model.stateDict());
        }
    }

    /**
     * Sets the progress and optimizer/EMA state of a resumed run.
     *
     * @param epochs completed epochs
     * @param step global steps taken
     * @param momentum saved momentum buffers by timm key
     * @param average saved EMA tensors, or null when EMA is off
     * @param scale the saved loss scale, or null (float32 training, or a checkpoint without one:
     *     float16 training then starts a fresh scale)
     * @param source where the state came from, for error messages
     */
    void restore(int epochs, long step, Map<String, NDArray> momentum, Map<String, NDArray> average,
            DynamicLossScale.State scale, String source) {
        List<String> problems = new ArrayList<>();
        momentum.forEach((key, buffer) -> {
            Parameter p = trainable.get(key);
            if (p == null) {
                problems.add("unexpected " + key);
            } else if (!p.getArray().getShape().equals(buffer.getShape())) {
                problems.add(key + " is " + buffer.getShape() + ", expected " + p.getArray().getShape());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("momentum buffers in " + source + " do not fit the network: " + problems);
        }
        if ((average == null) != (ema == null)) {
            throw new IllegalArgumentException(
                    source + (ema == null ? " has EMA tensors but the recipe has EMA off" : " has no EMA tensors"));
        }
        if (ema != null) {
            ema.load(average, source);
        }
        optimizer.loadMomentumBuffers(momentum);
        if (lossScale != null && scale != null) {
            lossScale.restore(scale);
        }
        this.completedEpochs = epochs;
        this.globalStep = step;
    }

    /**
     * Returns the network being trained.
     *
     * @return the model
     */
    public MixNetModel model() {
        return model;
    }

    /**
     * Returns the hyper-parameters.
     *
     * @return the recipe
     */
    public TrainingRecipe recipe() {
        return recipe;
    }

    /**
     * Returns the steps per epoch the schedule was made for.
     *
     * @return steps per epoch
     */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /**
     * Returns how many epochs have been completed (the next epoch's 0-based index).
     *
     * @return completed epochs
     */
    public int completedEpochs() {
        return completedEpochs;
    }

    /**
     * Returns how many optimizer steps have been taken (the next step's 0-based index).
     *
     * @return global step
     */
    public long globalStep() {
        return globalStep;
    }

    /**
     * Returns how many data-parallel replicas a step on a batch of this size uses.
     *
     * @param batchSize images in the batch
     * @return 1 on a GPU or for small batches, else up to {@link TrainingRecipe#cpuReplicas()}
     */
    public int replicasFor(int batchSize) {
        return replicas.usedFor(batchSize);
    }

    /**
     * Returns the optimizer (for its momentum buffers).
     *
     * @return the optimizer
     */
    public MomentumSgd optimizer() {
        return optimizer;
    }

    /**
     * Returns the weight average, when the recipe turns EMA on.
     *
     * @return the EMA, or empty
     */
    public Optional<WeightsEma> ema() {
        return Optional.ofNullable(ema);
    }

    /**
     * Returns the loss scale, when training runs in float16.
     *
     * @return the loss scale, or empty for float32 training
     */
    public Optional<DynamicLossScale> lossScale() {
        return Optional.ofNullable(lossScale);
    }

    /** Frees the momentum buffers and the EMA (the model stays open). */
    @Override
    public void close() {
        replicas.close();
        optimizer.close();
        if (ema != null) {
            ema.close();
        }
    }

    private record StepResult(double loss, long correct, boolean applied) {}
}
