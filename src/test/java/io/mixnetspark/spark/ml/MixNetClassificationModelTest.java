package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.transform.EvalTransform;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.exec.ExecutorModels;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labeling stage on real photos: same answers as a direct forward of the same preprocessed
 * tensors, independent of partitioning and batch size; one row per file with errors for the bad
 * ones; Spark ML persistence alone and inside a PipelineModel.
 */
class MixNetClassificationModelTest {

    private static SparkSession spark;
    private static MixNetClassificationModel model;
    private static Path photos;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        spark = LocalSparkSessions.start("MixNetClassificationModelTest");
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079");
        model = MixNetClassificationModel.fromPretrained(
                MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), weights, ClassNames.imagenet());
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    private static Dataset<Row> files(String glob, int partitions) {
        return spark.read().format("binaryFile").load(glob).select("path", "content").repartition(partitions);
    }

    private static Map<String, Row> byPath(Dataset<Row> labelled) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : labelled.collectAsList()) {
            out.put(r.getString(0), r);
        }
        return out;
    }

    @Test
    void outputsEqualADirectForwardWhateverThePartitioningAndBatchSize() throws Exception {
        String glob = photos.toUri() + "*[0-3]1.JPEG";
        Map<String, Row> a = byPath(model.copy(new org.apache.spark.ml.param.ParamMap()).setInputCol("content")
                .setBatchSize(4).transform(files(glob, 3)));
        Map<String, Row> b = byPath(model.copy(new org.apache.spark.ml.param.ParamMap()).setInputCol("content")
                .setBatchSize(16).setDecodeThreads(1).transform(files(glob, 1)));
        assertTrue(a.size() >= 5, "photos found: " + a.size());
        assertEquals(a.keySet(), b.keySet());
        try (MixNetModel direct = MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.load(direct, SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"));
            ImageDecoder decoder = new ImageDecoder();
            for (Map.Entry<String, Row> e : a.entrySet()) {
                Row ra = e.getValue();
                Row rb = b.get(e.getKey());
                assertNull(ra.getAs("error"));
                float[] chw = EvalTransform.mixnet().apply(decoder.decode((byte[]) ra.getAs("content")).image());
                float[] logits = direct.logits(manager.create(chw, new Shape(1, 3, 224, 224))).toFloatArray();
                Vector raw = ra.getAs("rawPrediction");
                for (int c = 0; c < logits.length; c++) {
                    assertEquals(logits[c], raw.apply(c), 1e-4, "logit " + c + " of " + e.getKey());
                }
                assertEquals((double) ra.getAs("prediction"), (double) rb.getAs("prediction"));
                Vector pa = ra.getAs("probability");
                Vector pb = rb.getAs("probability");
                for (int c = 0; c < pa.size(); c++) {
                    assertEquals(pa.apply(c), pb.apply(c), 1e-6);
                }
                List<Row> top = ra.getList(ra.fieldIndex("topK"));
                assertEquals(5, top.size());
                assertEquals(1, top.get(0).getInt(0));
                assertEquals((double) ra.getAs("prediction"), top.get(0).getInt(1));
                assertEquals(ClassNames.imagenet().ids().get(top.get(0).getInt(1)), top.get(0).getString(2));
                assertEquals(pa.apply(top.get(0).getInt(1)), top.get(0).getDouble(4), 1e-12);
            }
        }
    }

    @Test
    void everyEdgeCaseGivesOneRowAndTheBadOnesAnError() throws Exception {
        Path edge = SharedData.require("datasets/image-edge-cases");
        List<String> files;
        try (java.util.stream.Stream<Path> s = Files.list(edge)) {
            files = s.map(p -> p.toUri().toString()).toList();
        }
        // paths, not Spark's binaryFile source, which drops empty files
        Dataset<Row> input = spark.createDataset(files, org.apache.spark.sql.Encoders.STRING()).toDF("path");
        Map<String, Row> rows = byPath(model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol("path").setBatchSize(4).transform(input.repartition(2)));
        assertEquals(10, rows.size(), "9 edge cases and the folder's README");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            String name = Path.of(java.net.URI.create(e.getKey())).getFileName().toString();
            Row r = e.getValue();
            boolean bad = name.equals("README.md") || name.equals("empty.JPEG") || name.equals("not_an_image.JPEG") || name.equals("truncated.JPEG");
            if (bad) {
                assertNotNull(r.getAs("error"), name);
                assertNull(r.getAs("prediction"), name);
            } else {
                assertNull(r.getAs("error"), name + ": " + r.getAs("error"));
                assertNotNull(r.getAs("topK"), name);
            }
        }
    }

    @Test
    void pathInputAndBadColumnsAreHandled() {
        Dataset<Row> paths = spark.read().format("binaryFile").load(photos.toUri() + "*[0-3]1.JPEG")
                .select("path");
        MixNetClassificationModel byPath = model.copy(new org.apache.spark.ml.param.ParamMap()).setInputCol("path");
        List<Row> out = byPath.transform(paths).collectAsList();
        assertTrue(out.stream().allMatch(r -> r.isNullAt(r.fieldIndex("error"))));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> model.copy(new org.apache.spark.ml.param.ParamMap()).setInputCol("nope").transform(paths));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol("path").setTopK(1001).transform(paths));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> model.copy(new org.apache.spark.ml.param.ParamMap()).setImageSize(16));
        assertTrue(size.getMessage().startsWith("imageSize=16 is not allowed: "), size.getMessage());
    }

    @Test
    void savesAndLoadsAloneAndInsideAPipelineModel() throws Exception {
        String glob = photos.toUri() + "*[0-3]1.JPEG";
        MixNetClassificationModel tuned = model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol("content").setTopK(3).setBatchSize(8);
        String path = tmp.resolve("model").toUri().toString();
        tuned.write().overwrite().save(path);
        assertTrue(Files.exists(tmp.resolve("model/data/weights.safetensors")));
        MixNetClassificationModel loaded = MixNetClassificationModel.load(path);
        assertEquals(tuned.uid(), loaded.uid());
        assertEquals(3, loaded.getTopK());
        Map<String, Row> before = byPath(tuned.transform(files(glob, 1)));
        Map<String, Row> after = byPath(loaded.transform(files(glob, 2)));
        before.forEach((k, r) -> assertEquals((double) r.getAs("prediction"), (double) after.get(k).getAs("prediction")));

        int loads = ExecutorModels.loadCount();
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {tuned}).fit(files(glob, 1));
        String pipePath = tmp.resolve("pipeline").toUri().toString();
        pipeline.write().overwrite().save(pipePath);
        PipelineModel reloaded = PipelineModel.load(pipePath);
        assertEquals(before.size(), reloaded.transform(files(glob, 2)).count());
        assertEquals(loads, ExecutorModels.loadCount(), "same weights: the JVM's network is reused");
    }

    @Test
    void aSavedModelWhoseConfigAsksForAHugeNetworkIsRefusedWhenLoaded() throws Exception {
        String path = tmp.resolve("huge").toUri().toString();
        model.write().overwrite().save(path);
        Path config = tmp.resolve("huge/data/config.json");
        String saved = Files.readString(config);
        assertTrue(saved.contains("\"widthMultiplier\":1.0"), saved);
        Files.writeString(config, saved.replace("\"widthMultiplier\":1.0", "\"widthMultiplier\":200"));
        Files.delete(config.resolveSibling(".config.json.crc"));
        Exception e = assertThrows(Exception.class, () -> MixNetClassificationModel.load(path));
        String messages = e.getMessage() + " / " + e.getCause();
        assertTrue(messages.contains(path) && messages.contains("widthMultiplier must be in (0, 4.0]"), messages);
    }
}
