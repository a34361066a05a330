package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Decoders pinned to one JPEG path, by name: {@code turbojpeg} (system libturbojpeg, which
 * {@code .ci/run} installs), {@code opencv} (bundled natives) or {@code imageio}. A native library
 * that does not load fails the test under CI ({@code CI=true}) and skips it elsewhere.
 */
final class TestCodecs {

    private TestCodecs() {}

    static ImageDecoder decoder(String codec, DecodeOptions options) {
        return new ImageDecoder(options, switch (codec) {
            case "turbojpeg" -> require(TurboJpeg.available(), TurboJpeg.INSTANCE,
                    "libturbojpeg is not installed (apt-get install libturbojpeg0)");
            case "opencv" -> require(OpenCvJpeg.available(), OpenCvJpeg.INSTANCE,
                    "OpenCV natives did not load on this platform");
            case "imageio" -> null;
            default -> throw new IllegalArgumentException(codec);
        });
    }

    private static JpegCodec require(boolean available, JpegCodec codec, String message) {
        if (!available) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return codec;
    }
}
