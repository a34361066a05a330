package io.mixnetspark.spark.ml;

import io.mixnetspark.spark.eval.Evaluation;
import io.mixnetspark.spark.eval.EvaluationSummary;
import io.mixnetspark.spark.eval.ScoredRows;
import io.mixnetspark.spark.io.SparkMlPersistence;
import java.util.Arrays;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

/**
 * {@code MixNetEvaluator} scores a classifier's output with top-1 accuracy, top-5 accuracy or mean
 * cross-entropy, as a Spark ML {@link Evaluator}, so {@code CrossValidator} and {@code
 * TrainValidationSplit} can pick MixNet settings by the metrics ImageNet papers report.
 *
 * <pre>{@code
 * double top5 = new MixNetEvaluator().setMetricName("top5").evaluate(model.transform(val));
 * }</pre>
 *
 * <p>It reads {@code labelCol} (0-based class index) and {@code rawPredictionCol} (the logits, an
 * ML vector), so it also works on other Spark classifiers whose raw predictions are logits.
 * Ranking ties go to the lower class index, as in the labeling stage's top-k. The computation is
 * one aggregation on the executors ({@link Evaluation#summary}).
 *
 * <p><b>Rows that could not be classified</b> (null scores, or a non-null {@code errorCol} when the
 * input has that column) count as wrong: they stay in the top-1/top-5 denominators. The loss
 * averages over the scored rows only. Rows with a null label are ignored. A label outside the score
 * vector fails the evaluation.
 *
 * <p>Persisted with Spark ML's default params format ({@link #write()}, {@link #load(String)}).
 */
public final class MixNetEvaluator extends Evaluator implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    /** Metric: top-1 accuracy. */
    public static final String TOP1 = "top1";
    /** Metric: top-5 accuracy. */
    public static final String TOP5 = "top5";
    /** Metric: mean cross-entropy (smaller is better). */
    public static final String LOSS = "loss";

    private final String uid;
    private final Param<String> labelCol;
    private final Param<String> rawPredictionCol;
    private final Param<String> errorCol;
    private final Param<String> metricName;

    /** Creates an evaluator with a random uid and the default params. */
    public MixNetEvaluator() {
        this(Identifiable.randomUID("mixnetEval"));
    }

    /**
     * Creates an evaluator with the given uid (Spark ML persistence uses this constructor).
     *
     * @param uid the stage uid
     */
    public MixNetEvaluator(String uid) {
        this.uid = uid;
        labelCol = new Param<>(this, "labelCol", "0-based class index column");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "logit vector column");
        errorCol = new Param<>(this, "errorCol", "per-row error column (rows with an error count as wrong)");
        metricName = new Param<>(this, "metricName", "top1, top5 or loss",
                ParamValidators.inArray(Arrays.asList(TOP1, TOP5, LOSS)));
        setDefault(labelCol, "label");
        setDefault(rawPredictionCol, "rawPrediction");
        setDefault(errorCol, "error");
        setDefault(metricName, TOP1);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        EvaluationSummary s = Evaluation.summary(
                ScoredRows.of(dataset, getLabelCol(), getRawPredictionCol(), getErrorCol()));
        return switch (getMetricName()) {
            case TOP5 -> s.top5();
            case LOSS -> s.loss();
            default -> s.top1();
        };
    }

    /**
     * Accuracy is larger-is-better, the loss is not.
     *
     * @return whether a larger metric is better
     */
    @Override
    public boolean isLargerBetter() {
        return !LOSS.equals(getMetricName());
    }

    @Override
    public MixNetEvaluator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * The label column param.
     *
     * @return the param
     */
    public Param<String> labelCol() {
        return labelCol;
    }

    /**
     * The logit column param.
     *
     * @return the param
     */
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /**
     * The error column param.
     *
     * @return the param
     */
    public Param<String> errorCol() {
        return errorCol;
    }

    /**
     * The metric param.
     *
     * @return the param
     */
    public Param<String> metricName() {
        return metricName;
    }

    /**
     * Returns the label column.
     *
     * @return the column name
     */
    public String getLabelCol() {
        return $(labelCol);
    }

    /**
     * Returns the logit column.
     *
     * @return the column name
     */
    public String getRawPredictionCol() {
        return $(rawPredictionCol);
    }

    /**
     * Returns the error column.
     *
     * @return the column name
     */
    public String getErrorCol() {
        return $(errorCol);
    }

    /**
     * Returns the metric.
     *
     * @return top1, top5 or loss
     */
    public String getMetricName() {
        return $(metricName);
    }

    /**
     * Sets the label column. Default {@code label}.
     *
     * @param value the column
     * @return this evaluator
     */
    public MixNetEvaluator setLabelCol(String value) {
        return (MixNetEvaluator) set(labelCol, value);
    }

    /**
     * Sets the logit column. Default {@code rawPrediction}.
     *
     * @param value the column
     * @return this evaluator
     */
    public MixNetEvaluator setRawPredictionCol(String value) {
        return (MixNetEvaluator) set(rawPredictionCol, value);
    }

    /**
     * Sets the error column. Default {@code error}.
     *
     * @param value the column
     * @return this evaluator
     */
    public MixNetEvaluator setErrorCol(String value) {
        return (MixNetEvaluator) set(errorCol, value);
    }

    /**
     * Sets the metric: {@code top1}, {@code top5} or {@code loss}. Default {@code top1}.
     *
     * @param value the metric
     * @return this evaluator
     * @throws IllegalArgumentException for another name
     */
    public MixNetEvaluator setMetricName(String value) {
        if (!metricName.isValid().apply(value).equals(Boolean.TRUE)) {
            throw new IllegalArgumentException("metricName '" + value + "' is not allowed: " + metricName.doc());
        }
        return (MixNetEvaluator) set(metricName, value);
    }

    /**
     * Returns the reader of saved evaluators.
     *
     * @return the reader
     */
    public static MLReader<MixNetEvaluator> read() {
        return SparkMlPersistence.paramsReader();
    }

    /**
     * Loads an evaluator saved with {@link #write()}.
     *
     * @param path where it was saved
     * @return the evaluator
     */
    public static MixNetEvaluator load(String path) {
        return read().load(path);
    }
}
