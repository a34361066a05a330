package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.spark.train.FaultInjection;
import io.mixnetspark.testing.LocalClusterSessions;
import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.train.EpochRecord;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MixNetClassifier} on a real multi-JVM cluster ({@code local-cluster}, two executor JVMs of
 * one core): two workers train on 24 real photos (3 classes, 64 px) through their ring of direct
 * connections and end with identical weights, sending only a few kilobytes through the driver;
 * too few slots and dynamic allocation fail at once; a worker whose JVM is killed in the middle of
 * a gradient exchange is replaced and the fit resumes from the newest checkpoint.
 */
class MixNetClassifierClusterTest {

    /** What one worker may send through the driver in an epoch: addresses, counts, epoch figures. */
    private static final long MAX_DRIVER_BYTES_PER_WORKER = 64 * 1024;

    private static SparkSession spark;
    private static Dataset<Row> photos;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        PhotoSubset.copy(tmp.resolve("photos"), 3, 8);
        spark = LocalClusterSessions.start("MixNetClassifierClusterTest", 2, 1, Map.of(
                "spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s",
                "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", "120",
                "spark.scheduler.maxRegisteredResourcesWaitingTime", "3s",
                "spark.stage.maxConsecutiveAttempts", "3"));
        photos = ImageDatasets.read(spark, "imagefolder", tmp.resolve("photos").toString(),
                Map.of("classIndex", "folders")).cache();
        assertEquals(24, photos.count());
    }

    @AfterAll
    static void stop() {
        LocalClusterSessions.stop(spark);
    }

    /** Two short epochs of two workers: 12 photos each, batches of 4, so 3 synchronised steps per epoch. */
    private static MixNetClassifier tiny(int epochs) {
        return new MixNetClassifier()
                .setEpochs(epochs)
                .setBatchSize(4)
                .setLr(0.01)
                .setWarmupEpochs(0)
                .setImageSize(64)
                .setAugmentation("light")
                .setNumWorkers(2)
                .setDecodeThreads(1);
    }

    @Test
    void twoWorkersEndWithIdenticalWeightsAndTheModelLabels() {
        TrainingResult result = tiny(2).setValidationData(photos).train(photos);
        result.history().forEach(System.out::println);

        assertEquals(2, result.workerDigests().size());
        assertEquals(result.workerDigests().get(0), result.workerDigests().get(1), "workers' final weights");
        assertEquals(2, result.history().size());
        for (EpochRecord r : result.history()) {
            assertEquals(3, r.steps(), r.toString());
            assertEquals(24, r.trainImages(), r.toString());
            assertEquals(24, r.valImages(), r.toString());
            assertTrue(r.valTop5() >= r.valTop1() && Double.isFinite(r.valLoss()), r.toString());
            // before the ring, each step sent the whole gradient (megabytes of Base64) through the driver
            assertTrue(r.driverBytes() > 0 && r.driverBytes() < 2 * MAX_DRIVER_BYTES_PER_WORKER, r.toString());
        }
        assertEquals(3, result.model().payload().classes().size());
        assertTrue(result.model().payload().classes().ids().get(0).startsWith("n0"), "classes named by wnid");

        Dataset<Row> labelled = result.model().setImageSize(64).transform(photos);
        assertEquals(24, labelled.where("error IS NULL AND prediction IS NOT NULL").count());
    }

    @Test
    void tooFewSlotsFailFastNamingWhatToChange() {
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tiny(1).setNumWorkers(3).fit(photos));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("numWorkers=3 needs 3 task slots"), e.getMessage());
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    /**
     * Barrier stages cannot run under dynamic allocation; the fit says so before its barrier stage.
     * (The running context's own conf is switched for this test and restored: the setting cannot
     * be changed through the session's runtime conf.)
     */
    @Test
    void dynamicAllocationIsRefusedNamingTheSetting() {
        SparkConf conf = spark.sparkContext().conf();
        conf.set("spark.dynamicAllocation.enabled", "true");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tiny(1).fit(photos));
            assertTrue(e.getMessage().contains("spark.dynamicAllocation.enabled=false"), e.getMessage());
        } finally {
            conf.remove("spark.dynamicAllocation.enabled");
        }
    }

    @Test
    void aKilledWorkerIsReplacedAndTheFitResumesFromTheCheckpoint() throws Exception {
        // batches of 5 from 12 images per worker, the remainder dropped; only the newest checkpoint kept;
        // the last worker halts in epoch 1's first gradient exchange, while the other waits in the ring
        MixNetClassifier classifier = tiny(2).setBatchSize(5).setDropRemainder(true).setKeepCheckpoints(1)
                .setCheckpointDir(tmp.resolve("checkpoints").toUri().toString());
        spark.sparkContext().setLocalProperty(FaultInjection.HALT_AFTER_EPOCH, "0");
        TrainingResult result;
        try {
            result = classifier.train(photos);
        } finally {
            spark.sparkContext().setLocalProperty(FaultInjection.HALT_AFTER_EPOCH, null);
        }

        assertTrue(result.stageAttempt() >= 1, "the training stage was retried: " + result);
        assertEquals(1, result.resumedAtEpoch(), "resumed after the epoch-0 checkpoint");
        result.history().forEach(System.out::println);
        assertEquals(2, result.history().size());
        assertEquals(0, result.history().get(0).stageAttempt(), "epoch 0 ran in the first attempt");
        assertEquals(result.stageAttempt(), result.history().get(1).stageAttempt(), "epoch 1 ran in the retry");
        assertEquals(result.workerDigests().get(0), result.workerDigests().get(1), "workers' final weights");
        for (EpochRecord r : result.history()) {
            assertEquals(2, r.steps(), r.toString());
            assertEquals(20, r.trainImages(), r.toString());
        }
        try (Stream<Path> kept = Files.list(Path.of(URI.create(result.checkpointRun())))) {
            assertEquals(List.of("epoch-0002"), kept.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the epoch-1 checkpoint the retry resumed from was deleted once epoch 2's was written");
        }
    }

    @Test
    void aNewFitContinuesFromAnEarlierFitsCheckpointsAsIfUninterrupted() {
        // the first fit stops after one epoch of the two-epoch schedule (decayEpochs 2), as a killed one would
        TrainingResult first = tiny(1).setDecayEpochs(2).setCheckpointDir(tmp.resolve("resumable").toUri().toString())
                .train(photos);
        TrainingResult straight = tiny(2).train(photos);
        TrainingResult resumed = tiny(2).setResumeFrom(first.checkpointRun()).train(photos);

        assertEquals(1, resumed.resumedAtEpoch(), "continued after the first fit's epoch-1 checkpoint");
        assertEquals(2, resumed.history().size(), "the earlier epoch's record comes with the checkpoint");
        assertEquals(straight.history().get(0).trainLoss(), first.history().get(0).trainLoss());
        assertEquals(first.history().get(0).trainLoss(), resumed.history().get(0).trainLoss());
        assertEquals(straight.history().get(1).trainLoss(), resumed.history().get(1).trainLoss(),
                "the second epoch trains as in one uninterrupted fit");
        assertEquals(straight.workerDigests().get(0), resumed.workerDigests().get(0), "final weights");

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> tiny(1).setResumeFrom(tmp.resolve("nothing-here").toUri().toString()).fit(photos));
        assertTrue(empty.getMessage().contains("holds no complete checkpoint"), empty.getMessage());
    }
}
