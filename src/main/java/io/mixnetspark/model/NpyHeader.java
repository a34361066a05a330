package io.mixnetspark.model;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NpyHeader} checks the header of a NumPy {@code .npy} file before anything is allocated
 * from it: the header length is bounded, every dimension is a non-negative number and the data the
 * shape declares fits a Java array and the bytes the file holds. A lying header gives a message
 * instead of a {@code NegativeArraySizeException}, an integer overflow or an allocation of the
 * declared size.
 */
final class NpyHeader {

    /**
     * The longest header read: NumPy's own {@code np.load} refuses longer ones by default ({@code
     * max_header_size=10000}), and real headers of any shape are under 200 bytes.
     */
    static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern FIELDS = Pattern.compile(
            "\\{'descr': '([<>|=]?[a-zA-Z]\\d{1,2})', 'fortran_order': False, 'shape': \\(([^)]*)\\),? *}");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,18}");

    private NpyHeader() {}

    /**
     * Reads and checks the header at the start of a stream.
     *
     * @param in the stream, left after the header
     * @param fileBytes the file's size
     * @throws IllegalArgumentException when the header is malformed or cut short, or declares data
     *     larger than a Java array or than the file
     * @throws IOException when reading fails
     */
    static void check(InputStream in, long fileBytes) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a .npy file (no \\x93NUMPY magic)");
            }
            int major = data.readUnsignedByte();
            data.readUnsignedByte();
            long length = switch (major) {
                case 1 -> Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
                case 2, 3 -> Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
                default -> throw new IllegalArgumentException("unknown .npy format version " + major);
            };
            if (length > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("its header declares " + length + " bytes, more than the "
                        + MAX_HEADER_BYTES + " read (NpyHeader.MAX_HEADER_BYTES)");
            }
            byte[] header = new byte[(int) length];
            data.readFully(header);
            long offset = MAGIC.length + 2 + (major == 1 ? 2 : 4) + length;
            checkFields(new String(header, StandardCharsets.UTF_8).trim(), fileBytes - offset);
        } catch (EOFException e) {
            throw new IllegalArgumentException("the file ends inside its header");
        }
    }

    private static void checkFields(String header, long fileDataBytes) {
        Matcher fields = FIELDS.matcher(header);
        if (!fields.matches()) {
            throw new IllegalArgumentException("its header is not a C-order array's"
                    + " {'descr': '<type>', 'fortran_order': False, 'shape': (...)}");
        }
        String descr = fields.group(1);
        String dims = fields.group(2).trim().replaceFirst(" *,$", "");
        String[] parts = dims.isEmpty() ? new String[0] : dims.split(" *, *", -1);
        long bytes = Long.parseLong(descr.replaceAll("\\D", ""));
        for (String part : parts) {
            if (!DIMENSION.matcher(part).matches()) {
                throw new IllegalArgumentException("shape (" + dims + ") has a dimension that is not a whole number"
                        + " of at most 18 digits");
            }
            long dimension = Long.parseLong(part);
            bytes = bytes == 0 || dimension <= Integer.MAX_VALUE / bytes ? bytes * dimension : Long.MAX_VALUE;
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape (" + dims + ") of " + descr + " declares more than "
                    + Integer.MAX_VALUE + " bytes, more than one array holds");
        }
        if (bytes > fileDataBytes) {
            throw new IllegalArgumentException("shape (" + dims + ") of " + descr + " declares " + bytes
                    + " bytes of data, the file holds " + Math.max(0, fileDataBytes));
        }
    }
}
