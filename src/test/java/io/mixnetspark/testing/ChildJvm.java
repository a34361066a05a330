package io.mixnetspark.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ChildJvm} runs a {@code main} class of the test class path in a separate JVM, with the
 * test JVM's {@code --add-opens} flags, and returns its exit code and output. Tests use it to show
 * that state (tables, files) outlives the process that wrote it.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * What the child printed.
     *
     * @param exitCode its exit code
     * @param output standard output and error, interleaved
     */
    public record Result(int exitCode, String output) {}

    /**
     * Runs {@code mainClass} and waits for it.
     *
     * @param mainClass the class with {@code main}
     * @param properties system properties for the child
     * @param timeoutSeconds how long to wait before killing it
     * @param args its arguments
     * @return exit code and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result run(Class<?> mainClass, Map<String, String> properties, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        return run(mainClass, properties, Map.of(), timeoutSeconds, args);
    }

    /**
     * Runs {@code mainClass} with extra environment variables and waits for it.
     *
     * @param mainClass the class with {@code main}
     * @param properties system properties for the child
     * @param environment environment variables added to this JVM's for the child
     * @param timeoutSeconds how long to wait before killing it
     * @param args its arguments
     * @return exit code and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result run(Class<?> mainClass, Map<String, String> properties, Map<String, String> environment,
            long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-XX:")) {
                command.add(arg);
            }
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("child-jvm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return ended ? new Result(process.exitValue(), out) : new Result(-1, out + "\n(killed after " + timeoutSeconds + " s)");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
