package io.mixnetspark.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a rank listens: its host, the port range, and the addresses it publishes. */
class RingListenerTest {

    @Test
    void theFirstFreePortOfTheRangeIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int first = taken.getLocalPort();
            PortRange range = new PortRange(first, Math.min(65535, first + 20));
            try (RingListener listener = RingListener.open(settings(range))) {
                int port = listener.address().port();
                assertTrue(port > first && port <= range.last(), port + " outside " + range + " or the taken port");
                assertEquals("127.0.0.1", listener.address().host());
            }
        }
    }

    @Test
    void aRangeWithNoFreePortFailsNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PortRange range = new PortRange(taken.getLocalPort(), taken.getLocalPort());
            BindException e = assertThrows(BindException.class, () -> RingListener.open(settings(range)));
            assertTrue(e.getMessage().contains("no free port in " + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void joiningWithAListThatDoesNotHoldThisListenerIsRefused() throws IOException {
        try (RingListener listener = RingListener.open(settings(PortRange.EPHEMERAL))) {
            List<PeerAddress> peers = List.of(new PeerAddress("127.0.0.1", 1), listener.address());
            assertThrows(IllegalArgumentException.class, () -> listener.join(0, peers, StageSecret.generate()));
        }
    }

    @Test
    void addressesAndRangesReadBackWhatTheyWrite() {
        for (String text : new String[] {"10.0.0.5:40001", "[::1]:7077", "exec-3.cluster:1"}) {
            assertEquals(text, PeerAddress.parse(text).toString());
        }
        assertEquals("::1", PeerAddress.parse("[::1]:7077").host());
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("host"));
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("host:0"));
        assertEquals(new PortRange(40000, 40100), PortRange.parse("40000-40100"));
        assertEquals(PortRange.EPHEMERAL, PortRange.parse("0"));
        assertEquals("40000-40100", new PortRange(40000, 40100).toString());
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("40100-40000"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("0-10"));
    }

    @Test
    void theSecretTravelsAsTextAndNeverShowsInLogs() {
        StageSecret secret = StageSecret.generate();
        assertEquals(secret.encoded(), StageSecret.decode(secret.encoded()).encoded());
        assertEquals("StageSecret[hidden]", secret.toString());
        assertThrows(IllegalArgumentException.class, () -> StageSecret.decode("c2hvcnQ="));
    }

    private static CollectiveSettings settings(PortRange ports) {
        CollectiveSettings loopback = Rings.loopback(Duration.ofSeconds(5), WireFormat.FLOAT32);
        return new CollectiveSettings(loopback.host(), ports, loopback.connectTimeout(), loopback.exchangeTimeout(),
                loopback.wire());
    }
}
