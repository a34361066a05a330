package io.mixnetspark.spark.ml;

import io.mixnetspark.config.RecipeKeys;
import io.mixnetspark.model.arch.MixNetConfig;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code HasImageSize} is the {@code imageSize} param, shared by the training and labeling stages
 * (a fitted model gets its classifier's) and the recipe key {@code image_resize}, whose default and
 * bounds ({@link MixNetConfig#MIN_IMAGE_SIZE}, {@link MixNetConfig#MAX_IMAGE_SIZE}) it takes.
 */
public interface HasImageSize extends DeclaredParams {

    /**
     * Image size in pixels: the eval crop, and in training also the training crop. Default 224.
     *
     * @return the param
     */
    default IntParam imageSize() {
        return declare("imageSize", (owner, name) -> new IntParam(owner, name,
                "image size in pixels: the eval crop, and in training also the training crop (>= "
                        + MixNetConfig.MIN_IMAGE_SIZE + ", <= " + MixNetConfig.MAX_IMAGE_SIZE + ")",
                ParamValidators.inRange(MixNetConfig.MIN_IMAGE_SIZE, MixNetConfig.MAX_IMAGE_SIZE)),
                RecipeKeys.defaultValue("image_resize"));
    }

    /** @return the image size */
    default int getImageSize() {
        return (Integer) getOrDefault(imageSize());
    }
}
