package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.testing.ChildJvm;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the numerics self-check does to a whole command, in a fresh JVM each (it runs once per
 * JVM): a fault rehearsed in one fast path makes the JVM fall back, warn once and record the paths
 * that ran in the run's row; a fault rehearsed everywhere makes labeling refuse with the check's
 * message; and the engine stays quiet (no line per convolution from NNPACK; PyTorch's own
 * warnings at most once).
 */
class NumericsInAFreshJvmTest {

    private static final String WNID = "n02979186";

    @TempDir
    Path tmp;

    @Test
    void aRehearsedFaultFallsBackWarnsOnceAndTheRunsRowSaysWhichPathsRan() throws Exception {
        ChildJvm.Result run = predict("grouped_1x1", "rehearsal");
        String out = run.output();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("exit|0"), out);
        String numerics = line(out, "numerics|");
        assertTrue(numerics.startsWith("fast paths "), numerics);
        assertFalse(numerics.substring(0, numerics.indexOf(" on ")).contains("grouped_1x1"), numerics);
        assertTrue(numerics.contains("grouped_1x1 off by"), numerics);
        assertFalse(line(out, "paths|").contains("grouped_1x1"), out);
        assertEquals(1, count(out, "WARN Numerics: Self-check on "), out);
        assertEquals(0, count(out, "NNPACK"), "no NNPACK line: " + out);
        assertTrue(count(out, "AutoNonVariableTypeMode") <= 1, out);
        assertTrue(out.contains("Labeled 5 images (0 errors)"), out);
    }

    @Test
    void whenNoWayOfComputingIsRightNothingIsLabeled() throws Exception {
        ChildJvm.Result run = predict("all", "refusal");
        String out = run.output();
        assertTrue(out.contains("exit|"), out);
        assertNotEquals("0", line(out, "exit|"), out);
        assertTrue(out.contains("Refusing to label or train rather than write wrong numbers"), out);
        assertFalse(out.contains("Labeled "), out);
    }

    /** {@code mixnet predict} over five photos in batches of 4 (the last batch has one image). */
    private ChildJvm.Result predict(String rehearsal, String runId) throws IOException, InterruptedException {
        Path classFolder = Files.createDirectories(tmp.resolve("lake/val/" + WNID));
        try (Stream<Path> photos = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/" + WNID))) {
            for (Path p : photos.sorted().limit(5).toList()) {
                Files.copy(p, classFolder.resolve(p.getFileName()));
            }
        }
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        Map<String, String> properties = Map.of("mixnet.home", tmp.toString(),
                "derby.stream.error.file", tmp.resolve("derby.log").toString(),
                "log4j2.configurationFile", Paths.get("conf/log4j2.properties").toAbsolutePath().toString(),
                Numerics.REHEARSE_PROPERTY, rehearsal);
        return ChildJvm.run(CliThenRunsRowMain.class, properties, 600, runId, "predict", "--layout", "imagefolder",
                "--data_dir", tmp.resolve("lake/val").toString(), "--ckpt_path", weights.toString(),
                "--batch_size", "4", "--run_id", runId);
    }

    private static String line(String output, String prefix) {
        List<String> lines = output.lines().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, lines.size(), prefix + " lines in: " + output);
        return lines.get(0).substring(prefix.length());
    }

    private static int count(String output, String fragment) {
        int count = 0;
        for (int at = output.indexOf(fragment); at >= 0; at = output.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }
}
