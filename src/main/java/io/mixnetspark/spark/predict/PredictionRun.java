package io.mixnetspark.spark.predict;

import io.mixnetspark.spark.ml.MixNetClassificationModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code PredictionRun} labels one input with a model and writes the rows of run {@code runId}
 * into a {@link PredictionsTable}: one row per input row, the top-k classes or the error. The
 * labeling runs on the executors inside the write job (nothing is collected to the driver); the
 * summary counts come from the table afterwards.
 *
 * @param model the labeling stage (its {@code topK}, {@code batchSize} and device apply)
 * @param modelName what the table's {@code model} column says about the model
 * @param runId the run id (the table's partition)
 * @param table where the rows go
 */
public record PredictionRun(MixNetClassificationModel model, String modelName, String runId, PredictionsTable table) {

    /**
     * What a run wrote.
     *
     * @param rows rows written
     * @param errors rows with an error instead of labels
     * @param seconds wall time of the labeling and write job
     */
    public record Summary(long rows, long errors, double seconds) {

        /**
         * Returns rows per second over the whole job.
         *
         * @return images per second
         */
        public double imagesPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Labels the input and writes the run, replacing an earlier write of the same run id.
     *
     * @param input rows with {@code key}, {@code source} and the image column
     * @return the counts of what was written
     */
    public Summary run(LakeInput input) {
        MixNetClassificationModel stage = model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol(input.imageColumn());
        long start = System.nanoTime();
        Dataset<Row> labelled = stage.transform(input.rows())
                .select(functions.col("key"),
                        functions.col("source"),
                        functions.lit(modelName).as("model"),
                        functions.current_timestamp().as("labeled_at"),
                        functions.col(stage.getTopKCol()).as("top_k"),
                        functions.col(stage.getErrorCol()).as("error"));
        table.writeRun(labelled, runId);
        double seconds = (System.nanoTime() - start) / 1e9;
        SparkSession spark = input.rows().sparkSession();
        Row counts = spark.table(table.qualifiedName())
                .where(functions.col("run_id").equalTo(runId))
                .agg(functions.count(functions.lit(1)), functions.count(functions.col("error")))
                .first();
        return new Summary(counts.getLong(0), counts.getLong(1), seconds);
    }
}
