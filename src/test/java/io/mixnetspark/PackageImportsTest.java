package io.mixnetspark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dependency direction, checked on the sources: {@code cli -> spark -> {train, metrics, data,
 * model}}, {@code train -> {model, data}}; the model, training and data code know nothing of Spark
 * or Hadoop, the decoders and layouts nothing of DJL or the model, and the hub client (downloads)
 * nothing of any of them.
 */
class PackageImportsTest {

    @ParameterizedTest(name = "{0} imports none of {1}")
    @CsvSource(delimiter = ';', value = {
        "data; org.apache.spark ai.djl io.mixnetspark.model io.mixnetspark.spark io.mixnetspark.train io.mixnetspark.cli",
        "model; org.apache.spark org.apache.hadoop io.mixnetspark.spark io.mixnetspark.train io.mixnetspark.cli",
        "train; org.apache.spark org.apache.hadoop io.mixnetspark.spark io.mixnetspark.cli",
        "hub; org.apache.spark org.apache.hadoop ai.djl io.mixnetspark.model io.mixnetspark.data io.mixnetspark.spark"
                + " io.mixnetspark.train io.mixnetspark.cli"})
    void importsFollowTheDependencyDirection(String pkg, String forbidden) throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "io", "mixnetspark", pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.trim();
                    for (String prefix : forbidden.split(" ")) {
                        if (l.startsWith("import " + prefix + ".") || l.startsWith("import static " + prefix + ".")) {
                            offending.add(f + ": " + l);
                        }
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), String.join("\n", offending));
    }
}
