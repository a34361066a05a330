package io.mixnetspark.model.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.mixnetspark.hub.DownloadProgress;
import io.mixnetspark.hub.HubClient;
import io.mixnetspark.hub.HubEnvironment;
import io.mixnetspark.hub.HubException;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.testing.LoopbackHub;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names resolve to verified local weights and what they need (network, classes, eval size and
 * crop), from a hub on the loopback interface serving the shared fixture weights as timm's
 * {@code mixnet_s}; configs this project cannot honour are refused with the reason.
 */
class PretrainedWeightsTest {

    @TempDir
    Path tmp;

    private LoopbackHub hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = new LoopbackHub();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubClient client(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("HF_ENDPOINT", hub.endpoint().toString(),
                "MIXNET_MINDCV_ENDPOINT", hub.endpoint() + "/plain", "HF_HOME", tmp.resolve("hf").toString()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return new HubClient(HubEnvironment.of(env), DownloadProgress.NONE);
    }

    @Test
    void timmNamesGiveTheWeightsTheNetworkAndTheEvalPreprocessing() throws IOException {
        byte[] weights = Files.readAllBytes(SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"));
        hub.addTimmModel("timm/mixnet_s.ft_in1k", "mixnet_s", weights);
        PretrainedWeights resolved = PretrainedWeights.resolve("mixnet_s", client());
        assertArrayEquals(weights, Files.readAllBytes(resolved.file()));
        assertEquals(MixNetVariant.MIXNET_S, resolved.config().variant());
        assertEquals(SeActivation.SWISH, resolved.config().seActivation());
        assertEquals(1000, resolved.classes().size());
        assertEquals("n01440764", resolved.classes().ids().get(0));
        assertEquals(224, resolved.imageSize());
        assertEquals(0.875, resolved.cropPct());
        try (MixNetModel model = MixNetModel.create(resolved.config(), Device.cpu())) {
            ModelWeights.load(model, resolved.file());
        }
        assertEquals(resolved.file(), PretrainedWeights.resolve("mixnet_s", client("HF_HUB_OFFLINE", "1")).file(),
                "offline, the cached config and weights serve");
    }

    @Test
    void hfNamesReadAnyRepositoryInTimmsLayout() throws IOException {
        byte[] weights = "weights".getBytes(StandardCharsets.UTF_8);
        hub.addLfsFile("acme/birds", "v2/model.safetensors", weights);
        hub.addFile("acme/birds", "config.json", ("{\"architecture\": \"mixnet_m\", \"num_classes\": 2,"
                + " \"label_names\": [\"crow\", \"wren\"], \"pretrained_cfg\": {\"input_size\": [3, 256, 256],"
                + " \"crop_pct\": 0.95}}").getBytes(StandardCharsets.UTF_8));
        PretrainedWeights resolved = PretrainedWeights.resolve("hf://acme/birds/v2/model.safetensors", client());
        assertArrayEquals(weights, Files.readAllBytes(resolved.file()));
        assertEquals(MixNetVariant.MIXNET_M, resolved.config().variant());
        assertEquals(2, resolved.config().numClasses());
        assertEquals("wren", resolved.classes().names().get(1));
        assertEquals(256, resolved.imageSize());
        assertEquals(0.95, resolved.cropPct());
    }

    @Test
    void configsThisProjectCannotHonourAreRefusedWithTheReason() {
        byte[] weights = "w".getBytes(StandardCharsets.UTF_8);
        hub.addTimmModel("acme/tf", "tf_mixnet_s", weights);
        hub.addTimmModel("timm/mixnet_s.ft_in1k", "mixnet_l", weights);
        hub.addLfsFile("acme/norm", "model.safetensors", weights);
        hub.addFile("acme/norm", "config.json", ("{\"architecture\": \"mixnet_s\", \"pretrained_cfg\":"
                + " {\"mean\": [0.5, 0.5, 0.5], \"std\": [0.5, 0.5, 0.5]}}").getBytes(StandardCharsets.UTF_8));
        hub.addLfsFile("acme/broken", "model.safetensors", weights);
        hub.addFile("acme/broken", "config.json", "{\"architecture\": 7}".getBytes(StandardCharsets.UTF_8));
        assertTrue(refused("hf://acme/tf").contains("'same' padding this network does not implement; use mixnet_s"));
        assertTrue(refused("mixnet_s").contains("names architecture mixnet_l"));
        assertTrue(refused("hf://acme/norm").contains("normalises with mean [0.5, 0.5, 0.5]"));
        assertTrue(refused("hf://acme/broken").contains("field architecture must be a string"));
        assertFalse(Files.exists(tmp.resolve("hf/hub/models--acme--norm/blobs/" + LoopbackHub.hex("SHA-256", weights))),
                "the weights are not downloaded when their config is refused");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PretrainedWeights.resolve("resnet50", client()));
        assertTrue(unknown.getMessage().startsWith("unknown pretrained weights resnet50; allowed: mixnet_s, mixnet_m"),
                unknown.getMessage());
    }

    private String refused(String name) {
        return assertThrows(IOException.class, () -> PretrainedWeights.resolve(name, client())).getMessage();
    }

    @Test
    void mindCvNamesUseMindCvsCheckpointWithReluInSqueezeExcite() throws IOException {
        Path placed = tmp.resolve("cache/assets/mixnet-spark/mindcv/mixnet_s-2a5ef3a3.ckpt");
        Files.createDirectories(placed.getParent());
        Files.writeString(placed, "placed by hand");
        PretrainedWeights resolved = PretrainedWeights.resolve("mindcv/mixnet_s",
                client("MIXNET_CACHE", tmp.resolve("cache").toString(), "HF_HUB_OFFLINE", "1"));
        assertEquals(placed, resolved.file());
        assertEquals(SeActivation.RELU, resolved.config().seActivation());
        assertEquals(1000, resolved.config().numClasses());

        hub.addPlainFile("mixnet/mixnet_m-74cc4cb1.ckpt", "not MindCV's file".getBytes(StandardCharsets.UTF_8));
        HubException wrong = assertThrows(HubException.class, () -> PretrainedWeights.resolve("mindcv/mixnet_m", client()));
        assertEquals(HubException.Reason.VERIFICATION_FAILED, wrong.reason());
        assertTrue(wrong.getMessage().contains("does not start with 74cc4cb1"), wrong.getMessage());
    }

    @Test
    void namesAreToldApartFromPaths() {
        assertTrue(PretrainedName.isName("mixnet_s"));
        assertTrue(PretrainedName.isName("MindCV/mixnet_l"));
        assertTrue(PretrainedName.isName("hf://org/repo"));
        assertFalse(PretrainedName.isName("weights/mixnet_s.safetensors"));
        assertFalse(PretrainedName.isName("s3a://bucket/mixnet_s"));
        assertFalse(PretrainedName.isName(""));
        assertEquals("pretrained name hf://org: hf:// names are hf://ORG/REPO[/FILE]",
                assertThrows(IllegalArgumentException.class, () -> PretrainedName.parse("hf://org")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainedName.parse("hf://org/repo/../../x"))
                .getMessage().contains("without '..'"));
    }
}
