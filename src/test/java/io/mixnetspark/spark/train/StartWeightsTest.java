package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.hub.DownloadProgress;
import io.mixnetspark.hub.HubClient;
import io.mixnetspark.hub.HubEnvironment;
import io.mixnetspark.hub.HubFile;
import io.mixnetspark.model.SafetensorsFile;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.testing.LoopbackHub;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weights a fit starts from: fine-tuning from a pretrained 1000-class file into a 3-class
 * network keeps every tensor but the classifier, which starts fresh (zero weights); a file for the
 * same class count is loaded whole; a file for another network is refused; from scratch, the seed
 * decides. The pretrained file is the shared timm-layout fixture.
 */
class StartWeightsTest {

    private static final MixNetConfig THREE_CLASSES =
            MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(3).build();

    @Test
    void fineTuningKeepsTheBodyAndStartsANewClassifier() throws IOException {
        Path file = pretrained();
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> saved = SafetensorsFile.read(manager, file);
            Map<String, NDArray> start = start(manager, THREE_CLASSES, file);
            assertEquals(saved.keySet(), start.keySet());
            for (String key : saved.keySet()) {
                if (key.startsWith("classifier.")) {
                    continue;
                }
                assertArrayEquals(saved.get(key).toFloatArray(), start.get(key).toFloatArray(), key);
            }
            assertEquals(new Shape(3, 1536), start.get("classifier.weight").getShape());
            assertEquals(0f, start.get("classifier.weight").abs().sum().getFloat(),
                    "a fresh classifier starts at zero");
            assertEquals(new Shape(3), start.get("classifier.bias").getShape());
        }
    }

    @Test
    void aFileInTheHuggingFaceCacheStartsTheFitThroughItsSnapshotLink(@TempDir Path tmp) throws IOException {
        Path file = pretrained();
        try (LoopbackHub hub = new LoopbackHub(); NDManager manager = NDManager.newBaseManager()) {
            hub.addLfsFile("acme/mixnet", "model.safetensors", Files.readAllBytes(file));
            Path link = new HubClient(HubEnvironment.of(Map.of("HF_ENDPOINT", hub.endpoint().toString(),
                    "HF_HOME", tmp.toString())), DownloadProgress.NONE)
                    .download(HubFile.of("acme/mixnet", "model.safetensors"), Optional.empty());
            assertTrue(Files.isSymbolicLink(link));
            Map<String, NDArray> saved = SafetensorsFile.read(manager, file);
            Map<String, NDArray> start = SafetensorsFile.read(manager,
                    StartWeights.create(THREE_CLASSES, 1, link.toUri().toString(), new Configuration()), "start weights");
            assertArrayEquals(saved.get("conv_stem.weight").toFloatArray(), start.get("conv_stem.weight").toFloatArray());
        }
    }

    @Test
    void aFileForTheSameClassesIsLoadedWhole() throws IOException {
        Path file = pretrained();
        MixNetConfig thousand = MixNetConfig.builder(MixNetVariant.MIXNET_S).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> saved = SafetensorsFile.read(manager, file);
            Map<String, NDArray> start = start(manager, thousand, file);
            for (String key : new String[] {"classifier.weight", "classifier.bias"}) {
                assertArrayEquals(saved.get(key).toFloatArray(), start.get(key).toFloatArray(), key);
            }
        }
    }

    @Test
    void aFileForAnotherNetworkIsRefused() throws IOException {
        Path file = pretrained();
        MixNetConfig medium = MixNetConfig.builder(MixNetVariant.MIXNET_M).optNumClasses(3).build();
        Exception e = assertThrows(Exception.class,
                () -> StartWeights.create(medium, 1, file.toString(), new Configuration()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void fromScratchTheSeedDecides() throws IOException {
        byte[] a = StartWeights.create(THREE_CLASSES, 7, null, new Configuration());
        assertArrayEquals(a, StartWeights.create(THREE_CLASSES, 7, null, new Configuration()));
        assertFalse(Arrays.equals(a, StartWeights.create(THREE_CLASSES, 8, null, new Configuration())),
                "another seed, other weights");
    }

    private static Path pretrained() {
        return SharedData.require("fixtures/mixnet_s-timm-random").resolve("model.safetensors");
    }

    private static Map<String, NDArray> start(NDManager manager, MixNetConfig config, Path pretrained)
            throws IOException {
        byte[] safetensors = StartWeights.create(config, 1, pretrained.toString(), new Configuration());
        return SafetensorsFile.read(manager, safetensors, "start weights");
    }
}
