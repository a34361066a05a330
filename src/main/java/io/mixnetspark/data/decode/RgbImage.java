package io.mixnetspark.data.decode;

/**
 * {@code RgbImage} is a decoded picture: 8-bit sRGB samples, interleaved R, G, B, row by row from
 * the top-left corner ({@code pixels[3 * (y * width + x) + c]}).
 *
 * <p>The pixel array is shared, not copied, so that a 24-megapixel photo is not duplicated on its
 * way to the resampler; code that receives an {@code RgbImage} treats it as read-only.
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    /**
     * Wraps interleaved RGB samples.
     *
     * @param width columns, at least 1
     * @param height rows, at least 1
     * @param pixels {@code 3 * width * height} samples
     * @throws IllegalArgumentException when the sizes do not agree
     */
    public RgbImage(int width, int height, byte[] pixels) {
        if (width < 1 || height < 1 || pixels.length != 3L * width * height) {
            throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
                    + 3L * width * height + " samples, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * Returns the number of columns.
     *
     * @return the width in pixels
     */
    public int width() {
        return width;
    }

    /**
     * Returns the number of rows.
     *
     * @return the height in pixels
     */
    public int height() {
        return height;
    }

    /**
     * Returns the interleaved samples (shared, not copied).
     *
     * @return {@code 3 * width * height} bytes, read as unsigned
     */
    public byte[] pixels() {
        return pixels;
    }

    /**
     * Returns one sample.
     *
     * @param x column
     * @param y row
     * @param channel 0 red, 1 green, 2 blue
     * @return the value 0..255
     */
    public int sample(int x, int y, int channel) {
        return pixels[3 * (y * width + x) + channel] & 0xFF;
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
