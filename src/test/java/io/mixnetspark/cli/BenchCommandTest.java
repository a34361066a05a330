package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A smoke run of each benchmark command, so the commands behind BENCHMARKS.md never rot; the
 * forward benchmark names the fast paths it ran on.
 */
class BenchCommandTest {

    @Test
    void forwardBenchmarkReportsImagesPerSecond() {
        CliRun run = CliRun.of("bench", "forward", "--batch_size", "2", "--image_size", "64", "--warmup", "1",
                "--iterations", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)forward mixnet_s batch 2 at 64 px: [0-9.]+ images/s\\s*"
                + "numerics: fast paths [a-z0-9_,]+ on .*"), run.out());
    }

    @Test
    void badBenchmarkSettingsAreUsageErrors() {
        CliRun run = CliRun.of("bench", "forward", "--iterations", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("iterations >= 1"), run.err());
    }
}
