package io.mixnetspark.testing;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ReferenceFixtures} opens the independent reference fixtures of {@code ../shared/fixtures}
 * (see their README): MixNet-S with a fixture's weights, and its tensors.
 */
public final class ReferenceFixtures {

    private ReferenceFixtures() {}

    /**
     * A fixture's folder, required as {@link SharedData#require} requires it.
     *
     * @param name e.g. {@code mixnet_s-timm-random}
     * @return the folder
     */
    public static Path dir(String name) {
        return SharedData.require("fixtures/" + name);
    }

    /**
     * MixNet-S (1000 classes, no dropout) with a fixture's {@code model.safetensors}.
     *
     * @param manager where the file's tensors are decoded
     * @param dir the fixture's folder
     * @return the model (the caller closes it)
     * @throws IOException when the file cannot be read
     */
    public static MixNetModel mixnetS(NDManager manager, Path dir) throws IOException {
        OfflineEngine.pytorch();
        MixNetModel model = MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_S).optDropRate(0f).build(),
                Device.cpu());
        model.loadStateDict(MixNetModel.byName(read(manager, dir.resolve("model.safetensors"))), "model.safetensors");
        return model;
    }

    /**
     * Decodes a {@code .npy}, {@code .npz} or {@code .safetensors} file.
     *
     * @param manager where the tensors live
     * @param file the file
     * @return its tensors, named as in the file
     * @throws IOException when it cannot be read
     */
    public static NDList read(NDManager manager, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NDList.decode(manager, in);
        }
    }
}
