package io.mixnetspark.data.layout;

import static io.mixnetspark.data.layout.MatBytes.MI_COMPRESSED;
import static io.mixnetspark.data.layout.MatBytes.MI_INT32;
import static io.mixnetspark.data.layout.MatBytes.MI_MATRIX;
import static io.mixnetspark.data.layout.MatBytes.MX_CELL;
import static io.mixnetspark.data.layout.MatBytes.MX_STRUCT;
import static io.mixnetspark.data.layout.MatBytes.concat;
import static io.mixnetspark.data.layout.MatBytes.element;
import static io.mixnetspark.data.layout.MatBytes.fieldNames;
import static io.mixnetspark.data.layout.MatBytes.file;
import static io.mixnetspark.data.layout.MatBytes.matrix;
import static io.mixnetspark.data.layout.MatBytes.matrixHead;
import static io.mixnetspark.data.layout.MatBytes.number;
import static io.mixnetspark.data.layout.MatBytes.tag;
import static io.mixnetspark.data.layout.MatBytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The MAT-file reader on hostile files made here: deep nesting, a zlib bomb, lying counts and
 * sizes each give a message naming the file, within a bounded time and memory.
 */
class MatFileTest {

    private static final String[] SYNSET_FIELDS = {"ILSVRC2012_ID", "WNID", "num_children"};

    @Test
    void aDevkitStyleStructReads() throws IOException {
        byte[] synsets = matrix(MX_STRUCT, new int[] {2, 1}, "synsets", fieldNames(SYNSET_FIELDS),
                number(1), text("n01440764"), number(0), number(2), text("n02102040"), number(0));
        assertEquals(Map.of(1, "n01440764", 2, "n02102040"),
                DevkitSynsets.fromMetaMat(new ByteArrayInputStream(file(synsets)), "meta.mat"));
    }

    @Test
    void cellsNested60000DeepAreRefusedWithoutOverflowingTheStack() {
        int depth = 60_000;
        byte[] innermost = number(0);
        byte[] head = matrixHead(MX_CELL, new int[] {1, 1}, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MatBytes.header());
        for (int level = depth; level >= 1; level--) {
            out.writeBytes(tag(MI_MATRIX, innermost.length + level * (8 + head.length) - 8));
            out.writeBytes(head);
        }
        out.writeBytes(innermost);
        assertRefused(out.toByteArray(), "MAX_DEPTH");
    }

    @Test
    void aZlibBombIsRefusedAfterABoundedInflate() throws IOException {
        int zeros = 256 << 20;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(tag(MI_MATRIX, zeros));
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < zeros / chunk.length; i++) {
                deflate.write(chunk);
            }
        }
        assertTrue(compressed.size() < 1 << 20, "the bomb is small: " + compressed.size());
        byte[] bomb = file(element(MI_COMPRESSED, compressed.toByteArray()));
        assertRefused(bomb, "MAX_INFLATED_BYTES");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThrows(CorruptShardException.class, () -> MatFile.read(new ByteArrayInputStream(bomb), "bomb.mat"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 3L * MatFile.MAX_INFLATED_BYTES, "refusing allocated " + allocated + " bytes");
    }

    @Test
    void countsTheBytesCannotHoldAreRefusedBeforeAllocating() {
        int[] twoTo31 = {65536, 32768};
        assertRefused(file(matrix(MX_STRUCT, twoTo31, "synsets", fieldNames())), "MAX_ELEMENTS");
        assertRefused(file(matrix(MX_STRUCT, new int[] {1000, 1000}, "synsets", fieldNames(SYNSET_FIELDS))),
                "only");
        assertRefused(file(matrix(MX_CELL, new int[] {1, 100_000}, "c", number(1))), "only");
        assertRefused(file(matrix(MX_CELL, new int[] {-1, 5}, "c")), "negative dimension");
        byte[] zeroNameLength = concat(element(MI_INT32, new byte[4]), element(MatBytes.MI_INT8, new byte[32]));
        assertRefused(file(matrix(MX_STRUCT, new int[] {1, 1}, "s", zeroNameLength)), "field names 0 bytes long");
    }

    @Test
    void lyingElementSizesAreRefused() {
        byte[] smallClaimingMore = {1, 0, (byte) 0xFF, 0x7F, 0, 0, 0, 0};
        assertRefused(file(smallClaimingMore), "at most 4 fit");
        assertRefused(file(tag(MI_MATRIX, Integer.MAX_VALUE), new byte[8]), "claims 2147483647 bytes");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> DevkitSynsets.fromMetaMat(endless, "huge.mat"));
        assertTrue(e.getMessage().contains("huge.mat") && e.getMessage().contains("MAX_FILE_BYTES"), e.getMessage());
    }

    @Test
    void devkitIdsOutsideAnIntAreRefusedNamingTheField() {
        byte[] synsets = matrix(MX_STRUCT, new int[] {1, 1}, "synsets", fieldNames(SYNSET_FIELDS),
                number(99999999999d), text("n01440764"), number(0));
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> DevkitSynsets.fromMetaMat(new ByteArrayInputStream(file(synsets)), "meta.mat"));
        assertTrue(e.getMessage().contains("meta.mat") && e.getMessage().contains("ILSVRC2012_ID"), e.getMessage());
    }

    private static void assertRefused(byte[] content, String expected) {
        CorruptShardException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                CorruptShardException.class, () -> MatFile.read(new ByteArrayInputStream(content), "bad.mat")));
        assertTrue(e.getMessage().contains("bad.mat") && e.getMessage().contains(expected), e.getMessage());
    }
}
