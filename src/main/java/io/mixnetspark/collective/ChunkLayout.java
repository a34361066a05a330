package io.mixnetspark.collective;

/**
 * {@code ChunkLayout} splits {@code length} values into one chunk per rank for the ring: chunk
 * {@code c} is {@code [c * length / ranks, (c + 1) * length / ranks)}, so sizes differ by at most
 * one and some are empty when there are fewer values than ranks. Every rank computes the same
 * layout from the same length, so no sizes cross the wire.
 */
final class ChunkLayout {

    private final int offset;
    private final long length;
    private final int ranks;

    /**
     * Creates the layout of {@code values[offset, offset + length)}.
     *
     * @param offset index of the first value
     * @param length how many values
     * @param ranks how many chunks
     */
    ChunkLayout(int offset, int length, int ranks) {
        this.offset = offset;
        this.length = length;
        this.ranks = ranks;
    }

    /** Index of chunk {@code c}'s first value; {@code c} may be any integer (taken modulo the ranks). */
    int from(int c) {
        return offset + (int) (Math.floorMod(c, ranks) * length / ranks);
    }

    /** Index past chunk {@code c}'s last value; {@code c} may be any integer (taken modulo the ranks). */
    int to(int c) {
        return offset + (int) ((Math.floorMod(c, ranks) + 1) * length / ranks);
    }
}
