package io.mixnetspark.spark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.LocalSparkSessions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL aggregation of accuracy agrees with {@link HandScoredRows}' hand-computed figures. */
class EvaluationTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("EvaluationTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> scored() {
        return ScoredRows.of(HandScoredRows.create(spark), "label", "rawPrediction", "error");
    }

    @Test
    void summaryMatchesTheHandComputedCase() {
        EvaluationSummary s = Evaluation.summary(scored());
        assertEquals(5, s.images());
        assertEquals(1, s.unscored());
        assertEquals(HandScoredRows.TOP1, s.top1(), 1e-12);
        assertEquals(HandScoredRows.TOP5, s.top5(), 1e-12);
        assertEquals(HandScoredRows.loss(), s.loss(), 1e-12);
        assertEquals("{'Top_1_Accuracy': 0.2, 'Top_5_Accuracy': 0.6, 'loss': " + s.loss() + "}", s.mindCvStyle());
    }

    @Test
    void perClassAndConfusionMatchTheHandComputedCase() {
        Map<Integer, String> perClass = new TreeMap<>();
        for (Row r : Evaluation.perClass(scored()).collectAsList()) {
            perClass.put(r.getInt(0), r.getLong(1) + " " + r.getDouble(2) + " " + r.getDouble(3));
        }
        assertEquals(Map.of(0, "1 1.0 1.0", 1, "1 0.0 1.0", 2, "1 0.0 1.0", 3, "1 0.0 0.0", 5, "1 0.0 0.0"), perClass);
        Map<String, Long> cells = new TreeMap<>();
        for (Row r : Evaluation.confusion(scored()).collectAsList()) {
            cells.put(r.getInt(0) + "->" + r.getInt(1), r.getLong(2));
        }
        assertEquals(Map.of("0->0", 1L, "2->1", 1L, "5->0", 1L, "1->0", 1L), cells, "the unreadable row has no cell");
    }

    @Test
    void aRowTheSourceCouldNotReadCountsAsUnreadableWithoutAClass() {
        Dataset<Row> withDamage = HandScoredRows.create(spark)
                .withColumn(ImageDatasets.READ_ERROR, functions.lit(null).cast(DataTypes.StringType))
                .unionByName(spark.sql("SELECT CAST(NULL AS INT) AS label, rawPrediction, 'input is null' AS error,"
                        + " 'corrupt TFRecord file f: record 7 at byte offset 81920: data checksum mismatch' AS "
                        + ImageDatasets.READ_ERROR + " FROM VALUES (CAST(NULL AS STRING)) AS t(rawPrediction)")
                        .withColumn("rawPrediction", functions.lit(null).cast(SQLDataTypes.VectorType())));
        Dataset<Row> scored = ScoredRows.of(withDamage, "label", "rawPrediction", "error");

        EvaluationSummary s = Evaluation.summary(scored);
        assertEquals(6, s.images(), "the five labelled rows and the damaged record");
        assertEquals(2, s.unscored());
        assertEquals(1 / 6.0, s.top1(), 1e-12);
        assertEquals(5, Evaluation.perClass(scored).count(), "the damaged record belongs to no class");
    }

    @Test
    void aLabelOutsideTheScoresFailsNamingTheCause() {
        Dataset<Row> shifted = HandScoredRows.create(spark).selectExpr("label + 4 AS label", "rawPrediction", "error");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.summary(ScoredRows.of(shifted, "label", "rawPrediction", "error")));
        assertTrue(e.getMessage().contains("2 rows have a label outside"), e.getMessage());
    }
}
