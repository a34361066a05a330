package io.mixnetspark.spark.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * {@code Messages} turns what training workers exchange into the strings {@code
 * BarrierTaskContext.allGather} carries: float vectors as Base64 of little-endian IEEE-754 bytes
 * (exact, so every worker decodes the same bits) and small serializable objects (counts,
 * accumulators) as Base64 of Java serialization.
 */
final class Messages {

    private Messages() {}

    /** Base64 characters per float: 4 bytes become 16/3 characters. */
    static final double CHARS_PER_FLOAT = 16.0 / 3.0;

    /** Encodes {@code values[from, to)}. */
    static String floats(float[] values, int from, int to) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values, from, to - from);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Decodes what {@link #floats(float[], int, int)} encoded. */
    static float[] floats(String message) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(message)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    /** Encodes a serializable object. */
    static String object(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Decodes what {@link #object(Serializable)} encoded. */
    static <T> T object(String message, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(message)))) {
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
