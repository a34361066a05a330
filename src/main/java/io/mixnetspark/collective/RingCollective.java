package io.mixnetspark.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@code RingCollective} is one rank's end of a ring of TCP connections between the workers of a
 * barrier stage (made by {@link RingListener#join}), and the collectives the training needs over
 * it: {@link #allReduce} of float gradients and {@link #allGather} of small byte arrays.
 *
 * <p><b>allReduce</b> is the bandwidth-optimal ring: the values are cut into one chunk per rank
 * ({@code c * length / size} boundaries); a reduce-scatter of {@code size - 1} steps, in which each
 * rank sends one chunk's partial sum to its right neighbour and adds the chunk received from its
 * left one, leaves each chunk's full sum on one rank; an all-gather of {@code size - 1} steps passes
 * the sums around. Each rank sends and receives {@code 2 (size - 1) / size} times the data. Chunk
 * {@code c}'s sum is always formed in the same order, {@code (((x[c] + x[c+1]) + x[c+2]) + ...)}
 * with ranks taken modulo {@code size}, and then copied, so every rank ends with the same bits
 * whatever the timing; the result depends only on the values, the size and the length.
 *
 * <p>Every rank must call the same operations in the same order with the same lengths (a gradient
 * may be reduced in several calls over ranges, "buckets"); a mismatch is detected and fails. Calls
 * are serialized, so a caller may overlap by reducing finished buckets on its own thread while it
 * computes the next ones. An interrupt of the calling thread, or {@link #close} from another
 * thread, aborts an operation in progress. Any failure (a neighbour closed, stalled past the exchange timeout, or out
 * of step) closes the collective, which makes its neighbours fail fast too, and throws {@link
 * CollectiveException}.
 */
public final class RingCollective implements AutoCloseable {

    /** The largest byte array one rank may contribute to {@link #allGather}. */
    public static final int MAX_GATHER_BYTES = 64 << 20;

    private final int rank;
    private final int size;
    private final WireFormat wire;
    private final RingLinks links;
    private ByteBuffer outBuffer = ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN);
    private float[] scratch = new float[0];
    private long operations;
    private volatile String closedBecause;

    /**
     * Wraps the connected ring ({@code links} is null for a single rank).
     *
     * @param rank this rank
     * @param size how many ranks
     * @param wire the wire format of allReduce
     * @param links the connections to both neighbours, or null when {@code size} is 1
     */
    RingCollective(int rank, int size, WireFormat wire, RingLinks links) {
        this.rank = rank;
        this.size = size;
        this.wire = wire;
        this.links = links;
    }

    /**
     * Returns this rank.
     *
     * @return 0 to {@code size() - 1}
     */
    public int rank() {
        return rank;
    }

    /**
     * Returns how many ranks the ring has.
     *
     * @return at least 1
     */
    public int size() {
        return size;
    }

    /**
     * Sums the arrays of all ranks, element by element, into every rank's array.
     *
     * @param values this rank's values, replaced by the sums
     * @throws CollectiveException when a peer fails, stalls or is out of step
     */
    public void allReduce(float[] values) {
        allReduce(values, 0, values.length);
    }

    /**
     * Sums {@code values[offset, offset + length)} of all ranks into every rank's range (one bucket).
     *
     * @param values this rank's values; the range is replaced by the sums
     * @param offset first index of the range
     * @param length how many values (the same on every rank)
     * @throws CollectiveException when a peer fails, stalls or is out of step
     */
    public synchronized void allReduce(float[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        checkOpen();
        if (size == 1) {
            return;
        }
        long operation = ++operations;
        ChunkLayout chunks = new ChunkLayout(offset, length, size);
        try {
            for (int step = 0; step < size - 1; step++) {
                ByteBuffer in = sendChunk(values, chunks, rank - step, rank - step - 1,
                        "allReduce #" + operation + " reduce-scatter step " + (step + 1));
                int from = chunks.from(rank - step - 1);
                int to = chunks.to(rank - step - 1);
                wire.accumulate(in, values, from, to, scratch(to - from));
            }
            wire.round(values, chunks.from(rank + 1), chunks.to(rank + 1));
            for (int step = 0; step < size - 1; step++) {
                ByteBuffer in = sendChunk(values, chunks, rank + 1 - step, rank - step,
                        "allReduce #" + operation + " all-gather step " + (step + 1));
                wire.decode(in, values, chunks.from(rank - step), chunks.to(rank - step));
            }
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /**
     * Gives every rank every rank's byte array.
     *
     * @param mine this rank's array, at most {@value #MAX_GATHER_BYTES} bytes
     * @return the arrays of all ranks, index = rank
     * @throws CollectiveException when a peer fails, stalls or is out of step
     */
    public synchronized byte[][] allGather(byte[] mine) {
        if (mine.length > MAX_GATHER_BYTES) {
            throw new IllegalArgumentException("allGather takes at most " + MAX_GATHER_BYTES + " bytes, got "
                    + mine.length);
        }
        checkOpen();
        byte[][] all = new byte[size][];
        all[rank] = mine.clone();
        long operation = ++operations;
        try {
            for (int step = 0; step < size - 1; step++) {
                ByteBuffer out = outBuffer(all[Math.floorMod(rank - step, size)].length);
                out.put(all[Math.floorMod(rank - step, size)]).flip();
                ByteBuffer in = links.exchange(out, -1, MAX_GATHER_BYTES,
                        "allGather #" + operation + " step " + (step + 1));
                byte[] received = new byte[in.remaining()];
                in.get(received);
                all[Math.floorMod(rank - step - 1, size)] = received;
            }
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
        return all;
    }

    /**
     * Closes the connections; the neighbours' next operation fails at once. May be called from
     * another thread to abort an operation in progress, which then fails.
     */
    @Override
    public void close() {
        if (closedBecause == null) {
            closedBecause = "closed";
        }
        if (links != null) {
            try {
                links.close();
            } catch (IOException e) {
                // closing: nothing left to tell the peers
            }
        }
    }

    /** Sends chunk {@code send} while receiving chunk {@code receive}'s bytes. */
    private ByteBuffer sendChunk(float[] values, ChunkLayout chunks, int send, int receive, String what)
            throws IOException {
        ByteBuffer out = outBuffer((chunks.to(send) - chunks.from(send)) * wire.bytesPerValue());
        wire.encode(values, chunks.from(send), chunks.to(send), out);
        out.flip();
        return links.exchange(out, (chunks.to(receive) - chunks.from(receive)) * wire.bytesPerValue(), 0, what);
    }

    /** The reusable array for decoded chunks, with room for {@code values}. */
    private float[] scratch(int values) {
        if (scratch.length < values) {
            scratch = new float[values];
        }
        return scratch;
    }

    /** The reusable direct send buffer, cleared, little-endian, with room for {@code bytes}. */
    private ByteBuffer outBuffer(int bytes) {
        if (outBuffer.capacity() < bytes) {
            outBuffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        return outBuffer.clear().limit(bytes);
    }

    private void checkOpen() {
        if (closedBecause != null) {
            throw new CollectiveException("rank " + rank + "'s collective is closed (" + closedBecause + ")");
        }
    }

    /** Closes after a failure, and returns what to throw. */
    private CollectiveException fail(Exception e) {
        CollectiveException failure = e instanceof CollectiveException c ? c
                : new CollectiveException("rank " + rank + "'s collective " + (closedBecause != null
                        ? "was closed during an operation" : "failed: " + e), e);
        closedBecause = "after: " + failure.getMessage();
        close();
        return failure;
    }
}
