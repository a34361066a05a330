package io.mixnetspark.data.decode;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code NativeJpeg} decodes YCbCr, RGB and greyscale JPEGs with libjpeg-turbo, the JPEG codec
 * inside OpenCV's natives ({@code org.openpnp:opencv}, extracted from the jar on first use; nothing
 * is downloaded). It can decode at 1/2, 1/4 or 1/8 scale in the DCT domain, which is far cheaper
 * than decoding everything and resampling. EXIF orientation is left to the caller.
 */
final class NativeJpeg {

    private NativeJpeg() {}

    /**
     * Tells whether the natives loaded on this platform.
     *
     * @return true when {@link #decode} can be used
     */
    static boolean available() {
        return Natives.FAILURE == null;
    }

    /**
     * Decodes to RGB, ignoring the EXIF orientation.
     *
     * @param jpeg the encoded file
     * @param denominator DCT scale denominator: 1, 2, 4 or 8
     * @return the pixels
     * @throws DecodeException when libjpeg-turbo gives no image
     */
    static RgbImage decode(byte[] jpeg, int denominator) throws DecodeException {
        if (!available()) {
            throw new IllegalStateException("libjpeg-turbo natives did not load", Natives.FAILURE);
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
            for (int i = 0; i < pixels.length; i += 3) {
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
            } catch (RuntimeException | LinkageError e) { // unsupported platform: ImageIO decodes instead
                return e;
            }
        }
    }
}
