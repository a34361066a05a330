package io.mixnetspark.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code DebianPython} runs reference scripts with Debian's {@code /usr/bin/python3} and its
 * packages (python3-torch, python3-pil, python3-numpy), which {@code .ci/run} installs. When a
 * module is missing the test fails under CI ({@code CI=true}) and is skipped elsewhere.
 */
public final class DebianPython {

    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    private DebianPython() {}

    /**
     * Ensures the named modules import, failing (CI) or skipping (elsewhere) otherwise.
     *
     * @param modules Python module names
     */
    public static void require(String... modules) {
        String message = "Debian's python3 with " + String.join(", ", modules) + " is needed"
                + " (apt-get install python3-torch python3-pil python3-numpy)";
        boolean ok;
        try {
            ok = Files.isExecutable(PYTHON)
                    && run(List.of("-c", "import " + String.join(", ", modules))).exitCode == 0;
        } catch (IOException e) {
            ok = false;
        }
        if (!ok) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /**
     * Runs a script from the test resources folder {@code python/}.
     *
     * @param script the file name under {@code src/test/resources/python}
     * @param args its arguments
     * @return exit code and combined output
     * @throws IOException when the process cannot run
     */
    public static Result runScript(String script, String... args) throws IOException {
        Path file = Paths.get("src", "test", "resources", "python", script).toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(file.toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("python3 " + args + " timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * A finished Python process.
     *
     * @param exitCode its exit code
     * @param output what it printed (stdout and stderr)
     */
    public record Result(int exitCode, String output) {}
}
