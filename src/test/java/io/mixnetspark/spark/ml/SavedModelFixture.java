package io.mixnetspark.spark.ml;

import ai.djl.Device;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.testing.LocalSparkSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code SavedModelFixture} makes the saved-model fixture that {@code SavedModelCompatibilityTest}
 * loads: a {@link MixNetClassificationModel} folder written by {@code write().save}, small enough to
 * commit. The network is {@code mixnet_s} at width and depth multiplier {@value #MULTIPLIER} with
 * {@value #CLASS_COUNT} classes, seeded weights, run at 32 pixels; most params are set away from
 * their defaults so that loading proves each saved value comes back, and {@code errorCol} and
 * {@code maxImageBytes} are left at their defaults so that the saved defaults are read too.
 *
 * <p>Run from the project root with the test classpath, e.g. {@code mvn -o test-compile} and
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) <opens>
 * io.mixnetspark.spark.ml.SavedModelFixture FOLDER} (see the fixture's README).
 */
final class SavedModelFixture {

    /** Width and depth multiplier of the fixture network. */
    static final double MULTIPLIER = 0.1;

    /** Classifier outputs of the fixture network. */
    static final int CLASS_COUNT = 3;

    /** The saved model's uid. */
    static final String UID = "mixnet_savedfixture";

    /** Seed of the fixture network's weights. */
    static final int SEED = 29;

    private SavedModelFixture() {}

    /**
     * Writes the fixture.
     *
     * @param args the folder to create (it must not exist)
     * @throws IOException when the folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).toAbsolutePath();
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S)
                .optNumClasses(CLASS_COUNT)
                .optWidthMultiplier(MULTIPLIER)
                .optDepthMultiplier(MULTIPLIER)
                .build();
        ClassNames classes = new ClassNames(List.of("n01440764", "n02102040", "n03028079"),
                List.of("tench", "English springer", "church"));
        Numerics.ensureChecked();
        OfflineEngine.pytorch().setRandomSeed(SEED);
        SparkSession spark = LocalSparkSessions.start("SavedModelFixture");
        try (MixNetModel network = MixNetModel.create(config, Device.cpu())) {
            MixNetClassificationModel model =
                    new MixNetClassificationModel(UID, MixNetClassificationModel.fromModel(network, classes).payload())
                            .setInputCol("content")
                            .setPredictionCol("pred")
                            .setProbabilityCol("probs")
                            .setRawPredictionCol("logits")
                            .setTopKCol("best")
                            .setTopK(2)
                            .setBatchSize(2)
                            .setDecodeThreads(1)
                            .setDevice("cpu")
                            .setImageSize(32)
                            .setCropPct(0.75);
            model.write().save(folder.toUri().toString());
        } finally {
            spark.stop();
        }
    }
}
