package io.mixnetspark.train;

import io.mixnetspark.metrics.TopKAccumulator;
import java.io.Serializable;
import java.util.List;

/**
 * {@code EpochRecord} is one line of a distributed fit's history: the epoch's training figures
 * over all workers and, with validation data, the validation figures over all validation shards.
 * Validation values are NaN when the fit has no validation data.
 *
 * @param epoch the 0-based epoch
 * @param stageAttempt the Spark stage attempt that ran it (above 0 after a retry resumed the fit)
 * @param steps optimizer steps per worker, skipped ones included
 * @param skippedSteps of those, the steps a float16 gradient overflow skipped (the same on every
 *     worker, which decide on the summed gradients); 0 in float32 training
 * @param trainImages training images seen by all workers
 * @param trainLoss mean label-smoothed training loss (training mode, before each update)
 * @param trainTop1 training top-1 accuracy (training mode)
 * @param valImages validation images
 * @param valTop1 validation top-1 accuracy
 * @param valTop5 validation top-5 accuracy
 * @param valLoss validation cross-entropy (no smoothing)
 * @param lr learning rate of the last step
 * @param seconds wall time of the slowest worker's training pass
 * @param syncMillis mean wall time of one gradient exchange (flatten, allReduce between the workers,
 *     scatter back)
 * @param driverBytes bytes all workers sent through Spark's barrier coordinator on the driver since
 *     the previous record (step counts, addresses, epoch figures: never gradients); 0 in histories
 *     written before it was counted
 */
public record EpochRecord(
        int epoch,
        int stageAttempt,
        int steps,
        int skippedSteps,
        long trainImages,
        double trainLoss,
        double trainTop1,
        long valImages,
        double valTop1,
        double valTop5,
        double valLoss,
        double lr,
        double seconds,
        double syncMillis,
        long driverBytes) implements Serializable {

    /**
     * Combines every worker's view of an epoch.
     *
     * @param workers each worker's figures, in rank order
     * @param stageAttempt the stage attempt
     * @param syncMillis this worker's mean exchange time
     * @return the record
     */
    public static EpochRecord merge(List<WorkerEpoch> workers, int stageAttempt, double syncMillis) {
        EpochStats first = workers.get(0).stats();
        TopKAccumulator val = new TopKAccumulator(workers.get(0).validation().numClasses());
        long images = 0;
        double lossSum = 0;
        double correct = 0;
        double seconds = 0;
        long driverBytes = 0;
        for (WorkerEpoch w : workers) {
            EpochStats s = w.stats();
            images += s.images();
            lossSum += s.meanLoss() * s.images();
            correct += s.top1() * s.images();
            seconds = Math.max(seconds, s.seconds());
            val.merge(w.validation());
            driverBytes += w.driverBytes();
        }
        boolean validated = val.images() > 0;
        return new EpochRecord(first.epoch(), stageAttempt, first.steps(), first.skippedSteps(), images,
                lossSum / images, correct / images, val.images(), validated ? val.top1() : Double.NaN,
                validated ? val.top5() : Double.NaN, validated ? val.meanLoss() : Double.NaN, first.lastLr(), seconds,
                syncMillis, driverBytes);
    }

    /**
     * What one worker measured in an epoch, as exchanged between workers.
     *
     * @param stats the training pass
     * @param validation the validation counts on its shard
     * @param driverBytes the bytes it sent through the driver since its previous record
     */
    public record WorkerEpoch(EpochStats stats, TopKAccumulator validation, long driverBytes) implements Serializable {}
}
