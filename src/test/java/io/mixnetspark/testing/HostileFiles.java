package io.mixnetspark.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code HostileFiles} makes small files that ask a decoder for far more than they hold: TIFFs
 * whose one directory declares huge tiles or strips, and JPEGs of thousands of empty scans. Made at
 * test time, so no such file is kept in the repository.
 */
public final class HostileFiles {

    private HostileFiles() {}

    /**
     * A little-endian TIFF, 64x64 grey, whose one IFD has these extra LONG fields, and 16 data
     * bytes.
     *
     * @param tagValuePairs tag, value, tag, value... sorted by tag; a value of -1 stands for the
     *     offset of the data bytes
     * @return the file's bytes (about 150)
     */
    public static byte[] tiff(int... tagValuePairs) {
        int entries = 6 + tagValuePairs.length / 2;
        int dataAt = 8 + 2 + 12 * entries + 4;
        ByteBuffer b = ByteBuffer.allocate(dataAt + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
        long[][] fields = {{256, 4, 64}, {257, 4, 64}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {277, 3, 1}};
        for (long[] f : fields) {
            b.putShort((short) f[0]).putShort((short) f[1]).putInt(1).putInt((int) f[2]);
        }
        for (int i = 0; i < tagValuePairs.length; i += 2) {
            int value = tagValuePairs[i + 1] == -1 ? dataAt : tagValuePairs[i + 1];
            b.putShort((short) tagValuePairs[i]).putShort((short) 4).putInt(1).putInt(value);
        }
        return b.putInt(0).array();
    }

    /**
     * A JPEG whose image data is followed by many tiny scans (each a start-of-scan header with
     * nothing after it), before the end marker.
     *
     * @param jpeg a whole JPEG file
     * @param extraScans how many scans to add
     * @return the file's bytes
     */
    public static byte[] jpegWithScans(byte[] jpeg, int extraScans) {
        byte[] tinyScan = {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        for (int i = 0; i < extraScans; i++) {
            out.writeBytes(tinyScan);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }
}
