package io.mixnetspark.spark.eval;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code HandScoredRows} is a labeling output small enough to score by hand: six classes, five
 * labelled rows (one unreadable) and one unlabelled row.
 *
 * <pre>
 * label  logits               rank  note
 * 0      [2,1,0,0,0,0]        0     top-1 hit
 * 2      [0,3,1,0,0,0]        1     top-5 hit
 * 5      [5,4,3,2,1,0]        5     miss, predicted 0
 * 1      [1,1,0,0,0,0]        1     tie with class 0 goes to the lower index: predicted 0
 * 3      null, error          -     unreadable: a miss, no loss
 * null   [0,0,0,0,0,1]        -     ignored
 * </pre>
 */
public final class HandScoredRows {

    /** Expected top-1: 1 of 5. */
    public static final double TOP1 = 1 / 5.0;
    /** Expected top-5: 3 of 5. */
    public static final double TOP5 = 3 / 5.0;

    private static final double[][] SCORED = {{2, 1, 0, 0, 0, 0}, {0, 3, 1, 0, 0, 0}, {5, 4, 3, 2, 1, 0}, {1, 1, 0, 0, 0, 0}};
    private static final int[] SCORED_LABELS = {0, 2, 5, 1};

    private HandScoredRows() {}

    /**
     * Expected mean cross-entropy over the four scored rows, computed in plain Java.
     *
     * @return the mean loss
     */
    public static double loss() {
        double sum = 0;
        for (int i = 0; i < SCORED.length; i++) {
            double z = Arrays.stream(SCORED[i]).map(Math::exp).sum();
            sum += Math.log(z) - SCORED[i][SCORED_LABELS[i]];
        }
        return sum / SCORED.length;
    }

    /**
     * Builds the rows: {@code label INT, rawPrediction VECTOR, error STRING}.
     *
     * @param spark the session
     * @return the DataFrame
     */
    public static Dataset<Row> create(SparkSession spark) {
        StructType schema = new StructType()
                .add("label", DataTypes.IntegerType, true)
                .add("rawPrediction", SQLDataTypes.VectorType(), true)
                .add("error", DataTypes.StringType, true);
        List<Row> rows = List.of(
                RowFactory.create(0, Vectors.dense(SCORED[0]), null),
                RowFactory.create(2, Vectors.dense(SCORED[1]), null),
                RowFactory.create(5, Vectors.dense(SCORED[2]), null),
                RowFactory.create(1, Vectors.dense(SCORED[3]), null),
                RowFactory.create(3, null, "cannot decode image"),
                RowFactory.create(null, Vectors.dense(0, 0, 0, 0, 0, 1), null));
        return spark.createDataFrame(rows, schema).repartition(3);
    }
}
