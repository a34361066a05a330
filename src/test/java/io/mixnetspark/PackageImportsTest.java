package io.mixnetspark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency direction, checked on the sources: {@code cli -> spark -> {train, metrics, data,
 * model}}, {@code train -> {model, metrics}}, {@code train.input -> {train, data}}; the model,
 * training and data code know nothing of Spark or Hadoop, the training input nothing of DJL or the
 * model either, the decoders and layouts nothing of DJL or the model, the hub client
 * (downloads) nothing of any of them, and the collective (the workers' ring) nothing of Spark,
 * Hadoop, DJL or the other packages. Beyond these rules, the packages depend on each other without
 * cycles.
 */
class PackageImportsTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String ROOT = "io.mixnetspark";

    /** A project type named in code, by import or in full: the package, then a type or {@code *}. */
    private static final Pattern PROJECT_TYPE = Pattern.compile("\\bio\\.mixnetspark((?:\\.[a-z][a-z0-9_]*)+)\\.[A-Z*]");

    /** Checks imports and fully qualified names in code, not comments. */
    @ParameterizedTest(name = "{0} imports none of {1}")
    @CsvSource(delimiter = ';', value = {
        "data; org.apache.spark ai.djl io.mixnetspark.model io.mixnetspark.spark io.mixnetspark.train io.mixnetspark.cli",
        "model; org.apache.spark org.apache.hadoop io.mixnetspark.spark io.mixnetspark.train io.mixnetspark.cli",
        "train; org.apache.spark org.apache.hadoop io.mixnetspark.spark io.mixnetspark.cli",
        "train.input; org.apache.spark org.apache.hadoop ai.djl io.mixnetspark.model io.mixnetspark.spark"
                + " io.mixnetspark.cli",
        "hub; org.apache.spark org.apache.hadoop ai.djl io.mixnetspark.model io.mixnetspark.data io.mixnetspark.spark"
                + " io.mixnetspark.train io.mixnetspark.cli",
        "collective; org.apache.spark org.apache.hadoop ai.djl io.mixnetspark.cli io.mixnetspark.concurrent"
                + " io.mixnetspark.config io.mixnetspark.data io.mixnetspark.hub io.mixnetspark.metrics"
                + " io.mixnetspark.model io.mixnetspark.notebook io.mixnetspark.report io.mixnetspark.spark"
                + " io.mixnetspark.train"})
    void importsFollowTheDependencyDirection(String pkg, String forbidden) throws IOException {
        List<Pattern> names = Stream.of(forbidden.split(" "))
                .map(prefix -> Pattern.compile("(?<![\\w.])" + Pattern.quote(prefix) + "\\."))
                .toList();
        List<String> offending = new ArrayList<>();
        for (Path f : javaFiles(SOURCES.resolve((ROOT + "." + pkg).replace('.', '/')))) {
            for (String l : code(f)) {
                if (names.stream().anyMatch(name -> name.matcher(l).find())) {
                    offending.add(f + ": " + l);
                }
            }
        }
        assertTrue(offending.isEmpty(), String.join("\n", offending));
    }

    /**
     * Groups the packages {@code depth} levels below {@code io.mixnetspark} (1: {@code spark},
     * {@code train}; 2: {@code spark.train}, {@code train.input}, with deeper packages counted as
     * their ancestor at that depth) and finds no cycle among them. A dependency is an import or a
     * fully qualified name in code; a failure lists each cycle's packages and, for each of its
     * dependencies, one line that makes it.
     */
    @ParameterizedTest(name = "the packages {0} level(s) below io.mixnetspark form no cycle")
    @ValueSource(ints = {1, 2})
    void packagesDependOnEachOtherWithoutCycles(int depth) throws IOException {
        Map<String, Map<String, String>> graph = dependencies(depth);
        Set<String> reported = new HashSet<>();
        List<String> cycles = new ArrayList<>();
        for (String pkg : graph.keySet()) {
            if (reported.contains(pkg) || !reachable(graph, pkg).contains(pkg)) {
                continue;
            }
            SortedSet<String> cycle = new TreeSet<>();
            for (String other : reachable(graph, pkg)) {
                if (reachable(graph, other).contains(pkg)) {
                    cycle.add(other);
                }
            }
            reported.addAll(cycle);
            StringBuilder report = new StringBuilder("cycle among " + cycle);
            for (String from : cycle) {
                graph.get(from).forEach((to, where) -> {
                    if (cycle.contains(to)) {
                        report.append("\n  ").append(from).append(" -> ").append(to).append(": ").append(where);
                    }
                });
            }
            cycles.add(report.toString());
        }
        assertTrue(cycles.isEmpty(), String.join("\n", cycles));
    }

    /** Each package's dependencies on other packages, each with one source line that makes it. */
    private static Map<String, Map<String, String>> dependencies(int depth) throws IOException {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Path f : javaFiles(SOURCES)) {
            String pkg = SOURCES.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
            String from = group(pkg, depth);
            if (from.isEmpty()) {
                continue;
            }
            Map<String, String> uses = graph.computeIfAbsent(from, k -> new TreeMap<>());
            for (String l : code(f)) {
                Matcher m = PROJECT_TYPE.matcher(l);
                while (m.find()) {
                    String to = group(ROOT + m.group(1), depth);
                    if (!to.equals(from)) {
                        uses.putIfAbsent(to, f + ": " + l);
                    }
                }
            }
        }
        return graph;
    }

    /** The package's first {@code depth} names below the root, or "" for the root itself. */
    private static String group(String pkg, int depth) {
        if (!pkg.startsWith(ROOT + ".")) {
            return "";
        }
        String[] names = pkg.substring(ROOT.length() + 1).split("\\.");
        return String.join(".", List.of(names).subList(0, Math.min(depth, names.length)));
    }

    /** The packages reached by one or more dependencies (so {@code from} itself only on a cycle). */
    private static Set<String> reachable(Map<String, Map<String, String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(graph.getOrDefault(from, Map.of()).keySet());
        while (!next.isEmpty()) {
            String pkg = next.pop();
            if (seen.add(pkg)) {
                next.addAll(graph.getOrDefault(pkg, Map.of()).keySet());
            }
        }
        return seen;
    }

    /** A source file's trimmed lines, less those that start a comment or continue a Javadoc one. */
    private static List<String> code(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(l -> !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//"))
                .toList();
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
