package io.mixnetspark.spark.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.mixnetspark.spark.source.ImageDatasets;
import java.util.Arrays;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code ScoredRows} reduces a classifier's output to what accuracy needs, one row per labelled
 * input row, with Spark SQL expressions only (no UDF, no collect):
 *
 * <pre>
 * label INT          the true class
 * label_rank INT     how many classes score above the true one (ties: lower index first), so
 *                    0 is a top-1 hit and below 5 a top-5 hit; null for an unscored row
 * label_loss DOUBLE  cross-entropy of the true class from the scores as logits:
 *                    logsumexp(scores) - scores[label]; null for an unscored row
 * predicted INT      the best-scoring class (lowest index among ties); null for an unscored row
 * bad_label BOOLEAN  the label is outside 0..classes-1 of a scored row
 * </pre>
 *
 * <p>A row is <em>unscored</em> when its score vector is null or its error column (when the input
 * has one) is set: the labeling stage could not read the image. Rows with a null label are dropped
 * (nothing to compare with), except rows the {@code mixnet-images} source could not read ({@link
 * ImageDatasets#READ_ERROR} set: a damaged shard record, whose label is lost with it): they are
 * kept, unscored, with a null {@code label}, so that they count as unreadable images.
 */
public final class ScoredRows {

    /** Column: the true class. */
    public static final String LABEL = "label";
    /** Column: rank of the true class. */
    public static final String RANK = "label_rank";
    /** Column: cross-entropy of the true class. */
    public static final String LOSS = "label_loss";
    /** Column: top-1 class. */
    public static final String PREDICTED = "predicted";
    /** Column: label outside the score vector. */
    public static final String BAD_LABEL = "bad_label";

    private ScoredRows() {}

    /**
     * Scores the rows (lazily).
     *
     * @param output the classifier's output
     * @param labelCol the 0-based class index column (any numeric type)
     * @param scoresCol the logit vector column (ML vector), e.g. {@code rawPrediction}
     * @param errorCol the per-row error column; ignored when the input has no such column
     * @return the scored rows, columns as documented
     * @throws IllegalArgumentException naming a missing label or score column
     */
    public static Dataset<Row> of(Dataset<?> output, String labelCol, String scoresCol, String errorCol) {
        require(output, labelCol, "labelCol");
        require(output, scoresCol, "rawPredictionCol");
        Column unreadable = has(output, errorCol) ? col(errorCol).isNotNull() : lit(false);
        Column unread = has(output, ImageDatasets.READ_ERROR) ? col(ImageDatasets.READ_ERROR).isNotNull() : lit(false);
        Dataset<Row> base = output.toDF()
                .where(col(labelCol).isNotNull().or(unread))
                .select(col(labelCol).cast("int").as("l"),
                        when(col(scoresCol).isNotNull(), functions.vector_to_array(col(scoresCol), "float64")).as("s"),
                        unreadable.or(unread).as("unreadable"))
                .selectExpr("l", "CASE WHEN s IS NULL OR unreadable THEN NULL ELSE s END AS s")
                .selectExpr("l", "s", "l < 0 OR l >= size(s) AS bad", "array_max(s) AS m")
                .selectExpr("l", "s", "bad", "m", "CASE WHEN bad THEN NULL ELSE try_element_at(s, l + 1) END AS t");
        return base.select(
                col("l").as(LABEL),
                expr("CASE WHEN t IS NULL THEN NULL ELSE size(filter(s, (x, i) -> x > t OR (x = t AND i < l))) END").as(RANK),
                expr("m + ln(aggregate(s, 0D, (acc, x) -> acc + exp(x - m))) - t").as(LOSS),
                expr("array_position(s, m) - 1").cast("int").as(PREDICTED),
                expr("coalesce(bad, false)").as(BAD_LABEL));
    }

    private static boolean has(Dataset<?> data, String column) {
        return column != null && Arrays.asList(data.columns()).contains(column);
    }

    private static void require(Dataset<?> data, String column, String param) {
        if (!has(data, column)) {
            throw new IllegalArgumentException(param + " '" + column + "' does not exist; columns are "
                    + Arrays.toString(data.columns()));
        }
    }
}
