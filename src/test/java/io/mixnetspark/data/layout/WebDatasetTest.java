package io.mixnetspark.data.layout;

import static io.mixnetspark.data.layout.TarBytes.tar;
import static io.mixnetspark.data.layout.TfRecordReaderTest.jpeg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups tar members into samples as WebDataset does, and writes shards that read back. */
class WebDatasetTest {

    private static final ClassIndex IMAGENET = ClassIndex.imagenet();

    @Test
    void groupsConsecutiveMembersByKeyAndFillsMissingClassInformation() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1};
        byte[] tar = tar(
                "train/", null,
                "train/n01440764_1.jpg", jpeg("one"),
                "train/n01440764_1.cls", "0\n".getBytes(StandardCharsets.UTF_8),
                "train/n01440764_1.json", "{\"wnid\": \"n01440764\", \"height\": 224}".getBytes(StandardCharsets.UTF_8),
                "train/x2.PNG", png,
                "train/x2.cls", "217".getBytes(StandardCharsets.UTF_8),
                "train/x2.seg.png", png,
                "train/x2.txt", "ignored".getBytes(StandardCharsets.UTF_8),
                "train/x3.json", "{\"wnid\": \"n02979186\"}".getBytes(StandardCharsets.UTF_8),
                "train/x3.jpeg", jpeg("three"),
                "train/x4.webp", jpeg("four"));

        List<ImageRecord> records = read(tar);

        assertEquals(4, records.size());
        assertEquals("train/n01440764_1", records.get(0).key());
        assertEquals(0, records.get(0).label());
        assertEquals("n01440764", records.get(0).wnid());
        assertArrayEquals(jpeg("one"), records.get(0).image());
        assertEquals("train/x2", records.get(1).key());
        assertEquals(217, records.get(1).label());
        assertEquals("n02102040", records.get(1).wnid(), "wnid from the class index");
        assertArrayEquals(png, records.get(1).image(), "x2.seg.png is not the sample's image");
        assertEquals(482, records.get(2).label(), "label from the json wnid");
        assertEquals(ImageRecord.NO_LABEL, records.get(3).label());
        assertNull(records.get(3).wnid());
        assertEquals("mem://shard.tar", records.get(3).source());
    }

    @Test
    void aJsonWnidThatIsNoStringNamesTheMember() throws IOException {
        byte[] json = "{\"wnid\": {\"id\": 1}}".getBytes(StandardCharsets.UTF_8);
        byte[] tar = tar("a.jpg", jpeg("a"), "a.json", json);
        CorruptShardException e = assertThrows(CorruptShardException.class, () -> read(tar));
        assertTrue(e.getMessage().contains("a.json field 'wnid' is not a string"), e.getMessage());
    }

        @Test
    void sampleWithoutImageNamesShardAndKey() throws IOException {
        byte[] tar = tar("a.jpg", jpeg("a"), "b.cls", "1".getBytes(StandardCharsets.UTF_8), "c.jpg", jpeg("c"));
        CorruptShardException e = assertThrows(CorruptShardException.class, () -> read(tar));
        assertTrue(e.getMessage().contains("mem://shard.tar") && e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void writerOutputReadsBackAndIsDeterministic() throws IOException {
        List<ImageRecord> records = List.of(
                new ImageRecord("n01440764_10026", 0, "n01440764", jpeg("a"), "src"),
                new ImageRecord("ILSVRC2012_test_00000001", ImageRecord.NO_LABEL, null, jpeg("b"), "src"));
        byte[] once = write(records);
        assertArrayEquals(once, write(records));

        List<ImageRecord> back = read(once);
        assertEquals(2, back.size());
        assertEquals("n01440764_10026", back.get(0).key());
        assertEquals(0, back.get(0).label());
        assertEquals("n01440764", back.get(0).wnid());
        assertArrayEquals(jpeg("a"), back.get(0).image());
        assertEquals(ImageRecord.NO_LABEL, back.get(1).label());
        assertNull(back.get(1).wnid());
    }

    @Test
    void writerRefusesKeysWebDatasetWouldSplit() {
        ImageRecord dotted = new ImageRecord("img.v2", 0, null, jpeg("a"), "src");
        assertThrows(IllegalArgumentException.class, () -> write(List.of(dotted)));
    }

    private static List<ImageRecord> read(byte[] tar) throws IOException {
        List<ImageRecord> records = new ArrayList<>();
        try (WebDatasetReader reader = new WebDatasetReader(new ByteArrayInputStream(tar), "mem://shard.tar", IMAGENET)) {
            while (reader.next()) {
                records.add(reader.get());
            }
        }
        return records;
    }

    private static byte[] write(List<ImageRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WebDatasetWriter writer = new WebDatasetWriter(out)) {
            for (ImageRecord record : records) {
                writer.write(record);
            }
        }
        return out.toByteArray();
    }
}
