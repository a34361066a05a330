package io.mixnetspark.collective;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * {@code TimedChannels} does the blocking steps of setting up the ring (connect, accept, read and
 * write a handshake message) on non-blocking channels, each bounded by a {@link Deadline}.
 */
final class TimedChannels {

    private static final long RETRY_MILLIS = 50;
    private static final long CLOSE_POLL_MILLIS = 200;

    private TimedChannels() {}

    /**
     * Connects to a peer, retrying while it refuses (its listener is open before its address is
     * published, so refusals are rare and short).
     *
     * @param address the peer
     * @param deadline when to give up
     * @param who the peer, for messages, e.g. {@code "rank 2 (host:port)"}
     * @return the connected channel, non-blocking, with TCP_NODELAY
     */
    static SocketChannel connect(InetSocketAddress address, Deadline deadline, String who) throws IOException {
        while (true) {
            SocketChannel channel = open();
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                boolean connected = channel.connect(address);
                while (!connected) {
                    selector.select(deadline.remainingMillis(who + " to accept our connection"));
                    connected = channel.finishConnect();
                }
                return channel;
            } catch (ConnectException e) {
                channel.close();
                sleep(Math.min(RETRY_MILLIS, deadline.remainingMillis(who + " to listen (" + e.getMessage() + ")")));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /**
     * Accepts the next connection.
     *
     * @param server the listening channel, non-blocking
     * @param deadline when to give up
     * @param who the peer expected, for messages
     * @return the accepted channel, non-blocking, with TCP_NODELAY
     */
    static SocketChannel accept(ServerSocketChannel server, Deadline deadline, String who) throws IOException {
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    configure(channel);
                    return channel;
                }
                // short waits, so that closing the server ends this loop soon
                selector.select(Math.min(CLOSE_POLL_MILLIS, deadline.remainingMillis(who + " to connect")));
            }
        }
    }

    /**
     * Reads until the buffer is full.
     *
     * @throws CollectiveException when the peer closes first
     */
    static void readFully(SocketChannel channel, ByteBuffer buffer, Deadline deadline, String who) throws IOException {
        transfer(channel, buffer, deadline, who, SelectionKey.OP_READ);
    }

    /** Writes the whole buffer. */
    static void writeFully(SocketChannel channel, ByteBuffer buffer, Deadline deadline, String who) throws IOException {
        transfer(channel, buffer, deadline, who, SelectionKey.OP_WRITE);
    }

    private static void transfer(SocketChannel channel, ByteBuffer buffer, Deadline deadline, String who, int op)
            throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, op);
            while (buffer.hasRemaining()) {
                int n = op == SelectionKey.OP_READ ? channel.read(buffer) : channel.write(buffer);
                if (n < 0) {
                    throw new CollectiveException(who + " closed the connection during the handshake");
                }
                if (n == 0) {
                    selector.select(deadline.remainingMillis(who + " during the handshake"));
                }
            }
        }
    }

    private static SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        configure(channel);
        return channel;
    }

    private static void configure(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectiveException("interrupted while connecting the ring", e);
        }
    }
}
