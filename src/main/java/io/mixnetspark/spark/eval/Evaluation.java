package io.mixnetspark.spark.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code Evaluation} aggregates {@link ScoredRows} on the executors: the overall summary, one row
 * per class and the confusion counts. Each method runs (or plans) one aggregation over the rows it
 * is given; to compute several from one expensive classification, {@code persist()} the scored
 * rows first.
 */
public final class Evaluation {

    /** Classes counted as a top-5 hit. */
    public static final int K = 5;

    private static final String TOP1_HIT = "CAST(coalesce(" + ScoredRows.RANK + " = 0, false) AS DOUBLE)";
    private static final String TOP5_HIT = "CAST(coalesce(" + ScoredRows.RANK + " < " + K + ", false) AS DOUBLE)";

    private Evaluation() {}

    /**
     * Computes top-1, top-5 and the mean loss (one job).
     *
     * @param scored rows from {@link ScoredRows#of}
     * @return the summary
     * @throws IllegalArgumentException when a label is outside the score vector
     */
    public static EvaluationSummary summary(Dataset<Row> scored) {
        Row r = scored.agg(
                        count(lit(1)),
                        count(lit(1)).minus(count(col(ScoredRows.RANK))),
                        sum(expr(TOP1_HIT)),
                        sum(expr(TOP5_HIT)),
                        sum(col(ScoredRows.LOSS)),
                        count(col(ScoredRows.LOSS)),
                        sum(expr("CAST(" + ScoredRows.BAD_LABEL + " AS INT)")))
                .first();
        long images = r.getLong(0);
        if (!r.isNullAt(6) && r.getLong(6) > 0) {
            throw new IllegalArgumentException(r.getLong(6)
                    + " rows have a label outside the classifier's classes; check the class index of the data");
        }
        double top1 = images == 0 ? Double.NaN : r.getDouble(2) / images;
        double top5 = images == 0 ? Double.NaN : r.getDouble(3) / images;
        double loss = r.getLong(5) == 0 ? Double.NaN : r.getDouble(4) / r.getLong(5);
        return new EvaluationSummary(images, r.getLong(1), top1, top5, loss);
    }

    /**
     * Plans the per-class figures: {@code class_index INT, support BIGINT, top1 DOUBLE, top5
     * DOUBLE}, one row per class that occurs as a label (unscored rows count as misses; unread rows,
     * whose label is unknown, belong to no class).
     *
     * @param scored rows from {@link ScoredRows#of}
     * @return the per-class rows (lazy)
     */
    public static Dataset<Row> perClass(Dataset<Row> scored) {
        return scored.where(col(ScoredRows.LABEL).isNotNull()).groupBy(col(ScoredRows.LABEL).as("class_index"))
                .agg(count(lit(1)).as("support"),
                        expr("avg(" + TOP1_HIT + ")").as("top1"),
                        expr("avg(" + TOP5_HIT + ")").as("top5"));
    }

    /**
     * Plans the confusion counts of the scored rows: {@code true_class INT, predicted_class INT,
     * count BIGINT}, only the cells that occur (the diagonal holds the top-1 hits).
     *
     * @param scored rows from {@link ScoredRows#of}
     * @return the cells (lazy)
     */
    public static Dataset<Row> confusion(Dataset<Row> scored) {
        return scored.where(col(ScoredRows.PREDICTED).isNotNull())
                .groupBy(col(ScoredRows.LABEL).as("true_class"), col(ScoredRows.PREDICTED).as("predicted_class"))
                .agg(count(lit(1)).as("count"));
    }
}
