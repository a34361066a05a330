package io.mixnetspark.train;

import ai.djl.ndarray.types.Shape;

/**
 * {@code Batch} is one batch of labelled images as plain Java arrays: normalised float pixels in
 * NCHW order (N images of 3 channels, {@code height} rows, {@code width} columns) and one class
 * position per image. The data layer (a Spark partition reader, a test) fills it; the loop copies it
 * to the device. Arrays are held, not copied: do not change them while the batch is in use.
 *
 * @param pixels {@code N * 3 * height * width} values, image-major then channel, row, column
 * @param labels N class positions
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record Batch(float[] pixels, int[] labels, int height, int width) {

    /** Checks that the pixel count matches the labels and the size. */
    public Batch {
        if (labels.length == 0 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "a batch needs at least one image and a positive size, got " + labels.length
                            + " images of " + height + "x" + width);
        }
        long expected = (long) labels.length * 3 * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "expected " + expected + " pixel values for " + labels.length + " images of 3x" + height
                            + "x" + width + ", got " + pixels.length);
        }
    }

    /**
     * Returns the number of images.
     *
     * @return N
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the pixel tensor's shape.
     *
     * @return (N, 3, height, width)
     */
    public Shape shape() {
        return new Shape(labels.length, 3, height, width);
    }
}
