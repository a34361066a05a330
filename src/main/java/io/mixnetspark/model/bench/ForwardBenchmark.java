package io.mixnetspark.model.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;

/**
 * {@code ForwardBenchmark} times the network's own eval forward loop: one random batch already in
 * a tensor, {@code warmup} untimed forwards, then {@code iterations} timed ones, each output freed
 * before the next. This is the ceiling a labeling job approaches when decoding, Spark and writing
 * cost nothing, so labeling throughput divided by it is what they cost.
 *
 * @param batchSize images per forward
 * @param imageSize input height and width
 * @param warmup untimed forwards
 * @param iterations timed forwards
 */
public record ForwardBenchmark(int batchSize, int imageSize, int warmup, int iterations) {

    /** Validates the values, naming the bad one. */
    public ForwardBenchmark {
        if (batchSize < 1 || imageSize < 32 || warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("need batch size >= 1, image size >= 32, warmup >= 0 and iterations >= 1;"
                    + " got " + batchSize + ", " + imageSize + ", " + warmup + ", " + iterations);
        }
    }

    /**
     * Runs the loop on a freshly initialised network (weights do not change the speed).
     *
     * @param config the network
     * @param device where it runs
     * @return images per second over the timed forwards
     */
    public double imagesPerSecond(MixNetConfig config, Device device) {
        OfflineEngine.pytorch();
        try (MixNetModel model = MixNetModel.create(config, device);
                NDManager manager = NDManager.newBaseManager(device)) {
            NDArray batch = manager.randomNormal(new Shape(batchSize, 3, imageSize, imageSize));
            for (int i = 0; i < warmup; i++) {
                forwardOnce(model, batch);
            }
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                forwardOnce(model, batch);
            }
            return (double) batchSize * iterations / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** One forward; its activations and output live in a scope closed afterwards, as in labeling. */
    private static void forwardOnce(MixNetModel model, NDArray batch) {
        try (NDManager scope = batch.getManager().newSubManager()) {
            batch.tempAttach(scope);
            model.logits(batch).toFloatArray();
        }
    }
}
