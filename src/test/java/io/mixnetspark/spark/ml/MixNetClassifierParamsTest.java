package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.train.BatchMix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MixNetClassifier}'s params: MindCV defaults (augmentation ranges included), bad values failing at once with the param's
 * name and what it allows, column checks before any job, and Spark ML persistence.
 */
class MixNetClassifierParamsTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("MixNetClassifierParamsTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void defaultsAreMindCvsMixnetSRecipe() {
        MixNetClassifier c = new MixNetClassifier();
        assertEquals(600, c.getEpochs());
        assertEquals(128, c.getBatchSize());
        assertEquals(0.2, c.getLr());
        assertEquals(1e-5, c.getMinLr());
        assertEquals(15, c.getWarmupEpochs());
        assertEquals(0.9, c.getMomentum());
        assertEquals(2e-5, c.getWeightDecay());
        assertTrue(c.getDecayBatchNormAndBias());
        assertEquals(0.1, c.getLabelSmoothing());
        assertEquals(42L, c.getSeed());
        assertEquals(224, c.getImageSize());
        assertEquals("mixnet_s", c.getVariant());
        assertArrayEquals(new double[] {0.08, 1.0}, c.getCropScale());
        assertArrayEquals(new double[] {3.0 / 4.0, 4.0 / 3.0}, c.getCropRatio());
        assertEquals(0.5, c.getFlipProbability());
        assertEquals(0.25, c.getErasingProbability());
        assertEquals(10, c.getKeepCheckpoints(), "MindCV's keep_checkpoint_max");
        assertEquals("latest_k", c.getCheckpointPolicy());
        assertEquals(1, c.getCheckpointInterval());
        assertTrue(c.getDropRemainder(), "MindCV's drop_remainder");
        assertEquals(io.mixnetspark.train.TrainingRecipe.mindcvMixnetS(), c.recipe());
        assertTrue(c.explainParams().contains("numWorkers"), "params are visible to Spark");
    }

    @Test
    void badValuesFailNamingTheParamAndWhatIsAllowed() {
        MixNetClassifier c = new MixNetClassifier();
        expect(() -> c.setEpochs(0), "epochs=0 is not allowed", ">= 1");
        expect(() -> c.setLr(-0.1), "lr=-0.1 is not allowed", "> 0");
        expect(() -> c.setMomentum(1.0), "momentum=1.0 is not allowed", "[0, 1)");
        expect(() -> c.setVariant("mixnet_x"), "variant=mixnet_x is not allowed", "mixnet_s, mixnet_m, mixnet_l");
        expect(() -> c.setAugmentation("heavy"), "augmentation=heavy is not allowed", "mixnet, light, none");
        expect(() -> c.setRandAugment("autoaug-v0"), "randAugment=autoaug-v0 is not allowed", "rand-m9-mstd0.5");
        expect(() -> c.setMixProbability(1.5), "mixProbability=1.5 is not allowed", "[0, 1]");
        expect(() -> c.setCutmixAlpha(-1), "cutmixAlpha=-1.0 is not allowed", ">= 0");
        expect(() -> c.setDropRate(-0.5), "dropRate=-0.5 is not allowed", "-1 for the variant's");
        expect(() -> c.setDevice("tpu"), "device=tpu is not allowed", "auto, cpu or gpu");
        expect(() -> c.setImageSize(16), "imageSize=16 is not allowed", ">= 32");
        expect(() -> c.setImageSize(30000), "imageSize=30000 is not allowed", "<= 2048");
        expect(() -> c.setNumWorkers(0), "numWorkers=0 is not allowed", ">= 1");
        expect(() -> c.setCropScale(0.5, 0.1), "cropScale=[0.5, 0.1] is not allowed", "0 < min <= max <= 1");
        expect(() -> c.setCropScale(0, 1), "cropScale=[0.0, 1.0] is not allowed");
        expect(() -> c.setCropRatio(2, 1), "cropRatio=[2.0, 1.0] is not allowed", "0 < min <= max");
        expect(() -> c.setFlipProbability(1.5), "flipProbability=1.5 is not allowed", "[0, 1]");
        expect(() -> c.setErasingProbability(-0.1), "erasingProbability=-0.1 is not allowed", "[0, 1]");
        expect(() -> c.setKeepCheckpoints(-1), "keepCheckpoints=-1 is not allowed", "0 = all");
        expect(() -> c.setCheckpointPolicy("best"), "checkpointPolicy=best is not allowed", "latest_k", "top_k");
        expect(() -> c.setCheckpointInterval(0), "checkpointInterval=0 is not allowed", ">= 1");
        assertEquals(600, c.getEpochs(), "a refused value leaves the param unchanged");
    }

    @Test
    void combinationsAndColumnsAreCheckedBeforeAnyJob() {
        StructType schema = ImageDatasets.SCHEMA;
        expect(() -> new MixNetClassifier().setMinLr(0.5).transformSchema(schema), "minLr must be in [0, lr=0.2]");
        expect(() -> new MixNetClassifier().setEpochs(10).transformSchema(schema), "warmupEpochs must be in [0, epochs=10]");
        expect(() -> new MixNetClassifier().setMomentum(0).setNesterov(true).transformSchema(schema),
                "nesterov needs a momentum above 0");
        expect(() -> new MixNetClassifier().setInputCol("key").transformSchema(schema),
                "inputCol 'key' has type string", "binary");
        expect(() -> new MixNetClassifier().setLabelCol("wnid").transformSchema(schema),
                "labelCol 'wnid' has type string");
        expect(() -> new MixNetClassifier().setLabelCol("class").transformSchema(schema),
                "labelCol 'class' does not exist");
        StructType ok = new MixNetClassifier().setEpochs(20).transformSchema(schema);
        assertEquals(schema.length() + 5, ok.length());
        StructType doubleLabels = new StructType().add("image", DataTypes.BinaryType).add("label", DataTypes.DoubleType);
        new MixNetClassifier().setEpochs(20).transformSchema(doubleLabels);
        expect(() -> new MixNetClassifier().setEpochs(20).setCheckpointPolicy("top_k")
                        .fit(spark.createDataFrame(List.<Row>of(), schema)),
                "checkpointPolicy=top_k keeps the checkpoints with the best validation top-1",
                "needs validation data (setValidationData)");
        String notCached = assertThrows(java.io.UncheckedIOException.class,
                () -> new MixNetClassifier().setEpochs(20).setPretrainedWeights("mixnet_s")
                        .fit(spark.createDataFrame(List.<Row>of(), schema))).getMessage();
        assertTrue(notCached.startsWith("cannot get pretrainedWeights mixnet_s: HF_HUB_OFFLINE is set, and"
                + " timm/mixnet_s.ft_in1k/config.json@main is not in the cache"), "a name is resolved on the driver,"
                + " before any job (the tests' cache is empty and offline): " + notCached);
    }

    @Test
    void theClassifierDeclaresTheModelsColumnsSoALaterPipelineStageCanUseThem() {
        StructType declared = new MixNetClassifier().setEpochs(20).transformSchema(ImageDatasets.SCHEMA);
        for (String column : new String[] {"prediction", "probability", "rawPrediction", "topK", "error"}) {
            assertTrue(Arrays.asList(declared.fieldNames()).contains(column), column + " in " + declared.simpleString());
        }
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new MixNetClassifier().setEpochs(20),
            new SQLTransformer().setStatement("SELECT key, topK[0].label AS top1 FROM __THIS__")
        });
        StructType out = pipeline.transformSchema(ImageDatasets.SCHEMA);
        assertEquals("struct<key:string,top1:string>", out.simpleString());
        expect(() -> new MixNetClassifier().setEpochs(20).transformSchema(
                        ImageDatasets.SCHEMA.add("topK", DataTypes.StringType)),
                "Output column 'topK' already exists");
    }

    @Test
    void paramsSurviveSparkMlPersistenceAndCopy() throws Exception {
        MixNetClassifier c = new MixNetClassifier()
                .setEpochs(30).setBatchSize(64).setLr(0.1).setWarmupEpochs(2).setImageSize(128)
                .setNesterov(true).setDecayBatchNormAndBias(false).setDropRate(0.3).setAugmentation("light")
                .setSeed(7L).setNumWorkers(2).setCheckpointDir("file:///tmp/ckpt").setVariant("mixnet_m")
                .setCropScale(0.35, 1).setCropRatio(0.5, 2).setFlipProbability(0).setErasingProbability(0.1)
                .setRandAugment("randaug-m9-mstd0.5-inc1").setColorJitter(0.3).setMixupAlpha(0.2).setCutmixAlpha(1.0)
                .setMixProbability(0.5).setKeepCheckpoints(3).setCheckpointPolicy("top_k").setCheckpointInterval(2)
                .setDropRemainder(true);
        String path = tmp.resolve("classifier").toString();
        c.write().save(path);
        MixNetClassifier loaded = MixNetClassifier.load(path);

        assertEquals(c.uid(), loaded.uid());
        assertEquals(paramsText(c), paramsText(loaded));
        assertArrayEquals(new double[] {0.35, 1.0}, loaded.getCropScale());
        assertArrayEquals(new double[] {0.5, 2.0}, loaded.getCropRatio());
        assertEquals(c.recipe(), loaded.recipe());
        assertEquals(new BatchMix(0.2, 1.0, 0.5), loaded.recipe().mixing());
        assertEquals("randaug-m9-mstd0.5-inc1", loaded.getRandAugment());
        assertEquals(0.3, loaded.getColorJitter());
        assertEquals(3, loaded.getKeepCheckpoints());
        assertEquals("top_k", loaded.getCheckpointPolicy());
        assertEquals(2, loaded.getCheckpointInterval());
        assertTrue(loaded.getDropRemainder());
        assertFalse(loaded.getValidationData().isPresent());

        MixNetClassifier copy = c.copy(ParamMap.empty().put(c.epochs().w(5)));
        assertEquals(5, copy.getEpochs());
        assertEquals(30, c.getEpochs());
        assertEquals(c.uid(), copy.uid());
    }

    /** Every param and value, arrays by content (a ParamMap prints them by identity). */
    private static String paramsText(Params stage) {
        StringBuilder text = new StringBuilder();
        for (Param<?> param : stage.params()) {
            @SuppressWarnings("unchecked")
            Object v = stage.isDefined(param) ? stage.getOrDefault((Param<Object>) param) : null;
            text.append(param.name()).append('=')
                    .append(v instanceof double[] d ? Arrays.toString(d) : String.valueOf(v)).append('\n');
        }
        return text.toString();
    }

    private static void expect(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
    }
}
