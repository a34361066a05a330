package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.metrics.TopKAccumulator;
import io.mixnetspark.model.MixNetModel;
import java.util.Iterator;

/**
 * {@code ModelEvaluator} scores a network on labelled batches in eval mode (running BatchNorm
 * statistics, no dropout): top-1 and top-5 hits, plain cross-entropy (no label smoothing, as timm's
 * and MindCV's validation report it), per-class counts and confusion, in a mergeable {@link
 * TopKAccumulator}. Each batch's tensors are freed before the next one.
 */
public final class ModelEvaluator {

    private static final LabelSmoothingCrossEntropy CROSS_ENTROPY = new LabelSmoothingCrossEntropy(0f);

    private ModelEvaluator() {}

    /**
     * Evaluates a network.
     *
     * @param model the network
     * @param batches labelled batches; labels must be below the network's class count
     * @return the counts (merge with other partitions' counts as needed)
     */
    public static TopKAccumulator evaluate(MixNetModel model, Iterator<Batch> batches) {
        TopKAccumulator counts = new TopKAccumulator(model.config().numClasses());
        int k = counts.rankedNeeded();
        while (batches.hasNext()) {
            Batch batch = batches.next();
            try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
                NDArray logits = model.logits(manager.create(batch.pixels(), batch.shape()));
                float[] losses = CROSS_ENTROPY.perImage(manager.create(batch.labels()), logits).toFloatArray();
                long[] best = logits.topK(k, 1).get(1).toLongArray();
                for (int i = 0; i < batch.size(); i++) {
                    int[] ranked = new int[k];
                    for (int j = 0; j < k; j++) {
                        ranked[j] = (int) best[i * k + j];
                    }
                    counts.add(batch.labels()[i], ranked, losses[i]);
                }
            }
        }
        return counts;
    }
}
