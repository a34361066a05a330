package io.mixnetspark.spark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageRecord;
import io.mixnetspark.data.layout.Keys;
import io.mixnetspark.data.layout.TarBytes;
import io.mixnetspark.data.layout.TfRecordWriter;
import io.mixnetspark.testing.Digests;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.PhotoSubset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the same 15 real photos (3 Imagenette classes x 5) in all four layouts through {@code
 * mixnet-images}: an ImageFolder tree, WebDataset tars built member by member, Parquet written by
 * Spark itself in the Hugging Face schema, and TFRecords; all give identical rows.
 */
class MixNetImagesSourceTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static List<Path> photos;
    private static Set<String> expected;

    @BeforeAll
    static void layouts() throws IOException {
        spark = LocalSparkSessions.start("MixNetImagesSourceTest");
        photos = PhotoSubset.copy(dir.resolve("imagefolder"), 3, 5);
        ClassIndex imagenet = ClassIndex.imagenet();
        expected = new TreeSet<>();
        List<Row> parquetRows = new ArrayList<>();
        Files.createDirectories(dir.resolve("wds"));
        Files.createDirectories(dir.resolve("tfr"));
        Files.createDirectories(dir.resolve("parquet"));
        try (TarArchiveOutputStream tar0 = tar("wds/train-000000.tar");
                TarArchiveOutputStream tar1 = tar("wds/train-000001.tar");
                TfRecordWriter tfr0 = new TfRecordWriter(Files.newOutputStream(dir.resolve("tfr/train-00000-of-00002")));
                TfRecordWriter tfr1 = new TfRecordWriter(Files.newOutputStream(dir.resolve("tfr/train-00001-of-00002")))) {
            for (int i = 0; i < photos.size(); i++) {
                Path photo = photos.get(i);
                byte[] bytes = Files.readAllBytes(photo);
                String wnid = photo.getParent().getFileName().toString();
                String key = Keys.stem(photo.getFileName().toString());
                int label = imagenet.indexOf(wnid);
                expected.add(row(key, label, wnid, bytes));
                TarArchiveOutputStream tar = i % 2 == 0 ? tar0 : tar1;
                member(tar, key + ".jpg", bytes);
                member(tar, key + ".cls", Integer.toString(label).getBytes(StandardCharsets.UTF_8));
                (i < 8 ? tfr0 : tfr1).write(new ImageRecord(key, label, wnid, bytes, photo.toString()));
                parquetRows.add(RowFactory.create(RowFactory.create(bytes, photo.getFileName().toString()), (long) label));
            }
        }
        StructType hf = new StructType()
                .add("image", new StructType().add("bytes", DataTypes.BinaryType).add("path", DataTypes.StringType))
                .add("label", DataTypes.LongType);
        spark.createDataFrame(parquetRows, hf).repartition(3).write().parquet(dir.resolve("parquet/train").toString());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void allFourLayoutsGiveIdenticalRows() {
        Map<String, String> locations = Map.of(
                "imagefolder", dir.resolve("imagefolder").toString(),
                "webdataset", dir.resolve("wds").toUri().toString(),
                "parquet", dir.resolve("parquet/train").toString(),
                "tfrecord", dir.resolve("tfr").toString());
        for (Map.Entry<String, String> layout : locations.entrySet()) {
            Dataset<Row> rows = ImageDatasets.read(spark, layout.getKey(), layout.getValue(), Map.of());
            assertEquals(ImageDatasets.SCHEMA, rows.schema());
            assertEquals(expected, rows(rows), layout.getKey());
        }
        assertEquals(2, partitions("webdataset", dir.resolve("wds").toString(), Map.of()), "one partition per tar");
        assertEquals(3, partitions("parquet", dir.resolve("parquet/train").toString(), Map.of()), "one per Parquet file");
        assertEquals(4, partitions("imagefolder", dir.resolve("imagefolder").toString(),
                Map.of("imagesPerPartition", "4")), "15 images in groups of 4");
    }

    @Test
    void sourcesAreFilesOfTheLayout() {
        List<Row> rows = ImageDatasets.read(spark, "webdataset", dir.resolve("wds").toString(), Map.of())
                .select("source").distinct().collectAsList();
        assertEquals(Set.of(dir.resolve("wds/train-000000.tar").toUri().toString().replace("file:///", "file:/"),
                        dir.resolve("wds/train-000001.tar").toUri().toString().replace("file:///", "file:/")),
                rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
    }

    @Test
    void braceRangesGlobsAndSeveralPathsSelectShards() {
        assertEquals(expected, rows(ImageDatasets.read(spark, "webdataset",
                dir + "/wds/train-{000000..000001}.tar", Map.of())));
        assertEquals(8, ImageDatasets.read(spark, "tfrecord", dir + "/tfr/train-00000-of-*", Map.of()).count());
        Dataset<Row> both = spark.read().format("mixnet-images").option("layout", "tfrecord")
                .load(dir + "/tfr/train-00000-of-00002", dir + "/tfr/train-00001-of-00002");
        assertEquals(expected, rows(both));
    }

    @Test
    void folderClassIndexNumbersTheFoldersFromZero() {
        List<Row> labels = ImageDatasets.read(spark, "imagefolder", dir.resolve("imagefolder").toString(),
                        Map.of("classIndex", "folders"))
                .groupBy("wnid", "label").count().orderBy("label").collectAsList();
        assertEquals(List.of("n01440764:0:5", "n02102040:1:5", "n02979186:2:5"),
                labels.stream().map(r -> r.getString(0) + ":" + r.getInt(1) + ":" + r.getLong(2)).toList());
    }

    @Test
    void flatValidationFolderIsLabelledByEachGroundTruthFormat() throws IOException {
        Path val = Files.createDirectories(dir.resolve("val"));
        String[] wnids = {"n02102040", "n01440764", "n02979186"};
        for (int i = 0; i < 3; i++) {
            Files.copy(photos.get(5 * ((i + 1) % 3)), val.resolve(String.format("ILSVRC2012_val_%08d.JPEG", i + 1)));
        }
        Path synsets = Files.writeString(dir.resolve("synsets.txt"), String.join("\n", wnids) + "\n");
        Path devkit = Files.writeString(dir.resolve("ILSVRC2012_validation_ground_truth.txt"), "6\n5\n4\n");
        Path meta = dir.resolve("meta.mat");
        try (InputStream in = getClass().getResourceAsStream("/io/mixnetspark/data/layout/meta-synthetic.mat")) {
            Files.copy(in, meta);
        }
        Path kaggle = Files.writeString(dir.resolve("LOC_val_solution.csv"), "ImageId,PredictionString\n"
                + "ILSVRC2012_val_00000003,n02979186 1 2 3 4\n"
                + "ILSVRC2012_val_00000001,n02102040 1 2 3 4 n02102040 5 6 7 8\n"
                + "ILSVRC2012_val_00000002,n01440764 1 2 3 4\n");
        List<String> want = List.of("ILSVRC2012_val_00000001:217:n02102040", "ILSVRC2012_val_00000002:0:n01440764",
                "ILSVRC2012_val_00000003:482:n02979186");

        assertEquals(want, keyLabelWnid(Map.of("groundTruth", synsets.toString())));
        assertEquals(want, keyLabelWnid(Map.of("groundTruth", devkit.toString(), "devkitSynsets", meta.toString())));
        assertEquals(want, keyLabelWnid(Map.of("groundTruth", kaggle.toString(), "groundTruthFormat", "kaggle")));
        assertEquals(List.of("ILSVRC2012_val_00000001:null:null", "ILSVRC2012_val_00000002:null:null",
                "ILSVRC2012_val_00000003:null:null"), keyLabelWnid(Map.of()));
    }

    @Test
    void badOptionsFailAtLoadNamingTheOptionAndAllowedValues() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.read(spark, "webdataset", dir.toString(), Map.of("shardSize", "3")));
        assertTrue(unknown.getMessage().contains("'shardSize'") && unknown.getMessage().contains("classIndex"),
                unknown.getMessage());
        IllegalArgumentException layout = assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.read(spark, "lmdb", dir.toString(), Map.of()));
        assertTrue(layout.getMessage().contains("'lmdb'")
                && layout.getMessage().contains("imagefolder|webdataset|parquet|tfrecord"), layout.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> spark.read().format("mixnet-images").load(dir.toString()));
        assertTrue(missing.getMessage().contains("'layout'"), missing.getMessage());
        IllegalArgumentException misplaced = assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.read(spark, "tfrecord", dir.toString(), Map.of("groundTruth", "x")));
        assertTrue(misplaced.getMessage().contains("'groundTruth'"), misplaced.getMessage());
        assertEquals("option 'maxImageBytes' must be a whole number of bytes from 1 to 9223372036854775807, got 1e9",
                assertThrows(IllegalArgumentException.class, () -> ImageDatasets.read(spark, "tfrecord", dir.toString(),
                        Map.of("maxImageBytes", "1e9"))).getMessage());
        assertEquals("onCorruptShard must be one of error-rows, fail, got skip", assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.read(spark, "tfrecord", dir.toString(), Map.of("onCorruptShard", "skip"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageDatasets.read(spark, "imagefolder",
                dir.resolve("val").toString(), Map.of("onCorruptShard", "fail"))).getMessage()
                .contains("applies to shard layouts"));
    }

    @Test
    void corruptTfRecordFailsTheTaskNamingFileAndOffsetWhenAskedTo() throws IOException {
        Path bad = damagedTfRecord("fail");
        Exception e = assertThrows(Exception.class, () -> ImageDatasets.read(spark, "tfrecord", bad.toString(),
                Map.of("onCorruptShard", "fail")).collectAsList());
        String messages = messages(e);
        assertTrue(messages.contains("corrupt TFRecord file") && messages.contains("train-00000-of-00002")
                && messages.contains("record 7 at byte offset") && messages.contains("data checksum mismatch"), messages);
    }

    @Test
    void corruptTfRecordKeepsTheRecordsBeforeTheDamageAndOneErrorRow() throws IOException {
        Path bad = damagedTfRecord("error-rows");
        Files.copy(dir.resolve("tfr/train-00001-of-00002"), bad.resolveSibling("train-00001-of-00002"));

        List<Row> rows = ImageDatasets.read(spark, "tfrecord", bad.getParent().toString(), Map.of()).collectAsList();

        assertEquals(7 + 1 + 7, rows.size(), "7 records before the damage, 1 error row, the other shard's 7");
        List<Row> errors = rows.stream().filter(r -> !r.isNullAt(5)).toList();
        assertEquals(1, errors.size());
        Row error = errors.get(0);
        assertTrue(error.isNullAt(3), "an error row has no image");
        assertEquals("train-00000-of-00002#corrupt", error.getString(0));
        assertTrue(error.getString(4).endsWith("error-rows/train-00000-of-00002"), error.getString(4));
        assertTrue(error.getString(5).contains("train-00000-of-00002: record 7 at byte offset")
                && error.getString(5).contains("data checksum mismatch"), error.getString(5));
        Set<String> read = rows(ImageDatasets.read(spark, "tfrecord", bad.getParent().toString(), Map.of())
                .where("read_error IS NULL"));
        assertEquals(14, read.size());
        assertTrue(expected.containsAll(read), "the readable rows are the photos as written");
    }

    @Test
    void tarMemberDeclaringMoreThanTheFileHoldsIsOneErrorRowOtherShardsIntact() throws IOException {
        Path shards = Files.createDirectories(dir.resolve("wds-bad"));
        Files.copy(dir.resolve("wds/train-000001.tar"), shards.resolve("train-000001.tar"));
        byte[] tar = Files.readAllBytes(dir.resolve("wds/train-000000.tar"));
        int third = TarBytes.headerOffset(tar, 2);
        TarBytes.declareSize(tar, third, 4L << 30);
        Files.write(shards.resolve("train-000000.tar"), tar);

        Dataset<Row> rows = ImageDatasets.read(spark, "webdataset", shards.toString(),
                Map.of("maxImageBytes", "1000000"));

        assertEquals(1 + 1 + 7, rows.count(), "the first sample, the damage, the other shard's 7 samples");
        List<Row> errors = rows.where("read_error IS NOT NULL").collectAsList();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getString(5).contains("train-000000.tar: member 2 '")
                && errors.get(0).getString(5).contains("(data at byte offset " + (third + 512) + ") declares 4294967296"
                        + " bytes but only"), errors.get(0).getString(5));
    }

    private static Path damagedTfRecord(String folder) throws IOException {
        Path bad = Files.createDirectories(dir.resolve(folder)).resolve("train-00000-of-00002");
        byte[] shard = Files.readAllBytes(dir.resolve("tfr/train-00000-of-00002"));
        shard[shard.length - 100] ^= 0x40;
        Files.write(bad, shard);
        return bad;
    }

    private static List<String> keyLabelWnid(Map<String, String> options) {
        return ImageDatasets.read(spark, "imagefolder", dir.resolve("val").toString(), options).orderBy("key")
                .collectAsList().stream()
                .map(r -> r.getString(0) + ":" + (r.isNullAt(1) ? "null" : r.getInt(1)) + ":" + r.getString(2))
                .toList();
    }

    private static int partitions(String layout, String path, Map<String, String> options) {
        return ImageDatasets.read(spark, layout, path, options).rdd().getNumPartitions();
    }

    private static Set<String> rows(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .map(r -> row(r.getString(0), r.isNullAt(1) ? -1 : r.getInt(1), r.getString(2), (byte[]) r.get(3)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String row(String key, int label, String wnid, byte[] image) {
        return key + "|" + label + "|" + wnid + "|" + Digests.sha256(image);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static TarArchiveOutputStream tar(String name) throws IOException {
        OutputStream out = Files.newOutputStream(dir.resolve(name));
        return new TarArchiveOutputStream(out);
    }

    private static void member(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
