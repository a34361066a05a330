package io.mixnetspark.data.layout;

import static io.mixnetspark.data.layout.TarBytes.BLOCK;
import static io.mixnetspark.data.layout.TarBytes.declareSize;
import static io.mixnetspark.data.layout.TarBytes.headerOffset;
import static io.mixnetspark.data.layout.TarBytes.tar;
import static io.mixnetspark.data.layout.TfRecordReaderTest.jpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged shards of each format, generated here, read through {@link ShardReaders} under both
 * {@link CorruptShardPolicy} values: with {@code error-rows} the records before the damage come
 * back and the damage is one error record naming file, record and offset (tar shards go on after
 * a damaged sample); with {@code fail} the same message is thrown. Declared sizes over the file or
 * over {@code maxImageBytes} are never allocated.
 */
class CorruptShardsTest {

    private static final Configuration CONF = new Configuration();
    private static final ClassIndex IMAGENET = ClassIndex.imagenet();
    private static final long NO_LIMIT = Integer.MAX_VALUE;

    @TempDir
    java.nio.file.Path dir;

    @Test
    void tfRecordWithBadLengthChecksumKeepsTheRecordsBeforeIt() throws IOException {
        byte[] file = tfRecords(200, 200, 200);
        int second = recordOffset(file, 1);
        file[second] ^= 0x10;
        Path shard = save("train-00000-of-00001", file);

        List<ImageRecord> rows = read(Layout.TFRECORD, shard, NO_LIMIT);

        assertEquals(List.of("img0", "train-00000-of-00001#corrupt"), keys(rows));
        assertDamage(rows.get(1), shard, "record 1 at byte offset " + second + ": length checksum mismatch");
        failsWith(Layout.TFRECORD, shard, "record 1 at byte offset " + second + ": length checksum mismatch");
    }

    @Test
    void tfRecordWithBadDataChecksumEndsTheShardThere() throws IOException {
        byte[] file = tfRecords(200, 200, 200);
        int third = recordOffset(file, 2);
        file[third + 12 + 4] ^= 0x01;
        Path shard = save("train-00000-of-00001", file);

        List<ImageRecord> rows = read(Layout.TFRECORD, shard, NO_LIMIT);

        assertEquals(List.of("img0", "img1", "train-00000-of-00001#corrupt"), keys(rows));
        assertDamage(rows.get(2), shard, "record 2 at byte offset " + third + ": data checksum mismatch");
    }

    @Test
    void tfRecordLengthPastTheEndOfTheFileIsNeverAllocated() throws IOException {
        byte[] file = tfRecords(200, 200);
        int second = recordOffset(file, 1);
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(second, 300L << 20);
        header.putInt(second + 8, MaskedCrc32c.of(file, second, 8));
        Path shard = save("train-00000-of-00001", file);

        List<ImageRecord> rows = read(Layout.TFRECORD, shard, NO_LIMIT);

        assertEquals(List.of("img0", "train-00000-of-00001#corrupt"), keys(rows));
        assertDamage(rows.get(1), shard, "record 1 at byte offset " + second + ": record declares "
                + ((300L << 20) + 4) + " bytes but only");
    }

    @Test
    void tfRecordOverMaxImageBytesIsSkippedUnreadAndTheShardGoesOn() throws IOException {
        byte[] file = tfRecords(10, 2000, 10);
        Path shard = save("train-00000-of-00001", file);
        long length = recordOffset(file, 2) - recordOffset(file, 1) - 16;

        for (CorruptShardPolicy policy : CorruptShardPolicy.values()) {
            List<ImageRecord> rows = read(Layout.TFRECORD, shard, 1000, policy);
            assertEquals(List.of("img0", "train-00000-of-00001#1", "img2"), keys(rows), policy.toString());
            assertDamage(rows.get(1), shard, "record 1 at byte offset " + recordOffset(file, 1) + ": record declares "
                    + length + " bytes, more than maxImageBytes (1000); not read");
        }
    }

