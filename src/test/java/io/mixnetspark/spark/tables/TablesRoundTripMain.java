package io.mixnetspark.spark.tables;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.eval.Evaluation;
import io.mixnetspark.spark.eval.HandScoredRows;
import io.mixnetspark.spark.eval.ScoredRows;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code TablesRoundTripMain} is the child process of {@link MetricsTablesPersistenceTest}: {@code
 * write} fills every metrics table in the embedded catalog of {@code -Dmixnet.home} (each write
 * twice, to show rewrites replace rows), {@code read} prints what the tables hold, one fact a line.
 */
public final class TablesRoundTripMain {

    static final MetricsTables TABLES = MetricsTables.in("mixnet_roundtrip");
    static final ClassNames CLASSES = new ClassNames(
            IntStream.range(0, 6).mapToObj(i -> "w" + i).toList(), IntStream.range(0, 6).mapToObj(i -> "class " + i).toList());

    private TablesRoundTripMain() {}

    /**
     * Writes or reads the tables.
     *
     * @param args {@code write} or {@code read}
     */
    public static void main(String[] args) {
        SparkSession spark = LocalSpark.embedded("TablesRoundTripMain", "local[2]")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            if (args[0].equals("write")) {
                write(spark);
            } else {
                read(spark);
            }
        } finally {
            spark.stop();
        }
    }

    private static void write(SparkSession spark) {
        spark.sql("DROP DATABASE IF EXISTS " + TABLES.database() + " CASCADE");
        RunRecord train = RunRecord.started(spark, "rt-train", "train", "mixnet_s", "epoch_size: 3", "imagefolder:/data");
        TABLES.writeRun(spark, train);
        TABLES.writeEpochs(spark, "rt-train", List.of(epoch(0), epoch(1)));
        TABLES.writeEpochs(spark, "rt-train", List.of(epoch(0), epoch(1), epoch(2)));
        TABLES.writeRun(spark, train.finished(null));

        RunRecord validate = RunRecord.started(spark, "rt-val", "validate", "mixnet_s", "", "hand");
        TABLES.writeRun(spark, validate);
        Dataset<Row> scored = ScoredRows.of(HandScoredRows.create(spark), "label", "rawPrediction", "error");
        for (int attempt = 0; attempt < 2; attempt++) {
            TABLES.writeClassResults("rt-val", 0, scored, CLASSES);
            TABLES.writeEpochs(spark, "rt-val", List.of(EpochRow.ofValidation(Evaluation.summary(scored), 2.0)));
        }
        TABLES.writeRun(spark, validate.finished(new IllegalStateException("boom")));
        System.out.println("written");
    }

    private static EpochRow epoch(int e) {
        return new EpochRow(e, 10L * (e + 1), 2.0 - e * 0.5, 0.1 * e, 0.1, 100.0, 50.0, 0.2 * e, 0.5, 1.5, 20L, 3.0,
                Instant.now());
    }

    private static void read(SparkSession spark) {
        print(spark, "SELECT 'run', run_id, kind, status, coalesce(message, '-'), finished_at >= started_at, executors,"
                + " numerics RLIKE '^fast paths [a-z0-9_,]+ on .*self-check' FROM " + TABLES.qualified(TABLES.runs())
                + " ORDER BY run_id");
        print(spark, "SELECT 'epochs', run_id, count(*), sum(epoch), max(step) FROM " + TABLES.qualified(TABLES.epochMetrics())
                + " GROUP BY run_id ORDER BY run_id");
        print(spark, "SELECT 'val', val_top1, val_top5, val_loss, val_images, train_loss IS NULL FROM "
                + TABLES.qualified(TABLES.epochMetrics()) + " WHERE run_id = 'rt-val'");
        print(spark, "SELECT 'class', class_index, wnid, name, support, top1, top5 FROM "
                + TABLES.qualified(TABLES.classMetrics()) + " WHERE run_id = 'rt-val' AND epoch = 0 ORDER BY class_index");
        print(spark, "SELECT 'cell', true_class, predicted_class, true_wnid, predicted_name, count FROM "
                + TABLES.qualified(TABLES.confusion()) + " WHERE run_id = 'rt-val' ORDER BY true_class, predicted_class");
    }

    private static void print(SparkSession spark, String sql) {
        for (Row r : spark.sql(sql).collectAsList()) {
            System.out.println(r.mkString("|"));
        }
    }
}
