package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mixnet} launcher's allocator setting: an unknown {@code MIXNET_MALLOC} fails before
 * anything is built or started, naming the variable and the values allowed.
 */
class LauncherAllocatorTest {

    @Test
    void unknownAllocatorFailsFastNamingTheSettingAndTheChoices() throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder("bash", Path.of("mixnet").toAbsolutePath().toString(), "--version")
                .redirectErrorStream(true);
        launcher.environment().put("MIXNET_MALLOC", "hoard");
        Process process = launcher.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher should stop at once");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("MIXNET_MALLOC=hoard is not allowed"), output);
        assertTrue(output.contains("tcmalloc") && output.contains("glibc"), output);
        assertFalse(output.contains("building the project"), "nothing is built first: " + output);
    }
}
