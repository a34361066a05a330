package io.mixnetspark.spark.exec;

import java.io.Serializable;

/**
 * {@code LabelingSettings} is the snapshot of a labeling stage's params that tasks need, taken on
 * the driver and shipped with the task.
 *
 * @param batchSize images per forward pass
 * @param prefetchBatches batches prepared ahead of the forward pass (bounded memory window)
 * @param topK classes listed per image
 * @param imageSize eval crop size
 * @param cropPct eval crop fraction
 * @param decodeThreads decoding threads per task (0 = task CPUs)
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param maxImageBytes the largest file read for a path input
 */
public record LabelingSettings(int batchSize, int prefetchBatches, int topK, int imageSize,
        double cropPct, int decodeThreads, String device, long maxImageBytes) implements Serializable {}
