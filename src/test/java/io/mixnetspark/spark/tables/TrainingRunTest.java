package io.mixnetspark.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.ml.MixNetClassifier;
import io.mixnetspark.spark.ml.TrainingResult;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.PhotoSubset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real fit through {@link TrainingRun} records the run in the embedded catalog: the run's
 * record, one epoch row per epoch of the history with the same figures, and the fitted model's
 * class metrics and confusion counts on the validation data under the last epoch; a Pipeline fit
 * records its MixNet stage the same way.
 */
class TrainingRunTest {

    private static final MetricsTables TABLES = MetricsTables.in("mixnet_test");
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.embedded("TrainingRunTest", "local[2]").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Two classes of real photos, {@code perClass} each, copied into a folder of the test's. */
    private static Dataset<Row> photos(String folder, int perClass) throws java.io.IOException {
        PhotoSubset.copy(tmp.resolve(folder), 2, perClass);
        return ImageDatasets.read(spark, "imagefolder", tmp.resolve(folder).toString(), Map.of("classIndex", "folders"));
    }

    /** A classifier for a few seconds of training at 64 px, validated on {@code validation}. */
    private static MixNetClassifier tinyFit(int epochs, Dataset<Row> validation) {
        return new MixNetClassifier()
                .setEpochs(epochs).setBatchSize(4).setLr(0.01).setWarmupEpochs(0).setImageSize(64)
                .setNumWorkers(1).setDecodeThreads(1)
                .setValidationData(validation);
    }

    @Test
    void aPipelineFitRecordsItsMixNetStage() throws Exception {
        Dataset<Row> photos = photos("pipeline-photos", 4);
        MixNetClassifier classifier = tinyFit(1, photos);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new SQLTransformer().setStatement("SELECT * FROM __THIS__ WHERE length(image) > 0"), classifier});
        PipelineModel fitted = new TrainingRun(TABLES, "pipeline-test").fit(pipeline, photos, "epoch_size: 1", "photos");

        assertEquals(8, fitted.transform(photos).where("prediction IS NOT NULL").count());
        MixNetClassificationModel stage = (MixNetClassificationModel) fitted.stages()[1];
        double valTop1 = stage.trainingHistory().orElseThrow().get(0).valTop1();
        assertEquals("train|SUCCEEDED|1|" + valTop1 + "|8", spark.sql("SELECT r.kind, r.status, count(*), first(e.val_top1),"
                + " (SELECT sum(support) FROM mixnet_test.class_metrics WHERE run_id = 'pipeline-test')"
                + " FROM mixnet_test.runs r JOIN mixnet_test.epoch_metrics e ON r.run_id = e.run_id"
                + " WHERE r.run_id = 'pipeline-test' GROUP BY r.kind, r.status").first().mkString("|"));
        String saved = tmp.resolve("pipeline-model").toUri().toString();
        stage.write().overwrite().save(saved);
        assertTrue(MixNetClassificationModel.load(saved).trainingHistory().isEmpty(), "the history is not saved");
        assertThrows(IllegalArgumentException.class, () -> new TrainingRun(TABLES, "no-mixnet")
                .fit(new Pipeline().setStages(new PipelineStage[] {new SQLTransformer()}), photos, "", "photos"));
    }

    @Test
    void aFitWritesItsEpochsAndClassResults() throws Exception {
        Dataset<Row> photos = photos("photos", 6);
        MixNetClassifier classifier = tinyFit(2, photos);
        TrainingResult result = new TrainingRun(TABLES, "train-test").train(classifier, photos, "epoch_size: 2", "photos");

        assertEquals("train|SUCCEEDED", spark.sql("SELECT kind, status FROM mixnet_test.runs WHERE run_id = 'train-test'")
                .first().mkString("|"));
        List<Row> epochs = spark.sql("SELECT epoch, step, train_loss, val_top1, lr FROM mixnet_test.epoch_metrics"
                + " WHERE run_id = 'train-test' ORDER BY epoch").collectAsList();
        assertEquals(2, epochs.size(), epochs.toString());
        for (int e = 0; e < 2; e++) {
            assertEquals(e, epochs.get(e).getInt(0));
            assertEquals((e + 1) * 3L, epochs.get(e).getLong(1), "12 images in batches of 4: 3 steps an epoch");
            assertEquals(result.history().get(e).trainLoss(), epochs.get(e).getDouble(2), 1e-12);
            assertEquals(result.history().get(e).valTop1(), epochs.get(e).getDouble(3), 1e-12);
        }
        Row classes = spark.sql("SELECT count(*), sum(support), max(epoch), sum(support * top1) FROM"
                + " mixnet_test.class_metrics WHERE run_id = 'train-test'").first();
        assertEquals("2|12|1", classes.getLong(0) + "|" + classes.getLong(1) + "|" + classes.getInt(2));
        assertEquals(result.history().get(1).valTop1() * 12, classes.getDouble(3), 1e-9,
                "the final model's per-class hits add up to the last epoch's validation top-1");
        assertTrue(spark.sql("SELECT sum(count) FROM mixnet_test.confusion WHERE run_id = 'train-test'").first()
                .getLong(0) == 12);
    }
}
