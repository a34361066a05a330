package io.mixnetspark.data.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code TarBytes} builds tar files in memory for tests and damages their ustar headers the way a
 * lying writer would (a declared size the file does not hold), keeping the header checksum right.
 */
public final class TarBytes {

    /** The tar block: headers and member data are padded to it. */
    public static final int BLOCK = 512;

    private static final int SIZE_FIELD = 124;
    private static final int CHECKSUM_FIELD = 148;

    private TarBytes() {}

    /**
     * Builds a tar from name/content pairs; a null content makes a folder entry.
     *
     * @param members name, content, name, content...
     * @return the tar's bytes
     * @throws IOException never, in memory
     */
    public static byte[] tar(Object... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < members.length; i += 2) {
                byte[] data = (byte[]) members[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) members[i]);
                entry.setSize(data == null ? 0 : data.length);
                tar.putArchiveEntry(entry);
                if (data != null) {
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Finds a member's header (plain ustar members, no extension headers).
     *
     * @param tar the tar's bytes
     * @param index the member, from 0
     * @return the offset of its header
     */
    public static int headerOffset(byte[] tar, int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            long size = Long.parseLong(new String(tar, offset + SIZE_FIELD, 11, StandardCharsets.US_ASCII).trim(), 8);
            offset += BLOCK + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return offset;
    }

    /**
     * Writes a size into a ustar header (11 octal digits) and recomputes the header's checksum.
     *
     * @param tar the tar's bytes, changed in place
     * @param header the header's offset
     * @param size the size to declare
     */
    public static void declareSize(byte[] tar, int header, long size) {
        byte[] octal = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, tar, header + SIZE_FIELD, 11);
        Arrays.fill(tar, header + CHECKSUM_FIELD, header + CHECKSUM_FIELD + 8, (byte) ' ');
        int sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += tar[header + i] & 0xFF;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, tar, header + CHECKSUM_FIELD, 6);
        tar[header + CHECKSUM_FIELD + 6] = 0;
    }
}
