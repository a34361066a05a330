package io.mixnetspark.spark.train;

import io.mixnetspark.train.EpochRecord;
import java.io.Serializable;
import java.util.List;

/**
 * {@code WorkerResult} is what one training worker sends back to the driver: a digest of its final
 * weights (so the driver can check that all workers agree) and, from rank 0 only, the weights and
 * the history. The training data never travels to the driver.
 *
 * @param rank the worker's rank
 * @param stageAttempt the Spark stage attempt that finished the fit
 * @param firstEpoch the epoch this attempt started at (above 0 when it resumed a checkpoint)
 * @param weightsSha256 hex SHA-256 of the final safetensors bytes
 * @param weights the final safetensors bytes (rank 0), else null
 * @param history every epoch's record (rank 0), else empty
 */
public record WorkerResult(
        int rank, int stageAttempt, int firstEpoch, String weightsSha256, byte[] weights, List<EpochRecord> history)
        implements Serializable {}
