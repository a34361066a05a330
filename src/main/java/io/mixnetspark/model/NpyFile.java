package io.mixnetspark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code NpyFile} reads a NumPy {@code .npy} array (through DJL's decoder, once {@link NpyHeader}
 * has checked the header against the file) and writes float32
 * arrays in NumPy's format version 1.0 (C order, little-endian), the exchange format of {@code
 * mixnet infer-tensor}.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyFile() {}

    /**
     * Reads a {@code .npy} file.
     *
     * @param manager owns the created array
     * @param file the file
     * @return the array
     * @throws IOException when the file is unreadable or not a NumPy array
     */
    public static NDArray read(NDManager manager, Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream header = Files.newInputStream(file); InputStream in = Files.newInputStream(file)) {
            NpyHeader.check(header, size);
            return NDList.decode(manager, in).singletonOrThrow();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a readable .npy array: " + e.getMessage(), e);
        }
    }

    /**
     * Writes an array as float32 {@code .npy}.
     *
     * @param array the array (converted to float32 if needed)
     * @param out the stream
     * @throws IOException when writing fails
     */
    public static void write(NDArray array, OutputStream out) throws IOException {
        String shape = Arrays.stream(array.getShape().getShape())
                .mapToObj(Long::toString)
                .collect(Collectors.joining(", "));
        if (array.getShape().dimension() == 1) {
            shape += ",";
        }
        StringBuilder header = new StringBuilder(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }");
        while ((MAGIC.length + 2 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) headerBytes.length).array());
        out.write(headerBytes);
        try (NDArray f = array.toType(DataType.FLOAT32, true)) {
            ByteBuffer data = f.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            out.write(bytes);
        }
    }
}
