package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Backend choice: AUTO takes the fastest library present; ImageIO never reduces in the DCT domain. */
class JpegBackendTest {

    @Test
    void autoPrefersSystemTurboJpegThenOpenCv() {
        JpegBackend expected = TurboJpeg.available() ? JpegBackend.TURBOJPEG
                : OpenCvJpeg.available() ? JpegBackend.OPENCV : JpegBackend.IMAGEIO;
        assertEquals(expected, JpegBackend.AUTO.resolve());
        assertNotEquals(JpegBackend.AUTO, JpegBackend.AUTO.resolve());
        assertTrue(JpegBackend.AUTO.isAvailable());
        assertTrue(JpegBackend.IMAGEIO.isAvailable());
        assertFalse(JpegBackend.IMAGEIO.reducesInDctDomain());
        for (JpegBackend b : JpegBackend.values()) {
            assertFalse(b.describe().isBlank());
        }
    }

    @Test
    void imageIoIgnoresTheReductionRequest() {
        ImageDecoder decoder = new ImageDecoder(DecodeOptions.defaults().withJpegBackend(JpegBackend.IMAGEIO)
                .withReduceToAtLeast(16));
        RgbImage full = decoder.decode(TestJpegs.gradient(200, 100)).image();
        assertEquals(200, full.width());
        assertEquals(100, full.height());
    }
}
