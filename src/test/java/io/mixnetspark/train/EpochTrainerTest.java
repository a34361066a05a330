package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mixnetspark.metrics.TopKAccumulator;
import io.mixnetspark.model.MixNetModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The loop's contract: the same update as DJL's own trainer where both agree (also on a batch mixed
 * by {@link BatchMix}), sync before the update,
 * the BN hook per epoch, flat native memory, EMA evaluation, batch checks.
 */
class EpochTrainerTest {

    /** 49 BatchNorm layers in MixNet-S, each with a running mean and variance. */
    private static final int RUNNING_STATISTICS = 2 * 49;

    @Test
    void gradientSyncRunsBetweenBackwardAndTheUpdate() {
        List<Integer> syncedKeys = new ArrayList<>();
        List<Integer> bnCalls = new ArrayList<>();
        GradientSync zeroing = new GradientSync() {
            @Override
            public void synchronize(Map<String, NDArray> gradients, int localBatchSize) {
                syncedKeys.add(gradients.size());
                assertEquals(4, localBatchSize);
                gradients.values().forEach(g -> g.subi(g)); // all other workers cancelled this one out
            }

            @Override
            public void averageBatchNormStatistics(Map<String, NDArray> runningStatistics) {
                bnCalls.add(runningStatistics.size());
                assertTrue(runningStatistics.keySet().stream().allMatch(k -> k.endsWith(".running_mean") || k.endsWith(".running_var")));
            }
        };
        TrainingRecipe recipe = TestNetworks.recipe().optWeightDecay(0).build();
        try (MixNetModel model = TestNetworks.mixnetS(0f, 1);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 2, zeroing)) {
            Map<String, float[]> before = TestNetworks.snapshot(model);
            EpochStats stats = trainer.trainEpoch(TestNetworks.randomBatches(2, 4, 7).iterator());
            Map<String, float[]> after = TestNetworks.snapshot(model);

            int trainable = model.stateDict().entries().size() - RUNNING_STATISTICS;
            assertEquals(List.of(trainable, trainable), syncedKeys);
            assertEquals(List.of(RUNNING_STATISTICS), bnCalls);
            for (String key : before.keySet()) {
                boolean runningStatistic = key.contains(".running_");
                assertEquals(!runningStatistic, Arrays.equals(before.get(key), after.get(key)),
                        key + (runningStatistic ? " should follow the batches" : " should not move with zero gradients"));
            }
            assertEquals(0, stats.epoch());
            assertEquals(2, stats.steps());
            assertEquals(8, stats.images());
            assertEquals(1, trainer.completedEpochs());
            assertEquals(2, trainer.globalStep());
            // Two steps per epoch, no warmup, 4 epochs: step 1 is 1/8 into the cosine.
            assertEquals(1e-5 + 0.5 * (0.1 - 1e-5) * (1 + Math.cos(Math.PI / 8)), stats.lastLr(), 1e-12);
            assertTrue(stats.meanLoss() > 0 && stats.imagesPerSecond() > 0 && stats.msPerStep() > 0);
        }
    }

    @Test
    void oneStepMatchesDjlsOwnTrainerWithPlainSgd() {
        // Without momentum, weight decay and smoothing, PyTorch's and DJL's SGD are the same update.
        TrainingRecipe plain = plainSgd().build();
        Batch batch = TestNetworks.randomBatches(1, 4, 9).get(0);
        assertSameStepAsDjl(plain, batch, Loss.softmaxCrossEntropyLoss(), batch.pixels(),
                manager -> manager.create(batch.labels()));
    }

    @Test
    void mixedBatchesTrainOnTheMixedImagesAgainstTheMixedTargets() {
        TrainingRecipe mixing = plainSgd().optMixing(new BatchMix(0.4, 1.0, 1)).build();
        Batch batch = TestNetworks.randomBatches(1, 4, 9).get(0);
        BatchMix.Mixed mixed = mixing.mixing().apply(
                batch, TestNetworks.CLASSES, 0, EpochTrainer.stepSeed(mixing.seed(), 0, 0));
        assertTrue(mixed.lam() < 1, "the first step mixes (chance 1), lam " + mixed.lam());
        Loss softTargets = new Loss("soft-target cross-entropy") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                return LabelSmoothingCrossEntropy.softTargets(labels.singletonOrThrow(), predictions.singletonOrThrow())
                        .mean();
            }
        };
        assertSameStepAsDjl(mixing, batch, softTargets, mixed.pixels(),
                manager -> manager.create(mixed.targets(), new Shape(batch.size(), TestNetworks.CLASSES)));
    }

    private static TrainingRecipe.Builder plainSgd() {
        return TestNetworks.recipe().setLr(0.05).optMomentum(0).optWeightDecay(0).optLabelSmoothing(0);
    }

    /** One step of ours on {@code batch} against DJL's trainer on the given pixels, labels and loss. */
    private static void assertSameStepAsDjl(TrainingRecipe recipe, Batch batch, Loss loss, float[] djlPixels,
            Function<NDManager, NDArray> djlLabels) {
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) recipe.lr())).build());
        try (MixNetModel ours = TestNetworks.mixnetS(0f, 8);
                MixNetModel theirs = TestNetworks.mixnetS(0f, 8);
                EpochTrainer trainer = new EpochTrainer(ours, recipe, 1, GradientSync.LOCAL);
                Trainer djlTrainer = theirs.djlModel().newTrainer(djlConfig);
                NDManager manager = NDManager.newBaseManager()) {
            trainer.trainEpoch(List.of(batch).iterator());
            NDList x = new NDList(manager.create(djlPixels, batch.shape()));
            NDList y = new NDList(djlLabels.apply(manager));
            try (GradientCollector collector = djlTrainer.newGradientCollector()) {
                collector.backward(djlTrainer.getLoss().evaluate(y, djlTrainer.forward(x)));
            }
            djlTrainer.step();

            Map<String, float[]> expected = TestNetworks.snapshot(theirs);
            Map<String, float[]> actual = TestNetworks.snapshot(ours);
            expected.forEach((key, values) -> {
                float[] got = actual.get(key);
                for (int i = 0; i < values.length; i++) {
                    assertEquals(values[i], got[i], 1e-4f * (1 + Math.abs(values[i])), key + "[" + i + "]");
                }
            });
        }
    }

    @Test
    void nativeMemoryStaysFlatAcrossSteps() {
        TrainingRecipe recipe = TestNetworks.recipe().optEmaDecay(0.9).optNesterov(true).build();
        try (MixNetModel model = TestNetworks.mixnetS(0.2f, 2);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1, GradientSync.LOCAL)) {
            TestNetworks.assertNativeMemoryFlat(model, trainer);
        }
    }

    @Test
    void evaluationUsesTheAverageAndPutsTheTrainingWeightsBack() {
        TrainingRecipe recipe = TestNetworks.recipe().optEmaDecay(0.5).build();
        List<Batch> eval = TestNetworks.randomBatches(2, 3, 5);
        try (MixNetModel model = TestNetworks.mixnetS(0f, 3);
                MixNetModel averaged = TestNetworks.mixnetS(0f, 4);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 2, GradientSync.LOCAL)) {
            trainer.trainEpoch(TestNetworks.randomBatches(2, 4, 4).iterator());
            Map<String, float[]> trained = TestNetworks.snapshot(model);

            TopKAccumulator withEma = trainer.evaluate(eval.iterator());

            Map<String, float[]> afterEval = TestNetworks.snapshot(model);
            trained.forEach((key, values) -> assertArrayEquals(values, afterEval.get(key), 0f, key));
            averaged.loadStateDict(trainer.ema().orElseThrow().tensors(), "EMA");
            TopKAccumulator expected = ModelEvaluator.evaluate(averaged, eval.iterator());
            assertEquals(6, withEma.images());
            assertEquals(expected.meanLoss(), withEma.meanLoss(), 1e-6);
            assertEquals(expected.confusion(), withEma.confusion());
            assertFalse(Math.abs(ModelEvaluator.evaluate(model, eval.iterator()).meanLoss() - withEma.meanLoss()) < 1e-6,
                    "the training weights score differently from their average");
        }
    }

    @Test
    void batchesThatDoNotFitTheRecipeAreRefused() {
        try (MixNetModel model = TestNetworks.mixnetS(0f, 5);
                EpochTrainer trainer = new EpochTrainer(model, TestNetworks.recipe().build(), 1, GradientSync.LOCAL)) {
            List<Batch> tooBig = TestNetworks.randomBatches(1, 5, 1);
            assertThrows(IllegalArgumentException.class, () -> trainer.trainEpoch(tooBig.iterator()));
            Batch badLabel = new Batch(TestNetworks.randomBatches(1, 1, 1).get(0).pixels(), new int[] {3}, 32, 32);
            assertThrows(IllegalArgumentException.class, () -> trainer.trainEpoch(List.of(badLabel).iterator()));
            assertThrows(IllegalArgumentException.class, () -> trainer.trainEpoch(List.<Batch>of().iterator()));
            assertEquals(0, trainer.globalStep());
        }
    }
}
