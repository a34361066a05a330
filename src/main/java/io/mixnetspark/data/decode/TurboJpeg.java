package io.mixnetspark.data.decode;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * {@code TurboJpeg} decodes through the system's libjpeg-turbo TurboJPEG API ({@code
 * libturbojpeg.so}, Debian package {@code libturbojpeg0}), bound with JNA: the same library and
 * settings (accurate integer IDCT, fancy upsampling) as Debian's PIL, with SIMD, so decoding costs
 * what it costs PIL. Only used when the library is installed; each call uses its own handle, so
 * it is thread-safe.
 */
final class TurboJpeg implements JpegCodec {

    static final TurboJpeg INSTANCE = new TurboJpeg();

    private static final int TJPF_RGB = 0;
    private static final int TJERR_WARNING = 0;

    private TurboJpeg() {}

    /**
     * Tells whether libturbojpeg was found and bound.
     *
     * @return true when {@link #decode} can be used
     */
    static boolean available() {
        return Loaded.FAILURE == null;
    }

    @Override
    public String name() {
        return "system libturbojpeg (SIMD)";
    }

    @Override
    public RgbImage decode(byte[] jpeg, int denominator) throws DecodeException {
        if (!available()) {
            throw new IllegalStateException("libturbojpeg is not available", Loaded.FAILURE);
        }
        Pointer handle = Lib.tjInitDecompress();
        if (handle == null) {
            throw new DecodeException("libturbojpeg could not start a decompressor");
        }
        try {
            NativeLong size = new NativeLong(jpeg.length);
            int[] width = new int[1];
            int[] height = new int[1];
            int[] subsampling = new int[1];
            int[] colorspace = new int[1];
            if (Lib.tjDecompressHeader3(handle, jpeg, size, width, height, subsampling, colorspace) != 0) {
                throw new DecodeException("corrupt JPEG: " + Lib.tjGetErrorStr2(handle));
            }
            int w = JpegCodec.scaled(width[0], denominator);
            int h = JpegCodec.scaled(height[0], denominator);
            byte[] pixels = new byte[3 * w * h];
            if (Lib.tjDecompress2(handle, jpeg, size, pixels, w, 0, h, TJPF_RGB, 0) != 0
                    && Lib.tjGetErrorCode(handle) != TJERR_WARNING) {
                throw new DecodeException("corrupt JPEG: " + Lib.tjGetErrorStr2(handle));
            }
            return new RgbImage(w, h, pixels);
        } finally {
            Lib.tjDestroy(handle);
        }
    }

    /** JNA direct mapping of the TurboJPEG 2.x functions used. */
    private static final class Lib {
        static {
            Native.register(NativeLibrary.getInstance("turbojpeg"));
        }

        static native Pointer tjInitDecompress();

        static native int tjDecompressHeader3(Pointer handle, byte[] jpeg, NativeLong size, int[] width,
                int[] height, int[] subsampling, int[] colorspace);

        static native int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong size, byte[] dst, int width,
                int pitch, int height, int pixelFormat, int flags);

        static native int tjGetErrorCode(Pointer handle);

        static native String tjGetErrorStr2(Pointer handle);

        static native int tjDestroy(Pointer handle);

        static void bind() {
            // running the static initialiser is the work
        }
    }

    /** Binds the library once per JVM; the class initialiser makes this thread-safe. */
    private static final class Loaded {
        static final Throwable FAILURE = NativeBinding.attempt(Lib::bind);
    }
}
