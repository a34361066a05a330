package io.mixnetspark.data.layout;

import static io.mixnetspark.data.layout.TfRecordReaderTest.jpeg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face Parquet shards: the writer's files, other column orders and types, bad schemas. */
class HfParquetTest {

    private static final Configuration CONF = new Configuration();
    private static final ClassIndex IMAGENET = ClassIndex.imagenet();

    @Test
    void writerOutputReadsBack(@TempDir java.nio.file.Path dir) throws IOException {
        Path file = new Path(dir.resolve("train-00000-of-00001.parquet").toUri());
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            records.add(new ImageRecord("n01440764_" + i, i % 2 == 0 ? 0 : ImageRecord.NO_LABEL,
                    null, jpeg("image " + i), "src"));
        }
        try (HfParquetWriter writer = new HfParquetWriter(CONF, file)) {
            for (ImageRecord record : records) {
                writer.write(record);
            }
        }
        List<ImageRecord> back = read(file);
        assertEquals(250, back.size(), "several row groups of 100");
        for (int i = 0; i < 250; i++) {
            assertEquals(records.get(i).key(), back.get(i).key());
            assertEquals(records.get(i).label(), back.get(i).label());
            assertEquals(i % 2 == 0 ? "n01440764" : null, back.get(i).wnid());
            assertArrayEquals(records.get(i).image(), back.get(i).image());
            assertEquals(file.toString(), back.get(i).source());
        }
    }

    @Test
    void int32LabelsExtraColumnsAndMissingPathsAreRead(@TempDir java.nio.file.Path dir) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message hf { optional int32 label; "
                + "optional binary caption (STRING); optional group image { optional binary path (STRING); "
                + "optional binary bytes; } }");
        Path file = new Path(dir.resolve("odd.parquet").toUri());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, CONF))
                .withType(schema).build()) {
            Group first = groups.newGroup().append("label", 217).append("caption", "a dog");
            first.addGroup("image").append("path", "train/n02102040/n02102040_7.JPEG")
                    .append("bytes", Binary.fromConstantByteArray(jpeg("dog")));
            writer.write(first);
            Group second = groups.newGroup().append("label", -1);
            second.addGroup("image").append("bytes", Binary.fromConstantByteArray(jpeg("test")));
            writer.write(second);
        }
        List<ImageRecord> back = read(file);
        assertEquals("n02102040_7", back.get(0).key());
        assertEquals(217, back.get(0).label());
        assertEquals("n02102040", back.get(0).wnid());
        assertEquals("odd.parquet#1", back.get(1).key());
        assertEquals(ImageRecord.NO_LABEL, back.get(1).label());
    }

    @Test
    void fileWithoutImageBytesIsRefused(@TempDir java.nio.file.Path dir) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { optional int64 label; }");
        Path file = new Path(dir.resolve("labels.parquet").toUri());
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, CONF))
                .withType(schema).build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("label", 1L));
        }
        CorruptShardException e = assertThrows(CorruptShardException.class, () -> read(file));
        assertTrue(e.getMessage().contains("labels.parquet") && e.getMessage().contains("image.bytes"), e.getMessage());
    }

    private static List<ImageRecord> read(Path file) throws IOException {
        List<ImageRecord> records = new ArrayList<>();
        try (HfParquetReader reader = new HfParquetReader(CONF, file, IMAGENET)) {
            while (reader.next()) {
                records.add(reader.get());
            }
        }
        return records;
    }
}
