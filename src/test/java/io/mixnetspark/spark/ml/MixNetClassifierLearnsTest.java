package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.train.EpochRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real fit from scratch on real photos learns: two Imagenette classes (tench, parachute),
 * 60 training and 30 validation photos each, 96 px, 8 epochs of batch 16 at lr 0.005. The training
 * loss starts near ln 2 (a fresh classifier starts at zero) and falls; the validation loss never
 * explodes (with timm's 1/sqrt(classes) head it reached 1e4-1e6 here, from a first loss of 6-9);
 * the validation top-1 ends clearly above chance. The trajectory depends on the CPU (oneDNN picks
 * kernels by instruction set) and on the kernels used. At 64 px this schedule ended at 0.75-0.78
 * on an Intel VM, but with right numbers on the AMD VM of issue 25 at 0.50-0.65, with
 * validation-loss spikes past the bar, under each of three ways of computing (plain ops; NCHW with
 * grouped 1x1; channels-last training); at 96 px it ended at 0.70-0.73 under all three.
 */
class MixNetClassifierLearnsTest {

    private static final double LN2 = Math.log(2);
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.embedded("MixNetClassifierLearnsTest", "local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void lossFallsAndValidationBeatsChance() throws Exception {
        List<String> classes = List.of("n01440764", "n03888257");
        PhotoSubset.copy(tmp.resolve("train"), "train", classes, 60);
        PhotoSubset.copy(tmp.resolve("val"), "val", classes, 30);
        Map<String, String> folders = Map.of("classIndex", "folders");
        Dataset<Row> train = ImageDatasets.read(spark, "imagefolder", tmp.resolve("train").toString(), folders);
        Dataset<Row> val = ImageDatasets.read(spark, "imagefolder", tmp.resolve("val").toString(), folders);
        MixNetClassifier classifier = new MixNetClassifier()
                .setEpochs(8).setBatchSize(16).setLr(0.005).setMinLr(1e-4).setWarmupEpochs(1)
                .setImageSize(96).setAugmentation("none").setDevice("cpu")
                .setValidationData(val);
        List<EpochRecord> history = classifier.train(train).history();
        String trace = history.stream().map(e -> String.format("epoch %d train loss %.3f top1 %.2f, val loss %.3f"
                + " top1 %.2f", e.epoch(), e.trainLoss(), e.trainTop1(), e.valLoss(), e.valTop1())).toList().toString();

        EpochRecord first = history.get(0);
        EpochRecord last = history.get(history.size() - 1);
        assertTrue(first.trainLoss() < 1.5 * LN2, "a fresh head starts near ln 2: " + trace);
        assertTrue(last.trainLoss() < 0.85 * first.trainLoss(), "training loss falls: " + trace);
        assertTrue(history.stream().allMatch(e -> e.valLoss() < 3 * LN2), "validation loss stays sane: " + trace);
        assertTrue(last.valTop1() >= 0.65, "validation top-1 beats chance (0.5) clearly: " + trace);
    }
}
