package io.mixnetspark.data.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code ImageDecoder} turns encoded image bytes into 8-bit sRGB pixels, or into a failed {@link
 * DecodeResult} saying why: it never throws for bad input, so one broken file cannot kill a task.
 *
 * <p>The format is sniffed from the content, not the name. A JPEG's header is read first: the
 * pixel cap is checked on the declared size (a JPEG libjpeg-turbo decodes is decoded at half scale
 * up to four times the cap, {@link PixelCap#jpegDenominator}), a JPEG with more than {@link
 * #MAX_JPEG_SCANS} scans is
 * refused, a file without an end-of-image marker after its scans
 * is refused as truncated (PIL's default, rather than a silently grey lower part), and the EXIF
 * orientation is noted. YCbCr/RGB/grey JPEGs then go through libjpeg-turbo: the system's
 * libturbojpeg when installed ({@link TurboJpeg}), else the copy inside OpenCV's bundled natives
 * ({@link OpenCvJpeg}), at reduced DCT scale when {@link DecodeOptions#reduceToAtLeast()} asks for
 * it; CMYK/YCCK JPEGs, JPEGs with a non-sRGB profile or with chroma subsampling other than 4:4:4,
 * 4:2:2, 4:2:0 and 4:4:0 (which TurboJPEG 2.1 refuses in part) and all other formats go through
 * ImageIO (as do all JPEGs where neither native library loads). A consumer that reads only part
 * of the image (eval preprocessing) can say which ({@link ReadWindow}), and a JPEG is then decoded
 * only there where this project's libjpeg shim is built ({@link JpegWindowDecoder}).
 *
 * <p>A TIFF's first directory is checked before ImageIO reads it: a tile over the pixel cap or a
 * strip or tile byte count larger than the file is refused ({@link TiffDirectory}).
 *
 * <p>A failed result says what is wrong in words and never holds the file's content, which may
 * end up in a predictions table.
 *
 * <p>Immutable and thread-safe; one instance can serve every decoding thread.
 */
public final class ImageDecoder {

    /**
     * The most scans a JPEG may have; more are refused before decoding. Each scan of a progressive
     * JPEG passes over the whole coefficient buffer, so thousands of tiny scans make a small file
     * decode for minutes (30,000 scans in 2.9 MB took 124 s; the attack of Cure53's 2019
     * libjpeg-turbo audit). 500 is what libjpeg-turbo's own fuzzers set as {@code
     * TJPARAM_SCANLIMIT}; real progressive JPEGs have about 10 (libjpeg's default script) and
     * scan-optimising encoders well under 100.
     */
    public static final int MAX_JPEG_SCANS = 500;

    /** The formats sniffed, as a failed result names them: never the file's own bytes. */
    private static final String KNOWN_FORMATS =
            Arrays.stream(ImageFormat.values()).map(ImageFormat::name).collect(Collectors.joining(", "));

    private final DecodeOptions options;
    private final JpegCodec jpeg;
    /** Whether JPEGs read through a window decode only that ({@link #decode(byte[], ReadWindow)}). */
    private final boolean windowed;

    /** A decoder with {@link DecodeOptions#defaults()}. */
    public ImageDecoder() {
        this(DecodeOptions.defaults());
    }

    /**
     * A decoder with the given options.
     *
     * @param options cap, reduced decoding, colour profiles, JPEG backend
     * @throws IllegalArgumentException when the requested JPEG backend is not available here
     */
    public ImageDecoder(DecodeOptions options) {
        if (!options.jpegBackend().isAvailable()) {
            throw new IllegalArgumentException("JPEG backend " + options.jpegBackend() + " is not available here"
                    + (options.jpegBackend() == JpegBackend.TURBOJPEG ? " (apt-get install libturbojpeg0)" : ""));
        }
        this.options = options;
        this.jpeg = options.jpegBackend().codec();
        this.windowed = options.jpegBackend().decodesWindows();
    }

    /**
     * Returns the options this decoder uses.
     *
     * @return the options
     */
    public DecodeOptions options() {
        return options;
    }

    /**
     * Decodes one encoded image.
     *
     * @param data the file's bytes (null or empty gives a failed result)
     * @return the pixels, or why there are none
     */
    public DecodeResult decode(byte[] data) {
        return decode(data, null);
    }

    /**
     * Decodes one encoded image for a consumer that reads only part of it (eval preprocessing
     * reads the rows and columns under its centre crop). With the {@link JpegBackend#TURBOJPEG}
     * backend and this project's libjpeg shim built ({@link JpegWindowDecoder}), a JPEG without an
     * EXIF rotation and with common chroma subsampling (greyscale, 4:4:4, 4:2:2, 4:2:0, 4:4:0) is
     * decoded only there: the pixels in the window are those of a whole decode, the ones outside it
     * are left black. Everything else is decoded whole (libjpeg 2.1's cropped decode of a 4:1:0
     * JPEG gives wrong pixels at 1/2 and 1/4 scale).
     *
     * @param data the file's bytes (null or empty gives a failed result)
     * @param window the part that will be read, or null for all of it
     * @return the pixels, or why there are none
     */
    public DecodeResult decode(byte[] data, ReadWindow window) {
        if (data == null || data.length == 0) {
            return DecodeResult.failed("empty input: 0 bytes, not an image");
        }
        ImageFormat format = ImageFormat.sniff(data);
        if (format == null) {
            return DecodeResult.failed("not an image: " + data.length + " bytes in no known image format (the first"
                    + " bytes match none of " + KNOWN_FORMATS + ")");
        }
        try {
            return DecodeResult.of(format == ImageFormat.JPEG ? decodeJpeg(data, window)
                    : ImageIoDecoder.decode(data, format, options));
        } catch (DecodeException e) {
            return DecodeResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            return DecodeResult.failed("could not decode the " + format + " image: " + e);
        }
    }

    /**
     * Reads and decodes one file.
     *
     * @param file the image file
     * @return the pixels, or why there are none (including an unreadable file)
     */
    public DecodeResult decode(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return DecodeResult.failed("cannot read " + file + ": " + e);
        }
        return decode(data);
    }

    private RgbImage decodeJpeg(byte[] data, ReadWindow window) throws DecodeException {
        JpegHeader header = JpegHeader.parse(data);
        boolean nativeDecode = usesNative(header);
        int withinCap = 1;
        if (nativeDecode) {
            withinCap = PixelCap.jpegDenominator(header.width(), header.height(), options);
        } else {
            PixelCap.check(header.width(), header.height(), options);
        }
        if (header.scans() > MAX_JPEG_SCANS) {
            throw new DecodeException("refused: the JPEG has " + header.scans() + " scans, more than the limit of "
                    + MAX_JPEG_SCANS + " (thousands of scans make a small file decode for minutes)");
        }
        if (!header.complete()) {
            throw new DecodeException("truncated JPEG: the image data stops without an end-of-image marker"
                    + " (file cut short?)");
        }
        if (!nativeDecode) {
            return ExifOrientation.apply(ImageIoDecoder.decode(data, ImageFormat.JPEG, options), header.orientation());
        }
        int denominator = Math.max(options.scaleDenominator(header.width(), header.height()), withinCap);
        if (window != null && header.orientation() == 1 && header.commonSampling() && windowed) {
            int width = JpegCodec.scaled(header.width(), denominator);
            int height = JpegCodec.scaled(header.height(), denominator);
            return JpegWindowDecoder.decode(data, denominator, width, height, window.of(width, height));
        }
        return ExifOrientation.apply(jpeg.decode(data, denominator), header.orientation());
    }

    private boolean usesNative(JpegHeader header) {
        if (jpeg == null || header.precision() != 8) {
            return false;
        }
        if (header.components() == 1) {
            return true;
        }
        // TurboJPEG 2.1 refuses layouts it cannot name (4:1:0 and stranger ones): ImageIO decodes those
        return header.components() == 3 && header.commonSampling()
                && (!options.convertColourProfiles() || ColorProfiles.isSrgbOrUnusable(header.iccProfile()));
    }
}
