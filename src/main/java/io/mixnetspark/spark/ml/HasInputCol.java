package io.mixnetspark.spark.ml;

import org.apache.spark.ml.param.Param;

/** {@code HasInputCol} is the {@code inputCol} param, shared by the training and labeling stages. */
public interface HasInputCol extends DeclaredParams {

    /**
     * The column of the images: encoded image bytes (binary, which training needs), or, for
     * labeling, also Spark's image struct or a file path (string). Default {@code image}.
     *
     * @return the param
     */
    default Param<String> inputCol() {
        return declare("inputCol", (owner, name) -> new Param<>(owner, name,
                "column of the images: encoded bytes (binary; training needs these), or for labeling also"
                        + " Spark's image struct or a file path (string)"), "image");
    }

    /** @return the input column name */
    default String getInputCol() {
        return getOrDefault(inputCol());
    }
}
