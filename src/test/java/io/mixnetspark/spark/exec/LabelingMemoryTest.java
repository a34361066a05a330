package io.mixnetspark.spark.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native tensors are closed per batch: after labeling 20 times more images (2,000 instead of 100,
 * the shared photos repeated, at 64 px so the run is short) exactly as many native arrays are alive
 * in the process as after the small run (DJL's system manager tracks every open manager and its
 * arrays), and the heap after a full GC is where the small run left it. The resident set size is
 * printed as well but not asserted: PyTorch's and glibc's allocators keep freed memory cached, so
 * it moves by a few hundred MiB between runs either way.
 */
class LabelingMemoryTest {

    private static final int BASE = 100;
    private static final int TIMES = 20;
    private static final long HEAP_SLACK_MIB = 64;

    private static SparkSession spark;
    private static MixNetClassificationModel model;
    private static Dataset<Row> photos;

    @BeforeAll
    static void setUp() throws Exception {
        spark = LocalSparkSessions.start("LabelingMemoryTest");
        model = MixNetClassificationModel.fromPretrained(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(),
                        SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"), ClassNames.imagenet())
                .setInputCol("content").setImageSize(64).setBatchSize(32);
        Path train = SharedData.require("datasets/imagenette2-224-subset/train");
        photos = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(train.toString())
                .select("path", "content").limit(BASE).cache();
        assertEquals(BASE, photos.count());
    }

    @AfterAll
    static void tearDown() {
        photos.unpersist();
        spark.stop();
    }

    private static long label(int times) {
        Dataset<Row> input = photos.crossJoin(spark.range(times).withColumnRenamed("id", "copy")).repartition(2);
        return model.transform(input).where(functions.col("error").isNull()).count();
    }

    @Test
    void twentyTimesMoreImagesDoNotGrowMemory() throws IOException {
        label(1);
        assertEquals(BASE, label(1), "warm-up runs");
        int arraysSmall = liveNativeArrays();
        long rssSmall = residentMib();
        long heapSmall = heapAfterGcMib();
        assertEquals((long) BASE * TIMES, label(TIMES));
        int arraysLarge = liveNativeArrays();
        long rssLarge = residentMib();
        long heapLarge = heapAfterGcMib();
        String figures = String.format("after %d images: %d native arrays, RSS %d MiB, heap %d MiB;"
                        + " after %d more: %d native arrays, RSS %d MiB, heap %d MiB",
                BASE, arraysSmall, rssSmall, heapSmall, BASE * TIMES, arraysLarge, rssLarge, heapLarge);
        System.out.println("LabelingMemoryTest: " + figures);
        assertTrue(arraysSmall > 0, "the shared network's weights are alive: " + figures);
        assertEquals(arraysSmall, arraysLarge, figures);
        assertTrue(heapLarge - heapSmall < HEAP_SLACK_MIB, figures);
    }

    /** Every NDArray still open in this JVM: the system manager holds all open managers. */
    private static int liveNativeArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    private static long residentMib() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static long heapAfterGcMib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
