package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.PhotoSubset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing class folders and flat folders of real photos, and reading them back. */
class ImageFolderListerTest {

    private static final Configuration CONF = new Configuration();

    @Test
    void classFoldersGiveFolderWnidsAndSortedLabels(@TempDir java.nio.file.Path dir) throws IOException {
        List<java.nio.file.Path> photos = PhotoSubset.copy(dir.resolve("train"), 2, 3);
        Files.write(dir.resolve("train/stray.JPEG"), new byte[] {1});
        Files.write(dir.resolve("train/n01440764/notes.txt"), new byte[] {1});

        List<ImageFile> files = ImageFolderLister.classFolders(CONF, new Path(dir.resolve("train").toUri()));

        assertEquals(6, files.size(), "files in the root and non-images are ignored");
        assertEquals("n01440764", files.get(0).wnid());
        assertEquals("n02102040", files.get(5).wnid());
        assertEquals(photos.get(0).getFileName().toString().replace(".JPEG", ""), files.get(0).key());
        assertTrue(ImageFolderLister.hasClassFolders(CONF, new Path(dir.resolve("train").toUri())));

        ClassIndex folders = ClassIndex.sorted(files.stream().map(ImageFile::wnid).toList());
        try (ImageFolderReader reader = new ImageFolderReader(CONF, files, folders, Long.MAX_VALUE)) {
            for (int i = 0; i < files.size(); i++) {
                assertTrue(reader.next());
                ImageRecord record = reader.get();
                assertEquals(i < 3 ? 0 : 1, record.label());
                assertArrayEquals(Files.readAllBytes(photos.get(i)), record.image());
                assertEquals(files.get(i).path(), record.source());
            }
            assertFalse(reader.next());
        }
    }

    @Test
    void flatFolderTakesClassesFromTheGroundTruth(@TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path val = Files.createDirectories(dir.resolve("val"));
        byte[] photo = Files.readAllBytes(PhotoSubset.copy(dir.resolve("src"), 1, 1).get(0));
        Files.write(val.resolve("ILSVRC2012_val_00000002.JPEG"), photo);
        Files.write(val.resolve("ILSVRC2012_val_00000001.JPEG"), photo);
        ValidationGroundTruth truth = ValidationGroundTruth.read(
                new ByteArrayInputStream("n01751748\nn01440764\n".getBytes(StandardCharsets.UTF_8)), "gt", null, null);

        Path root = new Path(val.toUri());
        assertFalse(ImageFolderLister.hasClassFolders(CONF, root));
        List<ImageFile> files = ImageFolderLister.flat(CONF, root, truth);
        assertEquals(List.of("ILSVRC2012_val_00000001", "ILSVRC2012_val_00000002"),
                files.stream().map(ImageFile::key).toList());
        assertEquals(List.of("n01751748", "n01440764"), files.stream().map(ImageFile::wnid).toList());

        List<ImageFile> unlabelled = ImageFolderLister.flat(CONF, root, null);
        assertNull(unlabelled.get(0).wnid());

        Files.write(val.resolve("ILSVRC2012_val_00000003.JPEG"), photo);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ImageFolderLister.flat(CONF, root, truth));
        assertTrue(missing.getMessage().contains("ILSVRC2012_val_00000003.JPEG"), missing.getMessage());
    }
}
