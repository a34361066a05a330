package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import io.mixnetspark.model.blocks.ConstantOps;

/**
 * {@code LabelSmoothingCrossEntropy} is softmax cross-entropy against labels smoothed towards the
 * uniform distribution, as timm's {@code LabelSmoothingCrossEntropy} and MindCV's {@code
 * CrossEntropySmooth} compute it: per image {@code (1 - eps) * nll + eps * mean_c(-log p_c)}, which
 * equals cross-entropy with target {@code (1 - eps)} on the true class plus {@code eps / classes} on
 * every class. The loss is the batch mean. With {@code eps = 0} it is plain cross-entropy.
 *
 * <p>Labels are class positions (any integer or float type); predictions are logits {@code (N,
 * classes)}. {@link #softTargets} takes whole target distributions instead (timm's {@code
 * SoftTargetCrossEntropy}), for batches mixed by {@link BatchMix}, whose targets already carry the
 * smoothing.
 */
public final class LabelSmoothingCrossEntropy extends Loss {

    private final float smoothing;

    /**
     * Creates the loss.
     *
     * @param smoothing eps in [0, 1)
     */
    public LabelSmoothingCrossEntropy(float smoothing) {
        super("LabelSmoothingCrossEntropy");
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        }
        this.smoothing = smoothing;
    }

    /**
     * Returns the mean loss over the batch.
     *
     * @param labels one array of N class positions
     * @param predictions one array of (N, classes) logits
     * @return a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return perImage(labels.singletonOrThrow(), predictions.singletonOrThrow()).mean();
    }

    /**
     * Returns the loss of each image.
     *
     * @param labels N class positions
     * @param logits (N, classes) logits
     * @return N losses
     */
    public NDArray perImage(NDArray labels, NDArray logits) {
        NDArray logp = logits.logSoftmax(1);
        NDArray classes = labels.getDataType().isInteger() ? labels : labels.toType(DataType.INT32, false);
        NDArray nll = logp.mul(classes.oneHot((int) logits.getShape().get(1))).sum(new int[] {1}).neg();
        if (smoothing == 0) {
            return nll;
        }
        NDArray uniform = logp.mean(new int[] {1}).neg();
        return ConstantOps.times(nll, 1 - smoothing).add(ConstantOps.times(uniform, smoothing));
    }

    /**
     * Returns the cross-entropy of each image against a target distribution: {@code -sum_c t_c *
     * log p_c}.
     *
     * @param targets (N, classes) target probabilities
     * @param logits (N, classes) logits
     * @return N losses
     */
    public static NDArray softTargets(NDArray targets, NDArray logits) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg();
    }
}
