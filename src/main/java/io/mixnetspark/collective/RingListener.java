package io.mixnetspark.collective;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code RingListener} is how a rank enters the ring, in two steps around one exchange of
 * addresses (in Spark, one {@code BarrierTaskContext.allGather}):
 *
 * <pre>{@code
 * try (RingListener listener = RingListener.open(settings)) {
 *     List<PeerAddress> peers = publish(listener.address());   // every rank's address, index = rank
 *     RingCollective ring = listener.join(rank, peers, secret);
 * }
 * }</pre>
 *
 * <p>{@link #join} connects to the right neighbour (rank + 1) while accepting, on another thread,
 * the left one (rank - 1), each authenticated by the {@link Handshake}; connections that fail it
 * are closed and accepting goes on until the connect timeout. The listener stops listening once
 * the ring is formed, so no later connection is accepted.
 */
public final class RingListener implements AutoCloseable {

    private final CollectiveSettings settings;
    private final ServerSocketChannel server;
    private final PeerAddress address;

    private RingListener(CollectiveSettings settings, ServerSocketChannel server) throws IOException {
        this.settings = settings;
        this.server = server;
        this.address = new PeerAddress(settings.host(), ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    /**
     * Starts listening on the settings' host, on the first free port of their range.
     *
     * @param settings where to listen and how long to wait
     * @return the listener
     * @throws IOException when the host cannot be bound or no port of the range is free
     */
    public static RingListener open(CollectiveSettings settings) throws IOException {
        ServerSocketChannel server = settings.ports().bind(InetAddress.getByName(settings.host()));
        try {
            server.configureBlocking(false);
            return new RingListener(settings, server);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Returns where this rank listens, to publish to the other ranks.
     *
     * @return host and port
     */
    public PeerAddress address() {
        return address;
    }

    /**
     * Forms the ring with the other ranks and stops listening.
     *
     * @param rank this rank
     * @param peers every rank's published address, index = rank
     * @param secret the stage's secret, the same on every rank
     * @return the connected collective
     * @throws CollectiveException when a neighbour is not reached, fails the handshake, or the connect
     *     timeout runs out
     * @throws IllegalArgumentException when {@code peers[rank]} is not this listener's address
     */
    public RingCollective join(int rank, List<PeerAddress> peers, StageSecret secret) {
        int size = peers.size();
        if (rank < 0 || rank >= size || !peers.get(rank).equals(address)) {
            throw new IllegalArgumentException("rank " + rank + " of " + size + " is not this listener's "
                    + address + " in " + peers);
        }
        try (server) {
            if (size == 1) {
                return new RingCollective(rank, 1, settings.wire(), null);
            }
            return connect(rank, peers, new Handshake(secret, rank, size, settings.wire()));
        } catch (IOException e) {
            throw new CollectiveException("rank " + rank + " could not form the ring: " + e, e);
        }
    }

    private RingCollective connect(int rank, List<PeerAddress> peers, Handshake handshake) throws IOException {
        int size = peers.size();
        int left = Math.floorMod(rank - 1, size);
        int right = Math.floorMod(rank + 1, size);
        String leftName = name(left, peers);
        String rightName = name(right, peers);
        Deadline deadline = new Deadline(settings.connectTimeout(), "collective connect timeout");
        CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(
                () -> acceptLeft(handshake, left, leftName, deadline), task -> startThread(task, rank));
        SocketChannel toRight = null;
        try {
            toRight = TimedChannels.connect(peers.get(right).socketAddress(), deadline, rightName);
            handshake.connector(toRight, right, deadline, rightName);
            return new RingCollective(rank, size, settings.wire(),
                    new RingLinks(accepted.join(), toRight, leftName, rightName, settings.exchangeTimeout()));
        } catch (CompletionException e) {
            close(toRight);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (IOException | RuntimeException e) {
            close(toRight);
            accepted.thenAccept(RingListener::close); // the accept thread ends at the deadline or when the server closes
            throw e;
        }
    }

    /** Accepts connections until one is the left neighbour with the secret. */
    private SocketChannel acceptLeft(Handshake handshake, int left, String leftName, Deadline deadline) {
        String rejected = "";
        while (true) {
            SocketChannel channel = null;
            try {
                channel = TimedChannels.accept(server, deadline, leftName + rejected);
                String who = "a connection from " + channel.getRemoteAddress();
                String refusal = handshake.acceptor(channel, left, deadline, who);
                if (refusal == null) {
                    return channel;
                }
                rejected = "; rejected " + refusal;
            } catch (CollectiveTimeoutException e) {
                close(channel);
                throw e;
            } catch (IOException | CollectiveException e) {
                if (!server.isOpen()) {
                    throw new CollectiveException("stopped accepting " + leftName, e);
                }
                rejected = "; rejected a connection: " + e.getMessage();
            }
            close(channel);
        }
    }

    private static String name(int rank, List<PeerAddress> peers) {
        return "rank " + rank + " (" + peers.get(rank) + ")";
    }

    private static void startThread(Runnable task, int rank) {
        Thread thread = new Thread(task, "collective-accept-rank-" + rank);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing: the first error is the one reported
            }
        }
    }

    /** Stops listening (when {@link #join} was not called, or failed before forming the ring). */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
