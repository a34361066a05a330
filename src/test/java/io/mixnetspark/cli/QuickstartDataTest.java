package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link QuickstartData}: where the quickstart looks for photos, the message for a folder that is
 * not an ImageFolder, and unpacking the downloaded archive safely. The download itself is not run
 * (tests download nothing).
 */
class QuickstartDataTest {

    @TempDir
    Path tmp;

    @Test
    void aGivenFolderWithoutTrainAndValIsRefusedNamingTheFlag() throws IOException {
        Path notImages = Files.createDirectories(tmp.resolve("photos"));
        Files.createDirectories(notImages.resolve("train"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuickstartData.locate(notImages.toString(), tmp, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("is not an ImageFolder with train/ and val/ (from --data_dir)"), e.getMessage());
    }

    @Test
    void withoutAFlagTheSharedSubsetBesideTheProjectIsUsedBeforeAnyDownload() throws IOException {
        assumeTrue(System.getenv(QuickstartData.ENV) == null, QuickstartData.ENV + " is set; it would be used first");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path shared = tmp.resolve("shared/datasets/imagenette2-224-subset");
        Files.createDirectories(shared.resolve("train"));
        Files.createDirectories(shared.resolve("val"));
        StringWriter said = new StringWriter();
        assertEquals(shared.toAbsolutePath().normalize(), QuickstartData.locate(null, project, new PrintWriter(said)));
        assertEquals("", said.toString(), "nothing downloaded, nothing announced");
    }

    @Test
    void theArchiveUnpacksBelowItsTargetAndAnEntryPointingOutsideIsRefused() throws IOException {
        Path good = archive("good.tgz", "imagenette2-160/train/n01440764/a.JPEG");
        Path target = tmp.resolve("unpacked");
        QuickstartData.extract(good, target);
        assertEquals("photo", Files.readString(target.resolve("imagenette2-160/train/n01440764/a.JPEG")));

        Path evil = archive("evil.tgz", "../escaped.txt");
        IOException e = assertThrows(IOException.class, () -> QuickstartData.extract(evil, tmp.resolve("other")));
        assertTrue(e.getMessage().contains("archive entry ../escaped.txt points outside"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    }

    private Path archive(String name, String entryName) throws IOException {
        Path archive = tmp.resolve(name);
        byte[] content = "photo".getBytes(StandardCharsets.UTF_8);
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return archive;
    }
}
