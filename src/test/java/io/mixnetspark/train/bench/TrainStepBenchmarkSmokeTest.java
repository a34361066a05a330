package io.mixnetspark.train.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The training step benchmark runs end to end on a tiny shape, so it cannot rot between real runs. */
class TrainStepBenchmarkSmokeTest {

    @Test
    void reportsOneRowPerShape() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainStepBenchmark.run(TrainStepBenchmark.Options.parse(
                new String[] {"--shape", "2x32", "--warmup", "1", "--steps", "1"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.matches("(?s).*\\| mixnet_s \\| float32 \\| 1 \\| 2 \\| 32 \\| 1 \\| 1 \\| [0-9]+ \\| [0-9.]+ \\|.*"), report);
    }

    @Test
    void measuresMixedPrecisionToo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainStepBenchmark.run(TrainStepBenchmark.Options.parse(
                new String[] {"--shape", "2x32", "--warmup", "0", "--steps", "1", "--precision", "float16"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.matches("(?s).*\\| mixnet_s \\| float16 \\| 1 \\| 2 \\| 32 \\| 0 \\| 1 \\| [0-9]+ \\| [0-9.]+ \\|.*"), report);
    }

    @Test
    void namesTheReplicasAStepUsed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainStepBenchmark.run(TrainStepBenchmark.Options.parse(
                new String[] {"--shape", "16x32", "--warmup", "0", "--steps", "1", "--cpu_replicas", "2"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.matches("(?s).*\\| mixnet_s \\| float32 \\| 2 \\| 16 \\| 32 \\| 0 \\| 1 \\| [0-9]+ \\| [0-9.]+ \\|.*"),
                report);
    }

    @Test
    void badOptionsSayHowToCallIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainStepBenchmark.Options.parse(new String[] {"--shape", "32"}));
        assertTrue(e.getMessage().contains("BATCHxSIZE"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainStepBenchmark.Options.parse(new String[] {"--precision", "bfloat16"}));
        assertTrue(e.getMessage().contains("float32 or float16"), e.getMessage());
    }
}
