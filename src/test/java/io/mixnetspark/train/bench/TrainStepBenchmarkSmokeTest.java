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
        String report = report("--shape", "2x32", "--warmup", "1", "--steps", "1");
        assertTrue(report.matches(row("float32 \\| 1 \\| 2 \\| 32 \\| 1 \\| 1")), report);
    }

    @Test
    void measuresMixedPrecisionToo() {
        String report = report("--shape", "2x32", "--warmup", "0", "--steps", "1", "--precision", "float16");
        assertTrue(report.matches(row("float16 \\| 1 \\| 2 \\| 32 \\| 0 \\| 1")), report);
    }

    @Test
    void namesTheReplicasAStepUsed() {
        String report = report("--shape", "16x32", "--warmup", "0", "--steps", "1", "--cpu_replicas", "2");
        assertTrue(report.matches(row("float32 \\| 2 \\| 16 \\| 32 \\| 0 \\| 1")), report);
    }

    private static String report(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainStepBenchmark.run(TrainStepBenchmark.Options.parse(args),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A pattern for a report holding the row that starts with these cells (a regex) after the model's. */
    private static String row(String cells) {
        return "(?s).*\\| mixnet_s \\| " + cells + " \\| [0-9]+ \\| [0-9.]+ \\|.*";
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
