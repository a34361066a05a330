package io.mixnetspark.spark.ml;

import io.mixnetspark.spark.source.ImageReadOptions;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@code MixNetModelParams} are the params of the labeling stage, in Spark's conventions: column
 * names ({@code inputCol}, {@code predictionCol}, {@code probabilityCol}, {@code
 * rawPredictionCol}, {@code topKCol}, {@code errorCol}) and the knobs of batched inference ({@code
 * topK}, {@code batchSize}, {@code decodeThreads}, {@code device}, {@code imageSize}, {@code
 * cropPct}, {@code maxImageBytes}). The params it shares with the training stage come from their
 * {@code Has...} interfaces; each param is declared once, with its validator and default (see
 * {@link DeclaredParams}). Getters are defined here; setters live on the stage.
 */
public interface MixNetModelParams
        extends HasInputCol, HasBatchSize, HasDecodeThreads, HasDevice, HasImageSize, HasCropPct {

    /** Default of {@link #batchSize()} for labeling: images per forward pass. */
    int DEFAULT_BATCH_SIZE = 32;

    /**
     * Output column of the predicted class index (double). Default {@code prediction}.
     *
     * @return the param
     */
    default Param<String> predictionCol() {
        return declare("predictionCol", (owner, name) -> new Param<>(owner, name, "predicted class index column"),
                OutputColumns.DEFAULTS.prediction());
    }

    /**
     * Output column of the class probabilities (ML vector). Default {@code probability}.
     *
     * @return the param
     */
    default Param<String> probabilityCol() {
        return declare("probabilityCol", (owner, name) -> new Param<>(owner, name, "class probability vector column"),
                OutputColumns.DEFAULTS.probability());
    }

    /**
     * Output column of the logits (ML vector). Default {@code rawPrediction}.
     *
     * @return the param
     */
    default Param<String> rawPredictionCol() {
        return declare("rawPredictionCol", (owner, name) -> new Param<>(owner, name, "logit vector column"),
                OutputColumns.DEFAULTS.rawPrediction());
    }

    /**
     * Output column of the top-k array of (rank, index, wnid, label, probability). Default {@code
     * topK}.
     *
     * @return the param
     */
    default Param<String> topKCol() {
        return declare("topKCol", (owner, name) -> new Param<>(owner, name, "top-k array column"),
                OutputColumns.DEFAULTS.topK());
    }

    /**
     * Output column of the error message of a row that could not be classified (null when fine).
     * Default {@code error}.
     *
     * @return the param
     */
    default Param<String> errorCol() {
        return declare("errorCol", (owner, name) -> new Param<>(owner, name, "per-row error message column"),
                OutputColumns.DEFAULTS.error());
    }

    /**
     * How many top classes to list per image. Default 5.
     *
     * @return the param
     */
    default IntParam topK() {
        return declare("topK", (owner, name) -> new IntParam(owner, name, "classes listed per image (>= 1)",
                ParamValidators.gtEq(1)), 5);
    }

    /**
     * The largest file read when the input column holds paths: a larger file becomes an error row
     * from its size, without being opened. Default {@value ImageReadOptions#DEFAULT_MAX_IMAGE_BYTES}
     * (256 MB), as the {@code mixnet-images} source's option of the same name.
     *
     * @return the param
     */
    default LongParam maxImageBytes() {
        return declare("maxImageBytes", (owner, name) -> new LongParam(owner, name,
                "largest file read by path, in bytes (>= 1)", ParamValidators.gtEq(1)),
                ImageReadOptions.DEFAULT_MAX_IMAGE_BYTES);
    }

    /** @return the prediction column name */
    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    /** @return the probability column name */
    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    /** @return the raw prediction column name */
    default String getRawPredictionCol() {
        return getOrDefault(rawPredictionCol());
    }

    /** @return the top-k column name */
    default String getTopKCol() {
        return getOrDefault(topKCol());
    }

    /** @return the error column name */
    default String getErrorCol() {
        return getOrDefault(errorCol());
    }

    /** @return how many classes to list per image */
    default int getTopK() {
        return (Integer) getOrDefault(topK());
    }

    /** @return the largest file read by path */
    default long getMaxImageBytes() {
        return (Long) getOrDefault(maxImageBytes());
    }
}
