package io.mixnetspark.spark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.layout.ImageRecord;
import io.mixnetspark.data.layout.Keys;
import io.mixnetspark.data.layout.TfRecordWriter;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.Success$;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labeling runs into the predictions table of the embedded Hive metastore: one row per file of the
 * edge-case folder (errors for the bad ones), reruns of a run id replace instead of duplicating,
 * and a task that fails mid-partition is retried with every image written exactly once.
 */
class PredictionRunTest {

    private static SparkSession spark;
    private static MixNetClassificationModel model;

    @BeforeAll
    static void setUp() throws Exception {
        // local[2,3]: two threads, up to three attempts per task, so an injected fault is retried
        spark = LocalSpark.embedded("PredictionRunTest", "local[2,3]").getOrCreate();
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        model = MixNetClassificationModel.fromPretrained(
                        MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), weights, ClassNames.imagenet())
                .setBatchSize(8);
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    private static long count(PredictionsTable table, String where) {
        return spark.sql("SELECT * FROM " + table.qualifiedName() + " WHERE " + where).count();
    }

    @Test
    void edgeCaseFolderGivesOneRowPerFileAndRerunsReplaceTheirRun() throws Exception {
        Path edge = SharedData.require("datasets/image-edge-cases");
        PredictionsTable table = new PredictionsTable("mixnet_test", "edge_predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());
        LakeInput input = LakeInput.of(spark, LakeInput.FILES, edge.toUri().toString(), Map.of());

        PredictionRun.Summary first = new PredictionRun(model, "mixnet_s@test", "run-a", table, false).run(input);
        assertEquals(10, first.rows(), "9 edge cases and the folder's README");
        assertEquals(4, first.errors(), "README.md, empty, not_an_image and truncated");
        List<Row> bad = spark.sql("SELECT source, error FROM " + table.qualifiedName()
                + " WHERE run_id = 'run-a' AND error IS NOT NULL ORDER BY source").collectAsList();
        assertTrue(bad.get(0).getString(0).endsWith("README.md"), bad.toString());
        assertTrue(bad.stream().allMatch(r -> !r.getString(1).isBlank()));
        assertEquals(6, count(table, "run_id = 'run-a' AND size(top_k) = 5 AND top_k[0].rank = 1"));

        new PredictionRun(model, "mixnet_s@test", "run-a", table, false).run(input);
        new PredictionRun(model, "mixnet_s@test", "run-b", table, false).run(input);
        assertEquals(10, count(table, "run_id = 'run-a'"), "a rerun replaces its rows");
        assertEquals(10, count(table, "run_id = 'run-b'"), "another run adds its own rows");
        assertEquals(10, spark.sql("SELECT DISTINCT key FROM " + table.qualifiedName()).count());
    }

    @Test
    void aDamagedShardLabelsItsRecordsBeforeTheDamageAndWritesTheDamageAsOneErrorRow(@TempDir Path dir)
            throws Exception {
        Path photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079");
        Path shard = dir.resolve("val-00000-of-00001");
        int records = 0;
        try (TfRecordWriter writer = new TfRecordWriter(Files.newOutputStream(shard));
                Stream<Path> files = Files.list(photos).sorted().limit(3)) {
            for (Path photo : (Iterable<Path>) files::iterator) {
                writer.write(new ImageRecord(Keys.stem(photo.getFileName().toString()), 0, null,
                        Files.readAllBytes(photo), photo.toString()));
                records++;
            }
        }
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length - 100] ^= 0x40;
        Files.write(shard, bytes);
        PredictionsTable table = new PredictionsTable("mixnet_test", "damaged_predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());

        PredictionRun.Summary summary = new PredictionRun(model, "mixnet_s@test", "damaged", table, false)
                .run(LakeInput.of(spark, "tfrecord", shard.toString(), Map.of()));

        assertEquals(records, summary.rows(), "the records before the damage and one error row");
        assertEquals(1, summary.errors());
        String error = spark.sql("SELECT error FROM " + table.qualifiedName() + " WHERE error IS NOT NULL")
                .first().getString(0);
        assertTrue(error.contains("val-00000-of-00001: record " + (records - 1) + " at byte offset")
                && error.contains("data checksum mismatch"), error);
    }

    @Test
    void aTaskFailingMidPartitionIsRetriedAndEveryImageIsWrittenOnce() throws Exception {
        Path photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079");
        PredictionsTable table = new PredictionsTable("mixnet_test", "retry_predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());
        LakeInput plain = LakeInput.of(spark, LakeInput.FILES, photos.toUri().toString(), Map.of());
        long images = plain.rows().count();
        LakeInput faulty = new LakeInput(
                plain.rows().repartition(2).mapPartitions(new FailFirstAttemptAfter(12), Encoders.row(plain.rows().schema())),
                plain.imageColumn());
        FailedTasks failed = new FailedTasks();
        spark.sparkContext().addSparkListener(failed);
        try {
            PredictionRun.Summary summary = new PredictionRun(model, "mixnet_s@test", "retried", table, false).run(faulty);
            assertEquals(images, summary.rows());
        } finally {
            spark.sparkContext().removeSparkListener(failed);
        }
        assertTrue(failed.count.get() >= 1, "the injected fault should have failed a task attempt");
        assertEquals(images, count(table, "run_id = 'retried'"));
        assertEquals(images, spark.sql("SELECT DISTINCT key FROM " + table.qualifiedName()).count(),
                "each image exactly once");
    }

    /** Throws in partition 0's first attempt after some rows, as a crashing task would. */
    private static final class FailFirstAttemptAfter implements MapPartitionsFunction<Row, Row> {
        private final int rowsBeforeFault;

        FailFirstAttemptAfter(int rowsBeforeFault) {
            this.rowsBeforeFault = rowsBeforeFault;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TaskContext ctx = TaskContext.get();
            boolean fail = ctx.partitionId() == 0 && ctx.attemptNumber() == 0;
            return new Iterator<>() {
                private int seen;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    if (fail && ++seen > rowsBeforeFault) {
                        throw new IllegalStateException("injected fault after " + rowsBeforeFault + " rows");
                    }
                    return rows.next();
                }
            };
        }
    }

    /** Counts task attempts that ended in failure. */
    private static final class FailedTasks extends SparkListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.reason() != Success$.MODULE$) {
                count.incrementAndGet();
            }
        }
    }
}
