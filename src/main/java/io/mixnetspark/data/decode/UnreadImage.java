package io.mixnetspark.data.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code UnreadImage} is what a reader puts where an image's bytes would go when it refused to read
 * the file for its size: a fixed 16-byte marker followed by the file's size and the limit (8 bytes
 * each, big-endian). {@link ImageDecoder} turns it into a failed result saying both numbers, so a
 * file too large to read becomes an error row like any other unreadable image, in every consumer
 * of encoded bytes, without a column of its own.
 *
 * <p>The reason is made here from the two numbers, never carried as text: a file that happens to
 * start with the marker can make the message show two numbers, never its content.
 */
public final class UnreadImage {

    private static final byte[] MARKER = "\0mixnet-unread\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = MARKER.length + 2 * Long.BYTES;

    private UnreadImage() {}

    /**
     * Stands for a file not read because it is larger than the limit.
     *
     * @param size the file's size in bytes, as listed
     * @param limit the most bytes read for one image
     * @return the bytes that stand for it
     */
    public static byte[] tooLarge(long size, long limit) {
        return ByteBuffer.allocate(LENGTH).put(MARKER).putLong(size).putLong(limit).array();
    }

    /**
     * Says why an image was not read, when the bytes stand for one.
     *
     * @param data encoded image bytes, or what {@link #tooLarge} made
     * @return the reason in words, or {@code null} for anything else
     */
    public static String reason(byte[] data) {
        if (data == null || data.length != LENGTH || !Arrays.equals(data, 0, MARKER.length, MARKER, 0, MARKER.length)) {
            return null;
        }
        ByteBuffer numbers = ByteBuffer.wrap(data, MARKER.length, 2 * Long.BYTES);
        long size = numbers.getLong();
        long limit = numbers.getLong();
        return "not read: the file is " + size + " bytes, more than the limit of " + limit + " bytes for one image"
                + " (option maxImageBytes)";
    }
}