    @Test
    void tarMemberDeclaringMoreThanTheFileHoldsIsOneErrorRow() throws IOException {
        for (long declared : new long[] {300L << 20, 4L << 30}) {
            byte[] tar = tar("a.jpg", jpeg("a"), "a.cls", bytes("0"), "b.jpg", jpeg("b"), "c.jpg", jpeg("c"));
            int header = headerOffset(tar, 2);
            declareSize(tar, header, declared);
            Path shard = save("train-000000.tar", tar);

            List<ImageRecord> rows = read(Layout.WEBDATASET, shard, NO_LIMIT);

            assertEquals(List.of("a", "train-000000.tar#corrupt"), keys(rows));
            assertEquals(0, rows.get(0).label());
            assertDamage(rows.get(1), shard, "member 2 'b.jpg' (data at byte offset " + (header + BLOCK)
                    + ") declares " + declared + " bytes but only");
            failsWith(Layout.WEBDATASET, shard, "'b.jpg'");
        }
    }

    @Test
    void tarMemberOverMaxImageBytesIsAnErrorRowFromItsDeclaredSize() throws IOException {
        byte[] big = new byte[4096];
        big[0] = (byte) 0xFF;
        byte[] tar = tar("a.jpg", jpeg("a"), "b.jpg", big, "b.cls", bytes("3"), "c.jpg", jpeg("c"));
        Path shard = save("train-000000.tar", tar);

        for (CorruptShardPolicy policy : CorruptShardPolicy.values()) {
            List<ImageRecord> rows = read(Layout.WEBDATASET, shard, 1024, policy);
            assertEquals(List.of("a", "b", "c"), keys(rows));
            assertNull(rows.get(1).image());
            assertEquals(3, rows.get(1).label(), "members after the large one are still read");
            assertTrue(rows.get(1).error().contains("'b.jpg'") && rows.get(1).error().contains(
                    "declares 4096 bytes, more than maxImageBytes (1024); not read"), rows.get(1).error());
        }
    }

    @Test
    void tarSamplesWithABadClsOrTwoImagesAreErrorRowsAndTheShardGoesOn() throws IOException {
        byte[] tar = tar("a.jpg", jpeg("a"), "a.cls", bytes("zero"), "b.jpg", jpeg("b"), "b.png", jpeg("b2"),
                "c.jpg", jpeg("c"), "c.cls", bytes("2"));
        Path shard = save("train-000000.tar", tar);

        List<ImageRecord> rows = read(Layout.WEBDATASET, shard, NO_LIMIT);

        assertEquals(List.of("a", "b", "c"), keys(rows));
        assertDamage(rows.get(0), shard, "member 1 'a.cls' (data at byte offset " + (headerOffset(tar, 1) + BLOCK)
                + "): a.cls is not a class index: 'zero'");
        assertDamage(rows.get(1), shard, "member 3 'b.png'");
        assertTrue(rows.get(1).error().contains("sample 'b' has more than one image member"), rows.get(1).error());
        assertEquals(2, rows.get(2).label());
        assertTrue(rows.get(2).isReadable());
        failsWith(Layout.WEBDATASET, shard, "a.cls is not a class index");
    }

    @Test
    void tarHeaderWithABadChecksumEndsTheShardAfterTheSamplesBeforeIt() throws IOException {
        byte[] tar = tar("a.jpg", jpeg("a"), "b.jpg", jpeg("b"), "c.jpg", jpeg("c"));
        tar[headerOffset(tar, 1) + 148] ^= 0x01;
        Path shard = save("train-000000.tar", tar);

        List<ImageRecord> rows = read(Layout.WEBDATASET, shard, NO_LIMIT);

        assertEquals(List.of("a", "train-000000.tar#corrupt"), keys(rows));
        assertDamage(rows.get(1), shard, "not a readable tar header");
    }

