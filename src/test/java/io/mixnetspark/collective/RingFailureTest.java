package io.mixnetspark.collective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.collective.bench.BenchRank;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the ring does when a peer is not who it claims, stalls, dies or is out of step: fail fast, no hang. */
class RingFailureTest {

    private static final Duration SHORT = Duration.ofSeconds(1);

    @Test
    void ranksWithDifferentSecretsDoNotFormARing() throws IOException {
        CollectiveSettings settings = Rings.loopback(SHORT, WireFormat.FLOAT32);
        List<RingListener> listeners = List.of(RingListener.open(settings), RingListener.open(settings));
        List<PeerAddress> peers = List.of(listeners.get(0).address(), listeners.get(1).address());
        List<StageSecret> secrets = List.of(StageSecret.generate(), StageSecret.generate());
        List<RuntimeException> failures = Rings.onEveryRank(2, rank -> assertThrows(CollectiveException.class,
                () -> listeners.get(rank).join(rank, peers, secrets.get(rank))));
        for (RuntimeException failure : failures) {
            assertTrue(failure.getMessage().contains("another stage secret"), failure.getMessage());
        }
    }

    @Test
    void aTaskOfAnEarlierStageAttemptCannotJoinTheRetriedRing() throws IOException {
        CollectiveSettings settings = Rings.loopback(SHORT, WireFormat.FLOAT32);
        List<RingListener> listeners = List.of(RingListener.open(settings), RingListener.open(settings));
        List<PeerAddress> peers = List.of(listeners.get(0).address(), listeners.get(1).address());
        StageSecret stage = StageSecret.generate();
        List<StageSecret> secrets = List.of(stage.derive("attempt 1"), stage.derive("attempt 0"));
        Rings.onEveryRank(2, rank -> assertThrows(CollectiveException.class,
                () -> listeners.get(rank).join(rank, peers, secrets.get(rank))));
    }

    @Test
    void anIntruderWithoutTheSecretIsTurnedAwayAndTheRingStillForms() throws Exception {
        CollectiveSettings settings = Rings.loopback(Duration.ofSeconds(10), WireFormat.FLOAT32);
        StageSecret secret = StageSecret.generate();
        RingListener first = RingListener.open(settings);
        RingListener second = RingListener.open(settings);
        List<PeerAddress> peers = List.of(first.address(), second.address());
        CompletableFuture<RingCollective> rank0 = CompletableFuture.supplyAsync(() -> first.join(0, peers, secret));
        // the intruder claims to be rank 1 but holds another secret: rank 0's proof does not check out for it,
        // and rank 0 never takes it as its neighbour
        try (SocketChannel intruder = TimedChannels.connect(first.address().socketAddress(),
                new Deadline(settings.connectTimeout(), "test"), "rank 0")) {
            CollectiveException refused = assertThrows(CollectiveException.class,
                    () -> new Handshake(StageSecret.generate(), 1, 2, WireFormat.FLOAT32).connector(intruder, 0,
                            new Deadline(settings.connectTimeout(), "test"), "rank 0"));
            assertTrue(refused.getMessage().contains("another stage secret"), refused.getMessage());
        }
        RingCollective rank1 = second.join(1, peers, secret);
        List<RingCollective> ring = List.of(rank0.get(), rank1);
        try {
            List<float[]> sums = Rings.onEveryRank(2, rank -> {
                float[] values = {rank + 1, 10 * (rank + 1)};
                ring.get(rank).allReduce(values);
                return values;
            });
            assertArrayEquals(new float[] {3, 30}, sums.get(0));
            assertArrayEquals(new float[] {3, 30}, sums.get(1));
        } finally {
            Rings.close(ring);
        }
    }

