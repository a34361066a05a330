package io.mixnetspark.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code SharedData} finds the project's shared test data ({@code ../shared} beside the checkout:
 * real photos, the ImageNet class index and reference tensors).
 *
 * <p>A test that needs a file asks {@link #require(String)}. When the file is missing the test
 * fails under CI ({@code CI=true}) and is skipped elsewhere, with a message saying where the data
 * is expected.
 */
public final class SharedData {

    private SharedData() {}

    /**
     * Returns the shared folder: the {@code mixnet.shared.dir} system property (set by the Maven
     * build) or {@code ../shared}.
     *
     * @return the shared folder (which may not exist)
     */
    public static Path root() {
        String configured = System.getProperty("mixnet.shared.dir");
        return (configured == null ? Paths.get("..", "shared") : Paths.get(configured))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Returns a path under the shared folder, failing (CI) or skipping (elsewhere) when missing.
     *
     * @param relative the path below the shared folder, e.g. {@code datasets/image-edge-cases}
     * @return the existing path
     */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String message =
                    "Shared test data missing: "
                            + path
                            + ". Check out the project's shared/ folder beside the repository"
                            + " (or set -Dmixnet.shared.dir=DIR).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
