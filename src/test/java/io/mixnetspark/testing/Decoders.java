package io.mixnetspark.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.mixnetspark.data.decode.DecodeOptions;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.JpegBackend;
import org.junit.jupiter.api.Assumptions;

/**
 * Decoders pinned to one JPEG backend. A native library that does not load (the system
 * libturbojpeg, which {@code .ci/run} installs, or OpenCV's natives) fails the test under CI
 * ({@code CI=true}) and skips it elsewhere.
 */
public final class Decoders {

    private Decoders() {}

    /**
     * A decoder using {@code backend}, or a failed/skipped test when it is not available.
     *
     * @param backend the JPEG backend
     * @param options the other options
     * @return the decoder
     */
    public static ImageDecoder decoder(JpegBackend backend, DecodeOptions options) {
        if (!backend.isAvailable()) {
            String message = "JPEG backend " + backend + " is not available here"
                    + (backend == JpegBackend.TURBOJPEG ? " (apt-get install libturbojpeg0)" : "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new ImageDecoder(options.withJpegBackend(backend));
    }
}
