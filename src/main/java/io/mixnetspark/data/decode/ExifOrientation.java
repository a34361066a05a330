package io.mixnetspark.data.decode;

/**
 * {@code ExifOrientation} reads the EXIF Orientation tag (0x0112) and turns a stored raster the
 * way it is meant to be shown, as PIL's {@code ImageOps.exif_transpose} does: 2 mirror, 3 rotate
 * 180, 4 flip, 5 transpose, 6 rotate 90 clockwise, 7 transverse, 8 rotate 90 anticlockwise.
 * Orientations 5 to 8 swap width and height.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /**
     * Reads the orientation from a TIFF structure (the EXIF payload after {@code "Exif\0\0"}).
     *
     * @param data the bytes holding it
     * @param start the first byte of the TIFF header
     * @param end one past its last byte
     * @return 1..8, or 1 when the tag is absent or the structure is unreadable
     */
    static int read(byte[] data, int start, int end) {
        if (end - start < 8) {
            return 1;
        }
        boolean little;
        if (data[start] == 'I' && data[start + 1] == 'I') {
            little = true;
        } else if (data[start] == 'M' && data[start + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(data, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int entries = u16(data, (int) (start + ifd), little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) (start + ifd + 2 + 12L * i);
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(data, entry, little) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /**
     * Turns a stored raster into its display orientation.
     *
     * @param stored the raster as decoded
     * @param orientation the EXIF value 1..8
     * @return the image as meant to be shown ({@code stored} itself for orientation 1)
     */
    static RgbImage apply(RgbImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        byte[] in = stored.pixels();
        byte[] out = new byte[in.length];
        int o = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                int i = 3 * (sy * w + sx);
                out[o++] = in[i];
                out[o++] = in[i + 1];
                out[o++] = in[i + 2];
            }
        }
        return new RgbImage(outW, outH, out);
    }

    private static int u16(byte[] d, int p, boolean little) {
        return little ? (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 : (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32(byte[] d, int p, boolean little) {
        long a = u16(d, p, little);
        long b = u16(d, p + 2, little);
        return little ? a | b << 16 : a << 16 | b;
    }
}
