package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.MixNetModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Float16 training with a {@link DynamicLossScale}, run on the CPU through the package-private
 * constructor (the public one turns it on only on GPUs): the network computes in float16 and
 * returns float32 logits, the weights and their updates stay float32, an overflowing step is
 * skipped, and the scale follows PyTorch's {@code GradScaler} rules.
 */
class MixedPrecisionTrainingTest {

    /**
     * Eval (BatchNorm folded, running statistics) within 1 % of the largest logit; training
     * (batch statistics over 8 images, which amplify rounding in the 1x1 maps of a 32-pixel input)
     * within 5 %.
     */
    @Test
    void aFloat16ForwardGivesFloat32LogitsCloseToTheFloat32Ones() {
        try (MixNetModel model = TestNetworks.mixnetS(0f, 4);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            Batch batch = TestNetworks.randomBatches(1, 8, 4).get(0);
            NDArray images = manager.create(batch.pixels(), batch.shape());
            for (boolean training : new boolean[] {false, true}) {
                NDArray single = forward(model, manager, images, training);
                NDArray half = forward(model, manager, images.toType(DataType.FLOAT16, false), training);
                assertEquals(DataType.FLOAT32, half.getDataType());
                float largest = single.abs().max().getFloat();
                float difference = half.sub(single).abs().max().getFloat();
                float tolerance = (training ? 0.05f : 0.01f) * largest;
                assertTrue(difference < tolerance,
                        "training " + training + ": float16 logits differ by " + difference + " (largest " + largest + ")");
                assertTrue(difference > 0f, "the float16 pass must really compute in float16");
            }
        }
    }

    private static NDArray forward(MixNetModel model, NDManager manager, NDArray images, boolean training) {
        return model.network().forward(new ParameterStore(manager, false), new NDList(images), training)
                .singletonOrThrow();
    }

