package io.mixnetspark.data.decode;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code OpenCvJpeg} decodes with the libjpeg-turbo built into OpenCV's natives ({@code
 * org.openpnp:opencv}, extracted from the jar on first use; nothing is downloaded), so it works
 * on any machine the jar supports. That build has no SIMD, so it is about 2.5 times slower than a
 * system libjpeg-turbo at full scale ({@link TurboJpeg} is preferred when installed). Output is
 * byte-identical to PIL's.
 */
final class OpenCvJpeg implements JpegCodec {

    static final OpenCvJpeg INSTANCE = new OpenCvJpeg();

    private OpenCvJpeg() {}

    /**
     * Tells whether the natives loaded on this platform.
     *
     * @return true when {@link #decode} can be used
     */
    static boolean available() {
        return Natives.FAILURE == null;
    }

    @Override
    public String name() {
        return "libjpeg-turbo in OpenCV " + org.opencv.core.Core.VERSION + " natives (no SIMD)";
    }

    @Override
    public RgbImage decode(byte[] jpeg, int denominator) throws DecodeException {
        if (!available()) {
            throw new IllegalStateException("OpenCV natives did not load", Natives.FAILURE);
        }
        int flags = switch (denominator) {
            case 1 -> Imgcodecs.IMREAD_COLOR;
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("scale denominator must be 1, 2, 4 or 8: " + denominator);
        };
        MatOfByte encoded = new MatOfByte(jpeg);
        Mat mat = Imgcodecs.imdecode(encoded, flags | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        try {
            if (mat.empty() || mat.type() != CvType.CV_8UC3) {
                throw new DecodeException("libjpeg-turbo could not decode the JPEG data");
            }
            byte[] pixels = new byte[(int) mat.total() * 3];
            mat.get(0, 0, pixels);
            for (int i = 0; i < pixels.length; i += 3) { // OpenCV gives BGR
                byte blue = pixels[i];
                pixels[i] = pixels[i + 2];
                pixels[i + 2] = blue;
            }
            return new RgbImage(mat.cols(), mat.rows(), pixels);
        } finally {
            mat.release();
            encoded.release();
        }
    }

    /** Loads the natives once per JVM; the class initialiser makes this thread-safe. */
    private static final class Natives {
        static final Throwable FAILURE = load();

        private static Throwable load() {
            try {
                nu.pattern.OpenCV.loadLocally();
                return null;
            } catch (RuntimeException | LinkageError e) { // unsupported platform
                return e;
            }
        }
    }
}
