package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model folder saved by release bf953e5 ({@code src/test/resources/fixtures/saved-model-bf953e5},
 * made by {@link SavedModelFixture}) still loads: the same uid, network and classes, every saved
 * param value and default, and it labels photos as it did when it was saved.
 */
class SavedModelCompatibilityTest {

    private static final Path FOLDER = Path.of("src", "test", "resources", "fixtures", "saved-model-bf953e5");

    /** The fixture's logits for two photos (on the CPU), as bf953e5 computes them. */
    private static final Map<String, double[]> LOGITS = Map.of(
            "ILSVRC2012_val_00003351.JPEG", new double[] {0.003433530917391181, -0.0016989100258797407, 0.001786047825589776},
            "ILSVRC2012_val_00010770.JPEG", new double[] {0.0023136120289564133, 0.002025971654802561, -0.0023822570219635963});

    private static SparkSession spark;
    private static MixNetClassificationModel model;

    @BeforeAll
    static void load() {
        spark = LocalSparkSessions.start("SavedModelCompatibilityTest");
        model = MixNetClassificationModel.load(FOLDER.toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theNetworkAndClassesComeBack() {
        assertEquals(SavedModelFixture.UID, model.uid());
        assertEquals(SavedModelFixture.CLASS_COUNT, model.payload().config().numClasses());
        assertEquals(SavedModelFixture.MULTIPLIER, model.payload().config().widthMultiplier());
        assertEquals(SavedModelFixture.MULTIPLIER, model.payload().config().depthMultiplier());
        assertEquals(List.of("n01440764", "n02102040", "n03028079"), model.payload().classes().ids());
        assertEquals(List.of("tench", "English springer", "church"), model.payload().classes().names());
    }

    @Test
    void everySavedParamAndDefaultComesBack() throws IOException {
        assertEquals("content", model.getInputCol());
        assertEquals("pred", model.getPredictionCol());
        assertEquals("probs", model.getProbabilityCol());
        assertEquals("logits", model.getRawPredictionCol());
        assertEquals("best", model.getTopKCol());
        assertEquals("error", model.getErrorCol());
        assertEquals(2, model.getTopK());
        assertEquals(2, model.getBatchSize());
        assertEquals(1, model.getDecodeThreads());
        assertEquals("cpu", model.getDevice());
        assertEquals(32, model.getImageSize());
        assertEquals(0.75, model.getCropPct());
        assertEquals(268_435_456L, model.getMaxImageBytes());

        JsonNode metadata;
        try (Stream<Path> files = Files.list(FOLDER.resolve("metadata"))) {
            Path part = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            metadata = new ObjectMapper().readTree(Files.readString(part));
        }
        TreeSet<String> declared = new TreeSet<>();
        for (Param<?> p : model.params()) {
            declared.add(p.name());
        }
        assertEquals(declared, names(metadata.get("defaultParamMap")), "every param the model has was saved");
        for (Iterator<String> it = metadata.get("paramMap").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertTrue(model.isSet(model.getParam(name)), name + " is set as saved");
            assertEquals(metadata.get("paramMap").get(name).asText(), String.valueOf(model.getOrDefault(model.getParam(name))), name);
        }
        for (Iterator<String> it = metadata.get("defaultParamMap").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertEquals(metadata.get("defaultParamMap").get(name).asText(),
                    String.valueOf(model.getDefault(model.getParam(name)).get()), name + "'s default");
        }
    }

    @Test
    void itLabelsPhotosAsWhenSaved() {
        Path photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079");
        List<Row> rows = model.transform(spark.read().format("binaryFile")
                        .load(LOGITS.keySet().stream().map(f -> photos.resolve(f).toUri().toString())
                                .toArray(String[]::new)))
                .select("path", "pred", "logits", "best", "error").collectAsList();
        assertEquals(2, rows.size());
        for (Row r : rows) {
            String file = Path.of(URI.create(r.getString(0))).getFileName().toString();
            assertNull(r.get(4), "no error");
            double[] logits = ((Vector) r.get(2)).toArray();
            assertArrayEquals(LOGITS.get(file), logits, 2e-6, file);
            assertEquals(2, r.getList(3).size(), "top 2");
            assertEquals(((Vector) r.get(2)).argmax(), r.getDouble(1), 0, "prediction is the likeliest class");
        }
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