    @Test
    void parquetWithABrokenFooterIsOneErrorRow() throws IOException {
        Path shard = new Path(dir.resolve("train-00000-of-00001.parquet").toUri());
        try (HfParquetWriter writer = new HfParquetWriter(CONF, shard)) {
            writer.write(new ImageRecord("a", 0, null, jpeg("a"), "src"));
        }
        java.nio.file.Path local = dir.resolve("train-00000-of-00001.parquet");
        byte[] file = Files.readAllBytes(local);
        Arrays.fill(file, file.length - 40, file.length - 8, (byte) 0x7F);
        Files.write(local, file);
        Files.delete(dir.resolve(".train-00000-of-00001.parquet.crc"));

        List<ImageRecord> rows = read(Layout.PARQUET, shard, NO_LIMIT);

        assertEquals(List.of("train-00000-of-00001.parquet#corrupt"), keys(rows));
        assertDamage(rows.get(0), shard, "corrupt Parquet file " + shard + ": footer");
        failsWith(Layout.PARQUET, shard, "corrupt Parquet file");
    }

    @Test
    void parquetCellOverMaxImageBytesIsAnErrorRow() throws IOException {
        Path shard = new Path(dir.resolve("train.parquet").toUri());
        try (HfParquetWriter writer = new HfParquetWriter(CONF, shard)) {
            writer.write(new ImageRecord("a", 0, null, jpeg("a"), "src"));
            writer.write(new ImageRecord("b", 1, null, jpeg("b".repeat(2000)), "src"));
            writer.write(new ImageRecord("c", 2, null, jpeg("c"), "src"));
        }
        List<ImageRecord> rows = read(Layout.PARQUET, shard, 1000);
        assertEquals(List.of("a", "b", "c"), keys(rows));
        assertTrue(rows.get(1).error().contains("row 1 image.bytes holds 2003 bytes, more than maxImageBytes (1000)"),
                rows.get(1).error());
        assertEquals(1, rows.get(1).label());
    }

    private static void assertDamage(ImageRecord row, Path shard, String problem) {
        assertNull(row.image());
        assertEquals(shard.toString(), row.source());
        assertTrue(row.error().contains(shard.toString()) && row.error().contains(problem), row.error());
    }

    private static void failsWith(Layout layout, Path shard, String problem) {
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> read(layout, shard, NO_LIMIT, CorruptShardPolicy.FAIL));
        assertTrue(e.getMessage().contains(shard.toString()) && e.getMessage().contains(problem), e.getMessage());
    }

    private static List<ImageRecord> read(Layout layout, Path shard, long maxImageBytes) throws IOException {
        return read(layout, shard, maxImageBytes, CorruptShardPolicy.ERROR_ROWS);
    }

    private static List<ImageRecord> read(Layout layout, Path shard, long maxImageBytes, CorruptShardPolicy policy)
            throws IOException {
        List<ImageRecord> rows = new ArrayList<>();
        try (ImageRecordReader reader = ShardReaders.open(layout, CONF, shard, IMAGENET, maxImageBytes, policy)) {
            while (reader.next()) {
                rows.add(reader.get());
            }
        }
        return rows;
    }

    private static List<String> keys(List<ImageRecord> rows) {
        return rows.stream().map(ImageRecord::key).toList();
    }

    private Path save(String name, byte[] bytes) throws IOException {
        return new Path(Files.write(dir.resolve(name), bytes).toUri());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** TFRecords img0, img1... each a stand-in JPEG of about the given size with its file name. */
    private static byte[] tfRecords(int... sizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TfRecordWriter writer = new TfRecordWriter(out)) {
            for (int i = 0; i < sizes.length; i++) {
                writer.write(new ImageRecord("img" + i, i, null, jpeg("x".repeat(sizes[i])), "src"));
            }
        }
        return out.toByteArray();
    }

    private static int recordOffset(byte[] file, int record) {
        int offset = 0;
        for (int i = 0; i < record; i++) {
            offset += 12 + (int) ByteBuffer.wrap(file, offset, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(offset) + 4;
        }
        return offset;
    }
}
