package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;

/**
 * {@code AugmentOps} are the image operations RandAugment draws from, following the PIL functions
 * timm's {@code auto_augment.py} calls: {@code ImageOps} (autocontrast, equalize, invert,
 * posterize, solarize), timm's solarize_add, {@code ImageEnhance} (colour, contrast, brightness,
 * sharpness: a blend with a degenerate image) and {@code Image.transform(AFFINE, BICUBIC)} with a
 * fill colour (rotate, shear, translate). Each returns a new image.
 */
final class AugmentOps {

    private AugmentOps() {}

    static RgbImage invert(RgbImage img) {
        return lut(img, v -> 255 - v);
    }

    static RgbImage posterize(RgbImage img, int bits) {
        if (bits >= 8) {
            return img;
        }
        int mask = ~((1 << (8 - Math.max(bits, 0))) - 1) & 0xFF;
        return lut(img, v -> v & mask);
    }

    static RgbImage solarize(RgbImage img, int threshold) {
        return lut(img, v -> v < threshold ? v : 255 - v);
    }

    static RgbImage solarizeAdd(RgbImage img, int add) {
        return lut(img, v -> v < 128 ? Math.min(255, v + add) : v);
    }

    /** {@code ImageOps.autocontrast(img)}: stretch each channel's [min, max] to [0, 255]. */
    static RgbImage autoContrast(RgbImage img) {
        int[][] hist = histograms(img);
        int[][] tables = new int[3][256];
        for (int c = 0; c < 3; c++) {
            int lo = 0;
            while (lo < 255 && hist[c][lo] == 0) {
                lo++;
            }
            int hi = 255;
            while (hi > 0 && hist[c][hi] == 0) {
                hi--;
            }
            for (int v = 0; v < 256; v++) {
                if (hi <= lo) {
                    tables[c][v] = v;
                } else {
                    double scale = 255.0 / (hi - lo);
                    tables[c][v] = clamp((int) (v * scale - lo * scale));
                }
            }
        }
        return lut(img, tables);
    }

    /** {@code ImageOps.equalize(img)}, channel by channel. */
    static RgbImage equalize(RgbImage img) {
        int[][] hist = histograms(img);
        int[][] tables = new int[3][256];
        for (int c = 0; c < 3; c++) {
            int nonZero = 0;
            int last = 0;
            int total = 0;
            for (int v = 0; v < 256; v++) {
                if (hist[c][v] != 0) {
                    nonZero++;
                    last = hist[c][v];
                    total += hist[c][v];
                }
            }
            int step = nonZero <= 1 ? 0 : (total - last) / 255;
            int n = step / 2;
            for (int v = 0; v < 256; v++) {
                tables[c][v] = step == 0 ? v : Math.min(255, n / step);
                n += hist[c][v];
            }
        }
        return lut(img, tables);
    }

    /** {@code ImageEnhance.Color}: blend with the image's greyscale ("L") version. */
    static RgbImage color(RgbImage img, double factor) {
        byte[] px = img.pixels();
        byte[] grey = new byte[px.length];
        for (int i = 0; i < px.length; i += 3) {
            byte l = (byte) luma(px, i);
            grey[i] = l;
            grey[i + 1] = l;
            grey[i + 2] = l;
        }
        return blend(grey, img, factor);
    }

    /** {@code ImageEnhance.Contrast}: blend with a flat image of the rounded mean luma. */
    static RgbImage contrast(RgbImage img, double factor) {
        byte[] px = img.pixels();
        long sum = 0;
        for (int i = 0; i < px.length; i += 3) {
            sum += luma(px, i);
        }
        int mean = (int) (sum / (double) (px.length / 3) + 0.5);
        byte[] flat = new byte[px.length];
        java.util.Arrays.fill(flat, (byte) mean);
        return blend(flat, img, factor);
    }

    /** {@code ImageEnhance.Brightness}: blend with black. */
    static RgbImage brightness(RgbImage img, double factor) {
        return blend(new byte[img.pixels().length], img, factor);
    }