    /**
     * One float16 step under a loss scale of 8 against one float32 step from the same weights on
     * the same batch: the updates point the same way and have about the same size, so the scaled
     * gradients were unscaled, and every weight is still float32. (The random 32-pixel test network
     * has gradients in the hundreds, so larger scales overflow float16 here.)
     */
    @Test
    void aFloat16StepUpdatesFloat32WeightsAsAFloat32StepDoes() {
        TrainingRecipe recipe = TestNetworks.recipe().optWeightDecay(0).setBatchSize(8).build();
        List<Batch> batches = TestNetworks.randomBatches(1, 8, 5);
        DynamicLossScale scale = new DynamicLossScale(8f, DynamicLossScale.GROWTH_INTERVAL);
        Map<String, float[]> before;
        Map<String, float[]> single;
        Map<String, float[]> half;
        try (MixNetModel model = TestNetworks.mixnetS(0f, 5);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1, GradientSync.LOCAL)) {
            before = TestNetworks.snapshot(model);
            trainer.trainEpoch(batches.iterator());
            single = TestNetworks.snapshot(model);
        }
        try (MixNetModel model = TestNetworks.mixnetS(0f, 5);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1, GradientSync.LOCAL, scale)) {
            EpochStats stats = trainer.trainEpoch(batches.iterator());
            half = TestNetworks.snapshot(model);
            assertTrue(Double.isFinite(stats.meanLoss()) && stats.meanLoss() > 0, "loss " + stats.meanLoss());
            model.stateDict().entries().values().forEach(p -> assertEquals(DataType.FLOAT32, p.getArray().getDataType()));
        }
        assertEquals(8f, scale.scale(), "the step did not overflow, so it was applied");
        for (String key : List.of("conv_stem.weight", "blocks.2.0.conv_dw.2.weight", "conv_head.weight", "classifier.weight")) {
            double[] a = delta(before.get(key), single.get(key));
            double[] b = delta(before.get(key), half.get(key));
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }
            assertTrue(na > 0, key + " did not move in float32");
            assertTrue(dot / Math.sqrt(na * nb) > 0.95, key + ": cosine " + dot / Math.sqrt(na * nb));
            assertEquals(1.0, Math.sqrt(nb / na), 0.1, key + ": update size ratio");
        }
    }

    private static double[] delta(float[] from, float[] to) {
        double[] d = new double[from.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (double) to[i] - from[i];
        }
        return d;
    }

    /**
     * An overflowing step is skipped and halves the scale. After it the gradients hold infinities;
     * the next step must start from zero gradients, not from those values ({@code inf - inf} is
     * NaN, which would make every later step look like an overflow too and stall training for good).
     */
    @Test
    void anOverflowingStepIsSkippedAndTheNextStepStartsFromCleanGradients() {
        TrainingRecipe recipe = TestNetworks.recipe().build();
        DynamicLossScale scale = new DynamicLossScale(Float.MAX_VALUE / 4, DynamicLossScale.GROWTH_INTERVAL);
        try (MixNetModel model = TestNetworks.mixnetS(0f, 6);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1, GradientSync.LOCAL, scale)) {
            List<Batch> batches = TestNetworks.randomBatches(2, 4, 6);
            Map<String, float[]> before = TestNetworks.snapshot(model);
            EpochStats overflowed = trainer.trainEpoch(batches.subList(0, 1).iterator());
            assertEquals(1, overflowed.skippedSteps(), "the skipped step is counted");
            Map<String, float[]> afterSkip = TestNetworks.snapshot(model);
            for (String key : before.keySet()) {
                if (!key.contains(".running_") && !key.endsWith("num_batches_tracked")) {
                    assertTrue(Arrays.equals(before.get(key), afterSkip.get(key)), key + " moved in a skipped step");
                }
            }
            assertEquals(Float.MAX_VALUE / 8, scale.scale());
            assertEquals(1, trainer.globalStep(), "a skipped step still counts for the schedule");

            scale.restore(new DynamicLossScale.State(8f, 0));
            EpochStats next = trainer.trainEpoch(batches.subList(1, 2).iterator());
            assertEquals(8f, scale.scale(), "the step after the overflow did not overflow");
            assertEquals(0, next.skippedSteps());
            float[] stem = TestNetworks.snapshot(model).get("conv_stem.weight");
            assertFalse(Arrays.equals(afterSkip.get("conv_stem.weight"), stem), "the step was applied");
            for (float v : stem) {
                assertTrue(Float.isFinite(v), "conv_stem.weight holds " + v);
            }
        }
    }

    /**
     * The casts of the weights belong to each step, not to the model. (A small learning rate: with
     * this random 32-pixel network's gradients in the hundreds, lr 0.1 makes its float16
     * activations overflow within a few steps.)
     */
    @Test
    void nativeMemoryStaysFlatAcrossFloat16Steps() {
        TrainingRecipe recipe = TestNetworks.recipe().setLr(0.001).optEmaDecay(0.9).build();
        try (MixNetModel model = TestNetworks.mixnetS(0.2f, 8);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1,
                        GradientSync.LOCAL, new DynamicLossScale(1f, DynamicLossScale.GROWTH_INTERVAL))) {
            TestNetworks.assertNativeMemoryFlat(model, trainer);
        }
    }

    @Test
    void theLossScaleIsCheckpointedAndRestored(@TempDir Path folder) throws IOException {
        CheckpointFiles files = CheckpointFiles.directory(folder.resolve("epoch-1"));
        try (MixNetModel model = TestNetworks.mixnetS(0f, 7);
                EpochTrainer trainer = new EpochTrainer(model, TestNetworks.recipe().build(), 1, GradientSync.LOCAL,
                        new DynamicLossScale(8f, 3))) {
            trainer.trainEpoch(TestNetworks.randomBatches(1, 4, 7).iterator());
            TrainingCheckpoint.save(trainer, files);
            assertEquals(new DynamicLossScale.State(8f, 1), TrainingCheckpoint.readState(files).lossScale());

            trainer.restore(1, 1, Map.of(), null, new DynamicLossScale.State(2f, 2), files.toString());
            assertEquals(new DynamicLossScale.State(2f, 2), trainer.lossScale().orElseThrow().state());
        }
        DynamicLossScale fresh = new DynamicLossScale(8f, 3);
        assertThrows(IllegalArgumentException.class, () -> fresh.restore(new DynamicLossScale.State(Float.NaN, 0)));
        assertThrows(IllegalArgumentException.class, () -> fresh.restore(new DynamicLossScale.State(1f, -1)));
    }

    @Test
    void theScaleGrowsAfterARunOfFiniteStepsAndHalvesOnAnOverflow() {
        DynamicLossScale scale = new DynamicLossScale(8f, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> finite = List.of(manager.create(new float[] {8f, -16f}));
            assertTrue(scale.unscale(finite));
            assertEquals(List.of(1f, -2f), List.of(finite.get(0).toFloatArray()[0], finite.get(0).toFloatArray()[1]));
            assertEquals(8f, scale.scale());
            assertTrue(scale.unscale(List.of(manager.create(new float[] {1f}))));
            assertEquals(16f, scale.scale(), "doubles after 2 finite steps");
            assertFalse(scale.unscale(List.of(manager.create(new float[] {1f}), manager.create(new float[] {Float.NaN}))));
            assertEquals(8f, scale.scale());
            assertFalse(scale.unscale(List.of(manager.create(new float[] {Float.POSITIVE_INFINITY}))));
            assertEquals(4f, scale.scale());
            assertTrue(scale.unscale(List.of(manager.create(new float[] {1f}))));
            assertEquals(4f, scale.scale(), "the run of finite steps restarts after an overflow");
        }
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScale(0f, 1));
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScale(1f, 0));
    }
}
