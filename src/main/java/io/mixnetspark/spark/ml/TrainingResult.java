package io.mixnetspark.spark.ml;

import io.mixnetspark.train.EpochRecord;
import java.util.List;

/**
 * {@code TrainingResult} is what {@link MixNetClassifier#train} returns: the fitted model and how
 * the fit went.
 *
 * @param model the fitted labeling stage
 * @param history one record per epoch (training and validation figures), including epochs run by an
 *     earlier stage attempt, or by the earlier fit a {@code resumeFrom} fit continues
 * @param resumedAtEpoch the epoch the finishing stage attempt started from (0 unless it resumed
 *     from a checkpoint: a retried stage, or {@code resumeFrom})
 * @param stageAttempt the Spark stage attempt that finished the fit (0 without failures)
 * @param workerDigests hex SHA-256 of each worker's final weights, by rank (all equal: the fit
 *     fails otherwise)
 * @param checkpointRun the fit's checkpoint folder (what {@code resumeFrom} takes), or null without
 *     checkpoints
 */
public record TrainingResult(
        MixNetClassificationModel model,
        List<EpochRecord> history,
        int resumedAtEpoch,
        int stageAttempt,
        List<String> workerDigests,
        String checkpointRun) {}
