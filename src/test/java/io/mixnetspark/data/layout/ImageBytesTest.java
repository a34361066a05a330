package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files are read within {@code maxImageBytes}: a file listed larger is refused without being
 * opened (a 3 GB sparse file, and a path that does not exist at all), one that grew past the limit
 * after listing is read only up to it, and the refusal decodes to an error naming the size and the
 * limit.
 */
class ImageBytesTest {

    private static final Configuration CONF = new Configuration();
    private static final long THREE_GB = 3L << 30;

    @TempDir
    Path dir;

    private static org.apache.hadoop.fs.Path hadoop(Path file) {
        return new org.apache.hadoop.fs.Path(file.toUri());
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    @Test
    void aFileListedOverTheLimitIsNeverOpened() throws IOException {
        FileSystem fs = FileSystem.getLocal(CONF);
        ImageTooLargeException refused = assertThrows(ImageTooLargeException.class,
                () -> ImageBytes.read(fs, hadoop(dir.resolve("gone.jpg")), 500, 100), "no FileNotFoundException: nothing was opened");
        assertEquals("not read: the file is 500 bytes, more than the limit of 100 bytes for one image (option"
                + " maxImageBytes)", refused.getMessage());
    }

    @Test
    void aThreeGigabyteSparseFileInAnImageFolderIsARecordSayingItsSize() throws IOException {
        Path photo = Files.write(Files.createDirectories(dir.resolve("n0")).resolve("a.jpg"), new byte[] {1, 2, 3});
        sparse(dir.resolve("n0/huge.jpg"), THREE_GB);
        List<ImageFile> files = ImageFolderLister.classFolders(CONF, hadoop(dir));
        long before = usedHeap();
        try (ImageFolderReader reader = new ImageFolderReader(CONF, files, ClassIndex.sorted(List.of("n0")),
                ImageBytes.MAX_ARRAY_BYTES + 1)) {
            assertTrue(reader.next());
            assertArrayEquals(Files.readAllBytes(photo), reader.get().image());
            assertTrue(reader.next());
            assertFalse(reader.get().isReadable(), "an unreadable record, as a damaged shard's");
            assertEquals("not read: the file is " + THREE_GB + " bytes, more than the limit of "
                    + ImageBytes.MAX_ARRAY_BYTES + " bytes for one image (option maxImageBytes)", reader.get().error());
            assertEquals(0, reader.get().label(), "the label of its class folder is kept");
            assertFalse(reader.next());
        }
        assertTrue(usedHeap() - before < 64L << 20, "nothing near the file's size was allocated");
    }

    @Test
    void aFileThatGrewPastTheLimitIsReadOnlyUpToIt() throws IOException {
        Path file = Files.write(dir.resolve("grown.jpg"), new byte[1000]);
        assertEquals("not read: the file is 1000 bytes, more than the limit of 100 bytes for one image (option"
                + " maxImageBytes)", assertThrows(ImageTooLargeException.class,
                        () -> ImageBytes.read(FileSystem.getLocal(CONF), hadoop(file), 10, 100)).getMessage());
        assertEquals(1000, ImageBytes.read(FileSystem.getLocal(CONF), hadoop(file), 1000, 1000).length);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
