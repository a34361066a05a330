package io.mixnetspark.spark.ml;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code HasBatchSize} is the {@code batchSize} param, shared by the training and labeling stages.
 * Like Spark's {@code HasMaxIter} it has no default of its own: each stage sets the one that fits
 * its work (a training step, a forward pass).
 */
public interface HasBatchSize extends DeclaredParams {

    /**
     * Images per batch: per training step on each worker, or per forward pass when labeling.
     *
     * @return the param
     */
    default IntParam batchSize() {
        return declare("batchSize", (owner, name) -> new IntParam(owner, name,
                "images per batch: per training step on each worker, per forward pass when labeling (>= 1)",
                ParamValidators.gtEq(1)), null);
    }

    /** @return images per batch */
    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }
}
