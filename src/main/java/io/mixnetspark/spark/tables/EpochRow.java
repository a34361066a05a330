package io.mixnetspark.spark.tables;

import io.mixnetspark.spark.eval.EvaluationSummary;
import io.mixnetspark.train.EpochRecord;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code EpochRow} is one row of the epoch metrics table. Values a run did not measure (training
 * figures of a validate run, validation figures of a fit without validation data) are null.
 *
 * @param epoch the 0-based epoch (a validate run has one row, epoch 0)
 * @param step optimizer steps per worker up to the end of the epoch
 * @param trainLoss mean label-smoothed training loss
 * @param trainTop1 training top-1 (training mode)
 * @param lr learning rate of the epoch's last step
 * @param imagesPerSec training (or evaluation) throughput over all workers
 * @param msPerStep mean wall time of an optimizer step
 * @param valTop1 validation top-1
 * @param valTop5 validation top-5
 * @param valLoss validation cross-entropy, no label smoothing
 * @param valImages validation images
 * @param seconds wall time of the epoch (or the evaluation)
 * @param recordedAt when the row was made
 */
public record EpochRow(
        int epoch,
        Long step,
        Double trainLoss,
        Double trainTop1,
        Double lr,
        Double imagesPerSec,
        Double msPerStep,
        Double valTop1,
        Double valTop5,
        Double valLoss,
        Long valImages,
        double seconds,
        Instant recordedAt) {

    /**
     * Converts one line of a fit's history.
     *
     * @param r the epoch record
     * @return the row
     */
    public static EpochRow of(EpochRecord r) {
        boolean validated = r.valImages() > 0;
        return new EpochRow(r.epoch(), (long) (r.epoch() + 1) * r.steps(), r.trainLoss(), r.trainTop1(), r.lr(),
                r.trainImages() / r.seconds(), r.seconds() * 1000 / r.steps(),
                validated ? r.valTop1() : null, validated ? r.valTop5() : null, validated ? r.valLoss() : null,
                validated ? r.valImages() : null, r.seconds(), Instant.now());
    }

    /**
     * Makes the row of a standalone evaluation (epoch 0, no training figures).
     *
     * @param s what the evaluation measured
     * @param seconds its wall time
     * @return the row
     */
    public static EpochRow ofValidation(EvaluationSummary s, double seconds) {
        return new EpochRow(0, null, null, null, null, s.images() / seconds, null, orNull(s.top1()), orNull(s.top5()),
                orNull(s.loss()), s.images(), seconds, Instant.now());
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Returns the table row, without the {@code run_id} partition column.
     *
     * @return the row in {@link MetricsTables#EPOCH_COLUMNS} order
     */
    Row toRow() {
        return RowFactory.create(epoch, step, trainLoss, trainTop1, lr, imagesPerSec, msPerStep, valTop1, valTop5,
                valLoss, valImages, seconds, Timestamp.from(recordedAt));
    }
}