    @Test
    void aStalledPeerFailsTheStepWithinTheNamedTimeout() {
        List<RingCollective> ring = Rings.form(3, Rings.loopback(SHORT, WireFormat.FLOAT32));
        long start = System.nanoTime();
        // rank 2 stalls: it never calls allReduce
        List<RuntimeException> failures = Rings.onEveryRank(2, rank -> assertThrows(CollectiveException.class,
                () -> ring.get(rank).allReduce(new float[100_000])));
        double seconds = (System.nanoTime() - start) / 1e9;
        Rings.close(ring);
        assertInstanceOf(CollectiveTimeoutException.class, failures.get(0));
        assertTrue(failures.get(0).getMessage().startsWith("collective timeout 1 s (test param collectiveTimeout)"
                + " exceeded waiting for rank 2 (127.0.0.1:"), failures.get(0).getMessage());
        // rank 1 waited for rank 0, which closed when it gave up: it fails at once, not after its own timeout
        assertTrue(failures.get(1).getMessage().contains("rank 0"), failures.get(1).getMessage());
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    @Test
    void aPeerKilledMidExchangeFailsTheOthersWithoutWaitingForTheTimeout() {
        List<RingCollective> ring = Rings.form(3, Rings.loopback(Duration.ofSeconds(60), WireFormat.FLOAT32));
        long start = System.nanoTime();
        List<RuntimeException> failures = Rings.onEveryRank(3, rank -> {
            if (rank == 2) {
                sleep(300);
                ring.get(2).close(); // its task dies: the kernel closes its sockets
                return null;
            }
            return assertThrows(CollectiveException.class, () -> ring.get(rank).allReduce(new float[1_000_000]));
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Rings.close(ring);
        assertTrue(failures.get(0).getMessage().contains("rank 2"), failures.get(0).getMessage());
        assertTrue(seconds < 10, "took " + seconds + " s against a 60 s timeout");
        assertThrows(CollectiveException.class, () -> ring.get(0).allReduce(new float[1]), "stays failed");
    }

    @Test
    void aRankWhoseProcessIsKilledMidExchangeFailsTheOthersFast() throws Exception {
        CollectiveSettings settings = Rings.loopback(Duration.ofSeconds(60), WireFormat.FLOAT32);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int values = 1_000_000;
        // rank 2 is another JVM running the benchmark's rank: allGather of nothing, then allReduce, many rounds
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchRank.class.getName(), Integer.toString(values), "0", "100000", "FLOAT32")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String childAddress = childOut.readLine().substring("ADDRESS ".length());
            List<RingListener> listeners = List.of(RingListener.open(settings), RingListener.open(settings));
            List<PeerAddress> peers = List.of(listeners.get(0).address(), listeners.get(1).address(),
                    PeerAddress.parse(childAddress));
            StageSecret secret = StageSecret.generate();
            try (Writer childIn = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                childIn.write("2 " + secret.encoded() + " " + peers.stream().map(PeerAddress::toString)
                        .collect(Collectors.joining(",")) + "\n");
            }
            long[] killedAt = new long[1];
            CompletableFuture.runAsync(() -> {
                sleep(1500);
                killedAt[0] = System.nanoTime();
                child.destroyForcibly(); // SIGKILL: no shutdown hook, the kernel closes its sockets
            });
            List<RuntimeException> failures = Rings.onEveryRank(2, rank -> {
                try (RingCollective ring = listeners.get(rank).join(rank, peers, secret)) {
                    float[] gradient = new float[values];
                    return assertThrows(CollectiveException.class, () -> {
                        while (true) {
                            ring.allGather(new byte[0]);
                            ring.allReduce(gradient);
                        }
                    });
                }
            });
            double seconds = (System.nanoTime() - killedAt[0]) / 1e9;
            assertTrue(killedAt[0] != 0, "the ring failed before the kill: " + failures.get(0).getMessage());
            assertTrue(seconds < 10, "failed " + seconds + " s after the kill, against a 60 s timeout");
            assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains("rank 2")),
                    failures.get(0).getMessage() + " / " + failures.get(1).getMessage());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anInterruptEndsAnOperationInProgress() {
        List<RingCollective> ring = Rings.form(2, Rings.loopback(Duration.ofSeconds(60), WireFormat.FLOAT32));
        try {
            // rank 1 never calls: rank 0 waits until it is interrupted, as Spark kills a task
            Thread waiting = Thread.currentThread();
            CompletableFuture.runAsync(() -> {
                sleep(200);
                waiting.interrupt();
            });
            long start = System.nanoTime();
            CollectiveException e = assertThrows(CollectiveException.class, () -> ring.get(0).allReduce(new float[10]));
            assertTrue(Thread.interrupted(), "the interrupt status stays set");
            assertTrue(e.getMessage().startsWith("interrupted while waiting for rank 1"), e.getMessage());
            assertTrue((System.nanoTime() - start) / 1e9 < 5);
        } finally {
            Rings.close(ring);
        }
    }

    @Test
    void aCloseFromAnotherThreadEndsAnOperationInProgress() {
        List<RingCollective> ring = Rings.form(2, Rings.loopback(Duration.ofSeconds(60), WireFormat.FLOAT32));
        try {
            CompletableFuture.runAsync(() -> {
                sleep(200);
                ring.get(0).close();
            });
            long start = System.nanoTime();
            assertThrows(CollectiveException.class, () -> ring.get(0).allReduce(new float[10]));
            assertTrue((System.nanoTime() - start) / 1e9 < 5);
        } finally {
            Rings.close(ring);
        }
    }

    @Test
    void ranksCallingDifferentLengthsFailInsteadOfMixingData() {
        List<RingCollective> ring = Rings.form(2, Rings.loopback(Duration.ofSeconds(10), WireFormat.FLOAT32));
        List<RuntimeException> failures = Rings.onEveryRank(2, rank -> assertThrows(CollectiveException.class,
                () -> ring.get(rank).allReduce(new float[10 + rank])));
        Rings.close(ring);
        assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains("different sizes")),
                failures.get(0).getMessage() + " / " + failures.get(1).getMessage());
    }

    @Test
    void anUnreachablePeerFailsTheJoinWithinTheNamedConnectTimeout() throws IOException {
        CollectiveSettings settings = new CollectiveSettings("127.0.0.1", PortRange.EPHEMERAL,
                new NamedTimeout(SHORT, "test param collectiveConnectTimeout"),
                new NamedTimeout(SHORT, "test param collectiveTimeout"), WireFormat.FLOAT32);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (RingListener listener = RingListener.open(settings)) {
            List<PeerAddress> peers = List.of(listener.address(), new PeerAddress("127.0.0.1", closedPort));
            long start = System.nanoTime();
            CollectiveTimeoutException e = assertThrows(CollectiveTimeoutException.class,
                    () -> listener.join(0, peers, StageSecret.generate()));
            assertTrue(e.getMessage().startsWith("collective connect timeout 1 s (test param"
                    + " collectiveConnectTimeout) exceeded waiting for rank 1 (127.0.0.1:" + closedPort + ")"),
                    e.getMessage());
            assertEquals(1, Math.round((System.nanoTime() - start) / 1e9), "seconds");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
