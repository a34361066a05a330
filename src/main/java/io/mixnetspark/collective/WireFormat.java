package io.mixnetspark.collective;

import java.nio.ByteBuffer;

/**
 * {@code WireFormat} is how {@link RingCollective#allReduce} puts floats on the wire: exact
 * float32 (the default), or float16 / bfloat16 at half the bytes. Sums are always kept in float32;
 * with a 16-bit format every partial sum is rounded (to nearest, ties to even) before it is sent,
 * and the finished sum is rounded once more on its owner before it is shared, so every rank still
 * ends with the same bits. float16 overflows above 65504 (scale gradients accordingly); bfloat16
 * keeps float32's range with 8 bits of precision.
 */
public enum WireFormat {

    /** IEEE-754 single precision, 4 bytes: exact. */
    FLOAT32(4) {
        @Override
        void put(ByteBuffer out, float value) {
            out.putFloat(value);
        }

        @Override
        float get(ByteBuffer in) {
            return in.getFloat();
        }
    },

    /** IEEE-754 half precision, 2 bytes: 11 significant bits, largest 65504. */
    FLOAT16(2) {
        @Override
        void put(ByteBuffer out, float value) {
            out.putShort(HalfFloats.toFloat16(value));
        }

        @Override
        float get(ByteBuffer in) {
            return HalfFloats.fromFloat16(in.getShort());
        }
    },

    /** The upper half of a float32, 2 bytes: 8 significant bits, float32's range. */
    BFLOAT16(2) {
        @Override
        void put(ByteBuffer out, float value) {
            out.putShort(HalfFloats.toBfloat16(value));
        }

        @Override
        float get(ByteBuffer in) {
            return HalfFloats.fromBfloat16(in.getShort());
        }
    };

    private final int bytes;

    WireFormat(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the bytes one value takes on the wire.
     *
     * @return 4 or 2
     */
    public int bytesPerValue() {
        return bytes;
    }

    /** Writes one value at the buffer's position. */
    abstract void put(ByteBuffer out, float value);

    /** Reads one value from the buffer's position. */
    abstract float get(ByteBuffer in);

    /**
     * Writes {@code values[from, to)} at the buffer's position.
     *
     * @param values the source
     * @param from first index
     * @param to index past the last
     * @param out the buffer, little-endian, with room for the values
     */
    void encode(float[] values, int from, int to, ByteBuffer out) {
        if (this == FLOAT32) {
            out.asFloatBuffer().put(values, from, to - from);
            out.position(out.position() + 4 * (to - from));
            return;
        }
        for (int i = from; i < to; i++) {
            put(out, values[i]);
        }
    }

    /**
     * Reads {@code to - from} values from the buffer's position into {@code values[from, to)}.
     *
     * @param in the buffer, little-endian
     * @param values the destination
     * @param from first index
     * @param to index past the last
     */
    void decode(ByteBuffer in, float[] values, int from, int to) {
        if (this == FLOAT32) {
            in.asFloatBuffer().get(values, from, to - from);
            return;
        }
        for (int i = from; i < to; i++) {
            values[i] = get(in);
        }
    }

    /**
     * Adds {@code to - from} values from the buffer's position to {@code values[from, to)}, as
     * {@code values[i] = received + values[i]} (the ring's fixed order: partial sum first).
     *
     * @param in the buffer, little-endian
     * @param values the partial sums to add to
     * @param from first index
     * @param to index past the last
     * @param scratch room for {@code to - from} decoded values (a plain array loop vectorizes)
     */
    void accumulate(ByteBuffer in, float[] values, int from, int to, float[] scratch) {
        int n = to - from;
        decode(in, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            values[from + i] = scratch[i] + values[from + i];
        }
    }

    /**
     * Rounds {@code values[from, to)} in place to what this format carries.
     *
     * @param values the values
     * @param from first index
     * @param to index past the last
     */
    void round(float[] values, int from, int to) {
        if (this == FLOAT32) {
            return;
        }
        ByteBuffer one = ByteBuffer.allocate(bytes);
        for (int i = from; i < to; i++) {
            one.clear();
            put(one, values[i]);
            one.flip();
            values[i] = get(one);
        }
    }
}
