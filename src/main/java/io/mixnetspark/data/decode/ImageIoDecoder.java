package io.mixnetspark.data.decode;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * {@code ImageIoDecoder} decodes through ImageIO: the TwelveMonkeys JPEG plugin (CMYK and YCCK
 * with Adobe markers, ICC profiles) and the JDK's PNG, GIF, BMP and TIFF readers (TwelveMonkeys
 * for WebP). The result is converted to 8-bit sRGB: grey replicated, alpha dropped, wider samples
 * rounded to 8 bits, other colour spaces converted with the JDK's colour management.
 */
final class ImageIoDecoder {

    private ImageIoDecoder() {}

    /**
     * Decodes the first image in the data.
     *
     * @param data the encoded file
     * @param format its sniffed format (for messages)
     * @param options the pixel cap and colour-profile setting
     * @return the RGB pixels, not yet turned by any EXIF orientation
     * @throws DecodeException when no reader accepts the data, the image is too large, or decoding fails
     */
    static RgbImage decode(byte[] data, ImageFormat format, DecodeOptions options) throws DecodeException {
        if (format == ImageFormat.TIFF) {
            TiffDirectory.check(data, options);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DecodeException("no decoder for this " + format + " data");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true);
                PixelCap.check(reader.getWidth(0), reader.getHeight(0), options);
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                if (raw != null) {
                    PixelCap.checkRaster(reader.getWidth(0), reader.getHeight(0),
                            Arrays.stream(raw.getSampleModel().getSampleSize()).sum(), options);
                }
                return toRgb(reader.read(0), options.convertColourProfiles());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new DecodeException("corrupt or unsupported " + format + ": " + why, e);
        }
    }

    /**
     * Converts any decoded image to 8-bit sRGB samples.
     *
     * @param image what a reader returned
     * @param convertProfiles whether a non-sRGB colour space is converted (else raw samples are kept)
     * @return the RGB image
     */
    static RgbImage toRgb(BufferedImage image, boolean convertProfiles) {
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (model instanceof IndexColorModel) {
            return fromArgb(image);
        }
        if (space.getType() == ColorSpace.TYPE_GRAY) {
            return fromBands(image.getRaster(), model, true);
        }
        if (space.getType() == ColorSpace.TYPE_RGB && (!convertProfiles || isSrgb(space))) {
            return fromBands(image.getRaster(), model, false);
        }
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(image, srgb);
        return fromBands(srgb.getRaster(), srgb.getColorModel(), false);
    }

    private static boolean isSrgb(ColorSpace space) {
        return space.isCS_sRGB()
                || space instanceof ICC_ColorSpace icc && ColorProfiles.isSrgb(icc.getProfile());
    }

    /** Reads bands 0..2 (or band 0 for grey) of each pixel, rounding wider samples to 8 bits. */
    private static RgbImage fromBands(Raster raster, ColorModel model, boolean grey) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int[] max = new int[3];
        for (int c = 0; c < 3; c++) {
            max[c] = (1 << model.getComponentSize(grey ? 0 : c)) - 1;
        }
        int[] row = new int[w * bands];
        byte[] out = new byte[3 * w * h];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int base = x * bands;
                for (int c = 0; c < 3; c++) {
                    out[o++] = (byte) to8(row[base + (grey ? 0 : c)], max[c]);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int to8(int value, int max) {
        return max == 255 ? value : (int) ((value * 255L + max / 2) / max);
    }

    private static RgbImage fromArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        byte[] out = new byte[3 * w * h];
        int o = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int argb : row) {
                out[o++] = (byte) (argb >> 16);
                out[o++] = (byte) (argb >> 8);
                out[o++] = (byte) argb;
            }
        }
        return new RgbImage(w, h, out);
    }
}
