package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.WeightsFormat;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixnet convert}: safetensors to MindCV ckpt and back gives the same bytes. */
class ConvertCommandTest {

    @TempDir
    Path tmp;

    @Test
    void safetensorsToCkptAndBackIsLossless() throws Exception {
        Path reference = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        Path ckpt = tmp.resolve("m.ckpt");
        Path back = tmp.resolve("back.safetensors");
        Path direct = tmp.resolve("direct.safetensors");
        assertEquals(0, CliRun.of("convert", "--weights", reference.toString(), "--output", ckpt.toString(),
                "--format", "ckpt").exitCode());
        assertEquals(WeightsFormat.MINDSPORE_CKPT, WeightsFormat.detect(ckpt));
        assertEquals(0, CliRun.of("convert", "--weights", ckpt.toString(), "--output", back.toString()).exitCode());
        assertEquals(0, CliRun.of("convert", "--weights", reference.toString(), "--output", direct.toString()).exitCode());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(direct), Files.readAllBytes(back)));
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = CliRun.of("convert", "--weights", "x", "--output", "y", "--format", "onnx");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("allowed values are safetensors, ckpt"), run.err());
    }
}
