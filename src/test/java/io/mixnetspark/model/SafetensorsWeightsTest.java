package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.weights.CorruptWeightsException;
import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights in and out as safetensors with timm's keys, and clear errors for bad files. */
class SafetensorsWeightsTest {

    @TempDir
    Path tmp;

    private static MixNetModel model(MixNetVariant variant, int classes) {
        return MixNetModel.create(MixNetConfig.builder(variant).optNumClasses(classes).build(), Device.cpu());
    }

    @Test
    void exportedWeightsRoundTripAndMatchTheTimmReferenceInPyTorch() throws IOException {
        Path reference = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        Path exported = tmp.resolve("exported.safetensors");
        try (MixNetModel a = model(MixNetVariant.MIXNET_S, 1000);
                MixNetModel b = model(MixNetVariant.MIXNET_S, 1000);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.load(a, reference);
            ModelWeights.saveSafetensors(a, exported);
            ModelWeights.load(b, exported);
            NDArray x = manager.randomNormal(new Shape(2, 3, 128, 128));
            assertEquals(0f, a.logits(x).sub(b.logits(x)).abs().max().getFloat());
        }
        DebianPython.require("torch");
        DebianPython.Result result = DebianPython.runScript(
                "compare_safetensors.py", exported.toString(), reference.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK 347 tensors"), result.output());
    }

    @Test
    void weightsOfAnotherVariantListEveryMismatch() throws IOException {
        Path small = tmp.resolve("s.safetensors");
        try (MixNetModel s = model(MixNetVariant.MIXNET_S, 1000)) {
            ModelWeights.saveSafetensors(s, small);
        }
        try (MixNetModel m = model(MixNetVariant.MIXNET_M, 1000)) {
            WeightsMismatchException e = assertThrows(WeightsMismatchException.class, () -> ModelWeights.load(m, small));
            assertFalse(e.missing().isEmpty(), "M has blocks S lacks");
            assertTrue(e.wrongShape().stream().anyMatch(l -> l.startsWith("conv_stem.weight")), e.getMessage());
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
        try (MixNetModel tenClasses = model(MixNetVariant.MIXNET_S, 10)) {
            WeightsMismatchException e = assertThrows(
                    WeightsMismatchException.class, () -> ModelWeights.load(tenClasses, small));
            assertEquals(2, e.wrongShape().size(), e.getMessage());
            assertTrue(e.missing().isEmpty() && e.unexpected().isEmpty(), e.getMessage());
        }
    }

    @Test
    void corruptFilesGiveAClearError() throws IOException {
        Path good = tmp.resolve("good.safetensors");
        try (MixNetModel s = model(MixNetVariant.MIXNET_S, 1000)) {
            ModelWeights.saveSafetensors(s, good);
            byte[] bytes = Files.readAllBytes(good);
            Path truncated = Files.write(tmp.resolve("truncated.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
            Path empty = Files.write(tmp.resolve("empty.safetensors"), new byte[0]);
            Path text = Files.write(tmp.resolve("text.safetensors"), "not weights".getBytes(StandardCharsets.UTF_8));
            for (Path bad : new Path[] {truncated, empty, text}) {
                CorruptWeightsException e = assertThrows(CorruptWeightsException.class, () -> ModelWeights.load(s, bad));
                assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
            }
        }
    }
}
