package io.mixnetspark.spark.predict;

import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.source.ImageDatasets;
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
 * @param model the labeling stage (its {@code topK}, {@code batchSize} and device apply; the
 *     input's {@code maxImageBytes} replaces its own)
 * @param modelName what the table's {@code model} column says about the model
 * @param runId the run id (the table's partition)
 * @param table where the rows go
 * @param incremental skip images that another run already labeled with the same model name: same
 *     key and same {@link LakeInput#FINGERPRINT fingerprint} (both null-safe), so a nightly run over
 *     a growing lake labels only new or changed images; rows of the same run id are not skipped,
 *     so rerunning a run rewrites it whole
 */
public record PredictionRun(MixNetClassificationModel model, String modelName, String runId, PredictionsTable table,
        boolean incremental) {

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
     * @param input rows with {@code key}, {@code source}, the image column and {@code read_error},
     *     which becomes the row's error where it is set (a damaged shard record)
     * @return the counts of what was written
     */
    public Summary run(LakeInput input) {
        MixNetClassificationModel stage = model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol(input.imageColumn())
                .setMaxImageBytes(input.maxImageBytes());
        long start = System.nanoTime();
        Dataset<Row> labelled = stage.transform(incremental ? unlabeled(input.rows()) : input.rows())
                .select(functions.col("key"),
                        functions.col("source"),
                        functions.col(LakeInput.FINGERPRINT),
                        functions.lit(modelName).as("model"),
                        functions.current_timestamp().as("labeled_at"),
                        functions.col(stage.getTopKCol()).as("top_k"),
                        functions.coalesce(functions.col(ImageDatasets.READ_ERROR), functions.col(stage.getErrorCol()))
                                .as("error"));
        table.writeRun(labelled, runId);
        double seconds = (System.nanoTime() - start) / 1e9;
        SparkSession spark = input.rows().sparkSession();
        Row counts = spark.table(table.qualifiedName())
                .where(functions.col("run_id").equalTo(runId))
                .agg(functions.count(functions.lit(1)), functions.count(functions.col("error")))
                .first();
        return new Summary(counts.getLong(0), counts.getLong(1), seconds);
    }

    /**
     * The input rows no other run labeled with this model. What earlier runs labeled is read and
     * checkpointed first (keys and fingerprints only), so the write that follows does not read the
     * table it overwrites.
     */
    private Dataset<Row> unlabeled(Dataset<Row> rows) {
        SparkSession spark = rows.sparkSession();
        table.ensureExists(spark);
        Dataset<Row> done = spark.table(table.qualifiedName())
                .where(functions.col("model").equalTo(modelName).and(functions.col("run_id").notEqual(runId)))
                .select(functions.col("key").as("done_key"), functions.col(LakeInput.FINGERPRINT).as("done_fingerprint"))
                .distinct()
                .localCheckpoint(true);
        return rows.join(done, rows.col("key").equalTo(done.col("done_key"))
                        .and(rows.col(LakeInput.FINGERPRINT).eqNullSafe(done.col("done_fingerprint"))), "left_anti");
    }
}
