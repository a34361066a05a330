package io.mixnetspark.spark.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * {@code Messages} turns what training workers exchange into the strings {@code
 * BarrierTaskContext.allGather} carries: small serializable objects (accumulators, epoch figures)
 * as Base64 of Java serialization. Gradients do not pass here: they travel over the workers' ring.
 */
final class Messages {

    private Messages() {}

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
