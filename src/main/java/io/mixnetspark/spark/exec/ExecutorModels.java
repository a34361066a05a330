package io.mixnetspark.spark.exec;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.SafetensorsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ExecutorModels} keeps one loaded network per payload and device in each JVM: the first
 * task that needs a model loads it, every later task and thread shares it (inference does not
 * modify the network, and each caller uses its own tensors). Never once per row or per task.
 */
public final class ExecutorModels {

    private static final Map<String, MixNetModel> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {}

    /**
     * Returns the shared network for a payload on a device, loading it on first use.
     *
     * @param key the payload's {@link ModelPayload#key()}, computed once on the driver (hashing
     *     the weights in every task would cost more than the lookup it serves)
     * @param payload config, weights and classes
     * @param device where the network runs
     * @return the shared model (do not close it)
     */
    public static MixNetModel get(String key, ModelPayload payload, Device device) {
        return MODELS.computeIfAbsent(key + "@" + device, k -> load(payload, device));
    }

    /**
     * How many networks this JVM has loaded so far (for tests and metrics).
     *
     * @return the load count
     */
    public static int loadCount() {
        return LOADS.get();
    }

    private static MixNetModel load(ModelPayload payload, Device device) {
        OfflineEngine.pytorch();
        MixNetModel model = MixNetModel.create(payload.config(), device);
        try (NDManager manager = NDManager.newBaseManager(device)) {
            model.loadStateDict(SafetensorsFile.read(manager, payload.weights(), "the broadcast model"),
                    "the broadcast model");
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        LOADS.incrementAndGet();
        return model;
    }
}
