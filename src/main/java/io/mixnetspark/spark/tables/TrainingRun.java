package io.mixnetspark.spark.tables;

import io.mixnetspark.spark.eval.ScoredRows;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.ml.MixNetClassifier;
import io.mixnetspark.spark.ml.TrainingResult;
import io.mixnetspark.spark.train.EpochRecord;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code TrainingRun} fits a {@link MixNetClassifier} and records the run: the run's record, one
 * epoch metrics row per epoch of the fit's history (written from the driver after the fit: the
 * history is small), and, when the classifier has validation data, the fitted model's per-class
 * figures and confusion counts on it, under the last epoch.
 *
 * <pre>{@code
 * TrainingResult r = new TrainingRun(MetricsTables.in("mixnet"), "run-42")
 *         .train(classifier, train, recipe.toYaml(), "imagefolder:/data/train");
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
        SparkSession spark = train.sparkSession();
        RunRecord start = RunRecord.started(spark, runId, "train", classifier.getVariant(), config, dataSource);
        return RecordedRun.record(spark, tables, start, () -> {
            TrainingResult result = classifier.train(train);
            List<EpochRow> rows = result.history().stream().map(EpochRow::of).toList();
            tables.writeEpochs(spark, runId, rows);
            classifier.getValidationData().ifPresent(val -> writeClassResults(result, val, classifier.getLabelCol()));
            return result;
        });
    }

    private void writeClassResults(TrainingResult result, Dataset<?> validation, String labelCol) {
        List<EpochRecord> history = result.history();
        int lastEpoch = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        MixNetClassificationModel model = result.model();
        Dataset<Row> scored = ScoredRows.of(model.transform(validation), labelCol,
                model.getRawPredictionCol(), model.getErrorCol()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            tables.writeClassResults(runId, lastEpoch, scored, model.payload().classes());
        } finally {
            scored.unpersist();
        }
    }
}
