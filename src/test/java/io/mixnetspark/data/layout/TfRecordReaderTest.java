package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads a TFRecord file written by independent Python code ({@code make_tfrecord.py}: hand-built
 * protobuf, crcmod's CRC-32C), writes it back byte for byte, and checks that damage is reported
 * with file, record and offset.
 */
class TfRecordReaderTest {

    private static final String FIXTURE = "imagenet-two-records.tfrecord";
    private static final ClassIndex IMAGENET = ClassIndex.imagenet();

    private static byte[] fixture() throws IOException {
        try (InputStream in = TfRecordReaderTest.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        }
    }

    private static List<ImageRecord> readAll(byte[] file, String source) throws IOException {
        List<ImageRecord> records = new ArrayList<>();
        try (TfRecordReader reader = new TfRecordReader(new ByteArrayInputStream(file), source, IMAGENET)) {
            while (reader.next()) {
                records.add(reader.get());
            }
        }
        return records;
    }

    @Test
    void readsTheImageNetFeaturesOfAnIndependentlyWrittenFile() throws IOException {
        List<ImageRecord> records = readAll(fixture(), "s3a://bucket/val/" + FIXTURE);

        assertEquals(2, records.size());
        ImageRecord first = records.get(0);
        assertEquals("ILSVRC2012_val_00000001", first.key());
        assertEquals(65, first.label(), "TF labels are 1-based: 66 is sorted-wnid class 65");
        assertEquals("n01751748", first.wnid());
        assertArrayEquals("\u00ff\u00d8\u00ff first image stand-in".getBytes(StandardCharsets.ISO_8859_1), first.image());
        assertEquals("s3a://bucket/val/" + FIXTURE, first.source());

        ImageRecord second = records.get(1);
        assertEquals(FIXTURE + "#1", second.key(), "no image/filename: shard name and record number");
        assertEquals(0, second.label());
        assertEquals("n01440764", second.wnid(), "no synset: looked up in the class index");
    }

    @Test
    void parsesUnpackedInt64AndSkipsFloatFeatures() throws IOException {
        try (TfRecordInput input = new TfRecordInput(new ByteArrayInputStream(fixture()), FIXTURE)) {
            TfExample example = TfExample.parse(input.next());
            assertArrayEquals(new long[] {375}, example.int64s("image/height"));
            assertArrayEquals(new long[] {66}, example.int64s("image/class/label"));
            assertTrue(example.bytes("image/object/bbox/xmin").isEmpty());
            assertEquals(0, example.int64s("image/object/bbox/xmin").length);
        }
    }

    @Test
    void framingWriterReproducesTheFixtureByteForByte() throws IOException {
        byte[] fixture = fixture();
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (TfRecordInput input = new TfRecordInput(new ByteArrayInputStream(fixture), FIXTURE);
                TfRecordOutput output = new TfRecordOutput(rewritten)) {
            byte[] data;
            while ((data = input.next()) != null) {
                output.write(data);
            }
        }
        assertArrayEquals(fixture, rewritten.toByteArray());
    }

    @Test
    void writerRoundTripsRecordsDeterministically() throws IOException {
        List<ImageRecord> records = List.of(
                new ImageRecord("n01440764_10026", 0, "n01440764", jpeg("a"), "src/a.JPEG"),
                new ImageRecord("unlabelled", ImageRecord.NO_LABEL, null, jpeg("b"), "src/b.JPEG"),
                new ImageRecord("n15075141_1", 999, "n15075141", jpeg("c"), "src/c.JPEG"));
        byte[] once = write(records);
        byte[] twice = write(records);
        assertArrayEquals(once, twice);

        List<ImageRecord> back = readAll(once, "shard");
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(records.get(i).key(), back.get(i).key());
            assertEquals(records.get(i).label(), back.get(i).label());
            assertEquals(records.get(i).wnid(), back.get(i).wnid());
            assertArrayEquals(records.get(i).image(), back.get(i).image());
            assertEquals("shard", back.get(i).source());
        }
        assertFalse(back.get(1).hasLabel());
        assertNull(back.get(1).wnid());
    }

    @Test
    void dataChecksumMismatchNamesFileRecordAndOffset() throws IOException {
        byte[] file = fixture();
        long firstLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        int secondOffset = (int) (8 + 4 + firstLength + 4);
        file[secondOffset + 12 + 5] ^= 0x01;

        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> readAll(file, "hdfs://nn/shards/train-00000-of-00001"));
        assertTrue(e.getMessage().contains("hdfs://nn/shards/train-00000-of-00001"), e.getMessage());
        assertTrue(e.getMessage().contains("record 1 at byte offset " + secondOffset), e.getMessage());
        assertTrue(e.getMessage().contains("data checksum mismatch"), e.getMessage());
    }

    @Test
    void lengthChecksumMismatchAndTruncationAreReported() throws IOException {
        byte[] badLength = fixture();
        badLength[0] ^= 0x10;
        CorruptShardException length = assertThrows(CorruptShardException.class, () -> readAll(badLength, "f"));
        assertTrue(length.getMessage().contains("record 0 at byte offset 0: length checksum mismatch"),
                length.getMessage());

        byte[] whole = fixture();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
        CorruptShardException cut = assertThrows(CorruptShardException.class, () -> readAll(truncated, "f"));
        assertTrue(cut.getMessage().contains("record 1") && cut.getMessage().contains("truncated"),
                cut.getMessage());
    }

    private static byte[] write(List<ImageRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TfRecordWriter writer = new TfRecordWriter(out)) {
            for (ImageRecord record : records) {
                writer.write(record);
            }
        }
        return out.toByteArray();
    }

    static byte[] jpeg(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[3 + body.length];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }
}
