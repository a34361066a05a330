package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageFile;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.ShardFormat;
import io.mixnetspark.data.layout.WebDatasetReader;
import io.mixnetspark.spark.shard.ShardConversion;
import io.mixnetspark.spark.shard.ShardConverter;
import io.mixnetspark.spark.shard.ShardPlan;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.Digests;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.PhotoSubset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mixnet shard} on 15 real photos (3 classes x 5): every format reads back with the source's
 * keys, labels and bytes, the same seed gives the same files, and the manifest counts are right.
 */
class ShardCommandTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Set<String> sourceRows;

    @BeforeAll
    static void source() throws IOException {
        spark = LocalSparkSessions.start("ShardCommandTest");
        PhotoSubset.copy(dir.resolve("data/train"), 3, 5);
        sourceRows = rows("imagefolder", dir.resolve("data/train").toString(), true);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyFormatReadsBackWithTheSourcesKeysLabelsAndBytes() throws IOException {
        for (String format : List.of("webdataset", "parquet", "tfrecord")) {
            Path out = dir.resolve("out-" + format);
            String printed = shard("--format", format, "--output", out.toString(), "--shard-size", "4", "--seed", "7");
            assertTrue(printed.contains("Wrote 15 images in 4 " + format + " shards"), printed);
            assertEquals(sourceRows, rows(format, out.toString(), true), format);

            JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
            assertEquals(format, manifest.get("format").asText());
            assertEquals(15, manifest.get("images").asLong());
            assertEquals(List.of(4L, 4L, 4L, 3L), values(manifest.get("shards"), "images"));
            assertEquals(List.of(0L, 217L, 482L), values(manifest.get("classes"), "label"));
            assertEquals(List.of(5L, 5L, 5L), values(manifest.get("classes"), "images"));
            assertEquals("n02102040", manifest.get("classes").get(1).get("wnid").asText());
            for (JsonNode shard : manifest.get("shards")) {
                assertTrue(Files.exists(out.resolve(shard.get("file").asText())), shard.toString());
            }
        }
    }

    @Test
    void sameSeedGivesTheSameFilesAndThePlannedOrder() throws IOException {
        Path first = dir.resolve("seed-a");
        Path second = dir.resolve("seed-b");
        Path other = dir.resolve("seed-c");
        shard("--output", first.toString(), "--shard-size", "6", "--seed", "11");
        shard("--output", second.toString(), "--shard-size", "6", "--seed", "11");
        shard("--output", other.toString(), "--shard-size", "6", "--seed", "12");

        List<String> names = fileNames(first);
        assertEquals(List.of("manifest.json", "train-000000.tar", "train-000001.tar", "train-000002.tar"), names);
        assertEquals(names, fileNames(second));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
        assertNotEquals(keysOf(first.resolve("train-000000.tar")), keysOf(other.resolve("train-000000.tar")));

        List<ImageFile> listed = ImageFolderSpec.of(dir.resolve("data/train").toString(), "imagenet")
                .plan(new Configuration()).files();
        List<String> planned = ShardPlan.plan(listed, ShardFormat.WEBDATASET, "train", 6, 11).get(0).files().stream()
                .map(ImageFile::key).toList();
        assertEquals(planned, keysOf(first.resolve("train-000000.tar")));
    }

    @Test
    void resizedShardsHoldSmallerJpegsOfTheSameImages() {
        Path out = dir.resolve("resized");
        shard("--format", "tfrecord", "--output", out.toString(), "--shard-size", "8", "--resize-short", "112");
        assertEquals(keysAndLabels(sourceRows), keysAndLabels(rows("tfrecord", out.toString(), false)));
        for (Row row : ImageDatasets.read(spark, "tfrecord", out.toString(), Map.of()).collectAsList()) {
            BufferedImage image = decode((byte[]) row.getAs("image"));
            assertEquals(112, image.getWidth());
            assertEquals(112, image.getHeight());
        }
    }

    @Test
    void nonEmptyOutputAndUnknownClassesAreRefused() throws IOException {
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "x");
        ShardConversion conversion = new ShardConversion(ImageFolderSpec.of(dir.resolve("data/train").toString(),
                ClassIndex.IMAGENET), busy.toString(), ShardFormat.PARQUET, "train", 4, 0, 0, 0.9f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardConverter.run(spark, conversion));
        assertTrue(e.getMessage().contains("not an empty folder"), e.getMessage());

        Path classes = Files.writeString(dir.resolve("two-classes.txt"), "n01440764\nn02102040\n");
        ShardConversion narrow = new ShardConversion(ImageFolderSpec.of(dir.resolve("data/train").toString(),
                classes.toString()), dir.resolve("narrow").toString(), ShardFormat.PARQUET, "train", 4, 0, 0, 0.9f);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ShardConverter.run(spark, narrow));
        assertTrue(unknown.getMessage().contains("n02979186"), unknown.getMessage());
    }

    private static String shard(String... args) {
        List<String> all = new ArrayList<>(List.of("shard", "--data_dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MixNetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(new String[0]));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static Set<String> rows(String layout, String path, boolean withBytes) {
        return ImageDatasets.read(spark, layout, path, Map.of()).collectAsList().stream()
                .map(r -> r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2)
                        + (withBytes ? "|" + Digests.sha256((byte[]) r.get(3)) : ""))
                .collect(Collectors.toSet());
    }

    private static Set<String> keysAndLabels(Set<String> rows) {
        return rows.stream().map(r -> String.join("|", List.of(r.split("\\|")).subList(0, 3))).collect(Collectors.toSet());
    }

    private static List<Long> values(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asLong()));
        return values;
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static List<String> keysOf(Path tar) throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar);
                WebDatasetReader reader = new WebDatasetReader(in, tar.toString(), ClassIndex.imagenet())) {
            while (reader.next()) {
                keys.add(reader.get().key());
            }
        }
        return keys;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
