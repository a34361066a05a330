package io.mixnetspark.data.decode;

/**
 * {@code Region} is an axis-aligned rectangle of pixels.
 *
 * @param x left column
 * @param y top row
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record Region(int x, int y, int width, int height) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a negative corner or an empty size
     */
    public Region {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("invalid region " + x + "," + y + " " + width + "x" + height);
        }
    }

    /**
     * The region covering a whole image.
     *
     * @param width image width
     * @param height image height
     * @return the region at 0,0
     */
    public static Region of(int width, int height) {
        return new Region(0, 0, width, height);
    }

    /**
     * Tells whether this region lies within an image of the given size.
     *
     * @param imageWidth the image's width
     * @param imageHeight the image's height
     * @return true when inside
     */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return x + (long) width <= imageWidth && y + (long) height <= imageHeight;
    }
}
