package io.mixnetspark.spark.ml;

import org.apache.spark.ml.param.DoubleParam;
import io.mixnetspark.spark.source.ImageReadOptions;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * {@code MixNetModelParams} are the params of the labeling stage, in Spark's conventions: column
 * names ({@code inputCol}, {@code predictionCol}, {@code probabilityCol}, {@code
 * rawPredictionCol}, {@code topKCol}, {@code errorCol}) and the knobs of batched inference ({@code
 * topK}, {@code batchSize}, {@code decodeThreads}, {@code device}, {@code imageSize}, {@code
 * cropPct}, {@code maxImageBytes}). Getters are defined here; setters live on the stage.
 */
public interface MixNetModelParams extends Params {

    /** Allowed values of {@link #device()}. */
    String[] DEVICES = {"auto", "cpu", "gpu"};

    /**
     * Input column: encoded image bytes (binary), Spark's image struct, or a file path (string).
     *
     * @return the param
     */
    Param<String> inputCol();

    /**
     * Output column of the predicted class index (double). Default {@code prediction}.
     *
     * @return the param
     */
    Param<String> predictionCol();

    /**
     * Output column of the class probabilities (ML vector). Default {@code probability}.
     *
     * @return the param
     */
    Param<String> probabilityCol();

    /**
     * Output column of the logits (ML vector). Default {@code rawPrediction}.
     *
     * @return the param
     */
    Param<String> rawPredictionCol();

    /**
     * Output column of the top-k array of (rank, index, wnid, label, probability). Default {@code
     * topK}.
     *
     * @return the param
     */
    Param<String> topKCol();

    /**
     * Output column of the error message of a row that could not be classified (null when fine).
     * Default {@code error}.
     *
     * @return the param
     */
    Param<String> errorCol();

    /**
     * How many top classes to list per image. Default 5.
     *
     * @return the param
     */
    IntParam topK();

    /**
     * Images per forward pass. Default 32.
     *
     * @return the param
     */
    IntParam batchSize();

    /**
     * Decoding threads per task; 0 means the task's CPU count. Default 0.
     *
     * @return the param
     */
    IntParam decodeThreads();

    /**
     * Where to run: {@code auto} (the GPU Spark assigned to the task, else CPU), {@code cpu}, or
     * {@code gpu} (fail without one). Default {@code auto}.
     *
     * @return the param
     */
    Param<String> device();

    /**
     * Eval crop size in pixels. Default 224.
     *
     * @return the param
     */
    IntParam imageSize();

    /**
     * Eval crop fraction: the short side is resized to {@code floor(imageSize / cropPct)} before the
     * centre crop. Default 0.875.
     *
     * @return the param
     */
    DoubleParam cropPct();

    /**
     * The largest file read when the input column holds paths: a larger file becomes an error row
     * from its size, without being opened. Default {@value ImageReadOptions#DEFAULT_MAX_IMAGE_BYTES}
     * (256 MB), as the {@code mixnet-images} source's option of the same name.
     *
     * @return the param
     */
    LongParam maxImageBytes();

    /** @return the input column name */
    default String getInputCol() {
        return getOrDefault(inputCol());
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

    /** @return images per forward pass */
    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    /** @return decoding threads per task (0 = task CPUs) */
    default int getDecodeThreads() {
        return (Integer) getOrDefault(decodeThreads());
    }

    /** @return the device setting */
    default String getDevice() {
        return getOrDefault(device());
    }

    /** @return the eval crop size */
    default int getImageSize() {
        return (Integer) getOrDefault(imageSize());
    }

    /** @return the eval crop fraction */
    default double getCropPct() {
        return (Double) getOrDefault(cropPct());
    }

    /** @return the largest file read by path */
    default long getMaxImageBytes() {
        return (Long) getOrDefault(maxImageBytes());
    }

    /**
     * Creates the params for an owner and sets their defaults; called once from each stage's
     * constructor after its uid is known.
     *
     * @param owner the stage
     * @return the created params
     */
    static ParamSet create(Params owner) {
        return new ParamSet(owner);
    }

    /** The params of one stage instance, created after its uid (Spark records the owner's uid). */
    final class ParamSet {
        final Param<String> inputCol;
        final Param<String> predictionCol;
        final Param<String> probabilityCol;
        final Param<String> rawPredictionCol;
        final Param<String> topKCol;
        final Param<String> errorCol;
        final IntParam topK;
        final IntParam batchSize;
        final IntParam decodeThreads;
        final Param<String> device;
        final IntParam imageSize;
        final DoubleParam cropPct;
        final LongParam maxImageBytes;

        private ParamSet(Params owner) {
            inputCol = new Param<>(owner, "inputCol", "input column: image bytes, Spark image struct or path");
            predictionCol = new Param<>(owner, "predictionCol", "predicted class index column");
            probabilityCol = new Param<>(owner, "probabilityCol", "class probability vector column");
            rawPredictionCol = new Param<>(owner, "rawPredictionCol", "logit vector column");
            topKCol = new Param<>(owner, "topKCol", "top-k array column");
            errorCol = new Param<>(owner, "errorCol", "per-row error message column");
            topK = new IntParam(owner, "topK", "classes listed per image (>= 1)", ParamValidators.gtEq(1));
            batchSize = new IntParam(owner, "batchSize", "images per forward pass (>= 1)", ParamValidators.gtEq(1));
            decodeThreads = new IntParam(owner, "decodeThreads",
                    "decoding threads per task (0 = the task's CPUs)", ParamValidators.gtEq(0));
            device = new Param<>(owner, "device", "auto, cpu or gpu",
                    ParamValidators.inArray(java.util.Arrays.asList(DEVICES)));
            imageSize = ParamChecks.imageSize(owner, "eval crop size");
            cropPct = new DoubleParam(owner, "cropPct", "eval crop fraction in (0, 1]",
                    ParamValidators.inRange(0, 1, false, true));
            maxImageBytes = new LongParam(owner, "maxImageBytes", "largest file read by path, in bytes (>= 1)",
                    ParamValidators.gtEq(1));
            owner.setDefault(inputCol, "image");
            owner.setDefault(predictionCol, OutputColumns.DEFAULTS.prediction());
            owner.setDefault(probabilityCol, OutputColumns.DEFAULTS.probability());
            owner.setDefault(rawPredictionCol, OutputColumns.DEFAULTS.rawPrediction());
            owner.setDefault(topKCol, OutputColumns.DEFAULTS.topK());
            owner.setDefault(errorCol, OutputColumns.DEFAULTS.error());
            owner.setDefault(topK, 5);
            owner.setDefault(batchSize, 32);
            owner.setDefault(decodeThreads, 0);
            owner.setDefault(device, "auto");
            owner.setDefault(imageSize, 224);
            owner.setDefault(cropPct, 0.875);
            owner.setDefault(maxImageBytes, ImageReadOptions.DEFAULT_MAX_IMAGE_BYTES);
        }
    }
}
