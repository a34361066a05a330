package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout package stays free of Spark and DJL, so it is usable and testable without either. */
class LayoutImportsTest {

    @Test
    void noSparkOrDjlImports() throws IOException {
        Path sources = Paths.get("src", "main", "java", "io", "mixnetspark", "data", "layout");
        List<String> offending;
        try (Stream<Path> files = Files.list(sources)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).stream()
                            .filter(l -> l.startsWith("import org.apache.spark") || l.startsWith("import ai.djl"))
                            .map(l -> f.getFileName() + ": " + l))
                    .toList();
        }
        assertEquals(List.of(), offending);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
