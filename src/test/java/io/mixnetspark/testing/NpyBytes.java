package io.mixnetspark.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code NpyBytes} reads an uint8 {@code .npy} array (as NumPy's {@code np.save} writes it) without
 * DJL, for tests of packages that must not depend on it.
 */
public final class NpyBytes {

    private NpyBytes() {}

    /**
     * Reads the array's bytes in C order.
     *
     * @param file the .npy file
     * @param expectedShape the shape it must have, e.g. {@code "(224, 224, 3)"}
     * @return the data
     * @throws IOException when the file is not an uint8 array of that shape
     */
    public static byte[] read(Path file, String expectedShape) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 10 || all[0] != (byte) 0x93 || all[1] != 'N') {
            throw new IOException(file + " is not a .npy file");
        }
        int headerLength = all[6] == 1 ? (all[8] & 0xFF) | (all[9] & 0xFF) << 8 : -1;
        if (headerLength < 0) {
            throw new IOException(file + ": only .npy version 1 is read here");
        }
        String header = new String(all, 10, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'|u1'") || !header.contains("'fortran_order': False")
                || !header.contains("'shape': " + expectedShape)) {
            throw new IOException(file + ": expected C-order uint8 " + expectedShape + ", header " + header);
        }
        return Arrays.copyOfRange(all, 10 + headerLength, all.length);
    }
}
