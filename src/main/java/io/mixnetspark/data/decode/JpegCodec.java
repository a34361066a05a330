package io.mixnetspark.data.decode;

/**
 * {@code JpegCodec} is a native libjpeg-turbo binding that decodes YCbCr, RGB and greyscale JPEGs
 * to RGB, optionally at 1/2, 1/4 or 1/8 scale in the DCT domain. EXIF orientation is left to the
 * caller. {@link JpegBackend} picks one.
 */
interface JpegCodec {

    /**
     * Decodes to RGB.
     *
     * @param jpeg the encoded file
     * @param denominator DCT scale denominator: 1, 2, 4 or 8
     * @return the pixels
     * @throws DecodeException when the library gives no image
     */
    RgbImage decode(byte[] jpeg, int denominator) throws DecodeException;

    /**
     * The size of one side after DCT scaling, as libjpeg computes it ({@code TJSCALED}).
     *
     * @param side the stored width or height
     * @param denominator DCT scale denominator: 1, 2, 4 or 8
     * @return {@code ceil(side / denominator)}
     */
    static int scaled(int side, int denominator) {
        return (side + denominator - 1) / denominator;
    }

    /**
     * Names the library, for reports.
     *
     * @return a short description
     */
    String name();
}
