package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npy} files round-trip, and lying headers are refused with a message before any allocation. */
class NpyFileTest {

    @TempDir
    Path tmp;

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void writtenArraysReadBack() throws IOException {
        Path file = tmp.resolve("a.npy");
        try (NDArray array = manager.arange(6f).reshape(2, 3); OutputStream out = Files.newOutputStream(file)) {
            NpyFile.write(array, out);
        }
        NDArray read = NpyFile.read(manager, file);
        assertArrayEquals(new long[] {2, 3}, read.getShape().getShape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, read.toFloatArray());
    }

    @Test
    void shapesThatOverflowOrAreNegativeAreRefusedInWords() throws IOException {
        assertRefused(version1("(2147483647, 2147483647, 3)", 16), "more than 2147483647 bytes");
        assertRefused(version1("(461168601842738790, 40)", 16), "more than 2147483647 bytes");
        assertRefused(version1("(-1, 3)", 16), "not a whole number");
        assertRefused(version1("(1, 99999999999999999999)", 16), "not a whole number");
        assertRefused(version1("(1000, 1000)", 16), "declares 4000000 bytes of data, the file holds 16");
    }

    @Test
    void hugeHeaderLengthsAreRefusedWithoutAllocatingThem() throws IOException {
        assertRefused(header(2, Integer.MAX_VALUE), "MAX_HEADER_BYTES");
        assertRefused(header(3, -1), "MAX_HEADER_BYTES");
        assertRefused(header(1, 0xFFFF), "MAX_HEADER_BYTES");
        assertRefused(header(1, 200), "ends inside its header");
    }

    @Test
    void otherHeadersAreRefusedInWords() throws IOException {
        byte[] fortran = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", 8);
        assertRefused(fortran, "C-order");
        assertRefused("not numpy at all".getBytes(StandardCharsets.US_ASCII), "magic");
    }

    private void assertRefused(byte[] content, String expected) throws IOException {
        Path file = Files.write(tmp.resolve("bad.npy"), content);
        long before = usedHeap();
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> NpyFile.read(manager, file)));
        assertTrue(e.getMessage().contains("bad.npy") && e.getMessage().contains(expected), e.getMessage());
        assertTrue(usedHeap() - before < 64L << 20, "refusing took " + (usedHeap() - before) + " bytes of heap");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static byte[] version1(String shape, int dataBytes) throws IOException {
        return npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }", dataBytes);
    }

    private static byte[] npy(int version, String dict, int dataBytes) throws IOException {
        byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(version, text.length));
        out.write(text);
        out.write(new byte[dataBytes]);
        return out.toByteArray();
    }

    /** The magic, the version and a header length as the version writes it, and nothing more. */
    private static byte[] header(int version, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            buffer.putShort((short) length);
        } else {
            buffer.putInt(length);
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
