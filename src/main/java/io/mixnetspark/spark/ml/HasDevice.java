package io.mixnetspark.spark.ml;

import io.mixnetspark.config.RecipeKeys;
import java.util.Arrays;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code HasDevice} is the {@code device} param, shared by the training and labeling stages (a
 * fitted model gets its classifier's) and the recipe key of the same name, whose default it takes.
 */
public interface HasDevice extends DeclaredParams {

    /** Allowed values of {@link #device()}. */
    String[] DEVICES = {"auto", "cpu", "gpu"};

    /**
     * Where to run: {@code auto} (the GPU Spark assigned to the task, else CPU), {@code cpu}, or
     * {@code gpu} (fail without one). Default {@code auto}.
     *
     * @return the param
     */
    default Param<String> device() {
        return declare("device", (owner, name) -> new Param<>(owner, name, "auto, cpu or gpu",
                ParamValidators.inArray(Arrays.asList(DEVICES))), RecipeKeys.defaultValue("device"));
    }

    /** @return the device setting */
    default String getDevice() {
        return getOrDefault(device());
    }
}
