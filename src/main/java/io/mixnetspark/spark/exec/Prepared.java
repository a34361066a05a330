package io.mixnetspark.spark.exec;

/**
 * {@code Prepared} is one input row made ready for the network: a normalised CHW float tensor, or
 * the reason it could not be made (corrupt bytes, too large, unreadable path).
 *
 * @param chw the pixels, channel-major, or null on error
 * @param error why the row could not be prepared, or null
 */
public record Prepared(float[] chw, String error) {

    /**
     * A successfully prepared image.
     *
     * @param chw the pixels
     * @return the result
     */
    public static Prepared of(float[] chw) {
        return new Prepared(chw, null);
    }

    /**
     * A row that could not be prepared.
     *
     * @param error why
     * @return the result
     */
    public static Prepared failed(String error) {
        return new Prepared(null, error);
    }
}
