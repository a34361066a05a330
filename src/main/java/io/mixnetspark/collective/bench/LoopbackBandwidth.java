package io.mixnetspark.collective.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * {@code LoopbackBandwidth} measures what one TCP stream over loopback carries on this machine:
 * a sender thread writes a buffer to a receiver thread in the same JVM, blocking, direct buffers;
 * the best of several copies counts. It is the denominator of the ring's lower bound.
 */
final class LoopbackBandwidth {

    private LoopbackBandwidth() {}

    /**
     * Copies {@code bytes} over loopback {@code repeats} times.
     *
     * @param bytes how much one copy moves
     * @param repeats how many copies (the best counts)
     * @return bytes per second of the fastest copy
     */
    static double bytesPerSecond(int bytes, int repeats) {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<Void> receiver = CompletableFuture.runAsync(() -> receive(server, bytes, repeats));
            double best = 0;
            try (SocketChannel sender = SocketChannel.open(server.getLocalAddress())) {
                ByteBuffer data = ByteBuffer.allocateDirect(bytes);
                ByteBuffer ack = ByteBuffer.allocate(1);
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    data.clear();
                    while (data.hasRemaining()) {
                        sender.write(data);
                    }
                    ack.clear();
                    sender.read(ack); // the receiver has everything
                    best = Math.max(best, bytes / ((System.nanoTime() - start) / 1e9));
                }
            }
            receiver.join();
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void receive(ServerSocketChannel server, int bytes, int repeats) {
        try (SocketChannel channel = server.accept()) {
            ByteBuffer data = ByteBuffer.allocateDirect(bytes);
            for (int r = 0; r < repeats; r++) {
                data.clear();
                while (data.hasRemaining()) {
                    channel.read(data);
                }
                channel.write(ByteBuffer.allocate(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
