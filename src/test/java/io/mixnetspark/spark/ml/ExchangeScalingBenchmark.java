package io.mixnetspark.spark.ml;

import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.LocalClusterSessions;
import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ExchangeScalingBenchmark} measures the gradient exchange of distributed training as a fit
 * sees it: for each worker count N it starts a loopback {@code local-cluster} of N one-core
 * executor JVMs and fits MixNet-S with 1000 classes (its full gradient, 4.1 M values) at batch 2
 * (BatchNorm needs two values per channel at the last 1 x 1 feature map) and 32 px, for {@code
 * stepsPerWorker} steps per epoch, so the exchange dominates each step. It prints the last epoch's
 * mean exchange time per step ({@link EpochRecord#syncMillis}) and every epoch's record (with the
 * bytes sent through the driver where the tree counts them). It uses only the public training
 * API, so the same class measures an older tree's exchange path too ({@code
 * scripts/scaling-bench.sh}).
 *
 * <pre>
 * usage: ExchangeScalingBenchmark [workers 2,4,8] [stepsPerWorker 8] [epochs 2]
 * </pre>
 */
public final class ExchangeScalingBenchmark {

    private static final int BATCH = 2;

    private ExchangeScalingBenchmark() {}

    /**
     * Runs the benchmark and prints one line per worker count.
     *
     * @param args worker counts, photos (steps) per worker, epochs
     * @throws IOException when the photos cannot be copied
     */
    public static void main(String[] args) throws IOException {
        int[] workerCounts = Arrays.stream((args.length > 0 ? args[0] : "2,4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int perWorker = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int n : workerCounts) {
            EpochRecord last = measure(n, perWorker, epochs);
            System.out.printf(Locale.ROOT, "EXCHANGE workers=%d steps=%d exchange_ms_per_step=%.0f epoch_s=%.1f%n",
                    n, last.steps(), last.syncMillis(), last.seconds());
        }
    }

    private static EpochRecord measure(int workers, int perWorker, int epochs) throws IOException {
        Path photos = Files.createTempDirectory("exchange-scaling");
        PhotoSubset.copy(photos, 2, perWorker * BATCH * workers / 2);
        SparkSession spark = LocalClusterSessions.start("ExchangeScalingBenchmark", workers, 1, Map.of(
                "spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s",
                "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", "120",
                "spark.scheduler.maxRegisteredResourcesWaitingTime", "180s",
                "spark.stage.maxConsecutiveAttempts", "1"));
        try {
            Dataset<Row> rows = ImageDatasets.read(spark, "imagefolder", photos.toString(),
                    Map.of("classIndex", "folders"));
            TrainingResult result = new MixNetClassifier()
                    .setNumClasses(1000)
                    .setEpochs(epochs)
                    .setBatchSize(BATCH)
                    .setLr(0.01)
                    .setWarmupEpochs(0)
                    .setImageSize(32)
                    .setAugmentation("light")
                    .setNumWorkers(workers)
                    .setDecodeThreads(1)
                    .setCpuReplicas(1)
                    .train(rows);
            List<EpochRecord> history = result.history();
            history.forEach(r -> System.out.println("workers=" + workers + " " + r));
            return history.get(history.size() - 1);
        } finally {
            LocalClusterSessions.stop(spark);
        }
    }
}
