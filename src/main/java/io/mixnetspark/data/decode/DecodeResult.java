package io.mixnetspark.data.decode;

import java.util.Objects;

/**
 * {@code DecodeResult} is what decoding one input gives: an {@link RgbImage}, or a message saying
 * why the bytes could not be decoded (empty, not an image, truncated, too many pixels, ...). A
 * batch keeps going when one row fails; the message ends up in that row's error column.
 */
public final class DecodeResult {

    private final RgbImage image;
    private final String error;

    private DecodeResult(RgbImage image, String error) {
        this.image = image;
        this.error = error;
    }

    /**
     * A successful decode.
     *
     * @param image the pixels
     * @return the result
     */
    public static DecodeResult of(RgbImage image) {
        return new DecodeResult(Objects.requireNonNull(image, "image"), null);
    }

    /**
     * A failed decode.
     *
     * @param error why, in words a user can act on
     * @return the result
     */
    public static DecodeResult failed(String error) {
        return new DecodeResult(null, Objects.requireNonNull(error, "error"));
    }

    /**
     * Tells whether the input was decoded.
     *
     * @return true when {@link #image()} is available
     */
    public boolean isOk() {
        return image != null;
    }

    /**
     * Returns the decoded pixels.
     *
     * @return the image
     * @throws IllegalStateException when the decode failed (see {@link #error()})
     */
    public RgbImage image() {
        if (image == null) {
            throw new IllegalStateException("no image: " + error);
        }
        return image;
    }

    /**
     * Returns why the decode failed.
     *
     * @return the message, or null when the decode succeeded
     */
    public String error() {
        return error;
    }

    @Override
    public String toString() {
        return image != null ? "DecodeResult[" + image + "]" : "DecodeResult[error: " + error + "]";
    }
}
