package io.mixnetspark.spark.train;

import io.mixnetspark.train.EpochRecord;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code FitProgress} is what training workers report while a fit runs, through two accumulators
 * that Spark sends to the driver with every executor heartbeat (a driver-side listener reads them
 * from {@code SparkListenerExecutorMetricsUpdate}): the training images taken so far ({@value
 * DistributedFit#TRAINED_IMAGES}) and, from rank 0, each finished epoch's {@link EpochRecord}
 * ({@value DistributedFit#FINISHED_EPOCHS}).
 *
 * @param trainedImages images taken, all epochs together
 * @param finishedEpochs the epochs finished so far
 */
record FitProgress(LongAccumulator trainedImages, CollectionAccumulator<EpochRecord> finishedEpochs)
        implements Serializable {

    /**
     * Registers the accumulators of one fit.
     *
     * @param sc the driver's context
     * @return the progress to ship with the workers
     */
    static FitProgress register(SparkContext sc) {
        return new FitProgress(sc.longAccumulator(DistributedFit.TRAINED_IMAGES),
                sc.collectionAccumulator(DistributedFit.FINISHED_EPOCHS));
    }

    /**
     * Counts training images taken.
     *
     * @param images how many
     */
    void tookImages(long images) {
        trainedImages.add(images);
    }

    /**
     * Reports a finished epoch; only rank 0 reports, so each epoch is reported once per attempt.
     *
     * @param rank the worker's rank
     * @param record the epoch, merged over all workers
     */
    void finishedEpoch(int rank, EpochRecord record) {
        if (rank == 0) {
            finishedEpochs.add(record);
        }
    }
}
