package io.mixnetspark.data.layout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code MatBytes} writes MATLAB Level 5 MAT-file pieces (little-endian) for tests, honest or
 * lying: element tags with any size, matrices of any class and dimensions.
 */
final class MatBytes {

    static final int MI_INT8 = 1;
    static final int MI_INT32 = 5;
    static final int MI_UINT32 = 6;
    static final int MI_DOUBLE = 9;
    static final int MI_MATRIX = 14;
    static final int MI_COMPRESSED = 15;
    static final int MI_UTF8 = 16;
    static final int MX_CELL = 1;
    static final int MX_STRUCT = 2;
    static final int MX_CHAR = 4;
    static final int MX_DOUBLE = 6;

    private MatBytes() {}

    /** The 128-byte header of a little-endian Level 5 file. */
    static byte[] header() {
        byte[] header = new byte[128];
        Arrays.fill(header, 0, 116, (byte) ' ');
        byte[] text = "MATLAB 5.0 MAT-file, written by a test".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        header[124] = 0;
        header[125] = 1;
        header[126] = 'I';
        header[127] = 'M';
        return header;
    }

    /** A whole file: the header, then the elements. */
    static byte[] file(byte[]... elements) {
        return concat(header(), concat(elements));
    }

    /** An element: its 8-byte tag, its data and padding to 8 bytes. */
    static byte[] element(int type, byte[] data) {
        return concat(tag(type, data.length), data, new byte[(8 - data.length % 8) % 8]);
    }

    /** A tag alone, claiming any size. */
    static byte[] tag(int type, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(size).array();
    }

    /** The flags, dimensions and name sub-elements that open a matrix. */
    static byte[] matrixHead(int arrayClass, int[] dims, String name) {
        ByteBuffer flags = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(arrayClass).putInt(0);
        ByteBuffer dimensions = ByteBuffer.allocate(4 * dims.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int dim : dims) {
            dimensions.putInt(dim);
        }
        return concat(element(MI_UINT32, flags.array()), element(MI_INT32, dimensions.array()),
                element(MI_INT8, name.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A matrix element: head then contents. */
    static byte[] matrix(int arrayClass, int[] dims, String name, byte[]... contents) {
        return element(MI_MATRIX, concat(matrixHead(arrayClass, dims, name), concat(contents)));
    }

    /** A 1x1 double. */
    static byte[] number(double value) {
        return matrix(MX_DOUBLE, new int[] {1, 1}, "",
                element(MI_DOUBLE, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array()));
    }

    /** A one-row char array. */
    static byte[] text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return matrix(MX_CHAR, new int[] {1, utf8.length}, "", element(MI_UTF8, utf8));
    }

    /** The field-name length and field-name sub-elements of a struct, names padded to 32 bytes. */
    static byte[] fieldNames(String... names) {
        byte[] padded = new byte[32 * names.length];
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, padded, 32 * i, name.length);
        }
        byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(32).array();
        return concat(element(MI_INT32, length), element(MI_INT8, padded));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
