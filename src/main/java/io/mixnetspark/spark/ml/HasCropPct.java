package io.mixnetspark.spark.ml;

import io.mixnetspark.config.RecipeKeys;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code HasCropPct} is the {@code cropPct} param, shared by the training stage (for validation),
 * the labeling stage (a fitted model gets its classifier's) and the recipe key {@code crop_pct},
 * whose default it takes.
 */
public interface HasCropPct extends DeclaredParams {

    /**
     * Eval crop fraction: the short side is resized to {@code floor(imageSize / cropPct)} before the
     * centre crop. Default 0.875.
     *
     * @return the param
     */
    default DoubleParam cropPct() {
        return declare("cropPct", (owner, name) -> new DoubleParam(owner, name, "eval crop fraction in (0, 1]",
                ParamValidators.inRange(0, 1, false, true)), RecipeKeys.defaultValue("crop_pct"));
    }

    /** @return the eval crop fraction */
    default double getCropPct() {
        return (Double) getOrDefault(cropPct());
    }
}
