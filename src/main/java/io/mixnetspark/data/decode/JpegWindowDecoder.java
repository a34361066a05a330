package io.mixnetspark.data.decode;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * {@code JpegWindowDecoder} decodes only a window of a JPEG, through this project's small libjpeg
 * shim ({@code src/main/c/mixnetjpeg.c}, built against Debian's libjpeg62-turbo when a C compiler
 * and {@code libjpeg62-turbo-dev} are present, and found by JNA on the class path under {@code
 * linux-x86-64/}). libjpeg skips the inverse DCT and colour conversion of the columns outside the
 * window and of the rows above it, and stops after its last row; TurboJPEG 2.1 has no such call.
 * The pixels inside the window are the ones a whole decode by the same libjpeg-turbo gives:
 * libjpeg's fancy upsampling treats a window's edges as image edges, so a margin of {@value
 * #MARGIN} pixels is decoded around it. Each call has its own libjpeg state, so it is thread-safe.
 */
final class JpegWindowDecoder {

    /** Extra pixels decoded on each side of the window, beyond the reach of the upsampler's edge rule. */
    static final int MARGIN = 4;
    /** libjpeg's {@code JMSG_LENGTH_MAX}. */
    private static final int MESSAGE_LENGTH = 200;
    /**
     * Native bytes each decoding thread keeps for libjpeg's output, reused from image to image
     * (pages it never writes cost no memory); larger windows get a buffer of their own.
     */
    private static final long SCRATCH_BYTES = 4L << 20;
    private static final ThreadLocal<Memory> SCRATCH = ThreadLocal.withInitial(() -> new Memory(SCRATCH_BYTES));

    private JpegWindowDecoder() {}

    /**
     * Tells whether the shim was built and loads here (with the system libjpeg it links to).
     *
     * @return true when {@link #decode} can be used
     */
    static boolean available() {
        return Loaded.FAILURE == null;
    }

    /**
     * Decodes the window (and its margin) of the image scaled by {@code 1 / denominator}.
     *
     * @param jpeg the encoded file
     * @param denominator DCT scale denominator: 1, 2, 4 or 8
     * @param width the scaled width, as libjpeg computes it ({@code ceil(width / denominator)})
     * @param height the scaled height
     * @param window the pixels that must be decoded, inside {@code width x height}
     * @return the scaled image, black outside the window and its margin
     * @throws DecodeException when libjpeg gives no image
     */
    static RgbImage decode(byte[] jpeg, int denominator, int width, int height, Region window) throws DecodeException {
        if (!available()) {
            throw new IllegalStateException("the mixnetjpeg shim is not available", Loaded.FAILURE);
        }
        if (!window.fitsIn(width, height)) {
            throw new IllegalArgumentException("window " + window + " outside the " + width + "x" + height + " image");
        }
        int x = Math.max(0, window.x() - MARGIN);
        int y = Math.max(0, window.y() - MARGIN);
        int right = Math.min(width, window.x() + window.width() + MARGIN);
        int bottom = Math.min(height, window.y() + window.height() + MARGIN);
        long bytes = 3L * width * (bottom - y);
        if (bytes > SCRATCH_BYTES) {
            try (Memory own = new Memory(bytes)) {
                return decode(jpeg, denominator, width, height, new Region(x, y, right - x, bottom - y), own);
            }
        }
        return decode(jpeg, denominator, width, height, new Region(x, y, right - x, bottom - y), SCRATCH.get());
    }

    /** Decodes {@code window} into {@code out} (row {@code window.y()} first) and copies it into a whole image. */
    private static RgbImage decode(byte[] jpeg, int denominator, int width, int height, Region window, Memory out)
            throws DecodeException {
        byte[] message = new byte[MESSAGE_LENGTH];
        int stride = 3 * width;
        if (Lib.mixnet_jpeg_decode_window(jpeg, new NativeLong(jpeg.length), denominator, width, height, window.x(),
                window.y(), window.width(), window.height(), out, stride, message) != 0) {
            throw new DecodeException("corrupt JPEG: " + Native.toString(message, StandardCharsets.US_ASCII));
        }
        byte[] pixels = new byte[stride * height];
        for (int r = 0; r < window.height(); r++) {
            out.read((long) r * stride + 3L * window.x(), pixels, (window.y() + r) * stride + 3 * window.x(),
                    3 * window.width());
        }
        return new RgbImage(width, height, pixels);
    }

    /** JNA direct mapping of the shim. */
    private static final class Lib {
        static {
            Native.register(NativeLibrary.getInstance("mixnetjpeg"));
        }

        static native int mixnet_jpeg_decode_window(byte[] jpeg, NativeLong size, int denominator, int width,
                int height, int x, int y, int w, int h, Pointer out, int stride, byte[] message);

        static void bind() {
            // running the static initialiser is the work
        }
    }

    /** Binds the shim once per JVM; the class initialiser makes this thread-safe. */
    private static final class Loaded {
        static final Throwable FAILURE = NativeBinding.attempt(Lib::bind);
    }
}
