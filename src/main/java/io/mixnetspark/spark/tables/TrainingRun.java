package io.mixnetspark.spark.tables;

import io.mixnetspark.spark.eval.ScoredRows;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.ml.MixNetClassifier;
import io.mixnetspark.spark.ml.TrainingResult;
import io.mixnetspark.train.EpochRecord;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code TrainingRun} fits a {@link MixNetClassifier}, alone or as a {@code Pipeline} stage, and
 * records the run: the run's record, one epoch metrics row per epoch of the fit's history (written
 * from the driver after the fit: the history is small), and, when the classifier has validation data, the fitted model's per-class
 * figures and confusion counts on it, under the last epoch.
 *
 * <pre>{@code
 * TrainingResult r = new TrainingRun(MetricsTables.in("mixnet"), "run-42")
 *         .train(classifier, train, recipe.toYaml(), "imagefolder:/data/train");
 * PipelineModel p = new TrainingRun(MetricsTables.in("mixnet"), "run-43")
 *         .fit(new Pipeline().setStages(new PipelineStage[] {classifier, labels}), train, yaml, source);
 * }</pre>
 *
 * @param tables where the rows go
 * @param runId the run id (a rerun with the same id replaces its rows)
 */
public record TrainingRun(MetricsTables tables, String runId) {

    /** Checks the run id. */
    public TrainingRun {
        SqlNames.runId(runId);
    }

    /**
     * Fits and records.
     *
     * @param classifier the estimator, with its params and optional validation data
     * @param train the training rows
     * @param config the resolved recipe, recorded with the run
     * @param dataSource where the data came from, recorded with the run
     * @return the fit's result
     */
    public TrainingResult train(MixNetClassifier classifier, Dataset<?> train, String config, String dataSource) {
        return recorded(classifier, train.sparkSession(), config, dataSource, () -> {
            TrainingResult result = classifier.train(train);
            return new Fitted<>(result, result.model(), result.history());
        });
    }

    /**
     * Fits a {@link Pipeline} with one {@link MixNetClassifier} stage and records that stage's
     * training like {@link #train}: the stages before it prepare the training rows, and the
     * classifier's validation data (which must already have its columns) is scored by the fitted
     * MixNet stage alone.
     *
     * @param pipeline the pipeline
     * @param train the training rows, as the pipeline's first stage reads them
     * @param config the resolved recipe, recorded with the run
     * @param dataSource where the data came from, recorded with the run
     * @return the fitted pipeline
     * @throws IllegalArgumentException when the pipeline does not have exactly one {@code
     *     MixNetClassifier} stage
     */
    public PipelineModel fit(Pipeline pipeline, Dataset<?> train, String config, String dataSource) {
        List<MixNetClassifier> classifiers = Arrays.stream(pipeline.getStages())
                .filter(MixNetClassifier.class::isInstance).map(MixNetClassifier.class::cast).toList();
        if (classifiers.size() != 1) {
            throw new IllegalArgumentException("the pipeline needs exactly one MixNetClassifier stage, it has "
                    + classifiers.size());
        }
        MixNetClassifier classifier = classifiers.get(0);
        return recorded(classifier, train.sparkSession(), config, dataSource, () -> {
            PipelineModel fitted = pipeline.fit(train);
            MixNetClassificationModel model = Arrays.stream(fitted.stages())
                    .filter(s -> s instanceof MixNetClassificationModel m && m.parent() == classifier)
                    .map(MixNetClassificationModel.class::cast).findFirst().orElseThrow();
            return new Fitted<>(fitted, model, model.trainingHistory().orElseThrow());
        });
    }

    /** What a fit returned, the MixNet stage it fitted and that stage's history. */
    private record Fitted<T>(T result, MixNetClassificationModel model, List<EpochRecord> history) {}

    private <T> T recorded(MixNetClassifier classifier, SparkSession spark, String config, String dataSource,
            Supplier<Fitted<T>> fit) {
        RunRecord start = RunRecord.started(spark, runId, "train", classifier.getVariant(), config, dataSource);
        return RecordedRun.record(spark, tables, start, () -> {
            Fitted<T> fitted = fit.get();
            tables.writeEpochs(spark, runId, fitted.history().stream().map(EpochRow::of).toList());
            classifier.getValidationData().ifPresent(val ->
                    writeClassResults(fitted.model(), fitted.history(), val, classifier.getLabelCol()));
            return fitted.result();
        });
    }

    private void writeClassResults(MixNetClassificationModel model, List<EpochRecord> history, Dataset<?> validation,
            String labelCol) {
        int lastEpoch = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        Dataset<Row> scored = ScoredRows.of(model.transform(validation), labelCol,
                model.getRawPredictionCol(), model.getErrorCol()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            tables.writeClassResults(runId, lastEpoch, scored, model.payload().classes());
        } finally {
            scored.unpersist();
        }
    }
}
