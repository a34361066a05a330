package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.weights.MindSporeCheckpointReader;
import io.mixnetspark.model.weights.MindSporeCheckpointWriter;
import io.mixnetspark.model.weights.RawTensor;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MindCV import: a checkpoint in MindSpore's format with MindCV's names (and the optimizer state a
 * MindCV training checkpoint carries) loads to the same logits as the safetensors path.
 */
class MindCvCheckpointTest {

    @TempDir
    Path tmp;

    private static MixNetModel model(SeActivation se) {
        return MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_S).optSeActivation(se).build(), Device.cpu());
    }

    @Test
    void mindCvCheckpointRoundTripsToTheSameLogits() throws IOException {
        Path fixture = SharedData.require("fixtures/mixnet_s-timm-random");
        Path ckpt = tmp.resolve("mixnet_s-test.ckpt");
        try (MixNetModel reference = model(SeActivation.SWISH);
                MixNetModel imported = model(SeActivation.SWISH);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.load(reference, fixture.resolve("model.safetensors"));
            MindCvCheckpoint.write(reference, ckpt);
            appendTrainingState(ckpt);

            Map<String, RawTensor> onDisk = MindSporeCheckpointReader.read(ckpt);
            assertTrue(onDisk.containsKey("layers.3.convs.6.conv_reduce.weight"), onDisk.keySet().toString());
            assertTrue(onDisk.containsKey("stem_conv.1.moving_variance"));
            assertTrue(onDisk.containsKey("moments.layers.0.convs.0.weight"));

            ModelWeights.load(imported, ckpt);
            NDArray input = NpyFile.read(manager, fixture.resolve("input.npy"));
            NDArray expected = NpyFile.read(manager, fixture.resolve("logits.npy"));
            assertEquals(0f, imported.logits(input).sub(reference.logits(input)).abs().max().getFloat());
            assertTrue(imported.logits(input).sub(expected).abs().max().getFloat() <= 1e-4f);
        }
    }

    @Test
    void mindCvWeightsNeedReluInsideSqueezeExcite() throws IOException {
        Path fixture = SharedData.require("fixtures/mixnet_s-timm-random");
        Path ckpt = tmp.resolve("relu.ckpt");
        try (MixNetModel swish = model(SeActivation.SWISH);
                MixNetModel relu = model(SeActivation.RELU);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.load(swish, fixture.resolve("model.safetensors"));
            MindCvCheckpoint.write(swish, ckpt);
            ModelWeights.load(relu, ckpt);
            NDArray input = NpyFile.read(manager, fixture.resolve("input.npy"));
            float diff = relu.logits(input).sub(swish.logits(input)).abs().max().getFloat();
            assertTrue(diff > 1e-3f, "the SE activation changes the function (diff " + diff + ")");
        }
    }

    @Test
    void aCheckpointOfAnotherVariantIsRejectedWithTheMismatches() throws IOException {
        Path ckpt = tmp.resolve("m.ckpt");
        try (MixNetModel m = MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_M).build(), Device.cpu());
                MixNetModel s = model(SeActivation.RELU)) {
            MindCvCheckpoint.write(m, ckpt);
            WeightsMismatchException e = assertThrows(WeightsMismatchException.class, () -> ModelWeights.load(s, ckpt));
            assertTrue(!e.wrongShape().isEmpty() && !e.unexpected().isEmpty(), e.getMessage());
            assertTrue(e.unexpected().stream().anyMatch(k -> k.startsWith("layers.18.")), e.getMessage());
        }
    }

    /** Adds what a MindCV training checkpoint also holds: momentum buffers and scalars. */
    private static void appendTrainingState(Path ckpt) throws IOException {
        Map<String, RawTensor> all = new LinkedHashMap<>(MindSporeCheckpointReader.read(ckpt));
        all.put("moments.layers.0.convs.0.weight", all.get("layers.0.convs.0.mixed_depthwise_conv.weight"));
        all.put("learning_rate", RawTensor.ofFloats(new long[0], new float[] {0.2f}));
        all.put("global_step", RawTensor.ofFloats(new long[] {1}, new float[] {1000f}));
        new MindSporeCheckpointWriter().write(all, ckpt);
    }
}
