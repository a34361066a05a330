package io.mixnetspark.data.decode;

/**
 * {@code DecodeOptions} say how {@link ImageDecoder} decodes.
 *
 * @param maxPixels the largest width x height accepted, checked on the header before decoding;
 *     larger images fail with a "decompression bomb" error (default {@value #DEFAULT_MAX_PIXELS},
 *     PIL's {@code MAX_IMAGE_PIXELS})
 * @param reduceToAtLeast 0 for an exact, full-resolution decode (the default, and what validation
 *     uses); otherwise JPEGs may be decoded at 1/2, 1/4 or 1/8 scale in the DCT domain, the
 *     smallest scale that keeps both sides at least this many pixels, as PIL's {@code
 *     draft("RGB", (n, n))} does. For eval with a 256 short side, 256 is the natural value
 * @param convertColourProfiles whether an embedded ICC profile other than sRGB is converted to
 *     sRGB (default true); false keeps the raw samples, as PIL and timm do
 * @param jpegBackend which library decodes JPEGs (default {@link JpegBackend#AUTO}, the fastest
 *     available)
 */
public record DecodeOptions(long maxPixels, int reduceToAtLeast, boolean convertColourProfiles,
        JpegBackend jpegBackend) {

    /** PIL's {@code Image.MAX_IMAGE_PIXELS}: 1024 * 1024 * 1024 / 4 / 3. */
    public static final long DEFAULT_MAX_PIXELS = 89_478_485L;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a non-positive cap, a negative reduction target or no backend
     */
    public DecodeOptions {
        if (jpegBackend == null) {
            throw new IllegalArgumentException("jpegBackend must not be null");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (reduceToAtLeast < 0) {
            throw new IllegalArgumentException("reduceToAtLeast must be 0 or positive, got " + reduceToAtLeast);
        }
    }

    /**
     * The defaults: exact decode, PIL's pixel cap, colour profiles converted to sRGB, the fastest
     * JPEG backend.
     *
     * @return the default options
     */
    public static DecodeOptions defaults() {
        return new DecodeOptions(DEFAULT_MAX_PIXELS, 0, true, JpegBackend.AUTO);
    }

    /**
     * Returns these options with another pixel cap.
     *
     * @param pixels the largest width x height accepted
     * @return new options
     */
    public DecodeOptions withMaxPixels(long pixels) {
        return new DecodeOptions(pixels, reduceToAtLeast, convertColourProfiles, jpegBackend);
    }

    /**
     * Returns these options with DCT-domain reduced decoding of JPEGs (0 switches it off).
     *
     * @param minSide both sides of a reduced decode stay at least this large
     * @return new options
     */
    public DecodeOptions withReduceToAtLeast(int minSide) {
        return new DecodeOptions(maxPixels, minSide, convertColourProfiles, jpegBackend);
    }

    /**
     * Returns these options with colour-profile conversion switched on or off.
     *
     * @param convert whether non-sRGB profiles are converted to sRGB
     * @return new options
     */
    public DecodeOptions withConvertColourProfiles(boolean convert) {
        return new DecodeOptions(maxPixels, reduceToAtLeast, convert, jpegBackend);
    }

    /**
     * Returns these options with another JPEG backend.
     *
     * @param backend the library that decodes JPEGs
     * @return new options
     */
    public DecodeOptions withJpegBackend(JpegBackend backend) {
        return new DecodeOptions(maxPixels, reduceToAtLeast, convertColourProfiles, backend);
    }

    /**
     * The DCT scale denominator (1, 2, 4 or 8) for an image of this size, by PIL's {@code draft}
     * rule: the largest of 8, 4, 2 not above {@code min(width / n, height / n)}.
     *
     * @param width the image's width
     * @param height the image's height
     * @return 1 when no reduction applies
     */
    public int scaleDenominator(int width, int height) {
        if (reduceToAtLeast == 0) {
            return 1;
        }
        int scale = Math.min(width / reduceToAtLeast, height / reduceToAtLeast);
        for (int denominator = 8; denominator > 1; denominator /= 2) {
            if (scale >= denominator) {
                return denominator;
            }
        }
        return 1;
    }
}
