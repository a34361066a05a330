package io.mixnetspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.predict.LakeInput;
import io.mixnetspark.spark.predict.PredictionRun;
import io.mixnetspark.spark.predict.PredictionsTable;
import io.mixnetspark.testing.S3Server;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.Success$;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server stops as soon as a labeling job's first task starts and comes back three seconds
 * later. Reads that fail during the outage fail their task (they are not recorded as bad images),
 * Spark retries the task, and the run's rows in the table are either all there exactly once or,
 * if the job gives up, not there at all: never partial, never duplicated, never a good image
 * marked as an error.
 */
class S3OutageTest {

    private static final int IMAGES = 24;

    @TempDir
    static Path tmp;

    private static S3Server s3;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Server.start(Files.createDirectories(tmp.resolve("s3")));
        s3.createBucket("lake");
        // up to 8 attempts per task: enough to outlast the outage
        SparkSession.Builder builder = LocalSpark.embedded("S3OutageTest", "local[2,8]");
        s3.hadoopConf().forEach((k, v) -> builder.config("spark.hadoop." + k, v));
        spark = builder.getOrCreate();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<Path> photos;
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/n03417042"))) {
            photos = files.sorted().limit(IMAGES).toList();
        }
        for (Path p : photos) {
            org.apache.hadoop.fs.Path dest = new org.apache.hadoop.fs.Path("s3a://lake/photos/" + p.getFileName());
            dest.getFileSystem(hadoop).copyFromLocalFile(new org.apache.hadoop.fs.Path(p.toUri()), dest);
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aServerOutageMidJobLeavesTheRunWholeOrAbsent() throws Exception {
        MixNetClassificationModel model = MixNetClassificationModel.fromPretrained(
                MixNetConfig.builder(MixNetVariant.MIXNET_S).build(),
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"), ClassNames.imagenet())
                .setBatchSize(4);
        PredictionsTable table = new PredictionsTable("mixnet_s3", "outage_predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());
        LakeInput input = LakeInput.of(spark, LakeInput.FILES, "s3a://lake/photos", Map.of());
        CountDownLatch firstTask = new CountDownLatch(1);
        AtomicInteger failedAttempts = new AtomicInteger();
        SparkListener outage = new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                firstTask.countDown();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() != Success$.MODULE$) {
                    failedAttempts.incrementAndGet();
                }
            }
        };
        Thread outageThread = new Thread(() -> {
            try {
                if (firstTask.await(300, TimeUnit.SECONDS)) {
                    s3.stop();
                    Thread.sleep(3000);
                    s3.launch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        spark.sparkContext().addSparkListener(outage);
        outageThread.start();
        Exception failure = null;
        try {
            new PredictionRun(model, "mixnet_s@test", "outage", table, false).run(input);
        } catch (Exception e) {
            failure = e;
        } finally {
            spark.sparkContext().removeSparkListener(outage);
            outageThread.join();
        }
        System.out.println("S3OutageTest: " + failedAttempts.get() + " task attempts failed; the run "
                + (failure == null ? "completed" : "failed: " + failure.getMessage()));
        assertTrue(failedAttempts.get() >= 1, "the outage should have failed at least one task attempt");
        long rows = spark.sql("SELECT * FROM " + table.qualifiedName() + " WHERE run_id = 'outage'").count();
        if (failure == null) {
            assertEquals(IMAGES, rows, "every image once");
            assertEquals(IMAGES, spark.sql("SELECT DISTINCT key FROM " + table.qualifiedName()).count());
            assertEquals(0, spark.sql("SELECT * FROM " + table.qualifiedName() + " WHERE error IS NOT NULL").count(),
                    "no good image recorded as an error because the server was away");
        } else {
            assertEquals(0, rows, "a failed run leaves nothing behind");
            assertTrue(String.valueOf(failure.getMessage()).contains("s3a://lake/photos"), failure.toString());
        }
    }
}
