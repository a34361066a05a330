package io.mixnetspark.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code io.mixnetspark.data} and its subpackages import neither Spark nor DJL (the model and Spark
 * layers call into them, never the other way), checked on the sources.
 */
class DataPackageImportsTest {

    @Test
    void noSparkOrDjlImports() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "io", "mixnetspark", "data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.trim();
                    if (l.startsWith("import org.apache.spark") || l.startsWith("import ai.djl")
                            || l.startsWith("import io.mixnetspark.model") || l.startsWith("import io.mixnetspark.spark")) {
                        offending.add(f + ": " + l);
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), String.join("\n", offending));
    }
}
