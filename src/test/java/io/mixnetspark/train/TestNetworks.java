package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small MixNet-S networks and random batches that keep the training tests fast on a CPU. */
public final class TestNetworks {

    /** The smallest input MixNet accepts. */
    public static final int SIZE = 32;

    /** Classes of the small networks. */
    public static final int CLASSES = 3;

    private TestNetworks() {}

    /** MixNet-S with 3 classes and the given dropout, its weights drawn after seeding the engine. */
    public static MixNetModel mixnetS(float dropRate, int seed) {
        Engine engine = OfflineEngine.pytorch();
        engine.setRandomSeed(seed);
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S)
                .optNumClasses(CLASSES)
                .optDropRate(dropRate)
                .build();
        return MixNetModel.create(config, Device.cpu());
    }

    /** A recipe for {@link #SIZE}-pixel batches of at most 4 images. */
    public static TrainingRecipe.Builder recipe() {
        return TrainingRecipe.builder().setEpochs(4).setBatchSize(4).setLr(0.1).optImageSize(SIZE);
    }

    /** Random normal pixels and uniform labels, the same for the same seed. */
    public static List<Batch> randomBatches(int count, int images, long seed) {
        Random random = new Random(seed);
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] pixels = new float[images * 3 * SIZE * SIZE];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            int[] labels = new int[images];
            for (int i = 0; i < images; i++) {
                labels[i] = random.nextInt(CLASSES);
            }
            out.add(new Batch(pixels, labels, SIZE, SIZE));
        }
        return out;
    }

    /** Copies of every tensor's values by timm key. */
    public static Map<String, float[]> snapshot(MixNetModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.stateDict().entries().entrySet()) {
            out.put(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return out;
    }

    /**
     * Trains one step, then three more and an evaluation, and checks that the model's manager holds
     * as many native arrays afterwards as after the first step (the first creates the momentum
     * buffers and gradients).
     *
     * @param model the trained model
     * @param trainer its trainer, for batches of 4 images
     */
    public static void assertNativeMemoryFlat(MixNetModel model, EpochTrainer trainer) {
        NDManager root = model.djlModel().getNDManager();
        trainer.trainEpoch(randomBatches(1, 4, 1).iterator());
        int afterFirstStep = root.getManagedArrays().size();
        trainer.trainEpoch(randomBatches(3, 4, 2).iterator());
        trainer.evaluate(randomBatches(2, 4, 3).iterator());
        assertEquals(afterFirstStep, root.getManagedArrays().size(), "arrays held by the model's manager");
    }

    /** Copies of tensors' values by key. */
    public static Map<String, float[]> snapshot(Map<String, NDArray> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((key, array) -> out.put(key, array.toFloatArray()));
        return out;
    }
}
