package io.mixnetspark.data.decode;

/**
 * {@code PixelCap} refuses images whose header declares more pixels than {@link
 * DecodeOptions#maxPixels()}, before any pixel memory is allocated.
 */
final class PixelCap {

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
}
