package io.mixnetspark.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * {@code RingLinks} are one rank's two ring connections, and the one thing the algorithms do with
 * them: a step that sends a message to the right neighbour while receiving the left neighbour's
 * message of the same step, both at once on one selector (so neither side's socket buffers can
 * deadlock the ring), bounded by the exchange timeout.
 *
 * <p>Each message has an 8-byte header: the step's sequence number and the payload's length, so
 * that ranks that call different operations, or the same one with different lengths, fail with a
 * clear message instead of mixing up data.
 */
final class RingLinks implements AutoCloseable {

    private static final int HEADER = 2 * Integer.BYTES;

    private final SocketChannel left;
    private final SocketChannel right;
    private final String leftName;
    private final String rightName;
    private final NamedTimeout timeout;
    private final Selector selector;
    private final SelectionKey leftKey;
    private final SelectionKey rightKey;
    private final ByteBuffer outHeader = ByteBuffer.allocateDirect(HEADER);
    private final ByteBuffer inHeader = ByteBuffer.allocateDirect(HEADER);
    private ByteBuffer inBody = ByteBuffer.allocateDirect(0);
    private int sequence;

    /**
     * Takes over the two connected, authenticated channels (non-blocking).
     *
     * @param left the connection from the left neighbour, which this rank receives from
     * @param right the connection to the right neighbour, which this rank sends to
     * @param leftName the left neighbour, for messages
     * @param rightName the right neighbour, for messages
     * @param timeout the limit of one step
     */
    RingLinks(SocketChannel left, SocketChannel right, String leftName, String rightName, NamedTimeout timeout)
            throws IOException {
        this.left = left;
        this.right = right;
        this.leftName = leftName;
        this.rightName = rightName;
        this.timeout = timeout;
        this.selector = Selector.open();
        this.leftKey = left.register(selector, 0);
        this.rightKey = right.register(selector, 0);
    }

    /**
     * Sends {@code out}'s remaining bytes to the right while receiving the left's message.
     *
     * @param out the payload to send
     * @param expected the payload length the left must send, or -1 for any up to {@code max}
     * @param max the largest payload accepted when {@code expected} is -1
     * @param what the step, for messages, e.g. {@code "allReduce #3 reduce-scatter step 1"}
     * @return the received payload, from position 0 to its length, little-endian; valid until the next step
     * @throws CollectiveException when a neighbour closes, lags past the timeout or sends what was not expected
     */
    ByteBuffer exchange(ByteBuffer out, int expected, int max, String what) throws IOException {
        Deadline deadline = new Deadline(timeout, "collective timeout");
        sequence++;
        outHeader.clear().putInt(sequence).putInt(out.remaining()).flip();
        ByteBuffer[] outgoing = {outHeader, out};
        inHeader.clear();
        ByteBuffer body = null;
        boolean sending = true;
        boolean receiving = true;
        while (sending || receiving) {
            rightKey.interestOps(sending ? SelectionKey.OP_WRITE : 0);
            leftKey.interestOps(receiving ? SelectionKey.OP_READ : 0);
            selector.selectedKeys().clear();
            selector.select(deadline.remainingMillis(receiving ? leftName + " to send " + what
                    : rightName + " to take " + what));
            if (sending && selector.selectedKeys().contains(rightKey)) {
                write(outgoing, what);
                sending = out.hasRemaining();
            }
            if (receiving && selector.selectedKeys().contains(leftKey)) {
                if (body == null) {
                    read(inHeader, what);
                    if (!inHeader.hasRemaining()) {
                        body = body(expected, max, what);
                    }
                } else {
                    read(body, what);
                }
                receiving = body == null || body.hasRemaining();
            }
        }
        return body.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks the received header and returns the buffer for its payload. */
    private ByteBuffer body(int expected, int max, String what) {
        inHeader.flip();
        int peerSequence = inHeader.getInt();
        int length = inHeader.getInt();
        if (peerSequence != sequence) {
            throw new CollectiveException(leftName + " is at ring step " + peerSequence + ", this rank at "
                    + sequence + " (" + what + "): the ranks did not call the same operations");
        }
        if (expected >= 0 ? length != expected : length < 0 || length > max) {
            throw new CollectiveException(leftName + " sent " + length + " bytes for " + what + ", expected "
                    + (expected >= 0 ? expected : "at most " + max) + ": the ranks called it with different sizes");
        }
        if (inBody.capacity() < length) {
            inBody = ByteBuffer.allocateDirect(length);
        }
        return inBody.clear().limit(length);
    }

    private void read(ByteBuffer into, String what) {
        try {
            if (left.read(into) < 0) {
                throw new CollectiveException(leftName + " closed its connection during " + what
                        + " (its task failed or was killed)");
            }
        } catch (IOException e) {
            throw new CollectiveException("lost the connection from " + leftName + " during " + what, e);
        }
    }

    private void write(ByteBuffer[] outgoing, String what) {
        try {
            right.write(outgoing);
        } catch (IOException e) {
            throw new CollectiveException("lost the connection to " + rightName + " during " + what, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (selector; left; right) {
            // closes all three, even when one fails
        }
    }
}
