package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.ChildJvm;
import io.mixnetspark.testing.LoopbackHub;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with pretrained weights by name, end to end in fresh JVMs (as {@code ./mixnet}
 * runs) against a hub on the loopback interface that serves the shared fixture weights as timm's
 * {@code mixnet_s} and asks for a token: {@code predict --pretrained mixnet_s} downloads, verifies
 * and labels without printing the token; two JVMs fetching the same weights at once make one file;
 * {@code quickstart} finds the weights in the cache offline and labels with them.
 */
class PretrainedCliTest {

    private static final String REPO = "timm/mixnet_s.ft_in1k";
    private static final String TOKEN = "hf_cliSecretToken42";
    private static final String WNID = "n02979186";

    @TempDir
    static Path tmp;

    private static LoopbackHub hub;
    private static byte[] weights;

    @BeforeAll
    static void startHub() throws IOException {
        weights = Files.readAllBytes(SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"));
        hub = new LoopbackHub();
        hub.addTimmModel(REPO, "mixnet_s", weights);
        hub.requireToken(REPO, TOKEN);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    private static Map<String, String> env(Path hfHome, String offline) {
        return Map.of("HF_ENDPOINT", hub.endpoint().toString(), "HF_HOME", hfHome.toString(), "HF_TOKEN", TOKEN,
                "HF_HUB_OFFLINE", offline);
    }

    private static Map<String, String> properties(String catalog) {
        return Map.of("ai.djl.offline", "true", "mixnet.home", tmp.resolve(catalog).toString());
    }

    @Test
    void twoJvmsFetchingTheSameWeightsAtOnceMakeOneFile() throws Exception {
        Path hfHome = tmp.resolve("concurrent");
        long downloadsBefore = hub.lfsDownloads();
        hub.pace(120);
        try {
            List<CompletableFuture<ChildJvm.Result>> runs = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    return ChildJvm.run(MixNetCli.class, properties("c" + i), env(hfHome, "0"), 300, "pretrained", "mixnet_s");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })).toList();
            Path snapshot = hfHome.resolve("hub/models--timm--mixnet_s.ft_in1k/snapshots/" + LoopbackHub.commit(REPO)
                    + "/model.safetensors");
            for (CompletableFuture<ChildJvm.Result> run : runs) {
                ChildJvm.Result result = run.join();
                assertEquals(0, result.exitCode(), result.output());
                assertTrue(result.output().contains("mixnet_s: " + snapshot + " (mixnet_s, 1000 classes, SE swish, eval 224 px,"
                        + " crop 0.875)"), result.output());
                assertFalse(result.output().contains(TOKEN), "the token is never printed");
            }
            assertEquals(downloadsBefore + 1, hub.lfsDownloads(), "the second JVM waits for the first and finds the file done");
            assertArrayEquals(weights, Files.readAllBytes(snapshot));
            try (Stream<Path> files = Files.walk(hfHome)) {
                assertFalse(files.anyMatch(p -> p.toString().endsWith(".incomplete")));
            }
        } finally {
            hub.pace(0);
        }
    }

    @Test
    void predictDownloadsVerifiesAndLabelsWithTheWeightsByName() throws Exception {
        Path lake = photos("lake", 4);
        ChildJvm.Result run = ChildJvm.run(MixNetCli.class, properties("predict-catalog"), env(tmp.resolve("predict-hf"), "0"),
                600, "predict", "--pretrained", "mixnet_s", "--layout", "imagefolder", "--data_dir", lake.toString(),
                "--batch_size", "4", "--run_id", "pretrained-cli");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Labeled 4 images (0 errors)"), run.output());
        assertTrue(run.output().contains("model mixnet_s@"), run.output());
        assertTrue(Files.isSymbolicLink(tmp.resolve("predict-hf/hub/models--timm--mixnet_s.ft_in1k/snapshots/"
                + LoopbackHub.commit(REPO) + "/model.safetensors")), "downloaded into the cache given by HF_HOME");
        assertFalse(run.output().contains(TOKEN), "the token is never printed");

        ChildJvm.Result both = ChildJvm.run(MixNetCli.class, properties("predict-catalog"), env(tmp.resolve("predict-hf"), "1"),
                120, "predict", "--pretrained", "mixnet_s", "--model", "mixnet_m", "--data_dir", lake.toString());
        assertEquals(2, both.exitCode(), both.output());
        assertTrue(both.output().contains("--model cannot be given with --pretrained: it fixes the network"), both.output());
    }

    @Test
    void quickstartLabelsWithCachedWeightsOfflineAndScoresThem() throws Exception {
        Path hfHome = tmp.resolve("quickstart-hf");
        ChildJvm.Result fetch = ChildJvm.run(MixNetCli.class, properties("q0"), env(hfHome, "0"), 300, "pretrained", "mixnet_s");
        assertEquals(0, fetch.exitCode(), fetch.output());
        Path data = tmp.resolve("qs");
        photos("qs/train", 2);
        photos("qs/val", 6);
        ChildJvm.Result run = ChildJvm.run(MixNetCli.class, properties("q1"), env(hfHome, "1"), 600,
                "quickstart", "--data_dir", data.toString(), "--run_id", "qs-pretrained");
        assertEquals(0, run.exitCode(), run.output());
        for (String step : new String[] {"== Pretrained mixnet_s", "== 1/3 label", "Labeled 6 images (0 errors)",
            "== 2/3 query", "GROUP BY top_k[0].label", "== 3/3 score", "'Top_5_Accuracy': "}) {
            assertTrue(run.output().contains(step), step + " in\n" + run.output());
        }
        assertFalse(run.output().contains("== 1/4 train"), "no training when ImageNet weights are at hand");
    }

    /** An ImageFolder of one ImageNet class with {@code count} shared photos. */
    private static Path photos(String folder, int count) throws IOException {
        Path classFolder = Files.createDirectories(tmp.resolve(folder).resolve(WNID));
        try (Stream<Path> photos = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/" + WNID))) {
            for (Path p : photos.sorted().limit(count).toList()) {
                Files.copy(p, classFolder.resolve(p.getFileName()));
            }
        }
        return tmp.resolve(folder);
    }
}
