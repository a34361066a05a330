package io.mixnetspark.data.decode;

/**
 * {@code PixelCap} refuses images whose header declares more pixels than {@link
 * DecodeOptions#maxPixels()}, or (for ImageIO) a decoded raster of more than {@link
 * #RASTER_BYTES_PER_PIXEL} bytes per pixel of that cap, before any pixel memory is allocated.
 */
final class PixelCap {

    /**
     * Bytes of decoded samples allowed per pixel of the cap: 4, an 8-bit RGBA or CMYK image at the
     * cap (358 MB at PIL's cap). Images with wider samples (16-bit RGB or RGBA, 6 or 8 bytes per
     * pixel) are refused at fewer pixels, so that ImageIO's raster of one image stays under {@code 4
     * x maxPixels} bytes whatever its sample format.
     */
    static final int RASTER_BYTES_PER_PIXEL = 4;

    /**
     * The second cap, for JPEGs, in multiples of the pixel cap: up to it a JPEG is decoded at half
     * scale, which holds at most the cap's pixels; past it, refused.
     */
    static final int JPEG_HALF_SCALE_FACTOR = 4;

    private PixelCap() {}

    /**
     * Checks a declared size.
     *
     * @param width declared width
     * @param height declared height
     * @param options the cap
     * @throws DecodeException naming the size and the cap when it is exceeded
     */
    static void check(long width, long height, DecodeOptions options) throws DecodeException {
        long pixels = width * height;
        if (pixels > options.maxPixels()) {
            throw new DecodeException("refused as a possible decompression bomb: " + width + "x" + height
                    + " = " + pixels + " pixels exceeds the limit of " + options.maxPixels() + " pixels");
        }
    }

    /**
     * Returns the DCT scale a JPEG is decoded at so that its pixels stay within the cap: 1 for a
     * JPEG within it; 2 for one within {@link #JPEG_HALF_SCALE_FACTOR} times it, which
     * libjpeg-turbo decodes at half size without the full-size image ever existing (a
     * 100-megapixel camera's photo is so labeled, from a quarter of its pixels, instead of
     * refused). Past that second cap it is refused, as PIL refuses images past twice its cap.
     *
     * @param width declared width
     * @param height declared height
     * @param options the cap
     * @return 1 or 2
     * @throws DecodeException past the second cap
     */
    static int jpegDenominator(int width, int height, DecodeOptions options) throws DecodeException {
        long pixels = (long) width * height;
        if (pixels <= options.maxPixels()) {
            return 1;
        }
        if (pixels <= JPEG_HALF_SCALE_FACTOR * options.maxPixels()) {
            return 2;
        }
        throw new DecodeException("refused as a possible decompression bomb: " + width + "x" + height + " = " + pixels
                + " pixels exceeds the limit of " + options.maxPixels() + " pixels (JPEGs up to "
                + JPEG_HALF_SCALE_FACTOR + " times it are decoded at half scale)");
    }

    /**
     * Checks the size of the raster a reader will fill.
     *
     * @param width declared width
     * @param height declared height
     * @param bitsPerPixel the bits of all bands of one decoded pixel
     * @param options the cap
     * @throws DecodeException naming the raster's size and the limit when it is exceeded
     */
    static void checkRaster(long width, long height, int bitsPerPixel, DecodeOptions options) throws DecodeException {
        long bytes = width * height * bitsPerPixel / 8;
        long limit = RASTER_BYTES_PER_PIXEL * options.maxPixels();
        if (bytes > limit) {
            throw new DecodeException("refused as too large to decode: " + width + "x" + height + " pixels of "
                    + bitsPerPixel + " bits take " + bytes + " bytes, more than the limit of " + limit + " bytes ("
                    + RASTER_BYTES_PER_PIXEL + " per pixel of the pixel cap)");
        }
    }
}
