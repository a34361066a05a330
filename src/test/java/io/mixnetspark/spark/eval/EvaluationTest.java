package io.mixnetspark.spark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.LocalSparkSessions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
    void aLabelOutsideTheScoresFailsNamingTheCause() {
        Dataset<Row> shifted = HandScoredRows.create(spark).selectExpr("label + 4 AS label", "rawPrediction", "error");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.summary(ScoredRows.of(shifted, "label", "rawPrediction", "error")));
        assertTrue(e.getMessage().contains("2 rows have a label outside"), e.getMessage());
    }
}
