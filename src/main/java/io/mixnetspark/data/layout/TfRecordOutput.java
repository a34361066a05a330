package io.mixnetspark.data.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code TfRecordOutput} writes TFRecord framing: for each record its length, the masked CRC-32C
 * of the length, the data and the masked CRC-32C of the data (the format {@link TfRecordInput}
 * reads, and TensorFlow's {@code TFRecordWriter} writes without compression).
 */
public final class TfRecordOutput implements Closeable {

    private final OutputStream out;

    /**
     * Starts a file. The writer owns the stream and closes it.
     *
     * @param out where the bytes go
     */
    public TfRecordOutput(OutputStream out) {
        this.out = out;
    }

    /**
     * Appends one record.
     *
     * @param data the record's bytes
     * @throws IOException when writing fails
     */
    public void write(byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, data.length);
        header.putInt(8, MaskedCrc32c.of(header.array(), 0, 8));
        out.write(header.array());
        out.write(data);
        ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        footer.putInt(0, MaskedCrc32c.of(data, 0, data.length));
        out.write(footer.array());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
