package io.mixnetspark.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * {@code Handshake} is the mutual proof, on a new ring connection, that both ends hold the same
 * {@link StageSecret} and agree on the ring (size, wire format, who is whose neighbour):
 *
 * <ol>
 *   <li>connector: magic, version, ring size, its rank, wire format, a fresh nonce;
 *   <li>acceptor: its own nonce and {@code HMAC(secret, "server" | hello | nonce | its rank, size,
 *       format)};
 *   <li>connector, having checked that: {@code HMAC(secret, "client" | hello | acceptor's nonce)}.
 * </ol>
 *
 * <p>Macs are compared in constant time. The acceptor reads nothing but the handshake from a
 * connection until it has proved itself, and a connection that fails is closed.
 */
final class Handshake {

    private static final int MAGIC = 0x4d58524e; // "MXRN"
    private static final int VERSION = 1;
    private static final int NONCE = 16;
    private static final int MAC = 32;
    private static final int HELLO = 5 * Integer.BYTES + NONCE;
    private static final byte[] SERVER = "server".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT = "client".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StageSecret secret;
    private final int rank;
    private final int size;
    private final WireFormat wire;

    /**
     * Describes this end of the ring.
     *
     * @param secret the stage's secret
     * @param rank this rank
     * @param size how many ranks
     * @param wire the wire format of allReduce
     */
    Handshake(StageSecret secret, int rank, int size, WireFormat wire) {
        this.secret = secret;
        this.rank = rank;
        this.size = size;
        this.wire = wire;
    }

    /**
     * Proves this rank to the peer it connected to, and checks the peer's proof.
     *
     * @param channel the connection
     * @param peerRank the rank expected at the other end
     * @param deadline when to give up
     * @param who the peer, for messages
     * @throws CollectiveException when the peer's proof is wrong
     */
    void connector(SocketChannel channel, int peerRank, Deadline deadline, String who) throws IOException {
        ByteBuffer hello = ByteBuffer.allocate(HELLO).putInt(MAGIC).putInt(VERSION).putInt(size).putInt(rank)
                .putInt(wire.ordinal()).put(nonce());
        TimedChannels.writeFully(channel, hello.flip(), deadline, who);
        ByteBuffer reply = ByteBuffer.allocate(NONCE + MAC);
        TimedChannels.readFully(channel, reply, deadline, who);
        byte[] peerNonce = new byte[NONCE];
        byte[] peerMac = new byte[MAC];
        reply.flip().get(peerNonce).get(peerMac);
        if (!MessageDigest.isEqual(peerMac, serverMac(hello.array(), peerNonce, peerRank))) {
            throw new CollectiveException("handshake with " + who + " failed: it holds another stage secret, or"
                    + " disagrees on the ring size (" + size + "), the wire format (" + wire + ") or its rank");
        }
        TimedChannels.writeFully(channel, ByteBuffer.wrap(secret.mac(CLIENT, hello.array(), peerNonce)), deadline,
                who);
    }

    /**
     * Checks the proof of a peer that connected here, and proves this rank to it.
     *
     * @param channel the accepted connection
     * @param expectedRank the rank that should connect (the left neighbour)
     * @param deadline when to give up
     * @param who the connection, for messages
     * @return null when the peer is accepted, else why it is not
     */
    String acceptor(SocketChannel channel, int expectedRank, Deadline deadline, String who) throws IOException {
        ByteBuffer hello = ByteBuffer.allocate(HELLO);
        TimedChannels.readFully(channel, hello, deadline, who);
        hello.flip();
        if (hello.getInt() != MAGIC || hello.getInt() != VERSION) {
            return who + " does not speak this protocol";
        }
        int peerSize = hello.getInt();
        int peerRank = hello.getInt();
        int peerWire = hello.getInt();
        byte[] nonce = nonce();
        ByteBuffer reply = ByteBuffer.allocate(NONCE + MAC).put(nonce).put(serverMac(hello.array(), nonce, rank));
        TimedChannels.writeFully(channel, reply.flip(), deadline, who);
        ByteBuffer proof = ByteBuffer.allocate(MAC);
        TimedChannels.readFully(channel, proof, deadline, who);
        if (!MessageDigest.isEqual(proof.array(), secret.mac(CLIENT, hello.array(), nonce))) {
            return who + " failed the handshake (it holds another stage secret)";
        }
        if (peerSize != size || peerWire != wire.ordinal()) {
            return who + " proved the secret but has a ring of " + peerSize + " ranks with wire format "
                    + peerWire + ", not " + size + " with " + wire.ordinal();
        }
        return peerRank == expectedRank ? null
                : who + " proved the secret but claims rank " + peerRank + ", not " + expectedRank;
    }

    /** The acceptor's mac, over the hello, its nonce and the ring as the acceptor sees it. */
    private byte[] serverMac(byte[] hello, byte[] serverNonce, int serverRank) {
        byte[] ring = ByteBuffer.allocate(3 * Integer.BYTES).putInt(serverRank).putInt(size).putInt(wire.ordinal())
                .array();
        return secret.mac(SERVER, hello, serverNonce, ring);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
