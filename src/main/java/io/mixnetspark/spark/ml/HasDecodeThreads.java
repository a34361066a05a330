package io.mixnetspark.spark.ml;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code HasDecodeThreads} is the {@code decodeThreads} param, shared by the training and labeling
 * stages (a fitted model gets its classifier's).
 */
public interface HasDecodeThreads extends DeclaredParams {

    /**
     * Image decoding and preparation threads per task; 0 means the task's CPU count. Default 0.
     *
     * @return the param
     */
    default IntParam decodeThreads() {
        return declare("decodeThreads", (owner, name) -> new IntParam(owner, name,
                "image decoding and preparation threads per task (>= 0; 0 = the task's CPUs)",
                ParamValidators.gtEq(0)), 0);
    }

    /** @return decoding threads per task (0 = the task's CPUs) */
    default int getDecodeThreads() {
        return (Integer) getOrDefault(decodeThreads());
    }
}
