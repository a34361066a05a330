package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gradient parity with the independent PyTorch reference in {@code
 * shared/fixtures/mixnet_s-train-step}: one plain SGD step (lr 0.1, no momentum, no weight decay,
 * no label smoothing) on four 160-pixel inputs, through {@link EpochTrainer} as training runs it.
 * The train-mode logits, the loss, six gradients, the weights after the step and the stem's
 * BatchNorm running statistics must match to 1e-4 of each tensor's largest value. With two CPU
 * replicas the batch is the four inputs four times (a replica takes at least eight images), so that
 * each replica normalises the reference's images with the reference's batch statistics and the
 * averaged result is the reference's.
 */
class TrainStepFixtureTest {

    private static final double TOLERANCE = 1e-4;
    private static final String[] CHECKED = {"conv_stem.weight", "blocks.2.0.conv_dw.0.weight",
        "blocks.2.0.conv_dw.1.weight", "blocks.2.0.conv_dw.2.weight", "classifier.weight", "classifier.bias"};

    @ParameterizedTest(name = "cpuReplicas {0}")
    @ValueSource(ints = {1, 2})
    void oneSgdStepMatchesTheReference(int replicas) throws IOException {
        Path dir = ReferenceFixtures.dir("mixnet_s-train-step");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MixNetModel model = ReferenceFixtures.mixnetS(manager, dir)) {
            Map<String, NDArray> check = MixNetModel.byName(ReferenceFixtures.read(manager, dir.resolve("train_check.npz")));
            NDArray input = ReferenceFixtures.read(manager, dir.resolve("input.npy")).singletonOrThrow();
            int[] labels = toInts(check.get("labels").toLongArray());
            int copies = replicas == 1 ? 1 : replicas * CpuReplicas.MIN_SHARD_IMAGES / labels.length;
            Batch batch = batch(input.toFloatArray(), labels, copies);
            TrainingRecipe recipe = TrainingRecipe.builder().setEpochs(1).setBatchSize(batch.size()).setLr(0.1)
                    .optMomentum(0).optWeightDecay(0).optLabelSmoothing(0).optWarmupEpochs(0).optEmaDecay(0)
                    .optImageSize(160).optCpuReplicas(replicas).build();
            Map<String, float[]> gradients = new LinkedHashMap<>();
            GradientSync capture = (grads, size) -> grads.forEach((k, g) -> gradients.put(k, g.toFloatArray()));
            try (EpochTrainer trainer = new EpochTrainer(model, recipe, 1, capture)) {
                assertEquals(replicas, trainer.replicasFor(batch.size()), "replicas the step runs");
                EpochStats stats = trainer.trainEpoch(List.of(batch).iterator());
                assertClose(check.get("loss").toFloatArray(), new float[] {(float) stats.meanLoss()}, "loss");
            }
            for (String key : CHECKED) {
                assertClose(check.get("grad/" + key).toFloatArray(), gradients.get(key), "gradient of " + key);
                assertClose(check.get(key).toFloatArray(),
                        model.stateDict().entries().get(key).getArray().toFloatArray(), key + " after the step");
            }
            for (String key : new String[] {"bn1.running_mean", "bn1.running_var"}) {
                assertClose(check.get(key).toFloatArray(),
                        model.stateDict().entries().get(key).getArray().toFloatArray(), key + " after the step");
            }
        }
    }

    @Test
    void trainModeLogitsMatchTheReference() throws IOException {
        Path dir = ReferenceFixtures.dir("mixnet_s-train-step");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MixNetModel model = ReferenceFixtures.mixnetS(manager, dir)) {
            Map<String, NDArray> check = MixNetModel.byName(ReferenceFixtures.read(manager, dir.resolve("train_check.npz")));
            NDArray input = ReferenceFixtures.read(manager, dir.resolve("input.npy")).singletonOrThrow();
            NDArray logits = GradientMode.with(true, () -> model.network()
                    .forward(new ParameterStore(manager, false), new NDList(input), true).singletonOrThrow());
            assertClose(check.get("train_logits").toFloatArray(), logits.toFloatArray(), "train-mode logits");
        }
    }

    /** The fixture's images, once per replica, so that each replica's shard is the reference batch. */
    private static Batch batch(float[] pixels, int[] labels, int copies) {
        float[] allPixels = new float[pixels.length * copies];
        int[] allLabels = new int[labels.length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(pixels, 0, allPixels, c * pixels.length, pixels.length);
            System.arraycopy(labels, 0, allLabels, c * labels.length, labels.length);
        }
        return new Batch(allPixels, allLabels, 160, 160);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= TOLERANCE * Math.max(largest, 1e-12), what + ": largest difference " + worst
                + ", largest reference value " + largest);
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.toIntExact(values[i]);
        }
        return ints;
    }
}
