package io.mixnetspark.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.hub.HubException.Reason;
import io.mixnetspark.testing.LoopbackHub;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HubClient} against a hub on the loopback interface ({@link LoopbackHub}), in the layout and
 * with the headers of the real one: first download, cache hits, the cache layout Python's {@code
 * huggingface_hub} reads, tokens, hash mismatches, resumed downloads, 404, timeouts, offline mode,
 * an unreachable hub, a full disk, and plain-URL files (MindCV's).
 */
class HubClientTest {

    private static final String REPO = "timm/mixnet_s.ft_in1k";
    private static final HubFile WEIGHTS = HubFile.of(REPO, "model.safetensors");
    private static final HubFile CONFIG = HubFile.of(REPO, "config.json");
    private static final String TOKEN = "hf_loopbackSecret123";

    @TempDir
    Path tmp;

    private LoopbackHub hub;
    private byte[] weights;

    @BeforeEach
    void startHub() throws IOException {
        hub = new LoopbackHub();
        weights = new byte[3 << 20];
        new Random(7).nextBytes(weights);
        hub.addLfsFile(REPO, "model.safetensors", weights);
        hub.addFile(REPO, "config.json", "{\"architecture\": \"mixnet_s\"}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubClient client(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("HF_ENDPOINT", hub.endpoint() + "/", "HF_HOME", tmp.resolve("hf").toString()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return new HubClient(HubEnvironment.of(env), DownloadProgress.NONE);
    }

    @Test
    void downloadsIntoTheHuggingFaceCacheLayoutThenReusesIt() throws IOException {
        Path file = client().download(WEIGHTS, Optional.empty());
        Path repo = tmp.resolve("hf/hub/models--timm--mixnet_s.ft_in1k");
        String sha256 = LoopbackHub.hex("SHA-256", weights);
        String commit = LoopbackHub.commit(REPO);
        assertEquals(repo.resolve("snapshots/" + commit + "/model.safetensors"), file);
        assertTrue(Files.isSymbolicLink(file), "snapshot entries link to blobs, as huggingface_hub writes them");
        assertEquals(Path.of("../../blobs/" + sha256), Files.readSymbolicLink(file));
        assertArrayEquals(weights, Files.readAllBytes(file));
        assertEquals(commit, Files.readString(repo.resolve("refs/main")));
        Path config = client().download(CONFIG, Optional.empty());
        assertTrue(Files.isRegularFile(config), "a non-LFS file, verified against git's blob SHA-1");
        assertEquals(1, hub.lfsDownloads());

        int before = hub.requests().size();
        assertEquals(file, client().download(WEIGHTS, Optional.empty()));
        assertEquals(before + 1, hub.requests().size(), "online, a cached file costs one HEAD and no download");
        assertEquals(1, hub.lfsDownloads());
        assertEquals(file, client("HF_HUB_OFFLINE", "1").download(WEIGHTS, Optional.empty()));
        assertEquals(before + 1, hub.requests().size(), "offline, no request at all");
        try (Stream<Path> left = Files.walk(tmp)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".incomplete")), "no partial file is left");
        }
    }

    @Test
    void theTokenGoesToTheHubOnlyAndIsNeverShown() throws IOException {
        hub.requireToken(REPO, TOKEN);
        HubException refused = assertThrows(HubException.class, () -> client().download(WEIGHTS, Optional.empty()));
        assertEquals(Reason.ACCESS_DENIED, refused.reason());
        assertTrue(refused.getMessage().contains("set HF_TOKEN"), refused.getMessage());
        HubException wrong = assertThrows(HubException.class,
                () -> client("HF_TOKEN", "hf_wrong").download(WEIGHTS, Optional.empty()));
        assertTrue(wrong.getMessage().contains("was refused") && !wrong.getMessage().contains("hf_wrong"), wrong.getMessage());

        Files.createDirectories(tmp.resolve("hf"));
        Files.writeString(tmp.resolve("hf/token"), TOKEN + "\n");
        HubClient withTokenFile = client();
        assertFalse(withTokenFile.environment().toString().contains(TOKEN), withTokenFile.environment().toString());
        assertArrayEquals(weights, Files.readAllBytes(withTokenFile.download(WEIGHTS, Optional.empty())));
        for (LoopbackHub.Request r : hub.requests()) {
            if (r.path().startsWith("/lfs/")) {
                assertNull(r.header("Authorization"), "the storage host it redirects to gets no token");
            }
        }
        assertTrue(hub.requests().stream().anyMatch(r -> ("Bearer " + TOKEN).equals(r.header("Authorization"))),
                "HF_HOME/token is sent to the hub");
    }

    @Test
    void bytesThatDoNotMatchTheStatedHashAreRefusedAndNothingIsCached() {
        byte[] other = weights.clone();
        other[12345] ^= 1;
        hub.serveInstead(other);
        HubException e = assertThrows(HubException.class, () -> client().download(WEIGHTS, Optional.empty()));
        assertEquals(Reason.VERIFICATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("Nothing was cached"), e.getMessage());
        Path repo = tmp.resolve("hf/hub/models--timm--mixnet_s.ft_in1k");
        assertFalse(Files.exists(repo.resolve("blobs/" + LoopbackHub.hex("SHA-256", weights))));
        assertFalse(Files.exists(repo.resolve("blobs/" + LoopbackHub.hex("SHA-256", weights) + ".incomplete")));
        assertFalse(Files.exists(repo.resolve("snapshots")));

        HubException pinned = assertThrows(HubException.class,
                () -> client().download(WEIGHTS, Optional.of("0".repeat(64))));
        assertEquals(Reason.VERIFICATION_FAILED, pinned.reason(), "a pinned SHA-256 other than the hub's");
    }

    @Test
    void aDownloadThatBreaksOffIsResumedWithARangeRequest() throws IOException {
        hub.cutNextDownloadAfter(1 << 20);
        assertArrayEquals(weights, Files.readAllBytes(client().download(WEIGHTS, Optional.empty())));
        assertEquals(2, hub.lfsDownloads());
        assertResumedWithin(1 << 20);
    }

    @Test
    void aDownloadThatStallsIsClosedAfterTheTimeoutAndResumed() throws IOException {
        hub.stallNextDownloadAfter(1 << 20);
        long start = System.nanoTime();
        assertArrayEquals(weights, Files.readAllBytes(client("HF_HUB_DOWNLOAD_TIMEOUT", "1").download(WEIGHTS,
                Optional.empty())));
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "not the minute the server stalls for");
        assertEquals(2, hub.lfsDownloads());
        assertResumedWithin(1 << 20);
    }

    /** The last download asked for the rest from where the first stopped: after some bytes, at most {@code sent}. */
    private void assertResumedWithin(long sent) {
        String range = hub.requests().stream().filter(r -> r.path().startsWith("/lfs/")).reduce((a, b) -> b)
                .orElseThrow().header("Range");
        assertTrue(range != null && range.matches("bytes=\\d+-"), range);
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(from > 0 && from <= sent, range + ": the bytes that arrived before the break (the server sent " + sent + ")");
    }

    @Test
    void aPartialFileLeftByAnotherProcessIsResumed() throws IOException {
        String sha256 = LoopbackHub.hex("SHA-256", weights);
        Path blobs = Files.createDirectories(tmp.resolve("hf/hub/models--timm--mixnet_s.ft_in1k/blobs"));
        Files.write(blobs.resolve(sha256 + ".incomplete"), java.util.Arrays.copyOf(weights, 1000));
        assertArrayEquals(weights, Files.readAllBytes(client().download(WEIGHTS, Optional.empty())));
        assertEquals(1, hub.lfsDownloads());
        assertEquals("bytes=1000-", hub.requests().stream().filter(r -> r.path().startsWith("/lfs/")).findFirst()
                .orElseThrow().header("Range"));
    }

    @Test
    void missingFilesSlowHubsAndOfflineModeSayWhatToDo() throws IOException {
        HubException missing = assertThrows(HubException.class,
                () -> client().download(HubFile.of(REPO, "pytorch_model.bin"), Optional.empty()));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        assertTrue(missing.getMessage().contains("HTTP 404, EntryNotFound"), missing.getMessage());

        HubException offline = assertThrows(HubException.class,
                () -> client("HF_HUB_OFFLINE", "true").download(WEIGHTS, Optional.empty()));
        assertEquals(Reason.NOT_CACHED, offline.reason());
        assertTrue(offline.getMessage().startsWith("HF_HUB_OFFLINE is set") && offline.getMessage()
                .contains("models--timm--mixnet_s.ft_in1k/ into " + tmp.resolve("hf/hub")), offline.getMessage());

        hub.stall(2500);
        HubException slow = assertThrows(HubException.class,
                () -> client("HF_HUB_DOWNLOAD_TIMEOUT", "1").download(WEIGHTS, Optional.empty()));
        assertEquals(Reason.NOT_CACHED, slow.reason());
        assertTrue(slow.getMessage().contains("did not answer within 1 s"), slow.getMessage());
    }

    @Test
    void anUnreachableHubFallsBackToTheCachedCopy() throws IOException {
        Path file = client().download(WEIGHTS, Optional.empty());
        URI endpoint = hub.endpoint();
        hub.close();
        HubClient gone = new HubClient(HubEnvironment.of(Map.of("HF_ENDPOINT", endpoint.toString(),
                "HF_HOME", tmp.resolve("hf").toString())), DownloadProgress.NONE);
        assertEquals(file, gone.download(WEIGHTS, Optional.empty()));
        HubException uncached = assertThrows(HubException.class, () -> gone.download(CONFIG, Optional.empty()));
        assertEquals(Reason.NOT_CACHED, uncached.reason());
        assertTrue(uncached.getMessage().startsWith("cannot reach " + endpoint), uncached.getMessage());
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNoFile() throws IOException {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull), "needs Linux's /dev/full");
        String sha256 = LoopbackHub.hex("SHA-256", weights);
        Path blobs = Files.createDirectories(tmp.resolve("hf/hub/models--timm--mixnet_s.ft_in1k/blobs"));
        Files.createSymbolicLink(blobs.resolve(sha256 + ".incomplete"), devFull);
        HubException full = assertThrows(HubException.class, () -> client().download(WEIGHTS, Optional.empty()));
        assertEquals(Reason.WRITE_FAILED, full.reason());
        assertTrue(full.getMessage().contains("No space left on device") && full.getMessage().contains("MIXNET_CACHE"),
                full.getMessage());
        assertFalse(Files.exists(blobs.resolve(sha256)));
    }

    @Test
    void plainUrlFilesAreCheckedAgainstTheHashInTheirName() throws IOException {
        byte[] ckpt = "a MindSpore checkpoint".getBytes(StandardCharsets.UTF_8);
        String prefix = LoopbackHub.hex("SHA-256", ckpt).substring(0, 8);
        hub.addPlainFile("mixnet/mixnet_s-" + prefix + ".ckpt", ckpt);
        URI url = URI.create(hub.endpoint() + "/plain/mixnet/mixnet_s-" + prefix + ".ckpt");
        Path file = client().downloadAsset(url, "mindcv", Optional.of(prefix));
        assertEquals(tmp.resolve("hf/assets/mixnet-spark/mindcv/mixnet_s-" + prefix + ".ckpt"), file);
        assertArrayEquals(ckpt, Files.readAllBytes(file));
        HubException wrong = assertThrows(HubException.class,
                () -> client().downloadAsset(URI.create(hub.endpoint() + "/plain/mixnet/mixnet_s-" + prefix + ".ckpt?x"),
                        "other", Optional.of("2a5ef3a3")));
        assertEquals(Reason.VERIFICATION_FAILED, wrong.reason());
        assertFalse(Files.exists(tmp.resolve("hf/assets/mixnet-spark/other/mixnet_s-" + prefix + ".ckpt")));
        HubException offline = assertThrows(HubException.class,
                () -> client("MIXNET_CACHE", tmp.resolve("empty").toString(), "HF_HUB_OFFLINE", "1")
                        .downloadAsset(url, "mindcv", Optional.of(prefix)));
        assertTrue(offline.getMessage().contains("place it at " + tmp.resolve("empty/assets/mixnet-spark/mindcv")),
                offline.getMessage());
    }

    @Test
    void settingsComeFromTheVariablesHuggingFaceHubReads() {
        HubEnvironment env = HubEnvironment.of(Map.of("HF_HOME", "/data/hf", "HF_ENDPOINT", "https://mirror.example/",
                "HF_TOKEN", TOKEN, "HF_HUB_OFFLINE", "YES"));
        assertEquals(URI.create("https://mirror.example"), env.endpoint());
        assertEquals(Path.of("/data/hf/hub"), env.hubCache());
        assertTrue(env.offline());
        assertFalse(env.toString().contains(TOKEN), env.toString());
        assertEquals(Path.of("/m/hub"), HubEnvironment.of(Map.of("HF_HOME", "/data/hf", "MIXNET_CACHE", "/m")).hubCache());
        assertEquals(Path.of("/x/huggingface/hub"), HubEnvironment.of(Map.of("XDG_CACHE_HOME", "/x")).hubCache());
        assertEquals("HF_ENDPOINT must be an http(s) URL, got ftp://mirror", assertThrows(IllegalArgumentException.class,
                () -> HubEnvironment.of(Map.of("HF_ENDPOINT", "ftp://mirror"))).getMessage());
        assertEquals("HF_HUB_DOWNLOAD_TIMEOUT must be a number of seconds from 1 to 86400, got soon",
                assertThrows(IllegalArgumentException.class,
                        () -> HubEnvironment.of(Map.of("HF_HUB_DOWNLOAD_TIMEOUT", "soon"))).getMessage());
    }
}
