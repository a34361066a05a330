package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.NpyFile;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixnet infer-tensor} reproduces the reference logits from the reference weights. */
class InferTensorCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheReferenceLogits() throws Exception {
        Path fixture = SharedData.require("fixtures/mixnet_s-timm-random");
        Path out = tmp.resolve("logits.npy");
        CliRun run = CliRun.of("infer-tensor", "--model", "mixnet_s",
                "--weights", fixture.resolve("model.safetensors").toString(),
                "--input", fixture.resolve("input.npy").toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray ours = NpyFile.read(manager, out);
            NDArray expected = NpyFile.read(manager, fixture.resolve("logits.npy"));
            assertEquals(expected.getShape(), ours.getShape());
            assertTrue(ours.sub(expected).abs().max().getFloat() <= 1e-4f);
        }
    }

    @Test
    void aCorruptWeightsFileFailsWithItsName() throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.safetensors"), "this is not a tensor file");
        Path input = SharedData.require("fixtures/mixnet_s-timm-random/input.npy");
        CliRun run = CliRun.of("infer-tensor", "--weights", bad.toString(), "--input", input.toString(),
                "--output", tmp.resolve("o.npy").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("broken.safetensors"), run.err());
    }
}
