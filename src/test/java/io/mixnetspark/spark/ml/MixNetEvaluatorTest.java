package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.eval.HandScoredRows;
import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MixNetEvaluator}: the three metrics on a hand-computed case, persistence, and use as the
 * metric of {@code TrainValidationSplit}.
 */
class MixNetEvaluatorTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("MixNetEvaluatorTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void metricsMatchTheHandComputedCase() {
        Dataset<Row> output = HandScoredRows.create(spark);
        MixNetEvaluator top1 = new MixNetEvaluator();
        assertEquals(HandScoredRows.TOP1, top1.evaluate(output), 1e-12);
        assertTrue(top1.isLargerBetter());
        assertEquals(HandScoredRows.TOP5, top1.evaluate(output, ParamMap.empty().put(top1.metricName(), "top5")), 1e-12);
        MixNetEvaluator loss = new MixNetEvaluator().setMetricName("loss");
        assertEquals(HandScoredRows.loss(), loss.evaluate(output), 1e-12);
        assertFalse(loss.isLargerBetter());
        assertEquals(HandScoredRows.TOP1, top1.evaluate(output.drop("error")), 1e-12,
                "without an error column the row with null scores still counts as a miss");
    }

    @Test
    void badSettingsFailNamingTheParam() {
        assertThrows(IllegalArgumentException.class, () -> new MixNetEvaluator().setMetricName("top3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MixNetEvaluator().setLabelCol("class").evaluate(HandScoredRows.create(spark)));
        assertTrue(e.getMessage().contains("labelCol 'class'"), e.getMessage());
    }

    @Test
    void savesAndLoadsItsParams() throws Exception {
        MixNetEvaluator e = new MixNetEvaluator().setMetricName("top5").setLabelCol("y");
        e.write().save(tmp.resolve("eval").toString());
        MixNetEvaluator back = MixNetEvaluator.load(tmp.resolve("eval").toString());
        assertEquals(e.uid(), back.uid());
        assertEquals("top5", back.getMetricName());
        assertEquals("y", back.getLabelCol());
        assertEquals("rawPrediction", back.getRawPredictionCol());
    }

    @Test
    void picksTheBetterModelInTrainValidationSplit() {
        LogisticRegression lr = new LogisticRegression().setMaxIter(30);
        TrainValidationSplitModel tuned = new TrainValidationSplit()
                .setEstimator(lr)
                .setEvaluator(new MixNetEvaluator())
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(lr.regParam(), new double[] {50.0, 0.0}).build())
                .setTrainRatio(0.7)
                .setSeed(7)
                .fit(threeBlobs());
        double[] metrics = tuned.validationMetrics();
        assertTrue(metrics[1] > 0.9 && metrics[1] > metrics[0], java.util.Arrays.toString(metrics));
        assertEquals(0.0, ((LogisticRegression) tuned.bestModel().parent()).getRegParam());
    }

    /** Three well separated 2-D classes, 40 points each. */
    private static Dataset<Row> threeBlobs() {
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int c = i % 3;
            rows.add(RowFactory.create((double) c, Vectors.dense(c * 4 + random.nextGaussian(), random.nextGaussian())));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType());
        return spark.createDataFrame(rows, schema);
    }
}