    /** {@code ImageEnhance.Sharpness}: blend with the SMOOTH-filtered image (edges unfiltered). */
    static RgbImage sharpness(RgbImage img, double factor) {
        int w = img.width();
        int h = img.height();
        byte[] px = img.pixels();
        byte[] smooth = px.clone();
        float side = 1f / 13f;
        float centre = 5f / 13f;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = 3 * (y * w + x) + c;
                    int up = i - 3 * w;
                    int down = i + 3 * w;
                    float ss = 0f;
                    ss += u(px, down - 3) * side + u(px, down) * side + u(px, down + 3) * side;
                    ss += u(px, i - 3) * side + u(px, i) * centre + u(px, i + 3) * side;
                    ss += u(px, up - 3) * side + u(px, up) * side + u(px, up + 3) * side;
                    smooth[i] = (byte) (ss <= 0f ? 0 : ss >= 255f ? 255 : (int) (ss + 0.5f));
                }
            }
        }
        return blend(smooth, img, factor);
    }

    /** {@code img.rotate(degrees, BICUBIC, fillcolor=fill)}: anticlockwise about the centre, same size. */
    static RgbImage rotate(RgbImage img, double degrees, int[] fill) {
        double turn = degrees % 360.0; // Python's modulo: the result is never negative
        if (turn < 0) {
            turn += 360.0;
        }
        if (turn == 0.0) {
            return img;
        }
        double angle = -Math.toRadians(turn);
        double cos = round15(Math.cos(angle));
        double sin = round15(Math.sin(angle));
        double cx = img.width() / 2.0;
        double cy = img.height() / 2.0;
        double[] m = {cos, sin, 0.0, -sin, cos, 0.0};
        m[2] = m[0] * -cx + m[1] * -cy + cx;
        m[5] = m[3] * -cx + m[4] * -cy + cy;
        return affine(img, m, fill);
    }

    static RgbImage shearX(RgbImage img, double factor, int[] fill) {
        return affine(img, new double[] {1, factor, 0, 0, 1, 0}, fill);
    }

    static RgbImage shearY(RgbImage img, double factor, int[] fill) {
        return affine(img, new double[] {1, 0, 0, factor, 1, 0}, fill);
    }

    static RgbImage translateX(RgbImage img, double pixels, int[] fill) {
        return affine(img, new double[] {1, 0, pixels, 0, 1, 0}, fill);
    }

    static RgbImage translateY(RgbImage img, double pixels, int[] fill) {
        return affine(img, new double[] {1, 0, 0, 0, 1, pixels}, fill);
    }

    static RgbImage flipHorizontal(RgbImage img) {
        int w = img.width();
        byte[] in = img.pixels();
        byte[] out = new byte[in.length];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(in, 3 * (y * w + x), out, 3 * (y * w + w - 1 - x), 3);
            }
        }
        return new RgbImage(w, img.height(), out);
    }

    /**
     * {@code Image.transform(size, AFFINE, m, BICUBIC, fillcolor)}: output pixel centre (x + 0.5,
     * y + 0.5) samples the input at {@code (m0 x + m1 y + m2, m3 x + m4 y + m5)} with PIL's
     * transform cubic (a = -1, edge-clamped taps); samples outside the image take the fill colour.
     */
    static RgbImage affine(RgbImage img, double[] m, int[] fill) {
        int w = img.width();
        int h = img.height();
        byte[] in = img.pixels();
        byte[] out = new byte[in.length];
        double[] rows = new double[4];
        int o = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, o += 3) {
                double xin = m[0] * (x + 0.5) + m[1] * (y + 0.5) + m[2];
                double yin = m[3] * (x + 0.5) + m[4] * (y + 0.5) + m[5];
                if (xin < 0.0 || xin >= w || yin < 0.0 || yin >= h) {
                    out[o] = (byte) fill[0];
                    out[o + 1] = (byte) fill[1];
                    out[o + 2] = (byte) fill[2];
                    continue;
                }
                xin -= 0.5;
                yin -= 0.5;
                int x0 = (int) Math.floor(xin);
                int y0 = (int) Math.floor(yin);
                double dx = xin - x0;
                double dy = yin - y0;
                for (int c = 0; c < 3; c++) {
                    for (int j = 0; j < 4; j++) {
                        int row = clip(y0 - 1 + j, h) * w;
                        rows[j] = cubic(u(in, 3 * (row + clip(x0 - 1, w)) + c), u(in, 3 * (row + clip(x0, w)) + c),
                                u(in, 3 * (row + clip(x0 + 1, w)) + c), u(in, 3 * (row + clip(x0 + 2, w)) + c), dx);
                    }
                    double v = cubic(rows[0], rows[1], rows[2], rows[3], dy);
                    out[o + c] = (byte) (v <= 0.0 ? 0 : v >= 255.0 ? 255 : (int) v);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    private static double cubic(double v1, double v2, double v3, double v4, double d) {
        double p1 = v2;
        double p2 = -v1 + v3;
        double p3 = 2 * (v1 - v2) + v3 - v4;
        double p4 = -v1 + v2 - v3 + v4;
        return p1 + d * (p2 + d * (p3 + d * p4));
    }

    private static int clip(int v, int size) {
        return v < 0 ? 0 : Math.min(v, size - 1);
    }

    /** Python's {@code round(v, 15)}: the exact binary value rounded to 15 decimals. */
    private static double round15(double v) {
        return new java.math.BigDecimal(v).setScale(15, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** {@code Image.blend(degenerate, img, factor)}: float interpolation, truncated and clipped. */
    private static RgbImage blend(byte[] degenerate, RgbImage img, double factor) {
        float alpha = (float) factor;
        byte[] px = img.pixels();
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            int a = degenerate[i] & 0xFF;
            float t = a + alpha * ((px[i] & 0xFF) - a);
            out[i] = (byte) (t <= 0f ? 0 : t >= 255f ? 255 : (int) t);
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    /** PIL's RGB to "L": (R 19595 + G 38470 + B 7471 + 0x8000) >> 16. */
    private static int luma(byte[] px, int i) {
        return (u(px, i) * 19595 + u(px, i + 1) * 38470 + u(px, i + 2) * 7471 + 0x8000) >> 16;
    }

    private static int[][] histograms(RgbImage img) {
        int[][] hist = new int[3][256];
        byte[] px = img.pixels();
        for (int i = 0; i < px.length; i += 3) {
            hist[0][px[i] & 0xFF]++;
            hist[1][px[i + 1] & 0xFF]++;
            hist[2][px[i + 2] & 0xFF]++;
        }
        return hist;
    }

    private static RgbImage lut(RgbImage img, java.util.function.IntUnaryOperator f) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = f.applyAsInt(v);
        }
        return lut(img, new int[][] {table, table, table});
    }

    private static RgbImage lut(RgbImage img, int[][] tables) {
        byte[] px = img.pixels();
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) tables[i % 3][px[i] & 0xFF];
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int u(byte[] px, int i) {
        return px[i] & 0xFF;
    }
}
