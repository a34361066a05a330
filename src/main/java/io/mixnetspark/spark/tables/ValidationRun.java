package io.mixnetspark.spark.tables;

import io.mixnetspark.spark.eval.Evaluation;
import io.mixnetspark.spark.eval.EvaluationSummary;
import io.mixnetspark.spark.eval.ScoredRows;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import java.util.List;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code ValidationRun} evaluates a model on labelled images and records the run: top-1, top-5 and
 * loss in the epoch metrics table (one row, epoch 0), per-class figures and confusion counts, and
 * the run's record. The images are classified once, on the executors; the small scored rows (label,
 * rank, loss, prediction) are cached for the three aggregations.
 *
 * @param tables where the rows go
 * @param runId the run id (a rerun with the same id replaces its rows)
 */
public record ValidationRun(MetricsTables tables, String runId) {

    /** Checks the run id. */
    public ValidationRun {
        SqlNames.runId(runId);
    }

    /**
     * Runs the evaluation.
     *
     * @param model the model (its batch size and device apply)
     * @param data rows with {@code label} (0-based class index of the model's classes) and {@code
     *     image} (encoded bytes), as the {@code mixnet-images} source reads them
     * @param config the resolved recipe, recorded with the run
     * @param dataSource where the data came from, recorded with the run
     * @return the summary
     */
    public EvaluationSummary run(MixNetClassificationModel model, Dataset<Row> data, String config, String dataSource) {
        SparkSession spark = data.sparkSession();
        RunRecord start = RunRecord.started(spark, runId, "validate", model.payload().config().variant().modelName(),
                config, dataSource);
        return RecordedRun.record(spark, tables, start, () -> {
            MixNetClassificationModel stage = model.copy(ParamMap.empty()).setInputCol("image");
            Dataset<Row> scored = ScoredRows.of(stage.transform(data), "label", stage.getRawPredictionCol(),
                    stage.getErrorCol()).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long t0 = System.nanoTime();
                EvaluationSummary summary = Evaluation.summary(scored);
                double seconds = (System.nanoTime() - t0) / 1e9;
                tables.writeEpochs(spark, runId, List.of(EpochRow.ofValidation(summary, seconds)));
                tables.writeClassResults(runId, 0, scored, model.payload().classes());
                return summary;
            } finally {
                scored.unpersist();
            }
        });
    }
}
