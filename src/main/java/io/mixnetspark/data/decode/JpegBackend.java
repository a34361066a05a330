package io.mixnetspark.data.decode;

/**
 * {@code JpegBackend} chooses which library decodes YCbCr, RGB and greyscale JPEGs (CMYK/YCCK
 * JPEGs and JPEGs with a non-sRGB profile always go through ImageIO). All give the same pixels as
 * PIL on the tested photos; they differ in speed and in what must be installed.
 */
public enum JpegBackend {
    /** The fastest available: {@link #TURBOJPEG}, else {@link #OPENCV}, else {@link #IMAGEIO}. */
    AUTO,
    /**
     * The system's libjpeg-turbo TurboJPEG library (Debian {@code libturbojpeg0}), with SIMD: as
     * fast as PIL's decoder. Decodes at reduced DCT scale; a decode that reads only a window
     * ({@link ImageDecoder#decode(byte[], ReadWindow)}) goes through the system libjpeg with this
     * project's shim ({@link JpegWindowDecoder}) when it was built.
     */
    TURBOJPEG,
    /**
     * The libjpeg-turbo inside OpenCV's natives, shipped in the jar (nothing to install; no SIMD,
     * about 2.5 times slower than {@link #TURBOJPEG} at full scale). Decodes at reduced DCT scale.
     */
    OPENCV,
    /** ImageIO (the JDK's libjpeg 6b via TwelveMonkeys): always there, full scale only, slowest. */
    IMAGEIO;

    /**
     * Tells whether this backend can be used on this machine.
     *
     * @return true when its library loaded ({@link #AUTO} and {@link #IMAGEIO} always can)
     */
    public boolean isAvailable() {
        return switch (this) {
            case AUTO, IMAGEIO -> true;
            case TURBOJPEG -> TurboJpeg.available();
            case OPENCV -> OpenCvJpeg.available();
        };
    }

    /**
     * The backend {@link #AUTO} stands for on this machine (others return themselves).
     *
     * @return a concrete backend
     */
    public JpegBackend resolve() {
        if (this != AUTO) {
            return this;
        }
        if (TURBOJPEG.isAvailable()) {
            return TURBOJPEG;
        }
        return OPENCV.isAvailable() ? OPENCV : IMAGEIO;
    }

    /**
     * Tells whether {@link DecodeOptions#reduceToAtLeast()} takes effect with this backend.
     *
     * @return true for the libjpeg-turbo backends
     */
    public boolean reducesInDctDomain() {
        return resolve() != IMAGEIO;
    }

    /**
     * Names the library this backend stands for here, for logs and reports.
     *
     * @return a short description
     */
    public String describe() {
        JpegCodec codec = codec();
        if (codec == null) {
            return "ImageIO (JDK libjpeg 6b, TwelveMonkeys)";
        }
        return codec.name() + (decodesWindows() ? "; windows through the system libjpeg (mixnetjpeg shim)" : "");
    }

    /** Whether a JPEG read through a window is decoded only there ({@link JpegWindowDecoder}). */
    boolean decodesWindows() {
        return resolve() == TURBOJPEG && JpegWindowDecoder.available();
    }

    /** The codec, or null for ImageIO; the caller checked {@link #isAvailable()}. */
    JpegCodec codec() {
        return switch (resolve()) {
            case TURBOJPEG -> TurboJpeg.INSTANCE;
            case OPENCV -> OpenCvJpeg.INSTANCE;
            default -> null;
        };
    }
}
