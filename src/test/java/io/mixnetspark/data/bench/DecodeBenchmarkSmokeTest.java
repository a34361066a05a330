package io.mixnetspark.data.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decode benchmark runs end to end on three photos, so it cannot rot between real runs. */
class DecodeBenchmarkSmokeTest {

    @TempDir
    Path images;

    private String run(String... extra) throws IOException {
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/n01440764"))) {
            for (Path f : files.sorted().limit(3).toList()) {
                Files.copy(f, images.resolve(f.getFileName()));
            }
        }
        List<String> args = new java.util.ArrayList<>(List.of("--set", "smoke=" + images, "--rounds", "1",
                "--threads", "2"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecodeBenchmark.run(BenchOptions.parse(args.toArray(String[]::new)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void javaOnly() throws IOException {
        String report = run();
        assertTrue(report.contains("| smoke | 3 | "), report);
        assertTrue(report.contains("| smoke | 0.000 | 0 | - | - |"), report);
    }

    @Test
    void againstPil() throws IOException {
        DebianPython.require("PIL", "numpy");
        String report = run("--pil", "/usr/bin/python3", "--pil-script", "scripts/pil_decode_bench.py");
        assertTrue(report.matches("(?s).*\\| smoke \\| 3 \\| [0-9]+ \\([0-9]+\\) \\| [0-9]+ \\([0-9]+\\) \\| [0-9.]+x \\|.*"),
                report);
        assertTrue(report.contains("; PIL 9") || report.contains("; PIL 1"), report);
    }
}
