package io.mixnetspark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code QuickstartData} finds the photos {@code mixnet quickstart} trains on, an ImageFolder with
 * {@code train/} and {@code val/}: the {@code --data_dir} flag, else the {@value #ENV} environment
 * variable, else the shared Imagenette subset ({@code ../shared/datasets/imagenette2-224-subset}
 * beside the project), else a previous download in {@code datasets/imagenette2-160}, else it
 * downloads fast.ai's Imagenette ({@value #URL}, about 94 MB) into {@code datasets/}, saying so.
 */
final class QuickstartData {

    /** Environment variable naming the quickstart's data folder. */
    static final String ENV = "MIXNET_QUICKSTART_DATA";

    /** fast.ai's Imagenette, 160-pixel short side. */
    static final String URL = "https://s3.amazonaws.com/fast-ai-imageclas/imagenette2-160.tgz";

    private static final String SHARED = "../shared/datasets/imagenette2-224-subset";
    private static final String DOWNLOADED = "datasets/imagenette2-160";

    private QuickstartData() {}

    /**
     * Finds (or downloads) the data.
     *
     * @param given the {@code --data_dir} flag, or null
     * @param project the project folder ({@code datasets/} and {@code ../shared} are resolved against it)
     * @param out where the download is announced
     * @return the data folder
     * @throws IllegalArgumentException when a given folder lacks train/ or val/
     * @throws IOException when the download fails, with what to do instead
     */
    static Path locate(String given, Path project, PrintWriter out) throws IOException {
        String named = given != null ? given : System.getenv(ENV);
        if (named != null && !named.isBlank()) {
            Path folder = Paths.get(named).toAbsolutePath().normalize();
            if (!isImageFolder(folder)) {
                throw new IllegalArgumentException(folder + " is not an ImageFolder with train/ and val/ (from "
                        + (given != null ? "--data_dir" : ENV) + ")");
            }
            return folder;
        }
        for (String candidate : List.of(SHARED, DOWNLOADED)) {
            Path folder = project.resolve(candidate).toAbsolutePath().normalize();
            if (isImageFolder(folder)) {
                return folder;
            }
        }
        Path datasets = project.resolve("datasets").toAbsolutePath().normalize();
        out.printf("No shared photos at %s: downloading Imagenette (about 94 MB) from %s into %s%n",
                project.resolve(SHARED).normalize(), URL, datasets);
        out.flush();
        download(datasets);
        return datasets.resolve("imagenette2-160");
    }

    private static boolean isImageFolder(Path folder) {
        return Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("val"));
    }

    private static void download(Path datasets) throws IOException {
        Files.createDirectories(datasets);
        Path archive = datasets.resolve("imagenette2-160.tgz.part");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(URL)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(archive));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            Path partial = datasets.resolve(".imagenette2-160.partial");
            extract(archive, partial);
            // moved into place only when complete, so an interrupted download is not taken for data
            Files.move(partial.resolve("imagenette2-160"), datasets.resolve("imagenette2-160"));
        } catch (IOException e) {
            throw new IOException("cannot download " + URL + " (" + e.getMessage() + "). Without network, put an"
                    + " ImageFolder with train/<class>/ and val/<class>/ photos somewhere and pass --data_dir DIR"
                    + " (or set " + ENV + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + URL + " interrupted", e);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** Unpacks a .tgz below {@code target}, refusing entries that would land outside it. */
    static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
